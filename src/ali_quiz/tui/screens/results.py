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

from ali_quiz.numbers import percent_of, percent_text
from ali_quiz.quiz.answers import answer_lines, response_text
from ali_quiz.quiz.rounds import Outcome, Round
from ali_quiz.quiz.scorecard import (
    duration_text,
    kind_scores,
    seconds_per_question,
    share_text,
    total_seconds,
)
from ali_quiz.roundspec import ResolvedRound, RoundSpec
from ali_quiz.textwidth import clip
from ali_quiz.tui.messages import RoundAsked, RoundSpecAsked
from ali_quiz.tui.screens.base import QuizScreen, css_file
from ali_quiz.tui.texts import tone_text
from ali_quiz.tui.widgets.feedback import VERDICT_MARKS
from ali_quiz.tui.widgets.literal import LiteralTable as DataTable

if TYPE_CHECKING:
    from ali_quiz.history.progress import Standing
    from ali_quiz.history.store import HistoryStore

VERDICT_TONES = {"right": "success", "partial": "warning", "wrong": "error", "skipped": "muted"}
#: A percent sign drawn like Textual's Digits (which have none), three rows high.
PERCENT_SIGN = "╻ ╱\n ╱ \n╱ ╹"
WIDE = 120  # from this width the accuracy by kind gets its own panel, with bars
BAR = 10  # cells of a kind's accuracy bar
#: Columns of the question table other than the question, with their padding.
OTHER_COLUMNS = 40


def tone_of(percent: int) -> str:
    """The colour a percentage reads in: green from 80, amber from 50, else red."""
    return "success" if percent >= 80 else "warning" if percent >= 50 else "error"


def shown(value: float) -> int:
    """A percentage as percent_text shows it (whole, halves up), to subtract shown figures."""
    return int(percent_text(value).rstrip("%"))


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

    @property
    def percent(self) -> int:
        return percent_of(self.game.score, self.game.max_score)

    @property
    def share(self) -> str:
        """The one line to share: pack, mode, score, a square per question, the round code."""
        return share_text(
            self.tr,
            pack=self.info.pack.title,
            mode=self.info.mode,
            outcomes=self.game.outcomes,
            max_score=self.game.max_score,
            code=self.info.code,
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
                mode=tr(f"mode.{self.info.mode}"),
                pack=self.info.pack.title,
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
                        yield Static(self.time_text(), id="results-time", markup=False)
                yield Static(self.kinds_line(), id="results-kinds")
                if self.info.code:
                    yield Static(
                        Content.from_markup(
                            "[b]$label[/b]  [dim]$help[/dim]",
                            label=tr("results.code", code=self.info.code),
                            help=tr("results.code_help"),
                        ),
                        id="results-code",
                    )
                yield Static(
                    Content.from_markup(
                        "[dim]$label:[/dim] $share",
                        label=tr("results.share_label"),
                        share=self.share,
                    ),
                    id="results-share",
                )
            bars = Static(self.kinds_bars(), id="results-kind-bars")
            bars.border_title = tr("results.kinds")
            yield bars
        table: DataTable[str | Text] = DataTable(
            id="results-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Static(id="results-detail")
        with Horizontal(id="results-buttons"):
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
        if self.info.mode == "review":
            return Content(tr("results.review_round")).stylize("dim")
        if self.quiz.history_store is None:
            return Content(tr("results.no_history")).stylize("dim")
        standing = self.standing
        if standing is None:
            return Content(tr("results.comparing")).stylize("dim")
        if standing.rounds == 0 or standing.best is None or standing.last is None:
            return Content(tr("results.first"))
        percent = 100.0 * self.game.score / self.game.max_score if self.game.max_score else 0.0
        best = percent_text(standing.best)
        if standing.is_new_best(percent):
            return Content.from_markup(
                "[b $text-success]$text[/]", text=tr("results.new_best", best=best)
            )
        last = percent_text(standing.last)
        change = shown(percent) - shown(standing.last)
        if change > 0:
            moved = Content.from_markup(
                "[$text-success]$text[/]", text=tr("results.change.up", points=change, last=last)
            )
        elif change < 0:
            moved = Content.from_markup(
                "[$text-error]$text[/]", text=tr("results.change.down", points=-change, last=last)
            )
        else:
            moved = Content(tr("results.change.same", last=last))
        return moved + Content(tr("results.compare", change="", best=best))

    def time_text(self) -> str:
        outcomes = self.game.outcomes
        each = seconds_per_question(outcomes)
        if each is None:
            return ""
        tr = self.tr
        return tr(
            "results.time",
            total=duration_text(tr, total_seconds(outcomes)),
            each=duration_text(tr, each),
        )

    def kinds_line(self) -> Content:
        """Accuracy by kind on one line (narrow terminals)."""
        tr = self.tr
        parts = [
            Content.from_markup(
                f"$kind [${'text-' + tone_of(score.percent)}]$percent%[/]",
                kind=tr(f"kind.{score.kind}"),
                percent=str(score.percent),
            )
            for score in kind_scores(self.game.outcomes)
        ]
        label = Content.from_markup("[dim]$label:[/dim] ", label=tr("results.kinds"))
        return label + Content(" · ").join(parts)

    def kinds_bars(self) -> Content:
        """Accuracy by kind, a bar each (wide terminals)."""
        tr = self.tr
        scores = kind_scores(self.game.outcomes)
        names = [tr(f"kind.{score.kind}") for score in scores]
        name_width = max((len(clip(name, 12)) for name in names), default=0)
        lines = []
        for name, score in zip(names, scores, strict=True):
            filled = (score.percent * BAR + 50) // 100
            lines.append(
                Content.from_markup(
                    f"$name [${'text-' + tone_of(score.percent)}]$bar[/][dim]$rest[/] "
                    "$percent% [dim]($count)[/dim]",
                    name=clip(name, 12).ljust(name_width),
                    bar="█" * filled,
                    rest="░" * (BAR - filled),
                    percent=str(score.percent).rjust(3),
                    count=str(score.questions),
                )
            )
        return Content("\n").join(lines)

    # --- The table of questions ------------------------------------------------------------

    def on_mount(self) -> None:
        tr = self.tr
        table = self.query_one(DataTable)
        table.add_column(tr("results.col.number"), key="number")
        table.add_column(tr("results.col.verdict"), key="verdict")
        table.add_column(tr("results.col.kind"), key="kind")
        table.add_column(tr("results.col.time"), key="time")
        table.add_column(tr("results.col.question"), key="question")
        self.question_width = self.question_columns(self.app.size.width)
        for outcome in self.game.outcomes:
            verdict = outcome.verdict
            table.add_row(
                str(outcome.position),
                tone_text(
                    self.app,
                    f"{VERDICT_MARKS[verdict]} {outcome.points}/{outcome.max_points}",
                    VERDICT_TONES[verdict],
                ),
                clip(tr(f"kind.{outcome.question.kind}"), 10),
                duration_text(tr, outcome.seconds),
                self.question_cell(outcome),
                key=str(outcome.position),
            )
        table.focus()
        if self.game.outcomes:
            self.show_detail(self.game.outcomes[0])
        self.set_class(self.app.size.width >= WIDE, "-wide")
        store = self.quiz.history_store
        if store is not None and self.info.mode != "review":
            self.read_standing(store, self.quiz.player)

    def question_columns(self, width: int) -> int:
        return max(20, width - OTHER_COLUMNS)

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
        tr = self.tr
        question = outcome.question
        lines = [
            Content.from_markup(
                "[b]$position. $verdict[/b] · $prompt",
                position=str(outcome.position),
                verdict=tr(f"verdict.{outcome.verdict}"),
                prompt=question.prompt,
            )
        ]
        if not outcome.skipped:
            lines.append(
                Content.from_markup(
                    "[b]$label:[/b] $text",
                    label=tr("feedback.your_answer"),
                    text=response_text(question, outcome.response),
                )
            )
        lines.append(
            Content.from_markup(
                "[b $text-success]$label:[/] $text",
                label=tr("feedback.answer"),
                text=" · ".join(answer_lines(question, tr)),
            )
        )
        if question.explanation:
            lines.append(
                Content.from_markup(
                    "[dim]$label: $text[/dim]",
                    label=tr("feedback.source"),
                    text=question.explanation,
                )
            )
        self.query_one("#results-detail", Static).update(Content("\n").join(lines))

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
        self.app.post_message(RoundAsked(self.info.of_questions(mistakes)))

    def action_copy_share(self) -> None:
        """Put the share line on the clipboard (OSC 52; it is on screen too)."""
        self.app.copy_to_clipboard(self.share)
        self.notify(self.tr("results.copied"))

    def action_home(self) -> None:
        """Back to the home screen."""
        self.dismiss()
