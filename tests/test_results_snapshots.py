"""Snapshots of the results screen and of home with a history, at 80x24 and 120x40, in English
and 繁體中文.

Rounds are played straight into the history (a recorder, as the app records them) on a fixed
clock, so every answer takes 4.5 seconds and the pictures are the same on every run; the results
screen is then shown over home. Look at each picture before `--snapshot-update`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from ali_quiz.history.recorder import HistoryRecorder
from ali_quiz.history.store import HistoryStore
from ali_quiz.quiz.kinds import ChoiceQuestion, OrderQuestion, Question, Response
from ali_quiz.quiz.rounds import Round
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.screens.results import ResultsScreen
from test_tui_snapshots import VARIANTS, Snap, settled
from test_tui_support import FIXED_NOW, make_test_app, round_start

SECONDS = 4.5


def response(question: Question, mark: str) -> Response | None:
    """A right (r), partly right (p, an order with its first two swapped) or wrong (w)
    response, or None to skip (s)."""
    if mark == "s":
        return None
    right: Response = question.answer_json()
    if mark == "r":
        return right
    if mark == "p" and isinstance(question, OrderQuestion):
        items = list(question.answer)
        return [items[1], items[0], *items[2:]]
    if mark == "w" and isinstance(question, ChoiceQuestion):
        return next(o.id for o in question.options if o.id != question.answer)
    raise ValueError(f"no {mark!r} response for a {question.kind} question")


def record(store: HistoryStore, start: ResolvedRound, marks: str) -> tuple[Round, int | None]:
    """Play a round into the history as the app does; the round and its id."""
    recorder = HistoryRecorder(store, warn=print, now=lambda: FIXED_NOW)
    recorder.start(start, start.questions, player="ann", ui_language="en", at_first_answer=True)
    ticks = itertools.count(0.0, SECONDS)
    game = Round(start.questions, on_answer=recorder.record, clock=lambda: next(ticks))
    for question, mark in zip(start.questions, marks, strict=True):
        answer = response(question, mark)
        game.answer(answer) if answer is not None else game.skip()
    recorder.finish()
    return game, recorder.round_id


def shoot(
    snap_compare: Snap,
    app: QuizApp,
    size: tuple[int, int],
    setup: Callable[[QuizApp], None],
    press: tuple[str, ...] = (),
) -> bool:
    async def before(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        quiz = pilot.app
        assert isinstance(quiz, QuizApp)
        setup(quiz)
        await pilot.pause()
        await settled(pilot)
        for key in press:
            await pilot.press(key)
        await pilot.pause()

    return bool(snap_compare(app, terminal_size=size, run_before=before))


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_results_first_round(
    snap_compare: Snap, tmp_path: Any, language: str, size: tuple[int, int]
) -> None:
    """A first quick round of five (choice ✓, match ✓, choice ✗, order ◐, choice skipped): the
    percentage in big digits with a % beside it, the points and the counts, "your first round
    of this mode", the time (4.5 s a question); accuracy by kind (one line at 80 columns, a
    panel with bars at 120); the round code; the share line with 🟩🟩🟥🟨⬜ and the code; a
    row per question with its mark, points, kind, time and prompt; the order row (4)
    highlighted and below it the player's order item by item (◐ the two swapped items, ✓ the
    rest), the right order and the sources; the Play again / Replay / Mistakes round / Home
    buttons."""
    start = round_start("quick", 5, seed=96)  # its kinds in that order

    def setup(app: QuizApp) -> None:
        assert app.history_store is not None
        game, round_id = record(app.history_store, start, "rrwps")
        app.push_screen(ResultsScreen(game, start, round_id))

    app = make_test_app(tmp_path, language=language)
    assert shoot(snap_compare, app, size, setup, ("down", "down", "down"))


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_results_new_best(
    snap_compare: Snap, tmp_path: Any, language: str, size: tuple[int, int]
) -> None:
    """A choice round of three all right after one with one right: 100 in big digits and
    "★ New best! Your best was 33%" in green; the share line 🟩🟩🟩."""
    start = round_start("choice", 3)

    def setup(app: QuizApp) -> None:
        assert app.history_store is not None
        record(app.history_store, start, "rww")
        game, round_id = record(app.history_store, start, "rrr")
        app.push_screen(ResultsScreen(game, start, round_id))

    assert shoot(snap_compare, make_test_app(tmp_path, language=language), size, setup)


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_home_with_progress(
    snap_compare: Snap, tmp_path: Any, language: str, size: tuple[int, int]
) -> None:
    """Home after two rounds today: the Your progress panel under More says a 1-day streak
    and how many facts are due for review; at 120 columns it is wider and adds "played today",
    the rounds played and the recent rounds (33% and 100% Choice, today 12:00), newest first;
    at 120x40 the right column adds "Your scores with this pack" (Choice 2 rounds, best 100%,
    average 67%). The Pack list's rows are one line each (cut with … at 80 columns)."""
    start = round_start("choice", 3)

    def setup(app: QuizApp) -> None:
        assert app.history_store is not None
        record(app.history_store, start, "rrr")
        record(app.history_store, start, "rww")
        app.refresh_history()

    assert shoot(snap_compare, make_test_app(tmp_path, language=language), size, setup)
