"""JSON read within limits: a node count, a nesting depth, numbers Python can hold.

`load_json` takes text already read with a size cap. Before the parser builds anything, one
scan over the text (with the strings taken out, at C speed) counts the values the document
holds, so a 16 MiB file of `[[],[],...]` is refused without building millions of lists. The
parser's own hooks refuse, as they meet them, numbers too long to convert or not finite.
Every refusal is a JsonLimit with the line and column it is about.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ali_quiz.safety.limits import MAX_DEPTH, MAX_NODES

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SPACE = re.compile(r"\s+")
_STRUCTURE = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)
_MAX_DIGITS = 4_000  # below Python's int conversion limit (4,300 digits)


class JsonLimit(ValueError):
    """A JSON document beyond a limit, or not JSON; line and column count from 1."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


def _place(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def count_nodes(text: str) -> int:
    """How many values (keys included) a JSON text holds, without parsing it.

    With strings emptied and spaces gone, every value but the root follows a `,`, a `:`, or
    the `[`/`{` of a container that is not empty; so the count is 1 + commas + colons + the
    containers that hold something.
    """
    bare = _SPACE.sub("", _STRING.sub('""', text))
    containers = bare.count("[") + bare.count("{") - bare.count("[]") - bare.count("{}")
    return 1 + bare.count(",") + bare.count(":") + containers


def _too_deep(text: str, limit: int) -> tuple[int, int]:
    """Where nesting first goes beyond `limit`."""
    depth = 0
    for match in _STRUCTURE.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return _place(text, match.start())
        elif token in "]}":
            depth -= 1
    return 1, 1


def load_json(text: str, *, max_nodes: int = MAX_NODES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON within the limits; JsonLimit (located) for anything beyond them or not JSON."""
    nodes = count_nodes(text)
    if nodes > max_nodes:
        raise JsonLimit(f"too many values: {nodes:,} (the limit is {max_nodes:,})")

    def number_at(literal: str, message: str) -> JsonLimit:
        return JsonLimit(message, *_place(text, max(text.find(literal), 0)))

    def parse_int(literal: str) -> int:
        if len(literal) > _MAX_DIGITS:
            raise number_at(literal, f"a number of {len(literal):,} digits is too long")
        return int(literal)

    def parse_float(literal: str) -> float:
        value = float(literal)
        if not math.isfinite(value) or len(literal) > _MAX_DIGITS:
            raise number_at(literal, f"the number {literal[:20]}… is too large")
        return value

    def parse_constant(literal: str) -> float:
        raise number_at(literal, f"{literal} is not a JSON number")

    try:
        data = json.loads(
            text, parse_int=parse_int, parse_float=parse_float, parse_constant=parse_constant
        )
    except json.JSONDecodeError as err:
        raise JsonLimit(f"not JSON: {err.msg}", err.lineno, err.colno) from None
    except RecursionError:
        raise JsonLimit(
            f"nested too deep (the limit is {max_depth} levels)", *_too_deep(text, max_depth)
        ) from None
    if max_depth and _depth(data) > max_depth:
        raise JsonLimit(
            f"nested too deep (the limit is {max_depth} levels)", *_too_deep(text, max_depth)
        )
    return data


def _depth(data: Any) -> int:
    """How deep lists and objects go (iteratively: no recursion to exhaust)."""
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            deepest = max(deepest, level)
            stack.extend((v, level + 1) for v in value.values())
        elif isinstance(value, list):
            deepest = max(deepest, level)
            stack.extend((v, level + 1) for v in value)
    return deepest
