"""A match question takes its letters in either case: `1 D` pairs as `1 d` does."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import MatchQuestion
from ali_quiz.tui.screens.play import PlayScreen
from test_tui_support import make_test_app, round_start, settle, sync


@sync
async def test_capital_letters_pair_match_items(tmp_path: Path) -> None:
    start = round_start("match", 3)
    question = start.questions[0]
    assert isinstance(question, MatchQuestion)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen)
        right = {item.id: i for i, item in enumerate(question.right)}
        keys = []
        for n, (_, right_id) in enumerate(question.answer, start=1):
            keys += [str(n), letter(right[right_id])]  # capitals, as printed
        await pilot.press(*keys, "enter")
        await pilot.pause()
        assert len(play.game.outcomes) == 1 and play.game.outcomes[0].points == 100


@sync
async def test_the_incomplete_notice_counts_the_pairs_made_after_it(tmp_path: Path) -> None:
    start = round_start("match", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen)
        await pilot.press("enter")
        await pilot.pause()
        notice = play.query_one("#play-notice", Static)
        assert "(0/" in str(notice.render())
        await pilot.press("1", "A")
        await pilot.pause()
        assert "(1/" in str(notice.render())


@sync
async def test_backspace_updates_the_incomplete_notice(tmp_path: Path) -> None:
    start = round_start("match", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen)
        await pilot.press("1", "a", "2", "b", "enter")
        await pilot.pause()
        notice = play.query_one("#play-notice", Static)
        assert "(2/" in str(notice.render())
        await pilot.press("backspace")
        await pilot.pause()
        assert "(1/" in str(notice.render())
