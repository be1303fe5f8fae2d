"""Settings: player name, interface language, theme, questions per round; saved as they change."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.widgets import Footer, Input, Label, Select, Static
from textual.widgets._select import SelectOverlay

from ali_quiz.config import Settings
from ali_quiz.i18n import LANGUAGE_NAMES, system_language
from ali_quiz.player import clean_player
from ali_quiz.quiz.modes import MAX_COUNT
from ali_quiz.tui.messages import SettingsChanged, SettingsSaved
from ali_quiz.tui.screens.base import QuizScreen, css_file
from ali_quiz.tui.texts import translate_bindings

SYSTEM = "system"


class SettingsScreen(QuizScreen[None]):
    """Change and save the settings."""

    CSS_PATH = css_file("settings.tcss")

    BINDINGS = [Binding("escape", "app.pop_screen", "key.back")]

    def compose_screen(self) -> ComposeResult:
        tr = self.tr
        settings = self.quiz.settings
        system_name = LANGUAGE_NAMES[system_language()]
        languages = [(tr("settings.language.system", name=system_name), SYSTEM)] + [
            (name, tag) for tag, name in LANGUAGE_NAMES.items()
        ]
        themes = sorted(self.app.available_themes)
        yield Static(tr("settings.title"), id="settings-title", markup=False)
        with Vertical(id="settings-body"):
            with Grid(id="settings-form"):
                yield Label(tr("settings.player"), classes="setting-label")
                yield Input(settings.player, id="player", max_length=40)
                yield Label(tr("settings.language"), classes="setting-label")
                yield Select(
                    languages,
                    value=settings.language or SYSTEM,
                    allow_blank=False,
                    id="language",
                )
                yield Label(tr("settings.theme"), classes="setting-label")
                yield Select(
                    [(theme, theme) for theme in themes],
                    value=self.app.theme if self.app.theme in themes else themes[0],
                    allow_blank=False,
                    id="theme",
                )
                yield Label(tr("settings.count"), classes="setting-label")
                yield Input(str(settings.count), id="count", type="integer", max_length=3)
            yield Static(tr("settings.count.help", max=MAX_COUNT), id="count-help", markup=False)
            yield Static("", id="settings-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#player", Input).focus()
        self.translate_lists()

    def translate_lists(self) -> None:
        """The open list's Footer key is Textual's English ("Dismiss menu"): say it in ours."""
        for overlay in self.query(SelectOverlay):
            translate_bindings(overlay, self.tr)

    def save(self, settings: Settings) -> None:
        """Ask the app to apply and save the settings; it answers with SettingsSaved."""
        self.post_message(SettingsChanged(settings))

    @on(SettingsSaved)
    async def saved(self, message: SettingsSaved) -> None:
        if self.shown_language != self.tr.language:
            # Every string on this screen changes: build it again in the new language.
            await self.recompose()
            self.translate_lists()
            self.query_one("#language", Select).focus()
        status = self.query_one("#settings-status", Static)
        if message.error:
            status.update(message.error)
            status.add_class("-error")
        else:
            status.update(self.tr("settings.saved", path=self.quiz.paths.config_path))
            status.remove_class("-error")

    @on(Input.Changed, "#player")
    def player_changed(self, event: Input.Changed) -> None:
        name = clean_player(event.value)
        if not name:
            self.show_problem(self.tr("settings.player.invalid"))
            return
        if name != self.quiz.settings.player:
            self.save(replace(self.quiz.settings, player=name))

    @on(Input.Changed, "#count")
    def count_changed(self, event: Input.Changed) -> None:
        try:
            count = int(event.value)
        except ValueError:
            count = 0
        if not 1 <= count <= MAX_COUNT:
            self.show_problem(self.tr("settings.count.invalid", max=MAX_COUNT))
            return
        if count != self.quiz.settings.count:
            self.save(replace(self.quiz.settings, count=count))

    def show_problem(self, text: str) -> None:
        status = self.query_one("#settings-status", Static)
        status.update(text)
        status.add_class("-error")

    @on(Select.Changed, "#language")
    async def language_changed(self, event: Select.Changed) -> None:
        value = event.value
        language = None if value == SYSTEM else str(value)
        if language == self.quiz.settings.language:
            return
        self.save(replace(self.quiz.settings, language=language))

    @on(Select.Changed, "#theme")
    def theme_changed(self, event: Select.Changed) -> None:
        theme = str(event.value)
        if theme != self.quiz.settings.theme:
            self.save(replace(self.quiz.settings, theme=theme))
