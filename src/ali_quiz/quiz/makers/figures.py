"""Questions on figures: estimates, choices of a figure, the largest of three, figure matches.

A small whole number (under 10) or a rank is never an estimate (log scoring would give 0 to 2
against 1): it is a choice among nearby values. A figure match pairs figures two or more of each
unit, so that units alone never solve it (a unit of two has a third figure of its unit among
the right side), and only figures the round has not shown yet.
"""

from __future__ import annotations

from ali_quiz.packs.model import Metric
from ali_quiz.quiz.figure_views import figures_compatible
from ali_quiz.quiz.giveaway import figure_keys, is_rank, is_small
from ali_quiz.quiz.kinds import EstimateQuestion, Question
from ali_quiz.quiz.makers.base import MakerBase, by_id, question_id
from ali_quiz.quiz.phrasing import format_count, phrase

_LARGEST_GAP = 1.1  # three figures to compare stand at least 10% apart


class FigureMakers(MakerBase):
    def _figure(self, metric: Metric) -> str:
        return self.facts.figure_text(metric)

    def _ask(self, metric: Metric) -> str:
        if metric.ask:
            return metric.ask
        if metric.unit == "%":
            return phrase(self.language, "estimate_percent", label=metric.label)
        return phrase(self.language, "estimate", label=metric.label, unit=metric.unit)

    # -- estimate --------------------------------------------------------------------------

    def _unshown(self, metrics: list[Metric]) -> Metric | None:
        """A figure to ask about that the round has not shown yet (it would answer itself)."""
        return self.anchor(metrics, by_id, lambda _, m: not self._revealed(m))

    def estimate(self) -> Question | None:
        metric = self._unshown(self.facts.estimable)
        if metric is None:
            return None
        return EstimateQuestion(
            id=question_id("estimate", "figure", [metric.id]),
            prompt=self._ask(metric),
            facts=(metric.id,),
            explanation=self.facts.explain([metric.id]),
            unit=metric.unit,
            answer=metric.value,
            written=metric.written,
            scoring="log",
            tolerance=metric.effective_tolerance,
        )

    # -- choice ----------------------------------------------------------------------------

    def choice_figure(self) -> Question | None:
        anchor = self._unshown(self.facts.choosable_figures)
        if anchor is None:
            return None
        near = [m for m in self.facts.near_in_value(anchor, 6) if not is_small(m)]
        distractors = self.facts.figure_distractors(anchor, self.rng.shuffled(near))
        if len(distractors) < 2:  # a random order that boxed itself in: the nearest first
            distractors = self.facts.figure_distractors(anchor)
        return self.choice(
            "figure",
            [anchor.id],
            self._figure(anchor),
            [self._figure(m) for m in distractors],
            anchor.ask or phrase(self.language, "figure", label=anchor.label),
            self.facts.explain([anchor.id]),
        )

    def choice_small(self) -> Question | None:
        """A small number or a rank, among nearby values: 第38位, 第48位, 第58位, 第68位."""
        metric = self._unshown(self.facts.small_figures)
        if metric is None:
            return None
        value = int(metric.value)
        step = 10 ** (len(str(value)) - 1) if value >= 10 else 1
        lowest = max(1 if value >= 1 else 0, value - 3 * step)
        starts = [s for s in range(lowest, value + 1, step) if s <= value]
        start = starts[self.rng.below(len(starts))]
        values = [start + i * step for i in range(4)]
        rank = is_rank(metric)
        return self.choice(
            "small",
            [metric.id],
            self._figure(metric),
            [format_count(v, metric.unit, self.language, rank=rank) for v in values if v != value],
            metric.ask or phrase(self.language, "small", label=metric.label),
            self.facts.explain([metric.id]),
        )

    def choice_largest(self) -> Question | None:
        """Which of three figures of one unit is the largest (or the smallest)."""
        anchor = self.anchor(self.facts.comparable_figures, by_id)
        if anchor is None:
            return None
        group = self.facts.estimable_but(anchor, self.picker.blocked)  # (a unit may hold 1000s)

        def apart(chosen: list[Metric], m: Metric) -> bool:
            return all(
                figures_compatible(m, c)
                and max(m.value, c.value) >= _LARGEST_GAP * min(m.value, c.value)
                for c in chosen
            )

        others = self.spread(group, lambda chosen, m: apart([anchor, *chosen], m))[:2]
        if len(others) < 2:
            return None
        largest = self.rng.below(2) == 0
        three = sorted([anchor, *others], key=lambda m: m.value, reverse=largest)
        template = "largest" if largest else "smallest"
        return self.choice(
            template,
            [m.id for m in three],
            three[0].label,
            [m.label for m in three[1:]],
            phrase(self.language, template),
            self.facts.explain([m.id for m in three]),
        )

    # -- match -----------------------------------------------------------------------------

    def _revealed(self, metric: Metric) -> bool:
        """Whether the round has already shown this figure (a source sentence may state it)."""
        return self.picker.shown.reveals(figure_keys(metric)) is not None

    def match_figures(self) -> Question | None:
        """Three to five figures to pair with their labels, none of them shown yet this round.

        A figure the round has shown (in an explanation, or a source sentence that states it
        along the way) would answer its pair: it is left out, so a small pack makes fewer
        figure matches, of fewer pairs, rather than matches with a pair given away.
        """
        # A third of the pack's figures at most (three pairs at least): a small pack has room
        # for three figure matches rather than one that shows every figure.
        share = max(3, len(self.facts.pairable_figures) // 3)
        target = self.size(3, min(5, share), self.facts.distinct_figures)
        anchor = self._unshown(self.facts.pairable_figures)
        if not target or anchor is None:
            return None
        units = [anchor.unit] + self.rng.shuffled(
            [u for u in self.facts.metrics_by_unit if u != anchor.unit]
        )
        groups: list[list[Metric]] = []  # each unit's figures that may be paired, 2 at least
        for unit in units:
            group = [anchor] if unit == anchor.unit else []
            for m in self.rng.shuffled(self.facts.metrics_by_unit[unit]):
                if len(group) >= 5:
                    break
                if (
                    m.id not in self.picker.blocked
                    and all(_distinct(m, other) for other in group)
                    and not self._revealed(m)
                ):
                    group.append(m)
            if len(group) >= 2:
                groups.append(group)
            elif unit == anchor.unit:
                return None
            if sum(map(len, groups)) >= 2 * target:
                break  # enough to choose from: the rest of the pack is not looked at
        chosen: list[Metric] = []
        for i, found in enumerate(groups):
            if len(chosen) >= target:
                break
            group = [m for m in found if all(_distinct(m, other) for other in chosen)]
            # Two or more of each unit, so that units alone never solve the match; now and
            # then two where three would do, when another unit can join them: a unit of three
            # figures is then not matched the same way every time.
            need = target - len(chosen)
            take = min(len(group), 5 - len(chosen), max(2, need))
            others = any(len(g) >= 2 for g in groups[i + 1 :])
            if take > 2 and need == take and others and self.rng.below(2) == 0:
                take = 2
            if take >= 2:
                chosen += group[:take]
        if len(chosen) < 3:
            return None
        decoys = self._unit_decoys(chosen)
        if decoys is None:
            return None
        pairs = [(m.label, self._figure(m)) for m in chosen]
        prompt = phrase(self.language, "match_figures")
        return self.match("figures", [m.id for m in chosen], pairs, decoys, prompt)

    def _unit_decoys(self, chosen: list[Metric]) -> list[str] | None:
        """A figure match of several units: each unit of two figures gets a third figure of
        that unit on the right, so that the units split the match into real choices, not into
        pairs that "the larger one" answers (play test G7: two ranks beside two figures of
        people). Another figure of the pack in that unit when one fits (not shown yet, never an
        `alike` one), else for a small number or a rank a value next to them: 第68位 beside
        第1位 and 第58位. None when a unit of two has no such third: the match is not made."""
        units: dict[str, list[Metric]] = {}
        for m in chosen:
            units.setdefault(m.unit, []).append(m)
        if len(units) < 2:
            return []
        decoys: list[str] = []
        ids = {m.id for m in chosen}
        for unit, group in units.items():
            if len(group) != 2:
                continue
            decoy = next(
                (
                    self._figure(m)
                    for m in self.facts.metrics_by_unit[unit]
                    if m.id not in ids
                    and m.id not in self.picker.blocked
                    and all(_distinct(m, g) for g in group)
                    and not self._revealed(m)
                ),
                None,
            )
            if decoy is None and all(is_small(m) for m in group):
                values = {int(m.value) for m in group}
                top = max(values)
                step = 10 ** (len(str(top)) - 1) if top >= 10 else 1
                value = next(v for v in range(top + step, top + 10 * step, step) if v not in values)
                decoy = format_count(value, unit, self.language, rank=is_rank(group[0]))
            if decoy is None:
                return None
            decoys.append(decoy)
        return decoys


def _distinct(a: Metric, b: Metric) -> bool:
    return figures_compatible(a, b) and a.written != b.written and a.label != b.label
