"""Tables show every column of figures whole: the text column (pack title, fact name) gives way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable

from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import Event, Metric, Pack
from ali_quiz.tui.widgets.columns import MIN_TEXT_COLUMN, fit_text_column, table_room
from test_history_support import HistoryApp, build_fixture, open_store, settle
from test_tui_support import sync

LONG_TITLE = "The rise of DingTalk: Alibaba's social apps, its versions and the 2020 boom"
PACK = Pack(
    id="dt",
    title=LONG_TITLE,
    language="en",
    path=None,
    events=(Event(id="o1", date=PartialDate(2014, 12), title="DingTalk beta " * 6),),
    metrics=(Metric(id="e1", label="Monthly active people " * 4, value=1, written="1", unit="p"),),
)


def fits(table: DataTable[Any]) -> bool:
    """Whether every column of the table shows whole, without scrolling sideways."""
    used = sum(column.get_render_width(table) for column in table.columns.values())
    room = table_room(table, table.row_count)
    return room is not None and used <= room


@pytest.mark.parametrize(("size", "lang"), [((120, 40), "en"), ((80, 24), "zh-Hant")])
@sync
async def test_the_rounds_table_shows_its_figures_whole(
    tmp_path: Path, size: tuple[int, int], lang: str
) -> None:
    store = open_store(tmp_path)
    build_fixture(store)
    async with HistoryApp(store, packs=[PACK, "other"], lang=lang).run_test(size=size) as pilot:
        await settle(pilot)
        table = pilot.app.screen.query_one("#rounds-table", DataTable)
        assert fits(table)
        titles = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert any(title.endswith("…") and LONG_TITLE.startswith(title[:-1]) for title in titles)
        assert {str(table.get_row_at(i)[5]).strip() for i in range(table.row_count)} >= {"1/3"}
        # Narrower, then wider again: the table is filled again for its new width.
        await pilot.resize_terminal(70, 24)
        await settle(pilot)
        assert fits(table)
        await pilot.resize_terminal(*size)
        await settle(pilot)
        assert fits(table)


@sync
async def test_the_missed_facts_table_shows_its_figures_whole(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    build_fixture(store)
    async with HistoryApp(store, packs=[PACK, "other"]).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = pilot.app.screen.query_one("#missed-table", DataTable)
        assert table.row_count > 3
        assert fits(table)


def test_only_the_text_column_is_clipped_and_never_below_its_minimum() -> None:
    rows = [["2024-03-01", "a long pack title", "12/20"]]
    headers = ["Date", "Pack", "Done"]
    assert fit_text_column(headers, rows, 1, 40) == rows
    assert fit_text_column(headers, rows, 1, 30) == [["2024-03-01", "a long p…", "12/20"]]
    clipped = fit_text_column(headers, rows, 1, 10)[0][1]
    assert len(clipped) == MIN_TEXT_COLUMN and clipped.endswith("…")
    assert fit_text_column(headers, rows, 1, None) == rows
    assert fit_text_column(headers, [], 1, 30) == []
