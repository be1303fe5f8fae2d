"""What a new player meets first: the pack in their language, names instead of tags, no
English in the Chinese interface, a history without empty rounds, figures as people type them."""

from __future__ import annotations

import argparse
import gc
import io
import sys
from pathlib import Path

import pytest
from textual.widgets import Static

from ali_quiz.config import LoadedSettings, Settings
from ali_quiz.history.store import HistoryStore, OpenResult
from ali_quiz.paths import AppPaths
from ali_quiz.play import run_tui
from ali_quiz.quiz.answers import parse_estimate
from ali_quiz.quiz.kinds import EstimateQuestion
from ali_quiz.tui.app import make_app
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.results import ResultsScreen
from ali_quiz.tui.widgets.estimate import EstimateAnswer
from test_tui_app import settle
from test_tui_support import FIXED_NOW, make_test_app, right_keys, round_start, sync, typed

SIZE = (80, 24)


def fresh_app(tmp_path: Path, language: str) -> object:
    """An app as a first run starts it: no pack chosen in the settings."""
    return make_app(
        AppPaths.resolve(tmp_path / "data"),
        settings=LoadedSettings(Settings(player="ann", language=language)),
        now=lambda: FIXED_NOW,
        seed_source=lambda: 7,
    )


@sync
async def test_a_first_english_run_plays_the_english_pack(tmp_path: Path) -> None:
    app = fresh_app(tmp_path, "en")
    async with app.run_test(size=SIZE) as pilot:  # type: ignore[attr-defined]
        await settle(app)  # type: ignore[arg-type]
        assert app.pack_id == "dingtalk-2020-en"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen  # type: ignore[attr-defined]
        assert isinstance(screen, PlayScreen)
        assert screen.info.pack.id == "dingtalk-2020-en"


@sync
async def test_a_first_chinese_run_plays_the_chinese_pack(tmp_path: Path) -> None:
    app = fresh_app(tmp_path, "zh-Hant")
    async with app.run_test(size=SIZE):  # type: ignore[attr-defined]
        await settle(app)  # type: ignore[arg-type]
        assert app.pack_id == "dingtalk-2020"  # type: ignore[attr-defined]


@sync
async def test_pack_lists_show_language_names(tmp_path: Path) -> None:
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        text = "\n".join(
            str(app.screen.query_one("#pack-list").get_option_at_index(i).prompt)  # type: ignore[attr-defined]
            for i in range(2)
        )
        # Named in the interface's language: a 繁體中文 interface says 英文 (test_language_names).
        assert "English" in text and "Traditional Chinese" in text
        assert "zh-Hant" not in text


@sync
async def test_an_unreadable_estimate_is_said_once_in_chinese(tmp_path: Path) -> None:
    app = make_test_app(tmp_path, language="zh-Hant", start=round_start("estimate", 2))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        await pilot.press(*typed("abc"), "enter")
        await pilot.pause()
        reading = str(app.screen.query_one(EstimateAnswer).query_one(".reading", Static).render())
        assert "abc" in reading
        assert "Cannot" not in reading and "number" not in reading
        assert not app._notifications  # said under the box, not again as a toast


@sync
async def test_a_replay_left_at_once_adds_no_round_to_the_history(tmp_path: Path) -> None:
    start = round_start("choice", 2)
    questions = list(start.questions)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        for question in questions:
            await pilot.press(*right_keys(question))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("r")  # Replay: the same round
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("escape")  # nothing answered: leaving asks nothing
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    store = HistoryStore.open(tmp_path / "data").store
    assert store is not None
    rounds = store.rounds()
    assert len(rounds) == 1, [r["score"] for r in rounds]


def test_a_figure_may_carry_the_unit_the_question_names() -> None:
    question = EstimateQuestion(
        id="q",
        prompt="How many people?",
        facts=("m",),
        explanation="",
        unit="人",
        written="97563.8萬",
        answer=975638000,
        scoring="log",
        tolerance=0.05,
    )
    assert parse_estimate(question, "9.7563億人") == 975630000
    years = EstimateQuestion(
        id="y",
        prompt="How long?",
        facts=("m",),
        explanation="",
        unit="years",
        written="2",
        answer=2,
        scoring="log",
        tolerance=0.05,
    )
    assert parse_estimate(years, "1.5 years") == 1.5
    assert parse_estimate(years, "1 year") == 1
    assert parse_estimate(years, "2") == 2


@sync
async def test_the_history_opens_once_the_packs_are_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start-up workers run one after the other, never two threads at once (each thread
    would take a malloc arena of its own): the history opens when the pack scan is over."""
    app = make_test_app(tmp_path)
    scanned_when_opened: list[bool] = []
    opener = HistoryStore.open

    def open_history(data_dir: Path, *, read_only: bool = False) -> OpenResult:
        scanned_when_opened.append(app.catalog is not None)
        return opener(data_dir, read_only=read_only)

    monkeypatch.setattr(HistoryStore, "open", open_history)
    async with app.run_test(size=SIZE):
        await settle(app)
        assert app.history_store is not None
    assert scanned_when_opened == [True]


@sync
async def test_the_history_opens_even_when_the_pack_scan_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_scan(*args: object, **kwargs: object) -> None:
        raise PermissionError("packs folder unreadable")

    monkeypatch.setattr("ali_quiz.catalog.discover", broken_scan)
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(6000):  # bounded: a loaded machine may take seconds
            if app.history_ready:
                break
            await pilot.pause(0.01)
        assert app.catalog == ()
        assert app.history_store is not None


@sync
async def test_the_start_up_objects_leave_the_collectors_generations(tmp_path: Path) -> None:
    """Once the packs are listed and the history open, what exists lives as long as the app:
    gc.freeze() keeps later full collections (during a round) from walking it again."""
    assert gc.get_freeze_count() == 0
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE):
        await settle(app)
        assert app.start_frozen
        assert gc.get_freeze_count() > 0


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_bare_command_pauses_the_collector_while_the_app_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_tui turns the garbage collector off before Textual and the screens are imported;
    the app turns it on again once its first frame is written (next test)."""
    seen: list[bool] = []

    class Started:
        return_code = 0

        def run(self) -> None:
            seen.append(gc.isenabled())

    monkeypatch.setattr("ali_quiz.tui.app.make_app", lambda *args, **kwargs: Started())
    monkeypatch.setattr(sys, "stdin", _Terminal())  # run_tui needs a terminal to draw on
    monkeypatch.setattr(sys, "stdout", _Terminal())
    try:
        assert run_tui(argparse.Namespace(), AppPaths.resolve(tmp_path / "data")) == 0
    finally:
        gc.enable()
    assert seen == [False]


@sync
async def test_the_collector_runs_again_once_the_first_frame_is_written(tmp_path: Path) -> None:
    gc.disable()  # as run_tui leaves it
    try:
        app = make_test_app(tmp_path)
        async with app.run_test(size=SIZE):
            await settle(app)
            assert gc.isenabled()
    finally:
        gc.enable()


@sync
async def test_a_pack_chosen_in_the_settings_and_since_removed_is_said(tmp_path: Path) -> None:
    app = make_app(
        AppPaths.resolve(tmp_path / "data"),
        settings=LoadedSettings(Settings(player="ann", language="zh-Hant", pack="gone-pack")),
        now=lambda: FIXED_NOW,
        seed_source=lambda: 7,
    )
    async with app.run_test(size=SIZE):  # type: ignore[attr-defined]
        await settle(app)  # type: ignore[arg-type]
        assert app.pack_id == "dingtalk-2020"  # type: ignore[attr-defined]
        said = [str(n.message) for n in app._notifications]  # type: ignore[attr-defined]
        assert any("'gone-pack'" in text and "釘釘的崛起" in text for text in said), said
