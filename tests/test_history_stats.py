"""Statistics against the hand-computed fixture of test_history_support.

The fixture, for player amy (bob has one round of his own; R0 is on pack "other"):

| round | started (local) | mode | answers (points of 100) | finished | % |
| --- | --- | --- | --- | --- | --- |
| R1 | 03-01 23:58 +08 | quick | c1 100, order o1 o2 50, estimate e1 0 (past midnight) | yes | 50 |
| R2 | 03-02 23:30 -05 | choice | choice c2 skipped, choice c1 100 | yes | 50 |
| R3 | 03-03 18:00 +08 | quick | choice c2 100, match m1 60, estimate e1 80 | yes | 80 |
| R0 | 03-04 10:00 +08 | quick | choice x1 0 (pack "other") | yes | 0 |
| R4 | 03-05 09:00 +08 | quick | order o1 o2 100 | no | |
| R5 | 03-06 08:00 +08 | quick | none | no | |
| R6 | 03-07 12:00 +08 | quick | order o1 o2 100, estimate e1 100 | yes | 100 |

Days with an answer, by the local day each round started: 03-01, 03-02, 03-03, (03-04 on
"other"), 03-05, 03-07. By UTC, R1 would be 03-01 but R2 03-03; by its answers' days, R1 would
be 03-02: either mistake breaks the 03-01..03-03 run.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from ali_quiz.history import stats
from ali_quiz.history.store import HistoryStore
from test_history_support import TAIPEI, answer, build_fixture, open_store, play, start

TODAY = date(2024, 3, 8)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = open_store(tmp_path)
    yield s
    s.close()


@pytest.fixture
def ids(store: HistoryStore) -> dict[str, int]:
    return build_fixture(store)


def test_summary_of_one_pack(store: HistoryStore, ids: dict[str, int]) -> None:
    s = stats.summary(store, "amy", pack="dt", today=TODAY)
    assert (s.rounds, s.started, s.answers) == (4, 6, 11)
    assert s.average == pytest.approx(70.0)  # (50 + 50 + 80 + 100) / 4
    assert s.best == pytest.approx(100.0)
    assert s.last_average == pytest.approx(70.0)
    assert s.recent == pytest.approx((50.0, 50.0, 80.0, 100.0))
    assert (s.current_streak, s.longest_streak) == (1, 3)
    kinds = {k.kind: k for k in s.kinds}
    assert sorted(kinds) == ["choice", "estimate", "match", "order"]
    assert (kinds["choice"].answers, kinds["choice"].points, kinds["choice"].max_points) == (
        4,
        300,
        400,
    )
    assert kinds["choice"].skipped == 1 and kinds["choice"].percent == pytest.approx(75.0)
    assert kinds["order"].percent == pytest.approx(250 / 3)
    assert kinds["estimate"].percent == pytest.approx(60.0)
    assert kinds["match"].percent == pytest.approx(60.0)
    assert kinds["choice"].seconds == pytest.approx(20.0)


def test_summary_of_every_pack(store: HistoryStore, ids: dict[str, int]) -> None:
    s = stats.summary(store, "amy", today=TODAY)
    assert (s.rounds, s.started, s.answers) == (5, 7, 12)
    assert s.average == pytest.approx(56.0)  # R0's 0 % joins in
    assert s.recent == pytest.approx((50.0, 50.0, 80.0, 0.0, 100.0))
    assert (s.current_streak, s.longest_streak) == (1, 5)  # 03-04 (other) joins 03-01..03-05
    assert [k.answers for k in s.kinds if k.kind == "choice"] == [5]


def test_summary_by_mode_and_period(store: HistoryStore, ids: dict[str, int]) -> None:
    quick = stats.summary(store, "amy", pack="dt", mode="quick", today=TODAY)
    assert (quick.rounds, quick.started) == (3, 5)
    assert quick.average == pytest.approx((50 + 80 + 100) / 3)
    assert (quick.current_streak, quick.longest_streak) == (1, 1)
    recent = stats.summary(store, "amy", pack="dt", since=date(2024, 3, 3), today=TODAY)
    assert (recent.rounds, recent.started, recent.answers) == (2, 4, 6)
    assert recent.average == pytest.approx(90.0)
    assert recent.recent == pytest.approx((80.0, 100.0))


def test_summary_of_nobody_is_empty(store: HistoryStore, ids: dict[str, int]) -> None:
    s = stats.summary(store, "carol", today=TODAY)
    assert (s.rounds, s.started, s.answers) == (0, 0, 0)
    assert s.average is None and s.best is None and s.last_average is None
    assert (s.current_streak, s.longest_streak) == (0, 0)
    assert s.kinds == () and s.recent == () and s.missed == ()


@pytest.mark.parametrize(
    ("today", "current"),
    [(date(2024, 3, 7), 1), (date(2024, 3, 8), 1), (date(2024, 3, 9), 0), (date(2024, 3, 5), 1)],
)
def test_the_current_streak_depends_on_today(
    store: HistoryStore, ids: dict[str, int], today: date, current: int
) -> None:
    assert stats.summary(store, "amy", pack="dt", today=today).current_streak == current


def test_the_last_ten_are_the_latest_ten(store: HistoryStore) -> None:
    base = datetime(2024, 1, 1, 9, 0, tzinfo=TAIPEI)
    for n in range(12):  # scores 0, 10, ..., 110 -> the last ten are 20 .. 100 and 100
        points = min(n * 10, 100)
        at = base + timedelta(days=n)
        play(store, start(at), [answer(0, at, points=points)], at + timedelta(minutes=1))
    s = stats.summary(store, "amy", today=date(2024, 1, 12))
    assert s.last_average == pytest.approx((20 + 30 + 40 + 50 + 60 + 70 + 80 + 90 + 100 + 100) / 10)
    assert s.average == pytest.approx(sum(min(n * 10, 100) for n in range(12)) / 12)
    assert (s.current_streak, s.longest_streak) == (12, 12)
    assert len(stats.summary(store, "amy", recent=5).recent) == 5


@pytest.mark.parametrize(
    ("days", "today", "expected"),
    [
        ([], date(2024, 3, 8), (0, 0)),
        ([date(2024, 3, 8)], date(2024, 3, 8), (1, 1)),
        ([date(2024, 3, 6), date(2024, 3, 7)], date(2024, 3, 8), (2, 2)),  # alive until tonight
        ([date(2024, 3, 5), date(2024, 3, 6)], date(2024, 3, 8), (0, 2)),
        # A round recorded in a zone already on the next day still continues the run.
        ([date(2024, 3, 7), date(2024, 3, 8), date(2024, 3, 9)], date(2024, 3, 8), (3, 3)),
        ([date(2024, 2, 28), date(2024, 2, 29), date(2024, 3, 1)], date(2024, 3, 1), (3, 3)),
        ([date(2023, 12, 31), date(2024, 1, 1), date(2024, 1, 3)], date(2024, 1, 3), (1, 2)),
        ([date(2024, 3, 1)] * 3, date(2024, 3, 2), (1, 1)),
    ],
)
def test_streaks(days: list[date], today: date, expected: tuple[int, int]) -> None:
    assert stats.streaks(days, today) == expected


def test_most_missed_facts(store: HistoryStore, ids: dict[str, int]) -> None:
    missed = stats.most_missed(store, "amy", pack="dt")
    # Worst answered first: m1 missed 1 of 1 time, e1 2 of 3, c2 1 of 2, o1 and o2 1 of 3.
    assert [(m.fact, m.misses, m.seen) for m in missed] == [
        ("m1", 1, 1),
        ("e1", 2, 3),
        ("c2", 1, 2),
        ("o1", 1, 3),
        ("o2", 1, 3),
    ]
    by_fact = {m.fact: m for m in missed}
    assert by_fact["e1"].last_missed == datetime(2024, 3, 3, 18, 3, tzinfo=TAIPEI)
    assert by_fact["c2"].last_missed is not None
    assert by_fact["c2"].last_missed.utcoffset() == timedelta(hours=-5)  # as it was recorded
    # Boxes: a miss puts a fact in box 1, each right answer after it one box up.
    assert {f: m.box for f, m in by_fact.items()} == {"e1": 2, "m1": 1, "c2": 2, "o1": 3, "o2": 3}
    assert (by_fact["o1"].seen, by_fact["e1"].seen) == (3, 3)
    # x1 and m1 both missed their one answer: the latest miss (x1, 03-04) first.
    assert [m.fact for m in stats.most_missed(store, "amy")][:3] == ["x1", "m1", "e1"]
    assert len(stats.most_missed(store, "amy", limit=2)) == 2
    assert [m.fact for m in stats.most_missed(store, "bob")] == ["e1"]
