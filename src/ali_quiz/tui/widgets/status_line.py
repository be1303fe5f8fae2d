"""The play screen's top line: the mode and pack, the strip of marks, the progress and score.

One widget that draws its three parts itself. An answer changes the strip and the score, and
the line stays one line as wide as the screen: so it is drawn again on its own, without a
layout of the screen (as three Statics in a row, each answer laid the row out again, and
drew all three).
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget


class StatusLine(Widget):
    """`Choice · 釘釘的崛起        ✓✗▸··  Question 3/5  Score 100/200`.

    The title takes the room the strip and the progress leave, cut with … when it does not
    fit; the strip sits one space after it. Hovering the strip shows `strip_tooltip`.
    """

    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.title = Content("")
        self.strip = Content("")
        self.progress = Content("")
        #: What the strip's marks mean, shown while the pointer is over them.
        self.strip_tooltip: str | None = None

    def show(
        self,
        *,
        title: Content | None = None,
        strip: Content | None = None,
        progress: Content | None = None,
    ) -> None:
        """Change some of the parts; the line is drawn again (it never changes size)."""
        if title is not None:
            self.title = title
        if strip is not None:
            self.strip = strip
        if progress is not None:
            self.progress = progress
        self.refresh()

    def render(self) -> Content:
        width = self.content_region.width
        right = Content(" ") + self.strip + self.progress
        room = width - right.cell_length
        title = self.title.truncate(max(room, 0), ellipsis=True, pad=True)
        return (title + right).truncate(width)

    def strip_span(self) -> tuple[int, int]:
        """The columns of the strip's marks, from the left edge of the content."""
        end = self.content_region.width - self.progress.cell_length
        return end - self.strip.cell_length, end

    def on_mouse_move(self, event: events.MouseMove) -> None:
        start, end = self.strip_span()
        column = event.x - self.styles.padding.left
        self.tooltip = self.strip_tooltip if start <= column < end else None

    def on_leave(self) -> None:
        self.tooltip = None
