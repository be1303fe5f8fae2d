"""Timeline: a pack's facts to study before playing, each with its source sentence.

Events and dated versions along one timeline, the figures in a table (as written and as plain
numbers), the versions, and the sequences; the highlighted row's source sentence shows below.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static, TabbedContent, TabPane

from ali_quiz.i18n import Translator
from ali_quiz.numberformat import format_plain
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.phrasing import spaced_before_chinese, version_title
from ali_quiz.safety.text import visible
from ali_quiz.textwidth import clip
from ali_quiz.tui.screens.base import QuizScreen, css_file
from ali_quiz.tui.widgets.literal import LiteralTable as DataTable

CELL = 46  # widest text cell; the whole text is in the detail below the table


@dataclass(frozen=True)
class Row:
    """One row of a table, and what the detail panel says about it."""

    cells: tuple[str, ...]
    detail: str


def source_lines(text: str, tr: Translator) -> str:
    return tr("timeline.source", source=text) if text else tr("timeline.no_source")


def timeline_rows(pack: Pack, tr: Translator) -> list[Row]:
    """Events and dated versions, earliest first (a partial date sorts by its first day)."""
    dated: list[tuple[tuple[object, ...], Row]] = []
    for event in pack.events:
        detail = "\n".join(
            part
            for part in (event.title, event.detail or "", source_lines(event.explanation(), tr))
            if part
        )
        key = (event.date.first_day(), event.date.last_day(), event.title)
        dated.append((key, Row((event.date.iso(), clip(event.title, CELL)), detail)))
    for version in pack.versions:
        if version.date is None:
            continue
        title = version_title(version, pack.language)
        if tr.language == "zh-Hant":  # 「釘釘 4.0 釋出」, as the questions word it
            title = spaced_before_chinese(title)
        title = tr("timeline.version_event", title=title)
        detail = "\n".join(
            part
            for part in (
                title,
                tr("timeline.highlights", items="、".join(version.highlights))
                if version.highlights
                else "",
                source_lines(version.explanation(), tr),
            )
            if part
        )
        key = (version.date.first_day(), version.date.last_day(), version.title)
        dated.append((key, Row((version.date.iso(), clip(title, CELL)), detail)))
    return [row for _, row in sorted(dated, key=lambda pair: pair[0])]


def figure_rows(pack: Pack, tr: Translator) -> list[Row]:
    rows = []
    for metric in pack.metrics:
        plain = format_plain(metric.value) + ("%" if metric.unit == "%" else "")
        as_of = metric.as_of.iso() if metric.as_of is not None else ""
        rows.append(
            Row(
                (clip(metric.label, 34), metric.written, plain, metric.unit, as_of),
                f"{metric.label}\n{metric.written} = {plain} {metric.unit}\n"
                + source_lines(metric.explanation(), tr),
            )
        )
    return rows


def version_rows(pack: Pack, tr: Translator) -> list[Row]:
    rows = []
    for version in pack.versions:
        date = version.date.iso() if version.date is not None else tr("timeline.undated")
        highlights = (
            tr("timeline.highlights", items="、".join(version.highlights))
            if version.highlights
            else ""
        )
        rows.append(
            Row(
                (version.product, version.version, date, version.codename or ""),
                "\n".join(
                    part
                    for part in (
                        version_title(version, pack.language),
                        highlights,
                        source_lines(version.explanation(), tr),
                    )
                    if part
                ),
            )
        )
    return rows


def sequence_rows(pack: Pack, tr: Translator) -> list[Row]:
    rows = []
    for sequence in pack.sequences:
        for item in sorted(sequence.items, key=lambda i: i.rank):
            rows.append(
                Row(
                    (clip(sequence.title, 30), str(item.rank), item.text),
                    f"{sequence.title}: {item.rank}. {item.text}\n"
                    + source_lines(sequence.item_explanation(item), tr),
                )
            )
    return rows


class TimelineScreen(QuizScreen[None]):
    """Study the pack in play."""

    CSS_PATH = css_file("timeline.tcss")

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back"),
        Binding("1", "show_tab('timeline')", "timeline.tab.timeline"),
        Binding("2", "show_tab('figures')", "timeline.tab.figures"),
        Binding("3", "show_tab('versions')", "timeline.tab.versions"),
        Binding("4", "show_tab('sequences')", "timeline.tab.sequences"),
    ]

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.tables: dict[str, list[Row]] = {}

    def compose_screen(self) -> ComposeResult:
        tr = self.tr
        self.tables = {
            "timeline": timeline_rows(self.pack, tr),
            "figures": figure_rows(self.pack, tr),
            "versions": version_rows(self.pack, tr),
            "sequences": sequence_rows(self.pack, tr),
        }
        columns = {
            "timeline": (tr("timeline.col.date"), tr("timeline.col.what")),
            "figures": (
                tr("timeline.col.figure"),
                tr("timeline.col.written"),
                tr("timeline.col.plain"),
                tr("timeline.col.unit"),
                tr("timeline.col.as_of"),
            ),
            "versions": (
                tr("timeline.col.product"),
                tr("timeline.col.version"),
                tr("timeline.col.date"),
                tr("timeline.col.codename"),
            ),
            "sequences": (tr("timeline.tab.sequences"), "#", tr("timeline.col.what")),
        }
        yield Static(
            f"{tr('timeline.title')} · {visible(self.pack.title)}",
            id="timeline-title",
            markup=False,
        )
        with TabbedContent(id="timeline-tabs"):
            for name, rows in self.tables.items():
                with TabPane(tr(f"timeline.tab.{name}"), id=f"tab-{name}"):
                    table: DataTable[str] = DataTable(
                        id=f"table-{name}", cursor_type="row", zebra_stripes=True
                    )
                    for column in columns[name]:
                        table.add_column(column)
                    for row in rows:
                        table.add_row(*row.cells)
                    yield table
        yield Static(id="timeline-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.show_detail("timeline", 0)
        self.query_one("#table-timeline").focus()

    def show_detail(self, name: str, index: int) -> None:
        rows = self.tables.get(name, [])
        text = rows[index].detail if 0 <= index < len(rows) else self.tr("timeline.empty")
        self.query_one("#timeline-detail", Static).update(text)

    @on(DataTable.RowHighlighted)
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        name = (event.data_table.id or "").removeprefix("table-")
        self.show_detail(name, event.cursor_row)

    @on(TabbedContent.TabActivated)
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        name = (event.pane.id or "").removeprefix("tab-")
        table = self.query_one(f"#table-{name}", DataTable)
        table.focus()
        self.show_detail(name, table.cursor_row)

    def action_show_tab(self, name: str) -> None:
        """Switch to one of the tabs."""
        self.query_one(TabbedContent).active = f"tab-{name}"
