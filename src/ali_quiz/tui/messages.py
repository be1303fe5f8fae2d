"""What screens and the command palette ask of the app: messages it handles (events flow up).

A screen posts one of these (`self.post_message(ModeChosen(pack, "quick"))`); the message
bubbles from the screen to the app, whose handler changes the state or navigates. No screen
calls the app's methods.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from ali_quiz.config import Settings

if TYPE_CHECKING:
    from ali_quiz.catalog import PackEntry
    from ali_quiz.history.store import HistoryStore
    from ali_quiz.history.summary import HomeSummary, Resumable
    from ali_quiz.i18n import Phrase
    from ali_quiz.packs.model import Pack
    from ali_quiz.quiz.rounds import Round
    from ali_quiz.roundspec import ResolvedRound, RoundSpec


class ModeChosen(Message):
    """Start a fresh round of this mode on this pack (home screen, palette)."""

    def __init__(self, pack: Pack, mode: str) -> None:
        super().__init__()
        self.pack = pack
        self.mode = mode


class ResumeAsked(Message):
    """Carry on with an unfinished round of the history (its `unfinished` entry)."""

    def __init__(self, saved: Resumable) -> None:
        super().__init__()
        self.saved = saved


class RoundAsked(Message):
    """Play this resolved round (a replay, a round of mistakes)."""

    def __init__(self, chosen: ResolvedRound) -> None:
        super().__init__()
        self.chosen = chosen


class RoundSpecAsked(Message):
    """Resolve this spec as `play` does, then play it (Play again and Replay on the results)."""

    def __init__(self, spec: RoundSpec) -> None:
        super().__init__()
        self.spec = spec


class RoundFinished(Message):
    """The last question was answered: show the results. `round_id`: the round in the history
    (None when it is not there), which the results leave out when comparing."""

    def __init__(self, game: Round, chosen: ResolvedRound, round_id: int | None = None) -> None:
        super().__init__()
        self.game = game
        self.chosen = chosen
        self.round_id = round_id


class RoundLeft(Message):
    """The player left a round before its end (its answers are kept)."""


class PackChosen(Message):
    """Make this pack the one in play; `go_home` also returns to the home screen."""

    def __init__(self, entry: PackEntry, *, go_home: bool = False) -> None:
        super().__init__()
        self.entry = entry
        self.go_home = go_home


class PackOpened(Message):
    """Add a pack file (or folder) to the packs, and scan them again."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path


class PacksRescan(Message):
    """Scan the packs again (after fixing a file)."""


class SettingsChanged(Message):
    """Apply and save these settings; the app answers the screen with SettingsSaved."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings


class SettingsSaved(Message):
    """Sent to the active screen after SettingsChanged: the error text when saving failed."""

    def __init__(self, error: str | None) -> None:
        super().__init__()
        self.error = error


# --- From the app's workers to the app ---------------------------------------------------


class PacksScanned(Message):
    """The pack scan finished (from a worker)."""

    def __init__(self, entries: Sequence[PackEntry]) -> None:
        super().__init__()
        self.entries = tuple(entries)


class HistoryOpened(Message):
    """The history store is open, or off with a warning (from a worker)."""

    def __init__(self, store: HistoryStore | None, warning: Phrase | None) -> None:
        super().__init__()
        self.store = store
        self.warning = warning


class HistoryRead(Message):
    """The home screen's summary of the history, read afresh (from a worker)."""

    def __init__(self, summary: HomeSummary) -> None:
        super().__init__()
        self.summary = summary


class HomeShownAgain(Message):
    """Home is on screen again (back from another screen): its figures may be out of date."""
