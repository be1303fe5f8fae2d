"""Review on FSRS: every fact met is a card, every answer a review, the round asks what is due."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ali_quiz.history import cards, review
from ali_quiz.history.store import HistoryStore
from ali_quiz.i18n import Translator
from ali_quiz.packs.model import Pack
from ali_quiz.roundhistory import review_from_store
from ali_quiz.roundspec import RoundSpecError
from test_history_support import (
    TAIPEI,
    answer,
    build_fixture,
    open_store,
    play,
    running_and_rebuilt,
    start,
)

T0 = datetime(2024, 5, 1, 9, 0, tzinfo=TAIPEI)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = open_store(tmp_path)
    yield s
    s.close()


@pytest.mark.parametrize(
    ("points", "max_points", "skipped", "expected"),
    [
        (0, 100, False, cards.AGAIN),
        (59, 100, False, cards.AGAIN),
        (60, 100, False, cards.HARD),
        (89, 100, False, cards.HARD),
        (90, 100, False, cards.GOOD),
        (100, 100, False, cards.GOOD),
        (0, 100, True, cards.AGAIN),
        (45, 50, False, cards.GOOD),  # an authored question worth 50: its share counts
        (29, 50, False, cards.AGAIN),
        (0, 0, False, cards.GOOD),  # nothing to earn: full marks
    ],
)
def test_points_map_to_fsrs_ratings(
    points: int, max_points: int, skipped: bool, expected: int
) -> None:
    assert cards.rating(points, max_points, skipped) == expected


def _one(store: HistoryStore, at: datetime, fact: str, points: int, pack: str = "dt") -> None:
    play(store, start(at, pack=pack), [answer(0, at, facts=(fact,), points=points)], at)


def test_a_miss_is_due_at_once_and_a_right_answer_days_later(store: HistoryStore) -> None:
    _one(store, T0, "missed", 0)
    _one(store, T0, "known", 100)
    _one(store, T0, "half", 70)
    assert review.count_due(store, "amy", "dt", T0) == 2  # missed and half known: due now
    assert review.count_due(store, "amy", "dt", T0 - timedelta(seconds=1)) == 0
    assert set(review.due_weights(store, "amy", "dt", T0)) == {"missed", "half"}
    # A right answer on first sight graduates: FSRS's first interval for Good is two days.
    assert review.next_due(store, "amy", "dt", T0) == T0 + timedelta(days=2)
    assert review.count_due(store, "amy", "dt", T0 + timedelta(days=2)) == 3
    # Other players and packs have their own cards.
    assert review.count_due(store, "bob", "dt", T0 + timedelta(days=9)) == 0
    assert review.count_due(store, "amy", "other", T0 + timedelta(days=9)) == 0
    assert review.next_due(store, "amy", "other", T0) is None


def test_reviewing_a_due_fact_right_sends_it_away(store: HistoryStore) -> None:
    _one(store, T0, "f", 0)
    later = T0 + timedelta(minutes=5)
    assert review.count_due(store, "amy", "dt", later) == 1
    _one(store, later, "f", 100)
    assert review.count_due(store, "amy", "dt", later) == 0
    first = review.next_due(store, "amy", "dt", later)
    assert first is not None and first >= later + timedelta(days=1)
    # Known again and again: each interval is longer than the one before.
    intervals = []
    at = first
    for _ in range(3):
        _one(store, at, "f", 100)
        upcoming = review.next_due(store, "amy", "dt", at)
        assert upcoming is not None
        intervals.append(upcoming - at)
        at = upcoming
    assert intervals[0] < intervals[1] < intervals[2]
    # A lapse brings it back at once, and FSRS counts it.
    _one(store, at, "f", 10)
    assert review.count_due(store, "amy", "dt", at) == 1
    assert store.query("SELECT reviews, lapses FROM fact_cards WHERE fact = 'f'") == [(6, 1)]


def test_the_most_overdue_fact_comes_first(store: HistoryStore) -> None:
    _one(store, T0, "late", 0)
    _one(store, T0 + timedelta(hours=1), "early", 0)
    _one(store, T0 + timedelta(hours=2), "recent", 0)
    now = T0 + timedelta(days=1)
    weights = review.due_weights(store, "amy", "dt", now)
    assert list(weights) == ["late", "early", "recent"]
    assert weights["late"] == pytest.approx(2.0)  # 1 + one day overdue
    assert weights["late"] > weights["early"] > weights["recent"] > 1.0


def test_facts_due_together_come_lowest_retrievability_first(store: HistoryStore) -> None:
    # "old" was known for weeks before this lapse; "new" was met for the first time now: FSRS
    # keeps more of old's stability, so old is the likelier to be recalled and comes second.
    at = T0
    for _ in range(4):
        _one(store, at, "old", 100)
        upcoming = review.next_due(store, "amy", "dt", at)
        assert upcoming is not None
        at = upcoming
    play(store, start(at), [answer(0, at, kind="order", facts=("old", "new"), points=0)], at)
    weights = review.due_weights(store, "amy", "dt", at + timedelta(days=3))
    assert list(weights) == ["new", "old"]
    assert weights["new"] == weights["old"]


def test_the_fixture_s_cards(store: HistoryStore) -> None:
    build_fixture(store)
    now = datetime(2024, 3, 8, 12, 0, tzinfo=TAIPEI)
    day = timedelta(days=1)
    # m1 was answered 60 (Hard) once, on 03-03 at 18:02: a new card rated Hard stays in its
    # learning step, due at once. c2 was skipped, then right at 18:01: one day out. o1, o2
    # and e1 were right on 03-07 after a right answer or two: days out. c1 was right twice.
    weights = review.due_weights(store, "amy", "dt", now)
    assert list(weights) == ["m1", "c2"]
    assert weights["m1"] == pytest.approx(
        1 + (now - datetime(2024, 3, 3, 18, 2, tzinfo=TAIPEI)) / day
    )
    assert weights["c2"] == pytest.approx(
        1 + (now - datetime(2024, 3, 4, 18, 1, tzinfo=TAIPEI)) / day
    )
    assert review.count_due(store, "amy", "dt", now) == 2
    assert review.count_due(store, "amy", "other", now) == 1
    assert review.count_due(store, "bob", "dt", now) == 1


def test_cards_replay_from_the_answers(store: HistoryStore) -> None:
    ids = build_fixture(store)
    running, rebuilt = running_and_rebuilt(store.path)
    assert running["fact_cards"] and running == rebuilt
    # Without R3, m1 was never met (no card) and c2's last answer is its skip: due at once.
    store.delete_round(ids["R3"])
    now = datetime(2024, 3, 8, 12, 0, tzinfo=TAIPEI)
    assert list(review.due_weights(store, "amy", "dt", now)) == ["c2"]
    assert store.query("SELECT count(*) FROM fact_cards WHERE fact = 'm1'") == [(0,)]
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt
    store.delete_all("amy")
    assert store.query("SELECT DISTINCT player FROM fact_cards") == [("bob",)]


def test_an_answer_written_late_never_reviews_before_the_last(store: HistoryStore) -> None:
    _one(store, T0, "f", 100)
    _one(store, T0 - timedelta(hours=1), "f", 0)  # a queued answer, written after a later one
    assert review.count_due(store, "amy", "dt", T0) == 1
    (last,) = store.query("SELECT last_review_ts FROM fact_cards WHERE fact = 'f'")[0]
    assert datetime.fromtimestamp(last, UTC) == T0


def test_a_question_without_facts_is_reviewed_by_its_id(store: HistoryStore) -> None:
    missed = replace(answer(0, T0, facts=()), points=0, question_id="q-momo")
    rid = play(store, start(T0), [missed], T0)
    assert list(review.due_weights(store, "amy", "dt", T0)) == ["q-momo"]
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt
    # Known a minute later; deleting that round brings the miss back.
    later = T0 + timedelta(minutes=1)
    known = play(store, start(later), [replace(missed, points=100, answered_at=later)], later)
    assert review.count_due(store, "amy", "dt", later) == 0
    store.delete_round(known)
    assert list(review.due_weights(store, "amy", "dt", later)) == ["q-momo"]
    store.delete_round(rid)
    assert review.count_due(store, "amy", "dt", later) == 0
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt


@settings(max_examples=12, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b", "c"]),
            st.sampled_from([0, 59, 60, 89, 90, 100]),
            st.integers(min_value=-3600, max_value=30 * 86400),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_any_history_replays_to_the_cards_it_wrote(
    answers: list[tuple[str, int, int]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder))
        at = T0
        for fact, points, step in answers:
            at += timedelta(seconds=step)  # now and then a step back: a queued answer
            _one(store, at, fact, points)
        running, rebuilt = running_and_rebuilt(store.path)
        assert running == rebuilt
        due = review.due_weights(store, "amy", "dt", at)
        assert len(due) == review.count_due(store, "amy", "dt", at)
        store.close()


def test_a_review_with_nothing_due_says_when_the_next_fact_is(
    store: HistoryStore, pack_zh: Pack
) -> None:
    _one(store, T0, "dingtalk-beta", 100, pack=pack_zh.id)  # known: FSRS's first Good, 2 days
    weights = review_from_store(store, "amy", now=lambda: T0)
    with pytest.raises(RoundSpecError) as caught:
        weights(pack_zh, T0.date())
    assert caught.value.key == "round.no_review_until"
    assert str(caught.value).endswith("the next fact comes due at 2024-05-03 09:00")
    assert caught.value.message(Translator("zh-Hant")).endswith(
        "下一個事實在 2024-05-03 09:00 到期"
    )
    # On that day (`--date`), it is due.
    assert list(weights(pack_zh, T0.date() + timedelta(days=2))) == ["dingtalk-beta"]
    # Nothing met at all: the plain "nothing due" (None from the round's point of view).
    assert review_from_store(store, "bob", now=lambda: T0)(pack_zh, T0.date()) == {}
