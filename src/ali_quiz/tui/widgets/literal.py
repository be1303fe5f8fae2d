"""Text from data shown as written: never read as Textual or Rich markup.

A pack title of `[/]` would crash a DataTable (its string cells are parsed as markup) and
`[@click=app.quit]x[/]` would become a clickable action. Screens build data text as Text or
Content; `LiteralTable` does it for every string cell, so no table can forget. And whatever
a screen shows, `NoControlCharacters` removes control characters from every line drawn, so an
escape sequence in a pack never reaches the terminal (it would clear the screen, or write the
clipboard with OSC 52).
"""

from __future__ import annotations

from typing import Any, TypeVar

from rich.segment import Segment
from rich.text import Text
from textual.color import Color
from textual.filter import LineFilter
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from ali_quiz.safety.text import visible, without_controls


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


class NoControlCharacters(LineFilter):
    """Every line the app draws, without control characters (the last guard, for all widgets).

    Textual measures a control character as taking no cell, so removing it changes no layout.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(without_controls(segment.text), segment.style, segment.control)
            if not segment.control and not segment.text.isprintable()
            else segment
            for segment in segments
        ]
