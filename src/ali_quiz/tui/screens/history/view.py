"""The history screen's pieces: what it shows (filters, one load of data) and its summary panel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Label, Sparkline, Static

from ali_quiz.history import export, stats
from ali_quiz.history.records import RoundRow
from ali_quiz.i18n import STRINGS, Translator
from ali_quiz.percents import percent_text
from ali_quiz.textwidth import clip, pad, width
from ali_quiz.tui.widgets.columns import fit_text_column, table_room

ROW_LIMIT = 250  # rows in the table; sorting reaches every round, a screenful is ~15
WIDE = 110  # columns from which the summary sits beside the table
PERIODS = (0, 7, 30, 365)  # days; 0 is all time
COLUMNS = ("date", "pack", "mode", "score", "duration", "finished")
FILTERS = ("pack", "mode", "period")
PACK_TITLE_MAX = 24  # columns of a pack title beside a missed fact's name


def counted(tr: Translator, key: str, n: int) -> str:
    """`history.<key>` with a number in it, in its singular form when there is one (English)."""
    singular = f"history.{key}_one"
    return tr(singular if n == 1 and singular in STRINGS else f"history.{key}", n=n)


def mode_name(tr: Translator, mode: str) -> str:
    """A mode's or a question kind's short name (its id when unknown)."""
    key = f"history.mode_{mode}"
    return tr(key) if key in STRINGS else mode


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

    def __init__(self, tr: Translator, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="summary-view")
        self.tr = tr

    def compose(self) -> ComposeResult:
        yield Static("", classes="numbers")
        yield Label(self.tr("history.recent"), classes="heading")
        yield Sparkline([])
        yield Label(self.tr("history.kinds"), classes="heading")
        yield Static("", classes="kinds")

    def show(self, s: stats.Summary) -> None:
        """Show these numbers."""
        tr = self.tr
        grid = Table.grid(padding=(0, 2))
        grid.add_column()
        grid.add_column(justify="right")
        grid.add_column()
        grid.add_column(justify="right")
        rows = [
            ("rounds_played", str(s.rounds), "average", percent_text(s.average)),
            ("started", str(s.started), "best", percent_text(s.best)),
            ("answers", str(s.answers), "last_average", percent_text(s.last_average)),
        ]
        for left, left_value, right, right_value in rows:
            grid.add_row(tr(f"history.{left}"), left_value, tr(f"history.{right}"), right_value)
        grid.add_row(
            tr("history.current_streak"),
            tr("history.days", n=s.current_streak),
            tr("history.longest_streak"),
            tr("history.days", n=s.longest_streak),
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
                mode_name(tr, k.kind),
                bar,
                percent_text(k.percent),
                counted(tr, "kind_line", k.answers),
            )
        self.query_one(".kinds", Static).update(kinds)


def score_cell(row: RoundRow) -> str:
    """A finished round's percentage; an unfinished one's points over the whole round (100/700
    for one right answer of seven), which never reads as a perfect score."""
    return percent_text(row.percent) if row.finished else f"{row.score}/{row.round_max}"


def round_cells(
    rows: Sequence[RoundRow], pack_titles: dict[str, str], tr: Translator, room: int | None = None
) -> list[list[Text]]:
    """The rounds table's cells, a list a row; the numbers line up on the right.

    `room`: the table's width; pack titles are clipped so that every other column shows whole.
    """
    cells = [
        [
            row.started_at.strftime("%Y-%m-%d %H:%M"),
            pack_titles.get(row.pack, row.pack),
            mode_name(tr, row.mode),
            score_cell(row),
            export.duration_text(row.seconds),
            "✓" if row.finished else f"{row.answered}/{row.questions}",
        ]
        for row in rows
    ]
    headers = [tr(f"history.col_{column}") for column in COLUMNS]
    cells = fit_text_column(headers, cells, COLUMNS.index("pack"), room)
    # DataTable leaves justification to us.
    widths = {i: max(width(headers[i]), *(width(c[i]) for c in cells)) for i in (3, 4) if cells}
    return [
        [
            Text(pad(text, widths[i], right=True) if i in widths else text)
            for i, text in enumerate(c)
        ]
        for c in cells
    ]


def fill_missed(
    table: DataTable[Any],
    missed: Sequence[stats.MissedFact],
    labels: dict[tuple[str, str], str],
    pack_titles: dict[str, str],
    tr: Translator,
) -> None:
    """The missed-facts table: each fact by name (clipped to the room the figures leave), its
    pack, misses, last miss and box."""
    table.clear()
    headers = [tr(f"history.col_{c}") for c in ("fact", "pack", "misses", "last_missed", "box")]
    rows = [
        [
            labels.get((m.pack, m.fact), m.fact),
            clip(pack_titles.get(m.pack, m.pack), PACK_TITLE_MAX),
            pad(f"{m.misses}/{m.seen}", width(headers[2]), right=True),
            m.last_missed.strftime("%Y-%m-%d") if m.last_missed else "",
            pad(str(m.box), width(headers[4]), right=True),
        ]
        for m in missed
    ]
    for row in fit_text_column(headers, rows, 0, table_room(table, len(rows))):
        table.add_row(*(Text(cell) for cell in row))
    table.border_title = None if missed else tr("history.no_missed")
