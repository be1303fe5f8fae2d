"""The history's JSON cells written and read, with the json module imported on first use.

`ali-quiz history` (the table) reads no JSON cell, and importing json (four modules and the
patterns they compile) is about a twentieth of its start: so the history's modules take their
encoder from here, and read JSON with an import inside the function that reads it.
"""

from __future__ import annotations

from functools import cache

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


@cache
def encoder() -> Callable[[Any], str]:
    """One encoder for every cell, UTF-8 text (not ASCII-escaped): json.dumps with options
    would build a new encoder on each call."""
    import json

    return json.JSONEncoder(ensure_ascii=False).encode
