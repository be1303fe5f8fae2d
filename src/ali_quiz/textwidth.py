"""Fixed-width text tables that keep CJK text aligned (wide characters take two columns).

A control character is measured as the escape it is printed as (`\\x1b`: four columns), and
cells are clipped before they are escaped, so a name is never cut inside an escape.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ali_quiz.safety.text import has_raw_controls, visible, visible_width_char


def _columns(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    if unicodedata.east_asian_width(ch) in "WF":
        return 2
    return 1 if ch.isprintable() or ch in "\t\n" else visible_width_char(ch)


def width(text: str) -> int:
    """Columns the text takes in a terminal, control characters as their visible escapes."""
    if text.isascii() and not has_raw_controls(text):
        return len(text)
    return sum(_columns(ch) for ch in text)


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


_CELL_BREAKS = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r"})


def one_line(text: str) -> str:
    """The text on one line: a tab or line break shown as `\\t` or `\\n` (a table cell, a
    one-line verdict)."""
    return text.translate(_CELL_BREAKS) if "\t" in text or "\n" in text else text


def _cell(text: str, columns: int) -> str:
    """Clipped as the raw text, then escaped: an escape is kept whole or left out whole. A
    tab or line break would break the row, so a cell shows it as `\\t` or `\\n`."""
    clipped = clip(text, columns)
    clipped = visible(clipped) if has_raw_controls(clipped) else clipped
    return one_line(clipped)


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
        [(text, width(text)) for text in (_cell(str(c), max_width) for c in row)] for row in rows
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
