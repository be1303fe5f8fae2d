"""A class served on a free loopback port, played by aiohttp websocket clients as browser tabs.

Each tab runs the real class-mode app in its own process; the clients read what it draws with
a terminal emulator (tests/serve_student.py). Slow: every test starts processes.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from ali_quiz.classroom.classround import ClassFacts, ServerEvent
from ali_quiz.history.store import HistoryStore
from ali_quiz.tui.serve.board_app import BoardApp
from serve_student import Student, child_processes, class_round, play_to_end, served_class
from test_tui_support import sync

pytestmark = pytest.mark.slow


def history_rounds(data_dir: Path, code: str) -> list[dict]:
    opened = HistoryStore.open(data_dir)
    assert opened.store is not None
    with opened.store as store:
        return [r.to_json() for r in store.rounds() if r.code == code]


@sync
async def test_the_token_guards_the_page_the_tabs_and_downloads(data_dir: Path) -> None:
    async with served_class(data_dir) as served, aiohttp.ClientSession() as http:
        async with http.get(served.join_url) as page:
            assert page.status == 200
            assert "textual-terminal" in await page.text()
        for url in (served.base + "/", served.base + "/?token=wrong"):
            async with http.get(url, cookies={}) as refused:
                assert refused.status == 403
        async with aiohttp.ClientSession() as stranger:
            async with stranger.get(served.base + "/download/some-key") as refused:
                assert refused.status == 403
            with pytest.raises(aiohttp.WSServerHandshakeError) as error:
                await stranger.ws_connect(served.base.replace("http", "ws") + "/ws/wrong")
            assert error.value.status == 403
        assert served.session.server.tabs == {}
        assert child_processes(os.getpid()) == []


@sync
async def test_a_student_plays_the_whole_round_into_the_history(data_dir: Path) -> None:
    async with served_class(data_dir) as served:
        student = served.student()
        await student.connect()
        await student.start("Mei Ling")
        await play_to_end(student, served.questions)
        await student.close()
    (saved,) = history_rounds(data_dir, served.code)
    assert saved["player"] == "Mei Ling" and saved["finished"]
    assert [a["position"] for a in saved["answers"]] == list(range(1, 11))
    assert [a["question_id"] for a in saved["answers"]] == [q.id for q in served.questions]


@sync
async def test_two_students_play_at_once(data_dir: Path) -> None:
    async with served_class(data_dir, count=4) as served:
        students = [served.student(), served.student()]
        for student in students:
            await student.connect()

        async def play(student: Student, name: str) -> None:
            await student.start(name)
            await play_to_end(student, served.questions)

        await asyncio.gather(play(students[0], "Ann"), play(students[1], "Ben"))
        board = await served.session.read()
        for student in students:
            await student.close()
    assert sorted(r["player"] for r in history_rounds(data_dir, served.code)) == ["Ann", "Ben"]
    assert board.finished == 2
    assert all(line.answered == 2 for line in board.questions)


@sync
async def test_a_dropped_tab_rejoins_with_its_code_and_a_name_alone_is_refused(
    data_dir: Path,
) -> None:
    async with served_class(data_dir, count=5) as served:
        first = served.student()
        await first.connect()
        await first.start("Ann")
        for index in range(2):
            await first.answer(served.questions, index)
            await first.next(served.questions, index)
        # Another tab with the same name while Ann's is open: refused.
        other = served.student()
        await other.connect()
        await other.join("ann")
        await other.wait_for(r"already uses the name Ann")
        await other.close()
        await first.close()
        # Closed: the name alone still does not take the round over; the code does.
        again = served.student()
        await again.connect()
        await again.join("Ann")
        await again.wait_for(r"already uses the name Ann")
        await again.close()
        back = served.student()
        await back.connect()
        await back.join("Ann", first.rejoin_code)
        await back.wait_for(r"Question 3/5")
        await play_to_end(back, served.questions, first=2)
        await back.close()
    (saved,) = history_rounds(data_dir, served.code)
    assert saved["player"] == "Ann" and saved["finished"]
    assert [a["position"] for a in saved["answers"]] == [1, 2, 3, 4, 5]


@sync
async def test_tabs_over_the_limit_get_the_full_page_and_no_process(data_dir: Path) -> None:
    async with served_class(data_dir, max_players=2) as served:
        students = [served.student(), served.student()]
        for student in students:
            await student.connect()
            await student.wait_for("Your name")
        async with aiohttp.ClientSession() as http:
            async with http.get(served.join_url) as page:
                assert page.status == 503
                assert "This class is full" in await page.text()
            with pytest.raises(aiohttp.WSServerHandshakeError) as error:
                await http.ws_connect(served.ws_url + "?width=80&height=24")
            assert error.value.status == 503
        assert len(served.session.server.tabs) == 2
        await students[0].close()
        for _ in range(100):  # bounded: the closed tab's process ends within seconds
            if len(served.session.server.tabs) < 2:
                break
            await asyncio.sleep(0.1)
        async with aiohttp.ClientSession() as http, http.get(served.join_url) as page:
            assert page.status == 200
        await students[1].close()


@sync
async def test_idle_tabs_end_and_a_crashed_tab_leaves_the_class_running(data_dir: Path) -> None:
    events: list[ServerEvent] = []
    async with served_class(data_dir, idle_seconds=1.0, events=events.append) as served:
        student = served.student()
        await student.connect()
        await asyncio.wait_for(student.closed.wait(), 30)
        await student.close()
        for _ in range(100):  # bounded: the event comes once the tab's process has ended
            if events:
                break
            await asyncio.sleep(0.1)
        assert [event.kind for event in events] == ["idle"]
    crash = f"{sys.executable} -c 'import sys; sys.exit(3)'"
    async with served_class(data_dir, command=crash) as served:
        student = served.student()
        await student.connect()
        await asyncio.wait_for(student.closed.wait(), 30)
        await student.close()
        async with aiohttp.ClientSession() as http, http.get(served.join_url) as page:
            assert page.status == 200


@sync
async def test_the_board_shows_who_joined_and_how_they_answered(data_dir: Path) -> None:
    async with served_class(data_dir, count=3) as served:
        facts = ClassFacts(served.join_url, served.code, "釘釘的崛起", "quick", 3)
        app = BoardApp(served.session, facts, served.session.tr)
        served.session.server.settings.events = app.server_event
        # The board starts the server itself; here the test already has.
        served.session.runner, runner = None, served.session.runner
        served.session.start = _no_start  # type: ignore[method-assign]
        async with app.run_test(size=(120, 40)) as pilot:
            student = served.student()
            await student.connect()
            await student.start("Ann")
            await student.answer(served.questions, 0)
            for _ in range(100):  # bounded: the board reads the history once a second
                await pilot.pause(0.1)
                if app.view is not None and app.view.players and app.view.players[0].answered:
                    break
            table = app.query_one("#board-players")
            assert "Ann" in str(table.get_row_at(0)[0])  # type: ignore[attr-defined]
            assert "2/3" in table.get_row_at(0)  # type: ignore[attr-defined]
            assert "joined: Ann" in str(app.query_one("#board-events").render())
            bars = str(app.query_one("#board-bars").render())
            assert "answered: 1" in bars
            await student.close()
            await pilot.press("q")
        served.session.runner = runner


async def _no_start() -> None:
    return None


def test_serve_prints_the_url_logs_the_class_and_stops_on_sigint(data_dir: Path) -> None:
    """The command itself, output not a terminal: URL, a plain log, SIGINT ends it cleanly."""
    code, questions = class_round(data_dir, count=2)
    env = {**os.environ, "LANG": "en_US.UTF-8"}
    server = subprocess.Popen(
        [sys.executable, "-m", "ali_quiz", "--data-dir", str(data_dir), "serve", "--code", code,
         "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        lines = [server.stdout.readline() for _ in range(4)]
        url = re.search(r"Join: (http://127\.0\.0\.1:\d+/\?token=\S+)", "".join(lines))
        assert url, lines
        assert f"Round code: {code}" in "".join(lines)
        base, token = url.group(1).split("/?token=")

        async def play() -> None:
            student = Student(f"{base.replace('http', 'ws')}/ws/{token}")
            await student.connect()
            await student.start("Ann")
            await play_to_end(student, questions)
            await student.close()

        asyncio.run(play())
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, err
    assert "joined: Ann" in out and "Ann answered question 2" in out
    assert "Ann finished" in out and "Class ended: 1 players, 1 finished." in out
    assert err == ""
    (saved,) = history_rounds(data_dir, code)
    assert saved["player"] == "Ann" and len(saved["answers"]) == 2
    # The class report from this machine's history, without collecting files.
    report = subprocess.run(
        [sys.executable, "-m", "ali_quiz", "--data-dir", str(data_dir), "report", "--code", code,
         "--json"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert report.returncode == 0, report.stderr
    students = json.loads(report.stdout)["students"]
    assert [(s["player"], s["answered"]) for s in students] == [("Ann", 2)]
