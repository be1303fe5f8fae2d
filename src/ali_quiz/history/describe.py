"""Words for what the history holds: answers as text, fact ids as titles, export file names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from ali_quiz.packs.model import Pack


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
    labels: dict[tuple[str, str], str] = {}
    for pack in packs:
        for event in pack.events:
            labels[pack.id, event.id] = f"{event.title} ({event.date})"
        for version in pack.versions:
            labels[pack.id, version.id] = version.title
        for metric in pack.metrics:
            labels[pack.id, metric.id] = metric.label
        for sequence in pack.sequences:
            labels[pack.id, sequence.id] = sequence.title
            for item in sequence.items:
                labels[pack.id, item.id] = item.text
        for question in pack.questions:
            labels.setdefault((pack.id, question.id), question.title or question.prompt)
    return labels


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
