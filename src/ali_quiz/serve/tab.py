"""One browser tab's process: `python -m ali_quiz.serve.tab`, started by the class server.

Its command line names the class's round (pack and code) and the data folder; its environment
carries the tab's id and secret for the server's tab API. It never runs without them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ali_quiz.config import load_settings
from ali_quiz.paths import AppPaths

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ali_quiz.serve.tab")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--pack", required=True)
    parser.add_argument("--code", required=True)
    parser.add_argument("--lang", default=None)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from ali_quiz.classroom.client import TabClient
    from ali_quiz.roundspec import DiskPacks, RoundSpec, RoundSpecError, UsageError, resolve_round
    from ali_quiz.tui.serve.class_app import ClassApp

    args = parse(argv)
    client = TabClient.from_environment()
    if client is None:
        print("ali-quiz: a class tab is started by `ali-quiz serve`", file=sys.stderr)
        return EXIT_USAGE
    paths = AppPaths.resolve(args.data_dir)
    try:
        chosen = resolve_round(RoundSpec(pack=args.pack, code=args.code), DiskPacks(paths))
    except (RoundSpecError, UsageError) as error:
        print(f"ali-quiz: {error}", file=sys.stderr)
        return EXIT_INVALID
    app = ClassApp(
        paths,
        chosen,
        client,
        settings=load_settings(paths.config_path),
        language=args.lang,
    )
    app.run()
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
