"""Writing whole rounds at once (imports, benchmarks): plain rows, no running totals.

`HistoryStore.bulk_import` calls `insert_batch` inside its transaction and rebuilds every total
from the rows afterwards.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime

from ali_quiz.history import totals
from ali_quiz.history.jsontext import encoder
from ali_quiz.history.records import ANSWER_COLUMNS, PastRound

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def aware(moment: datetime, what: str) -> datetime:
    """The moment itself, or ValueError when it has no time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware (got {moment.isoformat()})")
    return moment


def iso(moment: datetime) -> str:
    """ISO 8601 with the moment's own offset, to the second."""
    return moment.isoformat(timespec="seconds")


def insert_batch(conn: sqlite3.Connection, batch: Sequence[PastRound], first_id: int) -> None:
    """Insert rounds, answers and per-fact rows, the rounds numbered from `first_id`."""
    to_json = encoder()
    rounds: list[tuple[Any, ...]] = []
    answers: list[tuple[Any, ...]] = []
    facts: list[tuple[Any, ...]] = []
    for round_id, past in enumerate(batch, start=first_id):
        start = past.start
        started = aware(start.started_at, "started_at")
        finished = None if past.finished_at is None else aware(past.finished_at, "finished_at")
        score = sum(a.points for a in past.answers)
        max_score = sum(a.max_points for a in past.answers)
        rounds.append(
            (round_id, start.player, start.pack, start.pack_hash, start.mode, start.count,
             None if start.seed is None else str(start.seed), start.code, start.date,
             start.ui_language, iso(started), None if finished is None else iso(finished),
             past.questions, started.timestamp(),
             None if finished is None else finished.timestamp(), started.date().isoformat(),
             score, max_score, len(past.answers), sum(a.seconds for a in past.answers),
             100.0 * score / max_score if finished is not None and max_score else None)
        )  # fmt: skip
        for a in past.answers:
            at = aware(a.answered_at or started, "answered_at")
            ts = at.timestamp()
            ids = list(dict.fromkeys(a.facts))
            answers.append(
                (round_id, a.position, a.question_id, a.kind, to_json(ids),
                 a.prompt, to_json(a.response),
                 to_json(a.answer), a.points, a.max_points,
                 int(a.skipped), a.seconds, iso(at), ts)
            )  # fmt: skip
            missed = totals.missed_facts(a)
            facts.extend(
                (round_id, a.position, start.player, start.pack, f, missed[f], ts) for f in ids
            )
    conn.executemany(
        f"""INSERT INTO rounds(id, player, pack, pack_hash, mode, count, seed, code, date,
                ui_language, started_at, finished_at, questions, started_ts, finished_ts,
                play_day, score, max_score, answered, seconds, pct)
            VALUES ({", ".join("?" * 21)})""",
        rounds,
    )
    conn.executemany(
        f"INSERT INTO answers({ANSWER_COLUMNS}, answered_at, answered_ts)"
        f" VALUES ({', '.join('?' * 14)})",
        answers,
    )
    conn.executemany(
        "INSERT INTO answer_facts(round_id, position, player, pack, fact, missed, ts)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        facts,
    )
