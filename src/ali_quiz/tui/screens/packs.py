"""Packs: every pack found, its path, language, counts and problems; open one from a file, and
preview a few generated questions of each kind before playing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from ali_quiz.i18n import Translator, language_label
from ali_quiz.quiz.answers import answer_lines, question_lines
from ali_quiz.safety.text import visible
from ali_quiz.tui.messages import PackChosen, PackOpened, PacksRescan
from ali_quiz.tui.screens.base import QuizScreen, css_file
from ali_quiz.tui.texts import display_path, tone_text
from ali_quiz.tui.widgets.columns import FittedTable, fit_text_column, fits, table_room
from ali_quiz.tui.widgets.literal import LiteralTable

if TYPE_CHECKING:
    from ali_quiz.catalog import PackEntry
    from ali_quiz.packs.model import Pack

PREVIEW_PER_KIND = 2
PREVIEW_SEED = 1


class PacksTable(FittedTable, LiteralTable[Any]):
    """The packs, their titles clipped to the table's width, every cell shown as written."""


def describe_entry(entry: PackEntry, tr: Translator) -> Content:
    """The detail panel of one pack: path, counts, modes, errors and warnings."""
    lines: list[Content] = [
        Content.from_markup(
            "[b]$title[/b]  [dim]$id · $language$builtin[/dim]",
            title=visible(entry.title),
            id=entry.id,
            language=language_label(entry.language, tr),
            builtin=f" · {tr('packs.builtin')}" if entry.builtin else "",
        ),
        # A built-in pack's real path depends on how ali-quiz was installed: name the file only.
        Content(
            tr("packs.builtin_path", name=entry.path.name)
            if entry.builtin
            else tr("packs.path", path=display_path(entry.path))
        ),
    ]
    if entry.pack is not None:
        from ali_quiz.catalog import offered_modes

        lines.append(Content(tr("packs.counts", **entry.pack.counts())))
        modes = tr.join(tr(f"mode.{mode}") for mode in offered_modes(entry.pack))
        lines.append(Content(tr("packs.modes", modes=modes or "—")))
    if entry.errors:
        lines.append(Content.from_markup("[b $text-error]$h[/]", h=tr("packs.errors")))
        lines += [Content(f"  {problem.located(tr)}") for problem in entry.errors]
    # A pack that does not load plays no mode: which kinds it is too small for does not matter.
    warnings = kind_warnings(entry.pack, tr) if entry.pack is not None else []
    if warnings:
        lines.append(Content.from_markup("[b $text-warning]$h[/]", h=tr("packs.warnings")))
        lines += [Content(f"  {warning}") for warning in warnings]
    return Content("\n").join(lines)


def kind_warnings(pack: Pack, tr: Translator) -> list[str]:
    """The kinds this pack has too few facts for (their modes are hidden), worded in `tr`."""
    from ali_quiz.quiz.generate import available_kinds, figure_warnings
    from ali_quiz.quiz.kinds import GENERATED_KINDS

    offered = available_kinds(pack)
    return [
        tr("packs.kind_hidden", mode=tr(f"mode.{kind}"), needs=tr(f"packs.needs.{kind}"))
        for kind in GENERATED_KINDS
        if kind not in offered
    ] + figure_warnings(pack, tr)


def preview_text(pack: Pack, tr: Translator) -> str:
    """A few generated questions of each kind the pack can make, each with its answer."""
    from ali_quiz.quiz.generate import RoundError, available_kinds, generate_round

    kinds = available_kinds(pack)
    blocks: list[str] = []
    for kind in ("order", "match", "estimate", "choice"):
        title = tr(f"mode.{kind}")
        if kind not in kinds:
            blocks.append(tr("packs.preview_none", kind=title))
            continue
        try:
            questions = generate_round(pack, kind, PREVIEW_PER_KIND, PREVIEW_SEED)
        except RoundError as error:
            blocks.append(f"{title}: {error}")
            continue
        lines = [tr("packs.preview_kind", kind=title, count=len(questions))]
        for position, question in enumerate(questions, start=1):
            lines.append("")
            lines += question_lines(question, position, len(questions), tr)[:-1]
            lines += [f"  ✓ {line}" for line in answer_lines(question, tr)]
        blocks.append("\n".join(lines))
    # Control characters of the pack's texts as escapes, as the title above and every other
    # screen show them (dropped by the last guard, `\x1b[2J` read as `[2J`).
    return visible("\n\n".join(blocks))


class PreviewScreen(QuizScreen[None]):
    """Generated questions of each kind, to see what a pack will ask before playing it."""

    CSS_PATH = css_file("packs.tcss")

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back"),
        Binding("enter", "play", "packs.preview_play"),
    ]

    def __init__(self, entry: PackEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose_screen(self) -> ComposeResult:
        assert self.entry.pack is not None
        yield Static(
            Content.from_markup(
                "[b]$title[/b]",
                title=self.tr("packs.preview_title", pack=visible(self.entry.title)),
            ),
            id="preview-title",
        )
        with VerticalScroll(id="preview-body", can_focus=True):
            yield Static(preview_text(self.entry.pack, self.tr), markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#preview-body").focus()

    def action_play(self) -> None:
        """Make this pack the one in play and go home to pick a mode."""
        self.post_message(PackChosen(self.entry, go_home=True))


class PacksScreen(QuizScreen[None]):
    """Every pack found."""

    CSS_PATH = css_file("packs.tcss")

    BINDINGS = [
        Binding("escape", "app.pop_screen", "key.back"),
        # Priority: the table's own enter would otherwise hide this key from the Footer.
        Binding("enter", "use", "key.use_pack", priority=True),
        Binding("v", "preview", "key.preview"),
        Binding("o", "open", "key.open_pack"),
        Binding("r", "reload", "key.reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.waiting_for: Path | None = None  # a file just opened, to show once scanned
        self.rows_shown: list[list[str]] = []

    def compose_screen(self) -> ComposeResult:
        yield Static(Content.from_markup("[b]$t[/b]", t=self.tr("packs.title")), id="packs-title")
        with Vertical(id="packs-body"):
            table = PacksTable(id="packs-table", cursor_type="row")
            yield table
            with VerticalScroll(id="packs-detail-box"):
                yield Static(self.tr("packs.loading"), id="packs-detail", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        tr = self.tr
        table = self.query_one(PacksTable)
        table.add_column(tr("packs.col.id"), key="id")
        table.add_column(tr("packs.col.title"), key="title")
        table.add_column(tr("packs.col.language"), key="language")
        table.add_column(tr("packs.col.facts"), key="facts")
        table.add_column(tr("packs.col.status"), key="status")
        self.watch(self.app, "catalog", self.show_catalog)
        table.focus()

    def show_catalog(self, catalog: tuple[PackEntry, ...] | None) -> None:
        self.fill_table(catalog)

    def fill_table(self, catalog: tuple[PackEntry, ...] | None, *, refit: bool = False) -> None:
        """One row a pack; `refit`: the rows at a new width, the cursor where it was."""
        tr = self.tr
        table = self.query_one(PacksTable)
        rows, statuses = [], []
        for entry in catalog or ():
            facts = sum(entry.pack.counts().values()) if entry.pack is not None else 0
            if entry.pack is not None:
                label = tr("packs.builtin") if entry.builtin else tr("packs.valid")
                statuses.append((f"✓ {label}", "success"))
            else:
                statuses.append((f"✗ {tr('packs.invalid')}", "error"))
            language = language_label(entry.language, tr)
            rows.append([entry.id, visible(entry.title), language, str(facts), statuses[-1][0]])
        # A long title is clipped with an ellipsis: the language, facts and status stay in view;
        # where even that leaves too little room (60 columns), languages are given by their tag
        # (`zh-Hant` for Traditional Chinese), named in full in the detail below.
        headers = [str(column.label) for column in table.ordered_columns]
        room = table_room(table, len(rows))
        if not fits(headers, rows, 1, room):
            for row, entry in zip(rows, catalog or (), strict=True):
                row[2] = visible(entry.language)
        rows = fit_text_column(headers, rows, 1, room)
        if refit and rows == self.rows_shown:
            return  # no title clipped otherwise at this width: nothing to fill again
        self.rows_shown = rows
        selected = table.cursor_row
        table.clear()
        if catalog is None:
            return
        current = self.quiz.entry()
        for index, (row, (status, tone)) in enumerate(zip(rows, statuses, strict=True)):
            table.add_row(*row[:4], tone_text(self.app, status, tone), key=str(index))
        table.fit_columns(rows)
        if self.waiting_for is not None:
            opened = [e for e in catalog if e.path.resolve() == self.waiting_for]
            self.waiting_for = None
            if opened:
                entry = opened[0]
                table.move_cursor(row=catalog.index(entry))
                if entry.pack is not None:
                    self.notify(tr("packs.opened", pack=entry.title))
                else:
                    self.notify(tr("packs.open_invalid", path=entry.path), severity="error")
        elif refit:
            table.move_cursor(row=selected)
        elif current is not None and current in catalog:
            table.move_cursor(row=catalog.index(current))
        self.show_detail()

    @on(FittedTable.WidthChanged)
    def refit(self) -> None:
        """Fill the table again, so that its titles are clipped to its new width."""
        self.fill_table(self.quiz.catalog, refit=True)

    def selected_entry(self) -> PackEntry | None:
        catalog = self.quiz.catalog or ()
        row = self.query_one(PacksTable).cursor_row
        return catalog[row] if 0 <= row < len(catalog) else None

    def show_detail(self) -> None:
        entry = self.selected_entry()
        detail = self.query_one("#packs-detail", Static)
        if entry is None:
            detail.update("")
            return
        detail.update(describe_entry(entry, self.tr))

    @on(PacksTable.RowHighlighted)
    def row_highlighted(self) -> None:
        self.show_detail()

    def action_use(self) -> None:
        """Play this pack (an invalid pack cannot be started)."""
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.pack is None:
            self.notify(self.tr("packs.cannot_start", pack=entry.path.name), severity="error")
            return
        self.post_message(PackChosen(entry))
        self.notify(self.tr("packs.using", pack=entry.title))
        self.dismiss()

    def action_preview(self) -> None:
        """See a few generated questions of each kind."""
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.pack is None:
            self.notify(self.tr("packs.cannot_start", pack=entry.path.name), severity="error")
            return
        self.app.push_screen(PreviewScreen(entry))

    def action_open(self) -> None:
        """Open a pack file from a path."""
        from ali_quiz.tui.screens.dialogs import OpenPackScreen

        self.app.push_screen(OpenPackScreen(), self.opened)

    def opened(self, path: Path | None) -> None:
        if path is None:
            return
        self.waiting_for = path.resolve()
        self.post_message(PackOpened(path))

    def action_reload(self) -> None:
        """Scan the packs again (after fixing a file)."""
        self.post_message(PacksRescan())

    async def on_screen_resume(self) -> None:
        # Textual also calls QuizScreen's handler (it dispatches to every class in the MRO).
        self.show_detail()
