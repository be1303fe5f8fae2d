"""One class being served: the bound socket, the web server, the history the board reads.

`ClassSession` starts and stops the aiohttp server on the running event loop (the board's, or
the plain log's) and reads the board from the history in a thread. Stopping closes every tab:
their answers are already committed, so nothing is lost.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from aiohttp import web

from ali_quiz.classroom.board import BoardView, SeatSnapshot, read_board
from ali_quiz.classroom.classround import ClassRound, ServerSettings, tab_command
from ali_quiz.i18n import Translator
from ali_quiz.quiz.kinds import Question
from ali_quiz.tui.serve.server import ClassServer

LOG_NAME = "serve.log"


class ClassSession:
    """The server of one class, on a socket already bound (so its URL is known in advance)."""

    def __init__(
        self,
        server: ClassServer,
        sock: socket.socket,
        store: Any,
        questions: Sequence[Question],
        tr: Translator,
    ) -> None:
        self.server = server
        self.sock = sock
        self.store = store
        self.questions = tuple(questions)
        self.tr = tr
        self.runner: web.AppRunner | None = None
        self.stopped = False

    async def start(self) -> None:
        app = await self.server._make_app()
        self.runner = web.AppRunner(
            app, handle_signals=False, access_log=None, shutdown_timeout=2.0
        )
        await self.runner.setup()
        await web.SockSite(self.runner, self.sock).start()

    async def stop(self) -> None:
        """Close every tab, then the server (every answer is already in the history)."""
        if self.stopped:
            return
        self.stopped = True
        await self.server.close_all()
        if self.runner is not None:
            await self.runner.cleanup()

    def seats(self) -> list[SeatSnapshot]:
        """The players now (call on the event loop's thread)."""
        return [
            SeatSnapshot(seat.name, seat.tab is not None, seat.round_id)
            for seat in self.server.seats.seats.values()
        ]

    async def read(self) -> BoardView:
        """The board now, read from the history off the event loop."""
        seats = self.seats()
        return await asyncio.to_thread(read_board, self.store, seats, self.questions, self.tr)


def make_session(
    class_round: ClassRound,
    data_dir: Path,
    settings: ServerSettings,
    sock: socket.socket,
    store: Any,
    questions: Sequence[Question],
    tr: Translator,
) -> ClassSession:
    """The server and session of a class on a bound socket (the tabs log to serve.log)."""
    command = tab_command(class_round, data_dir, tr.language, data_dir / LOG_NAME)
    return ClassSession(ClassServer(command, settings, tr), sock, store, questions, tr)
