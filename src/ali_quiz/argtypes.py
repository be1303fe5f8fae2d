"""Command-line values checked where they are read: a bad one is a usage error (exit 2).

argparse calls these as `type=`; an ArgumentTypeError becomes `ali-quiz: error: ...` and exit
status 2, never a traceback. Kept apart from cli.py so any command can reuse them, and cheap
to import (no core module).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

COUNT_RANGE = (1, 200)
SEED_RANGE = (0, 999_999)
LIMIT_RANGE = (0, 1_000_000_000)
_WHOLE = re.compile(r"[+-]?\d{1,30}")
_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z\- ]{0,39}")


def _shown(text: str) -> str:
    return repr(text if len(text) <= 24 else text[:24] + "…")


def _refused(key: str, english: str, **values: object) -> argparse.ArgumentTypeError:
    """A value refused: worded in the interface language by cli.py's gettext hook for argparse
    while it parses (`cli.arg.<key>` in the catalogue, which this layer may not import), else
    the English."""
    word = getattr(argparse._, "word", None)  # type: ignore[attr-defined]
    return argparse.ArgumentTypeError(
        word(f"cli.arg.{key}", **values) if callable(word) else english
    )


def whole_number(low: int, high: int, what: str) -> Callable[[str], int]:
    """A whole number from `low` to `high` (digits only: no 1e3, no 10**23)."""

    def read(text: str) -> int:
        stripped = text.strip()
        value = int(stripped) if _WHOLE.fullmatch(stripped) else None
        if value is None or not low <= value <= high:
            shown = _shown(text)
            raise _refused(
                "whole",
                f"{what} must be a whole number from {low:,} to {high:,}, not {shown}",
                what=what,
                low=f"{low:,}",
                high=f"{high:,}",
                value=shown,
            )
        return value

    return read


def text(what: str) -> Callable[[str], str]:
    """A value that may not be empty (or only spaces)."""

    def read(value: str) -> str:
        if not value.strip():
            raise _refused("empty", f"{what} may not be empty", what=what)
        return value

    return read


def path(what: str) -> Callable[[str], Path]:
    """A file or folder name that may not be empty."""
    check = text(what)

    def read(value: str) -> Path:
        return Path(check(value))

    return read


def iso_date(value: str) -> str:
    """`YYYY-MM-DD`, a real day; kept as text (the round resolver reads it)."""
    try:
        if len(value) != 10:
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        shown = _shown(value)
        english = f"--date must be a day written YYYY-MM-DD (like 2020-02-28), not {shown}"
        raise _refused("date", english, value=shown) from None
    return value


def round_code(value: str) -> str:
    """Something shaped like a round code (letters, digits, dashes); the rest is checked later."""
    if not _CODE.fullmatch(value.strip()):
        shown = _shown(value)
        english = f"--code must be a round code like 0AZF-E3RG-1Z8D, not {shown}"
        raise _refused("code", english, value=shown)
    return value.strip()


count = whole_number(*COUNT_RANGE, "--count")
seed = whole_number(*SEED_RANGE, "--seed")
limit = whole_number(*LIMIT_RANGE, "--limit")
