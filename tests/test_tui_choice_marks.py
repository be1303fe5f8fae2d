"""A choice's marks after an answer: ✓ after the right option and ✗ after a wrong pick, one
space after the option's text, whatever its length (a small harness app, no round)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from ali_quiz.quiz.kinds import ChoiceQuestion, Entry
from ali_quiz.tui.widgets.choice import ChoiceAnswer
from test_tui_support import sync

WIDTH = 40


def question(text: str) -> ChoiceQuestion:
    return ChoiceQuestion(
        id="choice-marks",
        prompt="Which?",
        facts=(),
        explanation="",
        options=(Entry(id="a", text=text), Entry(id="b", text="Short")),
        answer="a",
    )


class Harness(App[None]):
    def __init__(self, shown: ChoiceQuestion) -> None:
        super().__init__()
        self.shown = shown

    def compose(self) -> ComposeResult:
        yield ChoiceAnswer(self.shown, id="answer")


def lines_of(app: Harness) -> list[str]:
    """What the terminal shows."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


@sync
async def test_marks_follow_each_option_whatever_its_length() -> None:
    """Texts from short to two lines long, at every length around the end of a line: each
    answered list reads `A. <text> ✓  B. Short ✗` (the mark one space after the text on its
    last line, or starting the next line when there is no room: never cut off)."""
    app = Harness(question("First"))
    async with app.run_test(size=(WIDTH, 12)) as pilot:
        for length in [*range(28, 38), *range(62, 72)]:
            text = ("word " * WIDTH)[:length].strip()
            await app.query_one(ChoiceAnswer).remove()
            widget = ChoiceAnswer(question(text), id="answer")
            await app.mount(widget)
            widget.focus()
            await pilot.pause()
            widget.reveal("b")
            await pilot.pause()
            await pilot.pause()
            lines = lines_of(app)
            # The list's lines without its edges, as one text: a mark with no room after the
            # text of the last line starts the next line (the prompt is laid out again).
            said = " ".join(" ".join(line.strip("▊▎▔▁ ").split()) for line in lines)
            assert said.count("✓") == 1, (length, lines)
            assert f"{text.split()[-1]} ✓ B. Short ✗" in said, (length, lines)


@sync
async def test_marks_stay_when_the_terminal_narrows() -> None:
    """Answered at 40 columns, then narrowed to 30 and widened again: the marks stay after
    their options' texts (when the room after a text goes, the prompts carry the mark)."""
    text = "word " * 6 + "end"
    app = Harness(question(text))
    async with app.run_test(size=(WIDTH, 12)) as pilot:
        widget = app.query_one(ChoiceAnswer)
        widget.focus()
        await pilot.pause()
        widget.reveal("b")
        await pilot.pause()
        for size in ((30, 12), (27, 12), (WIDTH, 12)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            said = " ".join(" ".join(line.strip("▊▎▔▁ ").split()) for line in lines_of(app))
            assert said.count("✓") == 1 and "end ✓ B. Short ✗" in said, (size, said)
