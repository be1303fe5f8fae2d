"""Keys that must always reach the player's target: the palette, help, and focus after a resize."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette

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
