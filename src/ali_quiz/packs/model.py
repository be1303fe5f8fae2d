"""The pack model: facts as frozen dataclasses, as a loaded pack holds them."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ali_quiz.packs.dates import PartialDate

DEFAULT_TOLERANCE = 0.05
DEFAULT_MAX_POINTS = 100
BUILTIN_IDS = ("dingtalk-2020", "dingtalk-2020-en")


@dataclass(frozen=True, kw_only=True)
class Sourced:
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


@dataclass(frozen=True, kw_only=True)
class Event(Sourced):
    id: str
    date: PartialDate
    title: str
    detail: str | None = None


@dataclass(frozen=True, kw_only=True)
class State(Sourced):
    """A situation the source reports as holding on a date; never ordered or dated as happening."""

    id: str
    as_of: PartialDate
    title: str
    detail: str | None = None


@dataclass(frozen=True, kw_only=True)
class Version(Sourced):
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


@dataclass(frozen=True, kw_only=True)
class Metric(Sourced):
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


@dataclass(frozen=True, kw_only=True)
class SequenceItem(Sourced):
    id: str
    text: str
    rank: int


@dataclass(frozen=True, kw_only=True)
class Sequence(Sourced):
    id: str
    title: str
    items: tuple[SequenceItem, ...]

    def item_explanation(self, item: SequenceItem) -> str:
        return item.explanation() or self.explanation()


@dataclass(frozen=True, kw_only=True)
class AuthoredOption:
    text: str
    weight: float  # percent of max_points: 100 for the right answer, 0 for a wrong one


@dataclass(frozen=True, kw_only=True)
class AuthoredPair:
    left: str
    right: str


@dataclass(frozen=True, kw_only=True)
class AuthoredQuestion:
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


@dataclass(frozen=True, kw_only=True)
class Pack:
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
    warnings: tuple[str, ...] = field(default=(), compare=False)
    # Views other stages derive from the pack (the generator's indexes), kept with it so a
    # second round on the same pack does not build them again. Not part of the pack's value.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @cached_property
    def content_hash(self) -> str:
        """sha256 of the facts and questions: what round codes and the history pin."""
        from ali_quiz.packs.export import content_hash

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
