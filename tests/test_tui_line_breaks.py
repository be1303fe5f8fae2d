"""Whole rounds of the zh-Hant pack in the TUI: no line of any screen breaks a number, a Latin
word, or starts with closing punctuation (issue 12's `到2.` / `0版本`, `App` / `Store`, `。`)."""

from __future__ import annotations

import asyncio

import pytest

from linebreak_checks import screen_breaks
from linebreak_survey import survey


# Rounds whose screens Textual's own wrapping breaks badly: at 80x24 seed 9 cuts `“Rea|l 如我`,
# 15 cuts `20|19年` and starts a line with `”`; at 60x20 seed 5 cuts `2|020年`, 6 ends a line
# with `(`, 11 starts one with `、` (found with `python tests/linebreak_survey.py`).
@pytest.mark.parametrize(("size", "seeds"), [((80, 24), (9, 15)), ((60, 20), (5, 6, 11))])
def test_rounds_of_the_chinese_pack_have_no_bad_line_break(
    size: tuple[int, int], seeds: tuple[int, ...]
) -> None:
    found = asyncio.run(survey(seeds, count=3, size=size))
    assert not found, found


def test_the_check_sees_the_breaks_the_issue_saw() -> None:
    """The pilot test above can fail: rows broken as Textual broke them are caught."""
    sources = [
        "此後,釘釘不斷更新升級,到2.0版本釋出時,釘釘被定義為“一個工作方式”。",
        "2月5日,躍居蘋果App Store免費APP排行榜第一,妥妥成了一款“現象級”產品。",
        "不過,念念不忘。",
    ]
    rows = ["此後,釘釘不斷更新升級,到2.", "0版本釋出時", "2月5日,躍居蘋果Ap", "p Store免費"]
    rows += ["不過,念念不忘", "。"]
    assert [reason.split(":")[0] for reason in screen_breaks(rows, sources)] == [
        "number split",
        "Latin word split",
        "closing punctuation starts a line",
    ]
