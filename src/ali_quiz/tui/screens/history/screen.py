"""The history screen: a player's rounds, summary, chart of recent scores and weakest facts.

Every query runs in a thread worker that posts its result; the table is sorted by SQL over the
whole (filtered) history and shows the first ROW_LIMIT rounds of that order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, DataTable, Footer, Label, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from ali_quiz.clock import Now, local_now
from ali_quiz.history import stats
from ali_quiz.history.describe import fact_labels
from ali_quiz.history.records import RoundRecord, RoundRow
from ali_quiz.history.store import HistoryStore
from ali_quiz.packs.model import Pack
from ali_quiz.percents import percent_text
from ali_quiz.safety.text import visible
from ali_quiz.tui.screens.base import css_file
from ali_quiz.tui.screens.history.changes import Done
from ali_quiz.tui.screens.history.detail import RoundDetail
from ali_quiz.tui.screens.history.filtering import Filtering
from ali_quiz.tui.screens.history.view import (
    COLUMNS,
    FILTERS,
    ROW_LIMIT,
    WIDE,
    Filters,
    Loaded,
    SummaryView,
    fill_missed,
    round_cells,
)
from ali_quiz.tui.widgets.columns import FittedTable, table_room

FILTER_KEYS = Binding.Group("history.key_filter")
SORT_KEYS = Binding.Group("history.key_sort")
DELETE_KEYS = Binding.Group("history.key_delete")


class HistoryScreen(Filtering):
    """A player's score history: rounds, summary, recent scores, weakest facts."""

    CSS_PATH = css_file("history.tcss")
    BINDINGS = [
        Binding("escape", "back", "history.key_back"),
        Binding("enter", "open_round", "history.key_open"),
        Binding("p", "choose('pack')", "history.filter_pack", group=FILTER_KEYS),
        Binding("m", "choose('mode')", "history.filter_mode", group=FILTER_KEYS),
        Binding("t", "choose('period')", "history.filter_period", group=FILTER_KEYS),
        Binding("s", "sort", "history.key_sort", group=SORT_KEYS),
        Binding("r", "reverse", "history.key_reverse", group=SORT_KEYS),
        Binding("d", "delete_round", "history.key_delete", group=DELETE_KEYS),
        Binding("D", "delete_all", "history.key_delete_all", group=DELETE_KEYS),
        Binding("e", "export", "history.key_export"),
        Binding("1", "tab('rounds')", "history.tab_rounds", show=False),
        Binding("2", "tab('summary')", "history.tab_summary", show=False),
        Binding("3", "tab('missed')", "history.tab_missed", show=False),
    ]

    class DataLoaded(Message):
        def __init__(self, data: Loaded) -> None:
            super().__init__()
            self.data = data

    class RoundFound(Message):
        def __init__(self, entry: RoundRecord) -> None:
            super().__init__()
            self.entry = entry

    def __init__(
        self,
        store: HistoryStore | None,
        player: str,
        packs: Sequence[str | Pack],
        *,
        now: Now = local_now,
    ) -> None:
        """`store` None: history is off. `packs`: ids, or loaded packs (their titles and fact
        names are shown then). `now`: the app's clock (periods, streaks, export names)."""
        super().__init__()
        self.store = store
        self.player = player
        self.now = now
        self.pack_ids = [p if isinstance(p, str) else p.id for p in packs]
        self.pack_titles = {p.id: visible(p.title) for p in packs if not isinstance(p, str)}
        self.loaded_packs = [p for p in packs if not isinstance(p, str)]
        self.labels = fact_labels(p for p in packs if not isinstance(p, str))
        self.filters = Filters()
        self.rows: dict[int, RoundRow] = {}
        self.player_total = 0
        self.history_packs: list[str] = []
        self.data: Loaded | None = None
        self.filled = {"rounds"}  # panes that have their widgets

    # -- layout --------------------------------------------------------------------------------

    def compose_screen(self) -> ComposeResult:
        tr = self.tr
        yield Label(tr("history.title", player=self.player), id="history-title", markup=False)
        with Horizontal(id="filters"):
            for which in FILTERS:
                yield Button(self._filter_label(which), id=which, compact=True)
        yield Static(
            tr("history.loading") if self.store else tr("history.off"), id="strip", markup=False
        )
        with Horizontal(id="body"):
            with TabbedContent(id="tabs"):
                with TabPane(tr("history.tab_rounds"), id="rounds"):
                    yield FittedTable(id="rounds-table", cursor_type="row", zebra_stripes=True)
                    yield Static("", id="empty", markup=False)
                # The other tabs and the side panel get their widgets when first shown: a
                # screen that opens faster (see benchmarks/history.py).
                yield TabPane(tr("history.tab_summary"), id="summary")
                yield TabPane(tr("history.tab_missed"), id="missed")
            # Beside the tabs on a wide terminal, in place of the Summary tab.
            yield Vertical(id="side-column")
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= WIDE
        if wide == self.has_class("-wide"):
            return
        self.set_class(wide, "-wide")
        tabs = self.query_one("#tabs", TabbedContent)
        if wide:
            if tabs.active == "summary":
                tabs.active = "rounds"
            tabs.hide_tab("summary")
            self.open_pane(self.query_one("#side-column"))
        else:
            tabs.show_tab("summary")

    def open_pane(self, pane: Widget) -> None:
        """Give a tab pane or the side column its widgets the first time it is shown."""
        if pane.id not in self.filled:
            self.filled.add(str(pane.id))
            self.run_worker(self.fill_pane(pane), group="history-panes")

    async def fill_pane(self, pane: Widget) -> None:
        if pane.id == "missed":
            table = FittedTable(id="missed-table", cursor_type="row", zebra_stripes=True)
            for column in ("fact", "pack", "misses", "last_missed", "box"):
                table.add_column(self.tr(f"history.col_{column}"), key=column)
            await pane.mount(table)
            table.focus()
        else:
            await pane.mount(SummaryView(self.tr, id="side" if pane.id == "side-column" else None))
        if self.data is not None:
            self._show_summary(self.data.summary)
            self._show_missed(self.data.summary.missed)

    def on_mount(self) -> None:
        tr = self.tr
        table = self.query_one("#rounds-table", DataTable)
        for column in COLUMNS:
            table.add_column(tr(f"history.col_{column}"), key=column)
        table.focus()
        self.reload()

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the history again with the current filters (in a worker)."""
        if self.store is not None:
            self.load(self.store, self.filters, self.now().date())

    @work(thread=True, exclusive=True, exit_on_error=False, group="history-load")
    def load(self, store: HistoryStore, filters: Filters, today: date) -> None:
        """Query the summary and the table's rows off the UI thread."""
        since = filters.since(today)
        where: dict[str, Any] = {"pack": filters.pack, "mode": filters.mode, "since": since}
        try:
            loaded = Loaded(
                summary=stats.summary(store, self.player, today=today, **where),
                rows=store.round_rows(
                    player=self.player,
                    order=filters.order,
                    descending=filters.descending,
                    limit=ROW_LIMIT,
                    **where,
                ),
                total=store.count_rounds(player=self.player, **where),
                player_total=store.count_rounds(player=self.player),
                packs=store.packs(self.player),
            )
        except Exception as error:  # a damaged file, a closed store: say so, keep the screen
            self.failed(error)
            return
        if not get_current_worker().is_cancelled:  # else newer filters are on their way
            self.post_message(self.DataLoaded(loaded))

    @on(DataLoaded)
    def show_data(self, message: DataLoaded) -> None:
        data, tr = message.data, self.tr
        self.data = data
        self.rows = {row.id: row for row in data.rows}
        self.player_total = data.player_total
        self._show_rounds(data)
        self._show_summary(data.summary)
        self._show_missed(data.summary.missed)
        self.history_packs = data.packs
        s = data.summary
        self.query_one("#strip", Static).update(
            tr(
                "history.strip",
                # The table lists every round, finished or not: the strip says how many of
                # them are finished (what its averages are of).
                rounds=tr("history.finished_of", finished=s.rounds, started=s.started),
                average=percent_text(s.average),
                best=percent_text(s.best),
                last=percent_text(s.last_average),
                current=tr("history.days", n=s.current_streak),
                longest=tr("history.days", n=s.longest_streak),
            )
        )

    def _show_rounds(self, data: Loaded) -> None:
        tr = self.tr
        table = self.query_one("#rounds-table", DataTable)
        selected = self.cursor_round()
        table.clear()
        room = table_room(table, len(data.rows))
        cells = round_cells(data.rows, self.pack_titles, tr, room)
        for row, row_cells in zip(data.rows, cells, strict=True):
            table.add_row(*row_cells, key=str(row.id))
        if isinstance(table, FittedTable):
            table.fit_columns(cells)
        if selected is not None and selected in self.rows:
            table.move_cursor(row=table.get_row_index(str(selected)))
        order = tr(f"history.col_{self.filters.order}") + (
            " ↓" if self.filters.descending else " ↑"
        )
        table.border_title = tr(
            "history.showing", shown=len(data.rows), total=data.total, order=order
        )
        table.border_subtitle = tr("history.enter_hint") if data.rows else None
        empty = self.query_one("#empty", Static)
        empty.update("" if data.rows else tr("history.empty"))
        empty.display = not data.rows
        table.display = bool(data.rows)

    @on(FittedTable.WidthChanged)
    def refit(self) -> None:
        """Fill the tables again, so that their figures show whole at their new width."""
        if self.data is not None:
            self._show_rounds(self.data)
            self._show_missed(self.data.summary.missed)

    def _show_summary(self, summary: stats.Summary) -> None:
        for view in self.query(SummaryView):
            # A view still being mounted (fill_pane) has no children yet: fill_pane shows it.
            if view.is_mounted:
                view.show(summary)

    def _show_missed(self, missed: Sequence[stats.MissedFact]) -> None:
        table = next(self.query("#missed-table").results(DataTable), None)
        if table is not None:
            fill_missed(table, missed, self.labels, self.pack_titles, self.tr)

    # -- filters and sorting -------------------------------------------------------------------

    @on(DataTable.HeaderSelected, "#rounds-table")
    def header_clicked(self, event: DataTable.HeaderSelected) -> None:
        self.sort_by(str(event.column_key.value))

    def sort_by(self, column: str) -> None:
        """Sort by a column; choosing the same column again reverses the order."""
        if column == self.filters.order:
            self.filters = replace(self.filters, descending=not self.filters.descending)
        else:
            self.filters = replace(self.filters, order=column, descending=column != "pack")
        self.reload()

    def action_sort(self) -> None:
        following = COLUMNS[(COLUMNS.index(self.filters.order) + 1) % len(COLUMNS)]
        self.sort_by(following)

    def action_reverse(self) -> None:
        self.sort_by(self.filters.order)

    def action_tab(self, tab: str) -> None:
        self.query_one("#tabs", TabbedContent).active = tab

    @on(TabbedContent.TabActivated)
    def tab_shown(self, event: TabbedContent.TabActivated) -> None:
        self.open_pane(event.pane)
        for table in event.pane.query(DataTable):
            table.focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A round's keys only where the rounds are; nothing to do when history is off."""
        if action in ("open_round", "delete_round"):
            return self.query_one("#tabs", TabbedContent).active == "rounds" and bool(self.rows)
        if action in ("delete_all", "export", "sort", "reverse", "choose"):
            return self.store is not None
        return True

    def action_back(self) -> None:
        self.dismiss(None)

    # -- a round's detail ----------------------------------------------------------------------

    def cursor_round(self) -> int | None:
        table = self.query_one("#rounds-table", DataTable)
        if not self.rows or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    @on(DataTable.RowSelected, "#rounds-table")
    def row_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_round()

    def action_open_round(self) -> None:
        round_id = self.cursor_round()
        if self.store is not None and round_id is not None:
            self.find_round(self.store, round_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="history-round")
    def find_round(self, store: HistoryStore, round_id: int) -> None:
        try:
            entry = store.round(round_id)
        except Exception as error:  # as in load()
            self.failed(error)
            return
        if entry is not None:
            self.post_message(self.RoundFound(entry))

    @on(RoundFound)
    def show_round(self, message: RoundFound) -> None:
        self.app.push_screen(
            RoundDetail(message.entry, self.labels, self.pack_titles, self.loaded_packs)
        )

    def failed(self, error: Exception) -> None:
        """A read failed (a damaged file, a closed store): say so from a worker, keep the rows."""
        self.post_message(Done(str(self.tr.worded(error)), reload=False, error=True))

    @on(Done)
    def write_done(self, message: Done) -> None:
        self.app.notify(
            message.text,
            # An error is a sentence of its own ("Score history is off: …"): the toast's title
            # says where it comes from, rather than a prefix that would stack two colons.
            title=self.tr("app.history_title") if message.error else "",
            severity="error" if message.error else "information",
            timeout=8,
        )
        if message.reload:
            self.reload()
