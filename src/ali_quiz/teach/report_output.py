"""The class report as text for a terminal and as CSV tables for a spreadsheet.

The text report prints the gradebook, the questions and the facts, wrapping long prompts and
labels instead of cutting them, and shows control characters from the files as visible escapes.
`--csv` prints one table (`students`, the gradebook, by default); a cell a spreadsheet would run
as a formula is prefixed with `'`, numbers stay numbers.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from ali_quiz import linebreak
from ali_quiz.quiz.codes import is_fresh_code
from ali_quiz.safety.csvcells import csv_writer
from ali_quiz.safety.text import visible as escaped
from ali_quiz.teach.report import BUCKETS, Report
from ali_quiz.textwidth import pad, width

__all__ = ["TABLES", "format_report", "report_csv", "visible", "wrap"]

TABLES = ("students", "questions", "facts")
_WRAP = 40  # columns of a wrapped prompt or label


def visible(text: str) -> str:
    """Control characters (escape sequences, bell, NUL) as visible escapes; lines joined."""
    return escaped(" ".join(text.split("\n")).replace("\t", " "))


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` terminal columns, broken as `ali_quiz.linebreak` says."""
    return linebreak.wrap(text, columns)


def _table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    right: Sequence[int] = (),
    wrapped: int | None = None,
) -> str:
    """A text table; the cells of column `wrapped` wrap onto more lines."""
    split = [
        [wrap(cell, _WRAP) if i == wrapped else [cell] for i, cell in enumerate(row)]
        for row in rows
    ]
    widths = [
        max([width(h)] + [width(line) for row in split for line in row[i]])
        for i, h in enumerate(headers)
    ]
    lines = ["  ".join(pad(h, widths[i]) for i, h in enumerate(headers)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    for row in split:
        for n in range(max(len(cell) for cell in row)):
            lines.append(
                "  ".join(
                    pad(cell[n] if n < len(cell) else "", widths[i], right=i in right)
                    for i, cell in enumerate(row)
                ).rstrip()
            )
    return "\n".join(lines)


def _time(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _round_text(report: Report) -> str:
    if report.round is None:
        return "each student's own rounds (no round shared by the class)"
    mode, count, seed = report.round
    # The round as played: a pack may give fewer questions than asked (the code keeps the
    # number asked, which is what `generate` and the round code were given).
    held = {s.count for s in report.students}
    size = held.pop() if len(held) == 1 else count
    asked = f" ({count} asked)" if size != count else ""
    # A fresh round's seed alone makes another round: its code is what names it.
    made = "a fresh round" if is_fresh_code(report.code) else f"seed {seed}"
    text = f"{mode}, {size} questions{asked}, {made}"
    return f"{text}, code {report.code}" if report.code else text


def format_report(report: Report) -> str:
    """The whole report as text: class, gradebook, questions, facts, problems."""
    lines: list[str] = []
    if report.pack is None or report.pack_hash is None:
        lines.append("Class report: no student file could be used")
    else:
        lines.append(f"Class report: pack {report.pack} (version {report.pack_hash[:12]})")
        lines.append(f"Round: {_round_text(report)}")
        checked = (
            "graded again from the answers"
            if report.checked
            else ("points as recorded (the pack is not installed here, so they are not checked)")
        )
        lines.append(f"Attempt counted: {report.attempt}; {checked}")
    if report.students:
        spread = ", ".join(f"{b}%: {n}" for b, n in report.distribution.items() if n)
        lines += [
            "",
            f"Class: {len(report.students)} student{'' if len(report.students) == 1 else 's'},"
            f" {report.finished} finished, average "
            f"{report.average_percent:.0f}% ({spread})",
            "",
            "Students (percent of the whole round)",
            _table(
                ["player", "file", "score", "percent", "answered", "finished", "attempts", "time"],
                [
                    [
                        visible(s.player),
                        visible(Path(s.file).name),
                        f"{s.score}/{s.max_score}",
                        f"{s.percent:.0f}%",
                        f"{s.answered}/{s.count}",
                        "yes" if s.finished else "no",
                        str(s.attempts),
                        _time(s.seconds),
                    ]
                    for s in report.students
                ],
                right=(2, 3, 4, 6, 7),
                wrapped=0,
            ),
        ]
    if report.questions:
        lines += ["", "Questions (in the order of the round)"]
        lines.append(
            _table(
                [
                    "#",
                    "question",
                    "kind",
                    "answered",
                    "right",
                    "partial",
                    "wrong",
                    "skipped",
                    "average",
                ],  # fmt: skip
                [
                    [
                        str(n),
                        visible(q.prompt),
                        q.kind,
                        str(q.answered),
                        str(q.right),
                        str(q.partial),
                        str(q.wrong),
                        str(q.skipped),
                        f"{q.average:.0f}%",
                    ]  # fmt: skip
                    for n, q in enumerate(report.questions, start=1)
                ],
                right=(0, 3, 4, 5, 6, 7, 8),
                wrapped=1,
            )
        )
    if report.facts:
        lines += ["", "Facts (weakest first; a match graded pair by pair, an order item by item)"]
        lines.append(
            _table(
                ["fact", "answered", "right", "partial", "wrong"],
                [
                    [
                        visible(f.label),
                        str(f.answered),
                        str(f.right),
                        str(f.partial),
                        str(f.wrong),
                    ]  # fmt: skip
                    for f in report.facts
                ],
                right=(1, 2, 3, 4),
                wrapped=0,
            )
        )
    if report.problems:
        lines += ["", "Problems"]
        lines += [f"  {visible(p.name)}: {visible(p.reason)}" for p in report.problems]
    return "\n".join(lines) + "\n"


def report_csv(report: Report, table: str = "students") -> str:
    """One table of the report as CSV: `students` (the gradebook), `questions` or `facts`."""
    rows: list[list[object]]
    if table == "students":
        header = ["player", "file", "score", "max_score", "percent", "answered", "count",
                  "finished", "attempts", "seconds"]  # fmt: skip
        rows = [
            [
                s.player,
                s.file,
                s.score,
                s.max_score,
                s.percent,
                s.answered,
                s.count,
                "yes" if s.finished else "no",
                s.attempts,
                s.seconds,
            ]  # fmt: skip
            for s in report.students
        ]
    elif table == "questions":
        header = ["question_id", "prompt", "kind", "answered", "right", "partial", "wrong",
                  "skipped", "average"]  # fmt: skip
        rows = [
            [
                q.question_id,
                q.prompt,
                q.kind,
                q.answered,
                q.right,
                q.partial,
                q.wrong,
                q.skipped,
                q.average,
            ]  # fmt: skip
            for q in report.questions
        ]
    elif table == "facts":
        header = ["fact", "label", "answered", "right", "partial", "wrong"]
        rows = [[f.fact, f.label, f.answered, f.right, f.partial, f.wrong] for f in report.facts]
    else:
        raise ValueError(f"no table {table!r}: use one of {', '.join(TABLES)}")
    out = io.StringIO()
    writer = csv_writer(out)  # formula-like cells neutralised, numbers stay numbers
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


__all__ += ["BUCKETS"]
