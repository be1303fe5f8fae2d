"""A match question: numbered items on the left, lettered items on the right, paired by the player.

Keyboard: a number then a letter pairs them (or a letter then a number); ←→↑↓ and space do the
same with a cursor; backspace undoes the last change; delete unpairs the item under the cursor;
enter submits. Mouse: click an item on one side, then its partner on the other; clicking the two
ends of a pair again unpairs them. Each pair shows its partner's label in its own colour.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import MatchQuestion
from ali_quiz.textwidth import width
from ali_quiz.tui.texts import translate_bindings, translator_of
from ali_quiz.tui.widgets.base import AnswerRefused, give, offered

MAX_LEFT = 10  # keys 1-9, and 0 for the tenth: authored matches hold up to 10 pairs
MAX_RIGHT = 16  # letters a-p: ten pairs and their decoys
PAIR_COLOURS = 5  # CSS classes -pair-0 … -pair-4, one per left item
#: Columns of a right-side row besides its text: bar 1, label 3, link 4 and its padding 1,
#: the row's right padding 1.
RIGHT_ROW_CHROME = 10


@dataclass(frozen=True)
class Change:
    """One pairing step, enough to undo it."""

    left: int
    before: int | None  # the right item `left` was paired with
    taken_from: int | None  # the left item that lost the right item to `left`
    after: int | None


class MatchRow(Horizontal):
    """One item of either side: its label, its text (wrapped with a hanging indent), its link."""

    class Pressed(Message):
        def __init__(self, side: str, index: int) -> None:
            super().__init__()
            self.side = side
            self.index = index

    def __init__(self, side: str, index: int, label: str, text: str) -> None:
        super().__init__(id=f"{side}-{index}", classes=f"match-row {side}-row")
        self.side = side
        self.index = index
        self.label = label
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.label, classes="match-label", markup=False)
        yield Static(self.text, classes="match-text", markup=False)
        yield Static("", classes="match-link")

    def show_link(self, link: str) -> None:
        self.query_one(".match-link", Static).update(Content.from_markup(link))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Pressed(self.side, self.index))


class MatchAnswer(Widget, can_focus=True):
    """Two columns to pair; enter submits once every numbered item has a partner."""

    DEFAULT_CSS = """
    MatchAnswer {
        height: auto;
        layout: horizontal;
        border-left: tall $border-blurred;
        padding: 0 0 0 1;
    }
    MatchAnswer:focus { border-left: tall $border; }
    MatchAnswer > Vertical { height: auto; }
    MatchAnswer > #left-side { width: 1fr; margin-right: 2; }
    MatchAnswer > #right-side { width: 1fr; max-width: 50%; }
    MatchAnswer .match-row {
        height: auto;
        padding: 0 1 0 0;
        border-left: outer $panel-lighten-2;
    }
    MatchAnswer .match-label { width: 3; text-style: bold; padding-left: 1; }
    MatchAnswer .match-text { width: 1fr; height: auto; }
    MatchAnswer .match-link { width: auto; min-width: 4; padding-left: 1; text-style: bold; }
    /* Marks line up once answered: `→ B ✓` and `→ B ✗ C` start in one column. */
    MatchAnswer.-answered .left-row .match-link { min-width: 8; }
    MatchAnswer:focus .match-row.-cursor {
        background: $block-cursor-blurred-background;
        text-style: underline;
    }
    MatchAnswer .match-row.-pending, MatchAnswer:focus .match-row.-pending {
        background: $warning 40%;
        text-style: bold;
    }
    MatchAnswer .match-row.-pair-0 { border-left: outer $primary; }
    MatchAnswer .match-row.-pair-1 { border-left: outer $success; }
    MatchAnswer .match-row.-pair-2 { border-left: outer $warning; }
    MatchAnswer .match-row.-pair-3 { border-left: outer $secondary; }
    MatchAnswer .match-row.-pair-4 { border-left: outer $accent; }
    """

    BINDINGS = [
        *(
            Binding(str((i + 1) % 10), f"pick_left({i})", "key.pick_number", show=False)
            for i in range(MAX_LEFT)
        ),
        *(
            # Either case: the letters are printed in capitals.
            Binding(
                f"{letter(i).lower()},{letter(i)}", f"pick_right({i})", "key.pick_item", show=False
            )
            for i in range(MAX_RIGHT)
        ),
        Binding("up", "cursor(0, -1)", "key.up", show=False),
        Binding("down", "cursor(0, 1)", "key.down", show=False),
        Binding("left", "cursor(-1, 0)", "key.left", show=False),
        Binding("right", "cursor(1, 0)", "key.right", show=False),
        Binding("space", "pick_cursor", "key.pick_cursor", show=False),
        Binding("backspace,ctrl+z", "undo", "key.undo"),
        Binding("delete", "unpair_cursor", "key.unpair", show=False),
        Binding("enter", "submit", "key.submit"),
    ]

    pending: reactive[tuple[str, int] | None] = reactive(None)
    #: An incomplete submit was refused: its "n/m paired" follows the pairs made since.
    refused = False
    skipped = False

    def __init__(self, question: MatchQuestion, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        self.pairs: dict[int, int] = {}
        self.changes: list[Change] = []
        self.cursor: tuple[str, int] = ("left", 0)
        self.answered = False

    def compose(self) -> ComposeResult:
        with Vertical(id="left-side"):
            for index, item in enumerate(self.question.left):
                yield MatchRow("left", index, str(index + 1), item.text)
        with Vertical(id="right-side"):
            for index, item in enumerate(self.question.right):
                yield MatchRow("right", index, letter(index), item.text)

    def on_mount(self) -> None:
        translate_bindings(self, translator_of(self))
        # The right side as wide as its longest item (dates are short), at most half: the
        # left side's longer texts get the rest, so they wrap less.
        longest = max((width(item.text) for item in self.question.right), default=0)
        self.query_one("#right-side").styles.width = longest + RIGHT_ROW_CHROME
        self.refresh_rows()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Answered: its keys leave the Footer and fall through to the screen (enter: next).
        # A number or letter past the question's items is no key of it (nor listed by F1).
        counts = {"pick_left": len(self.question.left), "pick_right": len(self.question.right)}
        return not self.answered and offered(action, parameters, counts)

    @property
    def response(self) -> dict[str, str]:
        """Left id -> right id for every pair made so far."""
        return {
            self.question.left[left].id: self.question.right[right].id
            for left, right in sorted(self.pairs.items())
        }

    @property
    def complete(self) -> bool:
        return len(self.pairs) == len(self.question.left)

    def partner_of_right(self, right: int) -> int | None:
        for left, target in self.pairs.items():
            if target == right:
                return left
        return None

    def refresh_rows(self) -> None:
        answer = dict(self.question.answer)
        right_index = {item.id: i for i, item in enumerate(self.question.right)}
        for row in self.query(MatchRow):
            partner = (
                self.pairs.get(row.index)
                if row.side == "left"
                else self.partner_of_right(row.index)
            )
            colour_of = row.index if row.side == "left" else partner
            for colour in range(PAIR_COLOURS):
                row.set_class(
                    partner is not None
                    and colour_of is not None
                    and colour_of % PAIR_COLOURS == colour,
                    f"-pair-{colour}",
                )
            row.set_class(self.pending == (row.side, row.index), "-pending")
            row.set_class(self.cursor == (row.side, row.index) and not self.answered, "-cursor")
            if row.side == "left":
                item = self.question.left[row.index]
                link = f"→ {letter(partner)}" if partner is not None else "→ ?"
                if self.answered and self.skipped:  # no pairs to mark: the right ones, unjudged
                    right_id = answer.get(item.id)
                    right = right_index.get(right_id) if right_id is not None else None
                    link = f"[$text-muted]→ {letter(right)}[/]" if right is not None else ""
                elif self.answered:
                    right_id = answer.get(item.id)
                    right = right_index.get(right_id) if right_id is not None else None
                    if partner is not None and partner == right:
                        link += " [b $text-success]✓[/]"
                    elif right is not None:
                        link += f" [b $text-error]✗ {letter(right)}[/]"
            else:
                link = f"← {partner + 1}" if partner is not None else ""
            row.show_link(link)

    def watch_pending(self) -> None:
        if self.is_mounted:
            self.refresh_rows()

    # --- Pairing ---------------------------------------------------------------------------

    def pair(self, left: int, right: int) -> None:
        """Pair left with right; pairing a pair again unpairs it (clicking both ends)."""
        before = self.pairs.get(left)
        if before == right:
            self.apply(Change(left, before, None, None))
            return
        taken_from = self.partner_of_right(right)
        self.apply(Change(left, before, taken_from, right))

    def apply(self, change: Change) -> None:
        if change.taken_from is not None:
            self.pairs.pop(change.taken_from, None)
        if change.after is None:
            self.pairs.pop(change.left, None)
        else:
            self.pairs[change.left] = change.after
        self.changes.append(change)
        self.changed()

    def changed(self) -> None:
        """Show the pairs as they now are (after a step or its undoing)."""
        self.pending = None
        self.refresh_rows()
        if self.refused:  # the refusal under the answer counts the pairs: keep it true
            self.post_message(AnswerRefused("" if self.complete else self.incomplete_text()))

    def action_undo(self) -> None:
        """Take back the last pairing step."""
        if self.answered or not self.changes:
            return
        change = self.changes.pop()
        if change.before is None:
            self.pairs.pop(change.left, None)
        else:
            self.pairs[change.left] = change.before
        if change.taken_from is not None and change.after is not None:
            self.pairs[change.taken_from] = change.after
        self.changed()

    def select(self, side: str, index: int) -> None:
        if self.answered:
            return
        count = len(self.question.left if side == "left" else self.question.right)
        if index >= count:
            return
        self.cursor = (side, index)
        pending = self.pending
        if pending is None or pending[0] == side:
            self.pending = None if pending == (side, index) else (side, index)
            self.refresh_rows()
            return
        left, right = (index, pending[1]) if side == "left" else (pending[1], index)
        self.pair(left, right)

    def action_pick_left(self, index: int) -> None:
        """Choose the numbered item (then a letter pairs it)."""
        self.select("left", index)

    def action_pick_right(self, index: int) -> None:
        """Choose the lettered item (pairing it with a chosen number)."""
        self.select("right", index)

    def action_pick_cursor(self) -> None:
        self.select(*self.cursor)

    def action_cursor(self, across: int, down: int) -> None:
        if self.answered:
            return
        side, index = self.cursor
        if across:
            side = "right" if across > 0 else "left"
        count = len(self.question.left if side == "left" else self.question.right)
        self.cursor = (side, max(0, min(count - 1, index + down)))
        self.refresh_rows()

    def action_unpair_cursor(self) -> None:
        if self.answered:
            return
        side, index = self.cursor
        left = index if side == "left" else self.partner_of_right(index)
        if left is not None and left in self.pairs:
            self.apply(Change(left, self.pairs[left], None, None))

    def action_submit(self) -> None:
        """Submit the pairs, once every numbered item has one."""
        if self.answered:
            return
        if not self.complete:
            self.refused = True
            self.post_message(AnswerRefused(self.incomplete_text()))
            return
        give(self, self.response)

    def incomplete_text(self) -> str:
        tr = translator_of(self)
        return tr("play.match.incomplete", paired=len(self.pairs), total=len(self.question.left))

    def on_match_row_pressed(self, message: MatchRow.Pressed) -> None:
        message.stop()
        self.focus()
        self.select(message.side, message.index)

    def reveal(self, *, skipped: bool = False) -> None:
        """Mark each pair right or wrong and stop taking changes; skipped, show each item's
        right partner alone."""
        self.answered = True
        self.skipped = skipped
        self.add_class("-answered")
        self.pending = None
        self.refresh_rows()
