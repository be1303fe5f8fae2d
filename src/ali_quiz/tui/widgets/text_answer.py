"""A text question (authored): an answer box; the accepted answers appear in the feedback."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from ali_quiz.quiz.answers import command_of
from ali_quiz.quiz.kinds import TextQuestion
from ali_quiz.tui.texts import translator_of
from ali_quiz.tui.widgets.base import AnswerGiven, AnswerRefused, SkipAsked


class TextAnswer(Vertical):
    """One line of text; enter submits."""

    DEFAULT_CSS = """
    TextAnswer { height: auto; }
    TextAnswer > Input { width: 1fr; max-width: 60; }
    """

    def __init__(self, question: TextQuestion, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        self.answered = False

    def compose(self) -> ComposeResult:
        yield Input(placeholder=translator_of(self)("play.text.placeholder"), id="text-input")

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
        self.post_message(AnswerGiven(text))

    def reveal(self) -> None:
        self.answered = True
        self.query_one(Input).disabled = True
