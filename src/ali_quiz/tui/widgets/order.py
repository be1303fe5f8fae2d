"""An order question: a list the player rearranges, earliest first.

Keyboard: ↑↓ move the cursor; space grabs the item under it, ↑↓ then carry it and space drops
it; shift+↑↓ move an item in one step; a letter jumps to that item; enter submits.
Mouse: drag an item to its place, or click it and then click where it goes.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.grading import order_item_shares
from ali_quiz.quiz.kinds import OrderQuestion
from ali_quiz.tui.texts import translate_bindings, translator_of
from ali_quiz.tui.widgets.base import give, offered

MAX_ITEMS = 9


class OrderRow(Horizontal):
    """One place in the list; it shows whichever item currently sits there."""

    class Pressed(Message):
        """The mouse went down on this row."""

        def __init__(self, row: OrderRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, place: int) -> None:
        super().__init__(id=f"place-{place}", classes="order-row")
        self.place = place

    def compose(self) -> ComposeResult:
        yield Static(f"{self.place + 1}.", classes="order-place", markup=False)
        yield Static("", classes="order-label")
        yield Static("", classes="order-text", markup=False)
        yield Static("", classes="order-date", markup=False)
        yield Static("", classes="order-mark")

    def show(self, label: Content, text: str, mark: str, date: str = "") -> None:
        self.query_one(".order-label", Static).update(label)
        self.query_one(".order-text", Static).update(text)
        self.query_one(".order-date", Static).update(date)
        self.query_one(".order-mark", Static).update(Content.from_markup(mark))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button == 1:
            self.post_message(self.Pressed(self))


class OrderAnswer(Widget, can_focus=True):
    """The items of an order question, rearranged in place; enter submits the order."""

    DEFAULT_CSS = """
    OrderAnswer {
        height: auto;
        padding: 0 1 0 0;
        border-left: tall $border-blurred;
    }
    OrderAnswer:focus {
        border-left: tall $border;
    }
    OrderAnswer > .order-row {
        height: auto;
        padding: 0 1;
    }
    OrderAnswer .order-place { width: 4; }
    OrderAnswer .order-label { width: 5; }
    OrderAnswer .order-text { width: 1fr; height: auto; }
    OrderAnswer .order-date { width: auto; max-width: 40%; height: auto; padding-left: 1;
        color: $text-muted; text-style: italic; }
    OrderAnswer .order-mark { width: auto; padding-left: 1; }
    OrderAnswer.-answered .order-mark { min-width: 6; }
    OrderAnswer:focus > .order-row.-cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    OrderAnswer > .order-row.-cursor {
        background: $block-cursor-blurred-background;
    }
    OrderAnswer > .order-row.-grabbed, OrderAnswer:focus > .order-row.-grabbed {
        background: $warning 40%;
        color: $text;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("up", "cursor(-1)", "key.up", show=False),
        Binding("down", "cursor(1)", "key.down", show=False),
        Binding("space", "grab", "key.grab"),
        # Shown in the help line above the list; the Footer keeps to the keys that matter most.
        Binding("shift+up,ctrl+up", "move(-1)", "key.move_up", show=False),
        Binding("shift+down,ctrl+down", "move(1)", "key.move_down", show=False),
        Binding("enter", "submit", "key.submit"),
        *(
            Binding(letter(i).lower(), f"jump({i})", "key.pick_item", show=False)
            for i in range(MAX_ITEMS)
        ),
    ]

    cursor: reactive[int] = reactive(0)
    grabbed: reactive[bool] = reactive(False)
    skipped = False

    def __init__(self, question: OrderQuestion, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.question = question
        # order[place] = index into question.items (its label is letter(index))
        self.order: list[int] = list(range(len(question.items)))
        self.answered = False
        self.correct_places: dict[str, int] = {
            item_id: place for place, item_id in enumerate(question.answer)
        }
        self.dragging = False
        self.dragged = False
        #: Each item's date (by item id), shown beside it once the question is answered.
        self.dates: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        for place in range(len(self.question.items)):
            yield OrderRow(place)

    def on_mount(self) -> None:
        translate_bindings(self, translator_of(self))
        self.refresh_rows()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Answered: its keys leave the Footer and fall through to the screen (enter: next).
        # A letter past the items is no key of this question (nor listed by F1).
        return not self.answered and offered(action, parameters, {"jump": len(self.question.items)})

    @property
    def response(self) -> list[str]:
        """The item ids in the order the player has put them."""
        return [self.question.items[index].id for index in self.order]

    def rows(self) -> list[OrderRow]:
        return list(self.query(OrderRow))

    def refresh_rows(self) -> None:
        # After the answer each item is marked as the class report grades it: ✓ when all its
        # pairs are in the right order, ◐ when some are, ✗ when none are (with its right place).
        shares = (
            order_item_shares(self.question.answer, [self.question.items[i].id for i in self.order])
            if self.answered
            else {}
        )
        for row in self.rows():
            index = self.order[row.place]
            item = self.question.items[index]
            handle = "↕" if self.grabbed and row.place == self.cursor else "≡"
            mark = ""
            if self.answered:
                right_place = self.correct_places.get(item.id)
                share = shares.get(item.id, 0)
                # Where it belongs, unless it is there already (its neighbours are not).
                goes = "" if right_place == row.place else f" → {(right_place or 0) + 1}"
                if right_place is None:
                    mark = ""
                elif self.skipped:  # nothing was put in order: where each goes, unjudged
                    mark = f"[$text-muted]→ {right_place + 1}[/]"
                elif share >= 1:
                    mark = "[b $text-success]✓[/]"
                elif share > 0:
                    mark = f"[b $text-warning]◐{goes}[/]"
                else:
                    mark = f"[b $text-error]✗{goes}[/]"
                handle = " "
            label = Content.from_markup("$handle [b]$label[/b]", handle=handle, label=letter(index))
            date = self.dates.get(item.id, "") if self.answered else ""
            row.show(label, item.text, mark, date)
            row.set_class(row.place == self.cursor and not self.answered, "-cursor")
            row.set_class(row.place == self.cursor and self.grabbed, "-grabbed")

    def watch_cursor(self) -> None:
        if self.is_mounted:
            self.refresh_rows()
            rows = self.rows()
            if 0 <= self.cursor < len(rows):
                rows[self.cursor].scroll_visible()

    def watch_grabbed(self) -> None:
        if self.is_mounted:
            self.refresh_rows()

    def move_item(self, source: int, target: int) -> None:
        """Take the item at place `source` out and put it in at place `target`."""
        if self.answered or source == target:
            return
        target = max(0, min(len(self.order) - 1, target))
        item = self.order.pop(source)
        self.order.insert(target, item)
        self.cursor = target
        self.refresh_rows()

    def action_cursor(self, step: int) -> None:
        """Move the cursor, carrying the grabbed item along."""
        if self.answered:
            return
        target = max(0, min(len(self.order) - 1, self.cursor + step))
        if self.grabbed:
            self.move_item(self.cursor, target)
        else:
            self.cursor = target

    def action_move(self, step: int) -> None:
        """Move the item under the cursor one place up or down."""
        self.move_item(self.cursor, self.cursor + step)

    def action_grab(self) -> None:
        """Grab the item under the cursor, or drop the one carried."""
        if not self.answered:
            self.grabbed = not self.grabbed

    def action_jump(self, index: int) -> None:
        """Put the cursor on the item labelled with this letter."""
        if self.answered or index >= len(self.order):
            return
        self.grabbed = False
        self.cursor = self.order.index(index)

    def action_submit(self) -> None:
        """Submit the order as it stands."""
        if self.answered:
            return
        self.grabbed = False
        give(self, self.response)

    # --- Mouse: drag, or click then click -------------------------------------------------

    def on_order_row_pressed(self, message: OrderRow.Pressed) -> None:
        message.stop()
        if self.answered:
            return
        self.focus()
        place = message.row.place
        if self.grabbed and place != self.cursor:
            # The second click of click-then-click: the carried item goes here.
            self.grabbed = False
            self.move_item(self.cursor, place)
            return
        self.cursor = place
        self.dragging = True
        self.dragged = False
        self.capture_mouse()

    def place_at(self, screen_y: int) -> int | None:
        for row in self.rows():
            region = row.region
            if region.y <= screen_y < region.y + region.height:
                return row.place
        rows = self.rows()
        if rows and screen_y < rows[0].region.y:
            return 0
        if rows and screen_y >= rows[-1].region.bottom:
            return rows[-1].place
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self.dragging:
            return
        place = self.place_at(event.screen_y)
        if place is not None and place != self.cursor:
            self.dragged = True
            self.move_item(self.cursor, place)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if not self.dragging:
            return
        self.dragging = False
        self.release_mouse()
        place = self.place_at(event.screen_y)
        if place is not None and place != self.cursor:
            self.dragged = True
            self.move_item(self.cursor, place)
        if not self.dragged:
            # A click without a drag: pick the item up, to drop it with the next click.
            self.grabbed = not self.grabbed

    def reveal(self, dates: dict[str, str] | None = None, *, skipped: bool = False) -> None:
        """Show each item's mark, right place and date, and stop taking changes; skipped, each
        item's right place alone (the list as shuffled is no answer to mark)."""
        self.answered = True
        self.skipped = skipped
        self.dates = dict(dates or {})
        self.add_class("-answered")
        self.grabbed = False
        self.refresh_rows()
