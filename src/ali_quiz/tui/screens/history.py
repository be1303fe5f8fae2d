"""The history screen: a player's rounds, summary, chart of recent scores and weakest facts.

Every query runs in a thread worker that posts its result; the table is sorted by SQL over the
whole (filtered) history and shows the first ROW_LIMIT rounds of that order.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Label,
    OptionList,
    Sparkline,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ali_quiz.history import export, stats, stream
from ali_quiz.history.describe import export_path, fact_labels, readable, round_questions
from ali_quiz.history.records import RoundRow
from ali_quiz.history.store import HistoryStore
from ali_quiz.packs.model import Pack
from ali_quiz.safety.files import atomic_open
from ali_quiz.textwidth import pad, width

ROW_LIMIT = 250  # rows in the table; sorting reaches every round, a screenful is ~15
WIDE = 110  # columns from which the summary sits beside the table
MODES = ("quick", "order", "match", "estimate", "choice", "daily", "review")
PERIODS = (0, 7, 30, 365)  # days; 0 is all time
COLUMNS = ("date", "pack", "mode", "score", "duration", "finished")
FILTERS = ("pack", "mode", "period")
NOTHING = object()  # what the chooser gives back when it is closed without a choice

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Score history · {player}",
        "off": "Score history is off, so there is nothing to show.",
        "empty": "No rounds here yet: play one from the home screen.",
        "loading": "Loading…",
        "all_packs": "All packs",
        "filter_pack": "Pack",
        "filter_mode": "Mode",
        "filter_period": "Period",
        "key_filter": "Filter",
        "filter_label": "{name}: {value} ▾",
        "all_modes": "All modes",
        "period_0": "All time",
        "period_7": "Last 7 days",
        "period_30": "Last 30 days",
        "period_365": "Last year",
        "tab_rounds": "Rounds",
        "tab_summary": "Summary",
        "tab_missed": "Missed facts",
        "col_date": "Date",
        "col_pack": "Pack",
        "col_mode": "Mode",
        "col_score": "Score",
        "col_duration": "Time",
        "col_finished": "Done",
        "enter_hint": "Enter: a round's answers",
        "rounds_n": "{n} rounds",
        "rounds_n_one": "1 round",
        "strip": "{rounds} · avg {average} · best {best} · last 10 {last}"
        " · streak {current} (longest {longest})",
        "showing": "{shown} of {total} rounds · sorted by {order}",
        "rounds_played": "Rounds played",
        "started": "Rounds started",
        "answers": "Answers",
        "average": "Average",
        "best": "Best",
        "last_average": "Average of last 10",
        "current_streak": "Current streak",
        "longest_streak": "Longest streak",
        "days": "{n} d",
        "recent": "Recent scores (oldest to newest)",
        "kinds": "Accuracy by question kind",
        "kind_line": "{n} answers",
        "kind_line_one": "1 answer",
        "no_missed": "No missed facts here yet.",
        "col_fact": "Fact",
        "col_misses": "Misses",
        "col_last_missed": "Last missed",
        "col_box": "Box",
        "key_back": "Back",
        "key_open": "Details",
        "key_delete": "Delete",
        "key_delete_all": "Delete all",
        "key_sort": "Sort",
        "key_reverse": "Reverse",
        "key_export": "Export",
        "key_close": "Close",
        "detail_title": "Round {id} · {pack} · {mode}",
        "detail_info": "{start} · {state} · {score} · {time}",
        "finished": "finished",
        "unfinished": "unfinished",
        "your_answer": "Yours",
        "correct": "Correct",
        "skipped": "(skipped)",
        "points": "{points}/{max} points",
        "seconds": "{seconds:.0f} s",
        "no_answers": "No answers were given in this round.",
        "confirm_round": "Delete round {id} ({date}, {pack}, {score})? This cannot be undone.",
        "confirm_all": "Delete all {n} rounds of {player}? This cannot be undone.",
        "export_first": "Export JSON first",
        "delete": "Delete",
        "cancel": "Cancel",
        "exported": "History exported to {path}",
        "export_failed": "Could not export the history to {path}: {error}",
        "deleted_round": "Round {id} deleted.",
        "deleted_all": "{n} rounds deleted.",
        "failed": "History: {error}",
        "mode_quick": "Quick",
        "mode_order": "Order",
        "mode_match": "Match",
        "mode_estimate": "Estimate",
        "mode_choice": "Choice",
        "mode_daily": "Daily",
        "mode_review": "Review",
        "mode_text": "Text",
    },
    "zh-Hant": {
        "title": "成績紀錄 · {player}",
        "off": "成績紀錄已關閉，沒有可以顯示的內容。",
        "empty": "這裡還沒有任何一輪：從首頁開始玩一輪吧。",
        "loading": "讀取中…",
        "all_packs": "全部題庫",
        "filter_pack": "題庫",
        "filter_mode": "模式",
        "filter_period": "期間",
        "key_filter": "篩選",
        "filter_label": "{name}：{value} ▾",
        "all_modes": "全部模式",
        "period_0": "全部時間",
        "period_7": "最近 7 天",
        "period_30": "最近 30 天",
        "period_365": "最近一年",
        "tab_rounds": "回合",
        "tab_summary": "總覽",
        "tab_missed": "常錯的事實",
        "col_date": "日期",
        "col_pack": "題庫",
        "col_mode": "模式",
        "col_score": "得分",
        "col_duration": "用時",
        "col_finished": "完成",
        "enter_hint": "Enter：看這一輪的作答",
        "rounds_n": "{n} 輪",
        "strip": "{rounds} · 平均 {average} · 最佳 {best} · 最近 10 輪 {last}"
        " · 連續 {current}（最長 {longest}）",
        "showing": "{shown}/{total} 輪 · 排序：{order}",
        "rounds_played": "完成的回合",
        "started": "開始的回合",
        "answers": "作答題數",
        "average": "平均",
        "best": "最佳",
        "last_average": "最近 10 輪平均",
        "current_streak": "目前連續",
        "longest_streak": "最長連續",
        "days": "{n} 天",
        "recent": "近期得分（由舊到新）",
        "kinds": "各題型得分率",
        "kind_line": "{n} 題",
        "no_missed": "這裡還沒有答錯的事實。",
        "col_fact": "事實",
        "col_misses": "答錯次數",
        "col_last_missed": "最近答錯",
        "col_box": "學習盒",
        "key_back": "返回",
        "key_open": "詳情",
        "key_delete": "刪除",
        "key_delete_all": "全部刪除",
        "key_sort": "排序",
        "key_reverse": "反向",
        "key_export": "匯出",
        "key_close": "關閉",
        "detail_title": "第 {id} 輪 · {pack} · {mode}",
        "detail_info": "{start} · {state} · {score} · {time}",
        "finished": "已完成",
        "unfinished": "未完成",
        "your_answer": "你的答案",
        "correct": "正確答案",
        "skipped": "（略過）",
        "points": "{points}/{max} 分",
        "seconds": "{seconds:.0f} 秒",
        "no_answers": "這一輪沒有作答。",
        "confirm_round": "要刪除第 {id} 輪（{date}，{pack}，{score}）嗎？刪除後無法復原。",
        "confirm_all": "要刪除 {player} 的全部 {n} 輪嗎？刪除後無法復原。",
        "export_first": "先匯出 JSON",
        "delete": "刪除",
        "cancel": "取消",
        "exported": "成績紀錄已匯出到 {path}",
        "export_failed": "無法把成績紀錄匯出到 {path}：{error}",
        "deleted_round": "已刪除第 {id} 輪。",
        "deleted_all": "已刪除 {n} 輪。",
        "failed": "成績紀錄有問題：{error}",
        "mode_quick": "快速",
        "mode_order": "排序",
        "mode_match": "配對",
        "mode_estimate": "估算",
        "mode_choice": "選擇",
        "mode_daily": "每日",
        "mode_review": "複習",
        "mode_text": "填答",
    },
}


class Strings:
    """The screen's strings in one language (English for a language it does not have)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in STRINGS else "en"
        self.table = STRINGS[self.lang]

    def __call__(self, key: str, **values: Any) -> str:
        return self.table[key].format(**values)

    def count(self, key: str, n: int) -> str:
        """A string with a number in it, in its singular form when there is one (English)."""
        return self.table.get(f"{key}_one" if n == 1 else key, self.table[key]).format(n=n)

    def mode(self, mode: str) -> str:
        """A mode's or a question kind's name (its id when unknown)."""
        return self.table.get(f"mode_{mode}", mode)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def translate_bindings(node: Screen[Any], tr: Strings) -> None:
    """Footer descriptions in the screen's language: BINDINGS hold keys of STRINGS."""
    # Textual copies a class's merged BINDINGS into `_bindings` at __init__; replacing that map
    # is how the Footer gets translated descriptions without a Footer of our own.
    source = type(node)._merged_bindings
    if source is None:
        return
    translated = BindingsMap()
    for key, bindings in source.key_to_bindings.items():
        translated.key_to_bindings[key] = [
            replace(
                b,
                description=tr(b.description) if b.description in tr.table else b.description,
                group=None if b.group is None else Binding.Group(tr(b.group.description)),
            )
            for b in bindings
        ]
    node._bindings = translated


@dataclass(frozen=True)
class Filters:
    """What the screen shows: one pack, one mode and a period (None: all)."""

    pack: str | None = None
    mode: str | None = None
    days: int = 0
    order: str = "date"
    descending: bool = True

    def since(self, today: date) -> date | None:
        return today - timedelta(days=self.days - 1) if self.days else None


@dataclass(frozen=True)
class Loaded:
    """One load of the screen's data."""

    summary: stats.Summary
    rows: list[RoundRow]
    total: int  # rounds matching the filters
    player_total: int  # all the player's rounds (what "delete all" deletes)
    packs: list[str]  # pack ids in the player's history


class SummaryView(VerticalScroll):
    """The summary numbers, a sparkline of recent scores and accuracy per question kind."""

    def __init__(self, tr: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="summary-view")
        self.tr = tr

    def compose(self) -> ComposeResult:
        yield Static("", classes="numbers")
        yield Label(self.tr("recent"), classes="heading")
        yield Sparkline([])
        yield Label(self.tr("kinds"), classes="heading")
        yield Static("", classes="kinds")

    def show(self, s: stats.Summary) -> None:
        """Show these numbers."""
        tr = self.tr
        grid = Table.grid(padding=(0, 2))
        grid.add_column()
        grid.add_column(justify="right")
        grid.add_column()
        grid.add_column(justify="right")
        grid.add_row(tr("rounds_played"), str(s.rounds), tr("average"), _percent(s.average))
        grid.add_row(tr("started"), str(s.started), tr("best"), _percent(s.best))
        grid.add_row(tr("answers"), str(s.answers), tr("last_average"), _percent(s.last_average))
        grid.add_row(
            tr("current_streak"),
            tr("days", n=s.current_streak),
            tr("longest_streak"),
            tr("days", n=s.longest_streak),
        )
        self.query_one(".numbers", Static).update(grid)
        sparkline = self.query_one(Sparkline)
        sparkline.data = list(s.recent)
        # Two columns a round: a handful of rounds reads as bars, not as a few wide blocks.
        sparkline.styles.max_width = max(2 * len(s.recent), 2)
        kinds = Table.grid(padding=(0, 1))
        for justify in ("left", "left", "right", "left"):
            kinds.add_column(justify=justify)
        for k in s.kinds:
            share = (k.percent or 0) / 100
            bar = Text("█" * round(share * 20), style="green")
            bar.append("░" * (20 - round(share * 20)), style="dim")
            kinds.add_row(
                tr.mode(k.kind), bar, _percent(k.percent), tr.count("kind_line", k.answers)
            )
        self.query_one(".kinds", Static).update(kinds)


class HistoryScreen(Screen[None]):
    """A player's score history: rounds, summary, recent scores, weakest facts."""

    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("escape", "back", "key_back"),
        Binding("enter", "open_round", "key_open"),
        Binding("p", "choose('pack')", "filter_pack", group=Binding.Group("key_filter")),
        Binding("m", "choose('mode')", "filter_mode", group=Binding.Group("key_filter")),
        Binding("t", "choose('period')", "filter_period", group=Binding.Group("key_filter")),
        Binding("s", "sort", "key_sort", group=Binding.Group("key_sort")),
        Binding("r", "reverse", "key_reverse", group=Binding.Group("key_sort")),
        Binding("d", "delete_round", "key_delete", group=Binding.Group("key_delete")),
        Binding("D", "delete_all", "key_delete_all", group=Binding.Group("key_delete")),
        Binding("e", "export", "key_export"),
        Binding("1", "tab('rounds')", "tab_rounds", show=False),
        Binding("2", "tab('summary')", "tab_summary", show=False),
        Binding("3", "tab('missed')", "tab_missed", show=False),
    ]

    class DataLoaded(Message):
        def __init__(self, data: Loaded) -> None:
            super().__init__()
            self.data = data

    class Done(Message):
        """A delete or an export finished: what to tell the player, and whether to reload."""

        def __init__(self, text: str, *, reload: bool, error: bool = False) -> None:
            super().__init__()
            self.text, self.reload, self.error = text, reload, error

    class RoundFound(Message):
        def __init__(self, entry: dict[str, Any]) -> None:
            super().__init__()
            self.entry = entry

    def __init__(
        self,
        store: HistoryStore | None,
        player: str,
        packs: Sequence[str | Pack],
        *,
        lang: str = "en",
        now: Callable[[], datetime] | None = None,
    ) -> None:
        """`store` None: history is off. `packs`: ids, or loaded packs (their titles and fact
        names are shown then). `lang`: "en" or "zh-Hant". `now`: the clock (periods, streaks)."""
        super().__init__()
        self.store = store
        self.player = player
        self.tr = Strings(lang)
        self.now = now or (lambda: datetime.now().astimezone())
        self.pack_ids = [p if isinstance(p, str) else p.id for p in packs]
        self.pack_titles = {p.id: p.title for p in packs if not isinstance(p, str)}
        self.loaded_packs = [p for p in packs if not isinstance(p, str)]
        self.labels = fact_labels(p for p in packs if not isinstance(p, str))
        self.filters = Filters()
        self.rows: dict[int, RoundRow] = {}
        self.player_total = 0
        self.history_packs: list[str] = []
        self.data: Loaded | None = None
        self.filled = {"rounds"}  # panes that have their widgets
        translate_bindings(self, self.tr)

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        tr = self.tr
        yield Label(tr("title", player=self.player), id="history-title", markup=False)
        with Horizontal(id="filters"):
            for which in FILTERS:
                yield Button(self._filter_label(which), id=which, compact=True)
        yield Static(tr("loading") if self.store else tr("off"), id="strip", markup=False)
        with Horizontal(id="body"):
            with TabbedContent(id="tabs"):
                with TabPane(tr("tab_rounds"), id="rounds"):
                    yield DataTable(id="rounds-table", cursor_type="row", zebra_stripes=True)
                    yield Static("", id="empty", markup=False)
                # The other tabs and the side panel get their widgets when first shown: a
                # screen that opens faster (see benchmarks/history.py).
                yield TabPane(tr("tab_summary"), id="summary")
                yield TabPane(tr("tab_missed"), id="missed")
            # Beside the tabs on a wide terminal, in place of the Summary tab.
            yield Vertical(id="side-column")
        yield Footer()

    def filter_options(self, which: str) -> list[tuple[str, str | int | None]]:
        """The choices of one filter ("pack", "mode" or "period"), labelled."""
        tr = self.tr
        if which == "pack":
            ids = sorted(dict.fromkeys([*self.pack_ids, *self.history_packs]))
            return [(tr("all_packs"), None)] + [(self.pack_titles.get(i, i), i) for i in ids]
        if which == "mode":
            return [(tr("all_modes"), None)] + [(tr.mode(m), m) for m in MODES]
        return [(tr(f"period_{d}"), d) for d in PERIODS]

    def _filter_value(self, which: str) -> str | int | None:
        return {"pack": self.filters.pack, "mode": self.filters.mode}.get(which, self.filters.days)

    def _filter_label(self, which: str) -> Content:
        value = self._filter_value(which)
        label = next((text for text, v in self.filter_options(which) if v == value), str(value))
        # A pack title is data: shown as written, never as markup.
        return Content(self.tr("filter_label", name=self.tr(f"filter_{which}"), value=label))

    def set_filter(self, which: str, value: str | int | None) -> None:
        """Show only one pack, one mode (None: all) or the last `value` days (0: all time)."""
        text = None if value is None else str(value)
        if which == "period":
            filters = replace(self.filters, days=int(value or 0))
        elif which == "pack":
            filters = replace(self.filters, pack=text)
        else:
            filters = replace(self.filters, mode=text)
        if filters != self.filters:
            self.filters = filters
            self.query_one(f"#{which}", Button).label = self._filter_label(which)
            self.reload()

    def action_choose(self, which: str) -> None:
        """Open the chooser of one filter."""

        def chosen(value: object) -> None:
            if value is not NOTHING:
                self.set_filter(which, value)  # type: ignore[arg-type]

        title = self.tr(f"filter_{which}")
        options = self.filter_options(which)
        self.app.push_screen(Choose(title, options, self._filter_value(which), self.tr), chosen)

    @on(Button.Pressed, "#filters Button")
    def filter_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(str(event.button.id))

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
            table: DataTable[Any] = DataTable(
                id="missed-table", cursor_type="row", zebra_stripes=True
            )
            for column in ("fact", "pack", "misses", "last_missed", "box"):
                table.add_column(self.tr(f"col_{column}"), key=column)
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
            table.add_column(tr(f"col_{column}"), key=column)
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
            self.post_message(self.Done(self.tr("failed", error=error), reload=False, error=True))
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
                "strip",
                rounds=tr.count("rounds_n", s.rounds),
                average=_percent(s.average),
                best=_percent(s.best),
                last=_percent(s.last_average),
                current=tr("days", n=s.current_streak),
                longest=tr("days", n=s.longest_streak),
            )
        )

    def _show_rounds(self, data: Loaded) -> None:
        tr = self.tr
        table = self.query_one("#rounds-table", DataTable)
        selected = self._cursor_round()
        table.clear()
        cells = [
            (
                row.started_at.strftime("%Y-%m-%d %H:%M"),
                self.pack_titles.get(row.pack, row.pack),
                tr.mode(row.mode),
                _percent(row.percent),
                export.duration_text(row.seconds),
                "✓" if row.finished else f"{row.answered}/{row.questions}",
            )
            for row in data.rows
        ]
        # Numbers line up on the right; DataTable leaves justification to us.
        widths = {
            i: max(width(tr(f"col_{COLUMNS[i]}")), *(width(c[i]) for c in cells))
            for i in (3, 4)
            if cells
        }
        for row, cell in zip(data.rows, cells, strict=True):
            table.add_row(
                *(
                    Text(pad(text, widths[i], right=True) if i in widths else text)
                    for i, text in enumerate(cell)
                ),
                key=str(row.id),
            )
        if selected is not None and selected in self.rows:
            table.move_cursor(row=table.get_row_index(str(selected)))
        order = tr(f"col_{self.filters.order}") + (" ↓" if self.filters.descending else " ↑")
        table.border_title = tr("showing", shown=len(data.rows), total=data.total, order=order)
        table.border_subtitle = tr("enter_hint") if data.rows else None
        empty = self.query_one("#empty", Static)
        empty.update("" if data.rows else tr("empty"))
        empty.display = not data.rows
        table.display = bool(data.rows)

    def _show_summary(self, summary: stats.Summary) -> None:
        for view in self.query(SummaryView):
            view.show(summary)

    def _show_missed(self, missed: Sequence[stats.MissedFact]) -> None:
        found = self.query("#missed-table").results(DataTable)
        table = next(found, None)
        if table is None:
            return
        table.clear()
        for m in missed:
            table.add_row(
                Text(self.labels.get((m.pack, m.fact), m.fact)),
                Text(self.pack_titles.get(m.pack, m.pack)),
                Text(pad(str(m.misses), width(self.tr("col_misses")), right=True)),
                m.last_missed.strftime("%Y-%m-%d") if m.last_missed else "",
                Text(pad(str(m.box), width(self.tr("col_box")), right=True)),
            )
        table.border_title = None if missed else self.tr("no_missed")

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

    def _cursor_round(self) -> int | None:
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
        round_id = self._cursor_round()
        if self.store is not None and round_id is not None:
            self.find_round(self.store, round_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="history-round")
    def find_round(self, store: HistoryStore, round_id: int) -> None:
        try:
            entry = store.round(round_id)
        except Exception as error:  # as in load()
            self.post_message(self.Done(self.tr("failed", error=error), reload=False, error=True))
            return
        if entry is not None:
            self.post_message(self.RoundFound(entry))

    @on(RoundFound)
    def show_round(self, message: RoundFound) -> None:
        self.app.push_screen(
            RoundDetail(message.entry, self.tr, self.labels, self.pack_titles, self.loaded_packs)
        )

    # -- deleting and exporting ----------------------------------------------------------------

    def action_delete_round(self) -> None:
        round_id = self._cursor_round()
        if self.store is None or round_id is None:
            return
        row = self.rows[round_id]
        question = self.tr(
            "confirm_round",
            id=round_id,
            date=row.started_at.strftime("%Y-%m-%d %H:%M"),
            pack=self.pack_titles.get(row.pack, row.pack),
            score=_percent(row.percent),
        )
        store = self.store

        def answered(choice: str | None) -> None:
            if choice == "delete":
                self.delete(store, round_id)

        self.app.push_screen(
            ConfirmDelete(question, self.tr, lambda: self.export(store, round_id)), answered
        )

    def action_delete_all(self) -> None:
        if self.store is None or not self.player_total:
            return
        store = self.store

        def answered(choice: str | None) -> None:
            if choice == "delete":
                self.delete(store, None)

        question = self.tr("confirm_all", n=self.player_total, player=self.player)
        self.app.push_screen(
            ConfirmDelete(question, self.tr, lambda: self.export(store, None)), answered
        )

    def action_export(self) -> None:
        if self.store is not None:
            self.export(self.store, None)

    @work(thread=True, exit_on_error=False, group="history-write")
    def delete(self, store: HistoryStore, round_id: int | None) -> None:
        """Delete one round (or all the player's rounds when None), then reload."""
        try:
            if round_id is None:
                text = self.tr("deleted_all", n=store.delete_all(self.player))
            else:
                store.delete_round(round_id)
                text = self.tr("deleted_round", id=round_id)
        except Exception as error:  # a HistoryError, or the file gone bad meanwhile
            self.post_message(self.Done(self.tr("failed", error=error), reload=True, error=True))
        else:
            self.post_message(self.Done(text, reload=True))

    @work(thread=True, exit_on_error=False, group="history-write")
    def export(self, store: HistoryStore, round_id: int | None) -> None:
        """Write the player's rounds (or one round) as `history --json` into the data folder."""
        path: Path = export_path(store.path.parent, self.player, datetime.now())
        try:
            # Whole or not at all: a full disk leaves no half export behind.
            with atomic_open(path) as raw:
                out = io.TextIOWrapper(raw, encoding="utf-8")
                if round_id is None:  # streamed: a long history is never held whole
                    rows = stream.answer_rows(store, export.JSON_SELECT, player=self.player)
                    export.write_json(rows, out)
                else:
                    rounds = [r for r in [store.round(round_id)] if r is not None]
                    out.write(export.to_json(rounds) + "\n")
                out.flush()
                out.detach()  # the raw file is synced and renamed by atomic_open
        except Exception as error:  # OSError, or a damaged history
            text = self.tr("export_failed", path=path, error=error)
            self.post_message(self.Done(text, reload=False, error=True))
        else:
            self.post_message(self.Done(self.tr("exported", path=path), reload=False))

    @on(Done)
    def write_done(self, message: Done) -> None:
        self.app.notify(
            message.text, severity="error" if message.error else "information", timeout=8
        )
        if message.reload:
            self.reload()


class RoundDetail(ModalScreen[None]):
    """Every answer of one round."""

    CSS_PATH = "history.tcss"
    BINDINGS = [Binding("escape", "close", "key_close")]

    def __init__(
        self,
        entry: dict[str, Any],
        tr: Strings,
        labels: dict[tuple[str, str], str],
        pack_titles: dict[str, str],
        packs: Sequence[Pack] = (),
    ) -> None:
        super().__init__()
        self.entry, self.tr, self.labels, self.pack_titles = entry, tr, labels, pack_titles
        # The round made again, when it can be, so answers read as the texts that were shown.
        self.questions = round_questions(entry, packs)
        translate_bindings(self, tr)

    def compose(self) -> ComposeResult:
        e, tr = self.entry, self.tr
        with Vertical(id="detail"):
            yield Label(
                tr(
                    "detail_title",
                    id=e["id"],
                    pack=self.pack_titles.get(e["pack"], e["pack"]),
                    mode=tr.mode(e["mode"]),
                ),
                id="detail-title",
                markup=False,
            )
            percent = export.percent_text(e["score"], e["max_score"])
            info = tr(
                "detail_info",
                start=e["started_at"][:16].replace("T", " "),
                state=tr("finished" if e["finished"] else "unfinished"),
                score=f"{e['score']}/{e['max_score']} ({percent})",
                time=export.duration_text(export.round_seconds(e)),
            )
            yield Label(info, id="detail-info", markup=False)
            with VerticalScroll(id="answers"):
                if not e["answers"]:
                    yield Static(tr("no_answers"), markup=False)
                for a in e["answers"]:
                    yield Static(self._answer(a), classes="answer")
            yield Button(tr("key_close"), id="close")

    def _answer(self, a: dict[str, Any]) -> Text:
        tr = self.tr
        full = a["points"] >= a["max_points"]
        text = Text()
        text.append(f"{a['position']}. ", style="bold")
        text.append(f"{tr.mode(a['kind'])} · ")
        text.append(
            tr("points", points=a["points"], max=a["max_points"]),
            style="green" if full else "yellow" if a["points"] else "red",
        )
        text.append(" · " + tr("seconds", seconds=a["seconds"]) + "\n")
        text.append(a["prompt"] + "\n")
        question = self.questions.get(a["question_id"])
        yours = tr("skipped") if a["skipped"] else readable(question, a["response"])
        text.append(f"{tr('your_answer')}: ", style="dim")
        text.append(yours + "\n")
        text.append(f"{tr('correct')}: ", style="dim")
        text.append(readable(question, a["answer"]))
        return text

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)


class ConfirmDelete(ModalScreen[str | None]):
    """Are you sure? With a way to export first. Dismisses with "delete" or None."""

    CSS_PATH = "history.tcss"
    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(self, question: str, tr: Strings, export_first: Callable[[], object]) -> None:
        super().__init__()
        self.question, self.tr, self.export_first = question, tr, export_first
        translate_bindings(self, tr)

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.tr("export_first"), id="export")
                yield Button(self.tr("delete"), id="delete", variant="error")
                yield Button(self.tr("cancel"), id="cancel", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    @on(Button.Pressed, "#export")
    def export_pressed(self) -> None:
        self.export_first()
        self.query_one("#export", Button).disabled = True
        self.query_one("#delete", Button).focus()

    @on(Button.Pressed, "#delete")
    def delete_pressed(self) -> None:
        self.dismiss("delete")

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class Choose(ModalScreen[object]):
    """Pick one value of a filter from a short list; dismisses with NOTHING when closed."""

    CSS_PATH = "history.tcss"
    BINDINGS = [Binding("escape", "cancel", "cancel")]

    def __init__(
        self,
        title: str,
        options: list[tuple[str, str | int | None]],
        current: str | int | None,
        tr: Strings,
    ) -> None:
        super().__init__()
        self.title_text, self.options, self.current = title, options, current
        translate_bindings(self, tr)

    def compose(self) -> ComposeResult:
        with Vertical(id="choose"):
            yield Label(self.title_text, id="choose-title", markup=False)
            yield OptionList(*(Option(Text(label)) for label, _ in self.options))

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        values = [value for _, value in self.options]
        choices.highlighted = values.index(self.current) if self.current in values else 0
        choices.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.options[event.option_index][1])

    def action_cancel(self) -> None:
        self.dismiss(NOTHING)
