"""Problems in a pack, located as `path:line:column: message`; the loader's one error type."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ali_quiz.safety.limits import MAX_PROBLEMS


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a pack file; line and column count from 1."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    def to_json(self) -> dict[str, str | int]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


def capped(problems: list[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS problems in file order, then one that counts the rest.

    A broken file can hold hundreds of thousands of problems; nobody reads past the first
    screenful, and the count says how much is left.
    """
    ordered = sorted(problems, key=lambda p: (p.line, p.column, p.message))
    if len(ordered) <= MAX_PROBLEMS:
        return ordered
    rest = ordered[MAX_PROBLEMS]
    more = len(ordered) - MAX_PROBLEMS
    plural = "s" if more != 1 else ""
    summary = f"and {more:,} more problem{plural} (fix the first ones, then validate again)"
    return [*ordered[:MAX_PROBLEMS], Problem(rest.path, rest.line, rest.column, summary)]


def problem_count(problems: Sequence[Problem]) -> int:
    """How many problems a capped list stands for (its last entry may count the rest)."""
    if len(problems) > MAX_PROBLEMS:
        found = re.match(r"and ([\d,]+) more problem", problems[-1].message)
        if found:
            return MAX_PROBLEMS + int(found.group(1).replace(",", ""))
    return len(problems)


class PackError(Exception):
    """A pack that cannot be loaded, with its problems (at most MAX_PROBLEMS, then a count)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = capped(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class PackNotFound(LookupError):
    """No pack with that id or path."""
