"""The history screen, driven by keys in a tiny app over the hand-computed fixture."""

from __future__ import annotations

import asyncio
import functools
import io
import json
import re
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Static, TabbedContent, TabPane

from ali_quiz.history.store import HistoryStore
from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import Event, Metric, Pack
from ali_quiz.tui.screens.dialogs import ChooseScreen, ConfirmScreen
from ali_quiz.tui.screens.history.detail import RoundDetail
from ali_quiz.tui.screens.history.screen import HistoryScreen
from ali_quiz.tui.screens.history.view import SummaryView
from test_history_support import HistoryApp, build_fixture, open_store, settle


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test body in its own event loop (no async plugin for pytest here)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def shown(static: Static) -> str:
    """The text a Static shows, whatever kind of content it was given."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text().rstrip("\n")


def rows(pilot: Pilot[Any]) -> list[int]:
    """Round ids in the order the table shows them."""
    table = pilot.app.screen.query_one("#rounds-table", DataTable)
    return [
        int(table.coordinate_to_cell_key((i, 0)).row_key.value or 0) for i in range(table.row_count)
    ]


@pytest.fixture
def store(tmp_path: Path) -> HistoryStore:
    return open_store(tmp_path)


@pytest.fixture
def ids(store: HistoryStore) -> dict[str, int]:
    return build_fixture(store)


def ordered(ids: dict[str, int], names: str) -> list[int]:
    return [ids[n] for n in names.split()]


@sync
async def test_the_table_shows_the_players_rounds_newest_first(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        assert rows(pilot) == ordered(ids, "R6 R5 R4 R0 R3 R2 R1")
        table = screen.query_one("#rounds-table", DataTable)
        assert [str(c.label) for c in table.columns.values()] == [
            "Date", "Pack", "Mode", "Score", "Time", "Done",
        ]  # fmt: skip
        first = [str(c) for c in table.get_row_at(0)]
        assert first[0] == "2024-03-07 12:00" and first[3].strip() == "100%"
        assert first[4].strip() == "0:10" and first[5] == "✓"  # two answers of 5 s
        # R4, unfinished after one right answer of three: never a perfect-looking 100%.
        r4 = [str(c).strip() for c in table.get_row_at(2)]
        assert r4[3] == "100/300" and r4[5] == "1/3"
        assert [str(c).strip() for c in table.get_row_at(1)][3] == "0/300"  # R5, no answer
        strip = shown(screen.query_one("#strip", Static))
        # Its counts agree with the table's: 5 of the 7 rounds listed are finished.
        assert "Finished 5/7 · avg 56% · best 100% · last 10 56%" in strip
        assert "streak 1 d (longest 5 d)" in strip
        assert table.border_title == "7 of 7 rounds · sorted by Date ↓"


@sync
async def test_filters_by_pack_mode_and_period(store: HistoryStore, ids: dict[str, int]) -> None:
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        # p opens the pack chooser: All packs, dt, other.
        await pilot.press("p")
        await settle(pilot)
        chooser = pilot.app.screen
        assert isinstance(chooser, ChooseScreen)
        assert [text for text, _ in chooser.options] == ["All packs", "dt", "other"]
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert rows(pilot) == [ids["R0"]]
        assert str(screen.query_one("#pack", Button).label) == "Pack: other ▾"
        # Escape leaves a chooser without changing anything.
        await pilot.press("m", "down", "escape")
        await settle(pilot)
        assert rows(pilot) == [ids["R0"]]
        screen.set_filter("pack", "dt")
        screen.set_filter("mode", "choice")
        await settle(pilot)
        assert rows(pilot) == [ids["R2"]]
        assert "Finished 1/1 · avg 50%" in shown(screen.query_one("#strip", Static))
        screen.set_filter("mode", None)
        await pilot.click("#period")
        await settle(pilot)
        await pilot.press("down", "enter")  # the last 7 days: 03-02 to 03-08
        await settle(pilot)
        assert rows(pilot) == ordered(ids, "R6 R5 R4 R3 R2")
        await pilot.press("2")
        await settle(pilot)
        summary = screen.query_one("#summary", TabPane).query_one(SummaryView)
        # R2, R3 and R6 finished in those seven days.
        assert re.search(r"Rounds played\s+3\b", shown(summary.query_one(".numbers", Static)))


@sync
async def test_sorting_by_keys_reaches_every_round(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")  # by pack, A to Z
        await settle(pilot)
        assert rows(pilot)[:5] == ordered(ids, "R6 R5 R4 R3 R2")  # dt, newest first
        assert rows(pilot)[-1] == ids["R0"]
        await pilot.press("s", "s")  # mode, then score (highest first)
        await settle(pilot)
        # R4 (one right answer of three) counts as 100 of 300 points, below R3's 80% and the
        # 50% of R2 and R1; R5 (nothing answered) as 0 of 300, beside R0 (newer first).
        assert rows(pilot) == ordered(ids, "R6 R3 R2 R1 R4 R5 R0")
        await pilot.press("r")
        await settle(pilot)
        assert rows(pilot)[:2] == ordered(ids, "R5 R0")
        table = pilot.app.screen.query_one("#rounds-table", DataTable)
        assert table.border_title == "7 of 7 rounds · sorted by Score ↑"


@sync
async def test_clicking_a_header_sorts_by_it(store: HistoryStore, ids: dict[str, int]) -> None:
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = pilot.app.screen.query_one("#rounds-table", DataTable)
        table.post_message(
            DataTable.HeaderSelected(
                table, table.ordered_columns[4].key, 4, table.ordered_columns[4].label
            )
        )
        await settle(pilot)
        # The time spent answering: 0:15, 0:15 (newer first), 0:10 (R6 and R2: newer first).
        assert rows(pilot)[:4] == ordered(ids, "R3 R1 R6 R2")


@sync
async def test_enter_shows_every_answer_of_a_round(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(6):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        detail = pilot.app.screen
        assert isinstance(detail, RoundDetail) and detail.entry.id == ids["R1"]
        answers = [shown(a) for a in detail.query(".answer").results(Static)]
        assert len(answers) == 3
        assert answers[1].startswith("2. Order · 50/100 points · 5 s")
        # The pack is not here to make the round again: the letters the player saw.
        assert "You said: B → A → C" in answers[1] and "Correct: A → B → C" in answers[1]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HistoryScreen)


@sync
async def test_an_unfinished_rounds_detail_scores_the_whole_round(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    """R4: one right answer of three is 100/300 (33%), never 100/100 (100%)."""
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        detail = pilot.app.screen
        assert isinstance(detail, RoundDetail) and detail.entry.id == ids["R4"]
        info = str(detail.query_one("#detail-info").render())
        assert "unfinished · 100/300 (33%)" in info


@sync
async def test_deleting_a_round_asks_first_and_offers_an_export(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert "Delete round" in shown(pilot.app.screen.query_one(".dialog-body", Static))
        await pilot.press("escape")  # cancel: nothing goes
        await settle(pilot)
        assert len(rows(pilot)) == 7
        await pilot.press("d")
        await pilot.pause()
        await pilot.click("#first")
        await settle(pilot)
        [exported] = list(store.path.parent.glob("history-amy-*.json"))
        assert [r["id"] for r in json.loads(exported.read_text(encoding="utf-8"))] == [ids["R6"]]
        assert any(str(exported) in n.message for n in pilot.app._notifications)
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(pilot.app.screen, HistoryScreen)
        assert rows(pilot) == ordered(ids, "R5 R4 R0 R3 R2 R1")
        assert store.round(ids["R6"]) is None
        assert any(n.message == f"Round {ids['R6']} deleted." for n in pilot.app._notifications)


@sync
async def test_deleting_everything_of_the_player(store: HistoryStore, ids: dict[str, int]) -> None:
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await pilot.pause()
        question = shown(pilot.app.screen.query_one(".dialog-body", Static))
        assert question == "Delete all 7 rounds of amy? This cannot be undone."
        await pilot.click("#yes")
        await settle(pilot)
        assert rows(pilot) == []
        screen = pilot.app.screen
        assert "No rounds here yet" in shown(screen.query_one("#empty", Static))
        assert [r.player for r in store.rounds()] == ["bob"]


@sync
async def test_a_history_that_fails_to_read_says_so(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        store.close()  # as if the file went away under the screen
        screen = pilot.app.screen
        assert isinstance(screen, HistoryScreen)
        screen.set_filter("mode", "quick")
        await settle(pilot)
        assert any(n.title == "Score history" for n in pilot.app._notifications)
        assert len(rows(pilot)) == 7  # what was shown stays


@sync
async def test_escape_goes_back(store: HistoryStore, ids: dict[str, int]) -> None:
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HistoryScreen)


@sync
async def test_with_history_off_the_screen_says_so(tmp_path: Path) -> None:
    async with HistoryApp(None).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert "Score history is off" in shown(screen.query_one("#strip", Static))
        await pilot.press("d", "D", "e", "enter")
        await settle(pilot)
        assert pilot.app.screen is screen


@sync
async def test_wide_terminals_show_the_summary_beside_the_table(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    async with HistoryApp(store).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert screen.query_one("#side-column").display
        tabs = screen.query_one("#tabs", TabbedContent)
        assert tabs.get_tab("summary").display is False
    async with HistoryApp(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert not pilot.app.screen.query_one("#side-column").display


@sync
async def test_missed_facts_are_named_from_the_packs(
    store: HistoryStore, ids: dict[str, int]
) -> None:
    pack = Pack(
        id="dt",
        title="DingTalk",
        language="en",
        path=None,
        events=(Event(id="o1", date=PartialDate(2014, 12), title="DingTalk beta"),),
        metrics=(
            Metric(id="e1", label="Monthly active people", value=1, written="1", unit="people"),
        ),
    )
    async with HistoryApp(store, packs=[pack, "other"]).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        table = pilot.app.screen.query_one("#missed-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        # Worst answered first: x1 and m1 missed every time, e1 2 of 3 times…
        assert names == [
            "x1",
            "m1",
            "Monthly active people",
            "c2",
            "DingTalk beta (December 2014)",
            "o2",
        ]
        assert str(table.get_row_at(2)[1]) == "DingTalk"
        assert str(table.get_row_at(2)[2]).strip() == "2/3"
        assert pilot.app.screen.focused is table


@sync
async def test_in_traditional_chinese(store: HistoryStore, ids: dict[str, int]) -> None:
    async with HistoryApp(store, lang="zh-Hant").run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        strip = shown(screen.query_one("#strip", Static))
        assert strip.startswith("完成 5/7 輪 · 平均 56% · 最佳 100%")
        table = screen.query_one("#rounds-table", DataTable)
        assert str(table.columns[table.ordered_columns[0].key].label) == "日期"
        assert [b.description for b in screen._bindings.key_to_bindings["escape"]] == ["返回"]
