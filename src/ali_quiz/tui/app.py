"""The Textual app: its state (packs, settings, history), navigation, and starting rounds.

The first frame never waits for disk work: the packs are scanned and the history is opened
in thread workers after it, and the screens fill in when their messages arrive.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from ali_quiz.config import LoadedSettings, Settings, load_settings, save_settings
from ali_quiz.i18n import Translator, translator
from ali_quiz.paths import AppPaths
from ali_quiz.play import HistoryRecorder, RoundInfo, local_now
from ali_quiz.tui.texts import translate_bindings
from ali_quiz.tui.widgets.too_small import MIN_HEIGHT, MIN_WIDTH

if TYPE_CHECKING:
    from textual.command import Provider

    from ali_quiz.packs.catalog import PackEntry
    from ali_quiz.packs.model import Pack
    from ali_quiz.quiz.kinds import Question
    from ali_quiz.quiz.rounds import Outcome

DEFAULT_PACK = "dingtalk-2020"


@dataclass(frozen=True)
class HistoryState:
    """What the home screen shows of the history: rounds to resume, packs with mistakes."""

    unfinished: tuple[dict[str, Any], ...] = ()
    review_packs: frozenset[str] = frozenset()


class PacksScanned(Message):
    """The pack scan finished (from a worker)."""

    def __init__(self, entries: Sequence[PackEntry]) -> None:
        super().__init__()
        self.entries = tuple(entries)


class HistoryOpened(Message):
    """The history store is open, or off with a warning (from a worker)."""

    def __init__(self, store: Any, warning: str | None) -> None:
        super().__init__()
        self.store = store
        self.warning = warning


class HistoryRead(Message):
    """Fresh resume/review information (from a worker)."""

    def __init__(self, state: HistoryState) -> None:
        super().__init__()
        self.state = state


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
        start: tuple[RoundInfo, Sequence[Question], dict[str, float] | None] | None = None,
        seed_source: Callable[[], int] | None = None,
        now: Callable[[], datetime] = local_now,
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
        self.history_store: Any = None
        self.history_ready = not use_history  # the open finished (store or warning)
        self.waiting_recorders: list[HistoryRecorder] = []
        self.pack_path: Path | None = None
        self.started = False  # set once mounted: later theme changes are the player's
        self.history_warning: str | None = None
        self.set_reactive(QuizApp.pack_id, loaded.settings.pack or DEFAULT_PACK)
        if loaded.settings.theme in self.available_themes:
            self.theme = loaded.settings.theme
        translate_bindings(self, self.tr)

    # --- Start-up ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        from ali_quiz.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.started = True
        for problem in self.settings_problems:
            self.notify(self.tr("app.config_problem", problem=problem), severity="warning")
        if self.start_round_args is not None:
            info, questions, _weights = self.start_round_args
            self.play_round(info, list(questions))

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
        from ali_quiz.packs.catalog import discover

        self.post_message(PacksScanned(discover(self.paths, self.extra_packs)))

    @on(PacksScanned)
    def packs_scanned(self, message: PacksScanned) -> None:
        self.catalog = message.entries
        valid = [e for e in message.entries if e.pack is not None]
        if valid and not any(e.id == self.pack_id and e.pack for e in message.entries):
            default = next((e for e in valid if e.id == DEFAULT_PACK), valid[0])
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
    def read_history(self, store: Any, player: str, catalog: tuple[PackEntry, ...]) -> None:
        from ali_quiz.history.review import mistake_weights

        now = self.now()
        unfinished = tuple(
            entry for entry in store.unfinished(player) if entry.get("mode") != "review"
        )
        review = frozenset(
            entry.id
            for entry in catalog
            if entry.pack is not None and mistake_weights(store, player, entry.id, now)
        )
        self.post_message(HistoryRead(HistoryState(unfinished, review)))

    @on(HistoryRead)
    def history_read(self, message: HistoryRead) -> None:
        self.history_state = message.state

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            # A worker that failed (an unreadable folder, a damaged history) must not end
            # the app: say what happened and carry on with what there is.
            self.notify(f"{event.worker.name}: {event.worker.error}", severity="error")
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
        from ali_quiz.quiz.generate import daily_seed, random_seed
        from ali_quiz.roundspec import RoundSpec, RoundSpecError, round_code_for

        day = self.now().date()
        count = count or self.settings.count
        weights = None
        if mode == "review":
            weights = self.review_weights(pack)
            if not weights:
                self.notify(self.tr("home.review_none"), severity="warning")
                return
        if mode == "daily":
            seed = daily_seed(pack, day)  # what generate_round uses; recorded as it is
        else:
            seed = self.seed_source() if self.seed_source is not None else random_seed()
            if self.seed_source is None and self.history_store is not None:
                seed = self.fresh_round_seed(pack, mode, count, seed)
        code = round_code_for(pack, mode, count, seed)  # None for daily and review
        spec = RoundSpec(
            pack=pack, mode=mode, count=count, seed=seed, date=day, code=code, weights=weights
        )
        try:
            questions = spec.questions()
        except RoundSpecError as error:
            self.notify(str(error), severity="error")
            return
        self.play_round(RoundInfo(pack, mode, count, seed, day, code), questions)

    def fresh_round_seed(self, pack: Pack, mode: str, count: int, first: int) -> int:
        """The seed of a new round: of a few, the one holding least of what the player met."""
        from ali_quiz.history.recent import recently_met
        from ali_quiz.quiz.fresh import fresh_seed
        from ali_quiz.quiz.generate import random_seed

        assert self.history_store is not None
        met = recently_met(self.history_store, self.player, pack.id, self.now())
        seeds = iter([first])
        return fresh_seed(
            pack, mode, count, met, day=self.now().date(), draw=lambda: next(seeds, random_seed())
        )

    def review_weights(self, pack: Pack) -> dict[str, float]:
        if self.history_store is None:
            return {}
        from ali_quiz.history.review import mistake_weights

        return mistake_weights(self.history_store, self.player, pack.id, self.now())

    def play_round(
        self,
        info: RoundInfo,
        questions: list[Question],
        *,
        outcomes: list[Outcome] | None = None,
        round_id: int | None = None,
    ) -> None:
        """Show a round: a fresh one is recorded from its start, a resumed one carries on."""
        from ali_quiz.quiz.rounds import Round
        from ali_quiz.tui.screens.play import PlayScreen

        if outcomes is None and len(questions) < info.count:
            self.notify(self.tr("play.shorter", n=len(questions), count=info.count))

        recorder = HistoryRecorder(
            self.history_store, warn=self.history_failed, now=self.now, round_id=round_id
        )
        if not self.history_ready:
            # A round started with the app (`ali-quiz play`) begins before the history is
            # open: its recorder keeps everything until the store arrives.
            self.waiting_recorders.append(recorder)
        if round_id is None:
            recorder.start(info, questions, player=self.player, ui_language=self.tr.language)
        game = Round(questions, on_answer=recorder.record)
        if outcomes:
            game.outcomes.extend(outcomes)
        self.push_screen(PlayScreen(game, info, recorder))

    def resume_round(self, saved: dict[str, Any]) -> None:
        """Carry on with an unfinished round from the history."""
        from datetime import date as Date

        from ali_quiz.play import outcomes_from_history
        from ali_quiz.quiz.generate import RoundError, generate_round

        entry = self.entry(saved["pack"])
        pack = entry.pack if entry is not None else None
        if pack is None or pack.content_hash != saved["pack_hash"]:
            self.notify(self.tr("home.resume_gone"), severity="warning")
            return
        day = Date.fromisoformat(saved["date"])
        seed = saved["seed"] if saved["seed"] is not None else 0
        try:
            questions = generate_round(pack, saved["mode"], saved["count"], seed, date=day)
        except RoundError as error:
            self.notify(str(error), severity="error")
            return
        outcomes = outcomes_from_history(questions, saved["answers"])
        if outcomes is None or len(questions) != saved["questions"]:
            self.notify(self.tr("home.resume_gone"), severity="warning")
            return
        info = RoundInfo(pack, saved["mode"], saved["count"], seed, day, saved["code"])
        self.play_round(info, questions, outcomes=outcomes, round_id=saved["id"])

    def history_failed(self, message: str) -> None:
        self.notify(self.tr("app.history_problem", problem=message), severity="error", timeout=10)

    def round_over(self) -> None:
        """A round ended or was left: home shows fresh resume and review entries."""
        self.refresh_history()

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

    async def action_open_history(self) -> None:
        from ali_quiz.tui.screens.history import HistoryScreen
        from ali_quiz.tui.widgets.too_small import TooSmall

        packs = [entry.pack for entry in self.catalog or () if entry.pack is not None]
        screen = HistoryScreen(self.history_store, self.player, packs, lang=self.tr.language)
        await self.push_screen(screen)
        if not screen.query(TooSmall):
            await screen.mount(TooSmall())

    def action_play_code(self) -> None:
        from ali_quiz.tui.screens.dialogs import CodeScreen

        self.push_screen(CodeScreen(), self.play_code)

    def play_code(self, text: str | None) -> None:
        if not text:
            return
        from ali_quiz.quiz.codes import CodeError, OtherPackVersion, decode_round_code
        from ali_quiz.quiz.codes import resolve_code as pack_for_code
        from ali_quiz.roundspec import RoundSpec, RoundSpecError

        try:
            code = decode_round_code(text)
            packs = [entry.pack for entry in self.catalog or () if entry.pack is not None]
            pack = pack_for_code(code, packs)
        except OtherPackVersion as error:
            self.notify(self.tr("code.other_version", pack=error.pack_id), severity="error")
            return
        except CodeError as error:
            self.notify(self.tr("code.error", reason=error), severity="error", timeout=10)
            return
        spec = RoundSpec(
            pack=pack,
            mode=code.mode,
            count=code.count,
            seed=code.seed,
            date=self.now().date(),
            code=text.strip().upper(),
        )
        try:
            questions = spec.questions()
        except RoundSpecError as error:
            self.notify(str(error), severity="error")
            return
        from ali_quiz.roundspec import round_code_for

        info = RoundInfo(
            pack,
            code.mode,
            code.count,
            code.seed,
            spec.date,
            round_code_for(pack, code.mode, code.count, code.seed),
        )
        self.play_round(info, questions)

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
