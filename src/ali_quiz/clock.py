"""The time now, as every part of ali-quiz reads it (tests hand in a fixed clock instead)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

Now = Callable[[], datetime]


def local_now() -> datetime:
    """The time now, aware, in local time."""
    return datetime.now().astimezone()
