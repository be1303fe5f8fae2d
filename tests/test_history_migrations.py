"""Migrations: a database of every earlier schema version opens, keeps its rounds, gains totals."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ali_quiz.history import cards, review, schema, stats, totals
from ali_quiz.history.store import AnswerRecord, HistoryStore
from test_history_support import (
    TAIPEI,
    answer,
    open_store,
    play,
    running_and_rebuilt,
    start,
)

FILE = "history.sqlite3"


def _at_version(path: Path, version: int) -> sqlite3.Connection:
    """A database built by the migrations up to `version`, as that version of ali-quiz left it."""
    conn = sqlite3.connect(path, isolation_level=None)
    for n in range(1, version + 1):
        schema.MIGRATIONS[n](conn)
        conn.execute(f"PRAGMA user_version = {n}")
    return conn


def _fill_v0(conn: sqlite3.Connection) -> None:
    """Version 0 is a new, empty file: nothing to fill."""


def _fill_v1(conn: sqlite3.Connection) -> None:
    """Two rounds as version 1 wrote them: one finished in Taipei, one left in New York."""
    rounds = [
        (1, "amy", "dt", "h1", "quick", 3, "7", None, "2024-03-01", "zh-Hant",
         "2024-03-01T23:58:00+08:00", "2024-03-02T00:03:00+08:00", 3),
        (2, "amy", "dt", "h1", "choice", 2, None, "7Q3K-9MXA-2T", "2024-03-02", "en",
         "2024-03-02T23:30:00-05:00", None, 2),
    ]  # fmt: skip
    answers = [
        (1, 0, "q-c1", "choice", '["c1"]', "哪一個？", '"b"', '"b"', 100, 100, 0, 20.0),
        (1, 1, "q-o", "order", '["o1", "o2"]', "排序", '["b", "a"]', '["a", "b"]', 0, 100, 0, 30.0),
        (1, 2, "q-e1", "estimate", '["e1"]', "多少？", "76000000", "76102000", 95, 100, 0, 10.5),
        (2, 0, "q-c2", "choice", '["c2"]', "Which?", "null", '"a"', 0, 100, 1, 4.0),
    ]
    conn.executemany(f"INSERT INTO rounds VALUES ({', '.join('?' * 13)})", rounds)
    conn.executemany(f"INSERT INTO answers VALUES ({', '.join('?' * 12)})", answers)


def _fill_v2(conn: sqlite3.Connection) -> None:
    """A round as version 2 wrote it, with its totals: e1 missed, c1 right, on 2024-04-02."""
    started = datetime(2024, 4, 2, 9, 0, tzinfo=TAIPEI)
    times = [started + timedelta(minutes=n) for n in (1, 2, 3)]
    conn.execute(
        """INSERT INTO rounds(id, player, pack, pack_hash, mode, count, seed, code, date,
               ui_language, started_at, finished_at, questions, started_ts, finished_ts,
               play_day, score, max_score, answered, seconds, pct)
           VALUES (1, 'amy', 'dt', 'h1', 'quick', 2, '3', NULL, '2024-04-02', 'en', ?, ?, 2,
                   ?, ?, '2024-04-02', 100, 200, 2, 30.0, 50.0)""",
        (started.isoformat(), times[2].isoformat(), started.timestamp(), times[2].timestamp()),
    )
    for position, (fact, points) in enumerate((("e1", 0), ("c1", 100)), start=1):
        at = times[position - 1]
        conn.execute(
            """INSERT INTO answers(round_id, position, question_id, kind, facts, prompt,
                   response, answer, points, max_points, skipped, seconds, answered_at,
                   answered_ts)
               VALUES (1, ?, ?, 'choice', ?, 'Which?', '"a"', '"b"', ?, 100, 0, 15.0, ?, ?)""",
            (position, f"q-{fact}", f'["{fact}"]', points, at.isoformat(), at.timestamp()),
        )
        conn.execute(
            "INSERT INTO answer_facts(round_id, position, player, pack, fact, missed, ts)"
            " VALUES (1, ?, 'amy', 'dt', ?, ?, ?)",
            (position, fact, int(points < 100), at.timestamp()),
        )
    totals.rebuild(conn)


def _fill_v3(conn: sqlite3.Connection) -> None:
    """A round as version 3 wrote it: a match with two of its three pairs right, which counted
    as a miss of all three facts, and an order of facts with its first item misplaced."""
    started = datetime(2024, 4, 3, 9, 0, tzinfo=TAIPEI)
    at = started + timedelta(minutes=1)
    conn.execute(
        """INSERT INTO rounds(id, player, pack, pack_hash, mode, count, seed, code, date,
               ui_language, started_at, finished_at, questions, started_ts, finished_ts,
               play_day, score, max_score, answered, seconds, pct)
           VALUES (1, 'amy', 'dt', 'h1', 'quick', 2, '3', NULL, '2024-04-03', 'en', ?, ?, 2,
                   ?, ?, '2024-04-03', 100, 200, 2, 30.0, 50.0)""",
        (started.isoformat(), at.isoformat(), started.timestamp(), at.timestamp()),
    )
    answers = [
        (1, "match", ["m1", "m2", "m3"], {"1": "a", "2": "c", "3": "b"},
         {"1": "a", "2": "b", "3": "c"}),
        (2, "order", ["o1", "o2", "o3"], ["o2", "o1", "o3"], ["o1", "o2", "o3"]),
    ]  # fmt: skip
    for position, kind, facts, response, key in answers:
        conn.execute(
            """INSERT INTO answers(round_id, position, question_id, kind, facts, prompt,
                   response, answer, points, max_points, skipped, seconds, answered_at,
                   answered_ts)
               VALUES (1, ?, ?, ?, ?, 'Pair them', ?, ?, 33, 100, 0, 15.0, ?, ?)""",
            (position, f"q-{kind}", kind, json.dumps(facts), json.dumps(response),
             json.dumps(key), at.isoformat(), at.timestamp()),
        )  # fmt: skip
        for fact in facts:
            conn.execute(
                "INSERT INTO answer_facts(round_id, position, player, pack, fact, missed, ts)"
                " VALUES (1, ?, 'amy', 'dt', ?, 1, ?)",
                (position, fact, at.timestamp()),
            )
    totals.rebuild(conn)
    cards.rebuild(conn)


#: One filler per earlier schema version: a new version must add one for the version before it.
FILLERS: dict[int, Callable[[sqlite3.Connection], None]] = {
    0: _fill_v0,
    1: _fill_v1,
    2: _fill_v2,
    3: _fill_v3,
}


def test_every_earlier_version_has_a_filler() -> None:
    assert set(FILLERS) == set(range(schema.SCHEMA_VERSION))


@pytest.mark.parametrize("version", sorted(FILLERS))
def test_every_earlier_version_migrates_to_the_current_one(tmp_path: Path, version: int) -> None:
    conn = _at_version(tmp_path / FILE, version)
    FILLERS[version](conn)
    conn.close()
    store = open_store(tmp_path)
    assert store.query("PRAGMA user_version") == [(schema.SCHEMA_VERSION,)]
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt
    # The migrated database takes new rounds like a new one.
    rid = play(
        store,
        start(datetime(2024, 4, 1, 10, 0, tzinfo=TAIPEI)),
        [answer(0, datetime(2024, 4, 1, 10, 1, tzinfo=TAIPEI))],
        datetime(2024, 4, 1, 10, 2, tzinfo=TAIPEI),
    )
    assert store.round(rid) is not None
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt


def test_an_empty_file_is_a_new_database(tmp_path: Path) -> None:
    (tmp_path / FILE).write_bytes(b"")
    store = open_store(tmp_path)
    assert store.query("PRAGMA user_version") == [(schema.SCHEMA_VERSION,)]
    assert [r.to_json() for r in store.rounds()] == []


def test_version_1_rounds_come_back_whole_with_their_totals(tmp_path: Path) -> None:
    conn = _at_version(tmp_path / FILE, 1)
    _fill_v1(conn)
    conn.close()
    store = open_store(tmp_path)
    second, first = [r.to_json() for r in store.rounds()]
    assert first["id"] == 1 and second["id"] == 2
    assert (first["score"], first["max_score"], first["finished"]) == (195, 300, True)
    assert (second["score"], second["max_score"], second["finished"]) == (0, 100, False)
    assert first["seed"] == 7 and first["code"] is None and second["code"] == "7Q3K-9MXA-2T"
    assert first["answers"][1]["response"] == ["b", "a"]
    assert first["answers"][2]["response"] == 76000000
    assert second["answers"][0]["skipped"] is True and second["answers"][0]["response"] is None
    # Days are the local days the rounds started on; New York's 23:30 is 03-03 in UTC.
    assert store.query("SELECT id, play_day FROM rounds ORDER BY id") == [
        (1, "2024-03-01"),
        (2, "2024-03-02"),
    ]
    # Version 1 kept no answer times: start plus the seconds taken so far, in UTC.
    started = datetime(2024, 3, 1, 23, 58, tzinfo=TAIPEI)
    times = [datetime.fromisoformat(a) for (a,) in store.query(
        "SELECT answered_at FROM answers WHERE round_id = 1 ORDER BY position"
    )]  # fmt: skip
    assert times == [started + timedelta(seconds=s) for s in (20, 50, 60)]
    assert all(t.utcoffset() == timedelta(0) for t in times)
    assert [r.to_json() for r in store.unfinished("amy")][0]["id"] == 2
    summary = stats.summary(store, "amy", today=datetime(2024, 3, 3).date())
    assert (summary.rounds, summary.started, summary.answers) == (1, 2, 4)
    assert summary.average == pytest.approx(65.0)
    assert (summary.current_streak, summary.longest_streak) == (2, 2)
    assert [(m.fact, m.misses, m.box) for m in summary.missed] == [
        ("c2", 1, 1),
        ("e1", 1, 1),
        ("o1", 1, 1),
        ("o2", 1, 1),
    ]


def test_a_migrated_database_matches_one_written_by_the_current_version(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    conn = _at_version(old / FILE, 1)
    _fill_v1(conn)
    conn.close()
    migrated = open_store(old)
    fresh = open_store(new)
    # The same two rounds written through the current API, answer times as the migration guesses.
    for entry in reversed([r.to_json() for r in migrated.rounds()]):
        begin = datetime.fromisoformat(entry["started_at"])
        rid = fresh.start_round(
            start(begin, mode=entry["mode"], count=entry["count"], seed=entry["seed"]),
            entry["count"],
        )
        elapsed = 0.0
        for a in entry["answers"]:
            elapsed += a["seconds"]
            fields = {k: v for k, v in a.items() if k != "facts"}
            at = (begin + timedelta(seconds=elapsed)).astimezone(UTC)
            fresh.record_answer(
                rid, AnswerRecord(**fields, facts=tuple(a["facts"]), answered_at=at)
            )
        if entry["finished_at"]:
            fresh.finish_round(rid, datetime.fromisoformat(entry["finished_at"]))
    assert running_and_rebuilt(migrated.path)[0] == running_and_rebuilt(fresh.path)[0]

    def comparable(store: HistoryStore) -> list[dict[str, object]]:
        keep = ("mode", "count", "seed", "started_at", "finished_at", "score", "max_score")
        return [
            {k: r[k] for k in keep} | {"answers": r["answers"]}
            for r in [r.to_json() for r in store.rounds()]
        ]

    assert comparable(migrated) == comparable(fresh)


def test_version_4_counts_only_the_pairs_a_match_missed(tmp_path: Path) -> None:
    """The right pairs of a half-right match, and an order's items in their right places
    against every other, are no longer counted as missed facts."""
    conn = _at_version(tmp_path / FILE, 3)
    _fill_v3(conn)
    conn.close()
    store = open_store(tmp_path)
    missed = stats.most_missed(store, "amy")
    assert sorted(m.fact for m in missed) == ["m2", "m3", "o1", "o2"]


def test_a_version_2_history_gains_fsrs_cards_from_its_answers(tmp_path: Path) -> None:
    conn = _at_version(tmp_path / FILE, 2)
    _fill_v2(conn)
    conn.close()
    store = open_store(tmp_path)
    missed_at = datetime(2024, 4, 2, 9, 1, tzinfo=TAIPEI)
    # The miss is due at once; the fact answered right is two days out (FSRS's first Good).
    assert review.count_due(store, "amy", "dt", missed_at) == 1
    assert list(review.due_weights(store, "amy", "dt", missed_at)) == ["e1"]
    later = datetime(2024, 4, 4, 9, 2, tzinfo=TAIPEI)
    assert review.next_due(store, "amy", "dt", missed_at) == later
    assert review.count_due(store, "amy", "dt", later) == 2
    # The rounds themselves are untouched.
    (entry,) = [r.to_json() for r in store.rounds()]
    assert (entry["score"], entry["max_score"], len(entry["answers"])) == (100, 200, 2)
