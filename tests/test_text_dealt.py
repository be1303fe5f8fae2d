"""A pack's text questions reach quick rounds (play test H13): left to the draw, the built-in
packs' two (5.0's codename, 陳航's nickname) came in 0 and 1 of 80 rounds, because the titles and
sentences of other facts name their answers (巴顏喀拉, 無招) and an earlier question had always
shown them. A round whose text questions are on now deals one among its first questions, and
before any question that would show its answer."""

from __future__ import annotations

from collections import Counter

import pytest

from ali_quiz.packs.model import Pack
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.giveaway import Shown
from ali_quiz.quiz.kinds import TextQuestion


@pytest.mark.parametrize("which", ["pack_zh", "pack_en"])
def test_each_text_question_comes_in_a_fair_share_of_rounds(
    which: str, request: pytest.FixtureRequest
) -> None:
    pack: Pack = request.getfixturevalue(which)
    texts = {q.id for q in pack.questions if q.kind == "text"}
    assert len(texts) == 2
    asked: Counter[str] = Counter()
    for seed in range(1, 81):
        shown = Shown()
        for question in generate_round(pack, "quick", 10, seed):
            if isinstance(question, TextQuestion):
                asked[question.id] += 1
                # Nothing shown before states its answer.
                assert shown.reveals(question.accepted) is None, (seed, question.id)
            shown.add(question)
    # About 2 of 20 rounds each (TEXT_ROUNDS), never in most of a class's rounds.
    assert set(asked) == texts
    assert all(5 <= n <= 12 for n in asked.values()), asked


def test_a_round_with_a_text_question_still_holds_its_count(pack_zh: Pack) -> None:
    for seed in range(1, 41):
        questions = generate_round(pack_zh, "quick", 10, seed)
        assert len(questions) == 10
        assert len({q.id for q in questions}) == 10
