"""A pack's facts seen the way questions use them: timeline items, figures, ranked items.

A dated version counts as an event here; everything keeps its fact id and its source sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import Metric, Pack, Sequence, Version


@dataclass(frozen=True)
class Dated:
    """An event or a dated version on the timeline."""

    id: str
    text: str
    date: PartialDate
    explanation: str


@dataclass(frozen=True)
class Ranked:
    """A sequence item, with its rank (equal ranks are ties)."""

    id: str
    text: str
    rank: int
    explanation: str


class PackFacts:
    """Derived views of one pack, computed once per pack."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack

    @cached_property
    def timeline(self) -> list[Dated]:
        items = [Dated(e.id, e.title, e.date, e.explanation()) for e in self.pack.events]
        items += [
            Dated(v.id, v.title, v.date, v.explanation())
            for v in self.pack.versions
            if v.date is not None
        ]
        return items

    @cached_property
    def explanations(self) -> dict[str, str]:
        return self.pack.fact_explanations()

    @cached_property
    def metrics(self) -> list[Metric]:
        return list(self.pack.metrics)

    @cached_property
    def versions_with_highlights(self) -> list[Version]:
        return [v for v in self.pack.versions if v.highlights]

    def ranked(self, sequence: Sequence) -> list[Ranked]:
        return [
            Ranked(i.id, i.text, i.rank, sequence.item_explanation(i)) for i in sequence.items
        ]

    @cached_property
    def orderable_sequences(self) -> list[Sequence]:
        """Sequences with at least three ranks: enough for an order question."""
        return [s for s in self.pack.sequences if len({i.rank for i in s.items}) >= 3]

    @cached_property
    def max_disjoint_dates(self) -> int:
        """How many timeline items at most can stand together with no two dates overlapping."""
        return max_disjoint([d.date for d in self.timeline])


def max_disjoint(dates: list[PartialDate]) -> int:
    """The largest number of the dates with no two overlapping (greedy by earliest end)."""
    count = 0
    last_end = None
    for value in sorted(dates, key=lambda d: d.last_day()):
        if last_end is None or value.first_day() > last_end:
            count += 1
            last_end = value.last_day()
    return count


def figures_compatible(a: Metric, b: Metric) -> bool:
    """Two figures may stand side by side as distractors only if neither could answer the other."""
    return a.id != b.id and b.id not in a.alike and a.id not in b.alike and a.value != b.value
