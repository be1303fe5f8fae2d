"""The play screen's top line: the mode and pack, the strip of marks, the progress and score.

One widget that draws its parts itself. An answer changes the strip and the score, and the
line stays one line as wide as the screen: so it is drawn again on its own, without a layout
of the screen (as three Statics in a row, each answer laid the row out again, and drew all
three).

What a narrow line keeps, most needed first: the progress and score, the streak, the title
(whole when it fits, else cut with …), and the strip in what room is left.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.widget import Widget

from ali_quiz.quiz.rounds import Outcome
from ali_quiz.tui.widgets.strip import strip_content

#: The fewest cells worth drawing a strip in (fewer would lump many questions into each).
MIN_STRIP = 5
#: The room the title keeps before the streak gives way (the mode and a few of the pack's letters).
MIN_TITLE = 12


@dataclass(frozen=True, slots=True)
class Marks:
    """What the strip shows: the answers so far in a round of `total` questions."""

    outcomes: tuple[Outcome, ...]
    total: int
    #: The next question is on screen (not the feedback of the last one): marked current.
    asking: bool = True


@dataclass(frozen=True, slots=True)
class Layout:
    """The line's parts as drawn at one width."""

    title: Content
    strip: Content
    right: Content


class StatusLine(Widget):
    """`Choice · 釘釘的崛起        ✓✗▸··  Question 3/5  Score 100/200  2 in a row`.

    Hovering the strip shows `strip_tooltip`.
    """

    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.title = Content("")
        self.marks = Marks((), 0)
        self.progress = Content("")
        self.streak = Content("")
        #: What the strip's marks mean, shown while the pointer is over them.
        self.strip_tooltip: str | None = None

    def show(
        self,
        *,
        title: Content | None = None,
        marks: Marks | None = None,
        progress: Content | None = None,
        streak: Content | None = None,
    ) -> None:
        """Change some of the parts; the line is drawn again (it never changes size)."""
        if title is not None:
            self.title = title
        if marks is not None:
            self.marks = marks
        if progress is not None:
            self.progress = progress
        if streak is not None:
            self.streak = streak
        self.refresh()

    def fit(self, width: int) -> Layout:
        """The parts that fit in `width` cells, most needed first."""
        right = self.progress + self.streak
        if right.cell_length + MIN_TITLE > width:
            right = self.progress
        room = max(width - right.cell_length, 0)
        title = self.title
        marks = self.marks
        # As many cells as the round has questions, up to a quarter of the line.
        wanted = min(marks.total, max(10, width // 4))
        least = min(marks.total, MIN_STRIP)
        cells = min(wanted, room - title.cell_length - 1)
        if marks.total and cells >= least:
            strip = strip_content(marks.outcomes, marks.total, cells, asking=marks.asking)
            title = title.truncate(room - strip.cell_length - 1, pad=True) + " "
        else:
            strip = Content("")
            title = title.truncate(room, ellipsis=True, pad=True)
        return Layout(title, strip, right)

    @property
    def strip(self) -> Content:
        """The strip as drawn at the line's present width."""
        return self.fit(self.content_region.width).strip

    def render(self) -> Content:
        width = self.content_region.width
        shown = self.fit(width)
        return (shown.title + shown.strip + shown.right).truncate(width)

    def strip_span(self) -> tuple[int, int]:
        """The columns of the strip's marks, from the left edge of the content."""
        shown = self.fit(self.content_region.width)
        end = self.content_region.width - shown.right.cell_length
        return end - shown.strip.cell_length, end

    def on_mouse_move(self, event: events.MouseMove) -> None:
        start, end = self.strip_span()
        column = event.x - self.styles.padding.left
        self.tooltip = self.strip_tooltip if start < end and start <= column < end else None

    def on_leave(self) -> None:
        self.tooltip = None
