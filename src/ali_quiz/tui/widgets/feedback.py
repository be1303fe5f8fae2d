"""Feedback after an answer: a one-line verdict, notes, the source sentence, and "press enter".

The answer itself is marked in the answer widget (✓ ◐ ✗ and where each item belongs), so the
feedback does not repeat it. The source sentence scrolls in its own box, which takes whatever
room the question leaves: the verdict above it and the "press enter" line below it are always
on screen, and the rest of a long source is one arrow key away.

The panel is one widget that draws its own lines (Textual's Line API), not a scrolling
container of three Statics: it is what an answer shows, and each widget laid out and drawn in
the answer's frame is time between the key and the feedback.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple, cast

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.app import ComposeResult
from textual.color import Color
from textual.containers import Container
from textual.content import Content
from textual.geometry import Offset, Region, Size
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from ali_quiz.i18n import Translator
from ali_quiz.quiz.kinds import Question, feedback_for
from ali_quiz.quiz.rounds import Outcome
from ali_quiz.tui.linebreaking import prepare

if TYPE_CHECKING:
    from textual.css.styles import RulesMap  # noqa: F401  (named in a cast)

VERDICT_MARKS = {"right": "✓", "partial": "◐", "wrong": "✗", "skipped": "→"}
#: The theme colour of the panel's left edge, by verdict.
VERDICT_COLOURS = {
    "right": "success",
    "partial": "warning",
    "wrong": "error",
    "skipped": "panel-lighten-3",
}


def verdict_content(outcome: Outcome, tr: Translator, *, streak: int = 0) -> Content:
    """`✓ Right!  100/100 points · 3 in a row`: the verdict on one line."""
    # Assembled from parts, not markup: nothing to parse between the key and the feedback.
    line = Content.assemble(
        (f"{VERDICT_MARKS[outcome.verdict]} {tr(f'feedback.{outcome.verdict}')}", "b"),
        "  ",
        tr("feedback.points", points=outcome.points, max=outcome.max_points),
    )
    if streak >= 2 and outcome.correct:
        line += Content.assemble(" · ", (tr("play.streak", count=streak), "b $text-success"))
    return line


def notes_content(outcome: Outcome, tr: Translator) -> Content:
    """A near miss named ("8% low", one letter off), and what an authored option says to the
    player who picked it (empty when neither)."""
    parts: list[Content] = []
    coaching = outcome.coaching
    if coaching is not None:
        said = tr(coaching.key, **coaching.args_in(tr.language))
        parts.append(Content.styled(said, "bold $text-accent"))
    parts += [
        Content.from_markup(
            "[b]$label[/b]$said",
            label=tr("label.colon", label=tr("feedback.option", option=option)),
            said=said,
        )
        for option, said in feedback_for(outcome.question, outcome.response)
    ]
    return Content("\n").join(parts)


def source_content(question: Question, tr: Translator) -> Content:
    """The explanation: the fact's date or figure, and the sentence of the source."""
    explanation = question.explanation
    if not explanation:
        return Content("")
    return Content.from_markup(
        "[b]$label[/b][i]$source[/i]", label=tr("feedback.source_label"), source=explanation
    )


def below(strip: Strip, lines: int) -> Strip:
    """A strip of a part drawn `lines` lines below the top of the panel's text: the offsets
    that text selection reads from its segments moved down as much."""
    if not lines:
        return strip
    segments = []
    for segment in strip:
        style = segment.style
        offset = style.meta.get("offset") if style is not None and style._meta else None
        if style is not None and offset is not None:
            x, y = offset
            style += RichStyle.from_meta({"offset": (x, y + lines)})
        segments.append(Segment(segment.text, style, segment.control))
    return Strip(segments, strip.cell_length)


#: How many parts' lines the panel keeps (a few questions' worth, at a width or two).
PART_CACHE = 32


class PanelLines(NamedTuple):
    """The panel's lines at one width: the verdict (kept at the top), the source (scrolled) and
    the hint, without and with "↑↓ scroll the source" (kept at the bottom)."""

    head: list[Strip]
    source: list[Strip]
    hint: list[Strip]
    scroll_hint: list[Strip]


class FeedbackPanel(ScrollView, can_focus=True):
    """The verdict at the top, "press enter" at the bottom and the source between them, which
    scrolls when the panel is too short for it: as a scrolling container with the verdict and
    the hint docked at its edges would show them, scroll bar included (the panel's virtual
    height is every line of the three, so the scroll range and the bar are the same)."""

    COMPONENT_CLASSES = {"feedback--hint"}

    DEFAULT_CSS = """
    FeedbackPanel {
        height: auto;
        max-height: 100%;
        padding: 0 1;
        border-left: thick $panel-lighten-2;
        background: $boost;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
    }
    FeedbackPanel:focus { background-tint: $foreground 5%; }
    FeedbackPanel > .feedback--hint { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.head = Content("")
        self.source = Content("")
        self.hint = Content("")
        #: The hint when the source does not fit: it adds how to scroll it.
        self.scroll_hint = Content("")
        #: Counts the changes of what the panel says (the lines drawn are kept until one).
        self.said = 0
        # The lines worked out for a width and a style, kept until the text or either changes.
        self.drawn: tuple[tuple[object, ...], PanelLines] | None = None
        # Each part's lines by text, style, width and place (see `part_lines`).
        self.part_cache: dict[tuple[object, ...], list[Strip]] = {}
        # The lines of the frame being drawn (render_lines works them out once for its lines).
        self.frame_lines: PanelLines | None = None

    def show(self, head: Content, source: Content, hint: Content, scroll_hint: Content) -> None:
        """Say these, from the top of the source (`scroll_hint`: the hint when it must scroll)."""
        self.head, self.source, self.hint, self.scroll_hint = head, source, hint, scroll_hint
        self.said += 1
        self.scroll_to(y=0, animate=False)
        self.refresh(layout=True)

    def show_source(self, source: Content) -> None:
        """A new source, shown by the next `show` (its lines can be worked out meanwhile)."""
        self.source = source
        self.said += 1

    def lines_at(self, width: int) -> PanelLines:
        """The lines of the three parts wrapped to `width`, as a Static would draw them."""
        style = self.visual_style
        hint_style = self.get_visual_style("feedback--hint")
        selection = self.text_selection
        key = (width, style, hint_style, selection, self.said)
        if self.drawn is not None and self.drawn[0] == key:
            return self.drawn[1]
        head, source = self.head, self.source
        under_head = head.plain.count("\n") + 1
        under_source = under_head + (source.plain.count("\n") + 1 if source.plain else 0)
        lines = PanelLines(
            self.part_lines(head, style, width, 0, selection),
            self.part_lines(source, style, width, under_head, selection),
            self.part_lines(self.hint, hint_style, width, under_source, selection),
            self.part_lines(self.scroll_hint, hint_style, width, under_source, selection),
        )
        self.drawn = (key, lines)
        return lines

    def part_lines(
        self,
        content: Content,
        style: Style,
        width: int,
        lines: int,
        selection: Selection | None = None,
    ) -> list[Strip]:
        """A part's lines at `width`, `lines` lines below the top of the panel's text (and the
        part of a mouse `selection` in them).

        Kept for the next frames and answers: a question's source is drawn while it is read
        (`Feedback.prepare`), below a verdict of one line, the usual one.
        """
        if not content.plain:
            return []
        key = (content, style, width, lines, selection)
        if (strips := self.part_cache.get(key)) is not None:
            return strips
        shifted: Selection | None = None
        selection_style: Style | None = None
        if selection is not None:
            # Text selection counts lines in the whole text: this part starts below the others.
            start, end = selection
            shifted = Selection(
                None if start is None else Offset(start.x, start.y - lines),
                None if end is None else Offset(end.x, end.y - lines),
            )
            selection_style = Style.from_styles(
                self.screen.get_component_styles("screen--selection")
            )
        rules = cast("RulesMap", self.styles)
        options = RenderOptions(self._get_style, rules, shifted, selection_style)
        rich_style = style.rich_style
        strips = [
            below(strip, lines).extend_cell_length(width, rich_style)
            for strip in content.render_strips(width, None, style, options)
        ]
        if len(self.part_cache) >= PART_CACHE:
            self.part_cache.clear()
        self.part_cache[key] = strips
        return strips

    @staticmethod
    def fitted(lines: PanelLines, height: int) -> list[Strip]:
        """The hint that fits `height`: it says how to scroll when the rest does not fit."""
        if len(lines.head) + len(lines.source) + len(lines.hint) > height:
            return lines.scroll_hint
        return lines.hint

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = self.lines_at(width)
        return len(lines.head) + len(lines.source) + len(lines.hint)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # ScrollView's own (Textual 8.2), called by each layout with the panel's size, extended:
        # the scrolled height is known once the width and height are, every line of the three
        # parts (what a container with the verdict and the hint docked at its edges scrolls).
        # Set without a refresh: this layout draws the panel anyway.
        gutter = self.styles.gutter
        scrollbar = self.styles.scrollbar_size_vertical if self.show_vertical_scrollbar else 0
        width = max(0, size.width - gutter.width - scrollbar)
        height = max(0, size.height - gutter.height)
        lines = self.lines_at(width)
        total = len(lines.head) + len(lines.source) + len(self.fitted(lines, height))
        self.set_reactive(ScrollView.virtual_size, Size(width, total))
        return super()._size_updated(size, virtual_size, container_size, layout)

    def render_lines(self, crop: Region) -> list[Strip]:
        self.frame_lines = self.lines_at(self.scrollable_content_region.width)
        try:
            return super().render_lines(crop)
        finally:
            self.frame_lines = None

    def render_line(self, y: int) -> Strip:
        region = self.scrollable_content_region
        lines = self.frame_lines or self.lines_at(region.width)
        hint = self.fitted(lines, region.height)
        below = y - (region.height - len(hint))
        if below >= 0:
            return hint[below]
        if y < len(lines.head):
            return lines.head[y]
        index = y - len(lines.head) + self.scroll_offset.y
        if index < len(lines.source):
            return lines.source[index]
        return Strip.blank(region.width, self.visual_style.rich_style)

    def shown_hint(self) -> Content:
        """The hint as the panel shows it: with how to scroll when the source does not fit."""
        return self.scroll_hint if self.max_scroll_y > 0 else self.hint

    @property
    def text(self) -> str:
        """What the panel says, as plain text."""
        parts = (self.head, self.source, self.shown_hint())
        return "\n".join(part.plain for part in parts if part.plain)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text selected with the mouse, to copy."""
        return selection.extract(self.text), "\n"


class Feedback(Container):
    """The feedback, in the room the question leaves under it (or beside it when wide).

    Its panel is as tall as what it says and at most the room there is: the verdict at its
    top and "press enter" at its bottom, and the source between them scrolls.
    """

    DEFAULT_CSS = """
    Feedback { height: 1fr; }
    """

    #: The round's last question: enter shows the results.
    last = False
    #: The question and language whose source the panel holds.
    source_of: tuple[Question, str] | None = None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Kept at hand: an answer fills it, and looking it up costs a walk of the tree.
        self.panel = FeedbackPanel(id="feedback-panel")
        self.hint_cache: dict[tuple[str, bool], tuple[Content, Content]] = {}

    def compose(self) -> ComposeResult:
        yield self.panel

    def prepare(self, question: Question, tr: Translator) -> None:
        """Hold the question's source before it is answered (it does not depend on the answer).

        Done when the question is shown, while the player reads it: its line breaks are worked
        out now, and its lines drawn at the panel's width of the last answer (the same width,
        unless the terminal was resized) under a verdict of one line, so the answer's frame
        only lays the panel out.
        """
        held = self.source_of
        if held is not None and held[0] is question and held[1] == tr.language:
            return
        self.source_of = (question, tr.language)
        source = source_content(question, tr)
        prepare(source.plain)
        panel = self.panel
        panel.show_source(source)
        width = panel.scrollable_content_region.width
        if width > 0:
            panel.part_lines(source, panel.visual_style, width, 1)
            under = 1 + (source.plain.count("\n") + 1 if source.plain else 0)
            hint_style = panel.get_visual_style("feedback--hint")
            for said in self.hints(tr, last=False):
                panel.part_lines(said, hint_style, width, under)

    def hints(self, tr: Translator, *, last: bool) -> tuple[Content, Content]:
        """`Press enter for the next question` (or to see the results, when `last`), alone and
        with how to scroll the source: built once per language."""
        key = (tr.language, last)
        if (hints := self.hint_cache.get(key)) is None:
            hint = Content(tr("play.press_results" if last else "play.press_next"))
            scroll = hint + Content(" · ") + Content(tr("play.scroll_source"))
            hints = self.hint_cache[key] = (hint, scroll)
        return hints

    def show_outcome(
        self, outcome: Outcome, tr: Translator, *, last: bool, streak: int = 0
    ) -> None:
        """Fill the panel for an outcome (`last`: the round's last question)."""
        self.last = last
        head = verdict_content(outcome, tr, streak=streak)
        notes = notes_content(outcome, tr)
        if notes.plain:
            head = Content("\n").join([head, notes])
        self.prepare(outcome.question, tr)
        panel = self.panel
        panel.show(head, panel.source, *self.hints(tr, last=last))
        self.set_verdict_colour(outcome.verdict)

    def set_verdict_colour(self, verdict: str) -> None:
        """The panel's left edge in the verdict's colour.

        Set on the panel's own style, not by a class: a class change re-applies the stylesheet
        to the panel, a cost paid between the key and the feedback.
        """
        colour = self.app.theme_variables[VERDICT_COLOURS[verdict]]
        self.panel.styles.border_left = ("thick", Color.parse(colour))

    def focus_source(self) -> None:
        """Focus the panel: enter moves on, arrows and page keys scroll a long source."""
        self.screen.set_focus(self.panel)

    @property
    def text(self) -> str:
        """Everything the panel says, as plain text (for tests and for screen readers)."""
        return self.panel.text
