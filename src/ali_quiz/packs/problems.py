"""Problems in a pack, located as `path:line:column: message`; the loader's one error type.

A problem says what is wrong as a catalogue key (`code`, in i18n/problems.py) and its values
(`args`), so each front end words it in its language; `message` is its English wording, which
`validate`, `packs --json` and the other commands print.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ali_quiz.i18n import Phrase, Translator
from ali_quiz.record import Record
from ali_quiz.safety.limits import MAX_PROBLEMS

ENGLISH = Translator("en")


@dataclass(frozen=True, eq=False, repr=False)
class Problem(Record):
    """One thing wrong with a pack file; line and column count from 1."""

    path: str
    line: int
    column: int
    message: str
    code: str = field(default="", compare=False)
    args: tuple[tuple[str, object], ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, path: str, line: int, column: int, code: str, /, **args: object) -> Problem:
        """A problem worded by the catalogue: `Problem.of(path, 3, 5, "pack.empty", key="id")`."""
        phrase = Phrase.of(code, **args)
        return cls(path, line, column, phrase.words(ENGLISH), code, phrase.values)

    def message_in(self, tr: Translator) -> str:
        """What is wrong, in the interface language (`message` is the English wording)."""
        if not self.code or tr.language == ENGLISH.language:
            return self.message
        return Phrase(self.code, self.args).words(tr)

    def located(self, tr: Translator) -> str:
        """`path:line:column: message`, the message in the interface language."""
        return f"{self.path}:{self.line}:{self.column}: {self.message_in(tr)}"

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
    code = "pack.more_problem" if more == 1 else "pack.more_problems"
    summary = Problem.of(rest.path, rest.line, rest.column, code, count=f"{more:,}")
    return [*ordered[:MAX_PROBLEMS], summary]


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

    def words(self, tr: Translator, /) -> str:
        """The problems, a line each, in the interface language."""
        return "\n".join(p.located(tr) for p in self.problems)


class PackNotFound(LookupError):
    """No pack with that id or path: why, as an interface-string key (`pack.<reason>`) and its
    values; str() is the English."""

    def __init__(self, reason: str, /, **values: object) -> None:
        self.phrase = Phrase.of(f"pack.{reason}", **values)
        super().__init__(self.phrase.words(ENGLISH))

    def words(self, tr: Translator, /) -> str:
        return self.phrase.words(tr)
