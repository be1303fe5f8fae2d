"""The play screen's top line keeps, most needed first, the progress and score, the streak,
the pack's title (cut with … only when it must) and the strip in the room left."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content

from ali_quiz.tui.widgets.status_line import Marks, StatusLine
from test_tui_support import make_test_app, right_keys, round_start, sync

TITLE = Content("Choice · The rise of DingTalk")
PROGRESS = Content("  Question 2/10  Score 200/200")
STREAK = Content("  2 in a row")


def line(title: Content = TITLE, total: int = 10) -> StatusLine:
    status = StatusLine()
    status.show(title=title, marks=Marks((), total), progress=PROGRESS, streak=STREAK)
    return status


def drawn(status: StatusLine, width: int) -> str:
    shown = status.fit(width)
    text = (shown.title + shown.strip + shown.right).plain
    assert len(text) <= width, text
    return text


def test_at_80_columns_the_title_stays_whole_beside_the_streak() -> None:
    text = drawn(line(), 78)  # 80 columns less the line's padding
    assert text.startswith("Choice · The rise of DingTalk ")
    assert text.endswith("Question 2/10  Score 200/200  2 in a row")
    assert "…" not in text
    assert "▸" in text  # a shorter strip in the room left


def test_a_long_title_is_cut_with_an_ellipsis_and_the_progress_stays_whole() -> None:
    title = Content("Choice · " + "A history of the Python language and its community " * 2)
    text = drawn(line(title), 78)
    assert text.endswith("Question 2/10  Score 200/200  2 in a row")
    assert "…" in text and text.startswith("Choice · A history")
    # No strip squeezed to a meaningless few cells beside a cut title.
    assert line(title).fit(78).strip.plain == ""


def test_at_60_columns_the_streak_is_kept_before_the_title() -> None:
    text = drawn(line(), 58)
    assert text.endswith("Question 2/10  Score 200/200  2 in a row")
    assert text.startswith("Choice · The")
    assert "…" in text


def test_wide_the_strip_has_one_cell_per_question() -> None:
    text = drawn(line(), 118)
    assert "Choice · The rise of DingTalk" in text
    assert line().fit(118).strip.plain == "▸·········"


def test_too_narrow_for_the_streak_keeps_the_progress() -> None:
    text = drawn(line(), 40)
    assert "Question 2/10  Score 200/200" in text
    assert "in a row" not in text


@sync
async def test_the_english_pack_title_is_whole_on_screen_at_80x24_with_a_streak(
    tmp_path: Path,
) -> None:
    start = round_start("choice", 10, pack_id="dingtalk-2020-en")
    app = make_test_app(tmp_path, start=start, pack="dingtalk-2020-en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*right_keys(start.questions[0]), "enter")
        await pilot.press(*right_keys(start.questions[1]))
        await pilot.pause()
        status = app.screen.query_one(StatusLine)
        top = str(status.render())
        assert "The rise of DingTalk" in top, top
        assert "2 in a row" in top and "Question 2/10" in top, top
