"""Grading, exactly as PRODUCT.md's table says; rounding to the nearest integer, halves up."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ali_quiz.quiz.grading import (
    estimate_share,
    grade,
    grade_choice,
    grade_estimate,
    grade_match,
    grade_order,
    grade_text,
    is_correct,
    round_half_up,
)
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    Entry,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
)
from ali_quiz.quiz.textmatch import fold_text

LN2 = math.log(2)
COMMON: dict[str, Any] = {"id": "q", "prompt": "?", "facts": (), "explanation": ""}


def order(n: int, max_points: int = 100) -> OrderQuestion:
    ids = tuple("abcdefghij"[:n])
    return OrderQuestion(
        **COMMON,
        max_points=max_points,
        items=tuple(Entry(id=i, text=i.upper()) for i in reversed(ids)),
        answer=ids,
    )


def match(n: int, max_points: int = 100) -> MatchQuestion:
    left = tuple(Entry(id=str(k + 1), text=f"L{k}") for k in range(n))
    right = tuple(Entry(id="abcdefghij"[k], text=f"R{k}") for k in range(n + 1))
    return MatchQuestion(
        **COMMON,
        max_points=max_points,
        left=left,
        right=right,
        answer=tuple((str(k + 1), "abcdefghij"[k]) for k in range(n)),
    )


def estimate(
    answer: float = 2e8, tolerance: float | None = 0.05, max_points: int = 100
) -> EstimateQuestion:
    return EstimateQuestion(
        **COMMON,
        max_points=max_points,
        unit="people",
        answer=answer,
        written=str(answer),
        tolerance=tolerance,
    )


def band(low: float, high: float) -> EstimateQuestion:
    return EstimateQuestion(
        **COMMON,
        unit="ratings",
        answer=(low + high) / 2,
        written="",
        scoring="band",
        tolerance=None,
        range=(low, high),
    )


def choice(weights: list[float] | None = None, max_points: int = 100) -> ChoiceQuestion:
    options = tuple(Entry(id=letter, text=letter.upper()) for letter in "abcd")
    return ChoiceQuestion(
        **COMMON,
        max_points=max_points,
        options=options,
        answer="b",
        weights=None if weights is None else tuple(zip("abcd", weights, strict=True)),
    )


def text(*accepted: str) -> TextQuestion:
    return TextQuestion(**COMMON, accepted=accepted)


# -- order: 100 × share of pairs in the right order ---------------------------------------------


@pytest.mark.parametrize(
    ("n", "response", "points"),
    [
        (4, "abcd", 100),
        (4, "bacd", 83),  # one adjacent swap: 5 of 6 pairs -> 83.3
        (4, "abdc", 83),
        (4, "dcba", 0),  # reversed: no pair right
        (4, "badc", 67),  # two swaps: 4 of 6
        (4, "cabd", 67),  # c moved two places: 4 of 6
        (4, "dabc", 50),  # d first: 3 of 6
        (3, "acb", 67),  # 2 of 3 -> 66.7
        (3, "cab", 33),  # 1 of 3 -> 33.3
        (3, "cba", 0),
        (5, "abcde", 100),
        (5, "bacde", 90),  # 9 of 10
        (6, "abcdef", 100),
        (6, "bacdef", 93),  # 14 of 15 -> 93.3
        (6, "fabcde", 67),  # 10 of 15 -> 66.7
        (3, "ab", 33),  # an item left out gets every pair of it wrong: 1 of 3
        (3, "", 0),
        (3, "abcx", 100),  # an unknown extra item changes nothing
    ],
)
def test_order_by_pairs(n: int, response: str, points: int) -> None:
    assert grade_order(order(n), list(response)) == points
    assert grade(order(n), list(response)) == points


# -- match: 100 × share of right pairs ----------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "response", "points"),
    [
        (3, {"1": "a", "2": "b", "3": "c"}, 100),
        (3, {"1": "a", "2": "c", "3": "b"}, 33),
        (3, {"1": "a", "2": "b", "3": "d"}, 67),  # a decoy for one
        (3, {"1": "b", "2": "c", "3": "a"}, 0),
        (3, {}, 0),
        (3, {"1": "a"}, 33),
        (4, {"1": "a", "2": "b", "3": "d", "4": "c"}, 50),
        (5, {"1": "a", "2": "b", "3": "c", "4": "d", "5": "a"}, 80),
        (3, {"1": "a", "2": "b", "3": "c", "9": "z"}, 100),
    ],
)
def test_match_by_pairs(n: int, response: dict[str, str], points: int) -> None:
    assert grade_match(match(n), response) == points
    assert grade(match(n), response) == points


# -- estimate: log closeness ---------------------------------------------------------------------


def test_estimate_formula_at_its_boundaries() -> None:
    question = estimate(2e8, 0.05)
    t = math.log(1.05)
    assert grade_estimate(question, 2e8) == 100
    assert grade_estimate(question, 2.1e8) == 100  # e == t exactly on paper: within tolerance
    assert grade_estimate(question, 2e8 / 1.05) == 100
    assert grade_estimate(question, 2e8 * math.exp(t * 0.999)) == 100
    assert grade_estimate(question, 2.2e8) < 100
    assert grade_estimate(question, 4e8) == 0  # e == ln 2
    assert grade_estimate(question, 1e8) == 0
    assert grade_estimate(question, 5e8) == 0
    assert grade_estimate(question, 1e300) == 0
    assert grade_estimate(question, 0) == 0
    assert grade_estimate(question, -2e8) == 0
    assert grade_estimate(question, math.nan) == 0
    assert grade_estimate(question, math.inf) == 0
    assert grade_estimate(question, -math.inf) == 0


@pytest.mark.parametrize("tolerance", [0.0, 0.05, 0.1, 0.5])
@pytest.mark.parametrize("fraction", [0.0, 0.25, 0.5, 0.75, 1.0])
@pytest.mark.parametrize("side", [1, -1])
def test_estimate_formula_in_between(tolerance: float, fraction: float, side: int) -> None:
    """At e = t + fraction × (ln 2 − t) the score is 100 × (1 − fraction), above or below."""
    t = math.log(1 + tolerance)
    e = t + fraction * (LN2 - t)
    guess = 3.8 * math.exp(side * e)
    expected = 100 * (LN2 - e) / (LN2 - t)
    assert estimate_share(estimate(3.8, tolerance), guess) == pytest.approx(
        max(0.0, min(1.0, expected / 100)), abs=1e-9
    )
    assert grade_estimate(estimate(3.8, tolerance), guess) == round_half_up(expected)


def test_estimate_midway_values() -> None:
    question = estimate(100, 0.0)
    assert grade_estimate(question, 100 * math.sqrt(2)) == 50  # e = ln2 / 2
    assert grade_estimate(question, 100 / math.sqrt(2)) == 50
    question = estimate(7610.2e4, 0.05)
    t = math.log(1.05)
    assert grade_estimate(question, 7610.2e4 * math.exp((LN2 + t) / 2)) == 50


def test_estimate_default_tolerance_is_five_percent() -> None:
    assert grade_estimate(estimate(100, None), 105) == 100
    assert grade_estimate(estimate(100, None), 106) < 100


def test_estimate_of_a_zero_or_negative_answer() -> None:
    assert grade_estimate(estimate(0, 0.05), 0) == 100
    assert grade_estimate(estimate(0, 0.05), 1) == 0
    assert grade_estimate(estimate(-3, 0.05), -3) == 100


def test_estimate_band() -> None:
    question = band(150, 160)
    for guess, points in [(150, 100), (155.5, 100), (160, 100), (149.9, 0), (160.1, 0), (0, 0)]:
        assert grade_estimate(question, guess) == points, guess
    assert grade(question, 160) == 100 and grade(question, -1) == 0


# -- choice --------------------------------------------------------------------------------------


def test_choice_right_or_wrong() -> None:
    assert grade_choice(choice(), "b") == 100
    assert grade_choice(choice(), "a") == 0
    assert grade_choice(choice(), "z") == 0
    assert grade_choice(choice(max_points=30), "b") == 30


@pytest.mark.parametrize(
    ("weights", "response", "max_points", "points"),
    [
        ([100, 50, 0, -25], "a", 100, 100),
        ([100, 50, 0, -25], "b", 100, 50),
        ([100, 50, 0, -25], "c", 100, 0),
        ([100, 50, 0, -25], "d", 100, 0),  # never below 0
        ([100, 50, 0, -25], "z", 100, 0),
        ([33.33333, 33.33333, 33.33333, 0], "a", 100, 33),
        ([50, 50, 0, 0], "b", 25, 13),  # 12.5 rounds up
        ([50, 50, 0, 0], "b", 75, 38),  # 37.5 rounds up
        ([12.5, 0, 0, 0], "a", 100, 13),
    ],
)
def test_choice_weights(weights: list[float], response: str, max_points: int, points: int) -> None:
    assert grade_choice(choice(weights, max_points), response) == points


# -- text: folded match --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "points"),
    [
        ("Bayan Har", 100),
        ("bayan har", 100),
        ("BAYAN HAR", 100),
        ("  Bayan   Har  ", 100),
        ("Bayan\tHar", 100),
        ("Ｂａｙａｎ　Ｈａｒ", 100),  # full-width letters and space, through NFKC
        ("巴顏喀拉", 100),
        ("巴顏喀拉 ", 100),
        ("STRASSE", 100),  # casefold: ß -> ss
        ("", 0),
        ("   ", 0),
        ("巴颜喀拉", 100),  # Simplified characters: the same answer
        ("巴顏喀拉", 100),
        # One typo (added, dropped, changed, two neighbours swapped) in an answer of 5 or more
        ("BayanHar", 100),
        ("Bayan Har!", 100),
        ("Bayan Hara", 100),
        ("Bayn Har", 100),
        ("Bayan Hor", 100),
        ("Bayan Hra", 100),
        ("Strase", 100),  # Straße folds to strasse (7 characters): one letter dropped
        ("Bayen Hor", 0),  # two edits
        ("Baayan Harr", 0),
        ("Bayan Har!!", 0),
        ("巴顏喀", 0),  # one edit, but 巴顏喀拉 has four characters: too short to forgive
        ("巴顏喀拉拉", 0),
    ],
)
def test_text_folding(response: str, points: int) -> None:
    assert grade_text(text("Bayan Har", "巴顏喀拉", "Straße"), response) == points


def test_fold_text() -> None:
    assert fold_text("  Ａ  b\u3000C ") == "a b c"
    assert fold_text("ﬁ") == "fi"  # NFKC ligature


def test_an_empty_accepted_answer_never_matches_an_empty_response() -> None:
    assert grade_text(text("   ", "x"), "") == 0


# -- rounding, halves up -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "rounded"),
    [(0.5, 1), (1.5, 2), (2.5, 3), (50.5, 51), (49.4999, 49), (0.0, 0), (99.5, 100), (83.3, 83)],
)
def test_round_half_up(value: float, rounded: int) -> None:
    assert round_half_up(value) == rounded


def test_halves_round_up_in_every_kind() -> None:
    # Order: 4 items, 3 of 6 pairs right, worth 5 points: 2.5 -> 3 (Python's round() gives 2).
    assert grade_order(order(4, max_points=5), list("dabc")) == 3
    # Order: 5 items, 1 of 10 pairs right, worth 5: 0.5 -> 1.
    assert grade_order(order(5, max_points=5), list("edcab")) == 1
    # Match: 4 pairs, 1 right, worth 10: 2.5 -> 3.
    assert grade_match(match(4, max_points=10), {"1": "a"}) == 3
    # Match: 8 pairs, 1 right, worth 100: 12.5 -> 13.
    assert grade_match(match(8), {"1": "a"}) == 13
    # Estimate: a share of exactly one half, worth 5: 2.5 -> 3.
    assert grade_estimate(estimate(100, 0.0, max_points=5), 100 * math.sqrt(2)) == 3
    # Choice weights: 50% of 25 -> 12.5 -> 13.
    assert grade_choice(choice([50, 50, 0, 0], 25), "a") == 13


# -- the dispatcher ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "response"),
    [
        (order(3), None),
        (order(3), "abc"),
        (order(3), {"a": "b"}),
        (match(3), ["a", "b"]),
        (estimate(), "200000000"),
        (estimate(), True),
        (choice(), ["b"]),
        (text("x"), 5),
    ],
)
def test_a_response_of_the_wrong_shape_scores_zero(question: Question, response: Any) -> None:
    assert grade(question, response) == 0


def test_is_correct() -> None:
    assert is_correct(order(3), 100) and not is_correct(order(3), 99)


# -- properties ----------------------------------------------------------------------------------

MAX_POINTS = st.integers(min_value=1, max_value=1000)


def inversions(permutation: list[str]) -> int:
    return sum(
        1 for i in range(len(permutation)) for j in range(i) if permutation[j] > permutation[i]
    )


@given(n=st.integers(3, 6), max_points=MAX_POINTS, seed=st.randoms(use_true_random=False))
def test_perfect_answers_get_full_marks(n: int, max_points: int, seed: Any) -> None:
    questions: list[tuple[Question, Any]] = [
        (order(n, max_points), list("abcdefghij"[:n])),
        (match(min(n, 5), max_points), dict(match(min(n, 5)).answer)),
        (estimate(seed.uniform(1e-3, 1e12), seed.choice([None, 0.0, 0.05, 0.5]), max_points), None),
        (choice(None, max_points), "b"),
        (choice([100, 20, 0, -5], max_points), "a"),
        (TextQuestion(**{**COMMON, "max_points": max_points}, accepted=("Réponse",)), "réponse"),
    ]
    for question, response in questions:
        if isinstance(question, EstimateQuestion):
            response = question.answer
        assert grade(question, response) == max_points, question


@given(
    n=st.integers(3, 6),
    max_points=MAX_POINTS,
    first=st.permutations(list("abcdef")),
    second=st.permutations(list("abcdef")),
)
def test_a_worse_order_never_scores_more(
    n: int, max_points: int, first: list[str], second: list[str]
) -> None:
    a = [x for x in first if x in "abcdef"[:n]]
    b = [x for x in second if x in "abcdef"[:n]]
    if inversions(a) > inversions(b):
        a, b = b, a
    question = order(n, max_points)
    assert grade(question, a) >= grade(question, b)
    expected = round_half_up(max_points * (1 - inversions(a) / (n * (n - 1) / 2)))
    assert grade(question, a) == expected


@given(
    answer=st.floats(min_value=1e-6, max_value=1e15),
    tolerance=st.sampled_from([None, 0.0, 0.01, 0.05, 0.2, 0.9]),
    log_near=st.floats(min_value=-3, max_value=3),
    log_far=st.floats(min_value=-3, max_value=3),
)
def test_estimate_score_decreases_with_distance(
    answer: float, tolerance: float | None, log_near: float, log_far: float
) -> None:
    if abs(log_near) > abs(log_far):
        log_near, log_far = log_far, log_near
    question = estimate(answer, tolerance)
    near = grade_estimate(question, answer * math.exp(log_near))
    far = grade_estimate(question, answer * math.exp(log_far))
    assert near >= far
    share_near = estimate_share(question, answer * math.exp(log_near))
    share_far = estimate_share(question, answer * math.exp(log_far))
    assert share_near >= share_far - 1e-12


RESPONSES = st.one_of(
    st.none(),
    st.text(max_size=10),
    st.lists(st.sampled_from(list("abcdefz")), max_size=8),
    st.dictionaries(st.sampled_from(list("12345z")), st.sampled_from(list("abcdefz")), max_size=6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
)


@settings(max_examples=200)
@given(
    max_points=MAX_POINTS,
    response=RESPONSES,
    weights=st.lists(st.floats(-100, 100), min_size=4, max_size=4),
    low=st.floats(-1e6, 1e6),
    width=st.floats(0, 1e6),
)
def test_points_always_within_zero_and_max(
    max_points: int, response: Any, weights: list[float], low: float, width: float
) -> None:
    questions: list[Question] = [
        order(4, max_points),
        match(3, max_points),
        estimate(2e8, 0.05, max_points),
        estimate(3.8, 0.0, max_points),
        band(low, low + width),
        choice(None, max_points),
        choice(weights, max_points),
        TextQuestion(**{**COMMON, "max_points": max_points}, accepted=("a",)),
    ]
    for question in questions:
        points = grade(question, response)
        assert isinstance(points, int)
        assert 0 <= points <= question.max_points
