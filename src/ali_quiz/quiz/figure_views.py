"""A pack's figures seen the way questions use them: grouped by unit, near in value, small.

Part of PackFacts (facts.py): each view is computed once per pack and indexed, so a question
costs the same however many figures the pack holds.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Collection, Iterable, Iterator
from functools import cached_property
from itertools import islice

from ali_quiz.packs.model import Metric, Pack
from ali_quiz.quiz.giveaway import is_rank, is_small
from ali_quiz.quiz.phrasing import format_count, format_figure


class FigureViews:
    """The figure views of PackFacts."""

    pack: Pack

    def figure_text(self, metric: Metric) -> str:
        """A figure as questions show it: `7610.2萬人`; a small number or a rank as a count."""
        language = self.pack.language
        if is_small(metric):
            rank = is_rank(metric)
            return format_count(int(metric.value), metric.unit, language, rank=rank)
        return format_figure(metric.written, metric.unit, language)

    @cached_property
    def metrics(self) -> list[Metric]:
        return list(self.pack.metrics)

    @cached_property
    def metrics_by_id(self) -> dict[str, Metric]:
        """Each figure by its id (a round's give-away checks look them up)."""
        return {m.id: m for m in self.pack.metrics}

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
        return list(islice(self._near(anchor), wanted))

    def _near(self, anchor: Metric) -> Iterator[Metric]:
        """The figures of the anchor's unit that may stand beside it, nearest first, drawn as
        they are needed."""
        group = self.metrics_by_unit[anchor.unit]
        values = self.unit_values[anchor.unit]
        value, count = anchor.value, len(group)
        before = bisect.bisect_left(values, value) - 1
        after = before + 1
        # The gap to the next figure on each side, worked out when that side moves (_gap).
        gap_before = _gap(value, values[before]) if before >= 0 else None
        gap_after = _gap(value, values[after]) if after < count else None
        while before >= 0 or after < count:
            if gap_after is None or (gap_before is not None and gap_before <= gap_after):
                candidate = group[before]
                before -= 1
                gap_before = _gap(value, values[before]) if before >= 0 else None
            else:
                candidate = group[after]
                after += 1
                gap_after = _gap(value, values[after]) if after < count else None
            if figures_compatible(anchor, candidate) and candidate.written != anchor.written:
                yield candidate

    @cached_property
    def estimable(self) -> list[Metric]:
        """Figures that may be estimated: above zero (an estimate is scored by how near a
        positive guess is), neither small whole numbers nor ranks."""
        return [m for m in self.pack.metrics if m.value > 0 and not is_small(m)]

    @cached_property
    def estimable_by_unit(self) -> dict[str, list[Metric]]:
        """The figures that may be estimated, grouped by unit, each group sorted by value."""
        return {
            unit: [m for m in group if m.value > 0 and not is_small(m)]
            for unit, group in self.metrics_by_unit.items()
        }

    @cached_property
    def estimable_places(self) -> dict[str, dict[str, int]]:
        """Each unit's estimable figures' places in `estimable_by_unit`, by id."""
        return {
            unit: {m.id: place for place, m in enumerate(group)}
            for unit, group in self.estimable_by_unit.items()
        }

    def estimable_but(self, anchor: Metric, left_out: Collection[str]) -> list[Metric]:
        """The estimable figures of the anchor's unit, in order, but the anchor and those whose
        ids are left out: the group cut around them (a round leaves out a few of thousands)."""
        group = self.estimable_by_unit[anchor.unit]
        if len(left_out) > len(group):
            return [m for m in group if m.id != anchor.id and m.id not in left_out]
        places = self.estimable_places[anchor.unit]
        cuts = {places[f] for f in left_out if f in places}
        if anchor.id in places:
            cuts.add(places[anchor.id])
        found: list[Metric] = []
        start = 0
        for place in sorted(cuts):
            found += group[start:place]
            start = place + 1
        return found + group[start:]

    @cached_property
    def small_ids(self) -> frozenset[str]:
        """The ids of the figures that are small whole numbers or ranks (`is_small`)."""
        return frozenset(m.id for m in self.pack.metrics if is_small(m))

    @cached_property
    def small_figures(self) -> list[Metric]:
        """Small whole numbers and ranks: asked as a choice among nearby values."""
        return [m for m in self.pack.metrics if is_small(m) and m.value >= 0]

    def figure_distractors(
        self, anchor: Metric, order: list[Metric] | None = None, most: int = 3
    ) -> list[Metric]:
        """Up to three figures near the anchor, of its unit, that may all stand beside it:
        from the six nearest (neither small nor a rank), or in `order`; `most` stops sooner."""
        candidates: Iterable[Metric] = order or ()
        if order is None:
            small = self.small_ids
            # Drawn as needed: checking which figures can be asked stops at the first two.
            candidates = (m for m in islice(self._near(anchor), 6) if m.id not in small)
        chosen: list[Metric] = []
        for m in candidates:
            if all(figures_compatible(m, c) and m.written != c.written for c in chosen):
                chosen.append(m)
                if len(chosen) == most:
                    break
        return chosen

    @cached_property
    def _plain_units(self) -> dict[str, bool]:
        """For each unit, whether its figures all differ in value and in writing and none is
        alike another: then any two of them may stand side by side (`figures_compatible`), and
        the views below need not look for each figure's nearest (a large pack has thousands of
        figures of one unit, and each figure's search costs a dozen logarithms)."""
        return {
            unit: len({m.value for m in group}) == len(group)
            and len({m.written for m in group}) == len(group)
            and not any(m.alike for m in group)
            for unit, group in self.metrics_by_unit.items()
        }

    @cached_property
    def choosable_figures(self) -> list[Metric]:
        """Figures with two distractors of their unit (neither small nor a rank)."""
        # In a plain unit of three figures or more, none small, any two others are a figure's
        # two distractors (figure_distractors would find its two nearest).
        small, plain = self.small_ids, self._plain_units
        sure = {
            unit
            for unit, group in self.metrics_by_unit.items()
            if plain[unit] and len(group) >= 3 and small.isdisjoint(m.id for m in group)
        }
        return [
            m
            for m in self.estimable
            if m.unit in sure or len(self.figure_distractors(m, most=2)) == 2
        ]

    @property
    def comparable_figures(self) -> list[Metric]:
        """Figures with two others of their unit to be compared with (largest of three)."""
        return self.choosable_figures

    @cached_property
    def pairable_figures(self) -> list[Metric]:
        """Figures with another of their unit that may stand beside them in a match."""
        # In a plain unit of two figures or more, each figure may stand beside any other.
        plain, groups = self._plain_units, self.metrics_by_unit
        return [
            m
            for m in self.pack.metrics
            if (plain[m.unit] and len(groups[m.unit]) >= 2) or self.near_in_value(m, 1)
        ]

    @cached_property
    def distinct_figures(self) -> int:
        """How many figures can stand together in one match, two or more of each unit (up to 5)."""
        count = 0
        for group in self.metrics_by_unit.values():
            chosen: list[Metric] = []
            for metric in group:
                if all(
                    figures_compatible(metric, c)
                    and metric.written != c.written
                    and metric.label != c.label
                    for c in chosen
                ):
                    chosen.append(metric)
                    if len(chosen) == 5:  # the most a match holds: no need to look further
                        break
            if len(chosen) >= 2:
                count += len(chosen)
        return min(count, 5)


def _gap(a: float, b: float) -> float:
    """How far apart two figures are: by ratio when both are positive."""
    if a > 0 and b > 0:
        return abs(math.log(b / a))
    return abs(b - a)


def figures_compatible(a: Metric, b: Metric) -> bool:
    """Two figures may stand side by side as distractors only if neither could answer the other."""
    return a.id != b.id and b.id not in a.alike and a.id not in b.alike and a.value != b.value
