"""The Footer is rebuilt only when the keys it shows change (a rebuild redraws every key)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from ali_quiz.tui.widgets.footer import QuizFooter
from test_tui_support import sync


class Keys(App[None]):
    BINDINGS = [Binding("n", "next", "Next"), Binding("s", "skip", "Skip")]

    def __init__(self) -> None:
        super().__init__()
        self.answered = False

    def compose(self) -> ComposeResult:
        yield Button("one", id="one")
        yield Button("two", id="two")
        yield QuizFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return True if self.answered else None  # None: shown, greyed out
        return True

    def action_next(self) -> None:
        """Nothing: only the Footer is looked at."""

    def action_skip(self) -> None:
        """Nothing: only the Footer is looked at."""


def _keys(app: App[None]) -> list[FooterKey]:
    return list(app.query(FooterKey))


@sync
async def test_the_footer_keeps_its_keys_while_they_stay_the_same() -> None:
    app = Keys()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = _keys(app)
        assert [key.key for key in before][:2] == ["n", "s"]
        assert before[0].has_class("-disabled")
        # Focus moves and binding refreshes that change no key shown: no rebuild.
        for target in ("#two", "#one", "#two"):
            app.query_one(target).focus()
            app.screen.refresh_bindings()
            await pilot.pause()
        assert _keys(app) == before
        # A key that becomes usable: rebuilt, and drawn enabled.
        app.answered = True
        app.screen.refresh_bindings()
        await pilot.pause()
        after = _keys(app)
        assert after != before and not after[0].has_class("-disabled")
