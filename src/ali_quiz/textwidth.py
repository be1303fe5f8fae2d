"""Fixed-width text tables that keep CJK text aligned (wide characters take two columns)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def width(text: str) -> int:
    """Columns the text takes in a terminal."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        for ch in text
    )


def clip(text: str, columns: int) -> str:
    """The text cut to fit `columns`, with an ellipsis when cut."""
    if width(text) <= columns:
        return text
    used = 0
    for end, ch in enumerate(text):
        used += width(ch)
        if used > columns - 1:
            return text[:end] + "…"
    return text


def pad(text: str, columns: int, *, right: bool = False) -> str:
    gap = " " * max(0, columns - width(text))
    return gap + text if right else text + gap


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    max_width: int = 40,
    right: Sequence[int] = (),
) -> str:
    """A plain table: headers, a rule, then the rows; long cells are clipped to `max_width`."""
    cells = [
        [(text, width(text)) for text in (clip(str(c), max_width) for c in row)] for row in rows
    ]
    widths = [max([width(h)] + [row[i][1] for row in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(pad(h, widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    for row in cells:
        parts = []
        for i, (text, used) in enumerate(row):
            gap = " " * (widths[i] - used)
            parts.append(gap + text if i in right else text + gap)
        lines.append("  ".join(parts).rstrip())
    return "\n".join(lines)
