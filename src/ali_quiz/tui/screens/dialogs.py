"""Small dialogs: a yes/no question, a round code to play, a pack file to open."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from ali_quiz.tui.screens.base import QuizModal


class ConfirmScreen(QuizModal[bool]):
    """A question that needs an answer: y/enter for yes, n/escape for no."""

    BINDINGS = [
        Binding("y", "answer(True)", "confirm.yes", show=False),
        Binding("n,escape", "answer(False)", "confirm.no", show=False),
    ]

    def __init__(self, title: str, body: str, *, yes: str, no: str) -> None:
        super().__init__()
        self.title_text = title
        self.body_text = body
        self.yes_text = yes
        self.no_text = no

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body_text, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes_text, id="yes", variant="error")
                yield Button(self.no_text, id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class CodeScreen(QuizModal[str | None]):
    """Type a round code; it is checked before the dialog closes."""

    BINDINGS = [Binding("escape", "cancel", "packs.cancel")]

    def compose_dialog(self) -> ComposeResult:
        tr = self.tr
        with Vertical(classes="dialog"):
            yield Static(tr("code.title"), classes="dialog-title", markup=False)
            yield Static(tr("code.help"), classes="dialog-body", markup=False)
            yield Input(placeholder=tr("code.placeholder"), id="code-input")
            yield Static("", id="code-error", classes="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("code.play"), id="play", variant="primary")
                yield Button(tr("packs.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def check(self) -> None:
        from ali_quiz.quiz.codes import CodeError, decode_round_code

        text = self.query_one(Input).value
        try:
            decode_round_code(text)
        except CodeError as error:
            self.query_one("#code-error", Static).update(self.tr("code.error", reason=error))
            return
        self.dismiss(text)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.check()

    @on(Button.Pressed, "#play")
    def play_pressed(self) -> None:
        self.check()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class OpenPackScreen(QuizModal[Path | None]):
    """Type the path of a pack file to open."""

    BINDINGS = [Binding("escape", "cancel", "packs.cancel")]

    def compose_dialog(self) -> ComposeResult:
        tr = self.tr
        with Vertical(classes="dialog"):
            yield Static(tr("packs.open_title"), classes="dialog-title", markup=False)
            yield Input(placeholder=tr("packs.open_placeholder"), id="path-input")
            yield Static("", id="path-error", classes="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("packs.open_button"), id="open", variant="primary")
                yield Button(tr("packs.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def check(self) -> None:
        text = self.query_one(Input).value.strip()
        if not text:
            return
        path = Path(text).expanduser()
        if not path.is_file():
            self.query_one("#path-error", Static).update(self.tr("packs.open_missing", path=path))
            return
        self.dismiss(path)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.check()

    @on(Button.Pressed, "#open")
    def open_pressed(self) -> None:
        self.check()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
