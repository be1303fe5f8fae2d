"""A text question (authored): an answer box; the accepted answers appear in the feedback."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from ali_quiz.quiz.answers import command_of
from ali_quiz.quiz.kinds import TextQuestion
from ali_quiz.tui.texts import translator_of
from ali_quiz.tui.widgets.base import AnswerRefused, SkipAsked, give


class TextAnswer(Vertical):
    """One line of text; enter submits."""

    DEFAULT_CSS = """
    TextAnswer { height: auto; }
    TextAnswer > Input { width: 1fr; max-width: 60; }
    TextAnswer > .accepted { display: none; height: auto; padding: 0 2; text-style: bold; }
    TextAnswer > .accepted.-right { display: block; color: $text-success; }
    TextAnswer > .accepted.-partial { display: block; color: $text-warning; }
    TextAnswer > .accepted.-wrong { display: block; color: $text-error; }
    TextAnswer > .accepted.-skipped { display: block; }
    """

    def __init__(self, question: TextQuestion, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        self.answered = False

    def compose(self) -> ComposeResult:
        yield Input(placeholder=translator_of(self)("play.text.placeholder"), id="text-input")
        yield Static("", classes="accepted", markup=False)

    def focus_input(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        event.stop()
        if self.answered:
            return
        if command_of(event.value) == "skip":
            self.post_message(SkipAsked())
            return
        text = " ".join(event.value.split())
        if not text:
            self.post_message(AnswerRefused(translator_of(self)("play.text.empty")))
            return
        give(self, text)

    def reveal(self, response: object = None, verdict: str = "") -> None:
        """Show the accepted answers under the box, and stop taking answers."""
        self.answered = True
        self.query_one(Input).disabled = True
        tr = translator_of(self)
        line = tr("play.text.accepted", answers=" / ".join(self.question.accepted))
        if isinstance(response, str) and verdict != "right":
            line += " · " + tr("play.text.said", value=response)
        accepted = self.query_one(".accepted", Static)
        accepted.update(Content(line))
        accepted.add_class(f"-{verdict or 'skipped'}")
