"""Play: one question at a time, the widget of its kind, then feedback in place."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ali_quiz.history.recorder import HistoryRecorder
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
)
from ali_quiz.quiz.rounds import Outcome, Round
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.tui.messages import RoundFinished, RoundLeft
from ali_quiz.tui.screens.base import QuizScreen, css_file
from ali_quiz.tui.texts import translate_bindings
from ali_quiz.tui.widgets.base import AnswerGiven, AnswerRefused, SkipAsked
from ali_quiz.tui.widgets.choice import ChoiceAnswer
from ali_quiz.tui.widgets.estimate import EstimateAnswer
from ali_quiz.tui.widgets.feedback import Feedback
from ali_quiz.tui.widgets.footer import QuizFooter
from ali_quiz.tui.widgets.match import MatchAnswer
from ali_quiz.tui.widgets.multi import MultiAnswer
from ali_quiz.tui.widgets.order import OrderAnswer
from ali_quiz.tui.widgets.text_answer import TextAnswer

HELP_KEYS = {
    "order": "play.order.help",
    "match": "play.match.help",
    "estimate": "play.estimate.help",
    "choice": "play.choice.help",
    "multi": "play.multi.help",
    "text": "play.text.help",
}


def answer_widget(question: Question) -> Widget:
    """The widget that takes the answer to a question of any kind."""
    if isinstance(question, OrderQuestion):
        return OrderAnswer(question, id="answer")
    if isinstance(question, MatchQuestion):
        return MatchAnswer(question, id="answer")
    if isinstance(question, EstimateQuestion):
        return EstimateAnswer(question, id="answer")
    if isinstance(question, ChoiceQuestion):
        return ChoiceAnswer(question, id="answer")
    if isinstance(question, MultiQuestion):
        return MultiAnswer(question, id="answer")
    if isinstance(question, TextQuestion):
        return TextAnswer(question, id="answer")
    raise TypeError(f"no widget for {question.kind} questions")


def progress_bar(done: int, total: int, width: int = 10) -> str:
    """`■■■□□□□□□□`: how much of the round is behind."""
    filled = round(width * done / total) if total else width
    return "■" * filled + "□" * (width - filled)


class PlayScreen(QuizScreen[None]):
    """A round being played."""

    CSS_PATH = css_file("play.tcss")

    BINDINGS = [
        Binding("ctrl+s", "skip", "key.skip"),
        Binding("enter,n", "next", "key.next"),
        Binding("escape,q", "leave", "key.back"),
    ]

    def __init__(self, game: Round, info: ResolvedRound, recorder: HistoryRecorder) -> None:
        super().__init__()
        self.game = game
        self.info = info
        self.recorder = recorder
        self.last_outcome: Outcome | None = None

    @property
    def in_progress(self) -> bool:
        return not self.game.done

    @property
    def answered(self) -> bool:
        """The question on screen has been answered and its feedback is showing."""
        return self.last_outcome is not None

    def compose_screen(self) -> ComposeResult:
        with Horizontal(id="play-status"):
            yield Static(id="play-title", markup=False)
            yield Static(id="play-progress", markup=False)
        with VerticalScroll(id="play-body"):
            # A long reading passage scrolls on its own (tab to it, then arrows or page keys).
            with VerticalScroll(id="passage"):
                yield Static(id="passage-text", markup=False)
            yield Static(id="prompt", markup=False)
            yield Static(id="play-help", markup=False)
            yield Vertical(id="answer-slot")
            yield Feedback(id="feedback")
        # Rebuilt once per answer, not once per bindings change (a dozen of them per answer).
        yield QuizFooter()

    async def on_mount(self) -> None:
        self.query_one("#play-title", Static).update(
            Content.from_markup(
                "[b]$mode[/b] · $pack",
                mode=self.tr(f"mode.{self.info.mode}"),
                pack=self.info.pack.title,
            )
        )
        await self.show_question()

    async def on_screen_resume(self) -> None:
        # A round keeps its widgets across a language change (only its keys are re-labelled).
        translate_bindings(self, self.tr)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return not self.answered and not self.game.done
        if action == "next":
            return self.answered
        return True

    def help_extra(self) -> str:
        """How to answer the question on screen (shown under the keys in help)."""
        question = self.game.current
        if question is None or self.answered:
            return ""
        return self.tr(HELP_KEYS.get(question.kind, "play.text.help"))

    # --- Showing a question ------------------------------------------------------------

    def show_status(self) -> None:
        total = len(self.game.questions)
        done = len(self.game.outcomes)
        # While feedback shows, the question on screen is the one just answered.
        shown = done if self.answered else min(self.game.position, total)
        self.query_one("#play-progress", Static).update(
            Content.from_markup(
                "$bar  $position  [b]$score[/b]",
                bar=progress_bar(done, total),
                position=self.tr("play.progress", position=shown, count=total),
                score=self.tr("play.score", score=self.game.score, max=self.game.answered_max),
            )
        )

    async def show_question(self) -> None:
        question = self.game.current
        self.last_outcome = None
        self.show_status()
        if question is None:
            return
        self.query_one("#passage-text", Static).update(question.passage or "")
        passage = self.query_one("#passage", VerticalScroll)
        passage.display = bool(question.passage)
        passage.scroll_home(animate=False)
        self.query_one("#prompt", Static).update(question.prompt)
        help_text = self.tr(HELP_KEYS.get(question.kind, "play.text.help"))
        self.query_one("#play-help", Static).update(help_text)
        feedback = self.query_one(Feedback)
        feedback.remove_class("-shown")
        slot = self.query_one("#answer-slot")
        await slot.query("#answer").remove()
        await slot.mount(answer_widget(question))
        self.query_one("#play-body").scroll_home(animate=False)
        self.call_after_refresh(self.focus_answer)
        self.refresh_bindings()

    def focus_answer(self) -> None:
        widget = self.query_one("#answer")
        if isinstance(widget, EstimateAnswer | TextAnswer):
            widget.focus_input()
        else:
            widget.focus()
        # The Footer shows the new widget's keys only once the bindings are refreshed.
        self.call_after_refresh(self.refresh_bindings)

    # --- Answering ---------------------------------------------------------------------

    @on(AnswerGiven)
    def answer_given(self, message: AnswerGiven) -> None:
        message.stop()
        if self.answered or self.game.done:
            return
        self.show_outcome(self.game.answer(message.response))

    @on(SkipAsked)
    def skip_asked(self, message: SkipAsked) -> None:
        message.stop()
        self.action_skip()

    @on(AnswerRefused)
    def answer_refused(self, message: AnswerRefused) -> None:
        message.stop()
        # One message at a time: a second refusal replaces the first rather than piling up.
        self.app.clear_notifications()
        self.notify(message.text, severity="warning", timeout=4)

    def action_skip(self) -> None:
        """Give up this question: 0 points, and the answer is shown."""
        if self.answered or self.game.done:
            return
        self.show_outcome(self.game.skip())

    def show_outcome(self, outcome: Outcome) -> None:
        self.last_outcome = outcome
        widget = self.query_one("#answer")
        if isinstance(widget, ChoiceAnswer):
            chosen = outcome.response if isinstance(outcome.response, str) else None
            widget.reveal(chosen)
        elif isinstance(widget, MultiAnswer):
            widget.reveal(outcome.response if isinstance(outcome.response, list) else None)
        elif isinstance(widget, OrderAnswer | MatchAnswer | EstimateAnswer | TextAnswer):
            widget.reveal()
        self.query_one("#play-help", Static).update("")
        feedback = self.query_one(Feedback)
        feedback.show_outcome(outcome, self.tr, last=self.game.done)
        feedback.focus()
        self.show_status()
        self.refresh_bindings()
        self.call_after_refresh(feedback.scroll_visible, animate=False)

    async def action_next(self) -> None:
        """The next question, or the results after the last."""
        if not self.answered:
            return
        if self.game.done:
            self.finish()
            return
        await self.show_question()

    def finish(self) -> None:
        self.recorder.finish()
        self.post_message(RoundFinished(self.game, self.info, self.recorder.round_id))

    # --- Leaving -----------------------------------------------------------------------

    def action_leave(self) -> None:
        """Leave the round (asking first while questions remain)."""
        if self.game.done:
            if self.answered:
                self.finish()
            return
        self.ask_to_leave()

    def leave_body(self) -> str:
        """What leaving keeps: nothing yet, the answers, or the answers and a way back."""
        done = len(self.game.outcomes)
        if done == 0:
            return self.tr("play.quit_body_none")
        if self.info.mode == "review" or self.recorder.store is None:
            return self.tr("play.quit_body_kept", done=done)
        return self.tr("play.quit_body", done=done)

    def ask_to_leave(self, *, quit_app: bool = False) -> None:
        from ali_quiz.tui.screens.dialogs import ConfirmScreen

        tr = self.tr

        def leave(confirmed: bool | None) -> None:
            if not confirmed:
                return
            if quit_app:
                self.app.exit(0)
                return
            self.app.post_message(RoundLeft())
            self.dismiss()

        self.app.push_screen(
            ConfirmScreen(
                tr("play.quit_title"),
                self.leave_body(),
                yes=tr("play.quit_yes"),
                no=tr("play.quit_no"),
            ),
            leave,
        )
