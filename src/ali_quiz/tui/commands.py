"""The command palette's ali-quiz commands: go to a screen, or start a round of any mode."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape
from textual.screen import Screen

from ali_quiz.i18n import lookup
from ali_quiz.tui.messages import ModeChosen
from ali_quiz.tui.state import QuizState
from ali_quiz.tui.texts import translator_of

if TYPE_CHECKING:
    from ali_quiz.packs.model import Pack


@dataclass(frozen=True)
class Command:
    title: str
    help: str
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
                escape(help_text),  # the palette reads help as markup
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
        Command(tr(title), tr(help_key), partial(app.run_action, action))
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
                    # The palette reads help as markup: a pack title is data, escaped.
                    tr("command.play.help", pack=escape(pack.title)),
                    partial(start_round, app, pack, mode),
                )
            )
    return commands


class QuizCommands(Provider):
    """ali-quiz's own commands in the palette (ctrl+p)."""

    async def discover(self) -> Hits:
        for command in app_commands(self.app):
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in app_commands(self.app):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
