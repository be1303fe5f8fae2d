"""Progress figures of the results and home screens, against test_history_support's fixture.

amy's finished rounds of pack "dt": quick R1 50% (03-01), choice R2 50% (03-02, New York),
quick R3 80% (03-03), quick R6 100% (03-07); R0 0% on pack "other" (03-04); R4 and R5 unfinished.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from ali_quiz.history import progress, review, stats, summary
from ali_quiz.history.store import HistoryStore
from test_history_support import NOW, TAIPEI, answer, build_fixture, open_store, play, start


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = open_store(tmp_path)
    yield s
    s.close()


@pytest.fixture
def ids(store: HistoryStore) -> dict[str, int]:
    return build_fixture(store)


def test_standing_is_the_last_and_best_finished_round_of_the_pack_and_mode(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    quick = progress.standing(store, "amy", "dt", "quick")
    assert (quick.rounds, quick.last, quick.best) == (3, 100.0, 100.0)
    choice = progress.standing(store, "amy", "dt", "choice")
    assert (choice.rounds, choice.last, choice.best) == (1, 50.0, 50.0)
    assert progress.standing(store, "amy", "other", "choice") == progress.Standing(
        rounds=0, last=None, best=None
    )
    bob = progress.standing(store, "bob", "dt", "quick")
    assert (bob.rounds, bob.last, bob.best) == (1, 0.0, 0.0)


def test_the_round_just_played_is_left_out_so_a_record_is_a_new_best(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    before = progress.standing(store, "amy", "dt", "quick", exclude=ids["R6"])
    assert (before.rounds, before.last, before.best) == (2, 80.0, 80.0)
    assert before.is_new_best(100.0)
    assert not before.is_new_best(80.0)  # equal to the best is no new best
    first = progress.standing(store, "amy", "dt", "choice", exclude=ids["R2"])
    assert first.rounds == 0 and not first.is_new_best(50.0)  # a first round beats nothing


def test_the_last_round_is_the_latest_started_not_the_best(store: HistoryStore) -> None:
    t = TAIPEI
    for day, points in ((1, 100), (2, 0), (2, 50)):
        at = datetime(2024, 4, day, 9 + points // 50, 0, tzinfo=t)
        play(store, start(at), [answer(0, at, points=points)], at + timedelta(minutes=1))
    found = progress.standing(store, "amy", "dt", "quick")
    assert (found.rounds, found.last, found.best) == (3, 50.0, 100.0)


def test_recent_rounds_are_the_finished_ones_newest_first(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    recent = progress.recent_rounds(store, "amy")
    assert [r.id for r in recent] == [ids[n] for n in ("R6", "R0", "R3", "R2", "R1")]
    assert (recent[0].pack, recent[0].mode, recent[0].score, recent[0].max_score) == (
        "dt",
        "quick",
        200,
        200,
    )
    assert recent[0].started_at == datetime(2024, 3, 7, 12, 0, tzinfo=TAIPEI)
    assert [r.id for r in progress.recent_rounds(store, "amy", limit=2)] == [ids["R6"], ids["R0"]]


@pytest.mark.parametrize("day", [1, 2, 3, 5, 6, 7, 8, 9, 10])
def test_the_streak_counts_like_the_history_screen(
    store: HistoryStore, ids: dict[str, int], day: int
) -> None:
    today = date(2024, 3, day)
    streak, played_today = progress.current_streak(store, "amy", today)
    assert streak == stats.summary(store, "amy", today=today).current_streak
    if day >= 7:  # days before the fixture's last round are in its future: no "today" there
        assert played_today == (day == 7)


def test_streaks_of_consecutive_days(store: HistoryStore) -> None:
    for day in (1, 3, 4, 5):  # a gap on 04-02
        at = datetime(2024, 4, day, 20, 0, tzinfo=TAIPEI)
        play(store, start(at, player="cy"), [answer(0, at)], at + timedelta(minutes=1))
    assert progress.current_streak(store, "cy", date(2024, 4, 5)) == (3, True)
    assert progress.current_streak(store, "cy", date(2024, 4, 6)) == (3, False)  # keep it today
    assert progress.current_streak(store, "cy", date(2024, 4, 7)) == (0, False)
    assert progress.current_streak(store, "nobody", date(2024, 4, 7)) == (0, False)


def test_progress_for_home(store: HistoryStore, ids: dict[str, int]) -> None:
    found = summary.read_summary(store, "amy").progress("dt", NOW)
    assert found.rounds == 5
    assert (found.streak, found.played_today) == (1, False)
    assert [r.id for r in found.recent] == [ids[n] for n in ("R6", "R0", "R3", "R2", "R1")]
    assert found.due == review.count_due(store, "amy", "dt", NOW) > 0
    assert not found.is_new_player
    assert summary.read_summary(store, "amy").progress(None, NOW).due == 0


def test_a_new_player_has_no_progress_yet(store: HistoryStore, ids: dict[str, int]) -> None:
    found = summary.read_summary(store, "newcomer").progress("dt", NOW)
    assert found.is_new_player
    assert (found.rounds, found.streak, found.recent, found.due) == (0, 0, (), 0)


def test_every_progress_query_uses_an_index(store: HistoryStore) -> None:
    """No figure scans a whole table (home reads them at start-up, over any history)."""
    seen: list[str] = []
    original = store.query

    def explained(sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        if not sql.startswith("EXPLAIN"):
            seen.extend(str(row[-1]) for row in original("EXPLAIN QUERY PLAN " + sql, params))
        return original(sql, params)

    store.query = explained  # type: ignore[method-assign]
    summary.read_summary(store, "amy").progress("dt", NOW)
    progress.standing(store, "amy", "dt", "quick", exclude=1)
    assert seen and all(not line.startswith("SCAN") for line in seen), seen
    assert not any("TEMP B-TREE FOR ORDER BY" in line for line in seen), seen
