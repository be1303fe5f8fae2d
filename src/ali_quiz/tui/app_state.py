"""The app's state (settings, packs, history) and how it is loaded.

The first frame never waits for disk work: the packs are scanned and the history is opened
in thread workers after it, and the screens fill in when their messages arrive. `QuizApp`
(tui/app.py) adds rounds and navigation over this state.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App
from textual.filter import LineFilter
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from ali_quiz.clock import Now, local_now
from ali_quiz.config import LoadedSettings, Settings, load_settings, save_settings
from ali_quiz.i18n import Phrase, Translator, translator
from ali_quiz.packs.editions import DEFAULT_EDITION, default_pack_for
from ali_quiz.paths import AppPaths
from ali_quiz.safety.text import visible
from ali_quiz.tui.linefilter import NoControlCharacters
from ali_quiz.tui.messages import HistoryOpened, HistoryRead, HomeShownAgain, PacksScanned
from ali_quiz.tui.state import HistoryState
from ali_quiz.tui.texts import translate_bindings

#: One filter for every line drawn (it holds no state).
NO_CONTROL_CHARACTERS = NoControlCharacters()

if TYPE_CHECKING:
    from ali_quiz.catalog import PackEntry
    from ali_quiz.history.recorder import HistoryRecorder
    from ali_quiz.history.store import HistoryStore
    from ali_quiz.history.summary import HomeSummary
    from ali_quiz.packs.model import Pack
    from ali_quiz.roundspec import ResolvedRound


# Seconds for Textual's writer thread to send a drawn frame to the terminal (on_ready).
FRAME_WRITTEN = 0.02


class QuizAppState(App[int]):
    """The state every screen reads (tui/state.py's QuizState), loaded off the UI thread."""

    #: Every pack found (None until the first scan is done).
    catalog: var[tuple[PackEntry, ...] | None] = var(None)
    #: The id of the pack in play on the home screen.
    pack_id: var[str] = var(DEFAULT_EDITION)
    # Every read tells its watchers (home reads its progress again), even when nothing changed.
    history_state: var[HistoryState] = var(HistoryState(), always_update=True)
    settings: var[Settings] = var(Settings(player="player"))
    #: Whether a round may lead to another (play again, replay, a mistakes round): not in a
    #: class, where a tab plays the class's round only.
    other_rounds: bool = True

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
        self.set_reactive(QuizAppState.settings, loaded.settings)
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
        self.history_pending = False  # to be opened once the first pack scan is over
        # Home shows the history's summary (history/summary.py); the history itself is
        # opened when the player first needs it (ensure_history).
        self.history_deferred = False
        # The history's files as they were when home's figures were last read (history/
        # summary.py's stamp): another window's round changes them (`history_changed`).
        self.read_stamp: list[Any] | None = None
        self.start_frozen = False  # the start-up objects have left the GC's generations
        self.waiting_recorders: list[HistoryRecorder] = []
        self.pack_path: Path | None = None
        self.started = False  # set once mounted: later theme changes are the player's
        self.history_warning: Phrase | None = None
        # Until a pack is chosen, the built-in edition in the interface language.
        self.first_pack = default_pack_for(self.tr.language)
        self.set_reactive(QuizAppState.pack_id, loaded.settings.pack or self.first_pack)
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

    def on_ready(self) -> None:
        # Ready comes with the first frame; the Footer builds its keys after it, and they are
        # drawn a refresh later. The workers start after that: a worker thread loading packs
        # holds the GIL for long stretches and would hold up those frames
        # (benchmarks/startup.py: about 5% of start-up). In a terminal a drawn frame is only
        # queued: Textual's writer thread sends it, and needs the GIL for that, which a worker
        # in a long C call (unpickling a pack) keeps from it. The workers wait a moment, so the
        # frame reaches the screen first (in tmux, home came about 50 ms later without it).
        self.call_after_refresh(self.call_after_refresh, self.start_workers_soon)

    def start_workers_soon(self) -> None:
        self.set_timer(FRAME_WRITTEN, self.first_frame_written)

    def first_frame_written(self) -> None:
        # The front end paused the garbage collector until now (play.run_tui). One collection
        # frees the start-up's garbage (its memory is reused by what the workers load); what
        # is left lives as long as the app: frozen, the collections the workers cause do not
        # walk it again (start_settled collects once more, the workers done).
        gc.collect()
        self.start_workers()
        gc.freeze()
        gc.enable()

    def start_workers(self) -> None:
        """Scan the packs; the history is opened once they are listed (`packs_listed`).

        One after the other, not at once: each thread that allocates gets a malloc arena of
        its own, and two at start cost about 1 MB more at their peak; they would share the
        GIL anyway. What the workers run is imported here, on the UI thread, for the same
        reason (reading modules is the bulk of what a thread would allocate).
        """
        import ali_quiz.catalog  # noqa: F401
        import ali_quiz.history.summary  # noqa: F401

        self.history_pending = self.use_history
        self.scan_packs()

    def packs_listed(self) -> None:
        """The first scan is over (done or failed): now show the history's summary, or open
        the history when there is no summary to trust."""
        if self.history_pending:
            self.history_pending = False
            if self.show_summary():
                return
            import ali_quiz.history.store  # noqa: F401  (on this thread: see start_workers)

            self.open_history()
        elif not self.use_history:
            self.start_settled()

    def show_summary(self) -> bool:
        """Home from the summary kept beside the history, without loading SQLite (about 1.8 MB
        of start-up memory); False when it cannot be trusted (stale, damaged, missing, another
        player's) or a round is under way (it records at once)."""
        from ali_quiz.history.summary import history_stamp, load_summary

        if self.start_round_args is not None:
            return False
        summary = load_summary(self.paths.data_dir, self.player)
        if summary is None:
            return False
        self.read_stamp = history_stamp(self.paths.data_dir)  # as load_summary found it
        self.history_deferred = True
        self.history_state = self.state_of(summary)
        self.start_settled()
        return True

    def ensure_history(self) -> None:
        """Open the history now if home was shown from its summary: the player asked for
        something that reads or writes it (a round, the history screen)."""
        if self.history_deferred:
            self.history_deferred = False
            from ali_quiz.history.store import HistoryStore

            opened = HistoryStore.open(self.paths.data_dir)
            self.history_opened(HistoryOpened(opened.store, opened.warning))

    def state_of(self, summary: HomeSummary) -> HistoryState:
        """What home shows of this summary now, for the packs listed."""
        now = self.now()
        review = frozenset(
            entry.id
            for entry in self.catalog or ()
            if entry.pack is not None and summary.due_now(entry.id, now) > 0
        )
        return HistoryState(summary.resumable, review, summary)

    def start_settled(self) -> None:
        """The start-up loading is over (packs listed, the history open or off).

        What exists now lives as long as the app (modules, packs, screens), so it leaves the
        garbage collector's generations (one collection first, so no garbage is kept): else
        every full collection walks it again, about 45 ms every 12 to 24 answers in a round.
        """
        if not self.start_frozen:
            self.start_frozen = True
            gc.collect()
            gc.freeze()

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
            if self.pack_id == self.settings.pack and all(
                e.id != self.pack_id for e in message.entries
            ):
                # Chosen in the settings and since removed: say so, as the command line does.
                self.notify(
                    self.tr(
                        "app.settings_pack_missing", pack=repr(self.pack_id), title=default.title
                    ),
                    severity="warning",
                    timeout=10,
                )
            self.pack_id = default.id
        self.refresh_history()
        self.packs_listed()

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
                str(self.tr.worded(message.warning)),
                title=self.tr("app.history_title"),
                severity="warning",
                timeout=10,
            )
        self.refresh_history()
        self.start_settled()

    def refresh_history(self) -> None:
        """Read again what home shows of the history (after a round, a pack change)."""
        if self.history_store is not None and self.catalog is not None:
            self.read_history(self.history_store, self.player)
        elif self.history_deferred and self.history_state.summary is not None:
            self.history_state = self.state_of(self.history_state.summary)  # new packs

    @work(thread=True, exclusive=True, group="history-read", exit_on_error=False)
    def read_history(self, store: HistoryStore, player: str) -> None:
        """Read home's summary from the history, and keep it beside the history for the next
        start (history/summary.py)."""
        from ali_quiz.history.summary import history_stamp, read_summary, save_summary

        stamp = history_stamp(self.paths.data_dir)  # before the read: a write since shows
        summary = read_summary(store, player)
        if get_current_worker().is_cancelled:
            return  # a newer read was asked for meanwhile (exclusive): its figures, not these
        save_summary(self.paths.data_dir, summary, stamp)
        self.read_stamp = stamp
        self.post_message(HistoryRead(summary))

    @on(HomeShownAgain)
    def refresh_if_changed(self) -> None:
        """Home shown again: read the history once more if it changed since home's figures
        were read (a round played in another window, `ali-quiz play --plain` meanwhile)."""
        if not self.use_history or not self.history_ready and not self.history_deferred:
            return
        from ali_quiz.history.summary import history_stamp

        if history_stamp(self.paths.data_dir) == self.read_stamp:
            return
        if self.history_deferred:
            self.ensure_history()  # opened, it reads home's figures again (history_opened)
        else:
            self.refresh_history()

    @on(HistoryRead)
    def history_read(self, message: HistoryRead) -> None:
        self.history_state = self.state_of(message.summary)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            # A worker that failed (an unreadable folder, a damaged history) must not end
            # the app: say what happened and carry on with what there is.
            text = self.tr("app.worker_failed", error=event.worker.error)
            self.notify(text, severity="error")
            if event.worker.group == "packs" and self.catalog is None:
                self.catalog = ()
                self.packs_listed()
            if event.worker.group == "history-open":
                self.history_ready = True
                self.waiting_recorders.clear()
                self.start_settled()

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
            return self.tr("settings.save_failed", path=self.paths.config_path, reason=error)
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
        self.mutate_reactive(QuizAppState.pack_id)
        if entry.pack is not None and self.settings.pack != entry.id:
            self.change_settings(replace(self.settings, pack=entry.id))
