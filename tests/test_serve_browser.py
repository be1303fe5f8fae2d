"""A class in a real browser: Debian's headless chromium opens the join URL, types a name,
starts the round and answers the first question; the screenshot shows the question answered.

Driven through the DevTools protocol (an aiohttp websocket). Skipped where chromium is not
installed (`apt-get install chromium fonts-noto-cjk`). Set ALI_QUIZ_SCREENSHOT=PATH to keep
the screenshot (the README's picture is made so).
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
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
async def test_a_student_answers_a_question_in_chromium(data_dir: Path, tmp_path: Path) -> None:
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
        assert browser.stderr is not None
        port = await asyncio.wait_for(asyncio.to_thread(devtools_port, browser), WAIT)
        async with served_class(data_dir, seed=seed, count=3) as served:
            seats = served.session.server.seats
            async with aiohttp.ClientSession() as http:
                async with http.get(f"http://127.0.0.1:{port}/json") as listing:
                    targets = json.loads(await listing.text())
                page = next(t for t in targets if t["type"] == "page")
                async with http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                    tools = DevTools(ws)
                    await tools("Page.enable")
                    await tools("Page.navigate", url=served.join_url)
                    # The first bytes of the tab's app reached the page (textual.js marks it).
                    await until_js(tools, "document.body.classList.contains('-first-byte')")
                    await asyncio.sleep(1.0)  # the join screen settles its focus
                    await tools.click(800, 100)  # the terminal takes the keyboard (no widget there)
                    await tools("Input.insertText", text="Ann")
                    await tools.enter()
                    try:
                        await until(lambda: "ann" in seats.seats, "the name Ann taken", 20)
                    except AssertionError:
                        shot = await tools("Page.captureScreenshot", format="png")
                        (tmp_path / "stuck.png").write_bytes(base64.b64decode(shot["data"]))
                        raise
                    await asyncio.sleep(1.0)  # the seat is shown, Start has the focus
                    await tools.enter()
                    await until(lambda: seats.seats["ann"].round_id, "Ann's round started")
                    round_id = seats.seats["ann"].round_id
                    for _ in range(10):  # bounded: keys before the question's focus are lost
                        await asyncio.sleep(1.0)
                        await tools("Input.insertText", text="b")
                        if answers(data_dir, round_id):
                            break
                    await until(lambda: answers(data_dir, round_id), "the answer recorded")
                    await asyncio.sleep(1.0)  # the feedback is drawn
                    shot = await tools("Page.captureScreenshot", format="png")
        picture = base64.b64decode(shot["data"])
        (tmp_path / "class.png").write_bytes(picture)
        if os.environ.get("ALI_QUIZ_SCREENSHOT"):
            Path(os.environ["ALI_QUIZ_SCREENSHOT"]).write_bytes(picture)
    finally:
        browser.kill()
        browser.wait(timeout=30)
    assert picture.startswith(b"\x89PNG") and len(picture) > 20_000  # a drawn page, not blank
    (answer,) = answers(data_dir, round_id)
    assert answer["question_id"] == served.questions[0].id
    assert answer["response"] == served.questions[0].options[1].id  # the "b" typed


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
    return list(saved["answers"]) if saved else []
