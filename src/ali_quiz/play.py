"""`ali-quiz play` and the bare `ali-quiz`: the TUI when a terminal is attached, else plain mode.

Textual is imported only by `run_tui`, and by `run_play` when a terminal is attached.
"""

from __future__ import annotations

import argparse
import gc
import sys

from ali_quiz.commands import EXIT_OK, resolve_from_args, warn
from ali_quiz.config import load_settings
from ali_quiz.i18n import translator
from ali_quiz.paths import AppPaths

#: `ali-quiz play --plain` with no option: what the bare `ali-quiz` plays without a terminal.
_PLAIN_DEFAULTS = argparse.Namespace(
    pack=None,
    mode=None,
    count=None,
    seed=None,
    code=None,
    date=None,
    plain=True,
    lang=None,
    player=None,
)


def run_play(args: argparse.Namespace, paths: AppPaths) -> int:
    """`ali-quiz play`: plain text with --plain or without a terminal, else the TUI's round."""
    # A broken settings file is reported by resolve_from_args (plain mode) or by the app.
    loaded = load_settings(paths.config_path)
    settings = loaded.settings
    language = args.lang or settings.effective_language
    player = (args.player or "").strip() or settings.player
    tr = translator(language)
    chosen = resolve_from_args(args, paths, player, tr)
    plain = bool(args.plain) or not (sys.stdin.isatty() and sys.stdout.isatty())
    notice = chosen.shorter_notice(tr)
    if notice and plain:
        print(notice, file=sys.stderr)
    if not plain:
        gc.disable()  # until the first frame is on screen (QuizAppState.start_workers)
        from ali_quiz.tui.app import make_app

        app = make_app(paths, settings=loaded, language=args.lang, player=player, start=chosen)
        app.run()
        return app.return_code or EXIT_OK
    from ali_quiz.history.recorder import HistoryRecorder
    from ali_quiz.history.store import HistoryStore
    from ali_quiz.plain import play_plain_round

    opened = HistoryStore.open(paths.data_dir)
    if opened.warning:
        warn(opened.warning.words(tr))
    recorder = HistoryRecorder(opened.store, warn=lambda error: warn(str(tr.worded(error))))
    try:
        play_plain_round(
            chosen,
            recorder,
            tr=tr,
            player=player,
            stdin=sys.stdin,
            stdout=sys.stdout,
        )
        return EXIT_OK
    finally:
        if opened.store is not None:
            opened.store.close()


def run_tui(args: argparse.Namespace, paths: AppPaths) -> int:
    """The bare `ali-quiz`: the Textual app on its home screen.

    The garbage collector is paused until the home screen is on screen (the app resumes it,
    QuizAppState.start_workers): start-up builds objects that live as long as the app (Textual's
    and ali-quiz's modules, the stylesheet, the screen), and each collection meanwhile walks
    them again for almost nothing to free; a full one (30 ms) could fall just before the frame.
    """
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # No terminal to draw on (a pipe, a file, a closed stream): Textual would write its
        # screens into the pipe and wait for keys forever. The round `ali-quiz play` plays.
        return run_play(_PLAIN_DEFAULTS, paths)
    gc.disable()
    from ali_quiz.tui.app import make_app

    app = make_app(paths, settings=load_settings(paths.config_path))
    app.run()
    return app.return_code or EXIT_OK
