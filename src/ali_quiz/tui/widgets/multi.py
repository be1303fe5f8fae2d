"""A select-all-that-apply question: space (or a letter) ticks an option, enter submits them all.

Up to ten options labelled A-J; the list scrolls when it is taller than the screen. After the
answer every option worth picking is marked ✓ and every wrong tick ✗.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.binding import Binding
from textual.content import Content
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import Selection

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import MultiQuestion
from ali_quiz.tui.texts import translate_bindings, translator_of
from ali_quiz.tui.widgets.base import AnswerRefused, give

MAX_OPTIONS = 10  # letters A-J


class MultiAnswer(SelectionList[str]):
    """The options of a multi question as ticks; enter submits the ticked ones."""

    BINDINGS = [
        Binding("enter", "submit", "key.submit"),
        Binding("space", "toggle_highlighted", "key.toggle"),
        *(Binding(letter(i).lower(), f"toggle_at({i})", show=False) for i in range(MAX_OPTIONS)),
    ]

    def __init__(self, question: MultiQuestion, *, id: str | None = None) -> None:
        self.question = question
        self.answered = False
        super().__init__(
            *(Selection(self.label(i), option.id) for i, option in enumerate(question.options)),
            id=id,
        )

    def label(self, index: int) -> Content:
        option = self.question.options[index]
        return Content.from_markup("[b]$label[/b]. $text", label=letter(index), text=option.text)

    def on_mount(self) -> None:
        translate_bindings(self, translator_of(self))
        self.highlighted = 0

    def render_line(self, y: int) -> Strip:
        """SelectionList's line, with an unticked box drawn empty (`▐ ▌`, ticked `▐X▌`): its
        state shows without colour (a monochrome terminal, NO_COLOR, a screen reader)."""
        line = super().render_line(y)
        segments = list(line)
        if len(segments) < 2 or segments[1].text != ToggleButton.BUTTON_INNER:
            return line  # no box on this line
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        if selection.value in self.selected:
            return line
        segments[1] = Segment(" " * len(segments[1].text), segments[1].style)
        return Strip(segments, line.cell_length)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Answered: its keys leave the Footer and fall through to the screen (enter: next).
        return not self.answered

    def action_toggle_highlighted(self) -> None:
        """Tick or untick the option under the cursor."""
        if not self.answered and self.highlighted is not None:
            self.toggle(self.get_option_at_index(self.highlighted).value)

    def action_toggle_at(self, index: int) -> None:
        """Tick or untick the option with this letter."""
        if self.answered or index >= len(self.question.options):
            return
        self.highlighted = index
        self.toggle(self.question.options[index].id)

    def action_submit(self) -> None:
        """Answer with every ticked option (at least one)."""
        if self.answered:
            return
        picked = [o.id for o in self.question.options if o.id in self.selected]
        if not picked:
            self.post_message(AnswerRefused(translator_of(self)("play.multi.none")))
            return
        give(self, picked)

    def reveal(self, chosen: list[str] | None) -> None:
        """Mark the options worth picking ✓ and wrong ticks ✗, and stop taking answers."""
        self.answered = True
        right = set(self.question.answer_json())
        picked = set(chosen or ())
        for index, option in enumerate(self.question.options):
            if option.id in right:
                mark = Content.from_markup(" [b $text-success]✓[/]")
            elif option.id in picked:
                mark = Content.from_markup(" [b $text-error]✗[/]")
            else:
                mark = Content("")
            self.replace_option_prompt_at_index(index, self.label(index) + mark)
