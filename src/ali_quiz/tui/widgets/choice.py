"""A choice question: options labelled A-J, picked by letter or number keys, arrows or a click.

Up to ten options (authored choices hold 2 to 10): keys 1-9 and 0 for the tenth; the list
scrolls when it is taller than the screen.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import ChoiceQuestion
from ali_quiz.tui.widgets.base import AnswerGiven, offered

MAX_OPTIONS = 10  # keys 1-9 and 0, A-J


class ChoiceAnswer(OptionList):
    """The options of a choice question; choosing one answers at once."""

    BINDINGS = [
        Binding(f"{letter(i).lower()},{(i + 1) % 10}", f"pick({i})", "key.pick_option", show=False)
        for i in range(MAX_OPTIONS)
    ]

    def __init__(self, question: ChoiceQuestion, *, id: str | None = None) -> None:
        self.question = question
        self.answered = False
        super().__init__(
            *(self.option_for(i) for i in range(len(question.options))),
            id=id,
        )

    def option_for(self, index: int, mark: str = "  ") -> Option:
        option = self.question.options[index]
        prompt = Content.from_markup(
            "[b]$label[/b]. $text $mark", label=letter(index), text=option.text, mark=mark
        )
        return Option(prompt, id=option.id)

    def on_mount(self) -> None:
        self.highlighted = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Answered: its keys leave the Footer and fall through to the screen (enter: next).
        # A letter past the options is no key of this question (F1 lists a–d, not a–j).
        return not self.answered and offered(
            action, parameters, {"pick": len(self.question.options)}
        )

    def action_pick(self, index: int) -> None:
        """Choose the option at this index (a letter or number key)."""
        if self.answered or index >= len(self.question.options):
            return
        # Not highlighted here: `reveal` highlights the pick in the same frame as the verdict
        # (a highlight now would be drawn alone first, and the verdict wait a frame).
        self.choose(index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(event.option_index)

    def choose(self, index: int) -> None:
        if self.answered:
            return
        self.post_message(AnswerGiven(self.question.options[index].id))

    def reveal(self, chosen: str | None) -> None:
        """Mark the right option ✓ and a wrong pick ✗, and stop taking answers."""
        self.answered = True
        for index, option in enumerate(self.question.options):
            right = option.id == self.question.answer or (
                self.question.weights is not None
                and dict(self.question.weights).get(option.id, 0) > 0
            )
            # Built from parts, not markup: nothing to parse in the answer's frame.
            text = Content.assemble((letter(index), "b"), ". ", option.text)
            if right:
                text += Content.assemble(" ", ("✓", "b $text-success"))
            elif option.id == chosen:
                text += Content.assemble(" ", ("✗", "b $text-error"))
            self.replace_option_prompt_at_index(index, text)
        chosen_index = next(
            (i for i, o in enumerate(self.question.options) if o.id == chosen), None
        )
        # The pick highlighted without OptionList's watcher: nothing listens for its
        # OptionHighlighted message here, and the list's lines are worked out once, below.
        self.set_reactive(OptionList.highlighted, chosen_index)
        self.scroll_to_highlight()
