"""Small dialogs: a yes/no question, a choice from a short list, a round code to play, a pack
file to open. Every screen uses these (their look is app.tcss's `.dialog` classes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from ali_quiz.tui.screens.base import QuizModal

T = TypeVar("T")


class ConfirmScreen(QuizModal[bool]):
    """A question that needs an answer: y/enter for yes, n/escape for no.

    `first` adds a button that does something before answering (export before deleting, say):
    it runs `on_first`, then is disabled and the yes button takes the focus.
    """

    BINDINGS = [
        Binding("y", "answer(True)", "confirm.yes", show=False),
        Binding("n,escape", "answer(False)", "confirm.no", show=False),
        # Arrows move between the buttons, as tab does.
        Binding("left", "app.focus_previous", "key.left", show=False),
        Binding("right", "app.focus_next", "key.right", show=False),
    ]

    def __init__(
        self,
        title: str,
        body: str,
        *,
        yes: str,
        no: str,
        first: str | None = None,
        on_first: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.body_text = body
        self.yes_text = yes
        self.no_text = no
        self.first_text = first
        self.on_first = on_first

    def say(self, body: str) -> None:
        """Say this instead (on screen, or once composed if it is not yet)."""
        self.body_text = body
        for static in self.query(".dialog-body").results(Static):
            static.update(body)

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body_text, classes="dialog-body", markup=False)
            with Horizontal(classes="dialog-buttons"):
                if self.first_text is not None:
                    yield Button(self.first_text, id="first")
                yield Button(self.yes_text, id="yes", variant="error")
                yield Button(self.no_text, id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed, "#first")
    def first_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if self.on_first is not None:
            self.on_first()
        event.button.disabled = True
        self.query_one("#yes", Button).focus()

    @on(Button.Pressed, "#yes, #no")
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class ChooseScreen(QuizModal[tuple[T] | None], Generic[T]):
    """Pick one value from a short list; None when closed without a choice (escape).

    The value comes back in a 1-tuple, so that None can be one of the values offered.
    """

    BINDINGS = [Binding("escape", "cancel", "packs.cancel")]

    def __init__(self, title: str, options: Sequence[tuple[str, T]], current: T) -> None:
        super().__init__()
        self.title_text = title
        self.options = list(options)
        self.current = current

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog -narrow"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(*(Option(Text(label)) for label, _ in self.options))

    def on_mount(self) -> None:
        choices = self.query_one(OptionList)
        values = [value for _, value in self.options]
        choices.highlighted = values.index(self.current) if self.current in values else 0
        choices.focus()

    @on(OptionList.OptionSelected)
    def picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss((self.options[event.option_index][1],))

    def action_cancel(self) -> None:
        self.dismiss(None)


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
            self.query_one("#code-error", Static).update(error.message(self.tr))
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
        from ali_quiz.paths import expand_user
        from ali_quiz.safety.files import file_to_read_problem

        path = expand_user(text)
        problem = file_to_read_problem(path)
        if problem is not None:
            # Nothing there, or a folder, a FIFO, a device: said as the command line says it.
            said = (
                self.tr("packs.open_missing", path=path)
                if problem.said[0] == "no_such_file"
                else self.tr("packs.open_refused", path=path, reason=problem.words(self.tr))
            )
            self.query_one("#path-error", Static).update(said)
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
