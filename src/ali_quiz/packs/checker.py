"""What checking a pack's YAML takes: problems collected with their place, and the shapes of
values (mappings, texts, numbers, dates, ids), each checked where it is written."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ali_quiz.numbers import NumberFormatError, parse_number
from ali_quiz.packs.dates import DateFormatError, PartialDate
from ali_quiz.packs.model import (
    Passage,
)
from ali_quiz.packs.problems import Problem
from ali_quiz.packs.yamlnodes import Mapping, Node, Scalar
from ali_quiz.packs.yamlnodes import Sequence as NodeList

T = TypeVar("T")

PACK_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FACT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
TRUE_WORDS = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
SOURCE_KEYS = ("source", "source_en", "ask")
FALSE_WORDS = frozenset({"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})


def given(node: Node | None) -> bool:
    """A value is there: not missing, not null, not an empty list."""
    if node is None or (isinstance(node, Scalar) and node.is_null):
        return False
    return not (isinstance(node, NodeList) and not node.items)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class Checker:
    """Walks the located nodes, collecting problems instead of stopping at the first."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.ids: dict[str, int] = {}  # every id of the pack -> the line it was given on
        self.references: list[tuple[str, Scalar, str]] = []  # (id, where, what refers)
        self.passages: dict[str, Passage] = {}

    # -- reporting -------------------------------------------------------------------------

    def add(self, where: Node | tuple[int, int], message: str) -> None:
        line, column = where if isinstance(where, tuple) else (where.line, where.column)
        self.problems.append(Problem(self.path, line, column, message))

    def key_place(self, mapping: Mapping, key: str) -> tuple[int, int]:
        return mapping.key_marks.get(key, (mapping.line, mapping.column))

    # -- shapes ----------------------------------------------------------------------------

    def mapping(self, node: Any, what: str) -> Mapping | None:
        if isinstance(node, Mapping):
            return node
        if node is not None:
            self.add(node, f"{what} must be a mapping of `key: value` lines")
        return None

    def check_keys(self, mapping: Mapping, allowed: Iterable[str], what: str) -> None:
        allowed = tuple(allowed)
        for key in mapping.values:
            if key not in allowed:
                self.add(
                    self.key_place(mapping, key),
                    f"unknown key {key!r} in {what}{did_you_mean(key, allowed)}",
                )

    def items(self, mapping: Mapping, key: str, what: str) -> list[Any]:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return []
        if not isinstance(node, NodeList):
            self.add(node, f"{what} must be a list (lines starting with `- `)")
            return []
        return node.items

    def text(self, mapping: Mapping, key: str, what: str, *, required: bool = True) -> str | None:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            if required:
                self.add(
                    self.key_place(mapping, key) if key in mapping else mapping,
                    f"{what} needs `{key}:`",
                )
            return None
        if not isinstance(node, Scalar):
            self.add(node, f"`{key}` of {what} must be text, not a list or mapping")
            return None
        value = node.text.strip()
        if not value:
            self.add(node, f"`{key}` of {what} is empty")
            return None
        return value

    def texts(self, mapping: Mapping, key: str, what: str) -> tuple[str, ...]:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return ()
        if isinstance(node, Scalar):
            return (node.text.strip(),) if node.text.strip() else ()
        if not isinstance(node, NodeList):
            self.add(node, f"`{key}` of {what} must be a list of texts")
            return ()
        found = []
        for item in node.items:
            if isinstance(item, Scalar) and item.text.strip() and not item.is_null:
                found.append(item.text.strip())
            else:
                self.add(item, f"every entry of `{key}` in {what} must be a non-empty text")
        return tuple(found)

    def number(
        self, mapping: Mapping, key: str, what: str, *, required: bool = False
    ) -> float | None:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            if required:
                self.add(mapping, f"{what} needs `{key}:`")
            return None
        if not isinstance(node, Scalar):
            self.add(node, f"`{key}` of {what} must be a number")
            return None
        try:
            parsed = parse_number(node.text)
        except NumberFormatError as err:
            self.add(node, f"`{key}` of {what}: {err}")
            return None
        return float(parsed.value)

    def integer(self, mapping: Mapping, key: str, what: str, low: int, high: int) -> int | None:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not isinstance(node, Scalar) or not re.fullmatch(r"[+-]?\d+", node.text.strip()):
            self.add(node, f"`{key}` of {what} must be a whole number")
            return None
        digits = node.text.strip().lstrip("+-").lstrip("0")
        # Compared by length first: a number of thousands of digits is no int() to try.
        value = int(node.text) if len(digits) <= len(str(high)) else None
        if value is None or not low <= value <= high:
            shown = str(value) if value is not None else f"a number of {len(digits):,} digits"
            self.add(node, f"`{key}` of {what} must be from {low} to {high}, not {shown}")
            return None
        return value

    def boolean(self, mapping: Mapping, key: str, what: str) -> bool | None:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if isinstance(node, Scalar) and node.text in TRUE_WORDS:
            return True
        if isinstance(node, Scalar) and node.text in FALSE_WORDS:
            return False
        self.add(node, f"`{key}` of {what} must be true or false")
        return None

    def date(self, mapping: Mapping, key: str, what: str, *, required: bool) -> PartialDate | None:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            if required:
                self.add(mapping, f"{what} needs `{key}:` (YYYY, YYYY-MM or YYYY-MM-DD)")
            return None
        if not isinstance(node, Scalar):
            self.add(node, f"`{key}` of {what} must be a date such as 2016-09")
            return None
        try:
            return PartialDate.parse(node.text)
        except DateFormatError as err:
            self.add(node, f"`{key}` of {what}: {err}")
            return None

    def new_id(self, mapping: Mapping, what: str) -> str | None:
        node = mapping.get("id")
        value = self.text(mapping, "id", what)
        if value is None or not isinstance(node, Scalar):
            return None
        if not FACT_ID_RE.match(value):
            self.add(
                node,
                f"id {value!r} of {what} may use only lowercase letters, digits, "
                "`-`, `_` and `.`, starting with a letter or digit",
            )
            return None
        if value in self.ids:
            self.add(node, f"duplicate id {value!r} (first used on line {self.ids[value]})")
            return None
        self.ids[value] = node.line
        return value

    def sources(self, mapping: Mapping, what: str) -> dict[str, str | None]:
        return {key: self.text(mapping, key, what, required=False) for key in SOURCE_KEYS}

    def each(
        self, mapping: Mapping, key: str, build: Callable[[Mapping, str], T | None], what: str
    ) -> tuple[T, ...]:
        built = []
        for index, node in enumerate(self.items(mapping, key, key), start=1):
            entry = self.mapping(node, f"{what} {index}")
            if entry is not None:
                result = build(entry, f"{what} {index}")
                if result is not None:
                    built.append(result)
        return tuple(built)

    def references_in(self, node: Mapping, key: str, what: str) -> tuple[str, ...]:
        values = node.get(key)
        found: list[str] = []
        if values is None or (isinstance(values, Scalar) and values.is_null):
            return ()
        entries = values.items if isinstance(values, NodeList) else [values]
        for entry in entries:
            if isinstance(entry, Scalar) and entry.text.strip():
                found.append(entry.text.strip())
                self.references.append((entry.text.strip(), entry, what))
            else:
                self.add(entry, f"`{key}` must list fact ids")
        return tuple(found)
