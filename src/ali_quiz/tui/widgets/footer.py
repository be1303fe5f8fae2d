"""The Footer, recomposed once for a burst of binding changes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class QuizFooter(Footer):
    """Textual's Footer, recomposing once however many binding changes arrive before it does.

    Textual's Footer rebuilds all its keys on every bindings signal, and a screen that starts
    sends three (focus set, focus refreshed after the refresh, screen stack updated): on the
    home screen that was three rebuilds before the keys could be drawn, which delayed the
    first full frame. A rebuild reads the bindings as they are when it runs, so the changes
    that arrive while one is waiting need no rebuild of their own.
    """

    #: A rebuild is scheduled and has not started yet.
    recompose_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.recompose_pending:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            # Footer.bindings_changed schedules the rebuild under exactly these conditions.
            self.recompose_pending = True
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        self.recompose_pending = False
        await super().recompose()
