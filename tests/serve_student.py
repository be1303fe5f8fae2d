"""A simulated student for `ali-quiz serve`: an aiohttp websocket client that reads what its tab
draws with a terminal emulator (pyte) and answers with keys, as a browser tab would.

Used by tests/test_serve*.py and benchmarks/serve.py. Every wait is bounded by a timeout.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Sequence

import aiohttp
import pyte

from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
)

ENTER = "\r"
WAIT = 60.0
#: A tab that drew nothing for this long has finished moving the focus to the new question.
QUIET = 0.3


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
            try:
                await asyncio.wait_for(self.changed.wait(), min(left, 1.0))
            except TimeoutError:
                pass

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
        """Type the name (and rejoin code) on the join screen and join."""
        await self.wait_for(r"Your name")
        await self.settle()
        await self.type(name)
        if rejoin_code:
            await self.keys("\t")
            await self.type(rejoin_code)
        await self.keys(ENTER)

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
        await self.settle()
        before = time.monotonic()
        await self.keys(answer_keys(question))
        most = sum(q.max_points for q in questions[: index + 1])
        await self.wait_for(rf"Score \d+/{most}\b")
        return time.monotonic() - before

    async def next(self, questions: Sequence[Question], index: int) -> None:
        """Go on from the feedback of question `index` to the next (or to the results)."""
        await self.keys(ENTER)
        if index + 1 < len(questions):
            await self.wait_for(rf"Question {index + 2}/{len(questions)}")


def answer_keys(question: Question) -> str:
    """Keys that answer a question of any kind (not always rightly)."""
    if isinstance(question, ChoiceQuestion):
        return "b"
    if isinstance(question, OrderQuestion):
        return ENTER  # the order as shown
    if isinstance(question, MatchQuestion):
        pairs = "".join(f"{i + 1}{chr(ord('a') + i)}" for i in range(len(question.left)))
        return pairs + ENTER
    if isinstance(question, EstimateQuestion):
        return f"{question.answer_json()}{ENTER}"
    return f"x{ENTER}"
