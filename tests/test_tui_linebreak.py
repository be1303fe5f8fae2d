"""Every TUI widget breaks Chinese text with ali-quiz's line breaker (tui/linebreaking.py)."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import OptionList, Static

import ali_quiz.tui  # noqa: F401  (importing the TUI installs the line breaker)
from ali_quiz.linebreak import analyse, break_offsets, wrap
from ali_quiz.tui.linebreaking import divide_line, install, installed, prepare
from linebreak_checks import bad_break
from test_tui_support import sync

SENTENCE = (
    "此後,釘釘不斷更新升級,上線Ding功能、建立邀請二維碼、手機端管理團隊等,到2.0版本釋出時,"
    "釘釘被定義為“一個工作方式”,躍居蘋果App Store免費APP排行榜第一,念念不忘。"
)


def test_importing_the_tui_installs_the_line_breaker_once() -> None:
    assert installed()
    install()
    assert installed()


#: Chinese, Latin, numbers, punctuation, spaces, joiners, combining marks and emoji.
MIXED = "釘的 App Store 2.0版「」。,、\u3000\u200d\u0301👍a1-"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(MIXED), max_size=40),
    st.integers(min_value=0, max_value=45),
    st.booleans(),
)
def test_a_line_that_fits_breaks_as_the_line_breaker_says(
    text: str, width: int, fold: bool
) -> None:
    """divide_line skips the analysis of a line that fits: the answer must not change."""
    assert divide_line(text, width, fold) == break_offsets(text, width, fold=fold, measure=cell_len)


def test_prepare_works_out_each_line_of_a_text() -> None:
    analyse.cache_clear()
    prepare("來往6.2\n更名為點點蟲。")
    assert analyse.cache_info().currsize == 2


def test_content_and_rich_text_wrap_like_the_line_breaker() -> None:
    for columns in (12, 20, 33, 60):
        expected = wrap(SENTENCE, columns, measure=cell_len)
        assert [line.plain for line in Content(SENTENCE).wrap(columns)] == expected
        console = Console(width=columns, record=True, file=io.StringIO())
        console.print(Text(SENTENCE))
        assert [line.rstrip() for line in console.export_text().splitlines()] == expected


class Harness(App[None]):
    """A Static and an OptionList side by side, each 30 columns wide."""

    CSS = "Static, OptionList { width: 30; height: auto; border: none; padding: 0; }"

    def compose(self) -> ComposeResult:
        yield Static(SENTENCE, markup=False)
        yield OptionList(SENTENCE)


@sync
async def test_a_static_and_an_option_list_break_no_number_or_word_and_keep_punctuation() -> None:
    app = Harness()
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        static = app.query_one(Static)
        rows = [
            strip.text.rstrip() for strip in static.render_lines(static.content_region.reset_offset)
        ]
        options = app.query_one(OptionList)
        region = options.content_region.reset_offset
        option_rows = [strip.text.rstrip() for strip in options.render_lines(region)]
    for lines in (rows, [row for row in option_rows if row.strip()]):
        assert "".join(lines).replace(" ", "") == SENTENCE.replace(" ", "")
        assert len(lines) > 4
        breaks = [bad_break(a, b.lstrip()) for a, b in zip(lines, lines[1:], strict=False)]
        assert not any(breaks), list(zip(lines, breaks, strict=True))
