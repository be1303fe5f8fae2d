"""Dates told in words, and answers found by elimination: two ways a round gives a question away."""

from __future__ import annotations

import re

import pytest

from ali_quiz.packs.model import Pack
from ali_quiz.quiz.audit import Audit, check_round
from ali_quiz.quiz.dating import date_keys, eliminated
from ali_quiz.quiz.facts import facts_of
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.giveaway import Shown, answer_keys
from ali_quiz.quiz.kinds import ChoiceQuestion, Entry


def _what(pack: Pack, fact: str, wrong: list[str]) -> ChoiceQuestion:
    """A "what happened on…" question on `fact`, with these facts' happenings as wrong options."""
    by_id = {d.id: d for d in facts_of(pack).timeline}
    texts = [by_id[fact].happening, *(by_id[w].happening for w in wrong)]
    return ChoiceQuestion(
        id=f"choice-what-{fact}",
        prompt="What happened?",
        facts=(fact,),
        explanation="",
        options=tuple(Entry(id="abcd"[i], text=t) for i, t in enumerate(texts)),
        answer="a",
    )


def _shown(*explanations: str) -> Shown:
    shown = Shown()
    for i, text in enumerate(explanations):
        shown.add(
            ChoiceQuestion(
                id=f"choice-x-{i}",
                prompt="",
                facts=(),
                explanation=text,
                options=(Entry(id="a", text="-"), Entry(id="b", text="--")),
                answer="a",
            )
        )
    return shown


@pytest.mark.parametrize("which", ["zh", "en"])
def test_a_date_told_in_words_by_a_source_sentence_gives_a_date_question_away(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """Chen Hang's source sentence says 5.0 came on the evening of 25 February (2月25日晚):
    shown first, it answers "What happened on 25 February 2020?" asked on 5.0."""
    pack = pack_zh if which == "zh" else pack_en
    facts = facts_of(pack)
    keys = date_keys(facts)
    sentence = facts.explain(["chen-hang-one-star-response"])
    assert re.search("25 February|2月25日晚", sentence)
    question = _what(pack, "dingtalk-5-0", ["dingtalk-4-0", "dingtalk-3-0"])
    metrics = {m.id: m for m in pack.metrics}
    shown = _shown(sentence)
    assert shown.reveals(answer_keys(question, metrics, keys)) is not None
    # A sentence about another day tells nothing of it.
    assert (
        _shown(facts.explain(["dingtalk-beta"])).reveals(answer_keys(question, metrics, keys))
        is None
    )


@pytest.mark.parametrize("which", ["zh", "en"])
def test_every_wrong_option_dated_on_screen_is_an_elimination(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    pack = pack_zh if which == "zh" else pack_en
    facts = facts_of(pack)
    keys = date_keys(facts)
    question = _what(pack, "dingtalk-joins-alibaba-cloud", ["dingtalk-4-0", "dingtalk-alipay"])
    both = _shown(facts.explain(["dingtalk-4-0", "dingtalk-alipay"]))
    assert eliminated(question, facts, both, keys)
    one = _shown(facts.explain(["dingtalk-4-0"]))
    assert not eliminated(question, facts, one, keys)
    earlier = ChoiceQuestion(
        id="choice-first-event-x",
        prompt="Which of these happened first?",
        facts=("dingtalk-4-0", "dingtalk-alipay", "dingtalk-beta"),
        explanation=facts.explain(["dingtalk-beta", "dingtalk-4-0", "dingtalk-alipay"]),
        options=(Entry(id="a", text="x"), Entry(id="b", text="y"), Entry(id="c", text="z")),
        answer="a",
    )
    audit = Audit(pack=pack, rounds=1)
    check_round(audit, "quick", [earlier, question])
    assert audit.rules["elimination"].broken == 1


@pytest.mark.parametrize("which", ["zh", "en"])
def test_quick_rounds_never_ask_a_question_found_by_elimination(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """The play tester found 60% of "what happened" questions answerable by elimination."""
    pack = pack_zh if which == "zh" else pack_en
    asked = 0
    for seed in range(100):
        audit = Audit(pack=pack, rounds=1)
        questions = generate_round(pack, "quick", 10, seed)
        asked += sum(q.id.startswith("choice-what-") for q in questions)
        check_round(audit, "quick", questions)
        assert audit.rules["elimination"].broken == 0, seed
        assert audit.rules["give-away"].broken == 0, seed
    assert asked >= 20  # the form is still asked
