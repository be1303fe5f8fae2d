"""A wrapped option's lines start under its text, not under its letter (a hanging indent), so
options of several lines read apart, in the question and with its marks after an answer."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import ChoiceQuestion, Entry
from ali_quiz.tui.widgets.choice import ChoiceAnswer
from test_tui_support import make_test_app, round_start, sync

LONG = {
    "en": "DingTalk holds its autumn–winter launch event in Beijing, announcing a solution for "
    "“people, finance, goods and affairs” built on office scenarios",
    "zh": "釘釘在北京召開秋冬釋出會,公佈“人、財、物、事”全鏈路數字化解決方案,"
    "提升了企業內外協同的能力與效率",
}


def lines_of(widget: ChoiceAnswer) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.content_region.height)]


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("width", [80, 60])
@sync
async def test_a_wrapped_option_hangs_under_its_text(
    tmp_path: Path, language: str, width: int
) -> None:
    start = round_start("choice", 3)
    first = start.questions[0]
    assert isinstance(first, ChoiceQuestion)
    options = list(first.options)
    wrong = next(i for i, o in enumerate(options) if o.id != first.answer)
    options[wrong] = Entry(id=options[wrong].id, text=LONG[language])
    question = replace(first, options=tuple(options))
    app = make_test_app(tmp_path, start=replace(start, questions=(question, *start.questions[1:])))
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        widget = app.screen.query_one(ChoiceAnswer)
        for answered in (False, True):
            lines = lines_of(widget)
            head = next(i for i, line in enumerate(lines) if f"{letter(wrong)}. " in line)
            indent = lines[head].index(f"{letter(wrong)}. ") + 3
            wrapped = lines[head + 1]
            assert wrapped[:indent].strip() == "", lines
            assert wrapped[indent:].strip(), lines  # the text goes on under the text
            if not answered:
                await pilot.press(letter(wrong).lower())  # marked ✗, drawn again
                await pilot.pause()
        assert "✗" in "".join(lines_of(widget))
