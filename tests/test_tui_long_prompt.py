"""A teacher's prompt of a few thousand characters scrolls within its box: the options under it
stay on screen, down to the smallest size the app accepts."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ali_quiz.quiz.kinds import ChoiceQuestion
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.screens.play import PlayScreen
from test_tui_support import make_test_app, round_start, sync

SENTENCE = "Sentence {} of a long prompt that a teacher wrote for the class, with many words. "


def long_prompt_round() -> ResolvedRound:
    start = round_start("choice", 3, pack_id="dingtalk-2020-en")
    first = start.questions[0]
    assert isinstance(first, ChoiceQuestion)
    prompt = "".join(SENTENCE.format(n) for n in range(1, 40)) + "Which is right?"
    assert len(prompt) >= 3000
    return replace(start, questions=(replace(first, prompt=prompt), *start.questions[1:]))


def screen_text(app: QuizApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


@pytest.mark.parametrize("size", [(80, 24), (60, 18)])
@sync
async def test_the_options_stay_on_screen_under_a_3000_character_prompt(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    start = long_prompt_round()
    question = start.questions[0]
    assert isinstance(question, ChoiceQuestion)
    app = make_test_app(tmp_path, start=start, pack="dingtalk-2020-en")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Sentence 1 of a long prompt" in shown  # it starts at its start
        for option in question.options:
            assert option.text[:20] in shown, f"{option.text!r} is not on screen:\n{shown}"
        box = app.screen.query_one("#prompt-box")
        assert box.max_scroll_y > 0
        # Tab goes to the prompt, whose end can be scrolled to; a letter still answers.
        await pilot.press("tab", "end")
        await pilot.pause()
        assert app.focused is box
        assert "Which is right?" in screen_text(app)
        await pilot.press("b")
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.last_outcome is not None and screen.last_outcome.response == "b"


@pytest.mark.parametrize("size", [(80, 24), (60, 18)])
@sync
async def test_a_long_passage_and_a_long_prompt_share_the_room_above_the_options(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """Play test H15: a 2,700-character passage over a 2,700-character prompt pushed the last
    option off the screen at 80x24, and after answering only option A showed."""
    start = long_prompt_round()
    first = start.questions[0]
    assert isinstance(first, ChoiceQuestion)
    passage = "".join(f"Line {n} of the passage the class reads first. " for n in range(1, 60))
    question = replace(first, passage=passage)
    start = replace(start, questions=(question, *start.questions[1:]))
    app = make_test_app(tmp_path, start=start, pack="dingtalk-2020-en")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Line 1 of the passage" in shown and "Sentence 1 of a long prompt" in shown
        for option in question.options:
            assert option.text[:20] in shown, f"{option.text!r} is not on screen:\n{shown}"
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        for option in question.options:  # the answered list, marks and all, still in sight
            assert option.text[:20] in shown, f"{option.text!r} is gone after answering:\n{shown}"
