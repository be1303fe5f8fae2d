"""A question asked again with its options, items and sides in a new order (a round of mistakes).

Asked again straight after the round, a question in the same order is answered by the letter
remembered from the feedback, not by the fact. The answer moves: a choice's right option takes
another letter, an order's items another order, a match's right side other letters. Ids that
name a place (a choice's `a` to `d`, a match's `1` to `3` and `a` to `e`) are given anew by
place, so the first option is still `a`; ids that name a fact (an order's items) travel with
their item, and `facts`, aligned with an order's items and a match's left side, with them.
Two options (true/false) keep their written order, as an authored question keeps it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
)
from ali_quiz.quiz.rng import Rng

TRIES = 20  # shuffles drawn before falling back on a turn


def moved(count: int, rng: Rng, away: Collection[int] = ()) -> list[int]:
    """A new order of `count` places (new place -> old place): never the same order, and no
    place of `away` (the right options) left where it was."""
    same = list(range(count))
    if count < 2:
        return same
    for _ in range(TRIES):
        order = rng.shuffled(same)
        if order != same and all(order[place] != place for place in away):
            return order
    return same[1:] + same[:1]  # a turn: every place moves


def reshuffled(question: Question, rng: Rng) -> Question:
    """The question with its options, items or sides in a new order (estimate, text: as is)."""
    if isinstance(question, ChoiceQuestion | MultiQuestion) and len(question.options) > 2:
        ids = [option.id for option in question.options]
        answer = question.answer if isinstance(question, ChoiceQuestion) else None
        order = moved(len(ids), rng, [ids.index(answer)] if answer in ids else ())
        new_id = {ids[old]: ids[new] for new, old in enumerate(order)}
        options = tuple(
            replace(question.options[old], id=ids[new]) for new, old in enumerate(order)
        )
        weights = question.weights
        if weights is not None:
            weighed = dict(weights)
            weights = tuple((new_id[ids[old]], weighed[ids[old]]) for old in order)
        if isinstance(question, ChoiceQuestion):
            return replace(
                question, options=options, answer=new_id[question.answer], weights=weights
            )
        return replace(question, options=options, weights=weights or ())
    if isinstance(question, OrderQuestion):
        order = moved(len(question.items), rng)
        aligned = len(question.facts) == len(question.items)
        return replace(
            question,
            items=tuple(question.items[old] for old in order),
            facts=tuple(question.facts[old] for old in order) if aligned else question.facts,
        )
    if isinstance(question, MatchQuestion):
        left_ids = [item.id for item in question.left]
        right_ids = [item.id for item in question.right]
        left_order = moved(len(left_ids), rng)
        # Every right item that is someone's partner moves: no item keeps its partner's letter.
        partners = [right_ids.index(right) for _, right in question.answer]
        right_order = moved(len(right_ids), rng, partners)
        new_left = {left_ids[old]: left_ids[new] for new, old in enumerate(left_order)}
        new_right = {right_ids[old]: right_ids[new] for new, old in enumerate(right_order)}
        pairs = dict(question.answer)
        aligned = len(question.facts) == len(question.left)
        return replace(
            question,
            left=tuple(
                replace(question.left[old], id=left_ids[new]) for new, old in enumerate(left_order)
            ),
            right=tuple(
                replace(question.right[old], id=right_ids[new])
                for new, old in enumerate(right_order)
            ),
            answer=tuple(
                (new_left[left_ids[old]], new_right[pairs[left_ids[old]]]) for old in left_order
            ),
            facts=tuple(question.facts[old] for old in left_order) if aligned else question.facts,
        )
    return question
