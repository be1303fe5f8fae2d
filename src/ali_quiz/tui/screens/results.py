"""Results: the score big, how it stands against the player's last and best, time, accuracy by
kind, a row per question with its mark and answer, the share line, and what to do next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Digits, Footer, Static

from ali_quiz.percents import percent_of
from ali_quiz.quiz.rounds import Outcome, Round
from ali_quiz.quiz.scorecard import duration_text, share_marks, share_text
from ali_quiz.roundspec import ResolvedRound, RoundSpec
from ali_quiz.safety.text import visible
from ali_quiz.textwidth import clip, width
from ali_quiz.tui.messages import RoundAsked, RoundSpecAsked
from ali_quiz.tui.screens.base import QuizScreen, css_file
from ali_quiz.tui.texts import tone_text
from ali_quiz.tui.widgets.feedback import VERDICT_MARKS
from ali_quiz.tui.widgets.literal import LiteralTable as DataTable
from ali_quiz.tui.widgets.scorecard import (
    VERDICT_TONES,
    compare_content,
    detail_content,
    kinds_bars,
    kinds_line,
    time_line,
)

if TYPE_CHECKING:
    from ali_quiz.history.progress import Standing
    from ali_quiz.history.store import HistoryStore

#: A percent sign drawn like Textual's Digits (which have none), three rows high.
PERCENT_SIGN = "╻ ╱\n ╱ \n╱ ╹"
WIDE = 120  # from this width the accuracy by kind gets its own panel, with bars
#: The question column's least width; narrower, the table scrolls sideways instead.
MIN_QUESTION = 20
SCROLLBAR = 2  # a long round's table scrolls: its bar takes these columns
#: The actions that start another round (not offered in a class).
OTHER_ROUNDS = frozenset({"play_again", "replay", "mistakes"})


class ResultsScreen(QuizScreen[None]):
    """The end of a round."""

    CSS_PATH = css_file("results.tcss")

    BINDINGS = [
        Binding("n", "play_again", "results.key.play_again"),
        Binding("r", "replay", "results.key.replay"),
        Binding("m", "mistakes", "key.mistakes", show=False),  # a button; help lists it
        Binding("c", "copy_share", "results.key.copy"),
        Binding("escape,h", "home", "key.home"),
        Binding("q", "app.quit", "key.quit", show=False),
    ]

    class StandingRead(Message):
        """The player's earlier rounds of this pack and mode (from a worker)."""

        def __init__(self, standing: Standing) -> None:
            super().__init__()
            self.standing = standing

    def __init__(self, game: Round, info: ResolvedRound, round_id: int | None = None) -> None:
        super().__init__()
        self.game = game
        self.info = info
        self.round_id = round_id
        self.standing: Standing | None = None
        self.question_width = 0
        self.other_columns = 0  # the other columns of the question table, with their padding

    @property
    def percent(self) -> int:
        return percent_of(self.game.score, self.game.max_score)

    @property
    def share(self) -> str:
        """The one line to share: pack, mode, score, a square per question, the round code."""
        return share_text(
            self.tr,
            pack=self.info.pack.title,
            mode=self.info.label,
            outcomes=self.game.outcomes,
            max_score=self.game.max_score,
            code=self.info.code,
        )

    def share_lines(self) -> Content:
        """The share line as the screen shows it: the score, then the squares and the code on
        a line of their own under it (the whole ran past 80 columns and wrapped mid-squares);
        `c` copies it as the one line it is."""
        label = self.tr("label.colon", label=self.tr("results.share_label"))
        head, marks, tail = self.share.partition(share_marks(self.game.outcomes))
        if not marks:
            return Content.from_markup("[dim]$label[/dim]$share", label=label, share=self.share)
        return Content.from_markup(
            "[dim]$label[/dim]$head\n$indent$marks$tail",
            label=label,
            head=head.rstrip(),
            indent=" " * width(label),
            marks=marks,
            tail=tail,
        )

    def compose_screen(self) -> ComposeResult:
        tr = self.tr
        game = self.game
        counts = {verdict: 0 for verdict in VERDICT_MARKS}
        for outcome in game.outcomes:
            counts[outcome.verdict] += 1
        yield Static(
            Content.from_markup(
                "[b]$title[/b] · $mode · $pack",
                title=tr("results.title"),
                mode=tr(f"mode.{self.info.label}"),
                pack=visible(self.info.pack.title),
            ),
            id="results-title",
        )
        with Horizontal(id="results-top"):
            with Vertical(id="results-side"):
                with Horizontal(id="results-score"):
                    yield Digits(str(self.percent), id="results-digits")
                    yield Static(PERCENT_SIGN, id="results-percent-sign", markup=False)
                    with Vertical(id="results-facts"):
                        yield Static(
                            Content.from_markup(
                                "[b]$points[/b] · $summary",
                                points=tr("results.points", score=game.score, max=game.max_score),
                                summary=tr("results.summary", **counts),
                            ),
                            id="results-total",
                        )
                        yield Static(self.compare_text(), id="results-compare")
                        yield Static(time_line(tr, game.outcomes), id="results-time", markup=False)
                yield Static(kinds_line(tr, game.outcomes), id="results-kinds")
                if self.info.code:
                    yield Static(
                        Content.from_markup(
                            "[b]$label[/b]  [dim]$help[/dim]",
                            label=tr("results.code", code=self.info.code),
                            help=tr("results.code_help"),
                        ),
                        id="results-code",
                    )
                yield Static(self.share_lines(), id="results-share")
            bars = Static(kinds_bars(tr, game.outcomes), id="results-kind-bars")
            bars.border_title = tr("results.kinds")
            yield bars
        table: DataTable[str | Text] = DataTable(
            id="results-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Static(id="results-detail")
        with Horizontal(id="results-buttons"):
            if self.quiz.other_rounds:
                yield Button(
                    tr("results.key.play_again"), id="play-again", variant="primary", compact=True
                )
                yield Button(tr("results.key.replay"), id="replay", compact=True)
                yield Button(
                    tr("key.mistakes"), id="mistakes", disabled=not game.mistakes(), compact=True
                )
            yield Button(tr("key.home"), id="home", compact=True)
        yield Footer()

    # --- The figures ---------------------------------------------------------------------

    def compare_text(self) -> Content:
        """This round against the player's last and best of the pack and mode."""
        tr = self.tr
        if self.info.mistakes:
            return Content(tr("results.mistakes_round")).stylize("dim")
        if self.info.mode == "review":
            return Content(tr("results.review_round")).stylize("dim")
        if self.quiz.history_store is None:
            return Content(tr("results.no_history")).stylize("dim")
        if self.standing is None:
            return Content(tr("results.comparing")).stylize("dim")
        game = self.game
        percent = 100.0 * game.score / game.max_score if game.max_score else 0.0
        return compare_content(tr, self.standing, percent)

    # --- The table of questions ------------------------------------------------------------

    def on_mount(self) -> None:
        tr = self.tr
        table = self.query_one(DataTable)
        table.add_column(tr("results.col.number"), key="number")
        table.add_column(tr("results.col.verdict"), key="verdict")
        table.add_column(tr("results.col.kind"), key="kind")
        table.add_column(tr("results.col.time"), key="time")
        table.add_column(tr("results.col.question"), key="question")
        rows = [
            (
                str(outcome.position),
                f"{VERDICT_MARKS[outcome.verdict]} {outcome.points}/{outcome.max_points}",
                clip(tr(f"kind.{outcome.question.kind}"), 10),
                duration_text(tr, outcome.seconds),
            )
            for outcome in self.game.outcomes
        ]
        headers = [str(column.label) for column in table.columns.values()][:-1]
        self.other_columns = SCROLLBAR + sum(
            max(width(header), *(width(row[i]) for row in rows)) + 2
            for i, header in enumerate(headers)
        )
        self.question_width = self.question_columns(self.app.size.width)
        for outcome, (number, mark, kind, seconds) in zip(self.game.outcomes, rows, strict=True):
            table.add_row(
                number,
                tone_text(self.app, mark, VERDICT_TONES[outcome.verdict]),
                kind,
                seconds,
                self.question_cell(outcome),
                key=number,
            )
        table.focus()
        if self.game.outcomes:
            self.show_detail(self.game.outcomes[0])
        self.set_class(self.app.size.width >= WIDE, "-wide")
        store = self.quiz.history_store
        if store is not None and self.info.mode != "review":
            self.read_standing(store, self.quiz.player)

    def question_columns(self, columns: int) -> int:
        """The question column's width in a table `columns` wide (2 columns of padding)."""
        return max(MIN_QUESTION, columns - self.other_columns - 2)

    def question_cell(self, outcome: Outcome) -> str:
        return clip(" ".join(outcome.question.prompt.split()), self.question_width)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width >= WIDE, "-wide")
        columns = self.question_columns(event.size.width)
        if columns == self.question_width:
            return
        self.question_width = columns
        table = self.query_one(DataTable)
        for outcome in self.game.outcomes:
            table.update_cell(
                str(outcome.position), "question", self.question_cell(outcome), update_width=True
            )

    def show_detail(self, outcome: Outcome) -> None:
        self.query_one("#results-detail", Static).update(detail_content(self.tr, outcome))

    @on(DataTable.RowHighlighted)
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        index = event.cursor_row
        if 0 <= index < len(self.game.outcomes):
            self.show_detail(self.game.outcomes[index])

    # --- Against the history ----------------------------------------------------------------

    @work(thread=True, exclusive=True, group="results-standing", exit_on_error=False)
    def read_standing(self, store: HistoryStore, player: str) -> None:
        from ali_quiz.history.progress import standing

        info = self.info
        found = standing(store, player, info.pack.id, info.mode, exclude=self.round_id)
        self.post_message(self.StandingRead(found))

    @on(StandingRead)
    def standing_read(self, message: StandingRead) -> None:
        self.standing = message.standing
        self.query_one("#results-compare", Static).update(self.compare_text())

    # --- What next ---------------------------------------------------------------------------

    @on(Button.Pressed, "#play-again")
    def play_again_pressed(self) -> None:
        self.action_play_again()

    @on(Button.Pressed, "#replay")
    def replay_pressed(self) -> None:
        self.action_replay()

    @on(Button.Pressed, "#mistakes")
    def mistakes_pressed(self) -> None:
        self.action_mistakes()

    @on(Button.Pressed, "#home")
    def home_pressed(self) -> None:
        self.action_home()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In a class, no key leads to another round: none is shown in the Footer."""
        return self.quiz.other_rounds or action not in OTHER_ROUNDS

    def action_play_again(self) -> None:
        """New questions: the same pack, mode and count with a fresh seed, as `play` makes them.

        The daily round is the same all day, so after it Play again makes a quick round.
        """
        info = self.info
        mode = "quick" if info.mode == "daily" else info.mode
        self.dismiss()
        self.app.post_message(
            RoundSpecAsked(RoundSpec(pack=info.pack, mode=mode, count=info.count))
        )

    def action_replay(self) -> None:
        """The same round again: from its code, as `play --code` makes it; a round without a
        code (review, mistakes) replays its questions as they were."""
        info = self.info
        self.dismiss()
        if info.code:
            spec = RoundSpec(pack=info.pack, code=info.code, date=info.date)
            self.app.post_message(RoundSpecAsked(spec))
        else:
            self.app.post_message(RoundAsked(info))

    def action_mistakes(self) -> None:
        """A round of the questions this round did not get full marks on."""
        mistakes = self.game.mistakes()
        if not mistakes:
            self.notify(self.tr("results.no_mistakes"))
            return
        self.dismiss()
        from ali_quiz.quiz.generate import random_seed

        self.app.post_message(RoundAsked(self.info.of_questions(mistakes, random_seed())))

    def action_copy_share(self) -> None:
        """Put the share line on the clipboard (OSC 52; it is on screen too)."""
        self.app.copy_to_clipboard(self.share)
        self.notify(self.tr("results.copied"))

    def action_home(self) -> None:
        """Back to the home screen."""
        self.dismiss()
