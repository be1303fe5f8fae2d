"""A round of mistakes (m on the results): named as such, and its questions reshuffled so the
letters just seen in the feedback do not answer them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.grading import grade
from ali_quiz.quiz.kinds import ChoiceQuestion, MatchQuestion, OrderQuestion, Question
from ali_quiz.quiz.reshuffle import reshuffled
from ali_quiz.quiz.rng import Rng
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.results import ResultsScreen
from ali_quiz.tui.widgets.status_line import StatusLine
from test_tui_results import play_through
from test_tui_support import make_test_app, round_start, sync


def right_letters(question: Question) -> str:
    """The answer as the player types it (the letters shown; a match: each item's letter)."""
    if isinstance(question, ChoiceQuestion):
        return letter([o.id for o in question.options].index(question.answer))
    if isinstance(question, OrderQuestion):
        ids = [item.id for item in question.items]
        return "".join(letter(ids.index(item)) for item in question.answer)
    assert isinstance(question, MatchQuestion)
    texts = {item.id: item.text for item in question.left}
    rights = [item.id for item in question.right]
    return "|".join(
        sorted(f"{texts[left]}={letter(rights.index(right))}" for left, right in question.answer)
    )


@pytest.mark.parametrize("mode", ["choice", "order", "match"])
def test_a_reshuffled_question_has_the_same_answer_under_other_letters(mode: str) -> None:
    for seed in range(40):
        question = round_start(mode, 1).questions[0]
        again = reshuffled(question, Rng(seed))
        assert again.id == question.id and again.prompt == question.prompt
        # Every item's letter moves (a match: each item's partner's letter).
        assert not set(right_letters(again).split("|")) & set(right_letters(question).split("|"))
        # The right answer still earns full marks, and the facts follow their items.
        assert grade(again, again.answer_json()) == again.max_points
        if isinstance(question, OrderQuestion):
            assert isinstance(again, OrderQuestion)
            by_item = dict(zip([i.id for i in question.items], question.facts, strict=True))
            assert again.facts == tuple(by_item[item.id] for item in again.items)
            assert sorted(again.items, key=lambda i: i.id) == sorted(
                question.items, key=lambda i: i.id
            )
        if isinstance(question, MatchQuestion):
            assert isinstance(again, MatchQuestion)
            texts = {
                (question.left[i].text, r.text)
                for i, (_, right) in enumerate(question.answer)
                for r in question.right
                if r.id == right
            }
            shown = {
                (next(li.text for li in again.left if li.id == left), r.text)
                for left, right in again.answer
                for r in again.right
                if r.id == right
            }
            assert shown == texts
            assert [li.id for li in again.left] == [li.id for li in question.left]


@sync
async def test_the_mistakes_round_is_named_and_reshuffled(tmp_path: Path) -> None:
    for language, name in (("en", "Mistakes round"), ("zh-Hant", "錯題回合")):
        start = round_start("choice", 3)
        questions = list(start.questions)
        app = make_test_app(tmp_path / language, start=start, language=language)
        async with app.run_test(size=(80, 24)) as pilot:
            await play_through(pilot, questions, "www")
            await pilot.press("m")
            await pilot.pause()
            play = app.screen
            assert isinstance(play, PlayScreen)
            title = str(play.query_one(StatusLine).render())
            assert name in title and ("Due for review" not in title and "到期複習" not in title)
            again = list(play.game.questions)
            assert [q.id for q in again] == [q.id for q in questions]
            assert all(
                right_letters(new) != right_letters(old)
                for new, old in zip(again, questions, strict=True)
            )
            await play_through(pilot, again, "rrr")
            results = app.screen
            assert isinstance(results, ResultsScreen)
            assert name in str(results.query_one("#results-title", Static).render())
            assert name in results.share
