"""Home: the pack in play, the modes to start, and the way to every other screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from ali_quiz.i18n import language_label
from ali_quiz.safety.text import visible
from ali_quiz.textwidth import pad, width
from ali_quiz.tui.messages import HomeShownAgain, ModeChosen, PackChosen, ResumeAsked
from ali_quiz.tui.roundsizes import size_text
from ali_quiz.tui.screens.base import QuizScreen
from ali_quiz.tui.widgets.footer import QuizFooter
from ali_quiz.tui.widgets.progress_panel import RECENT_SHOWN, ModeScoresPanel, ProgressPanel

if TYPE_CHECKING:
    from ali_quiz.catalog import PackEntry
    from ali_quiz.history.progress import Progress
    from ali_quiz.packs.model import Pack

PLAY_MODES = ("quick", "order", "match", "estimate", "choice", "daily")
MORE = (
    ("timeline", "key.timeline", "t"),
    ("history", "key.history", "h"),
    ("packs", "key.packs", "p"),
    ("settings", "key.settings", "s"),
    ("code", "key.code", "c"),
)
WIDE = 120  # from this width home shows the recent rounds too
TALL = 32  # from this height (and WIDE) the panels fill the screen: more rounds, mode scores


class TitleBar(Static):
    """The top line: the app, the pack in play, the player."""


class PackList(OptionList):
    """The packs: the arrows or a click choose one; enter plays it, as home's hint says."""

    BINDINGS = [Binding("enter", "play", "key.play_pack", show=False)]

    class PlayAsked(Message):
        """Enter on a pack: play the mode highlighted in the Play panel."""

    def action_play(self) -> None:
        self.action_select()  # the pack is chosen as a click chooses it
        self.post_message(self.PlayAsked())


class HomeScreen(QuizScreen[None]):
    """The first screen: choose a pack and a mode, or go elsewhere."""

    # Focused from the start rather than in on_mount: moving the focus again would make the
    # Footer rebuild its keys once more before the first full frame.
    AUTO_FOCUS = "#mode-list"
    BINDINGS = [
        Binding("t", "app.open_timeline", "key.timeline"),
        Binding("h", "app.open_history", "key.history"),
        Binding("p", "app.open_packs", "key.packs"),
        Binding("s", "app.open_settings", "key.settings"),
        Binding("c", "app.play_code", "key.code"),
        Binding("q", "app.quit", "key.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.progress: Progress | None = None
        self.measuring: set[tuple[str, int]] = set()  # (pack's content hash, count) measured

    def compose_screen(self) -> ComposeResult:
        tr = self.tr
        yield TitleBar(id="title-bar")
        with Horizontal(id="home-body"):
            with Vertical(id="home-left"):
                packs = PackList(id="pack-list")
                packs.border_title = tr("home.pack")
                yield packs
                more = OptionList(
                    *(
                        Option(
                            Content.from_markup("[b]$key[/b]  $title", key=key, title=tr(label)),
                            id=name,
                        )
                        for name, label, key in MORE
                    ),
                    id="more-list",
                )
                more.border_title = tr("home.more")
                yield more
                panel = ProgressPanel(id="home-progress")
                panel.border_title = tr("home.progress")
                yield panel
            with Vertical(id="home-right"):
                modes = OptionList(id="mode-list")
                modes.border_title = tr("home.modes")
                yield modes
                about = Static(tr("app.loading_packs"), id="pack-about", markup=False)
                about.border_title = tr("home.about")
                yield about
                scores = ModeScoresPanel(id="home-scores")
                scores.border_title = tr("home.scores")
                yield scores
                yield Static(tr("home.hint"), id="home-hint", markup=False)
        yield QuizFooter()

    def on_mount(self) -> None:
        # Each watcher shows the state once now (init) unless another has already shown it:
        # three calls of show_pack would lay out the title bar three times before the first
        # frame.
        self.watch(self.app, "catalog", self.show_catalog)
        self.watch(self.app, "pack_id", self.show_pack)
        self.watch(self.app, "history_state", self.show_pack, init=False)
        self.watch(self.app, "settings", self.show_pack, init=False)
        # Read again after every history read (a round played or left) and pack change; the
        # first read comes after the first frame, when the app has opened the history.
        self.watch(self.app, "history_state", self.load_progress, init=False)
        self.watch(self.app, "pack_id", self.load_progress)

    async def on_screen_resume(self) -> None:
        await super().on_screen_resume()
        self.post_message(HomeShownAgain())

    def help_extra(self) -> str:
        return self.tr("home.hint")

    def refill(self) -> None:
        self.show_catalog(self.quiz.catalog)
        self.show_progress()
        self.query_one("#mode-list").focus()

    # --- Progress (from the history's summary, read by the app) -----------------------------

    def load_progress(self, _: Any = None) -> None:
        quiz = self.quiz
        summary = quiz.history_state.summary
        if summary is not None:
            self.progress = summary.progress(quiz.pack_id, quiz.now())
            self.show_progress()

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= WIDE
        tall = wide and event.size.height >= TALL
        if wide != self.has_class("-wide") or tall != self.has_class("-tall"):
            self.set_class(wide, "-wide")
            self.set_class(tall, "-tall")
            self.show_progress()

    def show_progress(self) -> None:
        if self.progress is None:
            return
        quiz = self.quiz

        def title(pack_id: str) -> str:
            entry = quiz.entry(pack_id)
            return visible(entry.title) if entry is not None else pack_id

        tall = self.has_class("-tall")
        panel = self.query_one(ProgressPanel)
        # Rounds of the pack in play left after an answer: the player is welcomed back, told
        # to resume only when one can go on.
        entry = quiz.entry()
        left = [s for s in quiz.history_state.unfinished if s.pack == quiz.pack_id and s.answered]
        resuming = entry is not None and any(
            entry.pack is not None and s.resumes_from(entry.pack.content_hash) for s in left
        )
        # More rounds than it lists by itself: it fills the column with them.
        panel.set_class(tall and len(self.progress.recent) > RECENT_SHOWN, "-fill")
        panel.show(
            self.progress,
            self.tr,
            wide=self.has_class("-wide"),
            today=quiz.now().date(),
            pack_title=title,
            pack_in_play=quiz.pack_id,
            resuming=resuming,
            returning=bool(left),
        )
        self.query_one(ModeScoresPanel).show(self.progress.by_mode if tall else (), self.tr)

    # --- Showing the state -------------------------------------------------------------

    def show_title(self, _: Any = None) -> None:
        tr = self.tr
        entry = self.quiz.entry()
        pack = visible(entry.title) if entry is not None else "…"
        self.query_one(TitleBar).update(
            Content.from_markup(
                "[b]ali-quiz[/b]  $pack  [dim]·[/dim]  $player",
                pack=pack,
                player=tr("home.player", player=self.quiz.player),
            )
        )

    def show_catalog(self, catalog: tuple[PackEntry, ...] | None) -> None:
        packs = self.query_one("#pack-list", OptionList)
        packs.clear_options()
        if catalog is None:
            return
        for entry in catalog:
            if entry.pack is not None:
                prompt = Content.from_markup(
                    "$title [dim]$language[/dim]",
                    title=visible(entry.title),
                    language=language_label(entry.language, self.tr),
                )
            else:
                prompt = Content.from_markup(
                    "[$text-error]✗[/] $title [dim]$language[/dim]",
                    title=entry.path.name,
                    language=self.tr("packs.invalid"),
                )
            packs.add_option(Option(prompt, id=f"{entry.id}|{entry.path}"))
        self.show_pack()

    def show_pack(self, _: Any = None) -> None:
        """The pack list's highlight, the pack's facts, and the modes it can play."""
        tr = self.tr
        quiz = self.quiz
        catalog = quiz.catalog
        about = self.query_one("#pack-about", Static)
        modes = self.query_one("#mode-list", OptionList)
        self.show_title()
        if catalog is None:
            return
        if not catalog:
            about.update(tr("app.no_packs"))
            return
        entry = quiz.entry()
        packs = self.query_one("#pack-list", OptionList)
        if entry is not None:
            for index, candidate in enumerate(catalog):
                if candidate is entry and packs.highlighted != index:
                    packs.highlighted = index
        highlighted_mode = (
            modes.highlighted_option.id if modes.highlighted_option is not None else None
        )
        had_resume = modes.option_count > 0 and (modes.get_option_at_index(0).id or "").startswith(
            "resume|"
        )
        modes.clear_options()
        if entry is None or entry.pack is None:
            about.update(tr("home.pack_invalid"))
            return
        pack = entry.pack
        # What a quick round holds at the count asked: a cached built-in pack knows it, any
        # other pack is measured in a worker (trial rounds), which shows the pack again.
        from ali_quiz.catalog import kept_size  # here: home's first frame loads no pack model

        size = kept_size(pack, quiz.settings.count)
        if size is None and (pack.content_hash, quiz.settings.count) not in self.measuring:
            # Once per pack version and count (an exclusive worker, cancelled, failed `settle`).
            self.measuring.add((pack.content_hash, quiz.settings.count))
            self.measure_size(pack, quiz.settings.count)
        about.update(
            Content("\n").join(
                [
                    Content.from_markup(
                        "[b]$title[/b]  [dim]$language[/dim]",
                        title=visible(pack.title),
                        language=language_label(pack.language, tr),
                    ),
                    *([Content(visible(pack.description))] if pack.description else []),
                    Content.from_markup(
                        "[dim]$facts$count[/dim]",
                        facts=tr("home.facts", **pack.counts()),
                        count=size_text(tr, size, quiz.settings.count),
                    ),
                ]
            )
        )
        from ali_quiz.catalog import offered_modes

        offered = offered_modes(pack)
        state = quiz.history_state
        shown_modes = [m for m in PLAY_MODES if m in offered] + ["review"]
        titles = [tr(f"mode.{mode}") for mode in shown_modes] + [tr("home.resume")]
        title_width = max(width(title) for title in titles) + 2
        left = [saved for saved in state.unfinished if saved.pack == pack.id and saved.answered]
        ready = next((saved for saved in left if saved.resumes_from(pack.content_hash)), None)
        if ready is not None or left:
            # The newest round that can go on; else the newest left, greyed, saying why not
            # (its pack has changed since: other questions, which its answers would not fit).
            saved = ready or left[0]
            modes.add_option(
                Option(
                    Content.from_markup(
                        "[b]$title[/b][dim]$help[/dim]",
                        title=pad(tr("home.resume"), title_width),
                        help=tr(
                            "home.resume.help" if ready else "home.resume_stale",
                            mode=tr(f"mode.{saved.mode}"),
                            done=saved.answered,
                            count=saved.questions,
                        ),
                    ),
                    id=f"resume|{saved.id}" if ready else f"stale|{saved.id}",
                    disabled=ready is None,
                )
            )
        for mode in shown_modes:
            if mode == "review":
                usable = pack.id in state.review_packs
                help_text = tr("mode.review.help") if usable else tr("home.review_none")
            else:
                usable = True  # PRODUCT.md: a kind the pack cannot make has its mode hidden
                help_text = tr(f"mode.{mode}.help")
            # Titles padded to one width so the descriptions line up (CJK counts double).
            modes.add_option(
                Option(
                    Content.from_markup(
                        "[b]$title[/b][dim]$help[/dim]",
                        title=pad(tr(f"mode.{mode}"), title_width),
                        help=help_text,
                    ),
                    id=f"mode|{mode}",
                    disabled=not usable,
                )
            )
        first = modes.get_option_at_index(0).id if modes.option_count else None
        if first is not None and first.startswith("resume|") and not had_resume:
            modes.highlighted = 0  # a round to resume has just appeared: offer it first
        elif highlighted_mode is not None:
            try:
                modes.highlighted = modes.get_option_index(highlighted_mode)
            except OptionDoesNotExist:  # a resume entry, gone once played
                modes.highlighted = 0
        elif modes.option_count:
            modes.highlighted = 0

    @work(thread=True, exit_on_error=False, group="size")
    def measure_size(self, pack: Pack, count: int) -> None:
        """Trial rounds: what a quick round of this pack holds (then shown)."""
        from ali_quiz.catalog import round_size

        try:
            round_size(pack, count)
        except ValueError:  # a round that cannot be made: the About panel says no size
            return
        self.post_message(self.SizeMeasured())

    class SizeMeasured(Message):
        """What a round of the pack in play holds is known: the pack is shown again."""

    @on(SizeMeasured)
    def size_measured(self) -> None:
        self.show_pack()

    # --- Choosing ----------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#pack-list")
    def pack_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        catalog = self.quiz.catalog or ()
        index = event.option_index
        if 0 <= index < len(catalog) and catalog[index] is not self.quiz.entry():
            self.post_message(PackChosen(catalog[index]))

    @on(OptionList.OptionSelected, "#pack-list")
    def pack_selected(self) -> None:
        self.query_one("#mode-list").focus()

    @on(PackList.PlayAsked)
    def pack_played(self) -> None:
        """Enter on the Pack panel plays the highlighted mode, as enter on the Play panel does,
        once the pack under the highlight is the one in play (else the Play panel, focused,
        shows its modes first: a pack just reached may not offer the same ones)."""
        catalog = self.quiz.catalog or ()
        index = self.query_one(PackList).highlighted
        if index is not None and 0 <= index < len(catalog) and catalog[index] is self.quiz.entry():
            self.query_one("#mode-list", OptionList).action_select()

    @on(OptionList.OptionSelected, "#mode-list")
    def mode_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        kind, _, value = option_id.partition("|")
        pack = self.quiz.current_pack()
        if pack is None:
            return
        if kind == "mode":
            self.post_message(ModeChosen(pack, value))
        elif kind == "resume":
            for saved in self.quiz.history_state.unfinished:
                if str(saved.id) == value:
                    self.post_message(ResumeAsked(saved))
                    return

    @on(OptionList.OptionSelected, "#more-list")
    async def more_selected(self, event: OptionList.OptionSelected) -> None:
        actions = {
            "timeline": "open_timeline",
            "history": "open_history",
            "packs": "open_packs",
            "settings": "open_settings",
            "code": "play_code",
        }
        action = actions.get(event.option.id or "")
        if action is not None:
            await self.run_action(f"app.{action}")
