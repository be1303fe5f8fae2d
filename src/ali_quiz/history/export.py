"""The history as `ali-quiz history` prints it: a table for people, JSON and CSV for programs.

Each writer streams: it walks the history a row at a time (`history.stream`) and writes as it
goes, so memory stays flat however long the history is. The table reads rounds only, never their
answers; CSV cells are shaped by SQLite itself, so a long export costs little more than SQLite
reading its rows.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterable

from ali_quiz.history import stream
from ali_quiz.history.jsontext import encoder
from ali_quiz.history.records import UNANSWERED_POINTS
from ali_quiz.percents import percent_of
from ali_quiz.textwidth import clip, width

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

    from ali_quiz.history.store import HistoryStore
    from ali_quiz.i18n import Translator

ROUND_COLUMNS = (
    "id",
    "player",
    "pack",
    "pack_hash",
    "mode",
    "count",
    "seed",
    "code",
    "date",
    "ui_language",
    "started_at",
    "finished_at",
    "finished",
    "score",
    "max_score",
)
ANSWER_COLUMNS = (
    "position",
    "question_id",
    "kind",
    "facts",
    "prompt",
    "response",
    "answer",
    "points",
    "max_points",
    "skipped",
    "seconds",
)
CSV_COLUMNS = ("round_id", *ROUND_COLUMNS[1:], *ANSWER_COLUMNS)


def duration_text(seconds: float | None) -> str:
    """`4:05` for four minutes and five seconds, `1:02:03` past an hour, `—` when unknown."""
    if seconds is None or seconds < 0:
        return "—"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def percent_text(score: int, max_score: int) -> str:
    """`77%` (halves up, as everywhere), or `—` when there was nothing to score."""
    return f"{percent_of(score, max_score)}%" if max_score else "—"


#: The table's columns, named in the interface language (`cli.history.col.<name>`).
TABLE_COLUMNS = ("id", "started", "player", "pack", "mode", "score", "percent", "time", "finished")
TABLE_RIGHT = frozenset((0, 5, 6, 7))
TABLE_MAX_WIDTH = 24
#: Rows (or parts of rows) gathered before a write to the output stream.
BATCH = 2000


def to_json(rounds: Iterable[dict[str, Any]]) -> str:
    """Rounds already in the `history --json` shape as a JSON array (UTF-8, not ASCII-escaped)."""
    import json

    return json.dumps(list(rounds), ensure_ascii=False, indent=2)


#: The time spent answering (RoundRecord.seconds), never start to finish: a round left and
#: resumed later would count the time away.
_SECONDS = "CASE WHEN answered > 0 THEN seconds END"
#: The points of the whole round: an unfinished one's questions still to come count at the
#: usual maximum, so that it never looks perfect (RoundRow.round_max, the TUI's history).
_ROUND_MAX = (
    "(max_score + CASE WHEN finished_at IS NULL"
    f" THEN {UNANSWERED_POINTS} * max(questions - answered, 0) ELSE 0 END)"
)
#: A table line's values, as SQL over `rounds`: id, start, player, pack, mode, score text,
#: score, max score, seconds (NULL: unknown), finished, answers given.
TABLE_SELECT = (
    "id, substr(started_at, 1, 10) || ' ' || substr(started_at, 12, 5), player, pack, mode,"
    f" score || '/' || {_ROUND_MAX}, score, {_ROUND_MAX}, {_SECONDS},"
    " finished_at IS NOT NULL, answered"
)
#: The widths of the table's number columns, measured by SQLite over the rounds chosen.
TABLE_MEASURE = (
    f"count(*), max(length(id)), max(length(score || '/' || {_ROUND_MAX})),"
    f" max(CASE WHEN {_ROUND_MAX} > 0"
    f" THEN length(CAST(round(100.0 * score / {_ROUND_MAX}) AS INTEGER))"
    f" + 1 ELSE 1 END), max({_SECONDS}), max(CASE WHEN finished_at IS NULL THEN answered END)"
)


def write_table(
    store: HistoryStore,
    out: TextIO,
    *,
    player: str | None = None,
    pack: str | None = None,
    limit: int | None = None,
    tr: Translator | None = None,
) -> int:
    """Write the rounds chosen as a fixed-width table, aligned for CJK text; return how many.

    Its headers and words are in `tr`'s language (English without one).

    The columns are measured first, by SQLite (numbers) and over the distinct names, so the
    lines are written as the rounds are read, one at a time. Long cells are clipped.
    """
    chosen: dict[str, Any] = {"player": player, "pack": pack, "limit": limit}
    [(count, ids, scores, percents, longest, unfinished)] = stream.selected_rounds(
        store, "*", over=TABLE_MEASURE, **chosen
    )
    if not count:
        return 0
    if tr is None:
        from ali_quiz.i18n import Translator

        tr = Translator("en")
    headers = tuple(tr(f"cli.history.col.{name}") for name in TABLE_COLUMNS)
    finished = tr("cli.history.yes")
    widths = [width(h) for h in headers]
    names = stream.selected_rounds(store, "player, pack, mode", over="DISTINCT *", **chosen)
    for row in names:
        for i, name in enumerate(row, start=2):
            widths[i] = max(widths[i], min(width(name), TABLE_MAX_WIDTH))
    measured = {0: ids, 1: 16, 5: scores, 6: percents, 7: width(duration_text(longest))}
    if unfinished is not None:
        measured[8] = width(tr("cli.history.no", answered=unfinished))
    for i, w in measured.items():
        widths[i] = max(widths[i], min(w, TABLE_MAX_WIDTH))
    out.write(_line(headers, widths, right=frozenset()))
    out.write("  ".join("─" * w for w in widths) + "\n")
    lines: list[str] = []
    for r in stream.selected_rounds(store, TABLE_SELECT, **chosen):
        cells = (
            str(r[0]),
            r[1],  # the player's local time, as recorded
            r[2],
            r[3],
            r[4],
            r[5],
            percent_text(r[6], r[7]),
            duration_text(r[8]),
            finished if r[9] else tr("cli.history.no", answered=r[10]),
        )
        lines.append(_line(cells, widths, right=TABLE_RIGHT))
        if len(lines) >= BATCH:  # a batch a write: `out` may check every write it gets
            out.write("".join(lines))
            lines.clear()
    out.write("".join(lines))
    return int(count)


def _line(cells: Iterable[str], widths: list[int], *, right: frozenset[int]) -> str:
    parts = []
    for i, cell in enumerate(cells):
        used = width(cell)
        if used > TABLE_MAX_WIDTH:
            cell = clip(cell, TABLE_MAX_WIDTH)
            used = width(cell)
        gap = " " * (widths[i] - used)
        parts.append(gap + cell if i in right else cell + gap)
    return "  ".join(parts).rstrip() + "\n"


def _json_scalar(column: str) -> str:
    """SQL: a JSON cell as CSV shows it: a string decoded, null empty, anything else as JSON."""
    return (
        f"CASE WHEN {column} = 'null' THEN NULL"
        f" WHEN substr({column}, 1, 1) = '\"' THEN json_extract({column}, '$')"
        f" ELSE {column} END"
    )


def _flag(column: str) -> str:
    return f"CASE {column} WHEN 0 THEN 'false' WHEN 1 THEN 'true' END"


def _safe(column: str) -> str:
    """SQL: a text cell that a spreadsheet would run as a formula goes through `csv_cell`.

    SQLite checks the first character of every cell; Python sees only the rare cell that starts
    like a formula (and leaves it alone if it is a number).
    """
    return (
        # unicode(): the first character's code point, = + - @ tab CR (cheaper than substr).
        f"CASE WHEN unicode({column}) IN (61, 43, 45, 64, 9, 13)"
        f" THEN csv_cell({column}) ELSE {column} END"
    )


#: The CSV cells, as SQL over rounds `r` and answers `a` (history.stream.answer_rows, with
#: csv_functions()), formula-like text neutralised as every CSV of ali-quiz is.
CSV_SELECT = ", ".join(
    (
        "r.id",
        *(
            _safe(f"r.{c}")
            for c in ("player", "pack", "pack_hash", "mode", "count", "seed", "code", "date")
        ),
        *(_safe(f"r.{c}") for c in ("ui_language", "started_at", "finished_at")),
        _flag("r.finished_at IS NOT NULL"),
        "r.score, r.max_score, a.position",
        *(_safe(f"a.{c}") for c in ("question_id", "kind", "facts", "prompt")),
        _safe(_json_scalar("a.response")),
        _safe(_json_scalar("a.answer")),
        "a.points, a.max_points",
        _flag("a.skipped"),
        "a.seconds",
    )
)


def csv_functions() -> dict[str, Callable[[Any], Any]]:
    """The Python functions CSV_SELECT calls (imported here: the table never needs them)."""
    from ali_quiz.safety.csvcells import csv_cell

    return {"csv_cell": csv_cell}


def write_csv(rows: Iterable[tuple[Any, ...]], out: TextIO) -> None:
    """Write the rows of CSV_SELECT as CSV, one row per answer with its round's columns repeated.

    Columns, in order:

    | column | what |
    | --- | --- |
    | `round_id` | the round's id in this history |
    | `player` | the player's name |
    | `pack` | pack id |
    | `pack_hash` | hash of the pack's content when played |
    | `mode` | quick, order, match, estimate, choice, daily or review |
    | `count` | questions asked for |
    | `seed` | the round's seed (empty when it had none) |
    | `code` | the round code (empty when it had none) |
    | `date` | the day the round was for, `YYYY-MM-DD` |
    | `ui_language` | interface language, `en` or `zh-Hant` |
    | `started_at` | start, ISO 8601 with offset |
    | `finished_at` | end, ISO 8601 with offset (empty when unfinished) |
    | `finished` | `true` or `false` |
    | `score` | points of the round so far |
    | `max_score` | points possible for the questions answered |
    | `position` | the answer's place in the round, from 1 |
    | `question_id` | the question's stable id |
    | `kind` | order, match, estimate, choice, multi or text |
    | `facts` | the fact ids the question tests, a JSON list |
    | `prompt` | the question as shown |
    | `response` | the player's answer: a JSON list (order, multi) or object (match), else |
    |  | as given; empty when skipped |
    | `answer` | the correct answer, in the same form as `response` |
    | `points` | points won |
    | `max_points` | points possible |
    | `skipped` | `true` or `false` |
    | `seconds` | time taken to answer |

    A round without answers gets one row with the answer columns empty. Text is UTF-8; rows
    end with a line feed.
    """
    import csv  # here: the table and JSON never need it

    # The cells come neutralised from SQL (CSV_SELECT): a Python pass over every cell of a long
    # history would cost more than the rest of the export.
    batch = io.StringIO()
    writer = csv.writer(batch, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    rows = iter(rows)
    while True:
        # A batch of rows a write: `out` may be a stream that checks every write it gets.
        writer.writerows(itertools.islice(rows, BATCH))
        if not batch.tell():
            return
        out.write(batch.getvalue())
        batch.seek(0)
        batch.truncate()


def _valid_json(column: str) -> str:
    """SQL: a stored JSON cell as it is, or as a JSON string if the file holds something else."""
    return f"CASE WHEN json_valid({column}) THEN {column} ELSE json_quote({column}) END"


#: What `write_json` reads, as SQL over rounds `r` and answers `a` (history.stream.answer_rows).
JSON_SELECT = ", ".join(
    (
        "r.id, r.player, r.pack, r.pack_hash, r.mode, r.count, r.seed, r.code, r.date",
        "r.ui_language, r.started_at, r.finished_at, r.score, r.max_score",
        "a.position, a.question_id, a.kind",
        _valid_json("a.facts"),
        "a.prompt",
        _valid_json("a.response"),
        _valid_json("a.answer"),
        "a.points, a.max_points, a.skipped, a.seconds",
        "r.questions",
    )
)


def write_json(rows: Iterable[tuple[Any, ...]], out: TextIO) -> int:
    """Write the rows of JSON_SELECT as the `history --json` array; return how many rounds.

    A round a line, each of its answers a line below it; the stored JSON of facts, responses
    and answers is copied as it is, never decoded and encoded again.
    """
    _encode = encoder()
    parts: list[str] = []
    write = parts.append
    rounds, current, answers = 0, None, 0
    for r in rows:
        if r[0] != current:
            if current is not None:
                write("\n  ]}" if answers else "]}")
            write("[\n  " if current is None else ",\n  ")
            current, answers, rounds = r[0], 0, rounds + 1
            if len(parts) > BATCH:  # a batch a write: `out` may check every write it gets
                out.write("".join(parts))
                parts.clear()
            head = _encode(
                {
                    "id": r[0],
                    "player": r[1],
                    "pack": r[2],
                    "pack_hash": r[3],
                    "mode": r[4],
                    "count": r[5],
                    "seed": None if r[6] is None else int(r[6]),
                    "code": r[7],
                    "date": r[8],
                    "ui_language": r[9],
                    "started_at": r[10],
                    "finished_at": r[11],
                    "finished": r[11] is not None,
                    "score": r[12],
                    "max_score": r[13],
                    "questions": r[25],
                }
            )
            write(head[:-1] + ', "answers": [')
        if r[14] is None:  # a round without answers
            continue
        write("\n    " if not answers else ",\n    ")
        answers += 1
        write(
            f'{{"position": {r[14]}, "question_id": {_encode(r[15])}, "kind": {_encode(r[16])},'
            f' "facts": {r[17]}, "prompt": {_encode(r[18])}, "response": {r[19]},'
            f' "answer": {r[20]}, "points": {r[21]}, "max_points": {r[22]},'
            f' "skipped": {"true" if r[23] else "false"}, "seconds": {_encode(r[24])}}}'
        )
    if current is None:
        write("[]\n")
    else:
        write("\n  ]}\n]\n" if answers else "]}\n]\n")
    out.write("".join(parts))
    return rounds
