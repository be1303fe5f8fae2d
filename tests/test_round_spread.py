"""A round as a teacher reads it: no figure found by a near one shown before (play test F7,
its second case), and no sequence put in order again and again in one round."""

from __future__ import annotations

import pytest

from ali_quiz.packs.loader import load_pack_text
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.audit import Audit, check_round
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.giveaway import Shown, alike_keys
from ali_quiz.quiz.kinds import OrderQuestion, Question

PEOPLE, ACCOUNTS = "wechat-mau-2020-01", "wechat-mau-accounts-2019-09"


def _estimate_on(pack: Pack, fact: str) -> Question:
    for seed in range(1, 40):
        for question in generate_round(pack, "quick", 10, seed):
            if question.id.startswith("estimate-") and list(question.facts) == [fact]:
                return question
    raise AssertionError(f"no estimate on {fact}")


@pytest.mark.parametrize("which", ["zh", "en"])
def test_an_alike_figure_shown_before_counts_as_elimination(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """97563.8萬 monthly active people shown, then 11.51億 monthly active accounts asked: typing
    the one seen scores about 80. The audit counts it (elimination), in either order."""
    pack = pack_zh if which == "zh" else pack_en
    people, accounts = _estimate_on(pack, PEOPLE), _estimate_on(pack, ACCOUNTS)
    for first, second in ((people, accounts), (accounts, people)):
        audit = Audit(pack=pack, rounds=1)
        check_round(audit, "estimate", [first, second])
        assert audit.rules["elimination"].examples == [second.id]
        assert not audit.rules["give-away"].broken
    apart = Audit(pack=pack, rounds=1)
    check_round(apart, "estimate", [people])
    assert not apart.broken


@pytest.mark.parametrize("which", ["zh", "en"])
def test_rounds_never_ask_a_figure_after_showing_an_alike_one(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """Seeds 1-20 of the modes that ask figures: 15 of 29 such questions came after the alike
    figure had been shown (quick 11 Q3, estimate 4 Q3…); none now."""
    pack = pack_zh if which == "zh" else pack_en
    metrics = {m.id: m for m in pack.metrics}
    asked = 0
    for mode in ("quick", "estimate", "choice"):
        for seed in range(1, 21):
            shown = Shown()
            for question in generate_round(pack, mode, 10, seed):
                keys = alike_keys(question, metrics)
                asked += bool(keys)
                assert shown.reveals(keys) is None, (mode, seed, question.id)
                shown.add(question)
    assert asked >= 10  # the alike figures are still asked, in other rounds or before


@pytest.mark.parametrize("which", ["zh", "en"])
def test_an_order_round_puts_one_sequence_in_order_twice_at_most(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """Order rounds of the built-in packs asked the social apps' order 4 or 5 times (seeds 1, 3,
    10, 12, 13), five times the same prompt with other items."""
    pack = pack_zh if which == "zh" else pack_en
    for seed in range(1, 21):
        questions = generate_round(pack, "order", 10, seed)
        on_sequence = [q.id for q in questions if q.id.startswith("order-sequence-")]
        assert 1 <= len(on_sequence) <= 2, (seed, on_sequence)


TWO_SEQUENCES = """
id: two-lists
title: Two lists
language: en
sequences:
  - id: planets
    title: Planets from the Sun
    items:
      - {id: mercury, text: Mercury, rank: 1}
      - {id: venus, text: Venus, rank: 2}
      - {id: earth, text: Earth, rank: 3}
      - {id: mars, text: Mars, rank: 4}
      - {id: jupiter, text: Jupiter, rank: 5}
      - {id: saturn, text: Saturn, rank: 6}
  - id: kings
    title: Kings of England
    items:
      - {id: william-1, text: William I, rank: 1}
      - {id: william-2, text: William II, rank: 2}
      - {id: henry-1, text: Henry I, rank: 3}
      - {id: stephen, text: Stephen, rank: 4}
      - {id: henry-2, text: Henry II, rank: 5}
      - {id: richard-1, text: Richard I, rank: 6}
"""


def test_an_order_round_takes_the_sequence_it_has_ordered_least() -> None:
    """With two sequences, a round alternates between them rather than drawing one at random."""
    pack = load_pack_text(TWO_SEQUENCES, "two-lists.yaml")
    sequence_of = {i.id: s.id for s in pack.sequences for i in s.items}
    for seed in range(1, 11):
        questions = generate_round(pack, "order", 10, seed)
        assert all(isinstance(q, OrderQuestion) for q in questions)
        lists = [sequence_of[q.facts[0]] for q in questions]
        assert len(lists) == 4, (seed, lists)  # twice each
        assert lists[0] != lists[1] and lists[2] != lists[3], (seed, lists)
