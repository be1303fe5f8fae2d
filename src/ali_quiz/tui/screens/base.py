"""What every ali-quiz screen shares: its strings in the interface language, the too-small
message, and a fresh layout when the language changed while it was hidden."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.screen import ModalScreen, Screen

from ali_quiz.i18n import Translator
from ali_quiz.tui.state import QuizState
from ali_quiz.tui.texts import QUIT_BINDING, translate_bindings, translator_of
from ali_quiz.tui.widgets.too_small import FocusKeeper, TooSmall

ResultType = TypeVar("ResultType")
TUI_FOLDER = Path(__file__).resolve().parent.parent


def css_file(name: str) -> Path:
    """A screen's stylesheet; they sit beside app.tcss (tui/) so the wheel ships them all."""
    return TUI_FOLDER / name


class QuizScreen(Screen[ResultType]):
    """A full screen of the app. Subclasses write `compose_screen` instead of `compose`."""

    def __init__(self) -> None:
        super().__init__()
        self.shown_language = ""
        self.focus_keeper = FocusKeeper(self)

    @on(events.Resize)
    def keep_focus(self, event: events.Resize) -> None:
        self.focus_keeper.resized(event.size)

    @property
    def tr(self) -> Translator:
        return translator_of(self)

    @property
    def quiz(self) -> QuizState:
        """The app's state, to read and watch; changes are asked for with `tui.messages`."""
        app = self.app
        assert isinstance(app, QuizState)
        return app

    def compose(self) -> ComposeResult:
        self.shown_language = self.tr.language
        translate_bindings(self, self.tr)
        yield TooSmall()
        yield from self.compose_screen()

    def compose_screen(self) -> ComposeResult:
        yield from ()

    def refill(self) -> None:
        """Put the app's state into freshly composed widgets (after a language change)."""

    async def on_screen_resume(self) -> None:
        if self.shown_language and self.shown_language != self.tr.language:
            await self.recompose()
            self.refill()


class QuizModal(ModalScreen[ResultType]):
    """A dialog over the screen below it."""

    BINDINGS = [QUIT_BINDING]

    def __init__(self) -> None:
        super().__init__()
        self.focus_keeper = FocusKeeper(self)

    @on(events.Resize)
    def keep_focus(self, event: events.Resize) -> None:
        self.focus_keeper.resized(event.size)

    @property
    def tr(self) -> Translator:
        return translator_of(self)

    def compose(self) -> ComposeResult:
        translate_bindings(self, self.tr)
        yield TooSmall()
        yield from self.compose_dialog()

    def compose_dialog(self) -> ComposeResult:
        yield from ()
