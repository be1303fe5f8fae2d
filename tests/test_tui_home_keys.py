"""Home's keys do what its hint says: enter plays, from the Pack panel too."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from ali_quiz.tui.screens.home import HomeScreen
from ali_quiz.tui.screens.play import PlayScreen
from test_tui_app import settle
from test_tui_support import make_test_app, sync


@sync
async def test_one_enter_on_the_pack_panel_plays(tmp_path: Path) -> None:
    for language in ("en", "zh-Hant"):
        app = make_test_app(tmp_path / language, language=language, count=3)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app)
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            app.screen.query_one("#pack-list", OptionList).focus()
            await pilot.pause()
            await pilot.press("enter")
            for _ in range(200):  # bounded: the round is made in a worker
                await pilot.pause()
                if isinstance(app.screen, PlayScreen):
                    break
            assert isinstance(app.screen, PlayScreen)
            assert app.screen.info.mode == "quick"
