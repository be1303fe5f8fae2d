"""A "right before/after" question never contradicts the source's order (play test H5): the
built-in sequence leaves out 千牛 and 旺信, which the article puts between 阿里旺旺 and 淘江湖,
so its rank 2 is marked `gap_before` and 阿里旺旺 is never "right before" 淘江湖."""

from __future__ import annotations

import pytest

from ali_quiz.packs.loader import load_pack_text
from ali_quiz.packs.model import Pack, pack_to_json
from ali_quiz.packs.problems import PackError
from ali_quiz.quiz.facts import facts_of
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.makers import Makers, Picker
from ali_quiz.quiz.rng import Rng

# The article's order of Alibaba's social apps, every one it names (陌陌, an investment, aside):
# "一開始是“阿里旺旺”…後來又推出“千牛”和手機版“旺信”。在這兩個軟體之後登場的是“淘江湖”…為了配合
# “淘江湖”,阿里還推出了另一個產品——淘寶客。…又力推“來往”。" 釘釘 is "來往的延續" (beta
# 2014-12-01), 來往 became 點點蟲 on 2015-11-18, and Real 如我 was revealed in February 2020.
ARTICLE_ORDER = [
    {"aliwangwang"},
    {"qianniu", "wangxin"},
    {"taojianghu", "taobaoke"},
    {"laiwang"},
    {"dingtalk"},
    {"diandianchong"},
    {"real-ruwo"},
]
PLACE = {item: place for place, items in enumerate(ARTICLE_ORDER) for item in items}


def neighbour_questions(pack: Pack) -> list[tuple[str, str, str]]:
    """Every right-before/after question of many rounds: (template, anchor id, answer id)."""
    found = []
    for mode in ("quick", "choice"):
        for seed in range(1, 121):
            for question in generate_round(pack, mode, 10, seed):
                template = question.id.split("-")[1]
                if question.kind == "choice" and template in ("next", "previous"):
                    found.append((template, question.facts[0], question.facts[1]))
    return found


@pytest.mark.parametrize("which", ["pack_zh", "pack_en"])
def test_no_neighbour_question_contradicts_the_articles_order(
    which: str, request: pytest.FixtureRequest
) -> None:
    pack: Pack = request.getfixturevalue(which)
    found = neighbour_questions(pack)
    assert {template for template, _, _ in found} == {"next", "previous"}
    for template, anchor, answer in found:
        step = 1 if template == "next" else -1
        assert PLACE[answer] == PLACE[anchor] + step, (template, anchor, answer)


PACK = """\
id: t
title: T
language: en
sequences:
  - id: s
    title: Space programmes
    items:
      - {id: a, text: Mercury, rank: 1}
      - {id: b, text: Gemini, rank: 2, gap_before: true}
      - {id: c, text: Apollo, rank: 3}
      - {id: d, text: Skylab, rank: 4}
"""


def test_a_gap_is_never_stepped_over() -> None:
    pack = load_pack_text(PACK, "t.yaml")
    assert pack.sequences[0].items[1].gap_before
    assert not pack.sequences[0].items[2].gap_before
    pairs = set()
    for seed in range(200):
        question = Makers(facts_of(pack), Picker(Rng(seed))).choice_next()
        if question is not None:
            pairs.add(frozenset(question.facts[:2]))
    assert pairs, "no right-before/after question at all"
    assert frozenset({"a", "b"}) not in pairs
    assert pairs <= {frozenset({"b", "c"}), frozenset({"c", "d"})}


def test_a_gap_is_shown_only_where_it_is() -> None:
    items = pack_to_json(load_pack_text(PACK, "t.yaml"))["sequences"][0]["items"]
    assert [item.get("gap_before") for item in items] == [None, True, None, None]


def test_a_gap_that_is_not_yes_or_no_is_located() -> None:
    with pytest.raises(PackError) as raised:
        load_pack_text(PACK.replace("gap_before: true", "gap_before: maybe"), "t.yaml")
    [problem] = raised.value.problems
    assert (problem.line, "gap_before" in problem.message) == (9, True)
