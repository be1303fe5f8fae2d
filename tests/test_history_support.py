"""Helpers for the history tests: building rounds, the hand-computed fixture, checking totals.

The fixture (`build_fixture`) is what test_history_stats.py checks number by number and what the
history screen's tests and snapshots show. Its days and times are chosen so that counting a
round by its UTC date, or by the date of its answers, gives different streaks than counting it
by the local date it was started on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot

import ali_quiz.tui
from ali_quiz.history import cards, totals
from ali_quiz.history.store import AnswerRecord, HistoryStore, RoundStart
from ali_quiz.i18n import Translator
from ali_quiz.packs.model import Pack
from ali_quiz.tui.screens.history.screen import HistoryScreen

TAIPEI = timezone(timedelta(hours=8))
NEW_YORK = timezone(timedelta(hours=-5))
#: The history screen's clock in its tests: the day after the fixture's last round.
NOW = datetime(2024, 3, 8, 12, 0, tzinfo=TAIPEI)


def start(
    at: datetime,
    *,
    player: str = "amy",
    pack: str = "dt",
    mode: str = "quick",
    count: int = 3,
    seed: int | None = 7,
    code: str | None = None,
) -> RoundStart:
    """A round start with everything but the time filled in."""
    return RoundStart(
        player=player,
        pack=pack,
        pack_hash="h-" + pack,
        mode=mode,
        count=count,
        seed=seed,
        code=code,
        date=at.date().isoformat(),
        ui_language="en",
        started_at=at,
    )


def answer(
    position: int,
    at: datetime,
    *,
    kind: str = "choice",
    facts: tuple[str, ...] = ("f1",),
    points: int = 100,
    max_points: int = 100,
    skipped: bool = False,
    seconds: float = 5.0,
    prompt: str | None = None,
) -> AnswerRecord:
    """An answer; its response is the right answer when it earned full marks.

    `position` counts from 0 here, for short fixtures; it is recorded from 1, as a round does.
    """
    right: Any = {
        "choice": "b",
        "order": ["a", "b", "c"],
        "match": {"1": "x", "2": "y"},
        "estimate": 76102000,
        "text": "釘釘",
    }[kind]
    wrong: Any = {
        "choice": "c",
        "order": ["b", "a", "c"],
        "match": {"1": "y", "2": "x"},
        "estimate": 50000000,
        "text": "微信",
    }[kind]
    return AnswerRecord(
        position=position + 1,
        question_id=f"{kind}-{'-'.join(facts)}",
        kind=kind,
        facts=facts,
        prompt=prompt or f"Question about {', '.join(facts)}?",
        response=None if skipped else (right if points == max_points else wrong),
        answer=right,
        points=points,
        max_points=max_points,
        skipped=skipped,
        seconds=seconds,
        answered_at=at,
    )


def play(
    store: HistoryStore,
    begin: RoundStart,
    answers: list[AnswerRecord],
    finished_at: datetime | None,
    questions: int | None = None,
) -> int:
    """Record a whole round (finished when `finished_at` is given); return its id."""
    round_id = store.start_round(begin, questions if questions is not None else len(answers))
    for a in answers:
        store.record_answer(round_id, a)
    if finished_at is not None:
        store.finish_round(round_id, finished_at)
    return round_id


def build_fixture(store: HistoryStore) -> dict[str, int]:
    """The hand-computed history; returns round ids by name (R0 to R6, B1)."""
    t, ny = TAIPEI, NEW_YORK
    ids: dict[str, int] = {}
    # R1 starts two minutes before midnight in Taipei; its answers and its end fall on 03-02.
    ids["R1"] = play(
        store,
        start(datetime(2024, 3, 1, 23, 58, tzinfo=t)),
        [
            answer(0, datetime(2024, 3, 1, 23, 59, tzinfo=t), facts=("c1",)),
            answer(
                1,
                datetime(2024, 3, 2, 0, 1, tzinfo=t),
                kind="order",
                facts=("o1", "o2"),
                points=50,
            ),
            answer(
                2, datetime(2024, 3, 2, 0, 2, tzinfo=t), kind="estimate", facts=("e1",), points=0
            ),
        ],
        datetime(2024, 3, 2, 0, 3, tzinfo=t),
    )
    # B1: another player, same pack and days: never in amy's numbers.
    ids["B1"] = play(
        store,
        start(datetime(2024, 3, 2, 9, 0, tzinfo=t), player="bob"),
        [answer(0, datetime(2024, 3, 2, 9, 1, tzinfo=t), facts=("e1",), points=0)],
        datetime(2024, 3, 2, 9, 2, tzinfo=t),
    )
    # R2 is played in New York late on 03-02 local time, which is already 03-03 in UTC.
    ids["R2"] = play(
        store,
        start(datetime(2024, 3, 2, 23, 30, tzinfo=ny), mode="choice", count=2),
        [
            answer(
                0, datetime(2024, 3, 2, 23, 31, tzinfo=ny), facts=("c2",), points=0, skipped=True
            ),
            answer(1, datetime(2024, 3, 2, 23, 32, tzinfo=ny), facts=("c1",)),
        ],
        datetime(2024, 3, 2, 23, 35, tzinfo=ny),
    )
    ids["R3"] = play(
        store,
        start(datetime(2024, 3, 3, 18, 0, tzinfo=t)),
        [
            answer(0, datetime(2024, 3, 3, 18, 1, tzinfo=t), facts=("c2",)),
            answer(
                1, datetime(2024, 3, 3, 18, 2, tzinfo=t), kind="match", facts=("m1",), points=60
            ),
            answer(
                2, datetime(2024, 3, 3, 18, 3, tzinfo=t), kind="estimate", facts=("e1",), points=80
            ),
        ],
        datetime(2024, 3, 3, 18, 4, tzinfo=t),
    )
    # R0: another pack.
    ids["R0"] = play(
        store,
        start(datetime(2024, 3, 4, 10, 0, tzinfo=t), pack="other", count=1),
        [answer(0, datetime(2024, 3, 4, 10, 1, tzinfo=t), facts=("x1",), points=0)],
        datetime(2024, 3, 4, 10, 2, tzinfo=t),
    )
    # R4: left after one answer (unfinished, resumable); R5: started, nothing answered.
    ids["R4"] = play(
        store,
        start(datetime(2024, 3, 5, 9, 0, tzinfo=t)),
        [answer(0, datetime(2024, 3, 5, 9, 1, tzinfo=t), kind="order", facts=("o1", "o2"))],
        None,
        questions=3,
    )
    ids["R5"] = play(store, start(datetime(2024, 3, 6, 8, 0, tzinfo=t)), [], None, questions=3)
    ids["R6"] = play(
        store,
        start(datetime(2024, 3, 7, 12, 0, tzinfo=t), count=2),
        [
            answer(0, datetime(2024, 3, 7, 12, 1, tzinfo=t), kind="order", facts=("o1", "o2")),
            answer(1, datetime(2024, 3, 7, 12, 2, tzinfo=t), kind="estimate", facts=("e1",)),
        ],
        datetime(2024, 3, 7, 12, 3, tzinfo=t),
    )
    return ids


def open_store(data_dir: Path) -> HistoryStore:
    """Open a store that must open without a warning."""
    result = HistoryStore.open(data_dir)
    assert result.warning is None, result.warning
    assert result.store is not None
    return result.store


def _totals(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    def clean(row: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(round(v, 6) if isinstance(v, float) else v for v in row)

    return {
        table: [clean(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3, 4")]
        for table in ("day_totals", "kind_totals", "kind_sums", "fact_totals", "fact_cards")
    }


def running_and_rebuilt(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The running totals as stored, and the same totals rebuilt from the rows (not saved)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        running = _totals(conn)
        totals.rebuild(conn)
        cards.rebuild(conn)
        rebuilt = _totals(conn)
        conn.execute("ROLLBACK")
    finally:
        conn.close()
    return running, rebuilt


class HistoryApp(App[None]):
    """Pushes the history screen over an empty one, as the real app does (with its stylesheet,
    its interface language and a fixed clock)."""

    CSS_PATH = str(Path(ali_quiz.tui.__file__).parent / "app.tcss")

    def __init__(
        self,
        store: HistoryStore | None,
        *,
        player: str = "amy",
        packs: Sequence[str | Pack] = ("dt", "other"),
        lang: str = "en",
    ) -> None:
        super().__init__()
        self.tr = Translator(lang)
        self.args = (store, player, list(packs))

    def on_mount(self) -> None:
        store, player, packs = self.args
        self.push_screen(HistoryScreen(store, player, packs, now=lambda: NOW))


async def settle(pilot: Pilot[Any]) -> None:
    """Let the screen's workers finish and their messages arrive."""
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()
