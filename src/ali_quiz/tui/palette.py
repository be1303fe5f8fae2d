"""The command palette in the interface language: its search box, "No matches found", and the
system commands ali-quiz keeps (Textual's own are in English and partly beside the point: a
screenshot to the Downloads folder, maximizing a widget, Textual's key panel)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from ali_quiz.i18n import Translator
from ali_quiz.tui.texts import QUIT_BINDING


class QuizPalette(CommandPalette):
    BINDINGS = [QUIT_BINDING]
    """Textual's command palette, its own words in the interface language."""

    def __init__(self, tr: Translator, *, placeholder_key: str = "palette.search", **kwargs: Any):
        super().__init__(placeholder=tr(placeholder_key), **kwargs)
        self.tr = tr

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own, with its "No matches found" in the interface language.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                said = Text(self.tr("palette.no_matches"), style="not bold")
                self.query_one(CommandList).add_option(
                    Option(Align.center(said), disabled=True, id=self._NO_MATCHES)
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def system_commands(app: App[Any], tr: Translator) -> Iterable[SystemCommand]:
    """The system commands ali-quiz keeps, worded in the interface language."""
    yield SystemCommand(tr("palette.theme"), tr("palette.theme.help"), app.action_change_theme)
    yield SystemCommand(tr("palette.help"), tr("palette.help.help"), lambda: app.run_action("help"))
    yield SystemCommand(tr("palette.quit"), tr("palette.quit.help"), app.action_quit)
