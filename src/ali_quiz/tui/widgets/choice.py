"""A choice question: options labelled A-J, picked by letter or number keys, arrows or a click.

Up to ten options (authored choices hold 2 to 10): keys 1-9 and 0 for the tenth; the list
scrolls when it is taller than the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.content import Content
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import ChoiceQuestion
from ali_quiz.tui.widgets.base import give, offered
from ali_quiz.tui.widgets.hanging import Hanging

if TYPE_CHECKING:
    from textual.css.styles import RulesMap  # noqa: F401  (named in a cast)

MAX_OPTIONS = 10  # keys 1-9 and 0, A-J
#: The marks of an answered choice: after the right option, and after a wrong pick.
RIGHT = Content.assemble(("✓", "b $text-success"))
WRONG = Content.assemble(("✗", "b $text-error"))
MARKS = (RIGHT, WRONG)


class ChoiceAnswer(OptionList):
    """The options of a choice question; choosing one answers at once."""

    BINDINGS = [
        Binding(f"{letter(i).lower()},{(i + 1) % 10}", f"pick({i})", "key.pick_option", show=False)
        for i in range(MAX_OPTIONS)
    ]

    def __init__(self, question: ChoiceQuestion, *, id: str | None = None) -> None:
        self.question = question
        self.answered = False
        #: Once answered, the mark (✓ or ✗) drawn after each marked option, by option id.
        self.marks: dict[str, Content] = {}
        # An option's lines with a mark, by option id, mark, style and width.
        self.marked: dict[tuple[str, str, Style, int], list[Strip]] = {}
        super().__init__(
            *(self.option_for(i) for i in range(len(question.options))),
            id=id,
        )

    def option_for(self, index: int, mark: str = "  ") -> Option:
        option = self.question.options[index]
        return Option(option_prompt(index, Content(f"{option.text} {mark}")), id=option.id)

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
        give(self, self.question.options[index].id)

    def reveal(self, chosen: str | None) -> None:
        """Mark the right option ✓ and a wrong pick ✗, and stop taking answers."""
        self.answered = True
        marks: dict[str, Content] = {}
        for option in self.question.options:
            right = option.id == self.question.answer or (
                self.question.weights is not None
                and dict(self.question.weights).get(option.id, 0) > 0
            )
            if right:
                marks[option.id] = RIGHT
            elif option.id == chosen:
                marks[option.id] = WRONG
        chosen_index = next(
            (i for i, o in enumerate(self.question.options) if o.id == chosen), None
        )
        self.marks = marks
        before = self.highlighted
        # The pick highlighted without OptionList's watcher: nothing listens for its
        # OptionHighlighted message here, and the list's lines are worked out once, below.
        self.set_reactive(OptionList.highlighted, chosen_index)
        if all(self.mark_fits(self.get_option(option_id)) for option_id in marks):
            # Drawn over the options' lines (see `_get_option_render`): the options, drawn
            # while the question was read, are not drawn anew in the answer's frame; only the
            # lines of those marked or highlighted (before or now) are drawn again.
            changed = {self.get_option_index(option_id) for option_id in marks}
            self.refresh_options(changed | {i for i in (before, chosen_index) if i is not None})
        else:
            self.marks_in_prompts()
        self.scroll_to_highlight()

    def refresh_options(self, indexes: set[int]) -> None:
        """Draw the lines of these options again (the rest of the list is unchanged)."""
        style = self.get_visual_style("option-list--option")
        line = 0
        for index, option in enumerate(self.options):
            height = len(super()._get_option_render(option, style))
            if index in indexes:
                self.refresh_lines(line, height)
            line += height

    def marks_in_prompts(self) -> None:
        """The marks written into the prompts themselves, laid out again: for a mark that does
        not fit one space after its option's last line (it wraps to a line of its own)."""
        marks, self.marks = self.marks, {}
        for index, option in enumerate(self.question.options):
            text = Content(option.text)
            if option.id in marks:
                text += Content(" ") + marks[option.id]
            self.replace_option_prompt_at_index(index, option_prompt(index, text))
        self.refresh(layout=True)

    def mark_fits(self, option: Option) -> bool:
        """Whether a mark fits one space after the end of the option's last line."""
        strips = super()._get_option_render(option, self.get_visual_style("option-list--option"))
        return bool(strips) and mark_column(strips[-1]) + 1 <= strips[-1].cell_length

    def on_focus(self) -> None:
        # Once the list is drawn focused, its options are drawn as they may be after an answer
        # (in the background of the reading): the answer's frame finds them drawn.
        self.call_after_refresh(self.prepare_answered)

    def prepare_answered(self) -> None:
        """Each option drawn highlighted (as the pick is) and with either mark, in both
        styles: done while the question is read."""
        if self.answered or not self.has_focus:
            return
        styles = (
            self.get_visual_style("option-list--option"),
            self.get_visual_style("option-list--option", "option-list--option-highlighted"),
        )
        for option in self.options:
            for style in styles:
                strips = super()._get_option_render(option, style)
                for mark in MARKS:
                    self.marked_lines(option, mark, style, strips)

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        # Overrides OptionList's own (Textual 8.2), which draws an option's lines and keeps
        # them; once answered, an option with a mark gets it drawn over its last line, where
        # the prompt leaves room for it (tests/test_tui_choice_marks.py holds it to that).
        strips = super()._get_option_render(option, style)
        mark = self.marks.get(option.id) if option.id is not None else None
        if mark is None:
            return strips
        marked = self.marked_lines(option, mark, style, strips)
        if marked is None:
            # Narrowed since the answer (a resize): no room left after the text.
            self.call_later(self.marks_in_prompts)
            return strips
        return marked

    def marked_lines(
        self, option: Option, mark: Content, style: Style, strips: list[Strip]
    ) -> list[Strip] | None:
        """An option's lines with a mark drawn one space after its text (None: no room)."""
        if option.id is None or not strips:
            return None
        last = strips[-1]
        key = (option.id, mark.plain, style, last.cell_length)
        if (marked := self.marked.get(key)) is None:
            column = mark_column(last)
            if column + mark.cell_length > last.cell_length:
                return None
            meta = {"option": self.get_option_index(option.id)}
            drawn = mark.render_strips(mark.cell_length, 1, style, self.render_options())
            line = drawn[0].apply_meta(meta)
            after = column + line.cell_length
            line = Strip.join([last.crop(0, column), line, last.crop(after, last.cell_length)])
            marked = self.marked[key] = [*strips[:-1], line]
        return marked

    def render_options(self) -> RenderOptions:
        return RenderOptions(self._get_style, cast("RulesMap", self.styles))


def option_prompt(index: int, text: Content) -> Hanging:
    """`A. text`, its wrapped lines under the text (not under the letter)."""
    return Hanging(Content.assemble((letter(index), "b"), ". "), text)


def mark_column(line: Strip) -> int:
    """Where an option's mark goes on its last line: one space after its text (the spaces
    after the text are a cell each)."""
    text = line.text
    return line.cell_length - (len(text) - len(text.rstrip())) + 1
