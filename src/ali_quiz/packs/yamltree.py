"""A YAML file as located values: every scalar, mapping and list remembers its line and column.

`yamlnodes` composes the file with PyYAML; this turns PyYAML's nodes into these values, every
scalar kept as the text the author wrote, and refuses what aliases would blow up ("billion
laughs") or loop.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import ScalarNode

from ali_quiz.packs.problems import Problem
from ali_quiz.safety.limits import MAX_NODES

# Aliases let a tiny file describe an enormous tree ("billion laughs"): the node limit holds
# for the tree once they are expanded, too.
MAX_EXPANDED_NODES = MAX_NODES
NULL_WORDS = frozenset({"", "~", "null", "Null", "NULL"})


@dataclass(slots=True)
class Scalar:
    """A scalar as written, with its place (1-based line and column)."""

    text: str
    line: int
    column: int
    plain: bool  # not quoted: `null` and `~` mean nothing only when plain

    @property
    def is_null(self) -> bool:
        return self.plain and self.text in NULL_WORDS


@dataclass(slots=True)
class Mapping:
    """A mapping whose keys are strings, each remembering where the key stands."""

    line: int
    column: int
    values: dict[str, Any] = field(default_factory=dict)
    key_marks: dict[str, tuple[int, int]] = field(default_factory=dict)

    def items(self) -> Iterator[tuple[str, Any]]:
        return iter(self.values.items())

    def get(self, key: str) -> Any:
        return self.values.get(key)

    def __contains__(self, key: str) -> bool:
        return key in self.values


@dataclass(slots=True)
class Sequence:
    """A YAML sequence, with where it starts."""

    line: int
    column: int
    items: list[Any] = field(default_factory=list)


Node = Scalar | Mapping | Sequence


class TooLarge(Exception):
    """Too many values once aliases are expanded, found at this place."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(line, column)
        self.line = line
        self.column = column


def check_expansion(root: yaml.Node) -> None:
    """Raise _TooLarge when expanding the aliases would make too many values.

    The expanded size of every node is computed once (shared nodes are memoised), so a billion
    laughs is refused in time proportional to the file, not to the tree it describes.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if key in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        children = (
            list(node.value)
            if isinstance(node, yaml.SequenceNode)
            else [value for _, value in node.value]
        )
        if not children_done:
            if key in active:  # a loop: the converter reports it and cuts it to one value
                continue
            active.add(key)
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
            continue
        active.discard(key)
        # A child still unsized here is a loop back to an ancestor: it counts as one value.
        sizes[key] = 1 + sum(sizes.get(id(child), 1) for child in children)
        if sizes[key] > MAX_EXPANDED_NODES:
            raise TooLarge(node.start_mark.line + 1, node.start_mark.column + 1)


class Converter:
    """Walks composed nodes into Scalar/Mapping/Sequence, guarding against alias bombs and loops."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.budget = MAX_EXPANDED_NODES
        self.active: set[int] = set()

    def convert(self, root: yaml.Node) -> Node:
        # An explicit stack rather than recursion: a deeply nested file must not blow the C stack.
        result_holder: list[Node] = []
        stack: list[tuple[yaml.Node, Any, Any]] = [(root, result_holder, None)]
        active = self.active  # the collections whose children are being converted
        while stack:
            node, parent, key = stack.pop()
            if node is None:  # a marker: leave the node whose children are done
                active.discard(parent)
                continue
            self.budget -= 1
            mark = node.start_mark
            line, column = mark.line + 1, mark.column + 1
            if self.budget < 0:
                raise TooLarge(line, column)
            value: Node
            if type(node) is ScalarNode:
                value = Scalar(str(node.value), line, column, node.style in (None, ""))
                self._attach(parent, key, value)
                continue
            if id(node) in active:
                self.problems.append(Problem.of(self.path, line, column, "pack.alias_loop"))
                self._attach(parent, key, Scalar("", line, column, True))
                continue
            # Most values are scalars: made here, not via the stack, and counted at the end.
            made = 0
            pending: list[tuple[yaml.Node, Any]] = []
            if isinstance(node, yaml.SequenceNode):
                value = Sequence(line, column, [None] * len(node.value))
                items = value.items
                for index, child in enumerate(node.value):
                    if type(child) is ScalarNode:
                        made += 1
                        mark = child.start_mark
                        items[index] = Scalar(
                            child.value, mark.line + 1, mark.column + 1, not child.style
                        )
                    else:
                        pending.append((child, index))
            else:
                value = Mapping(line, column)
                values, key_marks = value.values, value.key_marks
                for key_node, value_node in node.value:
                    mark = key_node.start_mark
                    key_place = (mark.line + 1, mark.column + 1)
                    if type(key_node) is not ScalarNode:
                        self.problems.append(Problem.of(self.path, *key_place, "pack.key_not_text"))
                        continue
                    name = key_node.value
                    if name == "<<":
                        self.problems.append(Problem.of(self.path, *key_place, "pack.merge_key"))
                        continue
                    if name in key_marks:
                        first = key_marks[name][0]
                        self.problems.append(
                            Problem.of(
                                self.path,
                                *key_place,
                                "pack.duplicate_key",
                                key=repr(name),
                                line=first,
                            )
                        )
                        continue
                    key_marks[name] = key_place
                    if type(value_node) is ScalarNode:
                        made += 1
                        mark = value_node.start_mark
                        values[name] = Scalar(
                            value_node.value, mark.line + 1, mark.column + 1, not value_node.style
                        )
                    else:
                        values[name] = None
                        pending.append((value_node, name))
            self.budget -= made  # checked when the next node comes off the stack
            if pending:
                # Active (a loop back to it is cut) until the marker under its children comes off.
                active.add(id(node))
                stack.append((None, id(node), None))  # type: ignore[arg-type]
                stack.extend((child, value, place) for child, place in reversed(pending))
            self._attach(parent, key, value)
        return result_holder[0]

    @staticmethod
    def _attach(parent: Any, key: Any, value: Node) -> None:
        if isinstance(parent, list):
            parent.append(value)
        elif isinstance(parent, Sequence):
            parent.items[key] = value
        else:
            parent.values[key] = value
