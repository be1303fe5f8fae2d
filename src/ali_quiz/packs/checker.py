"""What checking a pack's YAML takes: problems collected with their place, and the shapes of
values (mappings, texts, numbers, dates, ids), each checked where it is written."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ali_quiz.i18n import Phrase
from ali_quiz.numbers import NumberFormatError, parse_number
from ali_quiz.packs.dates import DateFormatError, PartialDate
from ali_quiz.packs.model import (
    Passage,
)
from ali_quiz.packs.problems import Problem
from ali_quiz.packs.yamltree import NULL_WORDS, Mapping, Node, Scalar
from ali_quiz.packs.yamltree import Sequence as NodeList

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


def did_you_mean(word: str, choices: Iterable[str]) -> Phrase | str:
    """ " (did you mean 'title'?)" when a close choice exists, else nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return Phrase.of("pack.did_you_mean", word=repr(close[0])) if close else ""


def numbered(key: str) -> Callable[[int], Phrase]:
    """The names of a list's entries (`numbered("what.event")(3)` is "event 3")."""
    return lambda n: Phrase(key, (("n", n),))  # Phrase.of(key, n=n), for every entry: made lean


class Checker:
    """Walks the located nodes, collecting problems instead of stopping at the first."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.ids: dict[str, int] = {}  # every id of the pack -> the line it was given on
        self.references: list[tuple[str, Scalar, Phrase]] = []  # (id, where, what refers)
        self.passages: dict[str, Passage] = {}
        self.dates: dict[str, PartialDate] = {}  # each date written, read once (they recur)

    # -- reporting -------------------------------------------------------------------------

    def add(self, where: Node | tuple[int, int], code: str, /, **values: object) -> None:
        """A problem at a node: its catalogue key (i18n/problems.py) and values."""
        line, column = where if isinstance(where, tuple) else (where.line, where.column)
        self.problems.append(Problem.of(self.path, line, column, code, **values))

    def key_place(self, mapping: Mapping, key: str) -> tuple[int, int]:
        return mapping.key_marks.get(key, (mapping.line, mapping.column))

    # -- shapes ----------------------------------------------------------------------------

    def mapping(self, node: Any, what: Phrase) -> Mapping | None:
        if isinstance(node, Mapping):
            return node
        if node is not None:
            self.add(node, "pack.not_mapping", what=what)
        return None

    def check_keys(self, mapping: Mapping, allowed: Iterable[str], what: Phrase) -> None:
        allowed = tuple(allowed)
        for key in mapping.values:
            if key not in allowed:
                self.add(
                    self.key_place(mapping, key),
                    "pack.unknown_key",
                    key=repr(key),
                    what=what,
                    hint=did_you_mean(key, allowed),
                )

    def items(self, mapping: Mapping, key: str) -> list[Any]:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return []
        if not isinstance(node, NodeList):
            self.add(node, "pack.not_list", what=Phrase.of("what.key", key=key))
            return []
        return node.items

    def text(
        self, mapping: Mapping, key: str, what: Phrase, *, required: bool = True
    ) -> str | None:
        node = mapping.values.get(key)  # called for most values of a pack: kept lean
        if type(node) is Scalar:
            if not node.plain or node.text not in NULL_WORDS:
                value = node.text.strip()
                if value:
                    return value
                self.add(node, "pack.empty_value", key=key, what=what)
                return None
        elif node is not None:
            self.add(node, "pack.text_not_list", key=key, what=what)
            return None
        if required:  # missing, or null
            self.add(
                self.key_place(mapping, key) if key in mapping.values else mapping,
                "pack.needs_key",
                what=what,
                key=key,
            )
        return None

    def optional_text(self, mapping: Mapping, key: str, what: Phrase) -> str | None:
        """text(required=False), with nothing to do for a key that is not there (most)."""
        return self.text(mapping, key, what, required=False) if key in mapping.values else None

    def texts(self, mapping: Mapping, key: str, what: Phrase) -> tuple[str, ...]:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return ()
        if isinstance(node, Scalar):
            return (node.text.strip(),) if node.text.strip() else ()
        if not isinstance(node, NodeList):
            self.add(node, "pack.list_of_texts", key=key, what=what)
            return ()
        found = []
        for item in node.items:
            if isinstance(item, Scalar) and item.text.strip() and not item.is_null:
                found.append(item.text.strip())
            else:
                self.add(item, "pack.entry_not_text", key=key, what=what)
        return tuple(found)

    def number(
        self, mapping: Mapping, key: str, what: Phrase, *, required: bool = False
    ) -> float | None:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            if required:
                self.add(mapping, "pack.needs_key", what=what, key=key)
            return None
        if not isinstance(node, Scalar):
            self.add(node, "pack.not_number", key=key, what=what)
            return None
        try:
            parsed = parse_number(node.text)
        except NumberFormatError as err:
            self.add(node, "pack.value_error", key=key, what=what, error=err)
            return None
        return float(parsed.value)

    def integer(self, mapping: Mapping, key: str, what: Phrase, low: int, high: int) -> int | None:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if not isinstance(node, Scalar) or not re.fullmatch(r"[+-]?\d+", node.text.strip()):
            self.add(node, "pack.not_whole", key=key, what=what)
            return None
        digits = node.text.strip().lstrip("+-").lstrip("0")
        # Compared by length first: a number of thousands of digits is no int() to try.
        value = int(node.text) if len(digits) <= len(str(high)) else None
        if value is None or not low <= value <= high:
            shown = (
                str(value)
                if value is not None
                else Phrase.of("pack.digits", count=f"{len(digits):,}")
            )
            self.add(node, "pack.out_of_range", key=key, what=what, low=low, high=high, shown=shown)
            return None
        return value

    def boolean(self, mapping: Mapping, key: str, what: Phrase) -> bool | None:
        node = mapping.get(key)
        if node is None or (isinstance(node, Scalar) and node.is_null):
            return None
        if isinstance(node, Scalar) and node.text in TRUE_WORDS:
            return True
        if isinstance(node, Scalar) and node.text in FALSE_WORDS:
            return False
        self.add(node, "pack.not_boolean", key=key, what=what)
        return None

    def date(
        self, mapping: Mapping, key: str, what: Phrase, *, required: bool
    ) -> PartialDate | None:
        node = mapping.values.get(key)
        if node is None or (type(node) is Scalar and node.plain and node.text in NULL_WORDS):
            if required:
                self.add(mapping, "pack.needs_date", what=what, key=key)
            return None
        if type(node) is not Scalar:
            self.add(node, "pack.not_date", key=key, what=what)
            return None
        found = self.dates.get(node.text)
        if found is not None:
            return found
        try:
            found = self.dates[node.text] = PartialDate.parse(node.text)
            return found
        except DateFormatError as err:
            self.add(node, "pack.value_error", key=key, what=what, error=err)
            return None

    def new_id(self, mapping: Mapping, what: Phrase) -> str | None:
        value = self.text(mapping, "id", what)
        if value is None:
            return None
        node = mapping.values["id"]  # a Scalar: text() gave its value
        if not FACT_ID_RE.match(value):
            self.add(node, "pack.bad_id", id=repr(value), what=what)
            return None
        if value in self.ids:
            self.add(node, "pack.duplicate_id", id=repr(value), line=self.ids[value])
            return None
        self.ids[value] = node.line
        return value

    def sources(self, mapping: Mapping, what: Phrase) -> dict[str, str | None]:
        values, text = mapping.values, self.text
        # Most facts lack most of these keys: nothing to check for a key that is not there.
        return {
            key: text(mapping, key, what, required=False) if key in values else None
            for key in SOURCE_KEYS
        }

    def each(
        self,
        mapping: Mapping,
        key: str,
        build: Callable[[Mapping, Phrase], T | None],
        name: Callable[[int], Phrase],
    ) -> tuple[T, ...]:
        """Every entry of a list built, each named by its place (`name(3)`: "event 3")."""
        built = []
        for index, node in enumerate(self.items(mapping, key), start=1):
            what = name(index)
            entry = self.mapping(node, what)
            if entry is not None:
                result = build(entry, what)
                if result is not None:
                    built.append(result)
        return tuple(built)

    def references_in(self, node: Mapping, key: str, what: Phrase) -> tuple[str, ...]:
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
                self.add(entry, "pack.not_fact_ids", key=key)
        return tuple(found)
