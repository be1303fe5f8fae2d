"""Subcommands whose parsers are built only when used.

argparse builds every subcommand's parser up front, and each argument asks gettext for its
texts and the terminal for its width: for ali-quiz's ten commands that is most of what parsing
costs. `LazySubcommands` (given as `add_subparsers(action=LazySubcommands)`) records what is
added to a subcommand and replays it on a real parser only when that command is the one
chosen; `--help` still lists every command with its help.
"""

from __future__ import annotations

import argparse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any


class Recorder:
    """Stands for a parser (or a group of one): remembers each call, to replay it later."""

    def __init__(self) -> None:
        self._calls: list[tuple[str, tuple[Any, ...], dict[str, Any], Recorder]] = []

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)

        def record(*args: Any, **kwargs: Any) -> Recorder:
            result = Recorder()
            self._calls.append((name, args, kwargs, result))
            return result

        return record

    def replay(self, target: Any) -> None:
        for name, args, kwargs, result in self._calls:
            result.replay(getattr(target, name)(*args, **kwargs))


class LazySubcommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """argparse's subcommands action, building a command's parser when it is chosen."""

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if kwargs.get("aliases"):
            raise ValueError("lazy subcommands take no aliases")
        kwargs.setdefault("prog", f"{self._prog_prefix} {name}")
        if "help" in kwargs:
            help_text = kwargs.pop("help")
            self._choices_actions.append(self._ChoicesPseudoAction(name, (), help_text))
        recorder = Recorder()
        self._name_parser_map[name] = _Pending(kwargs, recorder)
        return recorder

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        assert isinstance(values, list) and values
        pending = self._name_parser_map.get(values[0])
        if isinstance(pending, _Pending):
            real = self._parser_class(**pending.kwargs)
            pending.recorder.replay(real)
            self._name_parser_map[values[0]] = real
        super().__call__(parser, namespace, values, option_string)


class _Pending:
    def __init__(self, kwargs: dict[str, Any], recorder: Recorder) -> None:
        self.kwargs, self.recorder = kwargs, recorder
