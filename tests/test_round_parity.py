"""Every front end makes a round the same way: the TUI's daily, coded, replayed and resumed rounds
record the same seed and code (and questions) as `ali-quiz play` does for the same round."""

from __future__ import annotations

import asyncio
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ali_quiz.history.store import HistoryStore
from ali_quiz.roundspec import round_code_for
from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.results import ResultsScreen
from conftest import Ran
from test_tui_support import FIXED_NOW, builtin_pack, make_test_app, right_keys, settle, sync

SIZE = (80, 24)
DAY = FIXED_NOW.date().isoformat()
KEYS = ("pack", "pack_hash", "mode", "count", "seed", "code", "date")


def recorded(data: Path) -> list[dict[str, Any]]:
    """The rounds in a data folder's history, oldest first."""
    opened = HistoryStore.open(data)
    assert opened.store is not None
    with opened.store as store:
        return list(reversed([r.to_json() for r in store.rounds()]))


def described(row: dict[str, Any]) -> dict[str, Any]:
    return {key: row[key] for key in KEYS}


def play_plain(
    cli: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch, data: Path, lines: str, *args: str
) -> dict[str, Any]:
    """`ali-quiz play --plain ARGS` on these input lines; the round it recorded."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    ran = cli("play", "--plain", "--player", "ann", *args, data=data)
    assert ran.status == 0, ran.err
    return recorded(data)[-1]


def tui_round(tmp_path: Path, start: Callable[[QuizApp], None]) -> dict[str, Any]:
    """Start a round in the TUI (home screen, history open); the round it recorded."""

    async def run() -> None:
        app = make_test_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app)
            start(app)
            await pilot.pause()
            assert isinstance(app.screen, PlayScreen)
            await pilot.press("ctrl+s")  # a round is recorded with its first answer
            await pilot.pause()

    asyncio.run(run())
    return recorded(tmp_path / "data")[-1]


def test_a_daily_round_records_the_dates_seed_everywhere(
    tmp_path: Path, cli: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    played = play_plain(
        cli, monkeypatch, tmp_path / "cli", "quit\n", "--mode", "daily", "--count", "3",
        "--date", DAY,
    )  # fmt: skip
    pack = builtin_pack()
    shown = tui_round(tmp_path, lambda app: app.new_round(pack, "daily", count=3))
    assert described(shown) == described(played)
    assert played["seed"] is not None and played["seed"] != 0


def test_a_coded_round_records_the_same_seed_and_code(
    tmp_path: Path, cli: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    code = round_code_for(builtin_pack(), "choice", 3, 4242)
    assert code is not None
    played = play_plain(cli, monkeypatch, tmp_path / "cli", "quit\n", "--code", code, "--date", DAY)
    shown = tui_round(tmp_path, lambda app: app.play_code(code.lower()))
    assert described(shown) == described(played)
    assert (played["seed"], played["code"]) == (4242, code)


@sync
async def test_a_replayed_round_records_what_play_records(
    tmp_path: Path, cli: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    played = play_plain(
        cli, monkeypatch, tmp_path / "cli", "quit\n", "--mode", "choice", "--count", "2",
        "--seed", "7", "--date", DAY,
    )  # fmt: skip
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        app.new_round(builtin_pack(), "choice", count=2)  # the test app's seed is 7
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        for question in screen.game.questions:
            await pilot.press(*right_keys(question), "enter")
            await pilot.press("enter")
        await pilot.pause()
        results = app.screen
        assert isinstance(results, ResultsScreen)
        results.action_replay()
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.game.questions == screen.game.questions
        await pilot.press("ctrl+s")  # a replay is recorded with its first answer
        await pilot.pause()
    first, again = recorded(tmp_path / "data")
    assert described(first) == described(again) == described(played)
    assert first["finished"] and not again["finished"]


@sync
async def test_a_resumed_round_carries_on_with_what_play_recorded(
    tmp_path: Path, cli: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A daily round broken off in plain mode after one answer, resumed in the TUI.
    data = tmp_path / "data"
    played = play_plain(
        cli, monkeypatch, data, "skip\n", "--mode", "daily", "--count", "3", "--date", DAY
    )
    assert len(played["answers"]) == 1 and not played["finished"]
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        assert [saved.id for saved in app.history_state.unfinished] == [played["id"]]
        app.resume_round(app.history_state.unfinished[0])
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert (screen.info.seed, screen.info.code) == (played["seed"], played["code"])
        assert screen.game.position == 2
        for question in screen.game.questions[1:]:
            await pilot.press(*right_keys(question), "enter")
            await pilot.press("enter")
        await pilot.pause()
    (resumed,) = recorded(data)
    assert described(resumed) == described(played)
    assert resumed["finished"] and len(resumed["answers"]) == 3
