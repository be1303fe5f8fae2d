"""ctrl+q is handled in the order keys come: an answer typed before it is given first.

Keys typed ahead arrive in one read (a busy machine, a fast typist): `enter` then `ctrl+q`
must submit the answer, then ask whether to leave, never quit at once with the answer lost.
ctrl+q still quits from every screen, from a text box, the palette and a dialog.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette
from textual.widgets import Static

from ali_quiz.tui.screens.dialogs import ConfirmScreen
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.settings import SettingsScreen
from test_tui_support import make_test_app, round_start, settle, sync, typed

SIZE = (80, 24)


def keys_in_one_read(app, *keys: tuple[str, str | None]) -> None:  # type: ignore[no-untyped-def]
    """Post key events with no wait between them, as one read of the terminal gives them."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


@sync
async def test_an_answer_then_ctrl_q_in_one_read_gives_the_answer_then_asks(
    tmp_path: Path,
) -> None:
    start = round_start("estimate", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen)
        await pilot.press(*typed("100"))
        keys_in_one_read(app, ("enter", "\r"), ("ctrl+q", None))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert len(play.game.outcomes) == 1 and app.return_code is None
        said = "\n".join(str(static.render()) for static in app.screen.query(Static))
        assert "Your 1 answer is kept in the history" in said  # one answer, not "1 answers"


@sync
async def test_a_letter_then_ctrl_q_in_one_read_answers_then_asks(tmp_path: Path) -> None:
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen)
        keys_in_one_read(app, ("a", "a"), ("ctrl+q", None))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert len(play.game.outcomes) == 1
        # The dialog says the answer is kept, though it came before the dialog was drawn.
        said = "\n".join(str(static.render()) for static in app.screen.query(Static))
        assert "Your 1 answer is kept in the history" in said


@pytest.mark.parametrize("where", ["home", "settings", "palette", "dialog"])
@sync
async def test_ctrl_q_quits_from_everywhere(tmp_path: Path, where: str) -> None:
    start = round_start("choice", 3) if where == "dialog" else None
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        if where == "settings":
            await app.run_action("open_settings")
            await pilot.pause()
            assert isinstance(app.screen, SettingsScreen)
        elif where == "palette":
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
        elif where == "dialog":
            await pilot.press("ctrl+q")  # mid-round: asks first
            await pilot.pause()
            assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q" if where != "dialog" else "y")
        await pilot.pause()
        assert app.return_code == 0


@sync
async def test_ctrl_q_asks_about_quitting_ali_quiz_and_esc_about_the_round(
    tmp_path: Path,
) -> None:
    """ctrl+q closes the app, esc only leaves the round: each dialog says which."""
    for language, quits, leaves in (
        ("en", ("Quit ali-quiz?", "Quit ali-quiz"), ("Leave this round?", "Leave the round")),
        ("zh-Hant", ("要關閉 ali-quiz 嗎？", "關閉 ali-quiz"), ("要離開這一回合嗎？", "離開回合")),
    ):
        app = make_test_app(tmp_path / language, start=round_start("choice", 3), language=language)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app)
            await pilot.pause()
            for key, (title, button) in (("ctrl+q", quits), ("escape", leaves)):
                await pilot.press(key)
                await pilot.pause()
                dialog = app.screen
                assert isinstance(dialog, ConfirmScreen)
                said = "\n".join(str(static.render()) for static in dialog.query(Static))
                assert title in said
                assert str(dialog.query_one("#yes").label) == button  # type: ignore[attr-defined]
                await pilot.press("escape")  # keep playing
                await pilot.pause()
                assert isinstance(app.screen, PlayScreen)
