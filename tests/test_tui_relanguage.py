"""A language change while a round's feedback shows: the round speaks the new language.

Settings open from the palette once the last question is answered (a round in progress offers
only its own keys), so the feedback on screen is the last answer's.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual.content import Content
from textual.widgets import Static

from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.settings import SettingsScreen
from ali_quiz.tui.widgets.feedback import FeedbackPanel
from ali_quiz.tui.widgets.status_line import StatusLine
from test_tui_support import make_test_app, right_keys, round_start, settle, sync


def shown(screen: PlayScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def said(screen: PlayScreen, part: str) -> str:
    """A part of the feedback panel (head, source or hint), as plain text."""
    content = getattr(screen.query_one(FeedbackPanel), part)
    assert isinstance(content, Content)
    return content.plain


@sync
async def test_feedback_on_screen_is_worded_again_after_a_language_change(tmp_path: Path) -> None:
    start = round_start("estimate", 1)
    app = make_test_app(tmp_path, start=start, language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen)
        await pilot.press(*right_keys(start.questions[0]))
        await pilot.pause()
        assert "Right!" in said(play, "head")
        assert "Source: " in said(play, "source")
        assert "Answer: " in str(play.query_one("#answer .reading", Static).render())
        await app.run_action("open_settings")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.change_settings(replace(app.settings, language="zh-Hant"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is play
        assert "答對了！" in said(play, "head")
        assert said(play, "source").startswith("出處：")
        assert said(play, "hint").startswith("按 enter 看結果")
        assert "正確答案：" in str(play.query_one("#answer .reading", Static).render())
        status = play.query_one(StatusLine)
        assert "估算" in status.title.plain and "第 1/1 題" in status.progress.plain
        assert "第 1/1 題" in str(status.render())
