"""A pack's facts seen the way questions use them: timeline items, figures, ranked items.

A dated version counts as an event here; everything keeps its fact id and its source sentence.
Every view is computed once per round and indexed (sorted by date, grouped by unit), so a
question costs the same on a pack of fifty facts and on one of fourteen thousand.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from functools import cached_property

from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import Metric, Pack, Sequence, Version


@dataclass(frozen=True, slots=True, eq=False)
class Dated:
    """An event or a dated version on the timeline; `start` and `end` are day ordinals."""

    id: str
    text: str
    date: PartialDate
    explanation: str
    start: int
    end: int

    def overlaps(self, other: Dated) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True, slots=True, eq=False)
class Ranked:
    """A sequence item, with its rank (equal ranks are ties)."""

    id: str
    text: str
    rank: int
    explanation: str


def _dated(fact_id: str, text: str, date: PartialDate, explanation: str) -> Dated:
    return Dated(fact_id, text, date, explanation, *date.ordinals())


class PackFacts:
    """Derived views of one pack, each computed on first use."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack

    @cached_property
    def timeline(self) -> list[Dated]:
        """Events and dated versions, earliest start first."""
        items = [_dated(e.id, e.title, e.date, e.explanation()) for e in self.pack.events]
        items += [
            _dated(v.id, v.title, v.date, v.explanation())
            for v in self.pack.versions
            if v.date is not None
        ]
        items.sort(key=lambda d: (d.start, d.end))
        return items

    @cached_property
    def by_text(self) -> dict[str, list[Dated]]:
        """Timeline items by their text: two facts may share a title at different dates."""
        found: dict[str, list[Dated]] = {}
        for item in self.timeline:
            found.setdefault(item.text, []).append(item)
        return found

    def text_fits_date(self, text: str, other: Dated) -> bool:
        """False when some item called `text` overlaps `other`: then `other` could be its date."""
        return all(not item.overlaps(other) for item in self.by_text.get(text, ()))

    @cached_property
    def titles_with_highlight(self) -> dict[str, set[str]]:
        """For each highlight, the titles of the releases that brought it."""
        found: dict[str, set[str]] = {}
        for version in self.pack.versions:
            for highlight in version.highlights:
                found.setdefault(highlight, set()).add(version.title)
        return found

    @cached_property
    def release_highlights(self) -> dict[str, list[str]]:
        """For each release, the highlights that some differently named release lacks.

        Only these can be asked as "which release brought this?": for the others every other
        title would be right too. The scan of other releases is bounded on large packs.
        """
        found: dict[str, list[str]] = {}
        titles = list(dict.fromkeys(v.title for v in self.pack.versions))[:500]
        for version in self.versions_with_highlights:
            usable = [
                h
                for h in version.highlights
                if any(t not in self.titles_with_highlight[h] for t in titles)
            ]
            if usable:
                found[version.id] = usable
        return found

    @cached_property
    def matchable_releases(self) -> int:
        """How many releases fit one match: distinct titles, each with a highlight of its own."""
        titles: set[str] = set()
        highlights: set[str] = set()
        for version in self.versions_with_highlights:
            free = [h for h in version.highlights if h not in highlights]
            if version.title not in titles and free:
                titles.add(version.title)
                highlights.add(free[0])
                if len(titles) == 5:
                    break
        return len(titles)

    @cached_property
    def choosable_releases(self) -> list[Version]:
        return [v for v in self.versions_with_highlights if v.id in self.release_highlights]

    @cached_property
    def timeline_position(self) -> dict[str, int]:
        return {d.id: i for i, d in enumerate(self.timeline)}

    @cached_property
    def timeline_starts(self) -> list[int]:
        return [d.start for d in self.timeline]

    def near_in_time(self, anchor: Dated, wanted: int) -> list[Dated]:
        """Up to `wanted` timeline items that do not overlap the anchor, nearest first."""
        timeline = self.timeline
        position = self.timeline_position[anchor.id]
        before, after = position - 1, position + 1
        found: list[Dated] = []
        # Items before the anchor that overlap it can only be close to it: skip a bounded run.
        while len(found) < wanted and (before >= 0 or after < len(timeline)):
            gap_before = anchor.start - timeline[before].start if before >= 0 else None
            gap_after = timeline[after].start - anchor.start if after < len(timeline) else None
            if gap_after is None or (gap_before is not None and gap_before <= gap_after):
                candidate = timeline[before]
                before -= 1
            else:
                candidate = timeline[after]
                after += 1
            if not candidate.overlaps(anchor):
                found.append(candidate)
        return found

    @cached_property
    def explanations(self) -> dict[str, str]:
        return self.pack.fact_explanations()

    @cached_property
    def metrics(self) -> list[Metric]:
        return list(self.pack.metrics)

    @cached_property
    def metrics_by_unit(self) -> dict[str, list[Metric]]:
        """Figures grouped by unit, each group sorted by value."""
        groups: dict[str, list[Metric]] = {}
        for metric in self.pack.metrics:
            groups.setdefault(metric.unit, []).append(metric)
        for group in groups.values():
            group.sort(key=lambda m: m.value)
        return groups

    @cached_property
    def unit_values(self) -> dict[str, list[float]]:
        """The sorted values of each unit's figures, for bisecting."""
        return {unit: [m.value for m in group] for unit, group in self.metrics_by_unit.items()}

    def near_in_value(self, anchor: Metric, wanted: int) -> list[Metric]:
        """Up to `wanted` figures of the anchor's unit that may stand beside it, nearest first."""
        group = self.metrics_by_unit[anchor.unit]
        position = bisect.bisect_left(self.unit_values[anchor.unit], anchor.value)
        before, after = position - 1, position
        found: list[Metric] = []
        while len(found) < wanted and (before >= 0 or after < len(group)):
            gap_before = _gap(anchor.value, group[before].value) if before >= 0 else None
            gap_after = _gap(anchor.value, group[after].value) if after < len(group) else None
            if gap_after is None or (gap_before is not None and gap_before <= gap_after):
                candidate = group[before]
                before -= 1
            else:
                candidate = group[after]
                after += 1
            if figures_compatible(anchor, candidate) and candidate.written != anchor.written:
                found.append(candidate)
        return found

    @cached_property
    def choosable_figures(self) -> list[Metric]:
        """Figures with at least one distractor of their unit."""
        return [m for m in self.pack.metrics if self.near_in_value(m, 1)]

    @cached_property
    def distinct_figures(self) -> int:
        """How many figures can stand together in one match (counted up to 5)."""
        chosen: list[Metric] = []
        for metric in self.pack.metrics:
            if all(
                figures_compatible(metric, c)
                and metric.written != c.written
                and metric.label != c.label
                for c in chosen
            ):
                chosen.append(metric)
                if len(chosen) == 5:
                    break
        return len(chosen)

    @cached_property
    def versions_with_highlights(self) -> list[Version]:
        return [v for v in self.pack.versions if v.highlights]

    @cached_property
    def ranked(self) -> dict[str, list[Ranked]]:
        """Each sequence's items, by sequence id."""
        return {
            s.id: [Ranked(i.id, i.text, i.rank, s.item_explanation(i)) for i in s.items]
            for s in self.pack.sequences
        }

    def sequences_with_ranks(self, ranks: int) -> list[Sequence]:
        return [s for s in self.pack.sequences if len({i.rank for i in s.items}) >= ranks]

    @cached_property
    def orderable_sequences(self) -> list[Sequence]:
        """Sequences with at least three ranks: enough for an order question."""
        return self.sequences_with_ranks(3)

    @cached_property
    def max_disjoint_dates(self) -> int:
        """How many timeline items can surely stand together: dates apart, titles unique.

        Items whose title another item shares are left out of the count, so a mode is never
        offered on the strength of facts whose questions would be ambiguous.
        """
        count = 0
        last_end = None
        unique = [d for d in self.timeline if len(self.by_text[d.text]) == 1]
        for item in sorted(unique, key=lambda d: d.end):
            if last_end is None or item.start > last_end:
                count += 1
                last_end = item.end
        return count


def facts_of(pack: Pack) -> PackFacts:
    """The derived views of a pack, built once and kept with it."""
    views = pack.derived.get("facts")
    if not isinstance(views, PackFacts):
        views = pack.derived["facts"] = PackFacts(pack)
    return views


def _gap(a: float, b: float) -> float:
    """How far apart two figures are: by ratio when both are positive."""
    if a > 0 and b > 0:
        return abs(math.log(b / a))
    return abs(b - a)


def figures_compatible(a: Metric, b: Metric) -> bool:
    """Two figures may stand side by side as distractors only if neither could answer the other."""
    return a.id != b.id and b.id not in a.alike and a.id not in b.alike and a.value != b.value
