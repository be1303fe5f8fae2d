"""A state question offers no other day on which the state held too (play test F8)."""

from __future__ import annotations

import pytest

from ali_quiz.packs.model import Pack
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.kinds import ChoiceQuestion


@pytest.mark.parametrize("which", ["zh", "en"])
def test_still_first_as_of_offers_no_other_day_of_that_month(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """DingTalk was first from 5 February and still on 28 February: 5 or 25 February (or
    "2020") would be right too, so none of them is a wrong option."""
    pack = pack_zh if which == "zh" else pack_en
    true_too = {
        "2020年2月5日",
        "2020年2月25日",
        "2020年",
        "5 February 2020",
        "25 February 2020",
        "2020",
    }
    seen = 0
    for seed in range(60):
        for mode in ("quick", "choice"):
            for question in generate_round(pack, mode, 10, seed):
                if isinstance(question, ChoiceQuestion) and question.id.startswith("choice-state-"):
                    seen += 1
                    wrong = {o.text for o in question.options if o.id != question.answer}
                    assert not wrong & true_too, (seed, question.prompt, wrong)
    assert seen >= 5


@pytest.mark.parametrize("which", ["zh", "en"])
def test_a_release_question_offers_no_release_whose_highlight_says_the_same(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """2.0 was upgraded into a tool for collaboration inside enterprises (升級為企業內部協同工具),
    3.0 improved collaboration inside and outside them (內外協同): asked on either, the other is
    right too, so it is never a wrong option."""
    pack = pack_zh if which == "zh" else pack_en
    two = ("升級為企業內部協同工具", "upgraded into a tool for collaboration inside enterprises")
    akin_releases = {"釘釘 3.0", "釘釘正式版", "DingTalk 3.0", "DingTalk official version"}
    asked = 0
    for seed in range(80):
        for mode in ("quick", "choice", "match"):
            for question in generate_round(pack, mode, 10, seed):
                said_two = any(h in question.prompt.casefold() for h in two)
                release = question.id.startswith("choice-release-")
                if release and said_two and isinstance(question, ChoiceQuestion):
                    asked += 1
                    options = {o.text for o in question.options}
                    assert not options & akin_releases, (seed, question.prompt, options)
    assert asked >= 1
