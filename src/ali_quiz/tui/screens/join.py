"""Class mode's first screen: the player's name (and rejoin code), then their seat in the class.

The screen only shows and asks: it reports a join or a start with a message and the app (the
class app of `ali-quiz serve`) answers by calling `show_refusal` or `show_seat`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Footer, Input, Static

from ali_quiz.tui.screens.base import QuizScreen

MAX_NAME_INPUT = 24
MAX_CODE_INPUT = 8


@dataclass(frozen=True)
class SeatView:
    """What the screen shows once the player has a name."""

    name: str
    rejoin_code: str
    state: str  # "ready" (not started), "playing" (left mid-round), "finished"
    score: int = 0
    max_score: int = 0


class JoinScreen(QuizScreen[None]):
    """Name entry for a class round, then the player's name, rejoin code and round state.

    Its stylesheet, tui/join.tcss, is loaded by the class app (a default screen's CSS_PATH
    is not)."""

    class JoinAsked(Message):
        """The player asks to join with this name (and rejoin code, when coming back)."""

        def __init__(self, name: str, rejoin_code: str) -> None:
            super().__init__()
            self.name = name
            self.rejoin_code = rejoin_code

    class StartAsked(Message):
        """The player asks to start (or carry on with) their round."""

    def __init__(self, round_line: str) -> None:
        super().__init__()
        self.round_line = round_line
        self.seat: SeatView | None = None

    def compose_screen(self) -> ComposeResult:
        tr = self.tr
        with Vertical(id="join-box"):
            yield Static(tr("join.title"), id="join-title", markup=False)
            yield Static(self.round_line, id="join-round", markup=False)
            with Vertical(id="join-form"):
                yield Static(tr("join.name"), classes="join-label", markup=False)
                yield Input(
                    placeholder=tr("join.name_placeholder"),
                    max_length=MAX_NAME_INPUT,
                    id="join-name",
                )
                yield Static(tr("join.code"), classes="join-label", markup=False)
                yield Input(
                    placeholder=tr("join.code_placeholder"),
                    max_length=MAX_CODE_INPUT,
                    id="join-code",
                )
                yield Button(tr("join.join"), id="join-button", variant="primary", compact=True)
            with Vertical(id="join-seat"):
                yield Static(id="seat-name", markup=False)
                yield Static(id="seat-code", markup=False)
                yield Static(tr("join.code_help"), id="seat-help", markup=False)
                yield Static(id="seat-state", markup=False)
                yield Button(tr("join.start"), id="start-button", variant="primary", compact=True)
            yield Static(id="join-message", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#join-seat").display = False
        self.query_one("#join-name", Input).focus()

    # --- Asking --------------------------------------------------------------------------

    @on(Input.Submitted, "#join-name")
    def name_submitted(self) -> None:
        self.ask_to_join()

    @on(Input.Submitted, "#join-code")
    def code_submitted(self) -> None:
        self.ask_to_join()

    @on(Button.Pressed, "#join-button")
    def join_pressed(self) -> None:
        self.ask_to_join()

    def ask_to_join(self) -> None:
        if self.seat is not None:
            return
        name = self.query_one("#join-name", Input).value
        code = self.query_one("#join-code", Input).value
        self.query_one("#join-message", Static).update("")
        self.query_one("#join-button", Button).disabled = True
        self.post_message(self.JoinAsked(name, code))

    @on(Button.Pressed, "#start-button")
    def start_pressed(self) -> None:
        if self.seat is not None and self.seat.state != "finished":
            self.post_message(self.StartAsked())

    # --- Answers from the app --------------------------------------------------------------

    def show_refusal(self, text: str, *, ask_code: bool = False) -> None:
        """The name was not given: say why and let the player try again (with `ask_code`, the
        name is someone's and the rejoin code is what to type next)."""
        self.query_one("#join-button", Button).disabled = False
        message = self.query_one("#join-message", Static)
        message.update(text)
        message.set_class(True, "-error")
        self.query_one("#join-code" if ask_code else "#join-name", Input).focus()

    def show_seat(self, seat: SeatView) -> None:
        """The player has a name: show it, the rejoin code, and what comes next."""
        tr = self.tr
        self.seat = seat
        self.query_one("#join-form").display = False
        self.query_one("#join-seat").display = True
        self.query_one("#join-message", Static).update("")
        self.query_one("#seat-name", Static).update(
            Content.from_markup(tr("join.playing_as"), name=seat.name)
        )
        self.query_one("#seat-code", Static).update(
            Content.from_markup(tr("join.your_code"), code=seat.rejoin_code)
        )
        state = self.query_one("#seat-state", Static)
        start = self.query_one("#start-button", Button)
        if seat.state == "finished":
            state.update(tr("join.finished", score=seat.score, max=seat.max_score))
            start.display = False
            return
        state.update(tr("join.ready") if seat.state == "ready" else tr("join.carry_on_help"))
        start.label = tr("join.start") if seat.state == "ready" else tr("join.carry_on")
        start.display = True
        start.focus()
