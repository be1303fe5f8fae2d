"""A form that asks one of few facts takes them in turns over a class's quick rounds
(makers.base.in_turn): the fact of the round's turn, else the next one's, never the one fact
the rest of the round happens to leave free in round after round."""

from __future__ import annotations

from ali_quiz.packs.model import Pack
from ali_quiz.quiz.facts import facts_of
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.makers import Makers, Picker
from ali_quiz.quiz.makers.picker import Walk
from ali_quiz.quiz.rng import Rng


def quick_makers(pack: Pack, seed: int) -> Makers:
    return Makers(facts_of(pack), Picker(Rng(seed), walk=seed, turns=True))


def test_the_fact_of_the_turn_then_the_next_then_none(pack_zh: Pack) -> None:
    estimable = facts_of(pack_zh).estimable
    assert 2 < len(estimable) < 10
    for seed in range(1, 30):
        walk = Walk(len(estimable), seed, turns=True)
        first, second = estimable[walk[0]].id, estimable[walk[1]].id
        makers = quick_makers(pack_zh, seed)
        question = makers.estimate()
        assert question is not None and question.facts == (first,)
        makers.picker.blocked.add(first)
        question = makers.estimate()
        assert question is not None and question.facts == (second,)
        makers.picker.blocked.add(second)
        assert makers.estimate() is None
        # When the round finds nothing else to ask, any fact of the list may come.
        makers.in_turns = False
        question = makers.estimate()
        assert question is not None and question.facts[0] not in (first, second)


def test_a_round_of_one_kind_draws_as_before(pack_zh: Pack) -> None:
    estimable = facts_of(pack_zh).estimable
    makers = Makers(facts_of(pack_zh), Picker(Rng(3), walk=3))
    makers.picker.blocked.update(m.id for m in estimable[:-1])
    question = makers.estimate()
    assert question is not None and question.facts == (estimable[-1].id,)


def test_a_long_quick_round_is_not_cut_short_by_the_turns(pack_zh: Pack) -> None:
    """Once nothing else fits, a form of few facts asks the others too (20 and more questions
    of the 200 asked, as before the turns)."""
    for seed in (1, 2, 3):
        questions = generate_round(pack_zh, "quick", 200, seed)
        assert len(questions) >= 20
        assert sum(q.kind == "estimate" for q in questions) >= 2
