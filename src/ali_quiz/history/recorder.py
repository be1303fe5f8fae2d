"""Recording a round in the history as it is played, whichever front end shows it.

Every answer is committed as it is given (or, in the TUI, once its result is drawn), so a round
broken off (quit, end of input, a crash) keeps what was answered; answers that cannot be written
yet wait, in order, and are tried again; a resumed round's answers become outcomes again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date as Date
from datetime import datetime
from typing import Protocol

from ali_quiz.clock import Now, local_now
from ali_quiz.history.records import AnswerRecord, HistoryError, RoundStart
from ali_quiz.history.store import HistoryStore
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.kinds import Question
from ali_quiz.quiz.rounds import Outcome


class PlayedRound(Protocol):
    """What the history needs to know of a round besides its questions (a ResolvedRound)."""

    @property
    def pack(self) -> Pack: ...
    @property
    def mode(self) -> str: ...
    @property
    def count(self) -> int: ...
    @property
    def seed(self) -> int | None: ...
    @property
    def date(self) -> Date: ...
    @property
    def code(self) -> str | None: ...


class HistoryRecorder:
    """Writes one round to the history as it is played; a failure becomes a warning, once.

    `store` is a HistoryStore or None. Every answer is committed as it is given (`record`) or
    at the next `flush` (`keep`), so a round broken off (quit, end of input, a crash) keeps
    what was answered. Answers that
    cannot be written yet (the history opens after the TUI's first frame; a full disk; a
    lock held too long) wait in memory, in order, and every later answer or the finish tries
    them again first: positions never have a gap, and a round is marked finished only once
    every answer is written, so its maximum is never short.
    """

    def __init__(
        self,
        store: HistoryStore | None,
        *,
        warn: Callable[[Exception], None],
        now: Now = local_now,
        round_id: int | None = None,
    ) -> None:
        self.store = store
        self.warn = warn
        self.now = now
        self.round_id = round_id
        self.failed = False
        self.start_record: RoundStart | None = None  # until written
        self.question_count = 0
        self.waiting: list[AnswerRecord] = []  # not written yet, in order
        self.finished_at: datetime | None = None
        self.at_first_answer = False

    def fail(self, error: Exception) -> None:
        if not self.failed:
            self.failed = True
            self.warn(error)

    def start(
        self,
        info: PlayedRound,
        questions: Sequence[Question],
        *,
        player: str,
        ui_language: str,
        at_first_answer: bool = False,
    ) -> None:
        """Record the round's start; with `at_first_answer`, only once an answer is given, so
        a round left before any answer (a replay opened and closed) leaves no empty round."""
        self.at_first_answer = at_first_answer
        self.start_record = RoundStart(
            player=player,
            pack=info.pack.id,
            pack_hash=info.pack.content_hash,
            mode=info.mode,
            count=info.count,
            seed=info.seed,
            code=info.code,
            date=info.date.isoformat(),
            ui_language=ui_language,
            started_at=self.now(),
        )
        self.question_count = len(questions)
        self.flush()

    def write_start(self) -> bool:
        """Write the round's start if it waits; whether the round is in the history."""
        if self.start_record is None:
            return self.round_id is not None
        if self.store is None:
            return False
        try:
            self.round_id = self.store.start_round(self.start_record, self.question_count)
        except (HistoryError, ValueError) as error:
            self.fail(error)
            return False
        self.start_record = None
        return True

    def record(self, outcome: Outcome) -> None:
        """Record one answer (Round's on_answer): written at once."""
        self.keep(outcome)
        self.flush()

    def keep(self, outcome: Outcome) -> None:
        """Take one answer (Round's on_answer) to write at the next `flush`, timed now.

        For a front end that shows the answer's result before writing it: it flushes once that
        is on screen, and before anything else (the next question, leaving, quitting).
        """
        question = outcome.question
        self.waiting.append(
            AnswerRecord(
                position=outcome.position,
                question_id=question.id,
                kind=question.kind,
                facts=question.facts,
                prompt=question.prompt,
                response=outcome.response,
                answer=question.answer_json(),
                points=outcome.points,
                max_points=outcome.max_points,
                skipped=outcome.skipped,
                seconds=outcome.seconds,
                answered_at=self.now(),
            )
        )

    def write_answer(self, record: AnswerRecord) -> bool:
        """Write one answer; whether it is in the history now."""
        if self.store is None or self.round_id is None:
            return False
        try:
            self.store.record_answer(self.round_id, record)
        except ValueError as error:
            if "already recorded" in str(error):
                return True  # written by an earlier try whose commit was reported late
            self.fail(error)
            return False
        except HistoryError as error:
            self.fail(error)
            return False
        return True

    def finish(self) -> None:
        """Mark the round finished (every question answered or skipped)."""
        self.finished_at = self.now()
        self.flush()

    def write_finish(self) -> None:
        if self.store is None or self.round_id is None or self.finished_at is None:
            return
        try:
            self.store.finish_round(self.round_id, self.finished_at)
        except (HistoryError, ValueError) as error:
            self.fail(error)
            return
        self.finished_at = None

    def flush(self) -> None:
        """Write what waits, in order, stopping at the first failure (tried again later)."""
        if self.store is None:
            return
        if self.at_first_answer and self.round_id is None and not self.waiting:
            return
        if not self.write_start():
            return
        while self.waiting:
            if not self.write_answer(self.waiting[0]):
                return
            self.waiting.pop(0)
        self.write_finish()

    def attach(self, store: HistoryStore | None) -> None:
        """The history is open now: write what happened so far (None: history is off)."""
        if store is None or self.store is not None:
            return
        self.store = store
        self.flush()


def outcomes_from_history(
    questions: Sequence[Question], answers: Sequence[AnswerRecord]
) -> list[Outcome] | None:
    """The outcomes of a resumed round's answers; None when they do not fit these questions."""
    outcomes: list[Outcome] = []
    for position, answer in enumerate(sorted(answers, key=lambda a: a.position), start=1):
        if answer.position != position or position > len(questions):
            return None
        question = questions[position - 1]
        if question.id != answer.question_id:
            return None
        outcomes.append(
            Outcome(
                position=position,
                question=question,
                response=answer.response,
                points=answer.points,
                skipped=answer.skipped,
                seconds=answer.seconds,
            )
        )
    return outcomes
