"""A skipped order or match shows where each item goes, unjudged: no ✓ ◐ ✗ on a list the
player never put in order (a skipped order marked its items ◐ while a skipped match marked ✗)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import MatchQuestion, OrderQuestion
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.widgets.match import MatchAnswer
from ali_quiz.tui.widgets.order import OrderAnswer
from test_tui_support import make_test_app, round_start, sync

JUDGED = ("✓", "◐", "✗")


def marks(widget: OrderAnswer | MatchAnswer) -> list[str]:
    selector = ".match-link" if isinstance(widget, MatchAnswer) else ".order-mark"
    return [str(static.render()) for static in widget.query(selector).results(Static)]


@pytest.mark.parametrize("mode", ["order", "match"])
@sync
async def test_a_skipped_question_shows_each_items_place_without_a_verdict(
    tmp_path: Path, mode: str
) -> None:
    start = round_start(mode, 2)
    question = start.questions[0]
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen) and play.game.outcomes[0].skipped
        widget = play.query_one("#answer")
        assert isinstance(widget, OrderAnswer | MatchAnswer)
        shown = [mark for mark in marks(widget) if mark.strip()]
        assert shown and not any(sign in mark for mark in shown for sign in JUDGED), shown
        if isinstance(question, OrderQuestion):
            places = {item_id: n for n, item_id in enumerate(question.answer, start=1)}
            expected = sorted(f"→ {places[item.id]}" for item in question.items)
            assert sorted(mark.strip() for mark in shown) == expected
        else:
            assert isinstance(question, MatchQuestion)
            right = {item.id: letter(i) for i, item in enumerate(question.right)}
            expected = [f"→ {right[dict(question.answer)[item.id]]}" for item in question.left]
            assert [mark.strip() for mark in shown] == expected
