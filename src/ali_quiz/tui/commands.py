"""The command palette's ali-quiz commands: go to a screen, or start a round of any mode."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen

from ali_quiz.i18n import lookup
from ali_quiz.safety.text import visible
from ali_quiz.tui.messages import ModeChosen
from ali_quiz.tui.state import QuizState
from ali_quiz.tui.texts import translator_of

if TYPE_CHECKING:
    from ali_quiz.packs.model import Pack


@dataclass(frozen=True)
class Command:
    title: str
    #: Content, not markup: the palette reads a help string as markup, and no escaping of a
    #: pack's title survives Textual's parser whole (`\x1b[2J … [b]x[/b]` came out as
    #: `[2J … \[b]x[/b]`); Content is shown as it is.
    help: Content
    run: Callable[[], Any]


def start_round(app: App[Any], pack: Pack, mode: str) -> None:
    app.post_message(ModeChosen(pack, mode))


def screen_under_palette(app: App[Any]) -> Screen[Any]:
    """The screen the palette was opened over (the palette is a screen of its own)."""
    stack: list[Screen[Any]] = list(app.screen_stack)
    under = [screen for screen in stack if not isinstance(screen, CommandPalette)]
    return under[-1] if under else stack[-1]


def round_commands(app: App[Any], screen: Screen[Any]) -> list[Command]:
    """A round being played: its keys (skip, submit, undo, next, leave), nothing else.

    Screens that would show answers (the dated timeline, the packs' previews, past rounds)
    and other rounds stay out of reach until the round is over or left.
    """
    tr = translator_of(app)
    commands: list[Command] = []
    seen: set[str] = set()
    for namespace, binding, enabled, _ in screen.active_bindings.values():
        if not (enabled and binding.show and binding.description) or binding.action in seen:
            continue
        seen.add(binding.action)
        key = app.get_key_display(binding)
        # What the key does, as every other command says it, then the key itself.
        help_key = f"command.{binding.action}.help"
        help_text = tr("command.round_key", help=tr(help_key), key=key) if lookup(help_key) else key
        commands.append(
            Command(
                binding.description,
                Content(help_text),
                partial(app.run_action, binding.action, namespace),
            )
        )
    return commands


def app_commands(app: App[Any]) -> list[Command]:
    """Every command the palette offers now, in the interface language."""
    tr = translator_of(app)
    under = screen_under_palette(app)
    if getattr(under, "in_progress", False):
        return round_commands(app, under)
    screens = [
        ("go_home", "command.home", "command.home.help"),
        ("open_timeline", "key.timeline", "command.timeline.help"),
        ("open_history", "key.history", "command.history.help"),
        ("open_packs", "key.packs", "command.packs.help"),
        ("open_settings", "key.settings", "command.settings.help"),
        ("play_code", "key.code", "command.code.help"),
    ]
    commands = [
        Command(tr(title), Content(tr(help_key)), partial(app.run_action, action))
        for action, title, help_key in screens
    ]
    if not isinstance(app, QuizState):
        return commands
    pack = app.current_pack()
    if pack is not None:
        from ali_quiz.quiz.generate import available_modes

        modes = available_modes(pack)
        if pack.id in app.history_state.review_packs:
            modes.append("review")
        for mode in modes:
            commands.append(
                Command(
                    tr("command.play", mode=tr(f"mode.{mode}")),
                    Content(tr("command.play.help", pack=visible(pack.title))),
                    partial(start_round, app, pack, mode),
                )
            )
    return commands


class QuizCommands(Provider):
    """ali-quiz's own commands in the palette (ctrl+p)."""

    async def discover(self) -> Hits:
        for command in app_commands(self.app):
            # Textual types help as a str, but shows a Content as it is (Content.from_markup).
            yield DiscoveryHit(command.title, command.run, help=command.help)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in app_commands(self.app):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    command.run,
                    help=command.help,  # type: ignore[arg-type]
                )
