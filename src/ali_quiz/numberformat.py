"""Writing a figure plainly: 76102000 -> "76,102,000", and the number JSON holds for it.

Apart from the figure reader (`numbers`), whose grammar costs a command that only shows figures
(`show`, a worksheet, the timeline) a few milliseconds to compile.
"""

from __future__ import annotations

import math
from decimal import Decimal

#: Figures beyond these magnitudes are typos (or attacks on the arithmetic), not estimates;
#: beyond them a figure is also written with an exponent.
MAX_MAGNITUDE = Decimal(10) ** 30
MIN_MAGNITUDE = Decimal(10) ** -30


def format_plain(value: int | float) -> str:
    """Display a number plainly: 76102000 -> "76,102,000", 3.8 -> "3.8", 1e-3 -> "0.001".

    Floats are shown to 15 significant digits, which removes binary noise
    (0.1 + 0.2 -> "0.3"); an exponent appears only outside 10^-9 to 10^30.
    Raises ValueError for NaN and infinities, which no figure in a pack can hold.
    """
    if isinstance(value, int):
        return f"{value:,}"
    if not math.isfinite(value):
        raise ValueError(f"cannot display {value!r} as a figure")
    tidy = _tidy_float(value)
    if tidy == 0:
        return "0"
    if abs(tidy) >= MAX_MAGNITUDE or abs(tidy) < Decimal("1e-9"):
        return f"{value:.15g}"
    if tidy == tidy.to_integral_value():
        return f"{int(tidy):,}"
    return f"{tidy:,f}"


def to_plain_json(value: int | float | Decimal) -> int | float:
    """The number for JSON: an int when whole, else a float without binary noise.

    Floats are rounded to 15 significant digits (0.30000000000000004 -> 0.3, 2e8 -> 200000000);
    a Decimal is exact, so only its conversion to float rounds. Raises ValueError for NaN
    and infinities, which JSON cannot hold.
    """
    if isinstance(value, bool | int):
        return int(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} is not a finite number")
        exact = _tidy_float(value)
    else:
        if not value.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
        exact = value
    if exact == exact.to_integral_value():
        return int(exact)
    return float(exact)


def _tidy_float(value: float) -> Decimal:
    # 15 significant digits is what a double holds reliably (DBL_DIG), so this drops only noise.
    return Decimal(f"{value:.15g}").normalize()
