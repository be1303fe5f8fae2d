"""Feedback in place after an answer: right or wrong, points, the answer, the source sentence."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from ali_quiz.i18n import Translator
from ali_quiz.quiz.answers import answer_lines, response_text
from ali_quiz.quiz.kinds import MatchQuestion, OrderQuestion, TextQuestion, feedback_for
from ali_quiz.quiz.rounds import Outcome

VERDICT_MARKS = {"right": "✓", "partial": "◐", "wrong": "✗", "skipped": "→"}


def feedback_content(outcome: Outcome, tr: Translator, *, last: bool) -> Content:
    """The feedback text for one outcome, in the interface language."""
    question = outcome.question
    verdict = outcome.verdict
    parts: list[Content] = [
        Content.from_markup(
            "[b]$mark $verdict[/b]  $points",
            mark=VERDICT_MARKS[verdict],
            verdict=tr(f"feedback.{verdict}"),
            points=tr("feedback.points", points=outcome.points, max=outcome.max_points),
        )
    ]
    if isinstance(question, OrderQuestion):
        heading = tr("feedback.order")
    elif isinstance(question, MatchQuestion):
        heading = tr("feedback.pairs")
    elif isinstance(question, TextQuestion):
        heading = tr("feedback.accepted")
    else:
        heading = tr("feedback.answer")
    lines = answer_lines(question, tr)
    if len(lines) == 1:
        parts.append(Content.from_markup("[b]$heading:[/b] $line", heading=heading, line=lines[0]))
    else:
        parts.append(Content.from_markup("[b]$heading:[/b]", heading=heading))
        parts += [Content("  " + line) for line in lines]
    if outcome.verdict in ("partial", "wrong") and not isinstance(
        question, OrderQuestion | MatchQuestion
    ):
        parts.append(
            Content.from_markup(
                "[b]$label:[/b] $said",
                label=tr("feedback.your_answer"),
                said=response_text(question, outcome.response),
            )
        )
    for option, said in feedback_for(question, outcome.response):
        parts.append(
            Content.from_markup(
                "[b]$label:[/b] $said", label=tr("feedback.option", option=option), said=said
            )
        )
    if question.explanation:
        parts.append(
            Content.from_markup(
                "[b]$label:[/b] [i]$source[/i]",
                label=tr("feedback.source"),
                source=question.explanation,
            )
        )
    parts.append(
        Content.from_markup(
            "[dim]$hint[/dim]", hint=tr("play.press_results" if last else "play.press_next")
        )
    )
    return Content("\n").join(parts)


class Feedback(Static, can_focus=True):
    """The feedback panel under the question; focused after an answer so enter moves on."""

    DEFAULT_CSS = """
    Feedback {
        height: auto;
        padding: 0 1;
        margin-top: 1;
        border-left: thick $panel-lighten-2;
        background: $boost;
        display: none;
    }
    Feedback.-shown { display: block; }
    Feedback.-right { border-left: thick $success; }
    Feedback.-partial { border-left: thick $warning; }
    Feedback.-wrong { border-left: thick $error; }
    Feedback.-skipped { border-left: thick $panel-lighten-3; }
    Feedback:focus { background-tint: $foreground 5%; }
    """

    def show_outcome(self, outcome: Outcome, tr: Translator, *, last: bool) -> None:
        self.update(feedback_content(outcome, tr, last=last))
        self.remove_class("-right", "-partial", "-wrong", "-skipped")
        self.add_class("-shown", f"-{outcome.verdict}")
