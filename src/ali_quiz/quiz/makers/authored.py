"""Authored questions as Questions: items and options shuffled by the round's seed."""

from __future__ import annotations

from ali_quiz.packs.model import AuthoredQuestion
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    Entry,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
)
from ali_quiz.quiz.makers.base import LETTERS, MakerBase


class AuthoredMaker(MakerBase):
    def authored(self, question: AuthoredQuestion) -> Question:
        """An authored question as a Question; items and options shuffled by the round's seed."""
        explanation = question.explanation or self.facts.explain(question.facts)
        common = dict(
            id=question.id,
            prompt=question.prompt,
            facts=question.facts,
            explanation=explanation,
            max_points=question.max_points,
            passage=question.passage,
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
                left=tuple(
                    Entry(id=str(n + 1), text=question.pairs[i].left)
                    for n, i in enumerate(left_order)
                ),
                right=right,
                answer=tuple(
                    (str(n + 1), right_id[question.pairs[i].right])
                    for n, i in enumerate(left_order)
                ),
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
                tolerance=None
                if band
                else (question.tolerance if question.tolerance is not None else 0.05),
                range=question.range,
            )
        if question.kind in ("choice", "multi"):
            # True/false and other two-option questions keep their written order (對 before 錯).
            order = list(range(len(question.options)))
            if len(order) > 2:
                order = self.rng.shuffled(order)
            options = tuple(
                Entry(
                    id=LETTERS[n],
                    text=question.options[i].text,
                    feedback=question.options[i].feedback,
                )
                for n, i in enumerate(order)
            )
            weights = [question.options[i].weight for i in order]
            if question.kind == "multi":
                return MultiQuestion(
                    **common,  # type: ignore[arg-type]
                    options=options,
                    weights=tuple((LETTERS[n], w) for n, w in enumerate(weights)),
                )
            best = max(range(len(order)), key=lambda n: weights[n])
            return ChoiceQuestion(
                **common,  # type: ignore[arg-type]
                options=options,
                answer=LETTERS[best],
                weights=(
                    tuple((LETTERS[n], w) for n, w in enumerate(weights))
                    if question.weighted
                    else None
                ),
            )
        return TextQuestion(**common, accepted=question.accepted)  # type: ignore[arg-type]
