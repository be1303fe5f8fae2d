"""The pack model: facts as frozen dataclasses, as a loaded pack holds them, and the pack as
plain data (`show --json`, and the content hash that round codes and the history pin)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from ali_quiz.packs.dates import PartialDate
from ali_quiz.record import Record

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DEFAULT_TOLERANCE = 0.05
DEFAULT_MAX_POINTS = 100
BUILTIN_IDS = ("dingtalk-2020", "dingtalk-2020-en")
#: The pack played when neither the command line nor the settings name one.
DEFAULT_PACK = BUILTIN_IDS[0]


@dataclass(frozen=True, kw_only=True, init=False, eq=False, repr=False)  # a base only
class Sourced(Record):
    """What every fact may carry: the source sentence, verbatim, its English translation, and
    its own question wording (`ask`) for when a template cannot say it well."""

    source: str | None = None
    source_en: str | None = None
    ask: str | None = None

    def explanation(self) -> str:
        """The sentence shown after an answer: the translation first, then the original."""
        if self.source_en and self.source:
            return f"{self.source_en}\n「{self.source}」"
        return self.source or self.source_en or ""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Event(Sourced):
    """A dated happening; a partial date is a range of days."""

    id: str
    date: PartialDate
    title: str
    detail: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class State(Sourced):
    """A situation the source reports as holding on a date; never ordered or dated as happening."""

    id: str
    as_of: PartialDate
    title: str
    detail: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Version(Sourced):
    """A product release: version, date if known, codename, highlights."""

    id: str
    product: str
    version: str
    date: PartialDate | None = None
    codename: str | None = None
    highlights: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        """`釘釘 5.0「巴顏喀拉」`: product, version and codename."""
        name = f"{self.product} {self.version}"
        return f"{name}「{self.codename}」" if self.codename else name


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Metric(Sourced):
    """A figure: its value as a plain number and as the source writes it, unit, date."""

    id: str
    label: str
    value: int | float
    written: str
    unit: str
    as_of: PartialDate | None = None
    tolerance: float | None = None
    alike: frozenset[str] = frozenset()

    @property
    def effective_tolerance(self) -> float:
        return DEFAULT_TOLERANCE if self.tolerance is None else self.tolerance


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class SequenceItem(Sourced):
    """An item of a sequence, with its rank (equal ranks are ties)."""

    id: str
    text: str
    rank: int
    # The source names something between this rank and the one before it that the sequence
    # leaves out: no "right before/after" question is asked across that step.
    gap_before: bool = False


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Sequence(Sourced):
    """An order without dates, as ranked items."""

    id: str
    title: str
    items: tuple[SequenceItem, ...]

    def item_explanation(self, item: SequenceItem) -> str:
        return item.explanation() or self.explanation()


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class AuthoredOption(Record):
    """An option of an authored choice or multi question, with its weight."""

    text: str
    weight: float  # percent of max_points: 100 for the right answer, 0 for a wrong one
    feedback: str | None = None  # shown only to a player who picked this option


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class AuthoredPair(Record):
    """A pair of an authored match question."""

    left: str
    right: str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class AuthoredQuestion(Record):
    """A question written by hand; only the fields of its kind are set."""

    id: str
    kind: str
    prompt: str
    facts: tuple[str, ...] = ()
    explanation: str | None = None
    max_points: int = DEFAULT_MAX_POINTS
    title: str | None = None
    category: str | None = None
    options: tuple[AuthoredOption, ...] = ()
    weighted: bool = False
    items: tuple[str, ...] = ()
    pairs: tuple[AuthoredPair, ...] = ()
    decoys: tuple[str, ...] = ()
    answer: int | float | None = None
    answer_written: str | None = None
    unit: str = ""
    tolerance: float | None = None
    range: tuple[float, float] | None = None
    accepted: tuple[str, ...] = ()
    passage: str | None = None  # the text of the passage the question names
    passage_id: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Passage(Record):
    """A reading text shown above the authored questions that name it."""

    id: str
    text: str
    title: str | None = None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Pack(Record):
    """A loaded, valid pack."""

    id: str
    title: str
    language: str
    path: Path | None
    author: str | None = None
    citation: str | None = None
    version: str | None = None
    description: str | None = None
    events: tuple[Event, ...] = ()
    states: tuple[State, ...] = ()
    versions: tuple[Version, ...] = ()
    metrics: tuple[Metric, ...] = ()
    sequences: tuple[Sequence, ...] = ()
    questions: tuple[AuthoredQuestion, ...] = ()
    passages: tuple[Passage, ...] = ()
    # Views other stages derive from the pack (the generator's indexes), kept with it so a
    # second round on the same pack does not build them again. Not part of the pack's value.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @cached_property
    def content_hash(self) -> str:
        """sha256 of the facts and questions: what round codes and the history pin."""
        return content_hash(self)

    @property
    def builtin(self) -> bool:
        return self.id in BUILTIN_IDS

    def counts(self) -> dict[str, int]:
        return {
            "events": len(self.events),
            "states": len(self.states),
            "versions": len(self.versions),
            "metrics": len(self.metrics),
            "sequences": len(self.sequences),
            "questions": len(self.questions),
        }

    def fact_labels(self) -> dict[str, str]:
        """Every fact id (sequence items included) mapped to a short text naming it."""
        found: dict[str, str] = {e.id: f"{e.title} ({e.date.iso()})" for e in self.events}
        found.update({s.id: f"{s.title} (as of {s.as_of.iso()})" for s in self.states})
        found.update({v.id: v.title for v in self.versions})
        found.update({m.id: m.label for m in self.metrics})
        for seq in self.sequences:
            found[seq.id] = seq.title
            found.update({item.id: item.text for item in seq.items})
        found.update({q.id: q.title or q.prompt for q in self.questions})
        return found

    def fact_explanations(self) -> dict[str, str]:
        """Every fact id (sequence items included) mapped to its source sentence."""
        found: dict[str, str] = {}
        facts: tuple[Event | State | Version | Metric, ...] = (
            *self.events,
            *self.states,
            *self.versions,
            *self.metrics,
        )
        for fact in facts:
            found[fact.id] = fact.explanation()
        for seq in self.sequences:
            found[seq.id] = seq.explanation()
            for item in seq.items:
                found[item.id] = seq.item_explanation(item)
        return found


# --- The pack as plain data: `show --json`, and the content hash codes and history pin ---


def _date(value: PartialDate | None) -> str | None:
    return value.iso() if value is not None else None


def _sourced(fact: Any) -> dict[str, Any]:
    data = {"source": fact.source}
    if fact.source_en is not None:
        data["source_en"] = fact.source_en
    if getattr(fact, "ask", None) is not None:
        data["ask"] = fact.ask
    return data


def _number(value: float | int) -> float | int:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _option(option: AuthoredOption, weighted: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"text": option.text}
    if weighted:
        data["weight"] = _number(option.weight)
    else:
        data["correct"] = option.weight > 0
    if option.feedback:
        data["feedback"] = option.feedback
    return data


def question_to_json(question: AuthoredQuestion) -> dict[str, Any]:
    """An authored question as written in the pack, with only the fields of its kind."""
    data: dict[str, Any] = {
        "id": question.id,
        "kind": question.kind,
        "prompt": question.prompt,
        "facts": list(question.facts),
        "explanation": question.explanation,
        "max_points": question.max_points,
    }
    if question.title:
        data["title"] = question.title
    if question.category:
        data["category"] = question.category
    if question.passage:
        data["passage"] = question.passage
    if question.kind in ("choice", "multi"):
        data["options"] = [_option(o, question.weighted) for o in question.options]
    elif question.kind == "order":
        data["items"] = list(question.items)
    elif question.kind == "match":
        data["pairs"] = [{"left": p.left, "right": p.right} for p in question.pairs]
        data["decoys"] = list(question.decoys)
    elif question.kind == "estimate":
        data["unit"] = question.unit
        if question.range is not None:
            data["range"] = [_number(v) for v in question.range]
        else:
            data["answer"] = _number(question.answer) if question.answer is not None else None
            data["written"] = question.answer_written
            data["tolerance"] = question.tolerance
    elif question.kind == "text":
        data["accepted"] = list(question.accepted)
    return data


def pack_to_json(pack: Pack) -> dict[str, Any]:
    """PRODUCT.md's `show --json` shape: values as plain numbers, dates as ISO prefixes."""
    return {
        "id": pack.id,
        "title": pack.title,
        "language": pack.language,
        "events": [
            {"id": e.id, "date": _date(e.date), "title": e.title, "detail": e.detail, **_sourced(e)}
            for e in pack.events
        ],
        "states": [
            {
                "id": s.id,
                "as_of": _date(s.as_of),
                "title": s.title,
                "detail": s.detail,
                **_sourced(s),
            }
            for s in pack.states
        ],
        "versions": [
            {
                "id": v.id,
                "product": v.product,
                "version": v.version,
                "date": _date(v.date),
                "codename": v.codename,
                "highlights": list(v.highlights),
                **_sourced(v),
            }
            for v in pack.versions
        ],
        "metrics": [
            {
                "id": m.id,
                "label": m.label,
                "value": _number(m.value),
                "written": m.written,
                "unit": m.unit,
                "as_of": _date(m.as_of),
                "tolerance": m.effective_tolerance,
                "alike": sorted(m.alike),
                **_sourced(m),
            }
            for m in pack.metrics
        ],
        "sequences": [
            {
                "id": s.id,
                "title": s.title,
                **_sourced(s),
                "items": [
                    {
                        "id": i.id,
                        "text": i.text,
                        "rank": i.rank,
                        **({"gap_before": True} if i.gap_before else {}),
                        **_sourced(i),
                    }
                    for i in s.items
                ],
            }
            for s in pack.sequences
        ],
        "questions": [question_to_json(q) for q in pack.questions],
    }


def content_hash(pack: Pack) -> str:
    """sha256 of the pack's content (not its layout or comments): the same facts, the same hash."""
    data = pack_to_json(pack)
    data["metadata"] = [pack.author, pack.citation, pack.version, pack.description]
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    from ali_quiz.digest import sha256  # here: a cached pack carries its hash

    return sha256(canonical.encode("utf-8")).hexdigest()
