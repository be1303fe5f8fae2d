"""What the screens read of the app: its state, as a protocol (screens never import the app).

Data flows down: a screen reads this state and watches its reactives (`catalog`, `pack_id`,
`history_state`, `settings`); events flow up as the messages of `tui.messages`, which the app
handles.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ali_quiz.clock import Now
from ali_quiz.config import Settings
from ali_quiz.i18n import Translator
from ali_quiz.paths import AppPaths

if TYPE_CHECKING:
    from ali_quiz.catalog import PackEntry
    from ali_quiz.history.store import HistoryStore
    from ali_quiz.history.summary import HomeSummary, Resumable
    from ali_quiz.packs.model import Pack


@dataclass(frozen=True)
class HistoryState:
    """What the home screen shows of the history: rounds to resume, packs with facts due, and
    the summary its progress panel reads (None until the history or its summary is read)."""

    unfinished: tuple[Resumable, ...] = ()
    review_packs: frozenset[str] = frozenset()
    summary: HomeSummary | None = None


@runtime_checkable
class QuizState(Protocol):
    """The app's state as screens read it."""

    paths: AppPaths
    tr: Translator
    now: Now
    catalog: tuple[PackEntry, ...] | None
    pack_id: str
    history_state: HistoryState
    settings: Settings
    history_store: HistoryStore | None
    extra_packs: list[Path]
    other_rounds: bool

    @property
    def player(self) -> str: ...

    def entry(self, pack_id: str | None = None) -> PackEntry | None: ...

    def current_pack(self) -> Pack | None: ...
