"""The select-all-that-apply widget: space or a letter ticks, enter submits the ticked options."""

from __future__ import annotations

import asyncio
from typing import Any

from textual import on
from textual.app import App, ComposeResult

from ali_quiz.quiz.kinds import Entry, MultiQuestion
from ali_quiz.tui.widgets.base import AnswerGiven, AnswerRefused
from ali_quiz.tui.widgets.multi import MultiAnswer

QUESTION = MultiQuestion(
    id="m",
    prompt="Pick the primes",
    facts=(),
    explanation="",
    options=tuple(Entry(id=f"o{i}", text=str(n)) for i, n in enumerate(range(2, 12))),
    weights=tuple(
        (f"o{i}", 25.0 if n in (2, 3, 5, 7) else -25.0) for i, n in enumerate(range(2, 12))
    ),
)


class Harness(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.given: list[object] = []
        self.refused: list[str] = []

    def compose(self) -> ComposeResult:
        yield MultiAnswer(QUESTION, id="answer")

    def on_mount(self) -> None:
        self.query_one(MultiAnswer).focus()

    @on(AnswerGiven)
    def given_answer(self, message: AnswerGiven) -> None:
        self.given.append(message.response)

    @on(AnswerRefused)
    def refused_answer(self, message: AnswerRefused) -> None:
        self.refused.append(message.text)


def test_space_and_letters_tick_enter_submits() -> None:
    async def run() -> None:
        app = Harness()
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.press("enter")  # nothing ticked: refused, not answered
            await pilot.pause()
            assert app.refused and not app.given
            await pilot.press("space")  # ticks A (the cursor starts there)
            await pilot.press("b", "d", "f", "h", "h")  # h twice: ticked, then unticked
            await pilot.press("j")  # the tenth option has a letter too
            await pilot.press("enter")
            await pilot.pause()
            assert app.given == [["o0", "o1", "o3", "o5", "o9"]]
            widget = app.query_one(MultiAnswer)
            widget.reveal(["o0", "o9"])
            await pilot.press("c", "enter")  # answered: no more ticks or answers
            await pilot.pause()
            assert len(app.given) == 1

    asyncio.run(run())


def test_multi_widget_snapshot(snap_compare: Any) -> None:
    """Ten options lettered A-J as ticks in a harness app: A and C ticked, the cursor on C; the
    list scrolls within its height."""

    async def before(pilot: Any) -> None:
        await pilot.press("a", "c")
        await pilot.pause()

    assert snap_compare(Harness(), terminal_size=(60, 16), run_before=before)


def test_a_tick_shows_without_colour() -> None:
    """Ticked and unticked options differ in their characters (▐X▌ against ▐ ▌), not only in
    colour: a monochrome terminal, NO_COLOR or a screen reader's text tells them apart."""

    async def run() -> None:
        app = Harness()
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.press("b")
            await pilot.pause()
            lines = [strip.text for strip in app.screen._compositor.render_strips()]
            boxes = [line[2:5] for line in lines if ". " in line][:3]
            assert boxes == ["▐ ▌", "▐X▌", "▐ ▌"], lines[:4]

    asyncio.run(run())
