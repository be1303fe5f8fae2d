"""The share line of a round: one short line for a chat, whatever the pack's title."""

from __future__ import annotations

from ali_quiz.i18n import translator
from ali_quiz.quiz.scorecard import SHARE_TITLE_COLUMNS, share_text
from ali_quiz.textwidth import width


def test_a_long_hostile_title_is_cut_and_its_controls_shown() -> None:
    """A 3,000-character title filled the results screen (and the copied line) with it, and
    a raw escape sequence went to the clipboard."""
    title = "Pack \x1b[2J\u202eRTL " + "長文字 long text " * 200
    line = share_text(
        translator("en"), pack=title, mode="quick", outcomes=(), max_score=300, code=None
    )
    pack = line.split(" · ")[1]
    assert width(pack) <= SHARE_TITLE_COLUMNS and pack.endswith("…")
    assert pack.startswith("Pack \\x1b[2J\\u202eRTL ")
    assert "\x1b" not in line and "\u202e" not in line


def test_a_short_title_is_whole() -> None:
    line = share_text(
        translator("zh-Hant"),
        pack="釘釘的崛起",
        mode="quick",
        outcomes=(),
        max_score=300,
        code=None,
    )
    assert line.startswith("ali-quiz · 釘釘的崛起 · ")
