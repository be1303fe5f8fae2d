"""Class mode of the app: what one browser tab of `ali-quiz serve` runs.

The player gives a name (the class server hands out names and rejoin codes), then plays the
class's round and nothing else: no settings, no packs, no other player's history, nothing
deleted. Answers go into the serving machine's history as they are given; a player who comes
back with their name and rejoin code carries on at their first unanswered question.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import on, work
from textual.message import Message
from textual.screen import Screen

from ali_quiz.classroom.client import ClassServerError, SeatAnswer, TabClient
from ali_quiz.classroom.seats import sanitise_name
from ali_quiz.history.recorder import HistoryRecorder, outcomes_from_history
from ali_quiz.history.records import RoundRecord
from ali_quiz.history.summary import Resumable
from ali_quiz.paths import AppPaths
from ali_quiz.quiz.rounds import Outcome
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.messages import RoundFinished, RoundLeft
from ali_quiz.tui.screens.base import css_file
from ali_quiz.tui.screens.join import JoinScreen, SeatView

CLASS_CSS = Path(__file__).resolve().parent / "class.tcss"


class SeatGiven(Message):
    """The server answered a join (from a worker): a seat, a refusal, or an error text."""

    def __init__(self, answer: SeatAnswer | None, error: str | None = None) -> None:
        super().__init__()
        self.answer = answer
        self.error = error


class ClassApp(QuizApp):
    """One student's tab: name, rejoin code, and the class's round."""

    # The join screen is the default screen, whose own CSS_PATH Textual does not load.
    CSS_PATH = [css_file("app.tcss"), css_file("join.tcss"), CLASS_CSS]  # type: ignore[assignment]
    ENABLE_COMMAND_PALETTE = False
    other_rounds = False  # results offer no play again, replay or mistakes round

    def __init__(
        self, paths: AppPaths, class_round: ResolvedRound, client: TabClient, **options: Any
    ) -> None:
        super().__init__(paths, **options)
        self.class_round = class_round
        self.client = client
        self.seat: SeatAnswer | None = None
        self.round_id: int | None = None

    def get_default_screen(self) -> Screen[Any]:
        chosen = self.class_round
        line = self.tr(
            "join.round",
            pack=chosen.pack.title,
            mode=self.tr(f"mode.{chosen.mode}"),
            count=len(chosen.questions),
            code=chosen.code or "",
        )
        return JoinScreen(line)

    def start_workers(self) -> None:
        # No pack scan: the round is fixed. The history is where the answers go.
        self.open_history()

    # --- What class mode leaves out -----------------------------------------------------

    def change_settings(self, settings: Any) -> str | None:
        return None  # the teacher's settings are not the students' to change

    def refresh_history(self) -> None:
        return None  # no home screen, no other rounds

    def action_go_home(self) -> None:
        return None

    def action_open_timeline(self) -> None:
        return None

    def action_open_packs(self) -> None:
        return None

    def action_open_settings(self) -> None:
        return None

    def action_open_history(self) -> None:
        return None

    def action_play_code(self) -> None:
        return None

    def new_round(self, pack: Any, mode: str, *, count: int | None = None) -> None:
        return None

    def resume_round(self, resumable: Resumable) -> None:
        return None

    def play_round(
        self,
        chosen: ResolvedRound,
        *,
        outcomes: list[Outcome] | None = None,
        round_id: int | None = None,
    ) -> None:
        """Only the player's own class round plays (a replay or a mistakes round does not)."""
        if round_id is None or round_id != self.round_id:
            self.notify(self.tr("join.only_class_round"), severity="warning")
            return
        super().play_round(chosen, outcomes=outcomes, round_id=round_id)

    # --- Joining -------------------------------------------------------------------------

    @property
    def join_screen(self) -> JoinScreen | None:
        for screen in self.screen_stack:
            if isinstance(screen, JoinScreen):
                return screen
        return None

    @on(JoinScreen.JoinAsked)
    def join_asked(self, message: JoinScreen.JoinAsked) -> None:
        screen = self.join_screen
        if screen is None:
            return
        if not sanitise_name(message.name):
            screen.show_refusal(self.tr("join.refused.empty"))
            return
        self.claim_seat(message.name, message.rejoin_code)

    @work(thread=True, exclusive=True, group="seat", exit_on_error=False)
    def claim_seat(self, name: str, rejoin_code: str) -> None:
        try:
            self.post_message(SeatGiven(self.client.claim(name, rejoin_code)))
        except ClassServerError as error:
            self.post_message(SeatGiven(None, str(error)))

    @on(SeatGiven)
    def seat_given(self, message: SeatGiven) -> None:
        screen = self.join_screen
        if screen is None:
            return
        answer = message.answer
        if answer is None:
            screen.show_refusal(self.tr("join.server_gone", reason=message.error or ""))
            return
        if answer.refusal is not None:
            screen.show_refusal(
                self.tr(f"join.refused.{answer.refusal}", name=answer.name),
                ask_code=answer.refusal in ("taken", "wrong_code"),
            )
            return
        self.seat = answer
        self.player_override = answer.name
        self.round_id = answer.round_id
        view = self.seat_view()
        screen.show_seat(view)
        if answer.rejoined and view.state == "playing":
            self.begin()  # coming back: straight to the first unanswered question

    def seat_view(self) -> SeatView:
        assert self.seat is not None
        saved = self.saved_round()
        if saved is None:
            state, score, max_score = "ready", 0, 0
        else:
            state = "finished" if self.round_done(saved) else "playing"
            score, max_score = saved.score, saved.max_score
        return SeatView(self.seat.name, self.seat.rejoin_code, state, score, max_score)

    def saved_round(self) -> RoundRecord | None:
        if self.round_id is None or self.history_store is None:
            return None
        return self.history_store.round(self.round_id)

    def round_done(self, saved: RoundRecord) -> bool:
        return saved.finished or len(saved.answers) >= len(self.class_round.questions)

    # --- Playing -------------------------------------------------------------------------

    @on(JoinScreen.StartAsked)
    def start_asked(self) -> None:
        self.begin()

    def begin(self) -> None:
        """Start the player's round, or carry on with it at the first unanswered question."""
        if self.seat is None:
            return
        if not self.history_ready:
            self.set_timer(0.1, self.begin)
            return
        screen = self.join_screen
        if self.history_store is None:
            if screen is not None:
                screen.show_refusal(self.tr("join.no_history"))
            return
        chosen = self.class_round
        saved = self.saved_round()
        if saved is None:
            self.round_id = self.start_record()
            if self.round_id is None:
                return
            super().play_round(chosen, round_id=self.round_id)
            return
        if self.round_done(saved):
            self.show_where_the_player_stands()
            return
        outcomes = outcomes_from_history(chosen.questions, saved.answers)
        if outcomes is None:
            if screen is not None:
                screen.show_refusal(self.tr("home.resume_gone"))
            return
        super().play_round(chosen, outcomes=outcomes, round_id=self.round_id)

    def start_record(self) -> int | None:
        """Record the round's start under the player's name and tell the server its id."""
        chosen = self.class_round
        recorder = HistoryRecorder(self.history_store, warn=self.history_failed, now=self.now)
        recorder.start(chosen, chosen.questions, player=self.player, ui_language=self.tr.language)
        if recorder.round_id is None:
            return None
        try:
            self.client.set_round(recorder.round_id)
        except ClassServerError as error:
            # The round plays and is recorded; only a rejoin would not find it.
            self.notify(self.tr("join.server_gone", reason=error), severity="warning")
        return recorder.round_id

    @on(RoundFinished)
    @on(RoundLeft)
    def show_where_the_player_stands(self) -> None:
        """A round ended or was left: the join screen shows where the player stands."""
        screen = self.join_screen
        if screen is not None and self.seat is not None:
            screen.show_seat(self.seat_view())
