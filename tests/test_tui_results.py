"""The results screen (against the last and best, share line, Play again, Replay) and the home
screen's progress, driven by keys as a player would; rounds of three questions."""

from __future__ import annotations

import itertools
from pathlib import Path

from textual.widgets import Button, Static
from textual.widgets._footer import FooterKey

from ali_quiz.config import LoadedSettings, Settings
from ali_quiz.history.records import RoundRecord
from ali_quiz.i18n import Translator
from ali_quiz.paths import AppPaths
from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import ChoiceQuestion, MatchQuestion, OrderQuestion, Question
from ali_quiz.quiz.rounds import Outcome
from ali_quiz.quiz.scorecard import duration_text, kind_scores, marked_response, share_marks
from ali_quiz.roundspec import (
    ListedPacks,
    ResolvedRound,
    RoundSpec,
    resolve_round,
    round_code_for,
)
from ali_quiz.tui.app import QuizApp, make_app
from ali_quiz.tui.screens.home import HomeScreen
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.results import ResultsScreen
from ali_quiz.tui.widgets.progress_panel import ProgressPanel
from test_tui_app import screen_text, settle
from test_tui_support import FIXED_NOW, make_test_app, right_keys, round_start, sync

SIZE = (80, 24)
WIDE = (120, 40)


def wrong_keys(question: Question) -> list[str]:
    assert isinstance(question, ChoiceQuestion)
    index = next(i for i, o in enumerate(question.options) if o.id != question.answer)
    return ["abcdef"[index]]


async def play_through(pilot, questions: list[Question], marks: str) -> None:  # type: ignore[no-untyped-def]
    """Answer each question right (r), wrong (w) or skip it (s), then wait for the results."""
    for question, mark in zip(questions, marks, strict=True):
        keys = {"r": right_keys(question), "w": wrong_keys(question), "s": ["ctrl+s"]}[mark]
        await pilot.press(*keys, "enter")
    await pilot.pause()
    app = pilot.app
    assert isinstance(app.screen, ResultsScreen)
    await settle(app)
    await pilot.pause()


def compare_line(app: QuizApp) -> str:
    return str(app.screen.query_one("#results-compare").render())


def counting_app(tmp_path: Path, first: int = 100) -> QuizApp:
    """The test app, but each fresh round draws the next seed (100, 101, …)."""
    seeds = itertools.count(first)
    settings = Settings(player="ann", language="en", pack="dingtalk-2020")
    return make_app(
        AppPaths.resolve(tmp_path / "data"),
        settings=LoadedSettings(settings),
        seed_source=lambda: next(seeds),
        now=lambda: FIXED_NOW,
    )


async def play_first(pilot, start: ResolvedRound, marks: str) -> None:  # type: ignore[no-untyped-def]
    """Wait for the app, play this round through and wait for its results."""
    await settle(pilot.app)
    pilot.app.play_round(start)
    await pilot.pause()
    await play_through(pilot, list(start.questions), marks)


def newest(app: QuizApp) -> RoundRecord:
    assert app.history_store is not None
    return app.history_store.rounds(player="ann", limit=1)[0]


@sync
async def test_a_better_replay_is_a_new_best_and_a_worse_one_says_by_how_much(
    tmp_path: Path,
) -> None:
    start = round_start("choice", 3)
    questions = list(start.questions)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await play_through(pilot, questions, "rww")
        assert "first round of this mode on this pack" in compare_line(app)
        await pilot.press("r")
        await pilot.pause()
        await play_through(pilot, questions, "rrr")
        assert "New best! Your best was 33%" in compare_line(app)
        await pilot.press("r")
        await pilot.pause()
        await play_through(pilot, questions, "rrw")
        assert "▼ −33 on your last round (100%) · best 100%" in compare_line(app)
        await pilot.press("r")
        await pilot.pause()
        await play_through(pilot, questions, "rrw")
        assert "= same as your last round (67%) · best 100%" in compare_line(app)


@sync
async def test_the_share_line_has_the_score_a_square_per_question_and_the_code(
    tmp_path: Path,
) -> None:
    start = round_start("choice", 3)
    assert start.code
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await play_through(pilot, list(start.questions), "rsw")
        screen = app.screen
        assert isinstance(screen, ResultsScreen)
        expected = f"ali-quiz · 釘釘的崛起 · Choice · 100/300 (33%) 🟩⬜🟥 · {start.code}"
        assert screen.share == expected
        # On screen, for a terminal without a clipboard: the squares and code on their own line.
        shown = screen_text(app)
        assert "Share: ali-quiz · 釘釘的崛起 · Choice · 100/300 (33%)\n" in shown
        assert f"\n       🟩⬜🟥 · {start.code}" in shown
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == expected
        assert any("Share text copied" in n.message for n in app._notifications)


@sync
async def test_the_share_line_and_its_notice_in_chinese(tmp_path: Path) -> None:
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start, language="zh-Hant")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await play_through(pilot, list(start.questions), "rrw")
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == (
            f"ali-quiz · 釘釘的崛起 · 選擇題 · 200/300 分（67%）🟩🟩🟥 · 代碼 {start.code}"
        )
        assert any("已複製分享文字" in n.message for n in app._notifications)


@sync
async def test_play_again_makes_new_questions_recorded_as_play_records_them(
    tmp_path: Path,
) -> None:
    start = round_start("choice", 3)
    app = counting_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_first(pilot, start, "rrw")
        await pilot.press("n")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, PlayScreen)
        info = again.info
        assert (info.pack.id, info.mode, info.count) == ("dingtalk-2020", "choice", 3)
        assert info.seed == 100 != start.seed
        assert list(again.game.questions) != list(start.questions)
        # `play --pack dingtalk-2020 --mode choice --count 3 --seed 100` gives this round.
        spec = RoundSpec(pack=start.pack, mode="choice", count=3, seed=100, date=FIXED_NOW.date())
        played = resolve_round(spec, ListedPacks([start.pack]))
        assert info.code == played.code and info.questions == played.questions
        await play_through(pilot, list(again.game.questions), "rrr")
        saved = newest(app)
        assert (saved.mode, saved.count, saved.seed, saved.code) == ("choice", 3, 100, played.code)
        assert saved.finished and saved.score == 300


@sync
async def test_replay_is_the_same_round_by_its_code_recorded_as_play_records_it(
    tmp_path: Path,
) -> None:
    start = round_start("choice", 3)
    app = counting_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await play_first(pilot, start, "wsw")
        first = newest(app)
        await pilot.press("r")
        await pilot.pause()
        replay = app.screen
        assert isinstance(replay, PlayScreen)
        assert replay.info.questions == start.questions
        assert (replay.info.seed, replay.info.code) == (start.seed, start.code)
        await play_through(pilot, list(start.questions), "rrr")
        second = newest(app)
        assert second.id != first.id
        assert (second.mode, second.count, second.seed, second.code) == (
            first.mode,
            first.count,
            first.seed,
            first.code,
        )
        assert second.code == round_code_for(start.pack, "choice", 3, start.seed)


@sync
async def test_play_again_after_the_daily_round_makes_a_quick_round(tmp_path: Path) -> None:
    app = counting_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        spec = RoundSpec(pack="dingtalk-2020", mode="daily", count=3, date=FIXED_NOW.date())
        daily = resolve_round(spec, ListedPacks([e.pack for e in app.catalog or () if e.pack]))
        app.play_round(daily)
        await pilot.pause()
        for _ in daily.questions:
            await pilot.press("ctrl+s", "enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        again = app.screen
        assert isinstance(again, PlayScreen)
        assert (again.info.mode, again.info.seed) == ("quick", 100)


def outcome(question: Question, points: int, seconds: float) -> Outcome:
    return Outcome(
        position=1, question=question, response=None, points=points, skipped=False, seconds=seconds
    )


def test_accuracy_by_kind_sums_points_per_kind_in_round_order() -> None:
    start = round_start("quick", 10)
    by_kind: dict[str, list[Question]] = {}
    for question in start.questions:
        by_kind.setdefault(question.kind, []).append(question)
    assert len(by_kind) >= 3
    outcomes = [
        outcome(q, 100 if i == 0 else 50 if q.kind == "order" else 0, 2.0)
        for kind, qs in by_kind.items()
        for i, q in enumerate(qs)
    ]
    scores = {s.kind: s for s in kind_scores(outcomes)}
    assert list(scores) == list(by_kind)
    for kind, qs in by_kind.items():
        expected = 100 + (50 if kind == "order" else 0) * (len(qs) - 1)
        assert (scores[kind].questions, scores[kind].points) == (len(qs), expected)
        assert scores[kind].max_points == 100 * len(qs)
    assert kind_scores([]) == ()


def test_times_and_marks_read_as_a_player_reads_them() -> None:
    en, zh = Translator("en"), Translator("zh-Hant")
    assert duration_text(en, 8.44) == "8.4 s" and duration_text(zh, 8.44) == "8.4 秒"
    assert duration_text(en, 59.96) == "1:00" and duration_text(en, 125.4) == "2:05"
    assert duration_text(en, 3725) == "1:02:05"
    question = round_start("choice", 3).questions[0]
    marks = [
        outcome(question, 100, 1),
        outcome(question, 40, 1),
        outcome(question, 0, 1),
        Outcome(position=4, question=question, response=None, points=0, skipped=True, seconds=1),
    ]
    assert share_marks(marks) == "🟩🟨🟥⬜"


@sync
async def test_the_results_show_accuracy_by_kind_and_time(tmp_path: Path) -> None:
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await play_through(pilot, list(start.questions), "rww")
        text = screen_text(app)
        assert "By kind: choice 33%" in text
        assert "choice ███░░░░░░░  33% (3)" in text  # the wide panel's bar
        # The time answering, not the round's duration the history shows.
        time_line = str(app.screen.query_one("#results-time").render())
        assert time_line.startswith("Answering took ") and "a question" in time_line


@sync
async def test_a_new_player_is_welcomed_then_sees_streak_due_and_recent_rounds(
    tmp_path: Path,
) -> None:
    start = round_start("choice", 3)
    app = make_test_app(tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(app)
        await pilot.pause()
        panel = app.screen.query_one(ProgressPanel)
        assert panel.display
        assert "Welcome! Pick a mode" in str(panel.render())
        assert "0" not in str(panel.render())  # no zeros for a new player
        app.play_round(start)
        await pilot.pause()
        await play_through(pilot, list(start.questions), "rww")
        await pilot.press("h")
        await settle(app)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        shown = str(app.screen.query_one(ProgressPanel).render())
        assert "🔥 1-day streak · played today" in shown
        assert "facts due for review" in shown
        assert "1 round played" in shown
        assert "33%  Choice  today 12:00" in shown
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        narrow = str(app.screen.query_one(ProgressPanel).render())
        assert "🔥 1-day streak" in narrow and "Recent rounds" not in narrow


def test_an_order_or_match_answer_is_shown_item_by_item_with_its_mark() -> None:
    order = round_start("order", 3).questions[0]
    assert isinstance(order, OrderQuestion) and len(order.answer) >= 3
    first, second, *rest = order.answer
    swapped = [second, first, *rest]  # the first two swapped: they are partly right
    marks = marked_response(order, swapped)
    assert marks is not None
    assert [verdict for _, verdict in marks] == ["partial", "partial", *["right"] * len(rest)]
    items = {item.id: f"{letter(i)}. {item.text}" for i, item in enumerate(order.items)}
    assert [text for text, _ in marks] == [items[i] for i in swapped]
    backwards = marked_response(order, list(reversed(order.answer)))
    assert backwards is not None and {v for _, v in backwards} <= {"wrong", "partial"}
    assert backwards[0][1] == "wrong" and backwards[-1][1] == "wrong"

    match = round_start("match", 3).questions[0]
    assert isinstance(match, MatchQuestion)
    given = dict(match.answer)
    (one, right_one), (two, right_two), *_ = match.answer
    given[one], given[two] = right_two, right_one
    marked = marked_response(match, given)
    assert marked is not None
    assert [v for _, v in marked][:2] == ["wrong", "wrong"]
    assert all(v == "right" for _, v in marked[2:])
    assert marked[0][0].startswith(f"1. {match.left[0].text} → ")
    assert marked_response(round_start("choice", 3).questions[0], "x") is None


@sync
async def test_a_round_of_mistakes_is_not_compared_and_replays_its_questions(
    tmp_path: Path,
) -> None:
    start = round_start("choice", 3)
    questions = list(start.questions)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await play_through(pilot, questions, "rwr")
        await pilot.press("m")
        await pilot.pause()
        mistakes = app.screen
        assert isinstance(mistakes, PlayScreen)
        again = list(mistakes.game.questions)
        await play_through(pilot, again, "w")
        assert "A round of your mistakes" in compare_line(app)
        assert "first round" not in compare_line(app)
        await pilot.press("r")
        await pilot.pause()
        replay = app.screen
        assert isinstance(replay, PlayScreen)
        assert list(replay.game.questions) == again and replay.info.code is None


def footer_actions(app: QuizApp) -> set[str]:
    return {key.action for key in app.screen.query(FooterKey)}


@sync
async def test_a_class_round_s_results_offer_no_other_round(tmp_path: Path) -> None:
    """In a class (`ali-quiz serve`) a tab plays the class's round only: the results show no
    Play again, Replay or Mistakes round (Footer or buttons), and their keys do nothing."""
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    app.other_rounds = False  # as ClassApp sets it
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await play_through(pilot, list(start.questions), "rww")
        results = app.screen
        assert footer_actions(app) >= {"copy_share", "home"}
        assert not footer_actions(app) & {"play_again", "replay", "mistakes"}
        assert [b.id for b in results.query(Button)] == ["home"]
        await pilot.press("n", "r", "m")
        await pilot.pause()
        assert app.screen is results and not app._notifications


@sync
async def test_a_round_s_results_offer_the_next_round_outside_a_class(tmp_path: Path) -> None:
    start = round_start("choice", 3)
    app = make_test_app(tmp_path, start=start)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app)
        await play_through(pilot, list(start.questions), "rww")
        assert footer_actions(app) >= {"play_again", "replay", "copy_share", "home"}
        assert [b.id for b in app.screen.query(Button)] == [
            "play-again",
            "replay",
            "mistakes",
            "home",
        ]


@sync
async def test_the_share_line_of_ten_questions_fits_80_columns(tmp_path: Path) -> None:
    """Score on one line, the ten squares and the code whole on the next (they wrapped)."""
    for language in ("en", "zh-Hant"):
        start = round_start("choice", 10)
        app = make_test_app(tmp_path / language, start=start, language=language)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app)
            await play_through(pilot, list(start.questions), "s" * len(start.questions))
            share = app.screen.query_one("#results-share", Static)
            assert share.size.height == 2
            lines = [strip.text for strip in share.render_lines(share.region.reset_offset)]
            marks = "⬜" * len(start.questions)
            assert any(line.strip().startswith(marks) and str(start.code) in line for line in lines)
