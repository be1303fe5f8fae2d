"""Home drawn from the history's summary (history/summary.py): the same resume entry, review
entry and progress as from the history itself, and the history opened when the player acts."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from textual.widgets import OptionList

from ali_quiz.history.summary import FILE_NAME
from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.screens.home import HomeScreen, TitleBar
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.results import ResultsScreen
from ali_quiz.tui.widgets.progress_panel import ProgressPanel
from test_history_support import answer, open_store, play
from test_history_support import start as history_start
from test_tui_support import (
    FIXED_NOW,
    builtin_pack,
    make_test_app,
    right_keys,
    round_start,
    settle,
    sync,
)


def home_shows(app: QuizApp) -> list[str]:
    """The home screen's title, Play entries (resume and review included) and progress."""
    screen = app.screen
    assert isinstance(screen, HomeScreen)
    modes = screen.query_one("#mode-list", OptionList)
    entries = [
        f"{option.disabled} {option.prompt}"
        for option in (modes.get_option_at_index(i) for i in range(modes.option_count))
    ]
    panel = screen.query_one(ProgressPanel)
    return [str(screen.query_one(TitleBar).render()), *entries, str(panel.render())]


async def home_of(app: QuizApp) -> list[str]:
    await settle(app)
    for _ in range(3):
        await app.workers.wait_for_complete()
        await app._animator.wait_until_complete()
    return home_shows(app)


@sync
async def test_home_from_the_summary_is_home_from_the_history(tmp_path: Path) -> None:
    for language, size in (("en", (80, 24)), ("zh-Hant", (120, 40))):
        data = tmp_path / language
        start = round_start("choice", 3)
        first = make_test_app(data, language=language, start=start)
        async with first.run_test(size=size) as pilot:
            await settle(first)
            await pilot.press(*right_keys(start.questions[0]), "enter")
            await pilot.pause()
            playing = first.screen
            assert isinstance(playing, PlayScreen)
            left_at = playing.game.position
            assert 0 < left_at < 3
            await pilot.press("q", "y")  # left mid-round: home offers to resume it
            await pilot.pause()
            before = await home_of(first)
            assert first.history_store is not None
        assert (data / "data" / FILE_NAME).is_file()

        again = make_test_app(data, language=language)
        async with again.run_test(size=size) as pilot:
            assert await home_of(again) == before
            assert again.history_deferred and again.history_store is None  # no SQLite yet
            modes = again.screen.query_one("#mode-list", OptionList)
            assert (modes.get_option_at_index(0).id or "").startswith("resume|")
            await pilot.press("enter")  # resume: the history opens, the round goes on
            await pilot.pause()
            assert again.history_store is not None and not again.history_deferred
            screen = again.screen
            assert isinstance(screen, PlayScreen)
            assert screen.game.position == left_at
            assert screen.game.current == start.questions[left_at - 1]


@sync
async def test_a_round_played_from_home_shows_at_the_next_start(tmp_path: Path) -> None:
    start = round_start("choice", 3)
    first = make_test_app(tmp_path, start=start)
    async with first.run_test(size=(120, 40)) as pilot:
        await settle(first)
        await pilot.press("q", "y")
        await pilot.pause()
        await home_of(first)

    second = make_test_app(tmp_path, count=3)
    async with second.run_test(size=(120, 40)) as pilot:
        before = await home_of(second)
        assert second.history_deferred
        await pilot.press("enter")  # a quick round of 3, from the summary's home
        for _ in range(200):  # bounded: the round is made in a worker
            await pilot.pause()
            if isinstance(second.screen, PlayScreen):
                break
        screen = second.screen
        assert isinstance(screen, PlayScreen) and second.history_store is not None
        for question in screen.game.questions:
            await pilot.press(*right_keys(question))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(second.screen, ResultsScreen)
        await pilot.press("h")
        await pilot.pause()
        after = await home_of(second)
        assert after != before and "Quick round" in after[-1]

    third = make_test_app(tmp_path, count=3)
    async with third.run_test(size=(120, 40)) as pilot:
        assert await home_of(third) == after
        assert third.history_deferred  # the summary read after the round is still true


@sync
async def test_home_reads_a_round_played_in_another_window(tmp_path: Path) -> None:
    """Back on home from another screen, a history changed meanwhile is read again (play test
    G25): home said "Welcome … your first round" until the app was started again."""
    start_round = round_start("choice", 3)
    first = make_test_app(tmp_path, start=start_round)
    async with first.run_test(size=(80, 24)) as pilot:
        await settle(first)
        await pilot.press("q", "y")  # nothing answered: home welcomes a new player
        await pilot.pause()
        await home_of(first)

    app = make_test_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        before = await home_of(app)
        assert app.history_deferred
        store = open_store(tmp_path / "data")  # another window finishes a round meanwhile
        begin = history_start(FIXED_NOW, player="ann", pack="dingtalk-2020", mode="choice")
        play(store, begin, [answer(0, FIXED_NOW), answer(1, FIXED_NOW)], FIXED_NOW)
        store.close()
        assert await home_of(app) == before  # nothing tells home, until it is shown again
        await pilot.press("s")  # the settings, then back
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        after = await home_of(app)
        assert "first round" in before[-1] and "1-day streak" in after[-1]


@sync
async def test_a_player_with_a_round_to_resume_is_welcomed_back(tmp_path: Path) -> None:
    """One answer given, the round left: home offers to resume it and does not welcome the
    player to a first round (play test G12)."""
    start_round = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start_round)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.press(*right_keys(start_round.questions[0]), "enter")
        await pilot.pause()
        await pilot.press("q", "y")
        await pilot.pause()
        shown = await home_of(app)
        assert shown[1].startswith("False Resume")
        assert "Welcome back" in shown[-1] and "first round" not in shown[-1]


@sync
async def test_a_round_whose_pack_changed_is_not_offered_to_resume(tmp_path: Path) -> None:
    """A round left after an answer, on a pack changed since (another content hash): home does
    not offer to resume it (that failed with a toast, play test G12) but says why, greyed, and
    welcomes the player back without pointing at it; a round of the pack as it is resumes."""
    pack = builtin_pack()
    store = open_store(tmp_path / "data")
    at = FIXED_NOW - timedelta(hours=1)
    begin = history_start(at, player="ann", pack=pack.id, mode="choice")
    play(store, begin, [answer(0, at)], None, questions=3)
    store.close()
    for _ in range(2):  # read from the history, then from its summary
        app = make_test_app(tmp_path)
        async with app.run_test(size=(80, 24)):
            shown = await home_of(app)
            modes = app.screen.query_one("#mode-list", OptionList)
            assert not (modes.get_option_at_index(0).id or "").startswith("resume|")
        assert shown[1].startswith("True Resume") and "pack has changed" in shown[1], shown
        assert "Welcome back! Pick a mode" in shown[-1] and "Resume your" not in shown[-1]

    store = open_store(tmp_path / "data")
    begin = replace(begin, pack_hash=pack.content_hash, started_at=at + timedelta(minutes=1))
    play(store, begin, [answer(0, at + timedelta(minutes=1))], None, questions=3)
    store.close()
    app = make_test_app(tmp_path)
    async with app.run_test(size=(80, 24)):
        shown = await home_of(app)
    assert shown[1].startswith("False Resume") and "changed" not in shown[1], shown
    assert "Resume your round" in shown[-1]
