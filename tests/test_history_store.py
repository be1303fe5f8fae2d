"""The history store: what it records, the JSON shape it gives back, deleting, running totals."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from ali_quiz.history import stats
from ali_quiz.history.store import AnswerRecord, HistoryStore, PastRound, RoundStart
from test_history_support import (
    TAIPEI,
    answer,
    build_fixture,
    open_store,
    play,
    running_and_rebuilt,
    start,
)

ROUND_KEYS = [
    "id",
    "player",
    "pack",
    "pack_hash",
    "mode",
    "count",
    "seed",
    "code",
    "date",
    "ui_language",
    "started_at",
    "finished_at",
    "finished",
    "score",
    "max_score",
    "questions",
    "answers",
]
ANSWER_KEYS = [
    "position",
    "question_id",
    "kind",
    "facts",
    "prompt",
    "response",
    "answer",
    "points",
    "max_points",
    "skipped",
    "seconds",
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = open_store(tmp_path)
    yield s
    s.close()


def test_a_round_comes_back_in_the_history_json_shape(store: HistoryStore) -> None:
    at = datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)
    rid = play(
        store,
        start(at, seed=2**80, count=2),
        [
            answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI), kind="order", points=67),
            answer(
                1, datetime(2024, 3, 1, 10, 2, tzinfo=TAIPEI), kind="match", skipped=True, points=0
            ),
        ],
        datetime(2024, 3, 1, 10, 3, 30, tzinfo=TAIPEI),
    )
    [entry] = [r.to_json() for r in store.rounds()]
    assert list(entry) == ROUND_KEYS
    assert entry["id"] == rid
    assert entry["seed"] == 2**80  # bigger than SQLite's integers, kept exactly
    assert entry["started_at"] == "2024-03-01T10:00:00+08:00"
    assert entry["finished_at"] == "2024-03-01T10:03:30+08:00"
    assert entry["finished"] is True
    assert (entry["score"], entry["max_score"]) == (67, 200)
    first, second = entry["answers"]
    assert list(first) == ANSWER_KEYS
    assert first["response"] == ["b", "a", "c"] and first["answer"] == ["a", "b", "c"]
    assert first["facts"] == ["f1"] and first["points"] == 67 and first["skipped"] is False
    assert second["response"] is None and second["skipped"] is True
    assert second["answer"] == {"1": "x", "2": "y"}
    assert store.round(rid).to_json() == entry  # type: ignore[union-attr]
    assert store.round(rid + 100) is None


def test_rounds_are_newest_first_by_instant_and_filter(store: HistoryStore) -> None:
    ids = build_fixture(store)
    # Newest first by the instant, not by the local text: R3 (03-03 18:00 in Taipei, 10:00 UTC)
    # is later than R2 (03-02 23:30 in New York, 04:30 UTC on 03-03).
    order = [r.id for r in store.rounds(player="amy")]
    assert order == [ids[k] for k in ("R6", "R5", "R4", "R0", "R3", "R2", "R1")]
    assert [r.id for r in store.rounds(player="amy", pack="other")] == [ids["R0"]]
    assert [r.id for r in store.rounds(player="amy", mode="choice")] == [ids["R2"]]
    assert [
        r["id"] for r in [r.to_json() for r in store.rounds(player="amy", since=date(2024, 3, 5))]
    ] == [
        ids["R6"],
        ids["R5"],
        ids["R4"],
    ]
    assert [r.id for r in store.rounds(limit=2)] == [ids["R6"], ids["R5"]]
    assert len(store.rounds()) == 8
    assert store.players() == ["amy", "bob"]
    assert store.packs("amy") == ["dt", "other"]
    assert store.count_rounds(player="amy", pack="dt") == 6


def test_unfinished_rounds_can_be_resumed_where_they_stopped(store: HistoryStore) -> None:
    ids = build_fixture(store)
    resumable = store.unfinished("amy")
    assert [r.id for r in resumable] == [ids["R5"], ids["R4"]]
    r4 = resumable[1]
    assert r4.finished is False and r4.questions == 3 and len(r4.answers) == 1
    # Answering the rest and finishing takes it off the list.
    store.record_answer(ids["R4"], answer(1, datetime(2024, 3, 9, 9, 0, tzinfo=TAIPEI)))
    store.record_answer(ids["R4"], answer(2, datetime(2024, 3, 9, 9, 1, tzinfo=TAIPEI)))
    assert [r.id for r in store.unfinished("amy")] == [ids["R5"]]
    store.finish_round(ids["R4"], datetime(2024, 3, 9, 9, 2, tzinfo=TAIPEI))
    assert store.round(ids["R4"]).to_json()["finished"] is True  # type: ignore[union-attr]
    assert [r.to_json() for r in store.unfinished("bob")] == []


def test_round_rows_sort_by_every_column(store: HistoryStore) -> None:
    ids = build_fixture(store)
    by_score = store.round_rows(player="amy", order="score")
    # A finished round's score is its points over the points answered for; an unfinished one's
    # over the whole round, as the table shows it: R4's one right answer of three is 100/300,
    # R5's nothing answered 0/300, beside R0's 0% (newer first).
    assert [r.id for r in by_score] == [ids[n] for n in ("R6", "R3", "R2", "R1", "R4", "R5", "R0")]
    r4 = next(r for r in by_score if r.id == ids["R4"])
    assert (r4.score, r4.round_max) == (100, 300)
    assert by_score[-2].percent is None and by_score[-2].round_max == 300
    by_duration = store.round_rows(player="amy", order="duration", descending=False)
    assert by_duration[0].id == ids["R5"]  # nothing answered: no time
    assert by_duration[0].seconds is None
    r1 = next(r for r in by_duration if r.id == ids["R1"])
    # The time spent answering (three answers of 5 s), not the 5 minutes from start to finish.
    assert r1.seconds == 3 * 5.0 and r1.finished
    r4 = next(r for r in by_duration if r.id == ids["R4"])
    assert r4.seconds == 5.0 and not r4.finished and (r4.answered, r4.questions) == (1, 3)
    for order in ("date", "pack", "mode", "finished"):
        rows = store.round_rows(player="amy", order=order, limit=3)
        assert len(rows) == 3


def test_a_resumed_rounds_time_is_the_time_spent_answering(store: HistoryStore) -> None:
    """Left after one answer at 10:00 and finished at 10:31: the round took the 5 + 7 s of its
    answers, not the half hour away (play test G19), in the rows and in the record."""
    begin = start(datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI), count=2)
    round_id = play(
        store,
        begin,
        [
            answer(0, datetime(2024, 3, 1, 10, 0, 5, tzinfo=TAIPEI), seconds=5.0),
            answer(1, datetime(2024, 3, 1, 10, 31, tzinfo=TAIPEI), seconds=7.0),
        ],
        datetime(2024, 3, 1, 10, 31, 1, tzinfo=TAIPEI),
    )
    [row] = store.round_rows(player="amy")
    assert (row.id, row.finished, row.seconds) == (round_id, True, 12.0)
    saved = store.round(round_id)
    assert saved is not None and saved.seconds == 12.0


def test_times_must_be_aware_and_positions_unique(store: HistoryStore) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        store.start_round(start(datetime(2024, 3, 1, 10, 0)), 3)
    rid = store.start_round(start(datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)), 3)
    store.record_answer(rid, answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI)))
    with pytest.raises(ValueError, match="already recorded"):
        store.record_answer(rid, answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI)))
    with pytest.raises(ValueError, match="no round 999"):
        store.record_answer(999, answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI)))
    # The failed writes left nothing behind.
    assert len([r.to_json() for r in store.rounds()][0]["answers"]) == 1


def test_an_answer_without_a_time_is_stamped_now(store: HistoryStore) -> None:
    rid = store.start_round(start(datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)), 1)
    record = answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI), points=0)
    store.record_answer(rid, record.__class__(**{**record.__dict__, "answered_at": None}))
    [(at,)] = store.query("SELECT answered_at FROM answers")
    assert abs((datetime.fromisoformat(at) - datetime.now().astimezone()).total_seconds()) < 60


def test_finishing_twice_counts_once(store: HistoryStore) -> None:
    rid = play(
        store,
        start(datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)),
        [answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI))],
        datetime(2024, 3, 1, 10, 2, tzinfo=TAIPEI),
    )
    store.finish_round(rid, datetime(2024, 3, 1, 11, 0, tzinfo=TAIPEI))
    assert store.round(rid).to_json()["finished_at"] == "2024-03-01T10:02:00+08:00"  # type: ignore[union-attr]
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt


def test_running_totals_match_totals_rebuilt_from_the_rows(store: HistoryStore) -> None:
    ids = build_fixture(store)
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt
    assert running["day_totals"] and running["kind_totals"] and running["fact_totals"]
    # An answer added to an already finished round changes its percentage.
    store.record_answer(
        ids["R6"], answer(2, datetime(2024, 3, 7, 12, 5, tzinfo=TAIPEI), facts=("e1",), points=0)
    )
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt


def test_deleting_a_round_corrects_every_total(store: HistoryStore) -> None:
    ids = build_fixture(store)
    store.delete_round(ids["R3"])
    assert store.round(ids["R3"]) is None
    assert store.query("SELECT count(*) FROM answers WHERE round_id = ?", (ids["R3"],)) == [(0,)]
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt
    # m1 was only in R3: it is gone from the per-fact totals.
    assert store.query("SELECT count(*) FROM fact_totals WHERE fact = 'm1'") == [(0,)]
    store.delete_round(ids["R3"])  # already gone: nothing happens


def test_deleting_all_of_one_player_keeps_the_others(store: HistoryStore) -> None:
    build_fixture(store)
    assert store.delete_all("amy") == 7
    assert [r.player for r in store.rounds()] == ["bob"]
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt
    assert store.delete_all() == 1
    assert [r.to_json() for r in store.rounds()] == []
    assert store.query("SELECT count(*) FROM answer_facts") == [(0,)]


def test_prompts_and_responses_keep_their_characters(store: HistoryStore) -> None:
    rid = store.start_round(start(datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI), player="林小明"), 1)
    store.record_answer(
        rid,
        answer(
            0,
            datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI),
            kind="text",
            prompt="「巴顏喀拉」是哪一版？",
        ),
    )
    [(raw,)] = store.query("SELECT response FROM answers")
    assert json.loads(raw) == "釘釘" and "\\u" not in raw
    entry = [r.to_json() for r in store.rounds(player="林小明")][0]
    assert entry["answers"][0]["prompt"] == "「巴顏喀拉」是哪一版？"


def test_a_bulk_import_gives_what_playing_the_rounds_gives(tmp_path: Path) -> None:
    played = open_store(tmp_path / "played")
    build_fixture(played)
    times = {
        (rid, pos): datetime.fromisoformat(at)
        for rid, pos, at in played.query("SELECT round_id, position, answered_at FROM answers")
    }
    questions = dict(played.query("SELECT id, questions FROM rounds"))
    past = [
        PastRound(
            start=RoundStart(
                **{k: r[k] for k in ("player", "pack", "pack_hash", "mode", "count", "seed")},
                **{k: r[k] for k in ("code", "date", "ui_language")},
                started_at=datetime.fromisoformat(r["started_at"]),
            ),
            questions=questions[r["id"]],
            answers=tuple(
                AnswerRecord(
                    **{k: v for k, v in a.items() if k != "facts"},
                    facts=tuple(a["facts"]),
                    answered_at=times[r["id"], a["position"]],
                )
                for a in r["answers"]
            ),
            finished_at=datetime.fromisoformat(r["finished_at"]) if r["finished_at"] else None,
        )
        for r in sorted([r.to_json() for r in played.rounds()], key=lambda r: r["id"])
    ]
    imported = open_store(tmp_path / "imported")
    assert imported.bulk_import(past, chunk=3) == 8
    assert imported.rounds() == played.rounds()
    assert [r.to_json() for r in imported.unfinished("amy")] == [
        r.to_json() for r in played.unfinished("amy")
    ]
    assert running_and_rebuilt(imported.path)[0] == running_and_rebuilt(played.path)[0]


def test_a_half_right_match_misses_only_its_wrong_pairs(store: HistoryStore) -> None:
    """Its facts are graded pair by pair, as the class report grades them: the history's missed
    facts never list a fact whose pair the player got right."""
    at = datetime(2024, 4, 3, 9, 1, tzinfo=TAIPEI)
    pairs = AnswerRecord(
        position=1,
        question_id="q-match",
        kind="match",
        facts=("m1", "m2", "m3"),
        prompt="Pair them",
        response={"1": "a", "2": "c", "3": "b"},
        answer={"1": "a", "2": "b", "3": "c"},
        points=33,
        max_points=100,
        skipped=False,
        seconds=5.0,
        answered_at=at,
    )
    play(store, start(at), [pairs], at)
    assert [m.fact for m in stats.most_missed(store, "amy")] == ["m2", "m3"]
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt
