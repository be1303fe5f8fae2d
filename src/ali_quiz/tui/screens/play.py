"""Play: one question at a time, the widget of its kind, then feedback in place."""

from __future__ import annotations

import gc
from dataclasses import replace
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ali_quiz.history.recorder import HistoryRecorder
from ali_quiz.quiz.kinds import (
    MatchQuestion,
)
from ali_quiz.quiz.rounds import Outcome, Round
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.safety.text import visible
from ali_quiz.tui.messages import RoundFinished, RoundLeft
from ali_quiz.tui.screens.base import QuizScreen, css_file
from ali_quiz.tui.shown import on_screen
from ali_quiz.tui.texts import translate_bindings
from ali_quiz.tui.widgets.answers import answer_help, answer_widget, focus_target, reveal
from ali_quiz.tui.widgets.base import AnswerGiven, AnswerRefused, SkipAsked
from ali_quiz.tui.widgets.feedback import Feedback
from ali_quiz.tui.widgets.footer import QuizFooter
from ali_quiz.tui.widgets.scrolling import Scrolling
from ali_quiz.tui.widgets.status_line import Marks, StatusLine
from ali_quiz.tui.widgets.strip import streak

if TYPE_CHECKING:
    from ali_quiz.tui.screens.dialogs import ConfirmScreen

#: From this many columns the feedback sits beside the question.
WIDE = 120


def collect_garbage() -> None:
    """A full collection of the garbage collector, once a question is drawn.

    The player reads the question now: its cost (a few milliseconds) is paid here, not
    between the answer's key and its feedback, where a collection of the objects the last
    answer and question left (removed widgets, their strips) would otherwise come (each answer
    allocates enough for several young collections, and a full one came every ten or so).
    """
    gc.collect()


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
        self.leave_dialog: ConfirmScreen | None = None  # "Leave this round?" while it shows
        # The widgets an answer changes, kept at hand (a query walks the tree each time).
        self.play_status = StatusLine(id="play-status")
        self.play_main = Container(id="play-main")
        self.play_body = Scrolling(id="play-body")
        self.play_help = Static(id="play-help", markup=False)
        self.play_notice = Static(id="play-notice", markup=False)
        self.play_feedback = Feedback(id="feedback")
        #: The answer widget (#answer) of the question on screen.
        self.answer_box: Widget | None = None

    @property
    def in_progress(self) -> bool:
        return not self.game.done

    @property
    def answered(self) -> bool:
        """The question on screen has been answered and its feedback is showing."""
        return self.last_outcome is not None

    def compose_screen(self) -> ComposeResult:
        yield self.play_status
        with self.play_main:
            with self.play_body:
                # A long reading passage scrolls on its own (tab to it, then arrows or page keys).
                with Scrolling(id="passage"):
                    yield Static(id="passage-text", markup=False)
                # A long prompt (a teacher's, of a few thousand characters) scrolls within
                # its box, so the answer under it stays on screen.
                with Scrolling(id="prompt-box"):
                    yield Static(id="prompt", markup=False)
                yield self.play_help
                # The answer widget (#answer) is mounted here, between the help line and the
                # notice: straight into the body, as a wrapper would be one more widget to lay
                # out and draw in the answer's frame.
                # Why an answer was refused, under the answer (never a toast over the question).
                yield self.play_notice
            yield self.play_feedback
        # Rebuilt once per answer, not once per bindings change (a dozen of them per answer).
        yield QuizFooter()

    async def on_mount(self) -> None:
        self.show_title()
        self.fit_width(self.size.width)
        await self.show_question()

    def show_title(self) -> None:
        status = self.play_status
        status.strip_tooltip = self.tr("play.strip")
        status.show(
            title=Content.from_markup(
                "[b]$mode[/b] · $pack",
                mode=self.tr(f"mode.{self.info.label}"),
                pack=visible(self.info.pack.title),
            )
        )

    async def on_screen_resume(self) -> None:
        # A round keeps its widgets across a language change (settings can be opened while
        # the last answer's feedback shows): its keys and what it says are worded again.
        # Textual calls this before QuizScreen's, which then finds the language shown and
        # does not compose the screen anew (that would lose the round's state).
        translate_bindings(self, self.tr)
        if self.shown_language != self.tr.language:
            self.shown_language = self.tr.language
            self.show_title()
            self.show_status()
            if self.last_outcome is not None:
                self.show_outcome(self.last_outcome)

    @on(events.Resize)
    def resized(self, event: events.Resize) -> None:
        self.fit_width(event.size.width)
        self.show_status()

    def fit_width(self, width: int) -> None:
        """From 120 columns the feedback sits beside the question rather than under it; but
        under a match, whose two columns need the width (beside, its left side was narrower
        at 120 columns than at 80)."""
        wide = width >= WIDE and not isinstance(self.game.current, MatchQuestion)
        self.play_main.set_class(wide, "-wide")
        self.place_feedback()

    def place_feedback(self) -> None:
        """Show or hide the feedback, and give the question the room the feedback leaves.

        Set on the two widgets' own styles, not by a class on their container: a class change
        re-applies the stylesheet to every widget inside it, which took longer than drawing
        the feedback itself. Narrow, the question takes the whole height until an answer,
        then what it needs (at most three quarters) and the feedback the rest; wide, both
        columns keep their widths and the feedback only turns visible.
        """
        body = self.play_body.styles
        feedback = self.play_feedback
        answered = self.answered
        if self.play_main.has_class("-wide"):
            body.height, body.max_height = "1fr", "100%"
            feedback.display, feedback.visible = True, answered
        else:
            body.height = "auto" if answered else "1fr"
            body.max_height = "75%" if answered else "100%"
            feedback.display, feedback.visible = answered, True

    def on_key(self, event: events.Key) -> None:
        """A letter typed while a scrolling part has the focus (tabbed to, to read it) goes
        to the answer, as if typed there."""
        if isinstance(self.focused, Scrolling) and event.is_printable and not self.answered:
            event.stop()
            event.prevent_default()
            self.focus_answer()
            # Made by the app (a key's sender ends its bubbling): it reaches the app's bindings.
            key, character = event.key, event.character
            self.app.call_later(lambda: self.app.post_message(events.Key(key, character)))

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
        return answer_help(question, self.tr)

    # --- Showing a question ------------------------------------------------------------

    def show_status(self) -> None:
        if not self.is_mounted:
            return
        total = len(self.game.questions)
        outcomes = self.game.outcomes
        done = len(outcomes)
        # While feedback shows, the question on screen is the one just answered.
        shown = done if self.answered else min(self.game.position, total)
        # Assembled from parts, not markup: nothing to parse in the answer's frame.
        status = Content.assemble(
            "  ",
            self.tr("play.progress", position=shown, count=total),
            "  ",
            (self.tr("play.score", score=self.game.score, max=self.game.answered_max), "b"),
        )
        run = streak(outcomes)
        said = Content("")
        if run >= 2:  # the line keeps it before the title when narrow (StatusLine.fit)
            said = Content.assemble("  ", (self.tr("play.streak", count=run), "b $text-success"))
        marks = Marks(tuple(outcomes), total, not self.answered)
        self.play_status.show(marks=marks, progress=status, streak=said)

    async def show_question(self) -> None:
        question = self.game.current
        self.last_outcome = None
        self.show_status()
        if question is None:
            return
        question = on_screen(question)
        self.query_one("#passage-text", Static).update(question.passage or "")
        passage = self.query_one("#passage", VerticalScroll)
        passage.display = bool(question.passage)
        self.play_body.set_class(bool(question.passage), "-with-passage")
        passage.scroll_home(animate=False)
        self.query_one("#prompt", Static).update(question.prompt)
        self.query_one("#prompt-box", Scrolling).scroll_home(animate=False)
        help_text = answer_help(question, self.tr)
        help_line = self.play_help
        help_line.update(help_text)
        help_line.display = True
        self.show_notice("")
        await self.play_body.query_children("#answer").remove()
        self.fit_width(self.size.width)  # before the widget is laid out: a match is not wide
        widget = self.answer_box = answer_widget(question)
        await self.play_body.mount(widget, before=self.play_notice)
        # Focused now, not after the next refresh: keys typed the moment the question shows
        # (already queued behind this one) must reach it, not the feedback it replaces.
        self.focus_answer()
        self.play_feedback.prepare(question, self.tr)
        self.place_feedback()
        self.play_body.scroll_home(animate=False)
        self.refresh_bindings()
        self.call_after_refresh(collect_garbage)

    def focus_answer(self) -> None:
        widget = self.answer_box
        if widget is None:
            return
        self.set_focus(focus_target(widget))

    def show_notice(self, text: str) -> None:
        notice = self.play_notice
        if not text and not notice.display:
            return  # no notice shown, none to show: nothing to lay out again
        notice.update(text)
        notice.display = bool(text)

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
        self.show_notice(message.text)

    def action_skip(self) -> None:
        """Give up this question: 0 points, and the answer is shown."""
        if self.answered or self.game.done:
            return
        self.show_outcome(self.game.skip())

    def show_outcome(self, outcome: Outcome) -> None:
        """Mark the answer and show the feedback in the next frame; then the rest.

        The first frame after the key shows the marks and the verdict; moving the focus to the
        feedback (a restyle of both widgets), the Footer's new keys and writing the answer to
        the history follow it (`after_feedback`). The garbage collector waits meanwhile:
        the answer allocates enough for several collections, which can wait a frame.
        """
        gc.disable()
        self.last_outcome = outcome
        if self.answer_box is not None:
            reveal(self.answer_box, outcome, self.info.pack)
        self.play_help.display = False
        self.show_notice("")
        feedback = self.play_feedback
        feedback.show_outcome(
            replace(outcome, question=on_screen(outcome.question)),
            self.tr,
            last=self.game.done,
            streak=streak(self.game.outcomes),
        )
        self.place_feedback()
        self.show_status()
        if self.leave_dialog is not None and self.leave_dialog.is_attached:
            # An answer typed just before ctrl+q arrives under the dialog (pushed, and maybe
            # not yet composed): say it is kept.
            self.leave_dialog.say(self.leave_body())
        # The widgets tell the screen of their new layout by messages that may come after the
        # callback below: say it now, so that the callback waits for the feedback's frame.
        self.refresh(layout=True, repaint=False)
        self.call_after_refresh(self.after_feedback, outcome)

    def after_feedback(self, outcome: Outcome) -> None:
        """Once the feedback is drawn: write the answer, move the focus, show the new keys."""
        gc.enable()
        self.recorder.flush()
        # Enter may have come first: the next question, or the results instead of this screen.
        if self.last_outcome is outcome and self.is_attached:
            self.play_feedback.focus_source()
            self.refresh_bindings()

    async def action_next(self) -> None:
        """The next question, or the results after the last."""
        if not self.answered:
            return
        if self.game.done:
            self.finish()
            return
        self.recorder.flush()  # written in order, whatever came first
        await self.show_question()

    def finish(self) -> None:
        self.recorder.finish()
        self.post_message(RoundFinished(self.game, self.info, self.recorder.round_id))

    # --- Leaving -----------------------------------------------------------------------

    def on_unmount(self) -> None:
        # Left, quit or closed after a failure: an answer whose feedback frame never came is
        # written now.
        gc.enable()
        self.recorder.flush()

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
            return self.tr(
                "play.quit_body_kept_one" if done == 1 else "play.quit_body_kept", done=done
            )
        return self.tr("play.quit_body_one" if done == 1 else "play.quit_body", done=done)

    def ask_to_leave(self, *, quit_app: bool = False) -> None:
        from ali_quiz.tui.screens.dialogs import ConfirmScreen

        tr = self.tr

        def leave(confirmed: bool | None) -> None:
            self.leave_dialog = None
            if not confirmed:
                return
            if quit_app:
                self.app.exit(0)
                return
            self.app.post_message(RoundLeft())
            self.dismiss()

        self.leave_dialog = ConfirmScreen(
            tr("play.quit_app_title" if quit_app else "play.quit_title"),
            self.leave_body(),
            yes=tr("play.quit_app_yes" if quit_app else "play.quit_yes"),
            no=tr("play.quit_no"),
        )
        self.app.push_screen(self.leave_dialog, leave)
