"""Grading a student's attempt again for the class report: points from responses, facts one by one.

When the pack the class played is installed, every answer is graded again from its `response`
against the round made again from its seed (the same questions on every machine); a file whose
recorded points disagree is named, and the re-graded points count. Without the pack the recorded
points count, kept between 0 and each question's maximum.

Facts are graded one by one: in a match each pair is its fact's answer; in an order each item is
right when all its pairs are in the right order, partial when some are, wrong when none are;
any other question gives its share to every fact it tests.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from fractions import Fraction
from typing import Any

from ali_quiz.packs.model import DEFAULT_MAX_POINTS, Pack
from ali_quiz.quiz.codes import is_fresh_code
from ali_quiz.quiz.grading import grade, order_item_shares
from ali_quiz.quiz.kinds import MatchQuestion, OrderQuestion, Question, Response

__all__ = ["GradedAnswer", "GradedAttempt", "Regrader"]


@dataclass(frozen=True)
class GradedAnswer:
    """One answer as the report counts it."""

    position: int
    question_id: str
    kind: str
    prompt: str
    points: int
    max_points: int
    skipped: bool
    seconds: float
    facts: tuple[tuple[str, Fraction], ...]  # (fact id, share of it answered right)

    @property
    def share(self) -> Fraction:
        return Fraction(self.points, self.max_points) if self.max_points else Fraction(0)


@dataclass(frozen=True)
class GradedAttempt:
    """One attempt at a round, graded."""

    round: Mapping[str, Any]  # the round as the file holds it
    answers: tuple[GradedAnswer, ...]
    score: int
    max_score: int  # of the whole round, answered or not
    size: int  # how many questions the round holds (as many as asked, or fewer)
    finished: bool
    seconds: float
    disagreements: tuple[str, ...]  # why the file's own points cannot be trusted
    checked: bool  # graded again from the responses (the pack was installed)

    @property
    def started_at(self) -> str:
        return str(self.round["started_at"])


def _response(value: Any) -> Response | None:
    """A JSON response in the shape grading takes, or None when it has no usable shape."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    if isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        return dict(value)
    return None


def _fact_shares(
    question: Question | None, answer: Mapping[str, Any], response: Response | None, share: Fraction
) -> tuple[tuple[str, Fraction], ...]:
    facts = [f for f in answer["facts"] if isinstance(f, str)]
    kind = answer["kind"]
    key = question.answer_json() if question is not None else answer.get("answer")
    if kind == "match" and isinstance(key, dict):
        lefts = [e.id for e in question.left] if isinstance(question, MatchQuestion) else list(key)
        given = response if isinstance(response, dict) else {}
        if len(lefts) == len(facts):
            return tuple(
                (fact, Fraction(int(given.get(left) == key.get(left))))
                for fact, left in zip(facts, lefts, strict=True)
            )
    if kind == "order" and isinstance(key, list) and all(isinstance(k, str) for k in key):
        given_order = response if isinstance(response, list) else []
        shares = order_item_shares(key, given_order)
        if set(key) == set(facts):  # generated orders: each item's id is its fact's id
            return tuple((fact, shares[fact]) for fact in facts)
        # Otherwise facts follow the items as shown (without the pack: in the order of their ids).
        items = (
            [e.id for e in question.items] if isinstance(question, OrderQuestion) else sorted(key)
        )
        if len(items) == len(facts):
            return tuple(
                (fact, shares.get(item, Fraction(0)))
                for fact, item in zip(facts, items, strict=True)
            )
    return tuple((fact, share) for fact in facts)


class Regrader:
    """Grades attempts; `questions_of(round)` gives the round's questions when the pack is here."""

    def __init__(self, pack: Pack | None) -> None:
        self.pack = pack
        self.cache: dict[tuple[str, int, int, str, bool], dict[str, Question] | None] = {}

    def questions_of(self, entry: Mapping[str, Any]) -> dict[str, Question] | None:
        if self.pack is None or entry["pack_hash"] != self.pack.content_hash:
            return None
        mode, count, seed = entry["mode"], entry["count"], entry["seed"]
        if seed is None or mode == "review":
            return None  # a review round is made from one player's history: it cannot be remade
        # A fresh round (13-character code) is not the plain round of its seed: its seed
        # also drew the facts it put off, and only its code says so.
        key = (mode, count, seed, str(entry.get("date") or ""), is_fresh_code(entry.get("code")))
        if key not in self.cache:
            self.cache[key] = _generate(self.pack, mode, count, seed, key[3], fresh=key[4])
        return self.cache[key]

    def grade(self, entry: Mapping[str, Any]) -> GradedAttempt:
        questions = self.questions_of(entry)
        disagreements: list[str] = []
        graded: list[GradedAnswer] = []
        seen: set[str] = set()
        for answer in sorted(entry["answers"], key=lambda a: a["position"]):
            qid = answer["question_id"]
            if qid in seen:
                disagreements.append(f"question {qid} is answered twice: the first answer counts")
                continue
            seen.add(qid)
            question = questions.get(qid) if questions is not None else None
            if questions is not None and question is None:
                disagreements.append(f"question {qid} is not in this round: its answer is left out")
                continue
            found = self._graded(answer, question, disagreements)
            graded.append(found)
        if questions is not None:
            size = len(questions)
            max_score = sum(q.max_points for q in questions.values())
        else:
            # The pack is not here to make the round again: its size as the history recorded
            # it (a pack may give fewer questions than asked), else the number asked.
            recorded = entry.get("questions")
            size = int(entry["count"])
            if isinstance(recorded, int) and not isinstance(recorded, bool) and recorded > 0:
                size = recorded
            unanswered = max(0, size - len(graded))
            max_score = sum(a.max_points for a in graded) + unanswered * DEFAULT_MAX_POINTS
        return GradedAttempt(
            round=entry,
            answers=tuple(graded),
            score=sum(a.points for a in graded),
            max_score=max_score,
            size=size,
            finished=bool(entry["finished"]),
            seconds=sum(_seconds(a) for a in entry["answers"]),
            disagreements=tuple(disagreements),
            checked=questions is not None,
        )

    def _graded(
        self, answer: Mapping[str, Any], question: Question | None, disagreements: list[str]
    ) -> GradedAnswer:
        skipped = bool(answer["skipped"])
        response = None if skipped else _response(answer.get("response"))
        recorded = float(answer["points"])
        if question is not None:
            max_points = question.max_points
            points = 0 if skipped else grade(question, response)
            if abs(recorded - points) >= 0.5 or float(answer["max_points"]) != max_points:
                disagreements.append(
                    f"question {answer['position']} ({question.id}): {recorded:g}/"
                    f"{float(answer['max_points']):g} points recorded, {points}/{max_points} "
                    "from its answer"
                )
        else:
            max_points = max(1, round(float(answer["max_points"])))
            points = min(max(round(recorded), 0), max_points)
        share = Fraction(points, max_points)
        return GradedAnswer(
            position=int(answer["position"]),
            question_id=str(answer["question_id"]),
            kind=str(answer["kind"]),
            prompt=question.prompt if question is not None else str(answer["prompt"]),
            points=points,
            max_points=max_points,
            skipped=skipped,
            seconds=_seconds(answer),
            facts=_fact_shares(question, answer, None if skipped else response, share),
        )


#: The longest time one answer may have taken (a question left open for days is possible).
MAX_ANSWER_SECONDS = 30 * 24 * 3600


def _seconds(answer: Mapping[str, Any]) -> float:
    """The time an answer took, 0 when unknown: not a number, below 0, or beyond any round
    (a hand-in's 1e308 would add up to infinity, which neither a clock nor JSON can show)."""
    value = answer.get("seconds")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    return float(value) if 0 <= value <= MAX_ANSWER_SECONDS else 0.0


def _generate(
    pack: Pack, mode: str, count: int, seed: int, day: str, *, fresh: bool = False
) -> dict[str, Question] | None:
    from ali_quiz.quiz.generate import RoundError, generate_round

    try:
        when = Date.fromisoformat(day) if day else None
    except ValueError:
        when = None
    make: Callable[..., list[Question]] = generate_round
    try:
        questions = make(pack, mode, count, seed, date=when, fresh=fresh)
    except (RoundError, ValueError):
        return None
    return {q.id: q for q in questions}


def best_of(attempts: Sequence[GradedAttempt], which: str) -> GradedAttempt:
    """The attempt that counts: `first`, `last` or `best` (the highest score; the first of ties)."""
    ordered = sorted(attempts, key=lambda a: a.started_at)
    if which == "first":
        return ordered[0]
    if which == "last":
        return ordered[-1]
    return max(ordered, key=lambda a: (a.score, -ordered.index(a)))
