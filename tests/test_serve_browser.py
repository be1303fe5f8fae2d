"""A class in a real browser: two pages of Debian's headless chromium open the join URL, type a
name, start the round and answer the first question; the screenshot shows the question answered
and the board counts both.

Driven through the DevTools protocol (an aiohttp websocket). Skipped where chromium is not
installed (`apt-get install chromium fonts-noto-cjk`). Set ALI_QUIZ_SCREENSHOT=PATH to keep
the screenshot (the README's picture is made so).
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from ali_quiz.history.store import HistoryStore
from ali_quiz.quiz.kinds import ChoiceQuestion
from serve_student import class_round, served_class
from test_tui_support import sync

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WAIT = 60.0

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]


class DevTools:
    """The smallest DevTools protocol client: send a command, wait for its answer."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    async def __call__(self, method: str, **params: Any) -> dict[str, Any]:
        number = next(self.ids)
        await self.ws.send_json({"id": number, "method": method, "params": params})
        while True:
            message = await asyncio.wait_for(self.ws.receive_json(), WAIT)
            if message.get("id") == number:
                assert "error" not in message, message
                return dict(message.get("result", {}))

    async def key(self, key: str, code: str, number: int, text: str = "") -> None:
        for kind in ("keyDown", "keyUp"):
            await self(
                "Input.dispatchKeyEvent", type=kind, key=key, code=code,
                windowsVirtualKeyCode=number, text=text if kind == "keyDown" else "",
            )  # fmt: skip

    async def click(self, x: int, y: int) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            await self("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    async def enter(self) -> None:
        await self.key("Enter", "Enter", 13, "\r")


async def until(check: Any, what: str, timeout: float = WAIT) -> Any:
    """Poll `check()` (bounded) until it gives something true."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        await asyncio.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@sync
async def test_two_students_answer_in_chromium(data_dir: Path, tmp_path: Path) -> None:
    """Two pages of one headless chromium join through the URL and each answers a question."""
    assert CHROMIUM is not None
    seed = next(
        s for s in range(1, 200) if isinstance(class_round(data_dir, s, 3)[1][0], ChoiceQuestion)
    )
    browser = subprocess.Popen(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--remote-debugging-port=0",
         f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1000,640", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    try:
        port = await asyncio.wait_for(asyncio.to_thread(devtools_port, browser), WAIT)
        async with served_class(data_dir, seed=seed, count=3) as served:
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://127.0.0.1:{port}/json") as listing:
                    first = next(t for t in await listing.json() if t["type"] == "page")
                async with http.put(f"http://127.0.0.1:{port}/json/new?about:blank") as made:
                    second = await made.json()
                (ann, picture), (ben, _) = await asyncio.gather(
                    play_in_page(http, first["webSocketDebuggerUrl"], served, "Ann", tmp_path),
                    play_in_page(http, second["webSocketDebuggerUrl"], served, "Ben", tmp_path),
                )
            board = await served.session.read()
        (tmp_path / "class.png").write_bytes(picture)
        if os.environ.get("ALI_QUIZ_SCREENSHOT"):
            Path(os.environ["ALI_QUIZ_SCREENSHOT"]).write_bytes(picture)
    finally:
        browser.kill()
        browser.wait(timeout=30)
    assert picture.startswith(b"\x89PNG") and len(picture) > 20_000  # a drawn page, not blank
    for round_id in (ann, ben):
        (answer,) = answers(data_dir, round_id)
        assert answer["question_id"] == served.questions[0].id
        assert answer["response"] == served.questions[0].options[1].id  # the "b" typed
    assert sorted((p.name, p.answered) for p in board.players) == [("Ann", 1), ("Ben", 1)]
    assert board.questions[0].answered == 2


async def play_in_page(
    http: aiohttp.ClientSession, ws_url: str, served: Any, name: str, tmp_path: Path
) -> tuple[int, bytes]:
    """Open the join URL in a page, join as `name`, start and answer question 1 with B; the
    round's id in the history and a screenshot of the page with the question answered."""
    seats = served.session.server.seats
    key = name.casefold()
    async with http.ws_connect(ws_url, max_msg_size=0) as ws:
        tools = DevTools(ws)
        await tools("Page.enable")
        await tools("Page.navigate", url=served.join_url)
        # The first bytes of the tab's app reached the page (textual.js marks it).
        await until_js(tools, "document.body.classList.contains('-first-byte')")
        await asyncio.sleep(1.0)  # the join screen settles its focus
        await tools.click(800, 100)  # the terminal takes the keyboard (no widget there)
        await tools("Input.insertText", text=name)
        await tools.enter()
        try:
            await until(lambda: key in seats.seats, f"the name {name} taken", 20)
        except AssertionError:
            shot = await tools("Page.captureScreenshot", format="png")
            (tmp_path / f"stuck-{name}.png").write_bytes(base64.b64decode(shot["data"]))
            raise
        await asyncio.sleep(1.0)  # the seat is shown, Start has the focus
        await tools.enter()
        round_id: int = await until(lambda: seats.seats[key].round_id, f"{name}'s round started")
        for _ in range(10):  # bounded: keys before the question's focus are lost
            await asyncio.sleep(1.0)
            await tools("Input.insertText", text="b")
            if answers(served_data_dir(served), round_id):
                break
        await until(lambda: answers(served_data_dir(served), round_id), "the answer recorded")
        await asyncio.sleep(1.0)  # the feedback is drawn
        shot = await tools("Page.captureScreenshot", format="png")
    return round_id, base64.b64decode(shot["data"])


def served_data_dir(served: Any) -> Path:
    return Path(served.session.store.path).parent


def devtools_port(browser: subprocess.Popen[str]) -> int:
    assert browser.stderr is not None
    for line in browser.stderr:
        found = re.search(r"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
        if found:
            return int(found.group(1))
    raise AssertionError("chromium did not open its DevTools port")


async def until_js(tools: DevTools, expression: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        result = await tools("Runtime.evaluate", expression=expression, returnByValue=True)
        if result.get("result", {}).get("value"):
            return
        await asyncio.sleep(0.2)
    raise AssertionError(f"timed out waiting for {expression}")


def answers(data_dir: Path, round_id: int) -> list[dict[str, Any]]:
    opened = HistoryStore.open(data_dir)
    assert opened.store is not None
    with opened.store as store:
        saved = store.round(round_id)
    return [a.to_json() for a in saved.answers] if saved else []
