"""The play screen's layout and feedback: what fits at 80x24, two columns when wide, marks in
the answer widgets, the progress strip and streak, keys typed the moment a question shows."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual import events

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import EstimateQuestion, MatchQuestion, OrderQuestion, Question
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.widgets.choice import ChoiceAnswer
from ali_quiz.tui.widgets.feedback import Feedback
from ali_quiz.tui.widgets.order import OrderAnswer
from ali_quiz.tui.widgets.status_line import StatusLine
from test_tui_support import make_test_app, right_keys, round_start, sync, typed

EN_PACK = "dingtalk-2020-en"


def screen_text(app: QuizApp) -> str:
    """What the terminal shows, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def longest(mode: str, pack_id: str = EN_PACK) -> ResolvedRound:
    """A one-question round holding the longest question of that kind over a few seeds."""
    questions: list[Question] = []
    for seed in range(1, 9):
        questions += round_start(mode, 3, seed=seed, pack_id=pack_id).questions
    start = round_start(mode, 3, pack_id=pack_id)

    def size(question: Question) -> int:
        if isinstance(question, OrderQuestion):
            return sum(len(item.text) for item in question.items)
        assert isinstance(question, MatchQuestion)
        return sum(len(item.text) for item in question.left)

    question = max(questions, key=size)
    return replace(start, count=1, questions=(question,))


def play_screen(app: QuizApp) -> PlayScreen:
    screen = app.screen
    assert isinstance(screen, PlayScreen)
    return screen


def assert_all_on_screen(app: QuizApp, question: Question, texts: list[str]) -> None:
    shown = screen_text(app)
    first_line = question.explanation.splitlines()[0]
    for text in [question.prompt[:20], *texts, "Press enter to see the results", first_line[:20]]:
        assert text in shown, f"{text!r} is not on screen:\n{shown}"


@sync
async def test_a_long_order_answer_its_marks_and_feedback_fit_at_80x24(tmp_path: Path) -> None:
    start = longest("order")
    question = start.questions[0]
    assert isinstance(question, OrderQuestion) and len(question.items) >= 4
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # as shown: partly right at best
        await pilot.pause()
        await pilot.pause()
        screen = play_screen(app)
        assert screen.last_outcome is not None
        assert_all_on_screen(app, question, [item.text[:12] for item in question.items])
        # Marks and dates are in the list itself, not repeated in the feedback.
        feedback = screen.query_one(Feedback).text
        assert "Correct order" not in feedback
        dates = [str(row.render()) for row in screen.query(".order-date")]
        assert all(dates), dates


@sync
async def test_a_long_match_answer_its_marks_and_feedback_fit_at_80x24(tmp_path: Path) -> None:
    start = longest("match")
    question = start.questions[0]
    assert isinstance(question, MatchQuestion)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        right = {item.id: i for i, item in enumerate(question.right)}
        # Every pair shifted by one: all wrong, every mark shows where it belongs.
        targets = [target for _, target in question.answer]
        for number, target in enumerate(targets[1:] + targets[:1]):
            await pilot.press(str(number + 1), letter(right[target]).lower())
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert play_screen(app).last_outcome is not None
        assert_all_on_screen(app, question, [item.text[:10] for item in question.left])
        assert "Correct pairs" not in play_screen(app).query_one(Feedback).text


@sync
async def test_a_long_source_scrolls_inside_the_feedback_and_says_so(tmp_path: Path) -> None:
    start = longest("order")
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        panel = app.screen.query_one("#feedback-panel")
        assert panel.max_scroll_y > 0 and app.screen.focused is panel
        assert "↑↓ scroll the source" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        last_line = start.questions[0].explanation.splitlines()[-1]
        shown = screen_text(app)
        assert last_line[-8:] in shown.replace("\n", "")
        assert "Press enter to see the results" in shown


@sync
async def test_the_feedback_can_be_selected_with_the_mouse(tmp_path: Path) -> None:
    """Dragging over the feedback selects its text, as in any text on screen: from the first
    line of the source (under the verdict) into the next one."""
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*right_keys(start.questions[0]))
        await pilot.pause()
        panel = app.screen.query_one("#feedback-panel")
        # Column 2 of the panel is the first of its text (after its edge and padding).
        await pilot.mouse_down(panel, offset=(2, 1))
        await pilot.hover(panel, offset=(6, 2))
        await pilot.mouse_up(panel, offset=(6, 2))
        await pilot.pause()
        selected = app.screen.get_selected_text()
        first, second = start.questions[0].explanation.splitlines()[:2]
        assert selected is not None
        assert selected.startswith(f"Source: {first}\n{second[:2]}")


@sync
async def test_at_120_columns_the_feedback_sits_beside_the_question(tmp_path: Path) -> None:
    start = round_start("order", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        prompt = app.screen.query_one("#prompt")
        answer_before = app.screen.query_one("#answer").region
        await pilot.press("enter")
        await pilot.pause()
        feedback = app.screen.query_one("#feedback-panel").region
        assert feedback.x >= prompt.region.right
        assert feedback.y <= prompt.region.y + 1
        # The question keeps its place and width: nothing reflows on an answer.
        assert app.screen.query_one("#answer").region.width == answer_before.width
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        feedback = app.screen.query_one("#feedback-panel").region
        assert feedback.y >= app.screen.query_one("#answer").region.bottom


@sync
async def test_keys_typed_as_the_next_question_appears_reach_it(tmp_path: Path) -> None:
    start = round_start("choice", 3)
    first, second, _ = start.questions
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*right_keys(first))
        await pilot.pause()
        # Enter and the next answer's key arrive together, as from a fast typist.
        for key in ["enter", *right_keys(second)]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause()
        await pilot.pause()
        screen = play_screen(app)
        assert len(screen.game.outcomes) == 2
        assert screen.game.outcomes[1].points == 100


@sync
async def test_keys_typed_as_an_order_question_appears_reach_its_list(tmp_path: Path) -> None:
    start = round_start("order", 2)
    first, second = start.questions
    assert isinstance(second, OrderQuestion)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        for key in ["enter", "space", "down"]:
            app.post_message(events.Key(key, " " if key == "space" else None))
        await pilot.pause()
        await pilot.pause()
        widget = app.screen.query_one(OrderAnswer)
        assert widget.question is second
        assert widget.grabbed and widget.cursor == 1


@sync
async def test_a_refused_answer_is_said_under_it_not_in_a_toast(tmp_path: Path) -> None:
    start = round_start("match", 1)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "a", "enter")
        await pilot.pause()
        notice = app.screen.query_one("#play-notice")
        assert "Pair every numbered item first (1/" in str(notice.render())
        assert notice.display and not app._notifications
        assert notice.region.y > app.screen.query_one("#answer").region.y


@sync
async def test_the_strip_marks_each_answer_and_the_streak_counts_right_ones(
    tmp_path: Path,
) -> None:
    start = round_start("choice", 5)
    questions = start.questions
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = app.screen.query_one(StatusLine)
        assert status.strip.plain == "▸····"
        wrong = next(i for i, o in enumerate(questions[0].options) if o.id != questions[0].answer)  # type: ignore[attr-defined]
        await pilot.press("abcdef"[wrong])
        await pilot.pause()
        assert app.screen.query_one(ChoiceAnswer).highlighted == wrong  # the pick, marked ✗
        assert "✗·" in screen_text(app)  # the strip drawn anew, as wide as before
        await pilot.press("enter", "ctrl+s", "enter")
        await pilot.press(*right_keys(questions[2]), "enter", *right_keys(questions[3]))
        await pilot.pause()
        assert status.strip.plain == "✗→✓✓·"
        assert "✗→✓✓·" in screen_text(app)
        assert "2 in a row" in str(status.render())
        assert "2 in a row" in app.screen.query_one(Feedback).text


@sync
async def test_the_strip_explains_itself_when_hovered_and_the_title_does_not(
    tmp_path: Path,
) -> None:
    start = round_start("choice", 5)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        status = app.screen.query_one(StatusLine)
        start_column, _ = status.strip_span()
        padding = status.styles.padding.left
        await pilot.hover(StatusLine, offset=(padding + start_column + 1, 0))
        assert status.tooltip is not None and status.tooltip.startswith("Answers so far: ✓ right")
        await pilot.hover(StatusLine, offset=(padding + 2, 0))
        assert status.tooltip is None


@sync
async def test_chinese_feedback_speaks_chinese(tmp_path: Path) -> None:
    start = round_start("estimate", 1)
    app = make_test_app(tmp_path, language="zh-Hant", start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("1", "enter")
        await pilot.pause()
        text = play_screen(app).query_one(Feedback).text
        reading = str(app.screen.query_one(".reading").render())
        assert "出處" in text and "按 enter" in text and "正確答案" in reading
        for english in ("Source", "Press", "Answer", "you said", "points"):
            assert english not in text + reading


@sync
async def test_enter_moves_on_even_with_the_answered_list_focused(tmp_path: Path) -> None:
    start = round_start("order", 2)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        widget = app.screen.query_one(OrderAnswer)
        app.screen.set_focus(widget)
        await pilot.pause()
        # The answered list's keys are gone from the Footer; enter reaches the screen.
        assert "submit" not in {b.action for _, b, _, _ in app.screen.active_bindings.values()}
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(OrderAnswer).question is start.questions[1]


@sync
async def test_a_near_miss_is_named_in_the_feedback(tmp_path: Path) -> None:
    start = round_start("estimate", 1)
    question = start.questions[0]
    assert isinstance(question, EstimateQuestion)
    guess = question.answer * 0.92  # 8% low
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*typed(f"{guess:.6g}"), "enter")
        await pilot.pause()
        assert "8% low." in play_screen(app).query_one(Feedback).text
        assert "8% low." in screen_text(app)


@sync
async def test_mid_round_the_palette_offers_the_rounds_keys_and_no_answers(tmp_path: Path) -> None:
    from ali_quiz.tui.commands import app_commands

    start = round_start("match", 2)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        titles = [command.title for command in app_commands(app)]
        assert {"Skip", "Submit", "Undo pair"} <= set(titles)
        assert "Timeline" not in titles and "Packs" not in titles and "History" not in titles
        skip = next(c for c in app_commands(app) if c.title == "Skip")
        await skip.run()
        await pilot.pause()
        assert play_screen(app).last_outcome is not None
        assert play_screen(app).last_outcome.skipped  # type: ignore[union-attr]


@sync
async def test_the_leave_dialog_takes_arrows_between_its_buttons(tmp_path: Path) -> None:
    app = make_test_app(tmp_path, start=round_start("choice", 2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "no"
        await pilot.press("left")
        assert app.focused.id == "yes"
        await pilot.press("right")
        assert app.focused.id == "no"


@sync
async def test_an_estimate_shows_the_players_own_form_and_the_questions_unit(
    tmp_path: Path,
) -> None:
    start = round_start("estimate", 1)
    question = start.questions[0]
    assert isinstance(question, EstimateQuestion) and question.unit not in ("", "%")
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*typed("3 apples"))
        await pilot.pause()
        reading = str(app.screen.query_one(".reading").render())
        assert f"counts in {question.unit}" in reading
        await pilot.press(*["backspace"] * 7, *typed("萬"), "enter")
        await pilot.pause()
        reading = str(app.screen.query_one(".reading").render())
        assert f"you said 3萬 = 30,000 {question.unit}" in reading


@sync
async def test_a_match_uses_the_whole_width_at_120_columns(tmp_path: Path) -> None:
    """Its left side is wider at 120 columns than at 80: the feedback goes under a match, not
    beside it."""
    start = longest("match")
    widths = {}
    for size in ((80, 24), (120, 40)):
        app = make_test_app(tmp_path / f"{size[0]}", start=start)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            left = app.screen.query_one("#left-side").region
            widths[size[0]] = left.width
            await pilot.press("ctrl+s")  # skip: the feedback shows
            await pilot.pause()
            feedback = app.screen.query_one("#feedback-panel").region
            assert feedback.y >= app.screen.query_one("#play-body").region.bottom  # under it
    assert widths[120] > widths[80] + 30, widths
