"""A simulated student for `ali-quiz serve`: an aiohttp websocket client that reads what its tab
draws with a terminal emulator (pyte) and answers with keys, as a browser tab would.

Used by tests/test_serve*.py and benchmarks/serve.py. Every wait is bounded by a timeout.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pyte

from ali_quiz.classroom.classround import IDLE_SECONDS, ClassRound, ServerEvent, ServerSettings
from ali_quiz.history.store import HistoryStore
from ali_quiz.i18n import translator
from ali_quiz.paths import AppPaths
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
)
from ali_quiz.roundspec import DiskPacks, RoundSpec, resolve_round
from ali_quiz.serve.command import bind
from ali_quiz.tui.serve.session import ClassSession, make_session

ENTER = "\r"
WAIT = 60.0
#: A tab that drew nothing for this long has finished moving the focus to the new question.
QUIET = 0.3
#: How long a newly drawn question may take to show its focus (it moves there a frame later).
FOCUS_WAIT = 3.0


class StudentError(AssertionError):
    """The tab did not show what was expected in time (the screen is in the message)."""


class Student:
    """One browser tab: connect, read the screen, type."""

    def __init__(self, ws_url: str, *, cols: int = 100, rows: int = 40) -> None:
        self.ws_url = ws_url
        self.cols = cols
        self.rows = rows
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.changed = asyncio.Event()
        self.session: aiohttp.ClientSession | None = None
        self.ws: aiohttp.ClientWebSocketResponse | None = None
        self.reader: asyncio.Task[None] | None = None
        self.closed = asyncio.Event()
        self.rejoin_code = ""
        self.last_data = time.monotonic()

    async def connect(self) -> None:
        self.session = aiohttp.ClientSession()
        url = f"{self.ws_url}?width={self.cols}&height={self.rows}"
        self.ws = await self.session.ws_connect(url)
        self.reader = asyncio.create_task(self.read())

    async def read(self) -> None:
        assert self.ws is not None
        try:
            async for message in self.ws:
                if message.type == aiohttp.WSMsgType.BINARY:
                    self.stream.feed(message.data)
                    self.last_data = time.monotonic()
                    self.changed.set()
        finally:
            self.closed.set()
            self.changed.set()

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    async def wait_for(self, pattern: str, timeout: float = WAIT) -> re.Match[str]:
        """Wait until the screen matches the regular expression; the match."""
        deadline = time.monotonic() + timeout
        while True:
            found = re.search(pattern, self.text())
            if found:
                return found
            left = deadline - time.monotonic()
            if left <= 0 or self.closed.is_set():
                raise StudentError(f"no {pattern!r} on the screen:\n{self.text()}")
            self.changed.clear()
            with suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), min(left, 1.0))

    def row_looks(self, row: int) -> tuple[tuple[str, str, bool], ...]:
        """The colours of a screen row: what a focus change alters."""
        line = self.screen.buffer[row]
        return tuple((line[col].fg, line[col].bg, line[col].reverse) for col in range(self.cols))

    async def focused(self, marker: str, timeout: float = FOCUS_WAIT) -> None:
        """Wait for the row showing `marker` (a regular expression) to change colour: the
        widget drawn there took the focus (bounded, in case its focus shows nothing)."""
        await self.wait_for(marker)
        row = next((r for r, text in enumerate(self.screen.display) if re.search(marker, text)), 0)
        before = self.row_looks(row)
        deadline = time.monotonic() + timeout
        while self.row_looks(row) == before and not self.closed.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self.changed.clear()
            with suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), left)

    async def settle(self, quiet: float = QUIET, timeout: float = WAIT) -> None:
        """Wait until the tab has drawn nothing for `quiet` seconds (its focus has moved)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.closed.is_set():
            left = self.last_data + quiet - time.monotonic()
            if left <= 0:
                return
            await asyncio.sleep(left)

    async def keys(self, data: str) -> None:
        assert self.ws is not None
        await self.ws.send_json(["stdin", data])

    async def type(self, text: str) -> None:
        for ch in text:
            await self.keys(ch)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.wait_for(self.reader, WAIT)
        if self.session is not None:
            await self.session.close()

    # --- A student's round ---------------------------------------------------------------

    async def join(self, name: str, rejoin_code: str = "") -> None:
        """Type the name on the join screen and join; coming back, the rejoin code when asked."""
        await self.wait_for(r"Your name")
        await self.settle()
        await self.type(name + ENTER)
        if rejoin_code:
            await self.wait_for(r"already uses the name")
            await self.settle()  # the focus moves to the rejoin code
            await self.type(rejoin_code + ENTER)

    async def start(self, name: str) -> float:
        """Join as a new player and start the round; seconds from joining to question 1."""
        await self.join(name)
        found = await self.wait_for(r"rejoin code: ([0-9A-Z]{4})")
        self.rejoin_code = found.group(1)
        started = time.monotonic()
        await self.keys(ENTER)
        await self.wait_for(r"Question 1/\d+")
        return time.monotonic() - started

    async def answer(self, questions: Sequence[Question], index: int) -> float:
        """Answer question `index` (from 0) and wait for its feedback; the seconds it took."""
        question = questions[index]
        await self.wait_for(rf"Question {index + 1}/{len(questions)}")
        # The app focuses the answer widget a frame after drawing it: keys sent before that
        # go nowhere, so wait for the widget, then for its focus to show.
        await self.focused(widget_marker(question))
        most = sum(q.max_points for q in questions[: index + 1])
        before = time.monotonic()
        await self.keys(answer_keys(question))
        await self.wait_for(rf"Score \d+/{most}\b")
        return time.monotonic() - before

    async def next(self, questions: Sequence[Question], index: int) -> None:
        """Go on from the feedback of question `index` to the next (or to the results)."""
        await self.keys(ENTER)
        if index + 1 < len(questions):
            await self.wait_for(rf"Question {index + 2}/{len(questions)}")


def widget_marker(question: Question) -> str:
    """A regular expression for the line the question's answer widget draws first."""
    if isinstance(question, OrderQuestion):
        return re.escape(question.items[0].text[:4])
    if isinstance(question, MatchQuestion):
        return re.escape(question.left[0].text[:4])
    if isinstance(question, EstimateQuestion):
        return r"▊\s+your estimate"
    options = getattr(question, "options", None)
    if options:
        return re.escape(str(options[0].text)[:4])
    return r"▊\s+your answer"


def answer_keys(question: Question) -> str:
    """Keys that answer a question of any kind (not always rightly)."""
    if isinstance(question, ChoiceQuestion):
        return "b"
    if isinstance(question, MultiQuestion):
        return "ab" + ENTER
    if isinstance(question, OrderQuestion):
        return ENTER  # the order as shown
    if isinstance(question, MatchQuestion):
        pairs = "".join(f"{i + 1}{chr(ord('a') + i)}" for i in range(len(question.left)))
        return pairs + ENTER
    if isinstance(question, EstimateQuestion):
        return f"{question.answer_json()}{ENTER}"
    return f"x{ENTER}"


# --- A class served in this process ------------------------------------------------------


@dataclass(frozen=True)
class ServedClass:
    """A class served on a free loopback port, and how to reach it."""

    session: ClassSession
    questions: tuple[Question, ...]
    code: str
    join_url: str
    ws_url: str
    base: str

    def student(self, **options: int) -> Student:
        return Student(self.ws_url, **options)


def class_round(data_dir: Path, seed: int = 2020, count: int = 10) -> tuple[str, list[Question]]:
    """The round code and questions of the default pack's quick round with this seed."""
    chosen = resolve_round(
        RoundSpec(mode="quick", count=count, seed=seed), DiskPacks(AppPaths.resolve(data_dir))
    )
    assert chosen.code is not None
    return chosen.code, list(chosen.questions)


@asynccontextmanager
async def served_class(
    data_dir: Path,
    *,
    seed: int = 2020,
    count: int = 10,
    max_players: int = 60,
    idle_seconds: float = IDLE_SECONDS,
    command: str | None = None,
    events: Callable[[ServerEvent], None] | None = None,
) -> AsyncIterator[ServedClass]:
    """Serve the class's round on 127.0.0.1 (any free port) until the block ends."""
    code, questions = class_round(data_dir, seed, count)
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    settings = ServerSettings(
        host="127.0.0.1", port=port, public_host="127.0.0.1", token=secrets.token_urlsafe(18),
        max_players=max_players, idle_seconds=idle_seconds,
    )  # fmt: skip
    if events is not None:
        settings.events = events
    opened = HistoryStore.open(data_dir)
    assert opened.store is not None
    tr = translator("en")
    session = make_session(
        ClassRound("dingtalk-2020", code), data_dir, settings, sock, opened.store, questions, tr
    )
    if command is not None:
        session.server.command = command
    await session.start()
    base = f"http://127.0.0.1:{port}"
    try:
        yield ServedClass(
            session, tuple(questions), code, session.server.join_url,
            f"ws://127.0.0.1:{port}/ws/{settings.token}", base,
        )  # fmt: skip
    finally:
        await session.stop()
        sock.close()
        opened.store.close()


async def play_to_end(student: Student, questions: Sequence[Question], first: int = 0) -> None:
    """Answer every question from `first` on and reach the results."""
    for index in range(first, len(questions)):
        await student.answer(questions, index)
        await student.next(questions, index)
    await student.wait_for(r"Results")


def child_processes(parent: int) -> list[int]:
    """Processes whose parent is `parent` (Linux /proc): a class's running tabs."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == parent:
                found.append(int(entry.name))
    return found
