"""Grading: one function per kind, exactly as PRODUCT.md's table says.

Every function returns whole points: `max_points × share`, rounded to the nearest integer with
halves up. Grading is total: a malformed response scores what it can (missing items count as
wrong), it never raises.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    Response,
    TextQuestion,
)
from ali_quiz.quiz.textmatch import match_text

LN2 = math.log(2)
# Floating point can land a hair beside a boundary that is exact on paper (2.1e8 against 2e8 with a
# 5% tolerance): this slack keeps such answers on the side the formula means.
_EPSILON = 1e-9


def round_half_up(value: Fraction | float) -> int:
    """Round to the nearest integer, halves up (2.5 -> 3, 50.5 -> 51)."""
    if isinstance(value, Fraction):
        return math.floor(value + Fraction(1, 2))
    return math.floor(value + 0.5 + _EPSILON)


def grade_order(question: OrderQuestion, response: Sequence[str]) -> int:
    """max × share of pairs in the right order (an item left out gets every pair of it wrong)."""
    position = {item: index for index, item in enumerate(response)}
    answer = question.answer
    total = len(answer) * (len(answer) - 1) // 2
    if total == 0:
        return question.max_points
    right = 0
    for i, earlier in enumerate(answer):
        for later in answer[i + 1 :]:
            if earlier in position and later in position and position[earlier] < position[later]:
                right += 1
    return round_half_up(question.max_points * Fraction(right, total))


def order_item_shares(answer: Sequence[str], response: Sequence[str]) -> dict[str, Fraction]:
    """Each item's share of its pairs in the right order: 1 right, 0 wrong, between partial.

    An item is graded by the pairs it belongs to (PRODUCT.md: right when all its pairs are
    right, partial when some are, wrong when none are); an item left out has every pair wrong.
    """
    position = {item: index for index, item in enumerate(response)}
    shares: dict[str, Fraction] = {}
    for item in answer:
        others = [o for o in answer if o != item]
        if not others:
            shares[item] = Fraction(1)
            continue
        right = 0
        for other in others:
            if item in position and other in position:
                earlier = answer.index(item) < answer.index(other)
                right += (position[item] < position[other]) == earlier
        shares[item] = Fraction(right, len(others))
    return shares


def grade_match(question: MatchQuestion, response: Mapping[str, str]) -> int:
    """max × share of left items paired with their right item."""
    if not question.answer:
        return question.max_points
    right = sum(1 for left, target in question.answer if response.get(left) == target)
    return round_half_up(question.max_points * Fraction(right, len(question.answer)))


def estimate_share(question: EstimateQuestion, guess: float) -> float:
    """The share of max_points an estimate earns, from 0 to 1."""
    if question.scoring == "band" and question.range is not None:
        low, high = question.range
        return 1.0 if low - _EPSILON * abs(low) <= guess <= high + _EPSILON * abs(high) else 0.0
    answer = float(question.answer)
    if answer <= 0:
        # The log formula needs a positive answer; a zero or negative figure is right only exactly.
        return 1.0 if guess == answer else 0.0
    if not guess > 0 or not math.isfinite(guess):
        return 0.0
    # Logs apart, not the log of the ratio: a tiny guess would underflow the ratio to 0.
    error = abs(math.log(guess) - math.log(answer))
    tolerance = question.tolerance if question.tolerance is not None else 0.05
    threshold = math.log(1 + tolerance)
    if error <= threshold + _EPSILON:
        return 1.0
    if error >= LN2 or threshold >= LN2:
        return 0.0
    return (LN2 - error) / (LN2 - threshold)


def grade_estimate(question: EstimateQuestion, guess: float) -> int:
    """Log closeness (default) or band, as PRODUCT.md defines them."""
    return round_half_up(question.max_points * estimate_share(question, guess))


def grade_choice(question: ChoiceQuestion, response: str) -> int:
    """100 or 0; an authored multi-answer choice earns the picked option's weight (not below 0)."""
    if question.weights is not None:
        weight = dict(question.weights).get(response, 0.0)
        share = min(max(Fraction(weight).limit_denominator(10_000) / 100, Fraction(0)), Fraction(1))
        return round_half_up(question.max_points * share)
    return question.max_points if response == question.answer else 0


def grade_multi(question: MultiQuestion, response: Sequence[str]) -> int:
    """The sum of the picked options' weights (each counted once), kept between 0 and 100%."""
    weights = dict(question.weights)
    total = sum(
        (Fraction(weights[o]).limit_denominator(100_000) for o in set(response) if o in weights),
        Fraction(0),
    )
    share = min(max(total / 100, Fraction(0)), Fraction(1))
    return round_half_up(question.max_points * share)


def grade_text(question: TextQuestion, response: str) -> int:
    """Full marks if the response is an accepted answer after folding (NFKC, case, spaces,
    Traditional/Simplified Chinese) or one typo from one of five or more characters; else 0."""
    found = match_text(question.accepted, response)
    return question.max_points if found is not None and found.forgiven else 0


def grade(question: Question, response: Response | None) -> int:
    """Points for a response to any question; None (skipped) or a wrongly shaped one is 0."""
    if response is None:
        return 0
    if isinstance(question, OrderQuestion) and isinstance(response, list):
        return grade_order(question, response)
    if isinstance(question, MatchQuestion) and isinstance(response, dict):
        return grade_match(question, response)
    if (
        isinstance(question, EstimateQuestion)
        and isinstance(response, int | float)
        and not isinstance(response, bool)
    ):
        return grade_estimate(question, float(response))
    if isinstance(question, ChoiceQuestion) and isinstance(response, str):
        return grade_choice(question, response)
    if isinstance(question, MultiQuestion) and isinstance(response, list):
        return grade_multi(question, [r for r in response if isinstance(r, str)])
    if isinstance(question, TextQuestion) and isinstance(response, str):
        return grade_text(question, response)
    return 0


def is_correct(question: Question, points: int) -> bool:
    """Full marks."""
    return points >= question.max_points
