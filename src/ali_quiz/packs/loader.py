"""Load and validate a pack file: every problem located, all of them in one run.

`load_pack` returns a valid Pack or raises PackError, and nothing else, whatever the input:
the YAML is read into located nodes (yamlnodes), then checked here field by field.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from ali_quiz.numbers import NumberFormatError, parse_number
from ali_quiz.packs.dates import DateFormatError, PartialDate
from ali_quiz.packs.model import (
    DEFAULT_MAX_POINTS,
    AuthoredOption,
    AuthoredPair,
    AuthoredQuestion,
    Event,
    Metric,
    Pack,
    Passage,
    Sequence,
    SequenceItem,
    State,
    Version,
)
from ali_quiz.packs.problems import PackError, Problem
from ali_quiz.packs.yamlhints import after_syntax_error
from ali_quiz.packs.yamlnodes import Mapping, Node, Scalar, compose, decode, gc_paused
from ali_quiz.packs.yamlnodes import Sequence as NodeList
from ali_quiz.safety.files import FileRefused, read_capped
from ali_quiz.safety.limits import PACK_BYTES

T = TypeVar("T")

PACK_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FACT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
TRUE_WORDS = frozenset({"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})
FALSE_WORDS = frozenset({"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})

SOURCE_KEYS = ("source", "source_en", "ask")
TOP_KEYS = (
    "id", "title", "language", "author", "citation", "version", "description",
    "events", "states", "versions", "metrics", "sequences", "questions", "passages",
)  # fmt: skip
EVENT_KEYS = ("id", "date", "title", "detail", *SOURCE_KEYS)
STATE_KEYS = ("id", "as_of", "title", "detail", *SOURCE_KEYS)
VERSION_KEYS = ("id", "product", "version", "date", "codename", "highlights", *SOURCE_KEYS)
METRIC_KEYS = ("id", "label", "value", "unit", "as_of", "tolerance", "alike", *SOURCE_KEYS)
SEQUENCE_KEYS = ("id", "title", "items", *SOURCE_KEYS)
ITEM_KEYS = ("id", "text", "rank", *SOURCE_KEYS)
COMMON_QUESTION_KEYS = (
    "id", "kind", "prompt", "facts", "explanation", "max_points", "title", "category", "passage",
)  # fmt: skip
PASSAGE_KEYS = ("id", "title", "text")
KIND_KEYS = {
    "choice": ("options",),
    "order": ("items",),
    "match": ("pairs", "decoys"),
    "estimate": ("answer", "unit", "tolerance", "range"),
    "text": ("accepted",),
    "multi": ("options",),
}
ALL_QUESTION_KEYS = COMMON_QUESTION_KEYS + tuple(k for keys in KIND_KEYS.values() for k in keys)
OPTION_KEYS = ("text", "correct", "weight", "feedback")
PAIR_KEYS = ("left", "right")
LIMITS = {"order": (3, 6), "match": (3, 10), "choice": (2, 10), "multi": (2, 10)}
#: The right options of a multi question share 100%; Moodle writes thirds as 33.33333%.
MULTI_SUM_SLACK = 0.01


def load_pack(path: Path | str) -> Pack:
    """Read, check and build the pack in a file; raise PackError listing every problem."""
    path = Path(path)
    return load_pack_bytes(read_pack_bytes(path), str(path), path=path)


def read_pack_bytes(path: Path) -> bytes:
    """A pack file's bytes, read with the size cap; PackError for what is not a pack file."""
    try:
        return read_capped(path, PACK_BYTES, "pack file")
    except FileRefused as err:
        raise PackError([Problem(str(path), 1, 1, err.reason)]) from None


def load_pack_bytes(data: bytes, label: str, *, path: Path | None = None) -> Pack:
    """Check and build a pack from the bytes of a file named `label` in messages."""
    text, problems = decode(data, label)
    if text is None:
        raise PackError(problems)
    return load_pack_text(text, label, path=path)


def load_pack_text(text: str, label: str, *, path: Path | None = None) -> Pack:
    """Check and build a pack from YAML text."""
    with gc_paused():
        root, problems = compose(text, label)
        if root is None:
            raise PackError(after_syntax_error(text, label, problems, _check_rest))
        checker = _PackChecker(label, problems)
        pack = checker.pack(root, path)
    if checker.problems or pack is None:
        raise PackError(checker.problems)
    return pack


def _check_rest(root: Node, problems: list[Problem], label: str) -> list[Problem]:
    """The problems of a pack read without the lines of its syntax errors."""
    checker = _PackChecker(label, problems)
    checker.pack(root, None)
    return checker.problems


def _given(node: Node | None) -> bool:
    """A value is there: not missing, not null, not an empty list."""
    if node is None or (isinstance(node, Scalar) and node.is_null):
        return False
    return not (isinstance(node, NodeList) and not node.items)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


class _PackChecker:
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
                    f"unknown key {key!r} in {what}{_did_you_mean(key, allowed)}",
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

    # -- the pack --------------------------------------------------------------------------

    def pack(self, root: Node, path: Path | None) -> Pack | None:
        top = self.mapping(root, "a pack")
        if top is None:
            return None
        self.check_keys(top, TOP_KEYS, "the pack")
        pack_id = self.text(top, "id", "the pack")
        if pack_id is not None and not PACK_ID_RE.match(pack_id):
            self.add(
                top.get("id"),
                f"pack id {pack_id!r} may use only lowercase letters, digits "
                "and single hyphens (e.g. my-class-pack)",
            )
        title = self.text(top, "title", "the pack")
        language = self.text(top, "language", "the pack")
        if language is not None and not LANGUAGE_RE.match(language):
            self.add(
                top.get("language"),
                f"language {language!r} is not a language tag such as en, zh-Hant or de",
            )
        events = self.each(top, "events", self.event, "event")
        states = self.each(top, "states", self.state, "state")
        versions = self.each(top, "versions", self.version, "version")
        metrics = self.each(top, "metrics", self.metric, "metric")
        sequences = self.each(top, "sequences", self.sequence, "sequence")
        self.passages = {p.id: p for p in self.each(top, "passages", self.passage, "passage")}
        questions = self.each(top, "questions", self.question, "question")
        for ref, where, what in self.references:
            if ref not in self.ids:
                self.add(
                    where, f"{what} refers to unknown id {ref!r}{_did_you_mean(ref, self.ids)}"
                )
        metric_ids = {m.id for m in metrics}
        for ref, where, what in self.references:
            if what.startswith("alike") and ref in self.ids and ref not in metric_ids:
                self.add(where, f"{what}: {ref!r} is not a metric")
        if pack_id is None or title is None or language is None:
            return None
        # Entries that failed have their own problems: this one is only for a pack with none.
        if not any(
            _given(top.get(key))
            for key in ("events", "states", "versions", "metrics", "sequences", "questions")
        ):
            self.add(
                top,
                "the pack has no facts and no questions: add events, states, versions, "
                "metrics, sequences or questions",
            )
        return Pack(
            id=pack_id,
            title=title,
            language=language,
            path=path,
            author=self.text(top, "author", "the pack", required=False),
            citation=self.text(top, "citation", "the pack", required=False),
            version=self.text(top, "version", "the pack", required=False),
            description=self.text(top, "description", "the pack", required=False),
            events=events,
            states=states,
            versions=versions,
            metrics=_symmetric_alike(metrics),
            sequences=sequences,
            questions=questions,
            passages=tuple(self.passages.values()),
        )

    def event(self, node: Mapping, what: str) -> Event | None:
        found = self.dated_fact(node, what, EVENT_KEYS, "date")
        return Event(**found) if found is not None else None

    def state(self, node: Mapping, what: str) -> State | None:
        found = self.dated_fact(node, what, STATE_KEYS, "as_of")
        return State(**found) if found is not None else None

    def dated_fact(
        self, node: Mapping, what: str, keys: tuple[str, ...], date_key: str
    ) -> dict[str, Any] | None:
        """The fields of an event (dated by `date`) or a state (by `as_of`), all checked."""
        self.check_keys(node, keys, what)
        fact_id = self.new_id(node, what)
        date = self.date(node, date_key, what, required=True)
        title = self.text(node, "title", what)
        detail = self.text(node, "detail", what, required=False)
        sources = self.sources(node, what)
        if fact_id is None or date is None or title is None:
            return None
        return {"id": fact_id, date_key: date, "title": title, "detail": detail, **sources}

    def version(self, node: Mapping, what: str) -> Version | None:
        self.check_keys(node, VERSION_KEYS, what)
        fact_id = self.new_id(node, what)
        product = self.text(node, "product", what)
        version = self.text(node, "version", what)
        date = self.date(node, "date", what, required=False)
        codename = self.text(node, "codename", what, required=False)
        highlights = self.texts(node, "highlights", what)
        sources = self.sources(node, what)
        if fact_id is None or product is None or version is None:
            return None
        return Version(
            id=fact_id,
            product=product,
            version=version,
            date=date,
            codename=codename,
            highlights=highlights,
            **sources,
        )

    def metric(self, node: Mapping, what: str) -> Metric | None:
        self.check_keys(node, METRIC_KEYS, what)
        fact_id = self.new_id(node, what)
        label = self.text(node, "label", what)
        unit = self.text(node, "unit", what)
        value_node = node.get("value")
        written = self.text(node, "value", what)
        value: int | float | None = None
        if written is not None and isinstance(value_node, Scalar):
            try:
                parsed = parse_number(written)
            except NumberFormatError as err:
                self.add(value_node, f"`value` of {what}: {err}")
            else:
                value = parsed.value
                if parsed.percent and unit is not None and unit != "%":
                    self.add(value_node, f"{what} is written as a percentage: its unit must be %")
        as_of = self.date(node, "as_of", what, required=False)
        tolerance = self.number(node, "tolerance", what)
        if tolerance is not None and not 0 <= tolerance < 1:
            self.add(
                node.get("tolerance"),
                f"`tolerance` of {what} is a share from 0 to 1 (0.05 means 5%)",
            )
            tolerance = None
        alike = self.references_in(node, "alike", f"alike of {what}")
        sources = self.sources(node, what)
        if fact_id is None or label is None or unit is None or value is None or written is None:
            return None
        return Metric(
            id=fact_id,
            label=label,
            value=value,
            written=written,
            unit=unit,
            as_of=as_of,
            tolerance=tolerance,
            alike=frozenset(alike),
            **sources,
        )

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

    def sequence(self, node: Mapping, what: str) -> Sequence | None:
        self.check_keys(node, SEQUENCE_KEYS, what)
        fact_id = self.new_id(node, what)
        title = self.text(node, "title", what)
        sources = self.sources(node, what)
        items = self.each(node, "items", self.sequence_item, f"{what}, item")
        if "items" not in node:
            self.add(node, f"{what} needs `items:`")
        elif (
            len({i.rank for i in items}) < 2
            and items
            # Only when every item is valid: a broken item has its own problem already.
            and len(items) == len(self.items(node, "items", "items"))
        ):
            self.add(node.key_marks["items"], f"{what} needs items of at least two ranks")
        texts = [i.text for i in items]
        if len(set(texts)) < len(texts):
            repeated = next(t for t in texts if texts.count(t) > 1)
            self.add(
                node.key_marks.get("items", (node.line, node.column)),
                f"{what} lists {repeated!r} twice: players could not tell the two apart",
            )
        if fact_id is None or title is None:
            return None
        return Sequence(id=fact_id, title=title, items=items, **sources)

    def sequence_item(self, node: Mapping, what: str) -> SequenceItem | None:
        self.check_keys(node, ITEM_KEYS, what)
        fact_id = self.new_id(node, what)
        text = self.text(node, "text", what)
        rank = self.integer(node, "rank", what, 1, 1_000_000)
        if rank is None and "rank" not in node:
            self.add(node, f"{what} needs `rank:` (1 for the first; equal ranks are ties)")
        sources = self.sources(node, what)
        if fact_id is None or text is None or rank is None:
            return None
        return SequenceItem(id=fact_id, text=text, rank=rank, **sources)

    # -- authored questions ----------------------------------------------------------------

    def passage(self, node: Mapping, what: str) -> Passage | None:
        self.check_keys(node, PASSAGE_KEYS, what)
        passage_id = self.new_id(node, what)
        text = self.text(node, "text", what)
        title = self.text(node, "title", what, required=False)
        if passage_id is None or text is None:
            return None
        return Passage(id=passage_id, text=text, title=title)

    def passage_of(self, node: Mapping, what: str) -> dict[str, str | None]:
        """The passage a question names (`passage: <passage id>`), looked up in `passages:`."""
        name = self.text(node, "passage", what, required=False)
        if name is None:
            return {}
        found = self.passages.get(name)
        if found is None:
            self.add(
                node.get("passage") or node,
                f"`passage` of {what} names no passage: {name!r} is not the id of an entry "
                f"of `passages:`{_did_you_mean(name, self.passages)}",
            )
            return {}
        return {"passage": found.text, "passage_id": found.id}

    def question(self, node: Mapping, what: str) -> AuthoredQuestion | None:
        kind = self.text(node, "kind", what)
        if kind is not None and kind not in KIND_KEYS:
            self.add(
                node.get("kind"),
                f"unknown kind {kind!r} of {what}: use one of "
                f"{', '.join(KIND_KEYS)}{_did_you_mean(kind, KIND_KEYS)}",
            )
            kind = None
        allowed = COMMON_QUESTION_KEYS + (KIND_KEYS[kind] if kind else ())
        for key in node.values:
            if key not in allowed:
                if kind and key in ALL_QUESTION_KEYS:
                    article = "an" if kind[0] in "aeiou" else "a"
                    message = f"`{key}` does not belong to {article} {kind} question"
                else:
                    message = f"unknown key {key!r} in {what}{_did_you_mean(key, allowed)}"
                self.add(self.key_place(node, key), message)
        question_id = self.new_id(node, what)
        prompt = self.text(node, "prompt", what)
        facts = self.references_in(node, "facts", f"facts of {what}")
        explanation = self.text(node, "explanation", what, required=False)
        max_points = self.integer(node, "max_points", what, 1, 10_000) or DEFAULT_MAX_POINTS
        common: dict[str, Any] = dict(
            facts=facts,
            explanation=explanation,
            max_points=max_points,
            title=self.text(node, "title", what, required=False),
            category=self.text(node, "category", what, required=False),
            **self.passage_of(node, what),
        )
        if kind is None:
            return None
        payload = getattr(self, f"question_{kind}")(node, what)
        if question_id is None or prompt is None or payload is None:
            return None
        return AuthoredQuestion(id=question_id, kind=kind, prompt=prompt, **common, **payload)

    def count_ok(self, node: Mapping, key: str, what: str, count: int, kind: str) -> bool:
        low, high = LIMITS[kind]
        if low <= count <= high:
            return True
        self.add(
            self.key_place(node, key) if key in node else node,
            f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} question holds {low} to {high} "
            f"{key}; {what} has {count}",
        )
        return False

    def options(self, node: Mapping, what: str) -> tuple[list[AuthoredOption], bool]:
        """The options of a choice or multi question, and whether any gives a `weight`."""
        options = []
        weighted = False
        for index, entry_node in enumerate(self.items(node, "options", "options"), start=1):
            entry = self.mapping(entry_node, f"option {index} of {what}")
            if entry is None:
                continue
            self.check_keys(entry, OPTION_KEYS, f"option {index} of {what}")
            text = self.text(entry, "text", f"option {index} of {what}")
            correct = self.boolean(entry, "correct", f"option {index} of {what}")
            weight = self.number(entry, "weight", f"option {index} of {what}")
            if weight is not None:
                weighted = True
                if not -100 <= weight <= 100:
                    self.add(entry.get("weight"), "a weight is a percent from -100 to 100")
            if correct is not None and weight is not None:
                self.add(entry, f"option {index} of {what}: give `correct` or `weight`, not both")
            feedback = self.text(entry, "feedback", f"option {index} of {what}", required=False)
            if text is not None:
                share = weight if weight is not None else (100.0 if correct else 0.0)
                options.append(AuthoredOption(text=text, weight=share, feedback=feedback))
        return options, weighted

    def question_choice(self, node: Mapping, what: str) -> dict[str, Any] | None:
        options, weighted = self.options(node, what)
        if "options" not in node:
            self.add(node, f"{what} needs `options:`")
            return None
        if not self.count_ok(node, "options", what, len(options), "choice"):
            return None
        if len({o.text for o in options}) < len(options):
            self.add(node.key_marks["options"], f"two options of {what} have the same text")
        if not any(o.weight >= 100 for o in options) and not (
            weighted and any(o.weight > 0 for o in options)
        ):
            self.add(
                node.key_marks["options"],
                f"{what} has no right option: mark one with `correct: true`",
            )
            return None
        if not weighted and sum(1 for o in options if o.weight >= 100) > 1:
            self.add(
                node.key_marks["options"],
                f"{what} marks more than one option correct: "
                "use `weight:` for answers worth part marks",
            )
        return {"options": tuple(options), "weighted": weighted}

    def question_multi(self, node: Mapping, what: str) -> dict[str, Any] | None:
        """Select all that apply: `correct:` marks (the right ones share 100%) or `weight:`s."""
        options, weighted = self.options(node, what)
        if "options" not in node:
            self.add(node, f"{what} needs `options:`")
            return None
        if not self.count_ok(node, "options", what, len(options), "multi"):
            return None
        where = node.key_marks["options"]
        if len({o.text for o in options}) < len(options):
            self.add(where, f"two options of {what} have the same text")
        if not weighted:
            right = sum(1 for o in options if o.weight >= 100)
            if not right:
                self.add(where, f"{what} has no right option: mark them with `correct: true`")
                return None
            # Right options share 100%; each wrong one takes back as much as a right one gives,
            # so ticking every box earns nothing unless every box is right.
            share = 100 / right
            options = [replace(o, weight=share if o.weight >= 100 else -share) for o in options]
            return {"options": tuple(options), "weighted": False}
        positive = sum(o.weight for o in options if o.weight > 0)
        if abs(positive - 100) > MULTI_SUM_SLACK:
            self.add(
                where,
                f"the positive weights of {what} add up to {positive:g}%: the right options "
                "share 100% (e.g. 50 and 50), wrong ones carry negative weights",
            )
            return None
        return {"options": tuple(options), "weighted": True}

    def question_order(self, node: Mapping, what: str) -> dict[str, Any] | None:
        items = self.texts(node, "items", what)
        if not self.count_ok(node, "items", what, len(items), "order"):
            return None
        if len(set(items)) < len(items):
            self.add(node.key_marks["items"], f"two items of {what} have the same text")
            return None
        return {"items": items}

    def question_match(self, node: Mapping, what: str) -> dict[str, Any] | None:
        pairs = []
        for index, entry_node in enumerate(self.items(node, "pairs", "pairs"), start=1):
            entry = self.mapping(entry_node, f"pair {index} of {what}")
            if entry is None:
                continue
            self.check_keys(entry, PAIR_KEYS, f"pair {index} of {what}")
            left = self.text(entry, "left", f"pair {index} of {what}")
            right = self.text(entry, "right", f"pair {index} of {what}")
            if left is not None and right is not None:
                pairs.append(AuthoredPair(left=left, right=right))
        decoys = self.texts(node, "decoys", what)
        if not self.count_ok(node, "pairs", what, len(pairs), "match"):
            return None
        lefts = [p.left for p in pairs]
        rights = [p.right for p in pairs] + list(decoys)
        if len(set(lefts)) < len(lefts) or len(set(rights)) < len(rights):
            self.add(
                node.key_marks["pairs"],
                f"{what}: every left item and every right item (decoys included) must be different",
            )
            return None
        return {"pairs": tuple(pairs), "decoys": decoys}

    def question_estimate(self, node: Mapping, what: str) -> dict[str, Any] | None:
        unit = self.text(node, "unit", what, required=False) or ""
        tolerance = self.number(node, "tolerance", what)
        if tolerance is not None and not 0 <= tolerance < 1:
            self.add(node.get("tolerance"), "`tolerance` is a share from 0 to 1 (0.05 means 5%)")
        band: tuple[float, float] | None = None
        range_node = node.get("range")
        if range_node is not None:
            values = range_node.items if isinstance(range_node, NodeList) else []
            bounds = []
            for entry in values:
                try:
                    bounds.append(float(parse_number(entry.text).value))
                except (NumberFormatError, AttributeError):
                    self.add(entry, "`range` holds two numbers: [min, max]")
            if len(values) != 2 or len(bounds) != 2:
                if len(values) != 2:
                    self.add(range_node, "`range` holds two numbers: [min, max]")
                return None
            if bounds[0] > bounds[1]:
                self.add(range_node, "`range` is [min, max]: min must not be above max")
                return None
            band = (bounds[0], bounds[1])
        written = self.text(node, "answer", what, required=band is None)
        answer: int | float | None = None
        if written is not None:
            try:
                answer = parse_number(written).value
            except NumberFormatError as err:
                self.add(node.get("answer"), f"`answer` of {what}: {err}")
                return None
        if band is not None and tolerance is not None:
            self.add(
                node.get("tolerance"),
                f"{what}: give `tolerance` (log scoring) or `range` (band scoring), not both",
            )
        if answer is None and band is None:
            return None
        if answer is None and band is not None:
            answer = (band[0] + band[1]) / 2
        return {
            "answer": answer,
            "answer_written": written,
            "unit": unit,
            "tolerance": tolerance,
            "range": band,
        }

    def question_text(self, node: Mapping, what: str) -> dict[str, Any] | None:
        accepted = self.texts(node, "accepted", what)
        if not accepted:
            self.add(
                self.key_place(node, "accepted") if "accepted" in node else node,
                f"{what} needs `accepted:` with at least one answer",
            )
            return None
        return {"accepted": accepted}


def _symmetric_alike(metrics: tuple[Metric, ...]) -> tuple[Metric, ...]:
    """`alike` named on one side holds on both."""
    from dataclasses import replace

    links: dict[str, set[str]] = {m.id: set(m.alike) for m in metrics}
    for metric in metrics:
        for other in metric.alike:
            if other in links:
                links[other].add(metric.id)
    return tuple(replace(m, alike=frozenset(links[m.id] - {m.id})) for m in metrics)
