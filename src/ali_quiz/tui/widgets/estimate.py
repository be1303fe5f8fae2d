"""An estimate question: a figure typed as people write it, with a live reading below the box."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from ali_quiz.numberformat import format_plain
from ali_quiz.quiz.answers import (
    AnswerError,
    command_of,
    estimate_answer_text,
    figure_text,
    parse_estimate,
)
from ali_quiz.quiz.kinds import EstimateQuestion
from ali_quiz.tui.texts import translator_of
from ali_quiz.tui.widgets.base import SkipAsked, give


def reading_of(question: EstimateQuestion, text: str) -> str:
    """What the text reads as, `7610.2萬 = 76,102,000 人`; AnswerError when it cannot be read."""
    value = parse_estimate(question, text)
    shown = figure_text(question, value)
    typed = text.strip()
    if typed.replace(",", "").replace(" ", "") == format_plain(value).replace(",", ""):
        return shown  # a plain number: only the unit is news
    return f"{typed} = {shown}"


class EstimateAnswer(Vertical):
    """The answer box and, as you type, how it reads your number (or why it cannot)."""

    DEFAULT_CSS = """
    EstimateAnswer { height: auto; }
    EstimateAnswer > Input { width: 1fr; max-width: 60; }
    EstimateAnswer > .reading { height: auto; padding: 0 2; color: $text-muted; }
    EstimateAnswer > .reading.-ok { color: $text-success; }
    EstimateAnswer > .reading.-bad { color: $text-warning; }
    EstimateAnswer > .reading.-right { color: $text-success; text-style: bold; }
    EstimateAnswer > .reading.-partial { color: $text-warning; text-style: bold; }
    EstimateAnswer > .reading.-wrong { color: $text-error; text-style: bold; }
    EstimateAnswer > .reading.-skipped { color: $text; text-style: bold; }
    """

    def __init__(self, question: EstimateQuestion, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        self.answered = False

    def compose(self) -> ComposeResult:
        tr = translator_of(self)
        unit = self.question.unit or "—"
        yield Input(placeholder=tr("play.estimate.placeholder", unit=unit), id="estimate-input")
        yield Static("", classes="reading", markup=False)

    def refusal(self, error: AnswerError) -> str:
        """Why the text is not a number, and the unit the question counts in."""
        tr = translator_of(self)
        unit = self.question.unit
        if not unit or unit == "%":
            return error.message(tr)
        in_unit = tr("play.estimate.in_unit", unit=unit)
        return tr("sentences.two", first=error.message(tr), second=in_unit)

    def focus_input(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def show_reading(self, event: Input.Changed) -> None:
        event.stop()
        tr = translator_of(self)
        reading = self.query_one(".reading", Static)
        text = event.value
        reading.remove_class("-ok", "-bad")
        if not text.strip() or command_of(text) is not None:
            reading.update("")
            return
        try:
            shown = reading_of(self.question, text)
        except AnswerError as error:
            reading.update(Content(self.refusal(error)))
            reading.add_class("-bad")
            return
        reading.update(Content(tr("play.estimate.reads", value=shown)))
        reading.add_class("-ok")

    @on(Input.Submitted)
    def submit(self, event: Input.Submitted) -> None:
        event.stop()
        if self.answered:
            return
        tr = translator_of(self)
        if command_of(event.value) == "skip":
            self.post_message(SkipAsked())
            return
        reading = self.query_one(".reading", Static)
        if not event.value.strip():
            # Said once, under the box (where the reading goes), never again as a toast.
            reading.update(Content(tr("play.estimate.empty")))
            reading.set_class(True, "-bad")
            return
        try:
            value = parse_estimate(self.question, event.value)
        except AnswerError as error:
            reading.update(Content(self.refusal(error)))
            reading.remove_class("-ok")
            reading.add_class("-bad")
            return
        give(self, value)

    def reveal(self, response: object = None, verdict: str = "") -> None:
        """Show the answer under the box (and what was said), and stop taking answers."""
        self.answered = True
        self.query_one(Input).disabled = True
        tr = translator_of(self)
        line = Content(tr("play.estimate.answer", answer=estimate_answer_text(self.question)))
        if isinstance(response, int | float) and not isinstance(response, bool):
            # In the player's own form where it had one: `900萬 = 9,000,000 家`.
            try:
                shown = reading_of(self.question, self.query_one(Input).value)
            except AnswerError:
                shown = figure_text(self.question, response)
            said = tr("play.estimate.said", value=shown)
            line += Content(" · ") + Content(said)
        reading = self.query_one(".reading", Static)
        reading.update(line)
        reading.remove_class("-ok", "-bad")
        reading.add_class(f"-{verdict or 'skipped'}")
