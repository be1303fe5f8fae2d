"""Question makers: each turns some of a pack's facts into one question of its kind.

A maker draws facts through a Picker, which prefers facts the round has not asked yet (and, in a
review round, facts the player got wrong), so a round spreads over the pack. Every maker returns
None when the pack cannot give it a valid question.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from ali_quiz.packs.model import AuthoredQuestion, Metric
from ali_quiz.quiz.facts import Dated, PackFacts, Ranked, figures_compatible
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    Entry,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
)
from ali_quiz.quiz.phrasing import format_date, format_figure, phrase
from ali_quiz.quiz.rng import Rng

T = TypeVar("T")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def question_id(kind: str, template: str, facts: Iterable[str]) -> str:
    """Stable for the same kind, template and facts, on any machine: a hash, not Python's hash()."""
    digest = hashlib.sha256(f"{kind}|{template}|{','.join(sorted(facts))}".encode()).hexdigest()
    return f"{kind}-{template}-{digest[:10]}"


def join_explanations(texts: Iterable[str]) -> str:
    unique: list[str] = []
    for text in texts:
        if text and text not in unique:
            unique.append(text)
    return "\n".join(unique)


@dataclass
class Picker:
    """Draws facts for a round: unused first, then the least used; review weights lead."""

    rng: Rng
    weights: dict[str, float] | None = None
    used: Counter[str] = field(default_factory=Counter)

    def order(self, ids: list[str]) -> list[int]:
        """Indices of `ids` in the order to try them."""
        jitter = [self.rng.random() for _ in ids]
        if self.weights:
            # A weighted draw for the first place, so often and lately missed facts come first.
            weights = [self.weights.get(i, 0.0) / (1 + self.used[i]) for i in ids]
            if any(w > 0 for w in weights):
                first = self.rng.weighted_index(weights)
                rest = sorted(
                    (i for i in range(len(ids)) if i != first),
                    key=lambda i: (self.used[ids[i]], -weights[i], jitter[i]),
                )
                return [first, *rest]
        return sorted(range(len(ids)), key=lambda i: (self.used[ids[i]], jitter[i]))

    def pick(
        self,
        items: list[T],
        key: Callable[[T], str],
        k: int,
        fits: Callable[[list[T], T], bool] = lambda chosen, item: True,
    ) -> list[T]:
        """Up to k items, each fitting the ones chosen before it."""
        chosen: list[T] = []
        for index in self.order([key(item) for item in items]):
            item = items[index]
            if fits(chosen, item):
                chosen.append(item)
                if len(chosen) == k:
                    break
        return chosen

    def mark(self, facts: Iterable[str]) -> None:
        self.used.update(facts)


def _dates_apart(chosen: list[Dated], item: Dated) -> bool:
    return all(not item.date.overlaps(other.date) for other in chosen)


def _size(rng: Rng, low: int, high: int, available: int) -> int:
    """A question size from low to high, no more than available (at least low, else 0)."""
    top = min(high, available)
    return 0 if top < low else low + rng.below(top - low + 1)


class Makers:
    """The question makers for one pack and one round."""

    def __init__(self, facts: PackFacts, picker: Picker) -> None:
        self.facts = facts
        self.pack = facts.pack
        self.language = facts.pack.language
        self.picker = picker
        self.rng = picker.rng

    # -- order -----------------------------------------------------------------------------

    def order_timeline(self) -> Question | None:
        size = _size(self.rng, 3, 5, self.facts.max_disjoint_dates)
        if not size:
            return None
        chosen = self.picker.pick(self.facts.timeline, lambda d: d.id, size, _dates_apart)
        if len(chosen) < 3:
            return None
        earliest = sorted(chosen, key=lambda d: d.date.first_day())
        return self._order("timeline", chosen, [d.id for d in earliest],
                           phrase(self.language, "order_timeline"))

    def order_sequence(self) -> Question | None:
        sequences = self.facts.orderable_sequences
        if not sequences:
            return None
        sequence = sequences[self.rng.below(len(sequences))]
        ranked = self.facts.ranked(sequence)
        size = _size(self.rng, 3, 6, len({r.rank for r in ranked}))
        chosen = self.picker.pick(
            ranked, lambda r: r.id, size,
            lambda chosen, item: all(item.rank != other.rank for other in chosen),
        )
        if len(chosen) < 3:
            return None
        earliest = sorted(chosen, key=lambda r: r.rank)
        return self._order("sequence", chosen, [r.id for r in earliest],
                           phrase(self.language, "order_sequence", title=sequence.title))

    def _order(
        self, template: str, chosen: list[Dated] | list[Ranked], answer: list[str], prompt: str
    ) -> Question:
        shown = self.rng.shuffled(list(chosen))
        if [item.id for item in shown] == answer:
            # Presented already in order would give the answer away: turn it around.
            shown = shown[1:] + shown[:1]
        ids = [item.id for item in chosen]
        return OrderQuestion(
            id=question_id("order", template, ids),
            prompt=prompt,
            facts=tuple(answer),
            explanation=join_explanations(
                self.facts.explanations.get(i, "") for i in answer
            ),
            items=tuple(Entry(id=item.id, text=item.text) for item in shown),
            answer=tuple(answer),
        )

    # -- match -----------------------------------------------------------------------------

    def match_dates(self) -> Question | None:
        size = _size(self.rng, 3, 5, self.facts.max_disjoint_dates)
        if not size:
            return None
        chosen = self.picker.pick(self.facts.timeline, lambda d: d.id, size, _dates_apart)
        if len(chosen) < 3:
            return None
        decoys = [
            d for d in self.facts.timeline
            if d not in chosen and _dates_apart(chosen, d)
        ]
        decoy = [decoys[self.rng.below(len(decoys))]] if decoys else []
        pairs = [(d.text, format_date(d.date, self.language)) for d in chosen]
        extra = [format_date(d.date, self.language) for d in decoy]
        return self._match("dates", chosen, pairs, extra, phrase(self.language, "match_dates"))

    def match_highlights(self) -> Question | None:
        versions = self.facts.versions_with_highlights
        size = _size(self.rng, 3, 5, len(versions))
        if not size:
            return None
        chosen = self.picker.pick(versions, lambda v: v.id, size)
        if len(chosen) < 3:
            return None
        pairs = [(v.title, v.highlights[self.rng.below(len(v.highlights))]) for v in chosen]
        if len({right for _, right in pairs}) < len(pairs):
            return None
        return self._match("highlights", chosen, pairs, [],
                           phrase(self.language, "match_highlights"))

    def match_figures(self) -> Question | None:
        metrics = self.facts.metrics
        size = _size(self.rng, 3, 5, len(metrics))
        if not size:
            return None
        chosen = self.picker.pick(
            metrics, lambda m: m.id, size,
            lambda chosen, item: all(
                figures_compatible(item, other) and item.written != other.written
                for other in chosen
            ),
        )
        if len(chosen) < 3:
            return None
        pairs = [(m.label, format_figure(m.written, m.unit, self.language)) for m in chosen]
        return self._match("figures", chosen, pairs, [], phrase(self.language, "match_figures"))

    def _match(
        self,
        template: str,
        chosen: list[Dated] | list[Metric] | list,  # type: ignore[type-arg]
        pairs: list[tuple[str, str]],
        decoys: list[str],
        prompt: str,
    ) -> Question:
        ids = [fact.id for fact in chosen]
        left_order = self.rng.shuffled(list(range(len(pairs))))
        right_texts = self.rng.shuffled([right for _, right in pairs] + decoys)
        right = tuple(Entry(id=LETTERS[i], text=text) for i, text in enumerate(right_texts))
        right_id = {entry.text: entry.id for entry in right}
        left = tuple(Entry(id=str(n + 1), text=pairs[i][0]) for n, i in enumerate(left_order))
        answer = tuple(
            (str(n + 1), right_id[pairs[i][1]]) for n, i in enumerate(left_order)
        )
        return MatchQuestion(
            id=question_id("match", template, ids),
            prompt=prompt,
            facts=tuple(ids[i] for i in left_order),
            explanation=join_explanations(self.facts.explanations.get(ids[i], "")
                                          for i in left_order),
            left=left,
            right=right,
            answer=answer,
        )

    # -- estimate --------------------------------------------------------------------------

    def estimate(self) -> Question | None:
        chosen = self.picker.pick(self.facts.metrics, lambda m: m.id, 1)
        if not chosen:
            return None
        metric = chosen[0]
        return EstimateQuestion(
            id=question_id("estimate", "figure", [metric.id]),
            prompt=phrase(self.language, "estimate", label=metric.label, unit=metric.unit),
            facts=(metric.id,),
            explanation=metric.explanation(),
            unit=metric.unit,
            answer=metric.value,
            written=metric.written,
            scoring="log",
            tolerance=metric.effective_tolerance,
        )

    # -- choice ----------------------------------------------------------------------------

    def choice_when(self) -> Question | None:
        anchor = self._anchor(self.facts.timeline)
        if anchor is None:
            return None
        others = self._nearest(
            [d for d in self.facts.timeline if not d.date.overlaps(anchor.date)],
            lambda d: abs((d.date.first_day() - anchor.date.first_day()).days),
        )
        distractors = self._spread(others, lambda chosen, d: _dates_apart(chosen, d))
        if not distractors:
            return None
        return self._choice(
            "when", [anchor.id], format_date(anchor.date, self.language),
            [format_date(d.date, self.language) for d in distractors],
            phrase(self.language, "choice_when", title=anchor.text), anchor.explanation,
        )

    def choice_what(self) -> Question | None:
        anchor = self._anchor(self.facts.timeline)
        if anchor is None:
            return None
        others = self._nearest(
            [d for d in self.facts.timeline
             if not d.date.overlaps(anchor.date) and d.text != anchor.text],
            lambda d: abs((d.date.first_day() - anchor.date.first_day()).days),
        )
        distractors = self._spread(others, lambda chosen, d: d.text not in [c.text for c in chosen])
        if not distractors:
            return None
        return self._choice(
            "what", [anchor.id], anchor.text, [d.text for d in distractors],
            phrase(self.language, "choice_what", date=format_date(anchor.date, self.language)),
            anchor.explanation,
        )

    def choice_figure(self) -> Question | None:
        usable = [
            m for m in self.facts.metrics
            if any(o.unit == m.unit and figures_compatible(m, o) for o in self.facts.metrics)
        ]
        anchor = self._anchor(usable)
        if anchor is None:
            return None
        import math

        def distance(metric: Metric) -> float:
            if anchor.value > 0 and metric.value > 0:
                return abs(math.log(metric.value / anchor.value))
            return abs(metric.value - anchor.value)

        others = self._nearest(
            [m for m in self.facts.metrics
             if m.unit == anchor.unit and figures_compatible(anchor, m)
             and m.written != anchor.written],
            distance,
        )
        distractors = self._spread(
            others,
            lambda chosen, m: all(figures_compatible(m, c) and m.written != c.written
                                  for c in chosen),
        )
        if not distractors:
            return None
        return self._choice(
            "figure", [anchor.id], format_figure(anchor.written, anchor.unit, self.language),
            [format_figure(m.written, m.unit, self.language) for m in distractors],
            phrase(self.language, "choice_figure", label=anchor.label), anchor.explanation(),
        )

    def choice_first(self) -> Question | None:
        sequences = [s for s in self.pack.sequences if len({i.rank for i in s.items}) >= 2]
        if not sequences:
            return None
        sequence = sequences[self.rng.below(len(sequences))]
        ranked = self.facts.ranked(sequence)
        size = _size(self.rng, 3, 4, len({r.rank for r in ranked})) or 2
        chosen = self.picker.pick(
            ranked, lambda r: r.id, size,
            lambda chosen, item: all(item.rank != other.rank for other in chosen),
        )
        if len(chosen) < 2:
            return None
        first = min(chosen, key=lambda r: r.rank)
        return self._choice(
            "first", [r.id for r in chosen], first.text,
            [r.text for r in chosen if r is not first],
            phrase(self.language, "choice_first", title=sequence.title),
            join_explanations(r.explanation for r in sorted(chosen, key=lambda r: r.rank)),
            answer_fact=first.id,
        )

    def choice_release(self) -> Question | None:
        versions = self.facts.versions_with_highlights
        anchor = self._anchor(versions)
        if anchor is None:
            return None
        highlight = anchor.highlights[self.rng.below(len(anchor.highlights))]
        others = [v for v in self.pack.versions
                  if v.id != anchor.id and highlight not in v.highlights]
        distractors = self.rng.sample(others, min(3, len(others)))
        if not distractors:
            return None
        return self._choice(
            "release", [anchor.id], anchor.title, [v.title for v in distractors],
            phrase(self.language, "choice_release", highlight=highlight), anchor.explanation(),
        )

    def _anchor(self, items: list[T]) -> T | None:
        chosen = self.picker.pick(items, lambda item: item.id, 1)  # type: ignore[attr-defined]
        return chosen[0] if chosen else None

    def _nearest(self, items: list[T], distance: Callable[[T], float]) -> list[T]:
        """Plausible distractors first: the nearest in time or magnitude, ties broken at random."""
        jitter = [self.rng.random() for _ in items]
        order = sorted(range(len(items)), key=lambda i: (distance(items[i]), jitter[i]))
        return [items[i] for i in order]

    def _spread(self, items: list[T], fits: Callable[[list[T], T], bool]) -> list[T]:
        """Up to three distractors from the nearest few, each fitting the ones before."""
        pool = items[:6]
        chosen: list[T] = []
        for item in self.rng.shuffled(pool) if len(pool) > 3 else pool:
            if fits(chosen, item):
                chosen.append(item)
                if len(chosen) == 3:
                    break
        return chosen

    def _choice(
        self,
        template: str,
        facts: list[str],
        right: str,
        wrong: list[str],
        prompt: str,
        explanation: str,
        answer_fact: str | None = None,
    ) -> Question | None:
        if right in wrong or len(set(wrong)) < len(wrong):
            return None
        texts = self.rng.shuffled([right, *wrong])
        options = tuple(Entry(id=LETTERS[i], text=t) for i, t in enumerate(texts))
        del answer_fact
        return ChoiceQuestion(
            id=question_id("choice", template, facts),
            prompt=prompt,
            facts=tuple(facts),
            explanation=explanation,
            options=options,
            answer=LETTERS[texts.index(right)],
        )

    # -- authored --------------------------------------------------------------------------

    def authored(self, question: AuthoredQuestion) -> Question:
        """An authored question as a Question; items and options shuffled by the round's seed."""
        explanation = question.explanation or join_explanations(
            self.facts.explanations.get(f, "") for f in question.facts
        )
        common = dict(
            id=question.id, prompt=question.prompt, facts=question.facts,
            explanation=explanation, max_points=question.max_points,
        )
        if question.kind == "order":
            ids = [f"i{n + 1}" for n in range(len(question.items))]
            shown = self.rng.shuffled(list(range(len(ids))))
            if shown == sorted(shown):
                shown = shown[1:] + shown[:1]
            return OrderQuestion(
                **common,  # type: ignore[arg-type]
                items=tuple(Entry(id=ids[i], text=question.items[i]) for i in shown),
                answer=tuple(ids),
            )
        if question.kind == "match":
            left_order = self.rng.shuffled(list(range(len(question.pairs))))
            rights = self.rng.shuffled([p.right for p in question.pairs] + list(question.decoys))
            right = tuple(Entry(id=LETTERS[i], text=t) for i, t in enumerate(rights))
            right_id = {e.text: e.id for e in right}
            return MatchQuestion(
                **common,  # type: ignore[arg-type]
                left=tuple(Entry(id=str(n + 1), text=question.pairs[i].left)
                           for n, i in enumerate(left_order)),
                right=right,
                answer=tuple((str(n + 1), right_id[question.pairs[i].right])
                             for n, i in enumerate(left_order)),
            )
        if question.kind == "estimate":
            assert question.answer is not None
            band = question.range is not None
            return EstimateQuestion(
                **common,  # type: ignore[arg-type]
                unit=question.unit,
                answer=question.answer,
                written=question.answer_written or str(question.answer),
                scoring="band" if band else "log",
                tolerance=None if band else (
                    question.tolerance if question.tolerance is not None else 0.05
                ),
                range=question.range,
            )
        if question.kind == "choice":
            # True/false and other two-option questions keep their written order (對 before 錯).
            order = list(range(len(question.options)))
            if len(order) > 2:
                order = self.rng.shuffled(order)
            options = tuple(
                Entry(id=LETTERS[n], text=question.options[i].text) for n, i in enumerate(order)
            )
            weights = [question.options[i].weight for i in order]
            best = max(range(len(order)), key=lambda n: weights[n])
            return ChoiceQuestion(
                **common,  # type: ignore[arg-type]
                options=options,
                answer=LETTERS[best],
                weights=(
                    tuple((LETTERS[n], w) for n, w in enumerate(weights))
                    if question.weighted else None
                ),
            )
        return TextQuestion(**common, accepted=question.accepted)  # type: ignore[arg-type]
