"""The polite message a screen shows instead of its layout when the terminal is too small."""

from __future__ import annotations

from textual import events
from textual.widgets import Static

from ali_quiz.tui.texts import translator_of

# The app's breakpoints (tui/app.py) use these: below them a screen shows only this message.
MIN_WIDTH, MIN_HEIGHT = 60, 18


class TooSmall(Static):
    """Hidden unless the screen carries a too-narrow or too-short breakpoint class."""

    DEFAULT_CSS = """
    TooSmall {
        display: none;
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-align: center;
        padding: 1 2;
    }
    """

    def __init__(self) -> None:
        super().__init__("", classes="too-small", markup=False)

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        self.update(
            translator_of(self)(
                "app.too_small",
                width=MIN_WIDTH,
                height=MIN_HEIGHT,
                now_width=width,
                now_height=height,
            )
        )
