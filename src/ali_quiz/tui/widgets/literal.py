"""Text from data shown as written: never read as Textual or Rich markup.

A pack title of `[/]` would crash a DataTable (its string cells are parsed as markup) and
`[@click=app.quit]x[/]` would become a clickable action. Screens build data text as Text or
Content; `LiteralTable` does it for every string cell, so no table can forget. And whatever
a screen shows, `tui.linefilter.NoControlCharacters` removes control characters from every
line drawn, so an escape sequence in a pack never reaches the terminal.
"""

from __future__ import annotations

from typing import Any, TypeVar

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from ali_quiz.safety.text import visible


def literal(value: Any) -> Any:
    """A string as a Text shown exactly as written (control characters as `\\x1b`)."""
    return Text(visible(value), end="") if isinstance(value, str) else value


Cell = TypeVar("Cell")


class LiteralTable(DataTable[Cell]):
    """A DataTable whose string cells are shown literally, never parsed as markup."""

    def add_row(
        self,
        *cells: Any,
        height: int | None = 1,
        key: str | None = None,
        label: Any = None,
    ) -> RowKey:
        return super().add_row(
            *(literal(cell) for cell in cells), height=height, key=key, label=literal(label)
        )
