"""Reading students' `history --json` files for the class report: shape checks and duplicates.

A file that is not UTF-8, not JSON or not of PRODUCT.md's `history --json` shape is a
FileProblem saying what is wrong and where (`[2].answers[3]: `points` is missing`). Files with
the same bytes, or holding the same rounds (same player, round id and start time: one student's
history handed in twice), are duplicates: the fullest export of each group is kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ali_quiz.safety.files import FileRefused, decode_text, read_capped
from ali_quiz.safety.jsonload import JsonLimit, load_json
from ali_quiz.safety.limits import HISTORY_JSON_BYTES

__all__ = ["FileProblem", "HistoryFile", "drop_duplicates", "read_history"]


@dataclass(frozen=True)
class FileProblem:
    """A file left out of the report, and why."""

    name: str
    reason: str


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
class HistoryFile:
    """A student's file that has the `history --json` shape."""

    name: str
    digest: str
    rounds: tuple[dict[str, Any], ...]

    @property
    def identities(self) -> set[tuple[str, str, str]]:
        return {(r["player"], str(r["id"]), r["started_at"]) for r in self.rounds}

    @property
    def answer_count(self) -> int:
        return sum(len(r["answers"]) for r in self.rounds)


def read_history(path: Path) -> HistoryFile | FileProblem:
    name = str(path)
    try:
        data = read_capped(path, HISTORY_JSON_BYTES, "result file")
    except FileRefused as err:
        # "is a folder, not a file", "is larger than 16 MiB..."; else "cannot be read: ..."
        reason = err.reason if err.reason.startswith("is ") else f"cannot be read: {err.reason}"
        return FileProblem(name, reason)
    try:
        text = decode_text(data)
    except UnicodeDecodeError as err:
        return FileProblem(
            name,
            f"is not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start});"
            " export it again",
        )
    try:
        parsed = load_json(text)
    except JsonLimit as err:
        where = f"line {err.line}, column {err.column}"
        if err.message.startswith("not JSON: "):
            return FileProblem(
                name, f"is not JSON: {where}: {err.message.removeprefix('not JSON: ')}"
            )
        return FileProblem(name, f"is refused: {where}: {err.message}")
    try:
        rounds = _check_history(parsed)
    except _Shape as err:
        return FileProblem(name, f"is not a `history --json` file: {err}")
    return HistoryFile(name, hashlib.sha256(data).hexdigest(), tuple(rounds))


def drop_duplicates(files: list[HistoryFile]) -> tuple[list[HistoryFile], list[FileProblem]]:
    """Group files with the same bytes or shared rounds; keep the fullest of each group."""
    groups: list[list[HistoryFile]] = []
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
    kept: list[HistoryFile] = []
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
