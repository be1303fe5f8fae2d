"""What the history screen looks like, over the hand-computed fixture with a fixed clock.

The fixture (test_history_support.build_fixture) is amy's seven rounds from 2024-03-01 to
2024-03-07 (R5 with no answer, R4 with one of three, R0 on the pack "other") and one of bob's;
the clock says 2024-03-08 12:00 in Taipei.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from test_history_support import HistoryApp, build_fixture, open_store, settle

SnapCompare = Callable[..., bool]


def _app(tmp_path: Path, lang: str = "en") -> HistoryApp:
    store = open_store(tmp_path)
    build_fixture(store)
    return HistoryApp(store, lang=lang)


def _after(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run


def test_rounds_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """The Rounds tab fits 80x24.

    Title "Score history · amy"; the filter buttons "Pack: All packs ▾", "Mode: All modes ▾" and
    "Period: All time ▾"; the strip "5 rounds ·
    avg 56% · best 100% · last 10 56% · streak 1 d (longest 5 d)"; the table titled "7 of 7
    rounds · sorted by Date ↓" lists 2024-03-07 12:00 (100%, 3:00, ✓) down to 2024-03-01 23:58,
    with "—" and "0/3" for the round with no answer, "1/3" for the one left after one answer and
    percentages right-aligned; "Enter: a round's answers" under the table; the Footer shows
    "esc Back", "p m t Filter", "s r Sort", "d D Delete" and "e Export".
    """
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_after())


def test_summary_tab_at_80x24_in_chinese(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """The 總覽 tab in 繁體中文 fits 80x24 without scrolling.

    Four rows of numbers (完成的回合 5, 開始的回合 7, 作答題數 12, 目前連續 1 天, 平均 56%,
    最佳 100%, 最近 10 輪平均 56%, 最長連續 5 天), 近期得分 as a sparkline of five two-column
    bars (50, 50, 80, 0, 100: the fourth almost flat), and 各題型得分率 with a bar each for
    選擇 60%, 估算 60%, 配對 60% and 排序 83%. The filter buttons read 題庫：全部題庫 ▾ and so on;
    the Footer offers only D 全部刪除 here (single rounds are deleted on the 回合 tab).
    """
    assert snap_compare(_app(tmp_path, "zh-Hant"), terminal_size=(80, 24), run_before=_after("2"))


def test_missed_facts_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """The Missed facts tab: e1 missed twice first, then x1, m1, c2, o1, o2 (latest miss first),
    each with its pack, last missed date (c2 on 2024-03-02, its New York day) and Leitner box."""
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_after("3"))


def test_pack_chooser_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """p opens a small dialog titled "Pack" over the dimmed screen, listing All packs
    (highlighted: the current choice), dt and other."""
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_after("p"))


def test_round_detail_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """The oldest round's detail over the dimmed screen: "Round 1 · dt · Quick", its start, state,
    150/300 (50%) and 5:00; three answers (Choice 100/100 in green, Order 50/100 in yellow,
    Estimate 0/100 in red), each with its prompt, the player's answer and the correct one; a
    Close button at the bottom."""
    keys = ("down",) * 6 + ("enter",)
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_after(*keys))


def test_delete_confirmation_at_80x24(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """Delete asks first: a red-bordered dialog "Delete round 8 (2024-03-07 12:00, dt, 100%)?
    This cannot be undone." with the buttons Export JSON first, Delete (red) and Cancel
    (focused), all on one line inside the dialog."""
    assert snap_compare(_app(tmp_path), terminal_size=(80, 24), run_before=_after("d"))


def test_wide_at_120x40(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """At 120x40 the summary sits beside the table (its numbers, the sparkline and the kind
    bars in a bordered panel on the right, aligned with the table's top) and the Summary tab is
    gone: the tabs read Rounds and Missed facts."""
    assert snap_compare(_app(tmp_path), terminal_size=(120, 40), run_before=_after())


def test_wide_at_120x40_in_chinese(snap_compare: SnapCompare, tmp_path: Path) -> None:
    """The same wide layout in 繁體中文: 成績紀錄 · amy, the table headed 日期 題庫 模式 得分 用時
    完成 with the modes as 快速 and 選擇, and the summary panel on the right with 天 for days."""
    assert snap_compare(_app(tmp_path, "zh-Hant"), terminal_size=(120, 40), run_before=_after())
