"""Safe YAML reading that keeps where every value stands in the file.

The file is decoded and checked by hand first (size, binary, UTF-8, tabs), then composed into
nodes by PyYAML's C parser when it is there. Nodes are counted and their nesting measured as
the parser makes them (the resolver hooks it calls for every node), so a file of a million
tiny values or a tower of nested lists stops at the limit instead of filling memory.
No implicit type resolution happens: every scalar stays the text the author wrote (`5.0`
stays "5.0", `2016-09` stays a string), and the pack loader reads numbers, dates and booleans
from that text itself. That keeps versions and dates exact, and skips the work a full
`yaml.load` would spend building objects we would re-read. The composed nodes become located
values (`Scalar`, `Mapping`, `Sequence`) in `yamltree`.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import yaml
from yaml.resolver import BaseResolver

from ali_quiz.i18n import Phrase
from ali_quiz.packs.problems import Problem
from ali_quiz.packs.yamltree import MAX_EXPANDED_NODES, Converter, Node, TooLarge, check_expansion
from ali_quiz.packs.yamlwords import yaml_context, yaml_problem
from ali_quiz.safety.files import decode_text
from ali_quiz.safety.limits import MAX_DEPTH, MAX_NODES, PACK_BYTES, size_text


class _Limit(Exception):
    """Raised from the parser's hooks: too many nodes, or nested too deep."""


class _Counting:
    """The hooks every parser calls once per node (not for aliases): `resolve`, and the
    resolver's on the way down and up. No path resolvers to look up, no implicit types (every
    scalar keeps its text), and the nodes and the nesting counted in the same pass as the parse,
    which stops at a limit instead of filling memory.

    The hooks are closures set on the instance: called twice or thrice per node, a closure's
    own counters cost a good deal less than a method's attributes.
    """

    resolve: Callable[[Any, Any, Any], str]
    descend_resolver: Callable[[Any, Any], None]
    ascend_resolver: Callable[[], None]

    def _hook(self) -> None:
        nodes = depth = 0
        tags = _TAGS

        def resolve(kind: Any, value: Any, implicit: Any) -> str:
            return tags[kind]

        def descend_resolver(current_node: Any, current_index: Any) -> None:
            nonlocal nodes, depth
            nodes += 1
            depth += 1
            if nodes > MAX_NODES or depth > MAX_DEPTH:
                raise _Limit()

        def ascend_resolver() -> None:
            nonlocal depth
            depth -= 1

        self.resolve = resolve
        self.descend_resolver = descend_resolver
        self.ascend_resolver = ascend_resolver


try:  # The C parser is several times faster; pure Python is the fallback.
    from yaml._yaml import CParser

    class _Composer(_Counting, CParser, BaseResolver):
        """C parser with no implicit resolvers: every scalar keeps its text."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            BaseResolver.__init__(self)
            self._hook()

except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Composer(_Counting, Reader, Scanner, Parser, Composer, BaseResolver):  # type: ignore[no-redef]
        """Pure-Python parser with no implicit resolvers."""

        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            BaseResolver.__init__(self)
            self._hook()


_EventLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAGS = {
    yaml.ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: BaseResolver.DEFAULT_MAPPING_TAG,
}

MAX_BYTES = PACK_BYTES


@contextmanager
def gc_paused() -> Iterator[None]:
    """The garbage collector off for a while: loading makes many small objects, none cyclic,
    and generational collections over them cost more than the load itself."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _mark(line: int, column: int) -> tuple[int, int]:
    return line + 1, column + 1


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text, or a located problem: too large, binary, not UTF-8, empty."""
    if len(data) > MAX_BYTES:
        size = len(data) / 1024 / 1024
        limit = size_text(MAX_BYTES)
        return None, [Problem.of(path, 1, 1, "pack.too_large", size=f"{size:.1f}", limit=limit)]
    try:
        text = decode_text(data)
    except UnicodeDecodeError as err:
        if b"\x00" in data:
            return None, [Problem.of(path, 1, 1, "pack.binary")]
        # Counted in the text before the bad byte, in the encoding it was read as.
        codec = "utf-8-sig" if err.encoding.startswith("utf-8") else err.encoding
        before = data[: err.start].decode(codec, "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        byte = f"{data[err.start]:02x}"
        return None, [Problem.of(path, line, column, "pack.not_utf8", byte=byte)]
    if "\x00" in text:
        return None, [Problem.of(path, 1, 1, "pack.binary")]
    if not any(
        stripped and not stripped.startswith("#")
        for stripped in (raw.strip() for raw in text.splitlines())
    ):
        return None, [Problem.of(path, 1, 1, "pack.empty_file")]
    return text, []


def tab_problems(text: str, path: str) -> list[Problem]:
    """Tabs in indentation, which YAML forbids, each with its place."""
    if "\t" not in text:  # most files: no line to look at
        return []
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = len(line) - len(line.lstrip(" \t"))
        position = line.find("\t", 0, indent)
        if position >= 0:
            found.append(Problem.of(path, number, position + 1, "pack.tab_indent"))
    return found


def compose(text: str, path: str) -> tuple[Node | None, list[Problem]]:
    """Parse YAML text into located nodes; syntax errors come back as problems."""
    tabs = tab_problems(text, path)
    tab_lines = {p.line for p in tabs}
    try:
        composer = _Composer(text)
    except UnicodeEncodeError as err:  # a lone surrogate: text that no file can hold
        line = text.count("\n", 0, err.start) + 1
        column = err.start - (text.rfind("\n", 0, err.start) + 1) + 1
        return None, [Problem.of(path, line, column, "pack.surrogate")]
    try:
        with gc_paused():
            root = composer.get_single_node()
    except _Limit:
        return None, [_limit_problem(text, path)]
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        if err.context_mark is not None and "end of stream" in (err.problem or ""):
            # The end of the file says nothing: point at what was left open (a quote, a bracket).
            mark = err.context_mark
        elif (
            err.context_mark is not None
            and mark is not None
            and err.context_mark.line < mark.line
            and "while parsing a flow" in (err.context or "")
        ):
            # A `[` or `{` left open on an earlier line: PyYAML notices on a later one. The
            # opener is the one mistake; blanking the later lines would only find it again.
            mark = err.context_mark
        line, column = _mark(mark.line, mark.column) if mark else (1, 1)
        if line in tab_lines:
            return None, tabs
        return None, [*tabs, syntax_problem(path, line, column, err.problem, err.context)]
    except yaml.YAMLError as err:
        english = f"YAML error: {err}"
        other = Phrase.of("yaml.other")
        return None, [*tabs, Problem(path, 1, 1, english, "pack.yaml_error", (("error", other),))]
    finally:
        if hasattr(composer, "dispose"):
            composer.dispose()
    if root is None:
        return None, [Problem.of(path, 1, 1, "pack.empty_file")]
    problems = list(tabs)
    try:
        if "*" in text:  # only aliases (`*name`) can make the tree larger than the file
            check_expansion(root)
        converted = Converter(path, problems).convert(root)
    except TooLarge as err:
        return None, [
            Problem.of(path, err.line, err.column, "pack.alias_bomb", max=f"{MAX_EXPANDED_NODES:,}")
        ]
    return converted, problems


def syntax_problem(
    path: str, line: int, column: int, problem: str | None, context: str | None, hint: object = ""
) -> Problem:
    """A YAML syntax error: PyYAML's English as `validate` prints it, and a phrase for the rest.

    `hint` (a Phrase, or "") says how to fix it (packs/yamlhints.py adds it).
    """
    what = problem or "malformed YAML"
    english = f"YAML syntax error: {what}{f' ({context})' if context else ''}"
    values = {"what": yaml_problem(what), "context": yaml_context(context), "hint": hint}
    if hint:
        english += str(hint)
    return Problem(path, line, column, english, "pack.yaml_syntax", tuple(values.items()))


def _limit_problem(text: str, path: str) -> Problem:
    """Where the node or depth limit was passed, found again from the parser's events.

    The C composer's hooks know no position; only a file over a limit pays for this pass, and
    it stops at the place.
    """
    nodes = depth = 0
    for event in yaml.parse(text, Loader=_EventLoader):
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            nodes += 1
            mark = event.start_mark
            line, column = _mark(mark.line, mark.column) if mark is not None else (1, 1)
            if nodes > MAX_NODES:
                return Problem.of(path, line, column, "pack.too_many_values", max=f"{MAX_NODES:,}")
            if not isinstance(event, yaml.ScalarEvent):
                depth += 1
                if depth >= MAX_DEPTH:
                    return Problem.of(path, line, column, "pack.too_deep", max=MAX_DEPTH)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return Problem.of(path, 1, 1, "pack.too_many_or_deep", max=f"{MAX_NODES:,}", depth=MAX_DEPTH)
