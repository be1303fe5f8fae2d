"""`ali-quiz serve` without a terminal: a plain log of the class, until SIGINT or SIGTERM."""

from __future__ import annotations

import asyncio
import signal
from contextlib import suppress
from typing import TextIO

from ali_quiz.classroom.board import EMPTY_BOARD, BoardView, log_lines
from ali_quiz.tui.serve.session import ClassSession

POLL_SECONDS = 1.0


async def run_plain(session: ClassSession, out: TextIO) -> BoardView:
    """Serve until SIGINT or SIGTERM, printing what happens; the last board read."""
    stop = asyncio.Event()
    install_sigint(asyncio.get_running_loop(), stop)
    await session.start()
    out.write(session.tr("serve.plain.ready") + "\n")
    out.flush()
    shown = EMPTY_BOARD
    try:
        while not stop.is_set():
            with suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), POLL_SECONDS)
            shown = await report(session, shown, out)
    finally:
        await session.stop()
    shown = await report(session, shown, out)
    out.write(session.tr("serve.summary", joined=shown.joined, finished=shown.finished) + "\n")
    out.flush()
    return shown


def install_sigint(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
    """SIGINT and SIGTERM end the class (as Ctrl+C on the board does)."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        with suppress(NotImplementedError, RuntimeError):  # not on Windows
            loop.add_signal_handler(sig, stop.set)


async def report(session: ClassSession, shown: BoardView, out: TextIO) -> BoardView:
    view = await session.read()
    for line in log_lines(shown, view, session.tr):
        out.write(line + "\n")
    out.flush()
    return view
