"""What to do about a YAML syntax error, and the rest of a pack checked in spite of it.

PyYAML says what it found ("mapping values are not allowed here"); a teacher needs to know what
to write instead. `hint` looks at the line and the message for the usual causes: an unquoted
`%`, `@`, `` ` `` or `: ` in a value, a list or key out of line. `without_line` blanks the line
of a syntax error (line numbers stay), so the loader can check the rest of the file and report
its other problems in the same run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace as with_field

from ali_quiz.i18n import Phrase
from ali_quiz.packs.problems import Problem
from ali_quiz.packs.yamlnodes import compose
from ali_quiz.packs.yamltree import Node

__all__ = ["after_syntax_error", "hint", "key_of", "without_line"]

#: Checks a pack's located nodes; given the problems found so far, returns them with its own.
CheckRest = Callable[[Node, list[Problem], str], list[Problem]]

_RESERVED_START = re.compile(r"^\s*(?:-\s+)?[\w.-]+:\s+([%@`|>!&*])")
_COLON_IN_VALUE = re.compile(r"^\s*(?:-\s+)?[\w.-]+:\s+[^'\"\[{#].*:\s")
_KEY = re.compile(r"^\s*(?:-\s+)?([\w.-]+):")
#: The key just before a value inside a flow collection (`{id: x, unit: %}`).
_FLOW_KEY = re.compile(r"([\w.-]+):\s*$")
#: A flow collection's value: up to the comma or bracket that ends it.
_FLOW_VALUE = re.compile(r"[^,}\]]*")


def key_of(line: str) -> str | None:
    """The key a line sets (`  - unit: %` -> `unit`), if any."""
    found = _KEY.match(line)
    return found.group(1) if found else None


def hint(line: str, message: str, column: int | None = None) -> Phrase | None:
    """How to fix the syntax error on this line (at this column, from 1, when known), as
    "; ..." (None when there is no guess)."""
    start = _RESERVED_START.match(line)
    key = key_of(line) or "key"
    if start and start.group(1) in "%@`":
        char = start.group(1)
        value = line.split(":", 1)[1].strip()
        percent = Phrase.of("hint.percent_unit") if char == "%" else ""
        return Phrase.of("hint.quote_start", char=char, key=key, value=value, percent=percent)
    flow = _flow_value(line, column)
    if flow is not None:
        char, key, value = flow
        percent = Phrase.of("hint.percent_unit") if char == "%" else ""
        return Phrase.of("hint.quote_start", char=char, key=key, value=value, percent=percent)
    if "mapping values are not allowed" in message and _COLON_IN_VALUE.match(line):
        value = line.split(":", 1)[1].strip().replace('"', '\\"')
        return Phrase.of("hint.quote_colon", key=key, value=value)
    if any(
        words in message
        for words in (
            "did not find expected key",
            "expected <block end>",
            "did not find expected '-' indicator",
            "mapping values are not allowed",
        )
    ):
        return Phrase.of("hint.indentation")
    if "found character" in message and "that cannot start any token" in message:
        return Phrase.of("hint.quote")
    for opener, closer in (("[", "]"), ("{", "}")):
        context = "flow sequence" if opener == "[" else "flow mapping"
        if context in message and line.count(opener) > line.count(closer):
            return Phrase.of("hint.unclosed", opener=opener, closer=closer, key=key)
    return None


def _flow_value(line: str, column: int | None) -> tuple[str, str, str] | None:
    """`{…, unit: %, …}`: the character, key and value of an unquoted %, @ or ` at the column
    of the error, a value of a flow collection (the starter's one-line facts)."""
    if column is None or not 0 < column <= len(line) or line[column - 1] not in "%@`":
        return None
    key = _FLOW_KEY.search(line, 0, column - 1)
    value = _FLOW_VALUE.match(line, column - 1)
    if key is None or value is None:
        return None
    return line[column - 1], key.group(1), value.group().strip()


def with_hint(problem: Problem, said: Phrase) -> Problem:
    """A syntax error with how to fix it after it, in its English and as its phrase's `hint`."""
    args = {**dict(problem.args), "hint": said}
    return with_field(problem, message=f"{problem.message}{said}", args=tuple(args.items()))


def without_line(text: str, line: int) -> str:
    """The text with this line (from 1) blanked, so the lines after it keep their numbers."""
    lines = text.split("\n")
    if 1 <= line <= len(lines):
        lines[line - 1] = ""
    return "\n".join(lines)


_SYNTAX = "YAML syntax error"
#: The top-level keys that hold a pack's facts and questions.
FACT_KEYS = frozenset({"events", "states", "versions", "metrics", "sequences", "questions"})
_MAX_SYNTAX_RETRIES = 5


def after_syntax_error(
    text: str, label: str, problems: list[Problem], check: CheckRest
) -> list[Problem]:
    """Each syntax error with a hint; then the rest of the file, checked without those lines.

    The lines of syntax errors are blanked (up to a few) until the file parses; its problems
    are reported too, except those the blanked lines explain (a key they held, now missing).
    """
    lines = text.split("\n")
    found: list[Problem] = []
    removed: list[int] = []
    current, current_problems = text, problems
    for _ in range(_MAX_SYNTAX_RETRIES):
        syntax = [p for p in current_problems if p.message.startswith(_SYNTAX)]
        # A second document (`---`) is not a line to skip: the rest would be read twice over.
        if not syntax or syntax[0].line in removed or "document" in syntax[0].message:
            found += [p for p in current_problems if p not in found]
            return found
        for problem in current_problems:
            line = lines[problem.line - 1] if 0 < problem.line <= len(lines) else ""
            if not problem.message.startswith(_SYNTAX):
                found.append(problem)
                continue
            said = hint(line, problem.message, problem.column)
            found.append(with_hint(problem, said) if said else problem)
        removed.append(syntax[0].line)
        # With the lines under it: a one-line fact's continuation (`   source: …}`), left
        # alone, is another syntax error that the teacher never made.
        for number in sorted(_shadowed(lines, [syntax[0].line])):
            current = without_line(current, number)
        root, current_problems = compose(current, label)
        if root is None:
            continue
        checked = check(root, current_problems, label)
        keys = {key_of(lines[n - 1]) for n in removed if 0 < n <= len(lines)} - {None}
        shadowed = _shadowed(lines, removed)
        for problem in checked:
            if problem.line in shadowed or any(f"`{k}:`" in problem.message for k in keys):
                continue
            if problem.code == "pack.no_facts" and keys & FACT_KEYS:
                continue  # the facts were on the blanked line (`events: [ …` left open)
            found.append(problem)
        return found
    return found


def _shadowed(lines: list[str], removed: list[int]) -> set[int]:
    """The blanked lines and the lines indented under them: what their problems stem from."""

    def indent(text: str) -> int:
        return len(text) - len(text.lstrip(" "))

    found = set(removed)
    for number in removed:
        depth = indent(lines[number - 1]) if 0 < number <= len(lines) else 0
        for after in range(number + 1, len(lines) + 1):
            text = lines[after - 1]
            if text.strip() and indent(text) <= depth:
                break
            found.add(after)
    return found
