"""Whole rounds in the TUI, by key presses and by the mouse, with their scores checked."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from textual.pilot import Pilot

from ali_quiz.history.store import HistoryStore
from ali_quiz.quiz.grading import grade
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    Response,
    TextQuestion,
)
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.results import ResultsScreen
from ali_quiz.tui.widgets.base import AnswerGiven
from ali_quiz.tui.widgets.feedback import Feedback
from ali_quiz.tui.widgets.match import MatchAnswer
from ali_quiz.tui.widgets.order import OrderAnswer
from test_tui_support import (
    letter,
    make_test_app,
    right_keys,
    round_start,
    settle,
    sync,
    text_round,
    typed,
)

SIZE = (80, 24)


def wrong_keys(question: Question) -> tuple[list[str], Response]:
    """Keys that answer a question wrongly (or partly), and the response they make."""
    if isinstance(question, OrderQuestion):
        # Submitted as shown: whatever the shuffle gives.
        return ["enter"], [item.id for item in question.items]
    if isinstance(question, MatchQuestion):
        right = {item.id: i for i, item in enumerate(question.right)}
        targets = [target for _, target in question.answer]
        targets = targets[1:] + targets[:1]
        keys: list[str] = []
        for number, target in enumerate(targets):
            keys += [str(number + 1), letter(right[target]).lower()]
        lefts = [left for left, _ in question.answer]
        response = dict(zip(lefts, targets, strict=True))
        return [*keys, "enter"], response
    if isinstance(question, ChoiceQuestion):
        index = next(i for i, o in enumerate(question.options) if o.id != question.answer)
        return [letter(index).lower()], question.options[index].id
    if isinstance(question, EstimateQuestion):
        guess = question.answer * 3 // 2
        return [*typed(str(guess)), "enter"], guess
    if isinstance(question, TextQuestion):
        return [*typed("nope"), "enter"], "nope"
    raise TypeError(question.kind)


async def answer_all(
    pilot: Pilot[int], questions: list[Question], *, right: bool | None = None
) -> int:
    """Answer every question by keys (moving on with enter); the score they must make.

    `right` None answers the first question right, the second wrongly (or partly), and so on:
    a round of three meets both the right and the wrong keys of its kinds.
    """
    expected = 0
    for number, question in enumerate(questions):
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.game.current is question
        if (number % 2 == 0) if right is None else right:
            keys, points = right_keys(question), question.max_points
        else:
            keys, response = wrong_keys(question)
            points = grade(question, response)
            assert points < question.max_points, question.kind
        await pilot.press(*keys)
        await pilot.pause()
        assert screen.last_outcome is not None, f"{question.kind} was not answered"
        assert screen.last_outcome.points == points, question.kind
        assert screen.query_one(Feedback).display and screen.query_one(Feedback).visible
        assert screen.query_one(Feedback).text
        expected += points
        await pilot.press("enter")
        await pilot.pause()
    return expected


@pytest.mark.parametrize("mode", ["quick", "order", "match", "estimate", "choice"])
@sync
async def test_a_whole_round_by_keys_scores_what_it_should(tmp_path: Path, mode: str) -> None:
    # Three questions: each kind's keys right and wrong, then the results.
    start = round_start(mode, 3)
    assert len(start.questions) == 3
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        expected = await answer_all(pilot, list(start.questions))
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        assert screen.game.score == expected
        assert 200 <= expected < 300  # the first and the last right, the second not
        total = screen.query_one("#results-total").render()
        assert f"{expected}/300" in str(total)


@sync
async def test_text_questions_in_a_quick_round(tmp_path: Path) -> None:
    """The built-in pack's authored text questions take typed Chinese answers."""
    start = text_round()
    assert start.questions[0].kind == "text"
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert await answer_all(pilot, list(start.questions), right=True) == 300


@sync
async def test_every_answer_is_in_the_history_as_it_is_given(tmp_path: Path) -> None:
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*right_keys(start.questions[0]))
        await pilot.pause()
        store = app.history_store
        assert store is not None
        saved = [r.to_json() for r in store.unfinished("ann")]
        assert len(saved) == 1 and len(saved[0]["answers"]) == 1
        assert saved[0]["answers"][0]["points"] == 100
        await pilot.press(
            "enter", *right_keys(start.questions[1]), "enter", *right_keys(start.questions[2])
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        rounds = [r.to_json() for r in store.rounds(player="ann")]
        assert rounds[0]["finished"] is True and rounds[0]["score"] == 300


@sync
async def test_skip_gives_nothing_and_shows_the_answer(tmp_path: Path) -> None:
    start = round_start("estimate", 2)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.last_outcome is not None and screen.last_outcome.skipped
        feedback = screen.query_one(Feedback).text
        assert "Skipped" in feedback
        assert start.questions[0].explanation.splitlines()[0][:20] in feedback
        await pilot.press("enter", *typed("skip"), "enter")  # plain mode's word works too
        await pilot.pause()
        assert screen.game.outcomes[1].skipped
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.game.score == 0


@sync
async def test_an_unreadable_estimate_is_refused_and_can_be_corrected(tmp_path: Path) -> None:
    start = round_start("estimate", 1)
    question = start.questions[0]
    assert isinstance(question, EstimateQuestion)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*typed("lots"))
        await pilot.pause()
        reading = str(app.screen.query_one(".reading").render())
        assert "Cannot read 'lots' as a number" in reading
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.last_outcome is None
        await pilot.press(*["backspace"] * 4, *typed(str(question.answer)))
        await pilot.pause()
        reading = str(screen.query_one(".reading").render())
        assert "reads as" in reading and question.unit in reading
        await pilot.press("enter")
        await pilot.pause()
        assert screen.last_outcome is not None and screen.last_outcome.points == 100


# --- The mouse ---------------------------------------------------------------------------


@sync
async def test_order_by_dragging_and_by_click_then_click(tmp_path: Path) -> None:
    start = round_start("order", 1)
    question = start.questions[0]
    assert isinstance(question, OrderQuestion)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.screen.query_one(OrderAnswer)
        first, last = widget.order[0], widget.order[-1]
        count = len(widget.order)
        # Drag the last item to the top.
        await pilot.mouse_down(f"#place-{count - 1}", offset=(8, 0))
        await pilot.hover("#place-0", offset=(8, 0))
        await pilot.mouse_up("#place-0", offset=(8, 0))
        await pilot.pause()
        assert widget.order[0] == last and widget.order[1] == first
        # Click an item, then click where it goes.
        await pilot.click("#place-0", offset=(8, 0))
        assert widget.grabbed
        await pilot.click(f"#place-{count - 1}", offset=(8, 0))
        await pilot.pause()
        assert not widget.grabbed
        assert widget.order[-1] == last and widget.order[0] == first
        # Now put them right with the mouse alone, and submit with the Footer's key.
        for place, item_id in enumerate(question.answer):
            index = next(i for i, item in enumerate(question.items) if item.id == item_id)
            now = widget.order.index(index)
            if now != place:
                await pilot.click(f"#place-{now}", offset=(8, 0))
                await pilot.click(f"#place-{place}", offset=(8, 0))
                await pilot.pause()
        assert widget.response == list(question.answer)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.last_outcome is not None and screen.last_outcome.points == 100


@sync
async def test_order_by_keyboard_grab_and_move(tmp_path: Path) -> None:
    start = round_start("order", 1)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.screen.query_one(OrderAnswer)
        before = list(widget.order)
        await pilot.press("space", "down", "down", "space")
        assert widget.order == [before[1], before[2], before[0], *before[3:]]
        assert widget.cursor == 2 and not widget.grabbed
        await pilot.press("shift+up")
        assert widget.order[:2] == [before[1], before[0]]


@sync
async def test_match_by_clicks_with_undo(tmp_path: Path) -> None:
    start = round_start("match", 1)
    question = start.questions[0]
    assert isinstance(question, MatchQuestion)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.screen.query_one(MatchAnswer)
        await pilot.click("#left-0")
        await pilot.click("#right-1")
        assert widget.pairs == {0: 1}
        assert "B" in str(widget.query_one("#left-0 .match-link").render())
        assert "1" in str(widget.query_one("#right-1 .match-link").render())
        await pilot.click("#left-0")
        await pilot.click("#right-1")  # the two ends of a pair again: unpaired
        assert widget.pairs == {}
        await pilot.press("backspace")  # undo brings the pair back
        assert widget.pairs == {0: 1}
        right = {item.id: i for i, item in enumerate(question.right)}
        for number, (_, target) in enumerate(question.answer):
            if widget.pairs.get(number) != right[target]:  # clicking a pair again unpairs it
                await pilot.click(f"#left-{number}")
                await pilot.click(f"#right-{right[target]}")
        await pilot.pause()
        assert widget.response == dict(question.answer)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.last_outcome is not None and screen.last_outcome.points == 100


@sync
async def test_match_keys_repair_and_refuse_an_incomplete_answer(tmp_path: Path) -> None:
    start = round_start("match", 1)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        widget = app.screen.query_one(MatchAnswer)
        await pilot.press("1", "a", "2", "a")  # A moves from 1 to 2
        assert widget.pairs == {1: 0}
        await pilot.press("backspace")
        assert widget.pairs == {0: 0}
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen) and screen.last_outcome is None
        assert "Pair every numbered item" in str(screen.query_one("#play-notice").render())


@sync
async def test_choice_by_arrows_and_enter_and_by_click(tmp_path: Path) -> None:
    start = round_start("choice", 2)
    first, second = start.questions
    assert isinstance(first, ChoiceQuestion) and isinstance(second, ChoiceQuestion)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        index = next(i for i, o in enumerate(first.options) if o.id == first.answer)
        await pilot.press(*["down"] * (index + 1), "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.last_outcome is not None and screen.last_outcome.points == 100
        await pilot.press("enter")
        await pilot.pause()
        index = next(i for i, o in enumerate(second.options) if o.id == second.answer)
        await pilot.click("#answer", offset=(4, 1 + index))
        await pilot.pause()
        assert screen.last_outcome is not None
        assert screen.last_outcome.response == second.answer


def saved_answers(data_dir: Path) -> list[int]:
    """The points of every answer in the history of a test app's data folder, in order."""
    opened = HistoryStore.open(data_dir)
    assert opened.store is not None, opened.warning
    with opened.store as store:
        return [a["points"] for r in store.rounds() for a in r.to_json()["answers"]]


async def on_the_second_question(pilot: Pilot[int], start: ResolvedRound) -> PlayScreen:
    """The first question answered right, and the second on screen."""
    await settle(pilot.app)
    await pilot.press(*right_keys(start.questions[0]), "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    return screen


@sync
async def test_an_answer_is_written_once_its_feedback_is_drawn(tmp_path: Path) -> None:
    """The history is written after the feedback's frame, not before it (and not later)."""
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        screen.answer_given(AnswerGiven(start.questions[0].answer_json()))
        assert screen.answered and screen.recorder.waiting  # its frame has not come yet
        await pilot.pause()
        assert not screen.recorder.waiting
        assert gc.isenabled()  # it waited for the frame only
        assert saved_answers(tmp_path / "data") == [100]


@sync
async def test_an_answer_given_just_before_quitting_is_kept(tmp_path: Path) -> None:
    """Quit before the feedback was drawn: the answer is in the history all the same."""
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_the_second_question(pilot, start)
        screen.answer_given(AnswerGiven(start.questions[1].answer_json()))
        assert screen.recorder.waiting  # not written yet: its frame has not come
        assert not gc.isenabled()  # no collection before the feedback's frame
        app.exit()
    assert gc.isenabled()
    assert saved_answers(tmp_path / "data") == [100, 100]


@sync
async def test_an_answer_is_kept_when_the_app_fails_before_drawing_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure between the answer and its feedback ends the app, not the answer."""
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("drawing failed")

    with pytest.raises(RuntimeError, match="drawing failed"):
        async with app.run_test(size=SIZE) as pilot:
            await settle(app)
            monkeypatch.setattr(Feedback, "show_outcome", broken)
            await pilot.press(*right_keys(start.questions[0]))
            await pilot.pause()
    assert gc.isenabled()
    assert saved_answers(tmp_path / "data") == [100]


@sync
async def test_enter_before_the_last_feedback_is_drawn_shows_the_results(tmp_path: Path) -> None:
    """Enter handled before the last answer's frame: the results come, the round is complete."""
    start = round_start("choice", 2)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        screen = await on_the_second_question(pilot, start)
        screen.answer_given(AnswerGiven(start.questions[1].answer_json()))
        await screen.action_next()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    assert app.return_code in (None, 0)
    assert saved_answers(tmp_path / "data") == [100, 100]
