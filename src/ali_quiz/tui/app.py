"""The Textual app: its state (packs, settings, history), navigation, and starting rounds.

The first frame never waits for disk work: the packs are scanned and the history is opened
in thread workers after it, and the screens fill in when their messages arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ali_quiz.clock import Now, local_now
from ali_quiz.config import LoadedSettings, Settings, load_settings, save_settings
from ali_quiz.history.recorder import HistoryRecorder
from ali_quiz.i18n import Translator, translator
from ali_quiz.packs.editions import default_pack_for
from ali_quiz.packs.model import DEFAULT_PACK
from ali_quiz.paths import AppPaths
from ali_quiz.safety.text import visible
from ali_quiz.tui.messages import (
    HistoryOpened,
    HistoryRead,
    ModeChosen,
    PackChosen,
    PackOpened,
    PacksRescan,
    PacksScanned,
    ResumeAsked,
    RoundAsked,
    RoundFinished,
    RoundLeft,
    SettingsChanged,
    SettingsSaved,
)
from ali_quiz.tui.state import HistoryState
from ali_quiz.tui.texts import translate_bindings
from ali_quiz.tui.widgets.literal import NoControlCharacters
from ali_quiz.tui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH

#: One filter for every line drawn (it holds no state).
NO_CONTROL_CHARACTERS = NoControlCharacters()

if TYPE_CHECKING:
    from textual.command import Provider

    from ali_quiz.catalog import PackEntry
    from ali_quiz.history.records import RoundRecord
    from ali_quiz.history.store import HistoryStore
    from ali_quiz.packs.model import Pack
    from ali_quiz.quiz.rounds import Outcome
    from ali_quiz.roundspec import ResolvedRound, RoundSpec


def quiz_commands() -> type[Provider]:
    """The palette's ali-quiz commands, imported when the palette first opens (not at start)."""
    from ali_quiz.tui.commands import QuizCommands

    return QuizCommands


class QuizApp(App[int]):
    """ali-quiz in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "ali-quiz"
    COMMANDS = App.COMMANDS | {quiz_commands}
    HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (MIN_WIDTH, "-wide-enough")]
    VERTICAL_BREAKPOINTS = [(0, "-too-short"), (MIN_HEIGHT, "-tall-enough")]
    BINDINGS = [
        Binding("ctrl+q", "quit", "key.quit", show=False, priority=True),
        Binding("f1", "help", "key.help", show=False, priority=True),
        # Not a priority: in an answer box `?` is typed (it skips, as in plain mode).
        Binding("question_mark", "help", "key.help", show=False),
    ]

    #: Every pack found (None until the first scan is done).
    catalog: var[tuple[PackEntry, ...] | None] = var(None)
    #: The id of the pack in play on the home screen.
    pack_id: var[str] = var(DEFAULT_PACK)
    history_state: var[HistoryState] = var(HistoryState())
    settings: var[Settings] = var(Settings(player="player"))

    def __init__(
        self,
        paths: AppPaths,
        *,
        settings: LoadedSettings | None = None,
        language: str | None = None,
        player: str | None = None,
        start: ResolvedRound | None = None,
        seed_source: Callable[[], int] | None = None,
        now: Now = local_now,
        extra_packs: Sequence[Path] = (),
        use_history: bool = True,
    ) -> None:
        super().__init__()
        self.paths = paths
        loaded = settings if settings is not None else load_settings(paths.config_path)
        self.settings_problems = loaded.problems
        self.set_reactive(QuizApp.settings, loaded.settings)
        self.language_override = language
        self.player_override = (player or "").strip() or None
        self.tr: Translator = translator(language or loaded.settings.effective_language)
        self.start_round_args = start
        self.seed_source = seed_source
        self.now = now
        self.extra_packs = list(extra_packs)
        self.use_history = use_history
        self.history_store: HistoryStore | None = None
        self.history_ready = not use_history  # the open finished (store or warning)
        self.waiting_recorders: list[HistoryRecorder] = []
        self.pack_path: Path | None = None
        self.started = False  # set once mounted: later theme changes are the player's
        self.history_warning: str | None = None
        # Until a pack is chosen, the built-in edition in the interface language.
        self.first_pack = default_pack_for(self.tr.language)
        self.set_reactive(QuizApp.pack_id, loaded.settings.pack or self.first_pack)
        if loaded.settings.theme in self.available_themes:
            self.theme = loaded.settings.theme
        translate_bindings(self, self.tr)

    # --- Start-up ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        from ali_quiz.tui.screens.home import HomeScreen

        return HomeScreen()

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then one that keeps control characters of data off the terminal."""
        return [*super().get_line_filters(), NO_CONTROL_CHARACTERS]

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification shown as written: they carry pack titles, paths and error texts,
        which are data, never markup (Widget.notify passes markup=True: it is ignored here)."""
        super().notify(
            visible(message), title=title, severity=severity, timeout=timeout, markup=False
        )

    def on_mount(self) -> None:
        self.started = True
        for problem in self.settings_problems:
            text = self.tr("app.config_problem", problem=problem.message(self.tr))
            self.notify(text, severity="warning")
        if self.start_round_args is not None:
            self.play_round(self.start_round_args)

    def on_ready(self) -> None:
        # Ready comes with the first frame; the Footer builds its keys after it, and they are
        # drawn a refresh later. The workers start after that: a worker thread loading packs
        # holds the GIL for long stretches and would hold up those frames
        # (benchmarks/startup.py: about 5% of start-up).
        self.call_after_refresh(self.call_after_refresh, self.start_workers)

    def start_workers(self) -> None:
        self.scan_packs()
        if self.use_history:
            self.open_history()

    @property
    def player(self) -> str:
        return self.player_override or self.settings.player

    @work(thread=True, exclusive=True, group="packs", exit_on_error=False)
    def scan_packs(self) -> None:
        """Find every pack (built in, the packs folder, files opened) off the UI thread."""
        from ali_quiz.catalog import discover

        self.post_message(PacksScanned(discover(self.paths, self.extra_packs)))

    @on(PacksScanned)
    def packs_scanned(self, message: PacksScanned) -> None:
        self.catalog = message.entries
        valid = [e for e in message.entries if e.pack is not None]
        if valid and not any(e.id == self.pack_id and e.pack for e in message.entries):
            default = next((e for e in valid if e.id == self.first_pack), valid[0])
            self.pack_id = default.id
        self.refresh_history()

    @work(thread=True, exclusive=True, group="history-open", exit_on_error=False)
    def open_history(self) -> None:
        """Open (creating or migrating) the score history off the UI thread."""
        from ali_quiz.history.store import HistoryStore

        opened = HistoryStore.open(self.paths.data_dir)
        self.post_message(HistoryOpened(opened.store, opened.warning))

    @on(HistoryOpened)
    def history_opened(self, message: HistoryOpened) -> None:
        self.history_store = message.store
        self.history_warning = message.warning
        self.history_ready = True
        waiting, self.waiting_recorders = self.waiting_recorders, []
        for recorder in waiting:
            recorder.attach(message.store)
        if message.warning:
            self.notify(
                self.tr("app.history_problem", problem=message.warning),
                severity="warning",
                timeout=10,
            )
        self.refresh_history()

    def refresh_history(self) -> None:
        """Read again what home shows of the history (after a round, a pack change)."""
        if self.history_store is not None and self.catalog is not None:
            self.read_history(self.history_store, self.player, self.catalog)

    @work(thread=True, exclusive=True, group="history-read", exit_on_error=False)
    def read_history(
        self, store: HistoryStore, player: str, catalog: tuple[PackEntry, ...]
    ) -> None:
        from ali_quiz.history.review import count_due

        now = self.now()
        unfinished = tuple(entry for entry in store.unfinished(player) if entry.mode != "review")
        review = frozenset(
            entry.id
            for entry in catalog
            if entry.pack is not None and count_due(store, player, entry.id, now) > 0
        )
        self.post_message(HistoryRead(HistoryState(unfinished, review)))

    @on(HistoryRead)
    def history_read(self, message: HistoryRead) -> None:
        self.history_state = message.state

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            # A worker that failed (an unreadable folder, a damaged history) must not end
            # the app: say what happened and carry on with what there is.
            text = self.tr("app.worker_failed", error=event.worker.error)
            self.notify(text, severity="error")
            if event.worker.group == "packs" and self.catalog is None:
                self.catalog = ()
            if event.worker.group == "history-open":
                self.history_ready = True
                self.waiting_recorders.clear()

    # --- State -------------------------------------------------------------------------

    def entry(self, pack_id: str | None = None) -> PackEntry | None:
        """The catalog entry with this id (the pack in play by default)."""
        wanted = pack_id or self.pack_id
        if pack_id is None and self.pack_path is not None:
            # Two entries may share an id (a user's pack reusing a built-in id is listed
            # with an error): the one picked on the home screen is known by its path.
            for entry in self.catalog or ():
                if entry.id == wanted and entry.path == self.pack_path:
                    return entry
        for entry in self.catalog or ():
            if entry.id == wanted and entry.pack is not None:
                return entry
        for entry in self.catalog or ():
            if entry.id == wanted:
                return entry
        return None

    def current_pack(self) -> Pack | None:
        entry = self.entry()
        return entry.pack if entry is not None else None

    def change_settings(self, settings: Settings) -> str | None:
        """Apply and save new settings; the error text when saving failed."""
        old = self.settings
        self.settings = settings
        if settings.theme != old.theme and settings.theme in self.available_themes:
            self.theme = settings.theme
        if self.language_override is None and settings.effective_language != self.tr.language:
            self.tr = translator(settings.effective_language)
            translate_bindings(self, self.tr)
        try:
            save_settings(self.paths.config_path, settings)
        except OSError as error:
            return self.tr(
                "settings.save_failed", path=self.paths.config_path, reason=error.strerror
            )
        return None

    def watch_theme(self, theme: str) -> None:
        # A theme picked from the command palette is remembered like one picked in Settings.
        if self.started and theme != self.settings.theme:
            error = self.change_settings(replace(self.settings, theme=theme))
            if error:
                self.notify(error, severity="warning")

    def choose_pack(self, entry: PackEntry) -> None:
        """Make this pack the one in play (and, when valid, the default of later sessions)."""
        self.pack_path = entry.path
        self.pack_id = entry.id
        self.mutate_reactive(QuizApp.pack_id)
        if entry.pack is not None and self.settings.pack != entry.id:
            self.change_settings(replace(self.settings, pack=entry.id))

    # --- Rounds --------------------------------------------------------------------------

    def new_round(self, pack: Pack, mode: str, *, count: int | None = None) -> None:
        """Start a round of this mode with a fresh seed (rounds started from the app)."""
        from ali_quiz.roundspec import RoundSpec

        self.start_spec(RoundSpec(pack=pack, mode=mode, count=count or self.settings.count))

    def start_spec(self, spec: RoundSpec) -> None:
        """Resolve a round as `play` does and show it; what stops it is a notification."""
        from ali_quiz.quiz.generate import random_seed
        from ali_quiz.roundspec import (
            ListedPacks,
            RoundSpecError,
            UsageError,
            resolve_round,
            review_from_store,
        )

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
            else:
                self.notify(error.message(self.tr), severity="error", timeout=10)
            return
        except UsageError as error:  # a bug if it happens: the app builds its own specs
            self.notify(str(error), severity="error")
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
        from ali_quiz.quiz.rounds import Round
        from ali_quiz.tui.screens.play import PlayScreen

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
        game = Round(questions, on_answer=recorder.record)
        if outcomes:
            game.outcomes.extend(outcomes)
        self.push_screen(PlayScreen(game, chosen, recorder))

    def resume_round(self, saved: RoundRecord) -> None:
        """Carry on with an unfinished round from the history."""
        from ali_quiz.history.recorder import outcomes_from_history
        from ali_quiz.roundspec import ListedPacks, RoundSpecError, resolve_round, resume_spec

        entry = self.entry(saved.pack)
        pack = entry.pack if entry is not None else None
        if pack is None or pack.content_hash != saved.pack_hash:
            self.notify(self.tr("home.resume_gone"), severity="warning")
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

    def history_failed(self, message: str) -> None:
        self.notify(self.tr("app.history_problem", problem=message), severity="error", timeout=10)

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

    @on(RoundFinished)
    def round_finished(self, message: RoundFinished) -> None:
        from ali_quiz.tui.screens.results import ResultsScreen

        self.refresh_history()
        self.switch_screen(ResultsScreen(message.game, message.chosen))

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
