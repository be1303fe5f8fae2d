"""The class board's data: who joined, the question each is on, scores, how the class answered.

Read from the serving machine's history (the tabs write every answer there the moment it is
given) and the server's seats (who is connected). Plain Python: the Textual board and the plain
log both draw a `BoardView`, and `log_lines` tells what changed between two views.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ali_quiz.i18n import Translator
from ali_quiz.quiz.kinds import Entry, Question

BAR_WIDTH = 20


@dataclass(frozen=True)
class SeatSnapshot:
    """A player as the server knows them."""

    name: str
    connected: bool
    round_id: int | None


@dataclass(frozen=True)
class PlayerLine:
    name: str
    connected: bool
    answered: int
    total: int
    score: int
    max_score: int
    finished: bool

    @property
    def on_question(self) -> int:
        """The question the player is on (the last one once all are answered)."""
        return min(self.answered + 1, self.total)


@dataclass(frozen=True)
class OptionBar:
    label: str
    count: int
    right: bool


@dataclass(frozen=True)
class QuestionLine:
    position: int
    prompt: str
    answered: int
    bars: tuple[OptionBar, ...]


@dataclass(frozen=True)
class PlayerAnswer:
    """One answer as the log reports it."""

    name: str
    position: int
    points: int
    max_points: int
    skipped: bool


@dataclass(frozen=True)
class BoardView:
    players: tuple[PlayerLine, ...]
    questions: tuple[QuestionLine, ...]
    answers: frozenset[PlayerAnswer]

    @property
    def joined(self) -> int:
        return len(self.players)

    @property
    def finished(self) -> int:
        return sum(1 for p in self.players if p.finished)

    @property
    def connected(self) -> int:
        return sum(1 for p in self.players if p.connected)


EMPTY_BOARD = BoardView((), (), frozenset())


def verdict(points: int, max_points: int, skipped: bool) -> str:
    """right, partial, wrong or skipped: how the report and the TUI's marks count an answer."""
    if skipped:
        return "skipped"
    if max_points and points >= max_points:
        return "right"
    return "partial" if points > 0 else "wrong"


def read_board(
    store: Any, seats: Sequence[SeatSnapshot], questions: Sequence[Question], tr: Translator
) -> BoardView:
    """The board now; `store` is the open HistoryStore."""
    players: list[PlayerLine] = []
    answers: set[PlayerAnswer] = set()
    given: list[list[dict[str, Any]]] = [[] for _ in questions]
    for seat in seats:
        record = store.round(seat.round_id) if seat.round_id is not None else None
        saved = record.to_json() if record is not None else None
        round_answers: list[dict[str, Any]] = saved["answers"] if saved else []
        for answer in round_answers:
            index = int(answer["position"]) - 1
            if 0 <= index < len(questions):
                given[index].append(answer)
            answers.add(
                PlayerAnswer(
                    seat.name,
                    int(answer["position"]),
                    int(answer["points"]),
                    int(answer["max_points"]),
                    bool(answer["skipped"]),
                )
            )
        players.append(
            PlayerLine(
                name=seat.name,
                connected=seat.connected,
                answered=len(round_answers),
                total=len(questions),
                score=int(saved["score"]) if saved else 0,
                max_score=int(saved["max_score"]) if saved else 0,
                finished=bool(
                    saved and (saved["finished"] or len(round_answers) >= len(questions))
                ),
            )
        )
    lines = tuple(
        QuestionLine(n, q.prompt, len(given[n - 1]), bars(q, given[n - 1], tr))
        for n, q in enumerate(questions, start=1)
    )
    players.sort(key=lambda p: (-p.answered, -p.score, p.name.casefold()))
    return BoardView(tuple(players), lines, frozenset(answers))


def bars(
    question: Question, given: Sequence[dict[str, Any]], tr: Translator
) -> tuple[OptionBar, ...]:
    """A bar per option of a choice question; right / partly / wrong / skipped for the others."""
    # Every kind with options (choice, and multi-answer choices) gets a bar per option.
    options: tuple[Entry, ...] | None = getattr(question, "options", None)
    if options:
        counts = {option.id: 0 for option in options}
        for answer in given:
            response = answer["response"]
            picked = response if isinstance(response, list) else [response]
            for option_id in picked:
                if option_id in counts:
                    counts[option_id] += 1
        right = right_options(question)
        return tuple(
            OptionBar(f"{letter(i)}. {option.text}", counts[option.id], option.id in right)
            for i, option in enumerate(options)
        )
    tally = {"right": 0, "partial": 0, "wrong": 0, "skipped": 0}
    for answer in given:
        tally[
            verdict(int(answer["points"]), int(answer["max_points"]), bool(answer["skipped"]))
        ] += 1
    return tuple(
        OptionBar(tr(f"verdict.{name}"), count, name == "right") for name, count in tally.items()
    )


def right_options(question: Question) -> set[str]:
    """The options that earn points: the answer, or every option of positive weight."""
    weights = getattr(question, "weights", None)
    if weights:
        return {option_id for option_id, weight in dict(weights).items() if weight > 0}
    answer = question.answer_json()
    return {answer} if isinstance(answer, str) else set()


def letter(index: int) -> str:
    return chr(ord("A") + index)


def bar(count: int, most: int, width: int = BAR_WIDTH) -> str:
    """`████▌` scaled so the longest bar of a question fills `width` cells."""
    if most <= 0 or count <= 0:
        return ""
    eighths = round(width * 8 * count / most)
    return "█" * (eighths // 8) + ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")[eighths % 8]


def log_lines(before: BoardView, after: BoardView, tr: Translator) -> list[str]:
    """What happened between two views, as plain log lines (answers, then rounds finished)."""
    lines = [
        tr(
            "serve.log.answer",
            name=a.name,
            position=a.position,
            points=a.points,
            max=a.max_points,
        )
        if not a.skipped
        else tr("serve.log.skipped", name=a.name, position=a.position)
        for a in sorted(after.answers - before.answers, key=lambda a: (a.name, a.position))
    ]
    done_before = {p.name for p in before.players if p.finished}
    for player in after.players:
        if player.finished and player.name not in done_before:
            lines.append(
                tr("serve.log.finished", name=player.name, score=player.score, max=player.max_score)
            )
    return lines
