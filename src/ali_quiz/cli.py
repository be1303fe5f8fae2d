"""The command line: argument parsing and dispatch, kept thin.

Every command's work lives in `commands` over the core, and `play` and the bare `ali-quiz` in
`play` (the TUI or plain mode), so `validate`, `generate`, `show` and `history --json` never
import Textual. Exit status: 0 success, 1 invalid input, 2 wrong usage (a `CommandError` carries
its status); errors go to stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ali_quiz import __version__, argtypes
from ali_quiz.commands import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    Handler,
    fail,
    handler,
)
from ali_quiz.lazyparse import LazySubcommands
from ali_quiz.paths import HOME_ENV, AppPaths
from ali_quiz.safety.text import OutputFailed, standard_streams, visible_output

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any, NoReturn

    from ali_quiz.i18n import Translator

FORMATS = ("json", "markdown", "html", "gift", "anki")


def _columns() -> int:
    """The terminal's width, found as `shutil.get_terminal_size` finds it (COLUMNS, else the
    terminal of stdout, else 80), without importing shutil and the compression modules it loads:
    argparse makes a help formatter for every argument added, to check its metavar."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class _Help(argparse.HelpFormatter):
    """argparse's help layout, as wide as the terminal (see `_columns`)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


#: argparse's messages (its gettext ids) -> the catalogue's keys. Those it words while a parser
#: is built (its help line, group titles) stay English: finding the language then would read
#: the settings for every command.
_ARGPARSE = {
    "usage: ": "cli.usage",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_type",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "not allowed with argument %s": "cli.argparse.not_allowed",
    "expected one argument": "cli.argparse.one_argument",
    "expected at most one argument": "cli.argparse.at_most_one",
    "expected at least one argument": "cli.argparse.at_least_one",
    "one of the arguments %s is required": "cli.argparse.one_required",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "ignored explicit argument %r": "cli.argparse.ignored",
}


class _Words:
    """argparse's gettext hook in the interface language, found when a message is worded
    (the settings named by the arguments' --data-dir, else ALI_QUIZ_HOME's, else the user's)."""

    def __init__(self, argv: Sequence[str]) -> None:
        self.argv = list(argv)
        self.found: Translator | None = None

    def translator(self) -> Translator:
        if self.found is None:
            from ali_quiz.commands.base import interface
            from ali_quiz.i18n import DEFAULT_LANGUAGE, Translator

            chosen = None
            for i, arg in enumerate(self.argv):
                if arg == "--data-dir" and i + 1 < len(self.argv):
                    chosen = self.argv[i + 1]
                elif arg.startswith("--data-dir="):
                    chosen = arg.partition("=")[2]
            try:
                self.found = interface(AppPaths.resolve(chosen or None))
            except Exception:  # no usable folder: the usage error is worth more than this
                self.found = Translator(DEFAULT_LANGUAGE)
        return self.found

    def word(self, key: str, /, **values: object) -> str:
        """A catalogue string in the interface language (argtypes' refusals)."""
        return self.translator()(key, **values)

    def __call__(self, message: str) -> str:
        key = _ARGPARSE.get(message)
        if key is None:
            return message
        tr = self.translator()
        return message if tr.language == "en" else tr(key)


@contextlib.contextmanager
def _argparse_words(argv: Sequence[str]) -> Iterator[None]:
    """argparse's messages in the interface language while the arguments are parsed."""
    english = argparse._  # type: ignore[attr-defined]
    argparse._ = _Words(argv)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = english  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors leaving with status 2 and a pointer to --help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Help)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        words = argparse._  # type: ignore[attr-defined]
        if isinstance(words, _Words):
            said = words.translator()("cli.error", prog=self.prog, message=message)
        else:
            said = f"{self.prog}: error: {message}\n(see {self.prog} --help)\n"
        self.exit(EXIT_USAGE, said)


def _round_options(parser: argparse.ArgumentParser, *, dated: bool = True) -> None:
    from ali_quiz.quiz.modes import MODES

    parser.add_argument(
        "--pack",
        metavar="P",
        type=argtypes.text("--pack"),
        help="pack id or pack file (default: settings, else dingtalk-2020)",
    )
    parser.add_argument(
        "--mode", metavar="M", choices=MODES, help=f"one of {', '.join(MODES)} (default quick)"
    )
    parser.add_argument(
        "--count", metavar="N", type=argtypes.count, help="questions in the round, 1 to 200 (10)"
    )
    fixed = parser.add_mutually_exclusive_group()
    fixed.add_argument(
        "--seed",
        metavar="S",
        type=argtypes.seed,
        help="fix the round (0 to 999999): the same seed gives the same questions",
    )
    fixed.add_argument(
        "--code", metavar="C", type=argtypes.round_code, help="play the round of a round code"
    )
    if not dated:
        return
    parser.add_argument(
        "--date",
        metavar="D",
        type=argtypes.iso_date,
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
        type=argtypes.path("--data-dir"),
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
    play.add_argument(
        "--player",
        metavar="NAME",
        type=argtypes.text("--player"),
        help="whose history the round goes into",
    )

    generate = commands.add_parser("generate", help="list a round's questions")
    _round_options(generate)
    generate.add_argument(
        "--format",
        choices=FORMATS,
        help="json (JSON Lines), markdown or html worksheet, gift (Moodle), anki (a deck);"
        " default: markdown on a terminal, json into a pipe or a file",
    )
    generate.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=argtypes.path("-o"),
        help="write to FILE (needed for anki)",
    )

    packs = commands.add_parser("packs", help="list the packs found, or add one")
    packs.add_argument("--json", action="store_true", help="JSON output")
    packs_commands = packs.add_subparsers(
        dest="packs_command", metavar="add", parser_class=_Parser, action=LazySubcommands
    )
    add = packs_commands.add_parser("add", help="validate a pack, then copy it into your packs")
    add.add_argument("file", metavar="FILE", type=argtypes.path("FILE"))
    add.add_argument(
        "--replace",
        action="store_true",
        help="replace an installed pack of the same id (its old round codes stop working)",
    )

    show = commands.add_parser("show", help="a pack's facts, values as plain numbers")
    show.add_argument("pack", metavar="PACK", type=argtypes.text("PACK"), help="pack id or file")
    show.add_argument("--json", action="store_true", help="JSON output")

    validate = commands.add_parser("validate", help="check pack files (exit 0 valid, 1 invalid)")
    validate.add_argument("paths", metavar="PATH", nargs="+", type=argtypes.path("PATH"))
    validate.add_argument("--watch", action="store_true", help="check again on every save")

    new_pack = commands.add_parser("new-pack", help="write a commented starter pack")
    new_pack.add_argument("path", metavar="PATH", type=argtypes.path("PATH"))

    audit = commands.add_parser("audit", help="is every generated round a good one?")
    audit.add_argument("pack", metavar="PACK", type=argtypes.text("PACK"), help="pack id or file")
    audit.add_argument("--rounds", metavar="N", type=int, default=20, help="rounds per mode")
    audit.add_argument("--json", action="store_true", help="JSON output")

    history = commands.add_parser("history", help="your score history")
    output = history.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="every round with its answers")
    output.add_argument("--csv", action="store_true", help="one row per answer")
    history.add_argument("--pack", metavar="P", type=argtypes.text("--pack"), help="only this pack")
    history.add_argument(
        "--player", metavar="NAME", type=argtypes.text("--player"), help="only this player"
    )
    history.add_argument(
        "--limit", metavar="N", type=argtypes.limit, help="only the newest N rounds (0: all)"
    )

    gift = commands.add_parser("import-gift", help="Moodle GIFT questions into a pack")
    gift.add_argument("file", metavar="FILE", type=argtypes.path("FILE"))
    gift.add_argument(
        "-o", "--output", metavar="PACK.yaml", type=argtypes.path("-o"), required=True
    )
    gift.add_argument(
        "--language",
        metavar="TAG",
        type=argtypes.text("--language"),
        help="the pack's language (default: guessed from the text)",
    )

    report = commands.add_parser("report", help="merge students' results into a class report")
    report.add_argument("files", metavar="FILES", nargs="*", type=argtypes.path("FILES"))
    report.add_argument(
        "--code",
        metavar="C",
        type=argtypes.text("--code"),
        help="the class round; without FILES, read this machine's history",
    )
    report_output = report.add_mutually_exclusive_group()
    report_output.add_argument("--json", action="store_true", help="the whole report as JSON")
    report_output.add_argument("--csv", action="store_true", help="one table as CSV")
    report.add_argument(
        "--table",
        choices=("students", "questions", "facts"),
        default="students",
        help="the table --csv prints (default: students, the gradebook)",
    )
    report.add_argument(
        "--attempt",
        choices=("best", "first", "last"),
        default="best",
        help="which of a student's attempts counts (default: best)",
    )

    serve = commands.add_parser("serve", help="a class plays one round in their browsers")
    _round_options(serve, dated=False)
    serve.add_argument(
        "--host",
        metavar="H",
        type=argtypes.text("--host"),
        help="listen on this address (default 127.0.0.1)",
    )
    serve.add_argument(
        "--port",
        metavar="N",
        type=argtypes.whole_number(0, 65535, "--port"),
        default=8000,
        help="port, 0 for any free one (8000)",
    )
    serve.add_argument(
        "--max-players",
        metavar="N",
        type=argtypes.whole_number(1, 1000, "--max-players"),
        help="tabs at once, then a full page (60)",
    )
    serve.set_defaults(date=None)  # the class's round is for today
    return parser


def front_end(command: str | None) -> Handler | None:
    """`play`, `serve` and the bare `ali-quiz` (imported only then: they may load Textual)."""
    if command is None:
        from ali_quiz.play import run_tui

        return run_tui
    if command == "play":
        from ali_quiz.play import run_play

        return run_play
    if command == "serve":
        from ali_quiz.serve.command import run_serve

        return run_serve
    return None


def default_format(args: argparse.Namespace, *, terminal: bool) -> str:
    """`generate` without --format: a worksheet a person reads on a terminal, else JSON Lines
    (for a pipe, a file or -o, which programs read)."""
    return "markdown" if terminal and args.output is None else "json"


def json_output(args: argparse.Namespace) -> bool:
    """Whether the command prints JSON on stdout (its control characters become JSON escapes)."""
    return bool(getattr(args, "json", False)) or getattr(args, "format", None) == "json"


def run() -> NoReturn:
    """The `ali-quiz` script (and `python -m ali_quiz`): `main`, then exit with its status."""
    status = main(exiting=True)
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError:
        # What could not be written is still in the buffer, and the exit would try again and
        # print "Exception ignored ...": the command already said what went wrong.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(status)


def main(argv: Sequence[str] | None = None, *, exiting: bool = False) -> int:
    """The command line: parse `argv` (default: the process's arguments), run the command.

    Everything printed, by any module, passes through `visible_output`: a control character
    from a pack, a name or a file is shown as `\\x1b`, never sent to the terminal. `exiting`
    says the process ends when this returns (see `_run`).
    """
    with standard_streams():
        terminal = sys.stdout.isatty()  # asked of the real stdout, not visible_output's wrapper
        try:
            with visible_output(), _argparse_words(sys.argv[1:] if argv is None else argv):
                args = build_parser().parse_args(argv)
                if args.command == "generate" and args.format is None:
                    args.format = default_format(args, terminal=terminal)
                with visible_output(json_stdout=json_output(args)):
                    return _run(args, exiting=exiting)
        except OutputFailed as error:
            # Standard output closed (`>&-`) or full: said on stderr, if that can be written.
            if error.stream == "stdout":
                with contextlib.suppress(OSError, OutputFailed):
                    fail(str(error))
            return EXIT_INVALID


def _data_dir_problem(data_dir: Path | None) -> str | None:
    """Why the folder of --data-dir (or ALI_QUIZ_HOME) cannot be one: it, or a folder above
    it, is a file (a typo would otherwise read as an empty history, then fail to record)."""
    chosen = data_dir if data_dir is not None else os.environ.get(HOME_ENV) or None
    if chosen is None:
        return None
    named = f"--data-dir {chosen}" if data_dir is not None else f"{HOME_ENV}={chosen}"
    try:
        start = Path(chosen).expanduser()
    except RuntimeError:  # `~name` of no such user
        user = str(chosen).split("/", 1)[0]
        return f"{named}: there is no user {user[1:]!r} whose home folder {user} would name"
    named = f"--data-dir {start}" if data_dir is not None else f"{HOME_ENV}={start}"
    for folder in (start, *start.parents):
        try:
            if folder.is_dir():
                return None
            if folder.exists() or folder.is_symlink():
                what = "is" if folder == start else f"is inside {folder}, which is"
                return f"{named} {what} not a folder: give a folder (made if missing)"
        except OSError as error:
            return f"{named}: {error.strerror or error}"
    return None


def _run(args: argparse.Namespace, *, exiting: bool = False) -> int:
    problem = _data_dir_problem(args.data_dir)
    if problem is not None:
        return fail(problem, EXIT_USAGE)
    paths = AppPaths.resolve(args.data_dir)
    front = front_end(args.command)
    chosen = front or handler(args.command)
    if chosen is None:  # pragma: no cover - argparse only lets known commands through
        return fail(f"unknown command {args.command}", EXIT_USAGE)
    status = _call(chosen, args, paths)
    if exiting and front is None:
        # The process ends next, and shutting down would walk every object the imports made
        # to free memory the system takes back anyway: a tenth of a short command's time.
        # Frozen, they are left alone. Only after a command, which closes its files and its
        # history before it returns: the front ends (TUI, play, serve) leave theirs to the walk.
        gc.freeze()
    return status


def _call(chosen: Handler, args: argparse.Namespace, paths: AppPaths) -> int:
    try:
        status = chosen(args, paths)
        sys.stdout.flush()  # what is still buffered fails here, where it can be told
        return status
    except CommandError as error:
        return fail(str(error), error.status)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `ali-quiz generate | head` closed the pipe: not an error worth a traceback.
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    run()
