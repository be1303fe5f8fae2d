"""Feedback after an answer: a one-line verdict, notes, the source sentence, and "press enter".

The answer itself is marked in the answer widget (✓ ◐ ✗ and where each item belongs), so the
feedback does not repeat it. The source sentence scrolls in its own box, which takes whatever
room the question leaves: the verdict above it and the "press enter" line below it are always
on screen, and the rest of a long source is one arrow key away.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ali_quiz.i18n import Translator
from ali_quiz.quiz.kinds import Question, feedback_for
from ali_quiz.quiz.rounds import Outcome
from ali_quiz.tui.linebreaking import prepare
from ali_quiz.tui.texts import translator_of

VERDICT_MARKS = {"right": "✓", "partial": "◐", "wrong": "✗", "skipped": "→"}
#: The theme colour of the panel's left edge, by verdict.
VERDICT_COLOURS = {
    "right": "success",
    "partial": "warning",
    "wrong": "error",
    "skipped": "panel-lighten-3",
}


def verdict_content(outcome: Outcome, tr: Translator, *, streak: int = 0) -> Content:
    """`✓ Right!  100/100 points · 3 in a row`: the verdict on one line."""
    line = Content.from_markup(
        "[b]$mark $verdict[/b]  $points",
        mark=VERDICT_MARKS[outcome.verdict],
        verdict=tr(f"feedback.{outcome.verdict}"),
        points=tr("feedback.points", points=outcome.points, max=outcome.max_points),
    )
    if streak >= 2 and outcome.correct:
        line += Content.from_markup(
            " · [b $text-success]$streak[/]", streak=tr("play.streak", count=streak)
        )
    return line


def notes_content(outcome: Outcome, tr: Translator) -> Content:
    """A near miss named ("8% low", one letter off), and what an authored option says to the
    player who picked it (empty when neither)."""
    parts: list[Content] = []
    coaching = outcome.coaching
    if coaching is not None:
        parts.append(Content.styled(tr(coaching.key, **coaching.args), "bold $text-accent"))
    parts += [
        Content.from_markup(
            "[b]$label[/b]$said",
            label=tr("label.colon", label=tr("feedback.option", option=option)),
            said=said,
        )
        for option, said in feedback_for(outcome.question, outcome.response)
    ]
    return Content("\n").join(parts)


def source_content(question: Question, tr: Translator) -> Content:
    """The explanation: the fact's date or figure, and the sentence of the source."""
    explanation = question.explanation
    if not explanation:
        return Content("")
    return Content.from_markup(
        "[b]$label[/b][i]$source[/i]", label=tr("feedback.source_label"), source=explanation
    )


class Feedback(Container):
    """The feedback, in the room the question leaves under it (or beside it when wide).

    Its panel is as tall as what it says and at most the room there is: the verdict is docked
    at its top and "press enter" at its bottom, and the source between them scrolls.
    """

    DEFAULT_CSS = """
    Feedback { height: 1fr; }
    Feedback > #feedback-panel {
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border-left: thick $panel-lighten-2;
        background: $boost;
        scrollbar-size-vertical: 1;
    }
    Feedback > #feedback-panel:focus { background-tint: $foreground 5%; }
    #feedback-verdict { dock: top; height: auto; }
    #feedback-source { height: auto; }
    #feedback-hint { dock: bottom; height: auto; color: $text-muted; }
    """

    #: The round's last question: enter shows the results.
    last = False
    #: The question and language whose source the panel holds.
    source_of: tuple[Question, str] | None = None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Kept at hand: an answer fills them, and looking them up costs a walk of the tree.
        self.panel = VerticalScroll(id="feedback-panel")
        # The verdict and, under it, the notes: one widget, so one line to lay out and draw.
        self.verdict = Static(id="feedback-verdict", markup=False)
        self.hint = Static(id="feedback-hint", markup=False)
        self.source = Static(id="feedback-source", markup=False)

    def compose(self) -> ComposeResult:
        with self.panel:
            yield self.verdict
            yield self.hint
            yield self.source

    def prepare(self, question: Question, tr: Translator) -> None:
        """Hold the question's source before it is answered (it does not depend on the answer).

        Done when the question is shown, while the player reads it: the answer's frame then
        only lays the source out, its line breaks already worked out.
        """
        held = self.source_of
        if held is not None and held[0] is question and held[1] == tr.language:
            return
        self.source_of = (question, tr.language)
        source = source_content(question, tr)
        prepare(source.plain)
        self.source.update(source)

    def show_outcome(
        self, outcome: Outcome, tr: Translator, *, last: bool, streak: int = 0
    ) -> None:
        """Fill the panel for an outcome (`last`: the round's last question)."""
        self.last = last
        head = verdict_content(outcome, tr, streak=streak)
        notes = notes_content(outcome, tr)
        if notes.plain:
            head = Content("\n").join([head, notes])
        self.verdict.update(head)
        self.prepare(outcome.question, tr)
        self.panel.scroll_home(animate=False)
        self.show_hint()
        self.set_verdict_colour(outcome.verdict)
        # Whether the source needs scrolling is known once it is laid out.
        self.call_after_refresh(self.show_hint)

    def set_verdict_colour(self, verdict: str) -> None:
        """The panel's left edge in the verdict's colour.

        Set on the panel's own style, not by a class: a class change re-applies the stylesheet
        to the panel and everything in it, a cost paid between the key and the feedback.
        """
        colour = self.app.theme_variables[VERDICT_COLOURS[verdict]]
        self.panel.styles.border_left = ("thick", Color.parse(colour))

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_hint)

    def show_hint(self) -> None:
        """`Press enter for the next question`, and how to read the rest of a long source."""
        tr = translator_of(self)
        hint = Content(tr("play.press_results" if self.last else "play.press_next"))
        if self.panel.max_scroll_y > 0:
            hint += Content(" · ") + Content(tr("play.scroll_source"))
        self.hint.update(hint)

    def focus_source(self) -> None:
        """Focus the panel: enter moves on, arrows and page keys scroll a long source."""
        self.screen.set_focus(self.panel)

    @property
    def text(self) -> str:
        """Everything the panel says, as plain text (for tests and for screen readers)."""
        return "\n".join(
            str(static.render())
            for static in self.query(Static)
            if static.display and str(static.render())
        )
