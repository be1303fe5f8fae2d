"""Home: its keys do what its hint says (enter plays, from the Pack panel too), and a tall,
wide terminal fills with the player's rounds and scores."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import OptionList

from ali_quiz.tui.screens.home import HomeScreen
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.widgets.progress_panel import ModeScoresPanel, ProgressPanel
from test_history_support import answer, open_store, play, start
from test_tui_app import settle
from test_tui_support import FIXED_NOW, make_test_app, sync


@sync
async def test_one_enter_on_the_pack_panel_plays(tmp_path: Path) -> None:
    for language in ("en", "zh-Hant"):
        app = make_test_app(tmp_path / language, language=language, count=3)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app)
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            app.screen.query_one("#pack-list", OptionList).focus()
            await pilot.pause()
            await pilot.press("enter")
            for _ in range(200):  # bounded: the round is made in a worker
                await pilot.pause()
                if isinstance(app.screen, PlayScreen):
                    break
            assert isinstance(app.screen, PlayScreen)
            assert app.screen.info.mode == "quick"


def record_rounds(tmp_path: Path, count: int) -> None:
    """`count` finished quick rounds of ann's on the default pack, the day before, and one of
    choice."""
    data = tmp_path / "data"
    data.mkdir(parents=True, exist_ok=True)
    store = open_store(data)
    day = FIXED_NOW - timedelta(days=1)
    for n in range(count):
        at = day + timedelta(minutes=n)
        begin = start(at, player="ann", pack="dingtalk-2020")
        play(store, begin, [answer(0, at, points=100 * (n % 2))], at + timedelta(seconds=30))
    at = day + timedelta(hours=2)
    begin = start(at, player="ann", pack="dingtalk-2020", mode="choice")
    play(store, begin, [answer(0, at, points=50)], at + timedelta(seconds=30))
    store.close()


@sync
async def test_a_tall_wide_home_fills_with_rounds_and_the_scores_by_mode(tmp_path: Path) -> None:
    record_rounds(tmp_path, 14)
    app = make_test_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.pause()
        await pilot.pause()
        panel = app.screen.query_one(ProgressPanel)
        listed = [line for line in str(panel.render()).splitlines() if "Quick round" in line]
        assert len(listed) > 5  # was 5 at any height, with ~20 empty rows below
        scores = app.screen.query_one(ModeScoresPanel)
        assert scores.display
        shown = str(scores.render())
        assert "Quick round  14 rounds · best 100% · average 50%" in shown
        assert "Choice       1 round · best 50% · average 50%" in shown
        # Nothing overflows: the panel ends above the footer.
        assert panel.region.bottom <= 39
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert not app.screen.query_one(ModeScoresPanel).display
        assert "Recent rounds" not in str(panel.render())


@sync
async def test_a_review_round_played_is_called_review_on_home(tmp_path: Path) -> None:
    """Home's recent rounds and scores by mode name a review round as History does, "Review",
    not by the entry that starts one, "Due for review" (play test s21 H10)."""
    record_rounds(tmp_path, 1)
    store = open_store(tmp_path / "data")
    at = FIXED_NOW - timedelta(hours=3)
    begin = start(at, player="ann", pack="dingtalk-2020", mode="review")
    play(store, begin, [answer(0, at)], at + timedelta(seconds=30))
    store.close()
    app = make_test_app(tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.pause()
        await pilot.pause()
        recent = str(app.screen.query_one(ProgressPanel).render())
        scores = str(app.screen.query_one(ModeScoresPanel).render())
    assert "100%  Review" in recent and "Due for review" not in recent, recent
    assert "Review" in scores and "Due for review" not in scores, scores


@sync
async def test_home_says_what_a_round_of_a_small_pack_holds(tmp_path: Path) -> None:
    """H10: a pack whose quick rounds hold 3 questions was said to give "10 questions per
    round"; the built-in pack's rounds do hold 10 (and good.yaml's now, whose rounds held 5 or 6
    before a round kept trying the forms it had given up on)."""
    import shutil

    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "packs" / "multi-passages.yaml", packs)
    for language, pack, wanted in (
        ("en", "dingtalk-2020-en", "· 10 questions per round"),
        ("en", "multi-demo", "· 3 questions per round (too few facts for 10)"),
        ("zh-Hant", "multi-demo", "· 每回合 3 題（事實不夠出 10 題）"),
    ):
        app = make_test_app(tmp_path, language=language, pack=pack)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app)
            shown = ""
            for _ in range(500):  # bounded: trial rounds in a worker
                await pilot.pause()
                shown = " ".join(str(app.screen.query_one("#pack-about").render()).split())
                if "round" in shown or "回合" in shown:
                    break
            assert wanted in shown, shown
