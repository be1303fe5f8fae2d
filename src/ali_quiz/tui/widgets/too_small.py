"""The polite message a screen shows instead of its layout when the terminal is too small."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
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


class FocusKeeper:
    """Gives the focus back after the screen was too small.

    Below the minimum size every widget but TooSmall is hidden, and Textual moves the focus
    off a hidden widget (to nothing, as none is left): back at a usable size no key would
    reach the answer box or the list. The screen remembers what had the focus and focuses
    it again once the layout is back.
    """

    def __init__(self, screen: Screen[Any]) -> None:
        self.screen = screen
        self.widget: Widget | None = None
        self.was_small = False

    def resized(self, size: Size) -> None:
        if size.width < MIN_WIDTH or size.height < MIN_HEIGHT:
            if not self.was_small and self.screen.focused is not None:
                self.widget = self.screen.focused
                self.was_small = True
            return
        if self.was_small:
            # Only on the way back from too small: at start the screen focuses on its own.
            self.was_small = False
            self.screen.call_after_refresh(self.restore)

    def restore(self) -> None:
        screen = self.screen
        widget, self.widget = self.widget, None
        if screen.focused is not None or not screen.is_current:
            return
        if widget is not None and widget.is_attached and widget.focusable:
            widget.focus()
