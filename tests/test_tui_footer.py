"""The Footer is rebuilt only when the keys it shows change (a rebuild redraws every key)."""

from __future__ import annotations

import asyncio

import pytest
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
        # A key that becomes usable: drawn enabled (by the same key widgets, relabelled).
        app.answered = True
        app.screen.refresh_bindings()
        await pilot.pause()
        after = _keys(app)
        assert after == before and not after[0].has_class("-disabled")
        assert not after[0]._disabled


class Play(App[None]):
    """Keys that change as play's do: Skip while asking, Next once answered, Back always."""

    BINDINGS = [
        Binding("ctrl+s", "skip", "Skip"),
        Binding("enter,n", "next", "Next"),
        Binding("escape", "back", "Back"),
        Binding("h", "hint", "Hint"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.answered = False
        self.hints = False

    def compose(self) -> ComposeResult:
        yield QuizFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return not self.answered
        if action == "next":
            return self.answered
        if action == "hint":
            return self.hints
        return True

    def action_back(self) -> None:
        """Nothing: only the Footer is looked at."""


def _labels(app: App[None]) -> list[str]:
    return [str(key.render()).strip() for key in _keys(app)]


@sync
async def test_the_footer_relabels_its_keys_in_place_when_as_many_are_shown() -> None:
    app = Play()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = _keys(app)
        assert _labels(app)[:2] == ["^s Skip", "esc Back"]
        app.answered = True
        app.screen.refresh_bindings()
        await pilot.pause()
        assert _keys(app) == before  # the same widgets...
        assert _labels(app)[:2] == ["⏎ Next", "esc Back"]  # ...saying the new keys
        assert [key.action for key in before[:2]] == ["next", "back"]
        # One key more: rebuilt.
        app.hints = True
        app.screen.refresh_bindings()
        await pilot.pause()
        assert _labels(app)[:3] == ["⏎ Next", "esc Back", "h Hint"]
        assert _keys(app)[0] is not before[0]


@sync
async def test_the_footer_shows_new_keys_without_waiting_for_another_refresh(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A change of keys is drawn by itself, not after the screen's next refresh: with nothing
    else to draw, that refresh was the one the player's next key caused, so the keys of an
    answered question stayed on the next one until then, and the answer's frame drew the
    Footer too."""
    app = Play()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert _labels(app)[:2] == ["^s Skip", "esc Back"]

        async def no_refresh_comes() -> None:
            """What runs after a refresh, when none comes."""

        monkeypatch.setattr(app.screen, "_invoke_and_clear_callbacks", no_refresh_comes)
        app.answered = True
        app.screen.refresh_bindings()
        for _ in range(50):  # not pilot.pause(), which refreshes the screen itself
            await asyncio.sleep(0.01)
            if _labels(app)[0] == "⏎ Next":
                break
        assert _labels(app)[:2] == ["⏎ Next", "esc Back"]
