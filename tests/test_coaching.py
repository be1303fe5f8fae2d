"""Text answers as people type them, and near misses named (quiz/textmatch.py, quiz/coaching.py)."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ali_quiz.i18n import Translator
from ali_quiz.plain import play_plain
from ali_quiz.quiz.coaching import Coaching, coach
from ali_quiz.quiz.kinds import (
    Entry,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    TextQuestion,
)
from ali_quiz.quiz.rounds import Round
from ali_quiz.quiz.textmatch import TextMatch, fold_script, match_text, one_edit

COMMON = {"id": "q", "prompt": "?", "facts": ("f",), "explanation": "because"}


def text(*accepted: str) -> TextQuestion:
    return TextQuestion(**COMMON, accepted=accepted)


def estimate(answer: float) -> EstimateQuestion:
    return EstimateQuestion(**COMMON, unit="people", answer=answer, written=str(answer))


def order() -> OrderQuestion:
    items = tuple(Entry(id=i, text=t) for i, t in (("a", "來往"), ("b", "點點蟲"), ("c", "釘釘")))
    return OrderQuestion(**COMMON, items=items, answer=("a", "b", "c"))


def match() -> MatchQuestion:
    left = tuple(Entry(id=f"l{n}", text=f"left {n}") for n in range(1, 5))
    right = tuple(Entry(id=f"r{n}", text=f"right {n}") for n in range(1, 6))
    return MatchQuestion(
        **COMMON, left=left, right=right, answer=tuple((f"l{n}", f"r{n}") for n in range(1, 5))
    )


# -- one edit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("bayan har", "bayan hara", True),  # added
        ("bayan har", "bayanhar", True),  # dropped
        ("bayan har", "bayan hor", True),  # changed
        ("bayan har", "bayan hra", True),  # neighbours swapped
        ("bayan har", "abyan har", True),
        ("bayan har", "bayan har", False),  # no edit
        ("bayan har", "bayan hro", False),  # a swap and a change
        ("bayan har", "ayan ha", False),  # two dropped
        ("bayan har", "rayan hab", False),  # far apart swap: two edits
        ("", "a", True),
        ("a", "", True),
    ],
)
def test_one_edit(a: str, b: str, expected: bool) -> None:
    assert one_edit(a, b) is expected
    assert one_edit(b, a) is expected


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance, the textbook table (for the property below)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@given(st.text("abc", max_size=7), st.text("abc", max_size=7))
def test_one_edit_is_distance_one(a: str, b: str) -> None:
    assert one_edit(a, b) == (_distance(a, b) == 1)


# -- Traditional and Simplified ------------------------------------------------------------------


def test_traditional_and_simplified_fold_together() -> None:
    assert fold_script("巴顏喀拉") == fold_script("巴颜喀拉")
    assert fold_script("頭髮") == fold_script("头发")
    assert fold_script("Bayan Har") == "Bayan Har"  # no Chinese: untouched
    assert match_text(["釘釘"], "钉钉") == TextMatch("釘釘", exact=True, forgiven=True)
    assert match_text(["钉钉"], "釘釘") == TextMatch("钉钉", exact=True, forgiven=True)
    assert match_text(["阿里旺旺"], "阿里巴巴") is None


def test_a_typo_in_chinese_counts_characters() -> None:
    # 點點蟲 has three characters: one changed is a near miss, not forgiven.
    assert match_text(["點點蟲"], "點點龍子") is None  # two edits
    # 虫 is 蟲 in Simplified: one character added, after folding.
    assert match_text(["點點蟲"], "點點虫子") == TextMatch("點點蟲", exact=False, forgiven=False)
    assert match_text(["點點蟲"], "點點龍") == TextMatch("點點蟲", exact=False, forgiven=False)
    # Five characters forgive one, in either script.
    assert match_text(["阿里巴巴集團"], "阿里巴巴集圑") == TextMatch(
        "阿里巴巴集團", exact=False, forgiven=True
    )
    assert match_text(["阿里巴巴集團"], "阿里巴巴集") == TextMatch(
        "阿里巴巴集團", exact=False, forgiven=True
    )


def test_the_exact_answer_wins_over_a_typo_of_another() -> None:
    assert match_text(["Bayan Hara", "Bayan Har"], "bayan har") == TextMatch(
        "Bayan Har", exact=True, forgiven=True
    )


# -- coaching ----------------------------------------------------------------------------------


def _said(coaching: Coaching | None, language: str = "en") -> str | None:
    if coaching is None:
        return None
    return Translator(language)(coaching.key, **coaching.args_in(language))


@pytest.mark.parametrize(
    ("guess", "code", "values"),
    [
        (92, "estimate.low", {"percent": "8"}),
        (108, "estimate.high", {"percent": "8"}),
        (103, "estimate.high", {"percent": "3"}),  # full marks, still 3% off
        (100.4, None, None),  # rounds to 0%: nothing to say
        (100, None, None),
        (51, "estimate.low", {"percent": "49"}),
        (50, "estimate.times_low", {"times": "2"}),
        (320, "estimate.times_high", {"times": "3.2"}),
        (1234, "estimate.times_high", {"times": "12"}),
        (99_900, "estimate.times_high", {"times": "999"}),
        (100_000, "estimate.far_high", {}),
        (0.1, "estimate.far_low", {}),
        (0, None, None),
        (-5, None, None),
    ],
)
def test_an_estimate_says_how_far_and_which_way(
    guess: float, code: str | None, values: dict[str, str] | None
) -> None:
    found = coach(estimate(100), guess)
    if code is None:
        assert found is None
    else:
        assert found is not None and (found.code, found.args) == (code, values)


def test_estimate_coaching_in_both_languages() -> None:
    assert _said(coach(estimate(100), 92)) == "8% low."
    assert _said(coach(estimate(100), 92), "zh-Hant") == "低了 8%。"
    assert _said(coach(estimate(100), 320)) == "About 3.2 times too high."


def test_a_guess_far_off_is_told_in_words_not_in_a_huge_count() -> None:
    """1 against WeChat's 11.51億 accounts said "About 1151000000 times too low." once."""
    wechat = estimate(1_151_000_000)
    far_low = "Far too low: the answer is over a thousand times your figure."
    assert _said(coach(wechat, 1)) == far_low
    assert _said(coach(wechat, 1), "zh-Hant") == "差得太遠了：答案是你的一千倍以上。"
    assert _said(coach(estimate(2), 5000)) == (
        "Far too high: your figure is over a thousand times the answer."
    )
    assert _said(coach(estimate(2), 5000), "zh-Hant") == "差得太遠了：你的數字是答案的一千倍以上。"
    assert _said(coach(estimate(100), 25_000)) == "About 250 times too high."


def test_a_text_typo_says_the_right_spelling() -> None:
    question = text("Bayan Har", "巴顏喀拉")
    assert _said(coach(question, "Bayan Hara")) == "One letter off: Bayan Har (spelling accepted)."
    assert _said(coach(question, "巴顏喀")) == "One letter off: 巴顏喀拉."
    assert coach(question, "巴颜喀拉") is None  # the same answer in Simplified
    assert coach(question, "bayan har") is None
    assert coach(question, "WeChat") is None


def test_an_order_with_one_pair_swapped_names_the_two() -> None:
    found = coach(order(), ["c", "b", "a"])
    assert found == Coaching("order.swap", (("first", "釘釘"), ("second", "來往")))
    assert _said(found, "zh-Hant") == "只有「釘釘」和「來往」的順序對調了。"
    assert coach(order(), ["b", "a", "c"]) is not None  # neighbours
    assert coach(order(), ["a", "b", "c"]) is None
    assert coach(order(), ["b", "c", "a"]) is None  # every item moved
    assert coach(order(), ["a", "b"]) is None  # one left out


def test_a_match_with_two_pairs_crossed_says_so() -> None:
    crossed = {"l1": "r1", "l2": "r3", "l3": "r2", "l4": "r4"}
    found = coach(match(), crossed)
    assert found == Coaching("match.crossed", (("first", "left 2"), ("second", "left 3")))
    assert _said(found) == "Two pairs crossed: “left 2” and “left 3” swapped their answers."
    assert coach(match(), {**crossed, "l3": "r5"}) is None  # a decoy, not a crossing
    assert coach(match(), {"l1": "r2", "l2": "r3", "l3": "r1", "l4": "r4"}) is None  # three
    assert coach(match(), {f"l{n}": f"r{n}" for n in range(1, 5)}) is None


def test_an_outcome_carries_its_coaching_and_a_skip_none() -> None:
    game = Round([estimate(100), estimate(100)])
    assert game.answer(92).coaching == Coaching("estimate.low", (("percent", "8"),))
    assert game.skip().coaching is None


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "8% low.",
                "One letter off: Bayan Har (spelling accepted).",
                "Only “釘釘” and “來往” are swapped.",
                "Two pairs crossed: “left 2” and “left 3” swapped their answers.",
            ],
        ),
        (
            "zh-Hant",
            [
                "低了 8%。",
                "差了一個字：Bayan Har（拼寫仍算對）。",
                "只有「釘釘」和「來往」的順序對調了。",
                "兩組配對交叉了：「left 2」和「left 3」的答案互換了。",
            ],
        ),
    ],
)
def test_plain_mode_names_each_near_miss(language: str, expected: list[str]) -> None:
    game = Round([estimate(100), text("Bayan Har"), order(), match()])
    out = io.StringIO()
    answers = "92\nBayan Hara\nCBA\n1A 2C 3B 4D\n"
    play_plain(game, stdin=io.StringIO(answers), stdout=out, tr=Translator(language))
    lines = out.getvalue().splitlines()
    for said in expected:
        assert said in lines
    # Each right after its verdict line.
    assert [lines[lines.index(said) - 1].split()[-1] for said in expected[:2]] == (
        ["points.", "points."] if language == "en" else ["分。", "分。"]
    )
    assert lines[-1] == f"Score: {95 + 100 + 0 + 50}/400"  # CBA reverses all three pairs


def test_every_coaching_code_is_worded_in_both_languages() -> None:
    from ali_quiz.i18n import STRINGS
    from ali_quiz.quiz.coaching import CODES

    assert {key for key in STRINGS if key.startswith("coach.")} == {f"coach.{c}" for c in CODES}


def test_quotes_inside_a_quoted_item_become_inner_quotes() -> None:
    """An item that holds quotes is not quoted in the same quotes (play test s21 H10): “DingTalk
    5.0 “Bayan Har”” read as two quotations."""
    found = Coaching("match.crossed", (("first", "DingTalk 5.0 “Bayan Har”"), ("second", "b")))
    said = "Two pairs crossed: “DingTalk 5.0 ‘Bayan Har’” and “b” swapped their answers."
    assert _said(found) == said
    zh = Coaching("order.swap", (("first", "釘釘 5.0「巴顏喀拉」"), ("second", "來往")))
    assert _said(zh, "zh-Hant") == "只有「釘釘 5.0『巴顏喀拉』」和「來往」的順序對調了。"
    assert found.args["first"] == "DingTalk 5.0 “Bayan Har”"  # the values themselves unchanged
