"""Load and validate a pack file: every problem located, all of them in one run.

`load_pack` returns a valid Pack or raises PackError, and nothing else, whatever the input:
the YAML is read into located nodes (yamlnodes), then checked field by field: the pack and
its facts here, authored questions in `authored`, each value's shape in `checker`.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from ali_quiz.i18n import Phrase
from ali_quiz.numbers import NumberFormatError, parse_number
from ali_quiz.packs.authored import AuthoredChecks
from ali_quiz.packs.checker import (
    LANGUAGE_RE,
    PACK_ID_RE,
    SOURCE_KEYS,
    did_you_mean,
    given,
    numbered,
)
from ali_quiz.packs.model import (
    Event,
    Metric,
    Pack,
    Sequence,
    SequenceItem,
    State,
    Version,
)
from ali_quiz.packs.problems import PackError, Problem
from ali_quiz.packs.yamlhints import after_syntax_error
from ali_quiz.packs.yamlnodes import compose, decode, gc_paused
from ali_quiz.packs.yamltree import Mapping, Node, Scalar
from ali_quiz.safety.files import FileRefused, read_capped
from ali_quiz.safety.limits import PACK_BYTES

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

TOP_KEYS = (
    "id", "title", "language", "author", "citation", "version", "description",
    "events", "states", "versions", "metrics", "sequences", "questions", "passages",
)  # fmt: skip
EVENT_KEYS = ("id", "date", "title", "detail", *SOURCE_KEYS)
STATE_KEYS = ("id", "as_of", "title", "detail", *SOURCE_KEYS)
VERSION_KEYS = ("id", "product", "version", "date", "codename", "highlights", *SOURCE_KEYS)
METRIC_KEYS = ("id", "label", "value", "unit", "as_of", "tolerance", "alike", *SOURCE_KEYS)
SEQUENCE_KEYS = ("id", "title", "items", *SOURCE_KEYS)
ITEM_KEYS = ("id", "text", "rank", "gap_before", *SOURCE_KEYS)


def load_pack(path: Path | str) -> Pack:
    """Read, check and build the pack in a file; raise PackError listing every problem."""
    path = Path(path)
    return load_pack_bytes(read_pack_bytes(path), str(path), path=path)


def read_pack_bytes(path: Path) -> bytes:
    """A pack file's bytes, read with the size cap; PackError for what is not a pack file."""
    try:
        return read_capped(path, PACK_BYTES, "pack file")
    except FileRefused as err:
        code, values = err.said
        raise PackError([Problem.of(str(path), 1, 1, f"file.{code}", **values)]) from None


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


class _PackChecker(AuthoredChecks):
    """Walks the located nodes, collecting problems instead of stopping at the first."""

    # -- the pack --------------------------------------------------------------------------

    def pack(self, root: Node, path: Path | None) -> Pack | None:
        top = self.mapping(root, Phrase.of("what.a_pack"))
        if top is None:
            return None
        the_pack = Phrase.of("what.the_pack")
        self.check_keys(top, TOP_KEYS, the_pack)
        pack_id = self.text(top, "id", the_pack)
        if pack_id is not None and not PACK_ID_RE.match(pack_id):
            self.add(top.get("id"), "pack.bad_pack_id", id=repr(pack_id))
        title = self.text(top, "title", the_pack)
        language = self.text(top, "language", the_pack)
        if language is not None and not LANGUAGE_RE.match(language):
            self.add(top.get("language"), "pack.bad_language", language=repr(language))
        events = self.each(top, "events", self.event, numbered("what.event"))
        states = self.each(top, "states", self.state, numbered("what.state"))
        versions = self.each(top, "versions", self.version, numbered("what.version"))
        metrics = self.each(top, "metrics", self.metric, numbered("what.metric"))
        sequences = self.each(top, "sequences", self.sequence, numbered("what.sequence"))
        passages = self.each(top, "passages", self.passage, numbered("what.passage"))
        self.passages = {p.id: p for p in passages}
        questions = self.each(top, "questions", self.question, numbered("what.question"))
        for ref, where, what in self.references:
            if ref not in self.ids:
                hint = did_you_mean(ref, self.ids)
                self.add(where, "pack.unknown_ref", what=what, id=repr(ref), hint=hint)
        metric_ids = {m.id for m in metrics}
        for ref, where, what in self.references:
            if what.key == "what.alike_of" and ref in self.ids and ref not in metric_ids:
                self.add(where, "pack.not_metric", what=what, id=repr(ref))
        if pack_id is None or title is None or language is None:
            return None
        # Entries that failed have their own problems: this one is only for a pack with none.
        if not any(
            given(top.get(key))
            for key in ("events", "states", "versions", "metrics", "sequences", "questions")
        ):
            self.add(top, "pack.no_facts")
        return Pack(
            id=pack_id,
            title=title,
            language=language,
            path=path,
            author=self.text(top, "author", the_pack, required=False),
            citation=self.text(top, "citation", the_pack, required=False),
            version=self.text(top, "version", the_pack, required=False),
            description=self.text(top, "description", the_pack, required=False),
            events=events,
            states=states,
            versions=versions,
            metrics=_symmetric_alike(metrics),
            sequences=sequences,
            questions=questions,
            passages=tuple(self.passages.values()),
        )

    def event(self, node: Mapping, what: Phrase) -> Event | None:
        found = self.dated_fact(node, what, EVENT_KEYS, "date")
        return Event(**found) if found is not None else None

    def state(self, node: Mapping, what: Phrase) -> State | None:
        found = self.dated_fact(node, what, STATE_KEYS, "as_of")
        return State(**found) if found is not None else None

    def dated_fact(
        self, node: Mapping, what: Phrase, keys: tuple[str, ...], date_key: str
    ) -> dict[str, Any] | None:
        """The fields of an event (dated by `date`) or a state (by `as_of`), all checked."""
        self.check_keys(node, keys, what)
        fact_id = self.new_id(node, what)
        date = self.date(node, date_key, what, required=True)
        title = self.text(node, "title", what)
        detail = self.optional_text(node, "detail", what)
        sources = self.sources(node, what)
        if fact_id is None or date is None or title is None:
            return None
        return {"id": fact_id, date_key: date, "title": title, "detail": detail, **sources}

    def version(self, node: Mapping, what: Phrase) -> Version | None:
        self.check_keys(node, VERSION_KEYS, what)
        fact_id = self.new_id(node, what)
        product = self.text(node, "product", what)
        version = self.text(node, "version", what)
        date = self.date(node, "date", what, required=False)
        codename = self.optional_text(node, "codename", what)
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

    def metric(self, node: Mapping, what: Phrase) -> Metric | None:
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
                self.add(value_node, "pack.value_error", key="value", what=what, error=err)
            else:
                value = parsed.value
                if parsed.percent and unit is not None and unit != "%":
                    self.add(value_node, "pack.percent_unit", what=what)
        as_of = self.date(node, "as_of", what, required=False)
        tolerance = self.number(node, "tolerance", what)
        if tolerance is not None and not 0 <= tolerance < 1:
            self.add(node.get("tolerance"), "pack.tolerance_of", what=what)
            tolerance = None
        alike = (
            self.references_in(node, "alike", Phrase.of("what.alike_of", what=what))
            if "alike" in node.values
            else ()
        )
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

    def sequence(self, node: Mapping, what: Phrase) -> Sequence | None:
        self.check_keys(node, SEQUENCE_KEYS, what)
        fact_id = self.new_id(node, what)
        title = self.text(node, "title", what)
        sources = self.sources(node, what)
        items = self.each(
            node, "items", self.sequence_item, lambda n: Phrase.of("what.item_of", what=what, n=n)
        )
        if "items" not in node:
            self.add(node, "pack.needs_key", what=what, key="items")
        elif (
            len({i.rank for i in items}) < 2
            and items
            # Only when every item is valid: a broken item has its own problem already.
            and len(items) == len(self.items(node, "items"))
        ):
            self.add(node.key_marks["items"], "pack.two_ranks", what=what)
        texts = [i.text for i in items]
        if len(set(texts)) < len(texts):
            repeated = next(t for t in texts if texts.count(t) > 1)
            self.add(
                node.key_marks.get("items", (node.line, node.column)),
                "pack.listed_twice",
                what=what,
                text=repr(repeated),
            )
        if fact_id is None or title is None:
            return None
        return Sequence(id=fact_id, title=title, items=items, **sources)

    def sequence_item(self, node: Mapping, what: Phrase) -> SequenceItem | None:
        self.check_keys(node, ITEM_KEYS, what)
        fact_id = self.new_id(node, what)
        text = self.text(node, "text", what)
        rank = self.integer(node, "rank", what, 1, 1_000_000)
        if rank is None and "rank" not in node:
            self.add(node, "pack.needs_rank", what=what)
        gap_before = self.boolean(node, "gap_before", what)
        sources = self.sources(node, what)
        if fact_id is None or text is None or rank is None:
            return None
        return SequenceItem(
            id=fact_id, text=text, rank=rank, gap_before=bool(gap_before), **sources
        )


def _symmetric_alike(metrics: tuple[Metric, ...]) -> tuple[Metric, ...]:
    """`alike` named on one side holds on both."""

    links: dict[str, set[str]] = {m.id: set(m.alike) for m in metrics}
    for metric in metrics:
        for other in metric.alike:
            if other in links:
                links[other].add(metric.id)
    alike = [frozenset(links[m.id] - {m.id}) for m in metrics]
    # A metric whose links are already both ways is kept as it is (most have none).
    return tuple(
        m if m.alike == a else replace(m, alike=a) for m, a in zip(metrics, alike, strict=True)
    )
