"""A part of a screen that scrolls when longer than its room (a question's passage or prompt)."""

from __future__ import annotations

from textual.containers import VerticalScroll


class Scrolling(VerticalScroll):
    """Scrolls when longer than its room, and is a tab stop only then: tab goes straight to
    what can scroll, or stays on the answer."""

    def allow_focus(self) -> bool:
        return self.max_scroll_y > 0
