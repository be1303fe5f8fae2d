"""The class report (`ali-quiz report FILES...`): students' `history --json` files merged.

How the files are merged, in order:

1. Files that cannot be read, are not JSON or do not have the `history --json` shape are left out
   as *malformed*, saying what is wrong and where (`[2].answers[3]: points is missing`).
2. *Duplicates*: a file with the same bytes as another, or holding the same rounds (same player,
   round id and start time: the same student's history handed in twice). Of such files the one
   with the most answers is kept (a later export of the same history), the others are listed.
3. The pack is the one most files have rounds of; files without rounds of it are listed as
   *other pack*. Its version is the `pack_hash` most of those files have; files that only
   played another version are listed as *other version* (their answers would be to other
   questions), and rounds of another version inside a kept file are left out with a note.
4. The class round is the (mode, count, seed) most files have played, when at least two files
   and half of them played it; a student's first finished attempt counts (else their attempt
   with the most answers), and students who did not finish it, or never played it, are listed.
   When there is no shared round (everyone played their own), every round of the pack counts,
   each student's first answer to each question, and a student is unfinished when their
   latest round is.

Per question and per fact: how many students answered, how many got full marks (right), some
(partial) or none (wrong, skips included), the class average (percent of max_points) and the
distribution over 0-19, 20-39, 40-59, 60-79, 80-99 and 100 percent. A fact's figures are per
student: the mean of their answers to the questions testing it.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ali_quiz.safety.csvcells import csv_writer
from ali_quiz.teach.report_files import FileProblem, HistoryFile, drop_duplicates, read_history
from ali_quiz.textwidth import table

__all__ = [
    "BUCKETS",
    "FileProblem",
    "ItemStats",
    "NotFinished",
    "Report",
    "StudentResult",
    "build_report",
    "format_report",
    "report_csv",
    "spread",
]

BUCKETS = ("0-19", "20-39", "40-59", "60-79", "80-99", "100")


@dataclass(frozen=True)
class StudentResult:
    """One student's part of the report (one file)."""

    name: str  # the file
    player: str
    score: int
    max_score: int
    answered: int
    finished: bool


@dataclass(frozen=True)
class NotFinished:
    name: str
    player: str
    reason: str


@dataclass(frozen=True)
class ItemStats:
    """How the class did on one question or one fact."""

    id: str
    label: str  # the prompt of a question; the fact's label (or id) for a fact
    kind: str  # the question's kind; for a fact, the kinds of the questions that tested it
    questions: int  # questions counted (1 for a question)
    students: int
    right: int
    partial: int
    wrong: int
    skipped: int
    average: float  # percent of max_points, 0 to 100
    buckets: tuple[int, ...]  # students per BUCKETS range


@dataclass(frozen=True)
class Report:
    pack: str | None
    pack_hash: str | None
    round: tuple[str, int, int | None] | None  # (mode, count, seed) of the class round
    code: str | None
    students: tuple[StudentResult, ...]
    questions: tuple[ItemStats, ...]
    facts: tuple[ItemStats, ...]
    not_finished: tuple[NotFinished, ...]
    malformed: tuple[FileProblem, ...]
    duplicates: tuple[FileProblem, ...]
    other_version: tuple[FileProblem, ...]
    other_pack: tuple[FileProblem, ...]
    notes: tuple[FileProblem, ...]  # rounds left out of kept files

    @property
    def usable(self) -> bool:
        """True when at least one student's answers are in the report."""
        return bool(self.students)

    @property
    def left_out(self) -> tuple[FileProblem, ...]:
        return self.malformed + self.duplicates + self.other_version + self.other_pack


# -- choosing what to count -----------------------------------------------------------------------


def _most_common(counter: Counter[Any], order: list[Any]) -> Any:
    """The most counted key; ties go to the one met first."""
    return max(counter, key=lambda key: (counter[key], -order.index(key)))


def _started(entry: dict[str, Any]) -> str:
    return str(entry["started_at"])


def _short(pack_hash: str) -> str:
    return pack_hash[:12]


@dataclass(frozen=True)
class _Selected:
    file: HistoryFile
    player: str
    rounds: tuple[dict[str, Any], ...]  # rounds counted, earliest first


@dataclass
class _Selection:
    """What the report counts, and what it leaves out (filled in step by step)."""

    pack: str | None = None
    pack_hash: str | None = None
    round: tuple[str, int, int | None] | None = None
    code: str | None = None
    selected: list[_Selected] = field(default_factory=list)
    not_finished: list[NotFinished] = field(default_factory=list)
    other_pack: list[FileProblem] = field(default_factory=list)
    other_version: list[FileProblem] = field(default_factory=list)
    notes: list[FileProblem] = field(default_factory=list)


_Rounds = list[tuple[HistoryFile, list[dict[str, Any]]]]


def _of_the_pack(files: list[HistoryFile], chosen: _Selection) -> _Rounds:
    """The pack most files played; files without a round of it are set aside."""
    order: list[str] = []
    packs: Counter[str] = Counter()
    for f in files:
        for pack in dict.fromkeys(r["pack"] for r in f.rounds):
            packs[pack] += 1
            if pack not in order:
                order.append(pack)
    chosen.pack = pack = _most_common(packs, order)
    found: _Rounds = []
    for f in files:
        rounds = [r for r in f.rounds if r["pack"] == pack]
        if rounds:
            found.append((f, rounds))
        else:
            held = ", ".join(dict.fromkeys(r["pack"] for r in f.rounds))
            chosen.other_pack.append(
                FileProblem(f.name, f"has no rounds of the pack {pack} ({held})")
            )
    return found


def _of_the_version(of_pack: _Rounds, chosen: _Selection) -> _Rounds:
    """The version (pack_hash) most files last played; other versions' rounds are set aside."""
    order: list[str] = []
    hashes: Counter[str] = Counter()
    for _, rounds in of_pack:
        latest = max(rounds, key=_started)["pack_hash"]
        hashes[latest] += 1
        if latest not in order:
            order.append(latest)
    chosen.pack_hash = pack_hash = _most_common(hashes, order)
    found: _Rounds = []
    for f, rounds in of_pack:
        same = [r for r in rounds if r["pack_hash"] == pack_hash]
        if not same:
            theirs = _short(max(rounds, key=_started)["pack_hash"])
            chosen.other_version.append(
                FileProblem(
                    f.name,
                    f"played another version of the pack {chosen.pack} (version {theirs}, the "
                    f"class played {_short(pack_hash)}): its questions may differ",
                )
            )
            continue
        if len(same) < len(rounds):
            left_out = len(rounds) - len(same)
            chosen.notes.append(
                FileProblem(f.name, f"{left_out} round(s) of another version of the pack left out")
            )
        found.append((f, sorted(same, key=_started)))
    return found


def _of_the_round(current: _Rounds, chosen: _Selection) -> None:
    """The round most files played, if the class shared one; else every round counts."""
    order: list[tuple[str, int, int | None]] = []
    keys: Counter[tuple[str, int, int | None]] = Counter()
    for _, rounds in current:
        for key in dict.fromkeys((r["mode"], r["count"], r["seed"]) for r in rounds):
            keys[key] += 1
            if key not in order:
                order.append(key)
    top = _most_common(keys, order)
    shared = keys[top] >= 2 and 2 * keys[top] >= len(current) and top[2] is not None
    chosen.round = top if shared else None
    for f, rounds in current:
        player = rounds[-1]["player"]
        if not shared:
            chosen.selected.append(_Selected(f, player, tuple(rounds)))
            latest = rounds[-1]
            if not latest["finished"]:
                chosen.not_finished.append(NotFinished(f.name, player, _stopped(latest)))
            continue
        attempts = [r for r in rounds if (r["mode"], r["count"], r["seed"]) == top]
        if not attempts:
            chosen.not_finished.append(
                NotFinished(f.name, player, "has not played the class round")
            )
            continue
        # The first finished attempt shows what the student knew; later ones knew the answers.
        finished = [r for r in attempts if r["finished"]]
        attempt = finished[0] if finished else max(attempts, key=lambda r: len(r["answers"]))
        chosen.code = chosen.code or attempt.get("code")
        chosen.selected.append(_Selected(f, player, (attempt,)))
        if not attempt["finished"]:
            chosen.not_finished.append(NotFinished(f.name, player, _stopped(attempt)))


def _select(files: list[HistoryFile]) -> _Selection:
    chosen = _Selection()
    if files:
        _of_the_round(_of_the_version(_of_the_pack(files, chosen), chosen), chosen)
    return chosen


def _stopped(entry: dict[str, Any]) -> str:
    answered = len(entry["answers"])
    return f"stopped after {answered} of {entry['count']} questions ({entry['started_at'][:10]})"


# -- counting ---------------------------------------------------------------------------------


def _share(answer: dict[str, Any]) -> float:
    return min(max(float(answer["points"]) / float(answer["max_points"]), 0.0), 1.0)


def _bucket(share: float) -> int:
    return len(BUCKETS) - 1 if share >= 1 else min(int(share * 100) // 20, len(BUCKETS) - 2)


def _stats(
    item_id: str, label: str, kind: str, questions: int, per_student: list[list[dict[str, Any]]]
) -> ItemStats:
    """Figures over students, each with the answers that count for this item."""
    right = partial = wrong = skipped = 0
    buckets = [0] * len(BUCKETS)
    total = 0.0
    for answers in per_student:
        shares = [_share(a) for a in answers]
        mean = sum(shares) / len(shares)
        total += mean
        buckets[_bucket(mean)] += 1
        skipped += any(a["skipped"] for a in answers)
        if all(s >= 1 for s in shares):
            right += 1
        elif any(s > 0 for s in shares):
            partial += 1
        else:
            wrong += 1
    students = len(per_student)
    return ItemStats(
        id=item_id,
        label=label,
        kind=kind,
        questions=questions,
        students=students,
        right=right,
        partial=partial,
        wrong=wrong,
        skipped=skipped,
        average=100 * total / students if students else 0.0,
        buckets=tuple(buckets),
    )


def build_report(files: Sequence[Path], *, fact_labels: Mapping[str, str] | None = None) -> Report:
    """Merge students' `history --json` files; `fact_labels` (fact id -> text) labels facts."""
    read = [read_history(Path(p)) for p in files]
    malformed = [r for r in read if isinstance(r, FileProblem)]
    valid = [r for r in read if isinstance(r, HistoryFile)]
    kept, duplicates = drop_duplicates(valid)
    chosen = _select(kept)

    # Each student's first answer to each question.
    firsts: list[dict[str, dict[str, Any]]] = []
    order: dict[str, tuple[int, str]] = {}
    prompts: dict[str, tuple[str, str]] = {}
    students: list[StudentResult] = []
    for student in chosen.selected:
        answers: dict[str, dict[str, Any]] = {}
        for entry in student.rounds:
            for answer in sorted(entry["answers"], key=lambda a: a["position"]):
                qid = answer["question_id"]
                answers.setdefault(qid, answer)
                order.setdefault(qid, (answer["position"], qid))
                prompts.setdefault(qid, (answer["prompt"], answer["kind"]))
        firsts.append(answers)
        students.append(
            StudentResult(
                name=student.file.name,
                player=student.player,
                score=round(sum(float(a["points"]) for a in answers.values())),
                max_score=round(sum(float(a["max_points"]) for a in answers.values())),
                answered=len(answers),
                finished=any(r["finished"] for r in student.rounds),
            )
        )

    question_stats = [
        _stats(qid, prompts[qid][0], prompts[qid][1], 1, [[a[qid]] for a in firsts if qid in a])
        for qid in sorted(order, key=lambda q: order[q])
    ]
    fact_ids: dict[str, set[str]] = {}
    for answers in firsts:
        for qid, answer in answers.items():
            for fact in answer["facts"]:
                fact_ids.setdefault(fact, set()).add(qid)
    labels = fact_labels or {}
    fact_stats = []
    for fact, qids in fact_ids.items():
        per_student = [
            [a for qid, a in answers.items() if fact in a["facts"]] for answers in firsts
        ]
        kinds = ", ".join(sorted({prompts[q][1] for q in qids}))
        fact_stats.append(
            _stats(
                fact,
                labels.get(fact, fact),
                kinds,
                len(qids),
                [answers for answers in per_student if answers],
            )
        )
    fact_stats.sort(key=lambda s: (s.average, s.id))
    return Report(
        pack=chosen.pack,
        pack_hash=chosen.pack_hash,
        round=chosen.round,
        code=chosen.code,
        students=tuple(students),
        questions=tuple(question_stats),
        facts=tuple(fact_stats),
        not_finished=tuple(chosen.not_finished),
        malformed=tuple(malformed),
        duplicates=tuple(duplicates),
        other_version=tuple(chosen.other_version),
        other_pack=tuple(chosen.other_pack),
        notes=tuple(chosen.notes),
    )


# -- output -------------------------------------------------------------------------------------


def _percent(value: float) -> str:
    return f"{value:.0f}%"


def _round_text(report: Report) -> str:
    if report.round is None:
        return "every round of the pack (no round shared by the class)"
    mode, count, seed = report.round
    text = f"{mode}, {count} questions, seed {seed}"
    return f"{text} (code {report.code})" if report.code else text


def format_report(report: Report) -> str:
    """The report as text tables for a terminal (CJK text stays aligned)."""
    lines: list[str] = []
    if report.pack is not None and report.pack_hash is not None:
        lines.append(f"Class report: pack {report.pack} (version {_short(report.pack_hash)})")
        lines.append(f"Round: {_round_text(report)}")
    else:
        lines.append("Class report: no student file could be used")
    if report.students:
        lines += ["", f"Students ({len(report.students)})"]
        lines.append(
            table(
                ["player", "file", "score", "answered", "finished"],
                [
                    [
                        s.player,
                        Path(s.name).name,
                        f"{s.score}/{s.max_score}",
                        str(s.answered),
                        "yes" if s.finished else "no",
                    ]
                    for s in report.students
                ],
                max_width=30,
                right=(2, 3),
            )
        )
    counts = ["answered", "right", "partial", "wrong", "average", "spread"]
    if report.questions:
        lines += ["", "Questions (in the order of the round)"]
        lines.append(
            table(
                ["#", "question", "kind", *counts],
                [
                    [str(n), s.label.replace("\n", " "), s.kind, *_numbers(s)]
                    for n, s in enumerate(report.questions, start=1)
                ],
                max_width=30,
                right=(0, 3, 4, 5, 6, 7),
            )
        )
    if report.facts:
        lines += ["", "Facts (weakest first)"]
        lines.append(
            table(
                ["fact", "questions", *counts],
                [
                    [s.label.replace("\n", " "), str(s.questions), *_numbers(s)]
                    for s in report.facts
                ],
                max_width=30,
                right=(1, 2, 3, 4, 5, 6),
            )
        )
    if report.questions or report.facts:
        lines.append(
            "spread: students per score band, "
            + ", ".join(f"{b}%" for b in BUCKETS)
            + " (· none, █ all); right = full marks, wrong = no points (skips included)"
        )
    if report.not_finished:
        lines += ["", "Not finished"]
        lines += [f"  {n.player} ({Path(n.name).name}): {n.reason}" for n in report.not_finished]
    left_out = report.left_out
    if left_out or report.notes:
        lines += ["", "Files left out"] if left_out else [""]
        lines += [f"  {p.name}: {p.reason}" for p in left_out]
        lines += [f"  note: {p.name}: {p.reason}" for p in report.notes]
    return "\n".join(lines) + "\n"


_LEVELS = "▁▂▃▄▅▆▇█"


def spread(buckets: Sequence[int]) -> str:
    """The distribution as one character per band: `·` for none, up to `█` for everyone."""
    total = sum(buckets)
    if not total:
        return "·" * len(buckets)
    return "".join(
        _LEVELS[max(0, -(-count * len(_LEVELS) // total) - 1)] if count else "·"
        for count in buckets
    )


def _numbers(stats: ItemStats) -> list[str]:
    return [
        str(stats.students),
        str(stats.right),
        str(stats.partial),
        str(stats.wrong),
        _percent(stats.average),
        spread(stats.buckets),
    ]


CSV_COLUMNS = (
    "section",
    "id",
    "label",
    "kind",
    "questions",
    "students",
    "right",
    "partial",
    "wrong",
    "skipped",
    "average",
    *(f"students_{b.replace('-', '_')}" for b in BUCKETS),
)


def report_csv(report: Report) -> str:
    """One row per question and per fact, for a spreadsheet (average in percent)."""
    out = io.StringIO()
    writer = csv_writer(out)  # formula-like cells neutralised
    writer.writerow(CSV_COLUMNS)
    for section, items in (("question", report.questions), ("fact", report.facts)):
        for s in items:
            writer.writerow(
                [
                    section,
                    s.id,
                    s.label,
                    s.kind,
                    s.questions,
                    s.students,
                    s.right,
                    s.partial,
                    s.wrong,
                    s.skipped,
                    f"{s.average:.1f}",
                    *s.buckets,
                ]
            )
    return out.getvalue()
