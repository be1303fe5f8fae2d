"""The class report (`ali-quiz report`): students' `history --json` files merged into a gradebook.

Files that cannot be read, are not of the `history --json` shape, or are duplicates of another
(report_files), of another pack or version, or hold no attempt at the class round (report_select)
are named in `problems`. Each student's attempts at the class round are graded again from their
responses when the pack is installed (report_grade); `attempt` picks the one that counts (`best`
by default, `first` or `last`). A student's percent is of the whole round's maximum, so an
unfinished round never looks perfect.

Per question: how many students answered, got full marks (right), some (partial) or none
(wrong, skips included), skipped, and the average percent of those who answered. Per fact, item
by item (a match's pairs, an order's items): right, partial or wrong for each student.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from ali_quiz.packs.model import Pack
from ali_quiz.teach.report_files import FileProblem, HistoryFile, drop_duplicates, read_history
from ali_quiz.teach.report_grade import GradedAttempt, Regrader, best_of
from ali_quiz.teach.report_select import RoundKey, select

__all__ = [
    "ATTEMPTS",
    "BUCKETS",
    "FactStats",
    "FileProblem",
    "QuestionStats",
    "Report",
    "StudentRow",
    "build_report",
    "history_files",
    "report_json",
]

ATTEMPTS = ("best", "first", "last")
BUCKETS = (*(f"{low}-{low + 9}" for low in range(0, 90, 10)), "90-100")

#: Finds the installed pack with this id and content hash (None when this machine lacks it).
PackFinder = Callable[[str, str], Pack | None]


@dataclass(frozen=True)
class StudentRow:
    """A row of the gradebook."""

    player: str
    file: str
    score: int
    max_score: int  # of the whole round
    percent: float
    answered: int
    count: int
    finished: bool
    attempts: int
    seconds: float


@dataclass(frozen=True)
class QuestionStats:
    question_id: str
    prompt: str
    kind: str
    answered: int
    right: int
    partial: int
    wrong: int  # skips included
    skipped: int
    average: float  # percent of max_points over the students who answered


@dataclass(frozen=True)
class FactStats:
    fact: str
    label: str
    answered: int
    right: int
    partial: int
    wrong: int


@dataclass(frozen=True)
class Report:
    pack: str | None
    pack_hash: str | None
    round: RoundKey | None
    code: str | None
    attempt: str
    checked: bool  # the answers were graded again against the installed pack
    students: tuple[StudentRow, ...]
    questions: tuple[QuestionStats, ...]
    facts: tuple[FactStats, ...]
    problems: tuple[FileProblem, ...]

    @property
    def usable(self) -> bool:
        return bool(self.students)

    @property
    def finished(self) -> int:
        return sum(s.finished for s in self.students)

    @property
    def average_percent(self) -> float:
        return sum(s.percent for s in self.students) / len(self.students) if self.students else 0.0

    @property
    def distribution(self) -> dict[str, int]:
        counts = dict.fromkeys(BUCKETS, 0)
        for student in self.students:
            counts[BUCKETS[min(int(student.percent // 10), len(BUCKETS) - 1)]] += 1
        return counts


def history_files(rounds: Iterable[Mapping[str, Any]], label: str) -> list[HistoryFile]:
    """One pseudo-file per player from this machine's history (`report --code C`)."""
    by_player: dict[str, list[dict[str, Any]]] = {}
    for entry in rounds:
        by_player.setdefault(str(entry["player"]), []).append(dict(entry))
    return [
        HistoryFile(f"{label} ({player})", f"{label}:{player}", tuple(found))
        for player, found in by_player.items()
    ]


def build_report(
    files: Sequence[Path | HistoryFile],
    *,
    find_pack: PackFinder | None = None,
    attempt: str = "best",
    pack: str | None = None,
    round_key: RoundKey | None = None,
) -> Report:
    """Merge students' histories (paths of `history --json` files, or read ones) into a report."""
    read = [read_history(Path(f)) if not isinstance(f, HistoryFile) else f for f in files]
    problems = [r for r in read if isinstance(r, FileProblem)]
    kept, duplicates = drop_duplicates([r for r in read if isinstance(r, HistoryFile)])
    problems += duplicates
    chosen = select(kept, pack=pack, round_key=round_key)
    problems += chosen.problems
    found = None
    if find_pack is not None and chosen.pack and chosen.pack_hash:
        found = find_pack(chosen.pack, chosen.pack_hash)
    regrader = Regrader(found)
    counted: list[tuple[StudentRow, GradedAttempt]] = []
    for student in chosen.students:
        graded = [regrader.grade(entry) for entry in student.rounds]
        for attempt_graded, name in zip(graded, student.files, strict=True):
            if attempt_graded.disagreements:
                shown = "; ".join(attempt_graded.disagreements[:3])
                more = len(attempt_graded.disagreements) - 3
                problems.append(
                    FileProblem(
                        name,
                        f"points in the file disagree with its answers ({shown}"
                        f"{f'; and {more} more' if more > 0 else ''}): the re-graded points count",
                    )
                )
        best = best_of(graded, attempt)
        percent = 100 * best.score / best.max_score if best.max_score else 0.0
        row = StudentRow(
            player=student.player,
            file=student.files[graded.index(best)],
            score=best.score,
            max_score=best.max_score,
            percent=round(percent, 1),
            answered=len(best.answers),
            count=best.size,
            finished=best.finished,
            attempts=len(graded),
            seconds=round(best.seconds, 1),
        )
        counted.append((row, best))
    labels = {}
    if found is not None:
        # Named as the player saw them: a date as the play screen writes it in the pack's
        # language (`December 2018`, not `2018-12`), an English release's codename in “”.
        from ali_quiz.history.describe import fact_labels

        labels = {fact: name for (_, fact), name in fact_labels([found]).items()}
    return Report(
        pack=chosen.pack,
        pack_hash=chosen.pack_hash,
        round=chosen.round,
        code=chosen.code,
        attempt=attempt,
        checked=found is not None,
        students=tuple(row for row, _ in counted),
        questions=_question_stats([g for _, g in counted]),
        facts=_fact_stats([g for _, g in counted], labels),
        problems=tuple(problems),
    )


def _question_stats(attempts: list[GradedAttempt]) -> tuple[QuestionStats, ...]:
    by_question: dict[str, list[Any]] = {}
    order: dict[str, tuple[int, str]] = {}
    for graded in attempts:
        for answer in graded.answers:
            by_question.setdefault(answer.question_id, []).append(answer)
            order.setdefault(answer.question_id, (answer.position, answer.question_id))
    stats = []
    for qid in sorted(by_question, key=lambda q: order[q]):
        answers = by_question[qid]
        shares = [a.share for a in answers]
        stats.append(
            QuestionStats(
                question_id=qid,
                prompt=answers[0].prompt,
                kind=answers[0].kind,
                answered=len(answers),
                right=sum(s >= 1 for s in shares),
                partial=sum(0 < s < 1 for s in shares),
                wrong=sum(s <= 0 for s in shares),
                skipped=sum(a.skipped for a in answers),
                average=round(float(100 * sum(shares, Fraction(0)) / len(shares)), 1),
            )
        )
    return tuple(stats)


def _fact_stats(attempts: list[GradedAttempt], labels: Mapping[str, str]) -> tuple[FactStats, ...]:
    per_fact: dict[str, list[list[Fraction]]] = {}
    for graded in attempts:
        mine: dict[str, list[Fraction]] = {}
        for answer in graded.answers:
            for fact, share in answer.facts:
                mine.setdefault(fact, []).append(share)
        for fact, shares in mine.items():
            per_fact.setdefault(fact, []).append(shares)
    stats = []
    for fact, students in per_fact.items():
        right = sum(all(s >= 1 for s in shares) for shares in students)
        wrong = sum(all(s <= 0 for s in shares) for shares in students)
        stats.append(
            FactStats(
                fact=fact,
                label=labels.get(fact, fact),
                answered=len(students),
                right=right,
                partial=len(students) - right - wrong,
                wrong=wrong,
            )
        )
    # Weakest first: the most students wrong, then the fewest right.
    stats.sort(key=lambda s: (-(s.wrong + s.partial / 2) / s.answered, s.fact))
    return tuple(stats)


def report_json(report: Report) -> dict[str, Any]:
    """PRODUCT.md's `report --json` shape."""
    mode, count, seed = report.round if report.round is not None else (None, None, None)
    return {
        "round": {
            "pack": report.pack,
            "pack_hash": report.pack_hash,
            "mode": mode,
            "count": count,
            "seed": seed,
            "code": report.code,
        },
        "class": {
            "students": len(report.students),
            "finished": report.finished,
            "average_percent": round(report.average_percent, 1),
            "distribution": report.distribution,
        },
        "students": [
            {
                "player": s.player,
                "file": s.file,
                "score": s.score,
                "max_score": s.max_score,
                "percent": s.percent,
                "answered": s.answered,
                "count": s.count,
                "finished": s.finished,
                "attempts": s.attempts,
                "seconds": s.seconds,
            }
            for s in report.students
        ],
        "questions": [
            {
                "question_id": q.question_id,
                "prompt": q.prompt,
                "answered": q.answered,
                "right": q.right,
                "partial": q.partial,
                "wrong": q.wrong,
                "skipped": q.skipped,
                "average": q.average,
            }
            for q in report.questions
        ],
        "facts": [
            {
                "fact": f.fact,
                "label": f.label,
                "answered": f.answered,
                "right": f.right,
                "partial": f.partial,
                "wrong": f.wrong,
            }
            for f in report.facts
        ],
        "problems": [{"file": p.name, "message": p.reason} for p in report.problems],
    }
