"""The history's records: what a front end writes (a round's start, an answer) and what it reads
(a round with its answers), as frozen dataclasses built from the database's rows.

`RoundRecord.to_json()` is the `history --json` shape of a round (docs/json.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from ali_quiz.i18n import WordedError
from ali_quiz.record import Record

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

ROUND_COLUMNS = (
    "id, player, pack, pack_hash, mode, count, seed, code, date, ui_language, started_at,"
    " finished_at, score, max_score, questions, answered, seconds, started_ts, finished_ts"
)
#: Points a question not answered yet is taken to be worth (the usual maximum): an unfinished
#: round's score is over the whole round, so that it never looks perfect.
UNANSWERED_POINTS = 100
ANSWER_COLUMNS = (
    "round_id, position, question_id, kind, facts, prompt, response, answer, points,"
    " max_points, skipped, seconds"
)


class HistoryError(WordedError):
    """Writing to the history failed (disk full, file damaged while playing, …): its words in
    the interface's language (`words(tr)`), or str() for the English."""


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class RoundStart(Record):
    """What is known of a round when it starts."""

    player: str
    pack: str
    pack_hash: str
    mode: str
    count: int
    seed: int | None
    code: str | None
    date: str  # YYYY-MM-DD: the day the round is for (fixes `daily`, is "now" for `review`)
    ui_language: str
    started_at: datetime  # aware; its offset gives the local day the round counts on


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class AnswerRecord(Record):
    """One answer as it is given. `response` is None when skipped, else shaped like `answer`."""

    position: int
    question_id: str
    kind: str
    facts: tuple[str, ...]
    prompt: str
    response: Any
    answer: Any
    points: int
    max_points: int
    skipped: bool
    seconds: float
    answered_at: datetime | None = None  # aware; None: now, in local time (read back: None)

    def to_json(self) -> dict[str, Any]:
        """The answer in the `history --json` shape."""
        return {
            "position": self.position,
            "question_id": self.question_id,
            "kind": self.kind,
            "facts": list(self.facts),
            "prompt": self.prompt,
            "response": self.response,
            "answer": self.answer,
            "points": self.points,
            "max_points": self.max_points,
            "skipped": self.skipped,
            "seconds": self.seconds,
        }


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class RoundRecord(Record):
    """A round as the history holds it, with its answers so far (oldest first)."""

    id: int
    player: str
    pack: str
    pack_hash: str
    mode: str
    count: int
    seed: int | None
    code: str | None
    date: str  # YYYY-MM-DD
    ui_language: str
    started_at: str  # ISO 8601 with offset, as stored
    finished_at: str | None
    score: int
    max_score: int
    questions: int  # how many questions the round has (the next one to ask is len(answers))
    answers: tuple[AnswerRecord, ...]

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def round_max(self) -> int:
        """The points of the whole round (as `RoundRow.round_max`)."""
        unanswered = max(self.questions - len(self.answers), 0)
        return self.max_score + UNANSWERED_POINTS * unanswered

    @property
    def seconds(self) -> float | None:
        """The time spent answering: the answers' seconds added up (None: no answer yet).
        Not start to finish, which counts the time away from a round left and resumed."""
        return float(sum(a.seconds for a in self.answers)) if self.answers else None

    def to_json(self) -> dict[str, Any]:
        """The round in the `history --json` shape."""
        return {
            "id": self.id,
            "player": self.player,
            "pack": self.pack,
            "pack_hash": self.pack_hash,
            "mode": self.mode,
            "count": self.count,
            "seed": self.seed,
            "code": self.code,
            "date": self.date,
            "ui_language": self.ui_language,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "finished": self.finished,
            "score": self.score,
            "max_score": self.max_score,
            "questions": self.questions,
            "answers": [a.to_json() for a in self.answers],
        }


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class PastRound(Record):
    """A whole round at once, for `HistoryStore.bulk_import`."""

    start: RoundStart
    questions: int
    answers: tuple[AnswerRecord, ...]
    finished_at: datetime | None  # aware; None: unfinished


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class RoundRow(Record):
    """One round without its answers: a row of the history table."""

    id: int
    player: str
    pack: str
    mode: str
    started_at: datetime
    finished: bool
    score: int
    max_score: int
    answered: int
    questions: int
    seconds: float | None  # the time spent answering (RoundRecord.seconds); None: no answer

    @property
    def percent(self) -> float | None:
        """Score as a percentage of the points answered for, None before any answer."""
        return 100.0 * self.score / self.max_score if self.max_score else None

    @property
    def round_max(self) -> int:
        """The points of the whole round: those answered for, and the usual maximum for each
        question not answered yet."""
        return self.max_score + UNANSWERED_POINTS * max(self.questions - self.answered, 0)


def answer_record(row: Sequence[Any]) -> AnswerRecord:
    """An answer row (ANSWER_COLUMNS) as a record."""
    import json  # here: the history table reads no answer

    return AnswerRecord(
        position=row[1],
        question_id=row[2],
        kind=row[3],
        facts=tuple(json.loads(row[4])),
        prompt=row[5],
        response=json.loads(row[6]),
        answer=json.loads(row[7]),
        points=row[8],
        max_points=row[9],
        skipped=bool(row[10]),
        seconds=row[11],
    )


def round_record(row: Sequence[Any], answers: Sequence[AnswerRecord]) -> RoundRecord:
    """A round row (ROUND_COLUMNS) and its answers as a record."""
    return RoundRecord(
        id=row[0],
        player=row[1],
        pack=row[2],
        pack_hash=row[3],
        mode=row[4],
        count=row[5],
        seed=None if row[6] is None else int(row[6]),
        code=row[7],
        date=row[8],
        ui_language=row[9],
        started_at=row[10],
        finished_at=row[11],
        score=row[12],
        max_score=row[13],
        questions=row[14],
        answers=tuple(answers),
    )


def round_row(row: Sequence[Any]) -> RoundRow:
    """A round row (ROUND_COLUMNS) as a table row."""
    finished = row[11] is not None
    return RoundRow(
        id=row[0],
        player=row[1],
        pack=row[2],
        mode=row[4],
        started_at=datetime.fromisoformat(row[10]),
        finished=finished,
        score=row[12],
        max_score=row[13],
        answered=row[15],
        questions=row[14],
        seconds=row[16] if row[15] else None,
    )
