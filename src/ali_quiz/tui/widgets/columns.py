"""Table columns that fit: every column of figures shows whole, one text column gives way.

A DataTable sizes each column to its widest cell and scrolls sideways when they do not fit, so
at 120 columns the history's last column showed `0/1` for `0/10` behind the summary panel. The
screens clip their one free-text column (a pack title, a fact's name) to the room the other
columns leave, with an ellipsis, and fill the table again when its width changes (a
`FittedTable` says so).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Self

from textual import events
from textual.message import Message
from textual.widgets import DataTable

from ali_quiz.textwidth import clip, width

#: The narrowest a clipped text column gets; below it the table scrolls sideways instead.
MIN_TEXT_COLUMN = 8


def table_room(table: DataTable[Any], rows: int) -> int | None:
    """Columns a table's cells can use: its width less a scrollbar when its rows need one.

    None while the table has no size yet (not laid out, or hidden).
    """
    region = table.content_region
    if region.width <= 0:
        return None
    scrollbar = table.styles.scrollbar_size_vertical if rows + 1 > region.height else 0
    return region.width - scrollbar


def text_room(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    text_column: int,
    room: int,
    *,
    cell_padding: int = 1,
) -> int:
    """The columns `room` leaves the text column once every other column shows whole."""
    others = sum(
        max(width(header), *(width(row[i]) for row in rows))
        for i, header in enumerate(headers)
        if i != text_column
    )
    return room - others - 2 * cell_padding * len(headers)


def fits(
    headers: Sequence[str], rows: Sequence[Sequence[str]], text_column: int, room: int | None
) -> bool:
    """Whether the columns fit in `room` with the text column clipped to its narrowest."""
    if room is None or not rows:
        return True
    return text_room(headers, rows, text_column, room) >= MIN_TEXT_COLUMN


def fit_text_column(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    text_column: int,
    room: int | None,
    *,
    cell_padding: int = 1,
) -> list[list[str]]:
    """The rows with column `text_column` clipped so that every other column fits in `room`."""
    if room is None or not rows:
        return [list(row) for row in rows]
    free = text_room(headers, rows, text_column, room, cell_padding=cell_padding)
    limit = max(MIN_TEXT_COLUMN, free)
    return [
        [clip(cell, limit) if i == text_column else cell for i, cell in enumerate(row)]
        for row in rows
    ]


class FittedTable(DataTable[Any]):
    """A DataTable that posts `WidthChanged` when its width changes, to be filled again."""

    class WidthChanged(Message):
        """The table's width changed: its text column may be clipped differently now."""

        def __init__(self, table: FittedTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> FittedTable:
            return self.table

    fitted_width = 0

    def clear(self, columns: bool = False) -> Self:
        """Clear the rows, and the widths the columns took from them (DataTable keeps those)."""
        super().clear(columns)
        for column in self.columns.values():
            column.content_width = width(column.label.plain)
        return self

    def fit_columns(self, rows: Sequence[Sequence[object]]) -> None:
        """Each column as wide as its label and the cells just added, at once.

        DataTable measures added rows when it is next idle; a table cleared and filled again
        before that (a refit as its width settles, on a loaded machine) kept the widths its
        `clear` left, its labels', and cut every cell to them (`di` for `dingtalk-2020`).
        """
        for index, column in enumerate(self.ordered_columns):
            cells = [row[index] for row in rows if index < len(row)]
            column.content_width = max(
                [width(column.label.plain), *(width(getattr(c, "plain", str(c))) for c in cells)]
            )
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self.fitted_width:
            self.fitted_width = event.size.width
            self.post_message(self.WidthChanged(self))
