"""Keys that must always reach the player's target: the palette, help, and focus after a resize."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

from ali_quiz.quiz.kinds import MatchQuestion
from ali_quiz.tui.screens.help import HelpScreen
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.widgets.estimate import EstimateAnswer
from ali_quiz.tui.widgets.match import MatchAnswer
from ali_quiz.tui.widgets.order import OrderAnswer
from test_tui_app import settle
from test_tui_support import make_test_app, round_start, sync

SIZE = (80, 24)


@sync
async def test_ctrl_p_works_in_chinese_and_after_a_language_change(tmp_path: Path) -> None:
    app = make_test_app(tmp_path, language="zh-Hant")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


@sync
async def test_help_opens_on_f1_and_question_mark_and_lists_the_screens_keys(
    tmp_path: Path,
) -> None:
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.help_text()
        assert "Timeline" in shown and "History" in shown and "F1" in shown
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


@sync
async def test_question_mark_in_an_answer_box_is_typed_not_help(tmp_path: Path) -> None:
    app = make_test_app(tmp_path, start=round_start("estimate", 2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Skip" in app.screen.help_text()


@sync
async def test_typing_reaches_the_answer_box_after_the_window_was_too_small(
    tmp_path: Path,
) -> None:
    app = make_test_app(tmp_path, start=round_start("estimate", 2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("4", "2")
        await pilot.pause()
        assert app.screen.query_one(EstimateAnswer).query_one("Input").value == "42"  # type: ignore[attr-defined]


@sync
async def test_match_keys_work_after_the_window_was_too_small(tmp_path: Path) -> None:
    app = make_test_app(tmp_path, start=round_start("match", 2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("1", "a")
        await pilot.pause()
        assert app.screen.query_one(MatchAnswer).pairs == {0: 0}


@sync
async def test_a_grabbed_order_item_can_be_dropped_after_the_window_was_too_small(
    tmp_path: Path,
) -> None:
    app = make_test_app(tmp_path, start=round_start("order", 2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        await pilot.press("space")
        order = app.screen.query_one(OrderAnswer)
        assert order.grabbed
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("down", "space")
        await pilot.pause()
        assert not order.grabbed
        assert order.cursor == 1


@sync
async def test_home_lists_take_arrows_and_enter_after_a_resize_and_after_a_round(
    tmp_path: Path,
) -> None:
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.info.mode == "order"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # the leave dialog: nothing answered
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.info.mode == "match"


@sync
async def test_help_tells_a_choices_keys_as_ranges_of_its_own_options(tmp_path: Path) -> None:
    """ "a … 0" read as "a to 0": the letters and numbers of the options shown, in words."""
    start = round_start("choice", 2)
    options = len(start.questions[0].options)  # type: ignore[attr-defined]
    last = "abcdefghij"[options - 1]
    for language, expected in (
        ("en", f"a–{last} or 1–{options}"),
        ("zh-Hant", f"a–{last} 或 1–{options}"),
    ):
        app = make_test_app(tmp_path, start=round_start("choice", 2), language=language)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app)
            await pilot.press("f1")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            shown = app.screen.help_text()
            assert expected in shown, shown
            assert "…" not in shown


@sync
async def test_help_tells_a_matchs_numbers_and_letters_once_each(tmp_path: Path) -> None:
    start = round_start("match", 2)
    question = start.questions[0]
    assert isinstance(question, MatchQuestion)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.help_text()
        assert f"1–{len(question.left)}  Pick the item with this number" in shown
        last = "abcdefghijklmnop"[len(question.right) - 1]
        assert f"a–{last}  Pick the item with this letter" in shown


@sync
async def test_a_letter_past_the_options_does_not_answer(tmp_path: Path) -> None:
    start = round_start("choice", 2)
    options = len(start.questions[0].options)  # type: ignore[attr-defined]
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("abcdefghij"[options])
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen) and not play.game.outcomes
        await pilot.press("a")
        await pilot.pause()
        assert len(play.game.outcomes) == 1
