"""Percentages as every front end shows them: whole numbers, halves up.

Apart from `numbers` so that a short command such as `history`
shows a score without importing the figure reader and its Decimal arithmetic.
"""

from __future__ import annotations

import math


def percent_of(part: int, whole: int) -> int:
    """`part` as a whole percent of `whole`, halves up (625 of 1000 is 63); 0 when whole is 0."""
    return (200 * part + whole) // (2 * whole) if whole > 0 else 0


def percent_text(value: float | None) -> str:
    """A percentage as a whole number, halves up: `63%`; `—` when there is none.

    Every front end shows percentages through this (and `percent_of`), so the same score
    never reads 63% in one place and 62% in another.
    """
    if value is None:
        return "—"
    return f"{math.floor(round(value, 9) + 0.5)}%"
