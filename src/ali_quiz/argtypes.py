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


def _refused(key: str, **values: object) -> argparse.ArgumentTypeError:
    """A value refused, worded in the interface language while cli.py parses (its gettext
    hook for argparse knows that language), else in English."""
    from ali_quiz.i18n import Translator

    words = argparse._  # type: ignore[attr-defined]
    finder = getattr(words, "translator", None)
    tr = finder() if callable(finder) else Translator("en")
    return argparse.ArgumentTypeError(tr(f"cli.arg.{key}", **values))


def whole_number(low: int, high: int, what: str) -> Callable[[str], int]:
    """A whole number from `low` to `high` (digits only: no 1e3, no 10**23)."""

    def read(text: str) -> int:
        stripped = text.strip()
        value = int(stripped) if _WHOLE.fullmatch(stripped) else None
        if value is None or not low <= value <= high:
            raise _refused("whole", what=what, low=f"{low:,}", high=f"{high:,}", value=_shown(text))
        return value

    return read


def text(what: str) -> Callable[[str], str]:
    """A value that may not be empty (or only spaces)."""

    def read(value: str) -> str:
        if not value.strip():
            raise _refused("empty", what=what)
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
        raise _refused("date", value=_shown(value)) from None
    return value


def round_code(value: str) -> str:
    """Something shaped like a round code (letters, digits, dashes); the rest is checked later."""
    if not _CODE.fullmatch(value.strip()):
        raise _refused("code", value=_shown(value))
    return value.strip()


count = whole_number(*COUNT_RANGE, "--count")
seed = whole_number(*SEED_RANGE, "--seed")
limit = whole_number(*LIMIT_RANGE, "--limit")
