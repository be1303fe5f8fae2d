"""The TUI's screens and navigation: home, packs, timeline, settings, results, leaving, resuming."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from textual.widgets import DataTable, OptionList, Select, Static

from ali_quiz.config import load_settings
from ali_quiz.paths import AppPaths
from ali_quiz.roundspec import round_code_for
from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.screens.dialogs import CodeScreen, ConfirmScreen, OpenPackScreen
from ali_quiz.tui.screens.home import HomeScreen
from ali_quiz.tui.screens.packs import PacksScreen, PreviewScreen
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.results import ResultsScreen
from ali_quiz.tui.screens.settings import SettingsScreen
from ali_quiz.tui.screens.timeline import TimelineScreen
from ali_quiz.tui.widgets.too_small import TooSmall
from test_tui_support import (
    make_test_app,
    right_keys,
    round_start,
    search_palette,
    settle,
    sync,
    typed,
)

SIZE = (80, 24)
TINY = """\
id: tiny
title: Tiny pack
language: en
events:
  - {id: e1, date: 2001, title: First thing, source: "One."}
  - {id: e2, date: 2005, title: Second thing, source: "Two."}
  - {id: e3, date: 2010, title: Third thing, source: "Three."}
  - {id: e4, date: 2015, title: Fourth thing, source: "Four."}
  - {id: e5, date: 2018, title: Fifth thing, source: "Five."}
  - {id: e6, date: 2020, title: Sixth thing, source: "Six."}
  - {id: e7, date: 2022, title: Seventh thing, source: "Seven."}
metrics:
  - {id: m1, label: Apples, value: 2萬, unit: fruit, source: "Apples."}
  - {id: m2, label: Pears, value: 300, unit: fruit, source: "Pears."}
  - {id: m3, label: Plums, value: 5億, unit: fruit, source: "Plums."}
"""
BROKEN = "id: broken\ntitle: Broken\nlanguage: en\nevents:\n  - id: e1\n    date: 2020/01\n"


def screen_text(app: QuizApp) -> str:
    """Everything the Static widgets of the screen show, as plain text."""
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


@sync
async def test_home_lists_the_packs_and_the_modes_they_can_play(tmp_path: Path) -> None:
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.catalog is not None and {e.id for e in app.catalog} >= {
            "dingtalk-2020",
            "dingtalk-2020-en",
        }
        modes = app.screen.query_one("#mode-list", OptionList)
        ids = [modes.get_option_at_index(i).id for i in range(modes.option_count)]
        assert ids == [f"mode|{m}" for m in (
            "quick", "order", "match", "estimate", "choice", "daily", "review"
        )]  # fmt: skip
        review = modes.get_option_at_index(ids.index("mode|review"))
        assert review.disabled  # no mistakes yet
        assert "Player: ann" in screen_text(app)


@sync
async def test_enter_on_home_starts_a_round_with_the_settings_count(tmp_path: Path) -> None:
    app = make_test_app(tmp_path, count=4)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert len(screen.game.questions) == 4
        assert screen.info.code == round_code_for(screen.info.pack, "quick", 4, 7)


@sync
async def test_switching_packs_changes_the_modes_and_is_remembered(tmp_path: Path) -> None:
    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True)
    (packs / "tiny.yaml").write_text(TINY, encoding="utf-8")
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        pack_list = app.screen.query_one("#pack-list", OptionList)
        assert app.catalog is not None
        index = next(i for i, e in enumerate(app.catalog) if e.id == "tiny")
        pack_list.focus()
        pack_list.highlighted = index
        # The choice travels as two messages (list to screen, screen to app): wait for it.
        for _ in range(500):  # bounded: a loaded machine may take seconds
            await pilot.pause()
            if app.pack_id == "tiny":
                break
        assert app.pack_id == "tiny"
        assert "Tiny pack" in screen_text(app)
    saved = load_settings(AppPaths.resolve(tmp_path / "data").config_path)
    assert saved.settings.pack == "tiny"


@sync
async def test_an_invalid_pack_shows_its_errors_and_cannot_be_started(tmp_path: Path) -> None:
    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True)
    (packs / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PacksScreen)
        assert app.catalog is not None
        row = next(i for i, e in enumerate(app.catalog) if e.id == "broken")
        screen.query_one(DataTable).move_cursor(row=row)
        await pilot.pause()
        detail = str(screen.query_one("#packs-detail", Static).render())
        assert f"{packs / 'broken.yaml'}:6:" in detail  # path:line:column
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PacksScreen)  # not started
        assert any("cannot be played" in n.message for n in app._notifications)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PacksScreen)  # no preview either


@sync
async def test_open_a_pack_from_a_path_preview_it_and_play_it(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text(TINY, encoding="utf-8")
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("p", "o")
        await pilot.pause()
        assert isinstance(app.screen, OpenPackScreen)
        await pilot.press(*typed(str(tmp_path / "nothing.yaml")), "enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenPackScreen)  # no such file: it says so and waits
        assert "No file at" in screen_text(app)
        fifo = tmp_path / "fifo.yaml"
        os.mkfifo(fifo)
        app.screen.query_one("#path-input").value = str(fifo)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OpenPackScreen)  # a FIFO: said as such, never opened
        assert "is a FIFO (named pipe)" in screen_text(app)
        app.screen.query_one("#path-input").value = str(elsewhere)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(app)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PacksScreen)
        assert screen.selected_entry() is not None
        assert screen.selected_entry().id == "tiny"  # type: ignore[union-attr]
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        text = screen_text(app)
        for kind in ("Order", "Match", "Estimate", "Choice"):
            assert f"{kind}: 2 generated" in text
        assert "✓" in text  # every previewed question shows its answer
        await pilot.press("enter")  # play this pack
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.pack_id == "tiny"


@sync
async def test_timeline_shows_dated_facts_in_order_with_sources(tmp_path: Path) -> None:
    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TimelineScreen)
        dates = [row.cells[0] for row in screen.tables["timeline"]]
        assert dates == sorted(dates)
        assert dates[0] == "2014-12-01"
        assert "2014年12月1日" in str(screen.query_one("#timeline-detail", Static).render())
        await pilot.press("2")
        await pilot.pause()
        figures = screen.tables["figures"]
        assert any(r.cells[1] == "7610.2萬" and r.cells[2] == "76,102,000" for r in figures)
        await pilot.press("down")
        await pilot.pause()
        assert "=" in str(screen.query_one("#timeline-detail", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@sync
async def test_settings_are_saved_and_the_language_changes_everywhere(tmp_path: Path) -> None:
    app = make_test_app(tmp_path)
    config = AppPaths.resolve(tmp_path / "data").config_path
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("end", "backspace", "backspace", "backspace")
        await pilot.pause()
        assert "cannot be empty" in screen_text(app)
        await pilot.press(*typed("Mei"))
        await pilot.pause()
        assert load_settings(config).settings.player == "Mei"
        count = app.screen.query_one("#count")
        count.focus()
        await pilot.press("end", "backspace", "backspace", "7")
        await pilot.pause()
        assert load_settings(config).settings.count == 7
        await pilot.press("backspace", *typed("25"))
        await pilot.pause()
        # Saved as typed: 2 and 25 are counts, 250 is refused with a message and 25 stays.
        assert load_settings(config).settings.count == 25
        await pilot.press("0")
        await pilot.pause()
        assert load_settings(config).settings.count == 25
        assert "from 1 to 200" in screen_text(app)
        app.screen.query_one("#language", Select).value = "zh-Hant"
        await pilot.pause()
        await pilot.pause()
        assert load_settings(config).settings.language == "zh-Hant"
        assert app.tr.language == "zh-Hant"
        assert "介面語言" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "玩家" in screen_text(app)
        footer_keys = {b.description for _, b, _, _ in app.screen.active_bindings.values()}
        assert "時間線" in footer_keys


@sync
async def test_a_broken_config_is_reported_not_fatal(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.yaml").write_text("player: [unclosed\n", encoding="utf-8")
    paths = AppPaths.resolve(data)
    app = QuizApp(paths, now=lambda: __import__("test_tui_support").FIXED_NOW)
    # Kept as they are made: the app's own list drops a notice once its seconds have passed,
    # which the pack scan and the history can outlast on a loaded machine.
    notices: list[str] = []
    notify = app.notify

    def kept(message: str, **options: Any) -> None:
        notices.append(message)
        notify(message, **options)

    app.notify = kept  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("config.yaml:" in notice for notice in notices)


@sync
async def test_quitting_mid_round_asks_first(tmp_path: Path) -> None:
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press(*right_keys(start.questions[0]), "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await settle(app)
        await pilot.pause()
        modes = app.screen.query_one("#mode-list", OptionList)
        first = modes.get_option_at_index(0)
        assert first.id is not None and first.id.startswith("resume|")
        await pilot.press("enter")  # resume: the round goes on at question 2
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.game.position == 2
        assert screen.game.current == start.questions[1]
        await pilot.press(
            *right_keys(start.questions[1]), "enter", *right_keys(start.questions[2]), "enter"
        )
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.game.score == 300
        store = app.history_store
        rounds = [r.to_json() for r in store.rounds(player="ann")]
        assert len(rounds) == 1 and rounds[0]["finished"] and rounds[0]["score"] == 300
        await pilot.press("h", "q")
        await pilot.pause()
    assert app.return_code == 0


@sync
async def test_results_offer_replay_and_a_round_of_the_mistakes(tmp_path: Path) -> None:
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    questions = start.questions
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press(*right_keys(questions[0]), "enter", "ctrl+s", "enter")
        await pilot.press(*right_keys(questions[2]), "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        assert screen.query_one(DataTable).row_count == 3
        assert "2 right · 0 partly right · 0 wrong · 1 skipped" in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        mistakes = app.screen
        assert isinstance(mistakes, PlayScreen)
        again = list(mistakes.game.questions)
        assert [q.id for q in again] == [questions[1].id]  # the same question, reshuffled
        await pilot.press(*right_keys(again[0]), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("r")
        await pilot.pause()
        replay = app.screen
        assert isinstance(replay, PlayScreen)
        assert list(replay.game.questions) == again


@sync
async def test_the_round_code_is_shown_on_the_results_and_plays_from_home(tmp_path: Path) -> None:
    app = make_test_app(tmp_path, count=3)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await pilot.press("down", "down", "down", "down", "enter")  # Choice
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.info.mode == "choice"
        code = screen.info.code
        assert code
        questions = list(screen.game.questions)
        for question in questions:
            await pilot.press(*right_keys(question), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert f"Round code: {code}" in screen_text(app)
        await pilot.press("h", "c")
        await pilot.pause()
        assert isinstance(app.screen, CodeScreen)
        await pilot.press(*typed("not a code"), "enter")
        await pilot.pause()
        assert isinstance(app.screen, CodeScreen)
        assert "not a round code" in screen_text(app)
        app.screen.query_one("#code-input").value = code.lower()  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, PlayScreen)
        assert list(again.game.questions) == questions


@sync
async def test_a_tiny_terminal_shows_a_polite_message_and_nothing_breaks(tmp_path: Path) -> None:
    start = round_start("match", 2)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(app)
        await pilot.pause()
        message = app.screen.query_one(TooSmall)
        assert message.display
        assert "too small" in str(message.render())
        await pilot.press("1", "a", "escape", "n", "ctrl+p", "escape")
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.screen.query_one(TooSmall).display
        for key in ("t", "escape", "p", "escape", "s", "escape", "h", "escape"):
            await pilot.resize_terminal(40, 12)
            await pilot.press(key)
            await pilot.pause()


@sync
async def test_every_screen_in_chinese_has_no_untranslated_keys(tmp_path: Path) -> None:
    app = make_test_app(tmp_path, language="zh-Hant")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        for keys in (["t"], ["escape", "p"], ["escape", "s"], ["escape", "c"], ["escape"]):
            await pilot.press(*keys)
            await pilot.pause()
            text = screen_text(app)
            descriptions = [b.description for _, b, _, _ in app.screen.active_bindings.values()]
            for shown in [text, *descriptions]:
                assert "key." not in shown and "home." not in shown and "packs." not in shown


@sync
async def test_the_command_palette_offers_the_apps_commands(tmp_path: Path) -> None:
    from ali_quiz.tui.commands import app_commands

    app = make_test_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        titles = [command.title for command in app_commands(app)]
        assert {"Timeline", "History", "Packs", "Settings", "Play a code"} <= set(titles)
        assert "Play: Quick round" in titles
        await pilot.press("ctrl+p")
        await search_palette(pilot, "timeline")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)


def test_settings_from_a_saved_file_reach_the_app(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.yaml").write_text(
        yaml.safe_dump({"player": "mei", "language": "zh-Hant", "questions_per_round": 3}),
        encoding="utf-8",
    )
    app = QuizApp(AppPaths.resolve(data))
    assert app.player == "mei"
    assert app.tr.language == "zh-Hant"
    assert app.settings.count == 3
