"""The command line: argument parsing and dispatch, kept thin.

Every command's work lives in `commands` over the core, and `play` and the bare `ali-quiz` in
`play` (the TUI or plain mode), so `validate`, `generate`, `show` and `history --json` never
import Textual. Exit status: 0 success, 1 invalid input, 2 wrong usage (a `CommandError` carries
its status); errors go to stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ali_quiz import __version__
from ali_quiz.commands import EXIT_OK, EXIT_USAGE, HANDLERS, CommandError, Handler, fail
from ali_quiz.lazyparse import LazySubcommands
from ali_quiz.paths import HOME_ENV, AppPaths

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

FORMATS = ("json", "markdown", "html", "gift")


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors leaving with status 2 and a pointer to --help."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n(see {self.prog} --help)\n")


def _round_options(parser: argparse.ArgumentParser) -> None:
    from ali_quiz.quiz.modes import MODES

    parser.add_argument(
        "--pack", metavar="P", help="pack id or pack file (default: settings, else dingtalk-2020)"
    )
    parser.add_argument(
        "--mode", metavar="M", choices=MODES, help=f"one of {', '.join(MODES)} (default quick)"
    )
    parser.add_argument("--count", metavar="N", type=int, help="questions in the round (10)")
    fixed = parser.add_mutually_exclusive_group()
    fixed.add_argument(
        "--seed",
        metavar="S",
        type=int,
        help="fix the round: the same seed gives the same questions",
    )
    fixed.add_argument("--code", metavar="C", help="play the round of a round code")
    parser.add_argument(
        "--date",
        metavar="D",
        help="YYYY-MM-DD: fixes the daily round and is 'now' for review (default today)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The whole command-line grammar of PRODUCT.md."""
    parser = _Parser(
        prog="ali-quiz",
        description="A terminal quiz game about DingTalk's rise; run with no command for the TUI.",
    )
    parser.add_argument("--version", action="version", version=f"ali-quiz {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help=f"keep packs, history and settings in DIR (or set {HOME_ENV})",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, action=LazySubcommands
    )

    play = commands.add_parser("play", help="play a round (the TUI, or plain text with --plain)")
    _round_options(play)
    play.add_argument(
        "--plain",
        action="store_true",
        help="line-based text on stdin/stdout (screen readers, pipes, scripts)",
    )
    play.add_argument("--lang", choices=("en", "zh-Hant"), help="interface language")
    play.add_argument("--player", metavar="NAME", help="whose history the round goes into")

    generate = commands.add_parser("generate", help="list a round's questions")
    _round_options(generate)
    generate.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json (JSON Lines), markdown or html worksheet, gift (Moodle)",
    )

    packs = commands.add_parser("packs", help="list the packs found, or add one")
    packs.add_argument("--json", action="store_true", help="JSON output")
    packs_commands = packs.add_subparsers(
        dest="packs_command", metavar="add", parser_class=_Parser, action=LazySubcommands
    )
    add = packs_commands.add_parser("add", help="validate a pack, then copy it into your packs")
    add.add_argument("file", metavar="FILE", type=Path)

    show = commands.add_parser("show", help="a pack's facts, values as plain numbers")
    show.add_argument("pack", metavar="PACK", help="pack id or file")
    show.add_argument("--json", action="store_true", help="JSON output")

    validate = commands.add_parser("validate", help="check pack files (exit 0 valid, 1 invalid)")
    validate.add_argument("paths", metavar="PATH", nargs="+", type=Path)
    validate.add_argument("--watch", action="store_true", help="check again on every save")

    new_pack = commands.add_parser("new-pack", help="write a commented starter pack")
    new_pack.add_argument("path", metavar="PATH", type=Path)

    audit = commands.add_parser("audit", help="is every generated round a good one?")
    audit.add_argument("pack", metavar="PACK", help="pack id or file")
    audit.add_argument("--rounds", metavar="N", type=int, default=20, help="rounds per mode")
    audit.add_argument("--json", action="store_true", help="JSON output")

    history = commands.add_parser("history", help="your score history")
    output = history.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="every round with its answers")
    output.add_argument("--csv", action="store_true", help="one row per answer")
    history.add_argument("--pack", metavar="P", help="only this pack")
    history.add_argument("--player", metavar="NAME", help="only this player")
    history.add_argument("--limit", metavar="N", type=int, help="only the newest N rounds")

    gift = commands.add_parser("import-gift", help="Moodle GIFT questions into a pack")
    gift.add_argument("file", metavar="FILE", type=Path)
    gift.add_argument("-o", "--output", metavar="PACK.yaml", type=Path, required=True)
    gift.add_argument(
        "--language", metavar="TAG", help="the pack's language (default: guessed from the text)"
    )

    report = commands.add_parser("report", help="merge students' `history --json` files")
    report.add_argument("files", metavar="FILES", nargs="+", type=Path)
    report.add_argument("--csv", action="store_true", help="CSV output")
    return parser


def front_end(command: str | None) -> Handler | None:
    """`play` and the bare `ali-quiz` (imported only then: they may load Textual)."""
    if command is None:
        from ali_quiz.play import run_tui

        return run_tui
    if command == "play":
        from ali_quiz.play import run_play

        return run_play
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `ali-quiz` command."""
    args = build_parser().parse_args(argv)
    paths = AppPaths.resolve(args.data_dir)
    handler = front_end(args.command) or HANDLERS.get(args.command)
    if handler is None:  # pragma: no cover - argparse only lets known commands through
        return fail(f"unknown command {args.command}", EXIT_USAGE)
    try:
        return handler(args, paths)
    except CommandError as error:
        return fail(str(error), error.status)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `ali-quiz generate | head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
