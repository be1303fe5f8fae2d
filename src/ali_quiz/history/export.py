"""The history as `ali-quiz history` prints it: a table for people, JSON and CSV for programs.

All three take rounds in PRODUCT.md's `history --json` shape (what `HistoryStore.rounds` gives).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from ali_quiz.safety.csvcells import csv_writer
from ali_quiz.textwidth import table

ROUND_COLUMNS = (
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
)
ANSWER_COLUMNS = (
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
)
CSV_COLUMNS = ("round_id", *ROUND_COLUMNS[1:], *ANSWER_COLUMNS)


def duration_text(seconds: float | None) -> str:
    """`4:05` for four minutes and five seconds, `1:02:03` past an hour, `—` when unknown."""
    if seconds is None or seconds < 0:
        return "—"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def round_seconds(entry: dict[str, Any]) -> float | None:
    """A round's duration: start to finish when finished, else the time spent on its answers."""
    if entry.get("finished_at"):
        started = datetime.fromisoformat(entry["started_at"])
        return (datetime.fromisoformat(entry["finished_at"]) - started).total_seconds()
    answers = entry.get("answers") or []
    return float(sum(a["seconds"] for a in answers)) if answers else None


def percent_text(score: int, max_score: int) -> str:
    """`77%`, or `—` when there was nothing to score."""
    return f"{round(100 * score / max_score)}%" if max_score else "—"


def _finished_text(entry: dict[str, Any]) -> str:
    return "yes" if entry["finished"] else f"no ({len(entry['answers'])} answered)"


def format_table(rounds: Sequence[dict[str, Any]]) -> str:
    """A fixed-width table of rounds, one line each, aligned for CJK text as well."""
    if not rounds:
        return "No rounds in the history yet."
    headers = ("#", "Started", "Player", "Pack", "Mode", "Score", "%", "Time", "Finished")
    rows = [
        (
            str(r["id"]),
            r["started_at"][:16].replace("T", " "),  # local time of the player, as recorded
            r["player"],
            r["pack"],
            r["mode"],
            f"{r['score']}/{r['max_score']}",
            percent_text(r["score"], r["max_score"]),
            duration_text(round_seconds(r)),
            _finished_text(r),
        )
        for r in rounds
    ]
    return table(headers, rows, max_width=24, right=(0, 5, 6, 7))


def to_json(rounds: Sequence[dict[str, Any]]) -> str:
    """The rounds as a JSON array (UTF-8 text, not ASCII-escaped; numbers as numbers)."""
    return json.dumps(list(rounds), ensure_ascii=False, indent=2)


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def to_csv(rounds: Sequence[dict[str, Any]]) -> str:
    """The rounds as CSV, one row per answer with its round's columns repeated.

    Columns, in order:

    | column | what |
    | --- | --- |
    | `round_id` | the round's id in this history |
    | `player` | the player's name |
    | `pack` | pack id |
    | `pack_hash` | hash of the pack's content when played |
    | `mode` | quick, order, match, estimate, choice, daily or review |
    | `count` | questions asked for |
    | `seed` | the round's seed (empty when it had none) |
    | `code` | the round code (empty when it had none) |
    | `date` | the day the round was for, `YYYY-MM-DD` |
    | `ui_language` | interface language, `en` or `zh-Hant` |
    | `started_at` | start, ISO 8601 with offset |
    | `finished_at` | end, ISO 8601 with offset (empty when unfinished) |
    | `finished` | `true` or `false` |
    | `score` | points of the round so far |
    | `max_score` | points possible for the questions answered |
    | `position` | the answer's place in the round, from 1 |
    | `question_id` | the question's stable id |
    | `kind` | order, match, estimate, choice or text |
    | `facts` | the fact ids the question tests, a JSON list |
    | `prompt` | the question as shown |
    | `response` | the player's answer: a JSON list (order) or object (match), else as given; |
    |  | empty when skipped |
    | `answer` | the correct answer, in the same form as `response` |
    | `points` | points won |
    | `max_points` | points possible |
    | `skipped` | `true` or `false` |
    | `seconds` | time taken to answer |

    A round without answers gets one row with the answer columns empty. Text is UTF-8; rows
    end with a line feed.
    """
    out = io.StringIO()
    writer = csv_writer(out)  # formula-like cells neutralised
    writer.writerow(CSV_COLUMNS)
    for entry in rounds:
        head = [_csv_cell(entry[c]) for c in ROUND_COLUMNS]
        answers = entry.get("answers") or []
        if not answers:
            writer.writerow(head + [""] * len(ANSWER_COLUMNS))
        for answer in answers:
            writer.writerow(head + [_csv_cell(answer[c]) for c in ANSWER_COLUMNS])
    return out.getvalue()
