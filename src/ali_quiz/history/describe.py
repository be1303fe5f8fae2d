"""Words for what the history holds: answers as text, fact ids as titles, export file names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ali_quiz.history.records import RoundRecord
from ali_quiz.numbers import format_plain
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    entry_text,
)


def response_text(value: Any) -> str:
    """A recorded response or answer as one line: `b → a → c`, `1→x, 2→y`, `76102000`."""
    if value is None:
        return ""
    if isinstance(value, list):
        return " → ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}→{v}" for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fact_labels(packs: Iterable[Pack]) -> dict[tuple[str, str], str]:
    """(pack id, fact id) -> what the fact is called: an event's title, a metric's label, …"""
    return {(pack.id, fact): label for pack in packs for fact, label in pack.fact_labels().items()}


def round_questions(entry: RoundRecord, packs: Iterable[Pack]) -> dict[str, Question]:
    """The questions of a recorded round, by id, when they can be made again exactly.

    That needs the same pack version (its content hash) and a round fixed by its seed; a review
    round (built from the history of its day) or a changed pack gives nothing, and the answers
    are then shown as recorded.
    """
    if entry.mode == "review" or entry.seed is None:
        return {}
    pack = next(
        (p for p in packs if p.id == entry.pack and p.content_hash == entry.pack_hash), None
    )
    if pack is None:
        return {}
    from ali_quiz.quiz.generate import RoundError, generate_round

    try:
        day = date.fromisoformat(entry.date)
        questions = generate_round(pack, entry.mode, entry.count, entry.seed, date=day)
    except (RoundError, ValueError):
        return {}
    return {q.id: q for q in questions}


def readable(question: Question | None, value: Any) -> str:
    """A response or answer in the words the question showed: item texts, not their ids."""
    if question is None or value is None:
        return response_text(value)
    if isinstance(question, OrderQuestion) and isinstance(value, list):
        return " → ".join(entry_text(question.items, str(v)) for v in value)
    if isinstance(question, MatchQuestion) and isinstance(value, dict):
        return "; ".join(
            f"{entry_text(question.left, str(left))} → {entry_text(question.right, str(right))}"
            for left, right in value.items()
        )
    if isinstance(question, ChoiceQuestion) and isinstance(value, str):
        return entry_text(question.options, value)
    if isinstance(question, EstimateQuestion) and isinstance(value, int | float):
        return f"{format_plain(value)} {question.unit}".strip()
    return response_text(value)


def export_path(data_dir: Path, player: str, now: datetime) -> Path:
    """A new file name in the data folder for a JSON export of a player's history."""
    # Keep letters of any script (a Chinese name stays readable), drop what a file system minds.
    safe = re.sub(r"[^\w.-]+", "_", player, flags=re.UNICODE).strip("._") or "player"
    stem = f"history-{safe}-{now.strftime('%Y%m%d-%H%M%S')}"
    path, n = data_dir / f"{stem}.json", 1
    while path.exists():
        n += 1
        path = data_dir / f"{stem}-{n}.json"
    return path
