"""The command palette's ali-quiz commands: go to a screen, or start a round of any mode."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.markup import escape

from ali_quiz.tui.texts import translator_of

if TYPE_CHECKING:
    from ali_quiz.tui.app import QuizApp


@dataclass(frozen=True)
class Command:
    title: str
    help: str
    run: Callable[[], Any]


def app_commands(app: QuizApp) -> list[Command]:
    """Every command the palette offers now, in the interface language."""
    tr = translator_of(app)
    commands = [
        Command(tr("command.home"), tr("command.home.help"), app.action_go_home),
        Command(tr("key.timeline"), tr("command.timeline.help"), app.action_open_timeline),
        Command(tr("key.history"), tr("command.history.help"), app.action_open_history),
        Command(tr("key.packs"), tr("command.packs.help"), app.action_open_packs),
        Command(tr("key.settings"), tr("command.settings.help"), app.action_open_settings),
        Command(tr("key.code"), tr("command.code.help"), app.action_play_code),
    ]
    pack = app.current_pack()
    if pack is not None:
        from ali_quiz.quiz.generate import available_modes

        modes = available_modes(pack)
        if pack.id in app.history_state.review_packs:
            modes.append("review")
        for mode in modes:

            def start(mode: str = mode) -> None:
                current = app.current_pack()
                if current is not None:
                    app.new_round(current, mode)

            commands.append(
                Command(
                    tr("command.play", mode=tr(f"mode.{mode}")),
                    # The palette reads help as markup: a pack title is data, escaped.
                    tr("command.play.help", pack=escape(pack.title)),
                    start,
                )
            )
    return commands


class QuizCommands(Provider):
    """ali-quiz's own commands in the palette (ctrl+p)."""

    def quiz_app(self) -> QuizApp:
        from ali_quiz.tui.app import QuizApp

        assert isinstance(self.app, QuizApp)
        return self.app

    async def discover(self) -> Hits:
        for command in app_commands(self.quiz_app()):
            yield DiscoveryHit(command.title, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in app_commands(self.quiz_app()):
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), command.run, help=command.help)
