"""`ali-quiz serve`: a class plays one round in their browsers.

Resolves the class's round (a code, or a fresh quick round of the default pack), checks that the
history can record it, binds the port, prints the join URL (with its token) and a QR code, then
shows the live board, or a plain log when stdout is not a terminal.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import logging
import secrets
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ali_quiz.config import load_settings
from ali_quiz.i18n import Translator, translator
from ali_quiz.paths import AppPaths

if TYPE_CHECKING:
    from ali_quiz.classroom.classround import ClassFacts, ServerEvent
    from ali_quiz.quiz.kinds import Question
    from ali_quiz.roundspec import ResolvedRound

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
LOOPBACK = "127.0.0.1"
DEFAULT_PORT = 8000
EXTRA_HINT = "pip install 'ali-quiz[class]'"


def missing_extra() -> str | None:
    """The optional package `serve` needs that is not installed, if any."""
    for module in ("aiohttp", "textual_serve", "segno"):
        try:
            __import__(module)
        except ImportError:
            return module.replace("_", "-")
    return None


def fail(message: str, status: int = EXIT_INVALID) -> int:
    print(f"ali-quiz: {message}", file=sys.stderr)
    return status


def public_host(host: str) -> str | None:
    """The address students type: the host given, or this machine's LAN address for 0.0.0.0."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host  # a name: students use the same name
    if not address.is_unspecified:
        return host
    try:
        _name, _aliases, found = socket.gethostbyname_ex(socket.gethostname())
    except OSError:
        found = []
    lan = [a for a in found if not ipaddress.ip_address(a).is_loopback]
    return lan[0] if lan else None


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, reuse_port=False)
    sock.setblocking(False)
    return sock


def run_serve(args: argparse.Namespace, paths: AppPaths) -> int:
    """The `serve` command; the exit status."""
    missing = missing_extra()
    if missing is not None:
        return fail(f"`serve` needs the optional package {missing}: {EXTRA_HINT}")
    from ali_quiz.commands import resolve_from_args

    settings = load_settings(paths.config_path).settings
    tr = translator(settings.effective_language)
    if args.code is None and args.mode in ("review", "daily"):
        return fail(f"a class plays one round for everyone: --mode {args.mode} cannot be served")
    spec = resolve_from_args(args, paths)  # a CommandError says what is wrong
    questions = spec.questions
    if spec.code is None:
        return fail(
            "this round has no round code, so a class cannot share it: use --seed 0 to 999999"
        )
    from ali_quiz.history.store import HistoryStore

    opened = HistoryStore.open(paths.data_dir)
    if opened.store is None:
        return fail(f"{opened.warning} A class needs the history to record its answers.")
    host = args.host or LOOPBACK
    shown = public_host(host)
    if shown is None:
        opened.store.close()
        return fail(
            "cannot tell this machine's address on the network: give it with --host ADDRESS"
        )
    try:
        sock = bind(host, args.port)
    except OSError as error:
        opened.store.close()
        return fail(f"cannot listen on {host}:{args.port}: {error.strerror or error}")
    pack_arg = spec.pack.id
    if args.pack and Path(args.pack).is_file():
        pack_arg = str(Path(args.pack).resolve())
    try:
        return serve_class(args, paths, tr, sock, shown, pack_arg, spec, questions, opened.store)
    finally:
        sock.close()
        opened.store.close()


def serve_class(
    args: argparse.Namespace,
    paths: AppPaths,
    tr: Translator,
    sock: socket.socket,
    shown_host: str,
    pack_arg: str,
    spec: ResolvedRound,
    questions: Sequence[Question],
    store: Any,
) -> int:
    from ali_quiz.classroom.classround import (
        DEFAULT_MAX_PLAYERS,
        ClassFacts,
        ClassRound,
        ServerSettings,
    )
    from ali_quiz.tui.serve.session import LOG_NAME, make_session

    assert spec.code is not None
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    terminal = sys.stdout.isatty()
    settings = ServerSettings(
        host=args.host or LOOPBACK,
        port=sock.getsockname()[1],
        public_host=shown_host,
        token=secrets.token_urlsafe(18),
        max_players=args.max_players or DEFAULT_MAX_PLAYERS,
        title=f"ali-quiz · {spec.pack.title}",
    )
    round_ = ClassRound(pack_arg, spec.code)
    session = make_session(round_, paths.data_dir, settings, sock, store, questions, tr)
    server = session.server
    facts = ClassFacts(
        server.join_url,
        spec.code,
        spec.pack.title,
        spec.mode,
        len(questions),
        lan=args.host is not None,
    )
    quiet_library_logs(paths.data_dir / LOG_NAME)
    print_intro(facts, tr, sys.stdout, qr=terminal)
    if terminal:
        from ali_quiz.tui.serve.board_app import BoardApp

        app = BoardApp(session, facts, tr)
        settings.events = app.server_event
        app.run()
        if app.view is not None:
            print(tr("serve.summary", joined=app.view.joined, finished=app.view.finished))
    else:
        from ali_quiz.serve.plain_log import run_plain

        settings.events = lambda event: print_event(event, tr, sys.stdout)
        asyncio.run(run_plain(session, sys.stdout))
    print(tr("serve.ended", code=spec.code), flush=True)
    return EXIT_OK


def quiet_library_logs(log_path: Path) -> None:
    """Library logs (aiohttp, textual-serve) go to the log file, never onto the board."""
    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    for name in ("aiohttp", "textual-serve", "ali-quiz.serve", "asyncio"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.propagate = False
        logger.setLevel(logging.INFO)


def print_intro(facts: ClassFacts, tr: Translator, out: TextIO, *, qr: bool) -> None:
    from ali_quiz.classroom.qr import qr_text

    lines = [
        tr(
            "serve.intro.round",
            pack=facts.pack_title,
            mode=tr(f"mode.{facts.mode}"),
            count=facts.count,
        ),
        tr("serve.intro.code", code=facts.code),
        tr("serve.intro.url", url=facts.url),
    ]
    if facts.lan:
        lines.append(tr("serve.intro.lan_warning"))
    out.write("\n".join(lines) + "\n")
    if qr:
        out.write(qr_text(facts.url) + "\n")
    out.flush()


def print_event(event: ServerEvent, tr: Translator, out: TextIO) -> None:
    # Names are sanitised when taken (no control characters), so they print as they are.
    out.write(tr(f"serve.event.{event.kind}", name=event.name) + "\n")
    out.flush()
