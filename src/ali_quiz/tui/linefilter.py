"""The last guard of every line drawn: no control character of data reaches the terminal.

Its own module (not beside `LiteralTable` in widgets/literal.py) because every app installs it
before its first frame, while DataTable, which that module needs, is loaded only by the screens
that show a table.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from ali_quiz.safety.text import without_controls


class NoControlCharacters(LineFilter):
    """Every line the app draws, without control characters (the last guard, for all widgets).

    An escape sequence in a pack would clear the screen or write the clipboard (OSC 52).
    Textual measures a control character as taking no cell, so removing it changes no layout.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(without_controls(segment.text), segment.style, segment.control)
            if not segment.control and not segment.text.isprintable()
            else segment
            for segment in segments
        ]
