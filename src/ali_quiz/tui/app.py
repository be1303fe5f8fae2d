"""The Textual app: starting rounds, what the screens ask for, and navigation.

Its state (settings, packs, history) and their loading are `QuizAppState` (tui/app_state.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ali_quiz.paths import AppPaths
from ali_quiz.tui.app_state import QuizAppState
from ali_quiz.tui.messages import (
    ModeChosen,
    PackChosen,
    PackOpened,
    PacksRescan,
    ResumeAsked,
    RoundAsked,
    RoundFinished,
    RoundLeft,
    RoundSpecAsked,
    SettingsChanged,
    SettingsSaved,
)
from ali_quiz.tui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH

if TYPE_CHECKING:
    from textual.command import Provider

    from ali_quiz.history.summary import Resumable
    from ali_quiz.packs.model import Pack
    from ali_quiz.quiz.rounds import Outcome
    from ali_quiz.roundspec import ResolvedRound, RoundSpec


def quiz_commands() -> type[Provider]:
    """The palette's ali-quiz commands, imported when the palette first opens (not at start)."""
    from ali_quiz.tui.commands import QuizCommands

    return QuizCommands


class QuizApp(QuizAppState):
    """ali-quiz in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "ali-quiz"
    COMMANDS = App.COMMANDS | {quiz_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-wide-enough")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall-enough")]
    BINDINGS = [
        # Not a priority: keys typed before it (an answer's enter) are handled first, in order.
        # Dialogs and the palette bind it too (a modal screen hides the App's own bindings).
        Binding("ctrl+q", "quit", "key.quit", show=False),
        Binding("f1", "help", "key.help", show=False, priority=True),
        # Not a priority: in an answer box `?` is typed (it skips, as in plain mode).
        Binding("question_mark", "help", "key.help", show=False),
    ]

    def on_mount(self) -> None:
        self.started = True
        for problem in self.settings_problems:
            text = self.tr("app.config_problem", problem=problem.message(self.tr))
            self.notify(text, severity="warning")
        if self.start_round_args is not None:
            self.play_round(self.start_round_args)

    # --- Rounds --------------------------------------------------------------------------

    def new_round(self, pack: Pack, mode: str, *, count: int | None = None) -> None:
        """Start a round of this mode with a fresh seed (rounds started from the app)."""
        from ali_quiz.roundspec import RoundSpec

        self.start_spec(RoundSpec(pack=pack, mode=mode, count=count or self.settings.count))

    def start_spec(self, spec: RoundSpec) -> None:
        """Resolve a round as `play` does and show it; what stops it is a notification."""
        from ali_quiz.quiz.generate import random_seed
        from ali_quiz.roundhistory import review_from_store
        from ali_quiz.roundspec import ListedPacks, RoundSpecError, UsageError, resolve_round

        self.ensure_history()
        packs = [entry.pack for entry in self.catalog or () if entry.pack is not None]
        try:
            chosen = resolve_round(
                spec,
                ListedPacks(packs),
                review=review_from_store(self.history_store, self.player, self.now),
                seed_source=self.seed_source or random_seed,
                now=self.now,
                # A round nobody fixed prefers what the player has not met lately.
                met=self.met_lately if self.seed_source is None else None,
            )
        except RoundSpecError as error:
            if error.key == "round.no_review":
                self.notify(self.tr("home.review_none"), severity="warning")
            elif error.key == "round.no_review_until":
                self.notify(error.message(self.tr), severity="warning")
            else:
                self.notify(error.message(self.tr), severity="error", timeout=10)
            return
        except UsageError as error:  # a bug if it happens: the app builds its own specs
            self.notify(error.message(self.tr), severity="error")
            return
        self.play_round(chosen)

    def met_lately(self, pack: Pack) -> dict[str, float]:
        """What the player met lately in this pack (empty without a history)."""
        if self.history_store is None:
            return {}
        from ali_quiz.history.recent import recently_met

        return recently_met(self.history_store, self.player, pack.id, self.now())

    def play_round(
        self,
        chosen: ResolvedRound,
        *,
        outcomes: list[Outcome] | None = None,
        round_id: int | None = None,
    ) -> None:
        """Show a round: a fresh one is recorded from its start, a resumed one carries on."""
        from ali_quiz.history.recorder import HistoryRecorder
        from ali_quiz.quiz.rounds import Round
        from ali_quiz.tui.screens.play import PlayScreen

        self.ensure_history()
        if outcomes is None and len(chosen.questions) < chosen.count:
            n, count = len(chosen.questions), chosen.count
            self.notify(self.tr("play.shorter", n=n, count=count))

        recorder = HistoryRecorder(
            self.history_store, warn=self.history_failed, now=self.now, round_id=round_id
        )
        if not self.history_ready:
            # A round started with the app (`ali-quiz play`) begins before the history is
            # open: its recorder keeps everything until the store arrives.
            self.waiting_recorders.append(recorder)
        questions = list(chosen.questions)
        if round_id is None:
            recorder.start(
                chosen,
                questions,
                player=self.player,
                ui_language=self.tr.language,
                at_first_answer=True,
            )
        game = Round(questions, on_answer=recorder.keep)
        if outcomes:
            game.outcomes.extend(outcomes)
        self.push_screen(PlayScreen(game, chosen, recorder))

    def resume_round(self, resumable: Resumable) -> None:
        """Carry on with an unfinished round from the history (as it is now: home's entry may
        come from the summary, and the round may have gone on elsewhere since)."""
        from ali_quiz.history.recorder import outcomes_from_history
        from ali_quiz.roundhistory import resume_spec
        from ali_quiz.roundspec import ListedPacks, RoundSpecError, resolve_round

        self.ensure_history()
        saved = self.history_store.round(resumable.id) if self.history_store else None
        entry = self.entry(resumable.pack)
        pack = entry.pack if entry is not None else None
        if (
            saved is None
            or saved.finished_at is not None
            or saved.player != self.player
            or len(saved.answers) >= saved.questions
            or pack is None
            or pack.content_hash != saved.pack_hash
        ):
            self.notify(self.tr("home.resume_gone"), severity="warning")
            self.refresh_history()
            return
        try:
            chosen = resolve_round(resume_spec(saved, pack), ListedPacks([pack]), now=self.now)
        except RoundSpecError as error:
            self.notify(error.message(self.tr), severity="error")
            return
        outcomes = outcomes_from_history(chosen.questions, saved.answers)
        if outcomes is None or len(chosen.questions) != saved.questions:
            self.notify(self.tr("home.resume_gone"), severity="warning")
            return
        self.play_round(chosen, outcomes=outcomes, round_id=saved.id)

    def history_failed(self, error: Exception) -> None:
        """A round's answers could not be written (a HistoryError, worded in this language)."""
        self.notify(
            str(self.tr.worded(error)),
            title=self.tr("app.history_title"),
            severity="error",
            timeout=10,
        )

    # --- What the screens ask for ------------------------------------------------------

    @on(ModeChosen)
    def mode_chosen(self, message: ModeChosen) -> None:
        self.new_round(message.pack, message.mode)

    @on(ResumeAsked)
    def resume_asked(self, message: ResumeAsked) -> None:
        self.resume_round(message.saved)

    @on(RoundAsked)
    def round_asked(self, message: RoundAsked) -> None:
        """A replay (the same resolved round: the same questions, seed and code) or mistakes."""
        self.play_round(message.chosen)

    @on(RoundSpecAsked)
    def round_spec_asked(self, message: RoundSpecAsked) -> None:
        """Play again (a fresh seed) or a replay by its code: resolved as `play` resolves."""
        self.start_spec(message.spec)

    @on(RoundFinished)
    def round_finished(self, message: RoundFinished) -> None:
        from ali_quiz.tui.screens.results import ResultsScreen

        self.refresh_history()
        self.switch_screen(ResultsScreen(message.game, message.chosen, message.round_id))

    @on(RoundLeft)
    def round_left(self) -> None:
        """A round was left: home shows fresh resume and review entries."""
        self.refresh_history()

    @on(PackChosen)
    def pack_chosen(self, message: PackChosen) -> None:
        self.choose_pack(message.entry)
        if message.go_home:
            self.action_go_home()

    @on(PackOpened)
    def pack_opened(self, message: PackOpened) -> None:
        resolved = message.path.resolve()
        if all(path.resolve() != resolved for path in self.extra_packs):
            self.extra_packs.append(message.path)
        self.scan_packs()

    @on(PacksRescan)
    def packs_rescan(self) -> None:
        self.scan_packs()

    @on(SettingsChanged)
    def settings_changed(self, message: SettingsChanged) -> None:
        error = self.change_settings(message.settings)
        self.screen.post_message(SettingsSaved(error))

    # --- Navigation --------------------------------------------------------------------

    def action_go_home(self) -> None:
        """Back to the home screen, whatever is open."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) == 2:
            self.pop_screen()

    def action_open_timeline(self) -> None:
        from ali_quiz.tui.screens.timeline import TimelineScreen

        pack = self.current_pack()
        if pack is not None:
            self.push_screen(TimelineScreen(pack))

    def action_open_packs(self) -> None:
        from ali_quiz.tui.screens.packs import PacksScreen

        self.push_screen(PacksScreen())

    def action_open_settings(self) -> None:
        from ali_quiz.tui.screens.settings import SettingsScreen

        self.push_screen(SettingsScreen())

    def action_open_history(self) -> None:
        from ali_quiz.tui.screens.history.screen import HistoryScreen

        self.ensure_history()
        packs = [entry.pack for entry in self.catalog or () if entry.pack is not None]
        self.push_screen(HistoryScreen(self.history_store, self.player, packs, now=self.now))

    def action_play_code(self) -> None:
        from ali_quiz.tui.screens.dialogs import CodeScreen

        self.push_screen(CodeScreen(), self.play_code)

    def play_code(self, text: str | None) -> None:
        if text:
            from ali_quiz.roundspec import RoundSpec

            self.start_spec(RoundSpec(code=text, date=self.now().date()))

    def action_help(self) -> None:
        """The keys of the screen in front, in a dialog (F1 again or escape closes it)."""
        from ali_quiz.tui.screens.help import HelpScreen, screen_keys

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        extra = getattr(self.screen, "help_extra", None)
        self.push_screen(
            HelpScreen(
                self.tr("help.title"),
                screen_keys(self.screen, self.tr),
                extra() if callable(extra) else "",
            )
        )

    def action_command_palette(self) -> None:
        """Textual's palette, in the interface language."""
        from textual.command import CommandPalette

        from ali_quiz.tui.palette import QuizPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(QuizPalette(self.tr, id="--command-palette"))

    def search_themes(self) -> None:
        """The theme picker (the palette's Theme command), in the interface language."""
        from textual.theme import ThemeProvider

        from ali_quiz.tui.palette import QuizPalette

        self.push_screen(
            QuizPalette(self.tr, placeholder_key="palette.search_themes", providers=[ThemeProvider])
        )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's system commands that ali-quiz keeps, in the interface language."""
        from ali_quiz.tui.palette import system_commands

        return system_commands(self, self.tr)

    def action_help_quit(self) -> None:
        # Textual's ctrl+c hint, in the interface language.
        self.notify(self.tr("app.ctrl_c"), title=self.tr("app.ctrl_c_title"))

    async def action_quit(self) -> None:
        """Quit; in the middle of a round, ask first."""
        from ali_quiz.tui.screens.play import PlayScreen

        if isinstance(self.screen, PlayScreen) and self.screen.in_progress:
            self.screen.ask_to_leave(quit_app=True)
            return
        self.exit(0)


def make_app(paths: AppPaths, **options: Any) -> QuizApp:
    """The app for these folders; `options` as QuizApp takes them (tests fix seeds and clocks)."""
    return QuizApp(paths, **options)
