"""A round being played: the questions, the answers so far and the score.

Both front ends (the TUI and plain mode) drive a Round; it grades each answer and hands the
outcome to `on_answer` at once, so the history can commit it before the next question.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ali_quiz.quiz.coaching import Coaching, coach
from ali_quiz.quiz.grading import grade
from ali_quiz.quiz.kinds import Question, Response


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """What happened to one question."""

    position: int  # 1-based
    question: Question
    response: Response | None
    points: int
    skipped: bool
    seconds: float

    @property
    def max_points(self) -> int:
        return self.question.max_points

    @property
    def correct(self) -> bool:
        return not self.skipped and self.points >= self.question.max_points

    @property
    def coaching(self) -> Coaching | None:
        """The near miss this answer was, if any ("8% low", one letter off, one pair swapped)."""
        return None if self.skipped else coach(self.question, self.response)

    @property
    def verdict(self) -> str:
        """`right`, `partial`, `wrong` or `skipped`."""
        if self.skipped:
            return "skipped"
        if self.points >= self.question.max_points:
            return "right"
        return "partial" if self.points > 0 else "wrong"


@dataclass
class Round:
    """The state of one round; `answer` and `skip` move it forward."""

    questions: Sequence[Question]
    on_answer: Callable[[Outcome], None] | None = None
    clock: Callable[[], float] = time.monotonic
    outcomes: list[Outcome] = field(default_factory=list)
    asked_at: float | None = None

    def __post_init__(self) -> None:
        self.asked_at = self.clock()

    @property
    def position(self) -> int:
        """1-based number of the current question (len + 1 when done)."""
        return len(self.outcomes) + 1

    @property
    def done(self) -> bool:
        return len(self.outcomes) >= len(self.questions)

    @property
    def current(self) -> Question | None:
        return None if self.done else self.questions[len(self.outcomes)]

    @property
    def score(self) -> int:
        return sum(o.points for o in self.outcomes)

    @property
    def max_score(self) -> int:
        """The maximum of the whole round, answered or not."""
        return sum(q.max_points for q in self.questions)

    @property
    def answered_max(self) -> int:
        return sum(o.max_points for o in self.outcomes)

    def answer(self, response: Response) -> Outcome:
        """Grade a response to the current question and move on."""
        question = self._require_current()
        return self._record(question, response, grade(question, response), skipped=False)

    def skip(self) -> Outcome:
        """Give up the current question: 0 points, recorded as skipped."""
        question = self._require_current()
        return self._record(question, None, 0, skipped=True)

    def mistakes(self) -> list[Question]:
        """The questions not answered with full marks, in round order."""
        return [o.question for o in self.outcomes if not o.correct]

    def _require_current(self) -> Question:
        question = self.current
        if question is None:
            raise RuntimeError("the round is over: there is no question to answer")
        return question

    def _record(
        self, question: Question, response: Response | None, points: int, *, skipped: bool
    ) -> Outcome:
        now = self.clock()
        started = self.asked_at if self.asked_at is not None else now
        outcome = Outcome(
            position=self.position,
            question=question,
            response=response,
            points=points,
            skipped=skipped,
            seconds=round(max(0.0, now - started), 3),
        )
        self.outcomes.append(outcome)
        self.asked_at = now
        if self.on_answer is not None:
            self.on_answer(outcome)
        return outcome
