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

import csv
import hashlib
import io
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
class FileProblem:
    """A file left out of the report, and why."""

    name: str
    reason: str


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


# -- reading the files ----------------------------------------------------------------------------


class _Shape(ValueError):
    """A file that is JSON but not `history --json`; the message says where."""


_ROUND_FIELDS: tuple[tuple[str, tuple[type, ...], bool], ...] = (
    # (key, JSON types allowed, may be null)
    ("id", (int, str), False),
    ("player", (str,), False),
    ("pack", (str,), False),
    ("pack_hash", (str,), False),
    ("mode", (str,), False),
    ("count", (int,), False),
    ("seed", (int,), True),
    ("code", (str,), True),
    ("started_at", (str,), False),
    ("finished", (bool,), False),
    ("answers", (list,), False),
)
_ANSWER_FIELDS: tuple[tuple[str, tuple[type, ...], bool], ...] = (
    ("position", (int,), False),
    ("question_id", (str,), False),
    ("kind", (str,), False),
    ("facts", (list,), False),
    ("prompt", (str,), False),
    ("points", (int, float), False),
    ("max_points", (int, float), False),
    ("skipped", (bool,), False),
)
_TYPE_NAMES = {
    int: "a whole number",
    float: "a number",
    str: "text",
    bool: "true or false",
    list: "a list",
}


def _check_fields(
    data: Any, fields: tuple[tuple[str, tuple[type, ...], bool], ...], where: str
) -> None:
    if not isinstance(data, dict):
        raise _Shape(f"{where}: expected an object {{...}}, found {_json_type(data)}")
    for key, types, nullable in fields:
        if key not in data:
            raise _Shape(f"{where}: `{key}` is missing")
        value = data[key]
        if value is None and nullable:
            continue
        # bool is an int in Python; JSON true is not a number.
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            wanted = " or ".join(_TYPE_NAMES[t] for t in types)
            raise _Shape(f"{where}: `{key}` must be {wanted}, not {_json_type(value)}")


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _check_history(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, list):
        raise _Shape(
            f"expected a list of rounds (what `ali-quiz history --json` writes), found "
            f"{_json_type(data)}"
        )
    if not data:
        raise _Shape("it holds no rounds: the student should play the round, then export")
    for index, entry in enumerate(data):
        _check_fields(entry, _ROUND_FIELDS, f"[{index}]")
        for number, answer in enumerate(entry["answers"]):
            where = f"[{index}].answers[{number}]"
            _check_fields(answer, _ANSWER_FIELDS, where)
            if not all(isinstance(f, str) for f in answer["facts"]):
                raise _Shape(f"{where}: `facts` must be a list of fact ids")
            if answer["max_points"] <= 0:
                raise _Shape(f"{where}: `max_points` must be above 0")
    return data


@dataclass(frozen=True)
class _File:
    name: str
    digest: str
    rounds: tuple[dict[str, Any], ...]

    @property
    def identities(self) -> set[tuple[str, str, str]]:
        return {(r["player"], str(r["id"]), r["started_at"]) for r in self.rounds}

    @property
    def answer_count(self) -> int:
        return sum(len(r["answers"]) for r in self.rounds)


def _read(path: Path) -> _File | FileProblem:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        return FileProblem(name, f"cannot be read: {err.strerror or err}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return FileProblem(name, f"is not UTF-8 text (byte {err.start + 1}); export it again")
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as err:
        return FileProblem(name, f"is not JSON: line {err.lineno}, column {err.colno}: {err.msg}")
    try:
        rounds = _check_history(parsed)
    except _Shape as err:
        return FileProblem(name, f"is not a `history --json` file: {err}")
    return _File(name, hashlib.sha256(data).hexdigest(), tuple(rounds))


def _drop_duplicates(files: list[_File]) -> tuple[list[_File], list[FileProblem]]:
    """Group files with the same bytes or shared rounds; keep the fullest of each group."""
    groups: list[list[_File]] = []
    for found in files:
        joined = [
            g
            for g in groups
            if any(f.digest == found.digest or f.identities & found.identities for f in g)
        ]
        merged = [found]
        for group in joined:
            merged = group + merged
            groups.remove(group)
        groups.append(merged)
    kept: list[_File] = []
    problems: list[FileProblem] = []
    for group in groups:
        # The fullest export wins; among equals, the one given first.
        best = max(group, key=lambda f: (f.answer_count, -files.index(f)))
        kept.append(best)
        for other in group:
            if other is best:
                continue
            why = "the same content" if other.digest == best.digest else "the same rounds"
            problems.append(FileProblem(other.name, f"is a duplicate of {best.name} ({why})"))
    kept.sort(key=files.index)
    problems.sort(key=lambda p: [f.name for f in files].index(p.name))
    return kept, problems


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
    file: _File
    player: str
    rounds: tuple[dict[str, Any], ...]  # rounds counted, earliest first


def _select(
    files: list[_File],
) -> tuple[
    str | None,
    str | None,
    tuple[str, int, int | None] | None,
    str | None,
    list[_Selected],
    list[NotFinished],
    list[FileProblem],
    list[FileProblem],
    list[FileProblem],
]:
    if not files:
        return None, None, None, None, [], [], [], [], []
    pack_order: list[str] = []
    packs: Counter[str] = Counter()
    for f in files:
        for pack in dict.fromkeys(r["pack"] for r in f.rounds):
            packs[pack] += 1
            if pack not in pack_order:
                pack_order.append(pack)
    pack = _most_common(packs, pack_order)
    other_pack: list[FileProblem] = []
    of_pack: list[tuple[_File, list[dict[str, Any]]]] = []
    for f in files:
        rounds = [r for r in f.rounds if r["pack"] == pack]
        if not rounds:
            held = ", ".join(dict.fromkeys(r["pack"] for r in f.rounds))
            other_pack.append(FileProblem(f.name, f"has no rounds of the pack {pack} ({held})"))
        else:
            of_pack.append((f, rounds))

    hash_order: list[str] = []
    hashes: Counter[str] = Counter()
    for _, rounds in of_pack:
        latest = max(rounds, key=_started)["pack_hash"]
        hashes[latest] += 1
        if latest not in hash_order:
            hash_order.append(latest)
    pack_hash = _most_common(hashes, hash_order)
    other_version: list[FileProblem] = []
    notes: list[FileProblem] = []
    current: list[tuple[_File, list[dict[str, Any]]]] = []
    for f, rounds in of_pack:
        same = [r for r in rounds if r["pack_hash"] == pack_hash]
        if not same:
            theirs = _short(max(rounds, key=_started)["pack_hash"])
            other_version.append(
                FileProblem(
                    f.name,
                    f"played another version of the pack {pack} (version {theirs}, the "
                    f"class played {_short(pack_hash)}): its questions may differ",
                )
            )
            continue
        if len(same) < len(rounds):
            notes.append(
                FileProblem(
                    f.name,
                    f"{len(rounds) - len(same)} round(s) of another version of the pack left out",
                )
            )
        current.append((f, sorted(same, key=_started)))

    key_order: list[tuple[str, int, int | None]] = []
    keys: Counter[tuple[str, int, int | None]] = Counter()
    for _, rounds in current:
        for key in dict.fromkeys((r["mode"], r["count"], r["seed"]) for r in rounds):
            keys[key] += 1
            if key not in key_order:
                key_order.append(key)
    top = _most_common(keys, key_order)
    shared = keys[top] >= 2 and 2 * keys[top] >= len(current) and top[2] is not None
    selected: list[_Selected] = []
    not_finished: list[NotFinished] = []
    code: str | None = None
    for f, rounds in current:
        player = rounds[-1]["player"]
        if not shared:
            selected.append(_Selected(f, player, tuple(rounds)))
            latest = rounds[-1]
            if not latest["finished"]:
                not_finished.append(NotFinished(f.name, player, _stopped(latest)))
            continue
        attempts = [r for r in rounds if (r["mode"], r["count"], r["seed"]) == top]
        if not attempts:
            not_finished.append(NotFinished(f.name, player, "has not played the class round"))
            continue
        finished = [r for r in attempts if r["finished"]]
        chosen = finished[0] if finished else max(attempts, key=lambda r: len(r["answers"]))
        code = code or chosen.get("code")
        selected.append(_Selected(f, player, (chosen,)))
        if not chosen["finished"]:
            not_finished.append(NotFinished(f.name, player, _stopped(chosen)))
    return (
        pack,
        pack_hash,
        top if shared else None,
        code,
        selected,
        not_finished,
        other_pack,
        other_version,
        notes,
    )


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
    read = [_read(Path(p)) for p in files]
    malformed = [r for r in read if isinstance(r, FileProblem)]
    valid = [r for r in read if isinstance(r, _File)]
    kept, duplicates = _drop_duplicates(valid)
    (
        pack,
        pack_hash,
        class_round,
        code,
        selected,
        not_finished,
        other_pack,
        other_version,
        notes,
    ) = _select(kept)

    # Each student's first answer to each question.
    firsts: list[dict[str, dict[str, Any]]] = []
    order: dict[str, tuple[int, str]] = {}
    prompts: dict[str, tuple[str, str]] = {}
    students: list[StudentResult] = []
    for chosen in selected:
        answers: dict[str, dict[str, Any]] = {}
        for entry in chosen.rounds:
            for answer in sorted(entry["answers"], key=lambda a: a["position"]):
                qid = answer["question_id"]
                answers.setdefault(qid, answer)
                order.setdefault(qid, (answer["position"], qid))
                prompts.setdefault(qid, (answer["prompt"], answer["kind"]))
        firsts.append(answers)
        students.append(
            StudentResult(
                name=chosen.file.name,
                player=chosen.player,
                score=round(sum(float(a["points"]) for a in answers.values())),
                max_score=round(sum(float(a["max_points"]) for a in answers.values())),
                answered=len(answers),
                finished=any(r["finished"] for r in chosen.rounds),
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
        pack=pack,
        pack_hash=pack_hash,
        round=class_round,
        code=code,
        students=tuple(students),
        questions=tuple(question_stats),
        facts=tuple(fact_stats),
        not_finished=tuple(not_finished),
        malformed=tuple(malformed),
        duplicates=tuple(duplicates),
        other_version=tuple(other_version),
        other_pack=tuple(other_pack),
        notes=tuple(notes),
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
    writer = csv.writer(out, lineterminator="\n")
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
