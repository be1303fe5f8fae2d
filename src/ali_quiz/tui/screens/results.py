"""Results: the total, a row per question, and what to do next (replay, mistakes, home)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Footer, Static

from ali_quiz.numbers import percent_of
from ali_quiz.quiz.answers import answer_lines, response_text
from ali_quiz.quiz.rounds import Outcome, Round
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.textwidth import clip
from ali_quiz.tui.messages import RoundAsked
from ali_quiz.tui.screens.base import QuizScreen, css_file
from ali_quiz.tui.texts import tone_text
from ali_quiz.tui.widgets.feedback import VERDICT_MARKS
from ali_quiz.tui.widgets.literal import LiteralTable as DataTable

VERDICT_TONES = {"right": "success", "partial": "warning", "wrong": "error", "skipped": "muted"}


class ResultsScreen(QuizScreen[None]):
    """The end of a round."""

    CSS_PATH = css_file("results.tcss")

    BINDINGS = [
        Binding("r", "replay", "key.replay"),
        Binding("m", "mistakes", "key.mistakes"),
        Binding("escape,h", "home", "key.home"),
        Binding("q", "app.quit", "key.quit", show=False),
    ]

    def __init__(self, game: Round, info: ResolvedRound) -> None:
        super().__init__()
        self.game = game
        self.info = info

    def compose_screen(self) -> ComposeResult:
        tr = self.tr
        game = self.game
        outcomes = game.outcomes
        counts = {verdict: 0 for verdict in VERDICT_MARKS}
        for outcome in outcomes:
            counts[outcome.verdict] += 1
        with Vertical(id="results-head"):
            yield Static(
                Content.from_markup(
                    "[b]$title[/b] · $mode · $pack",
                    title=tr("results.title"),
                    mode=tr(f"mode.{self.info.mode}"),
                    pack=self.info.pack.title,
                ),
                id="results-title",
            )
            yield Static(
                Content.from_markup(
                    "[b]$total[/b]",
                    total=tr(
                        "results.total",
                        score=game.score,
                        max=game.max_score,
                        percent=percent_of(game.score, game.max_score),
                    ),
                ),
                id="results-total",
            )
            yield Static(tr("results.summary", **counts), id="results-summary", markup=False)
            if self.info.code:
                yield Static(
                    Content.from_markup(
                        "[b]$label[/b]  [dim]$help[/dim]",
                        label=tr("results.code", code=self.info.code),
                        help=tr("results.code_help"),
                    ),
                    id="results-code",
                )
        table: DataTable[str | Text] = DataTable(
            id="results-table", cursor_type="row", zebra_stripes=True
        )
        yield table
        yield Static(id="results-detail", markup=False)
        with Horizontal(id="results-buttons"):
            yield Button(tr("key.replay"), id="replay", variant="primary", compact=True)
            yield Button(
                tr("key.mistakes"), id="mistakes", disabled=not game.mistakes(), compact=True
            )
            yield Button(tr("key.home"), id="home", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        tr = self.tr
        table = self.query_one(DataTable)
        table.add_column(tr("results.col.number"), key="number")
        table.add_column(tr("results.col.kind"), key="kind")
        table.add_column(tr("results.col.verdict"), key="verdict")
        table.add_column(tr("results.col.points"), key="points")
        table.add_column(tr("results.col.question"), key="question")
        for outcome in self.game.outcomes:
            verdict = outcome.verdict
            table.add_row(
                str(outcome.position),
                tr(f"kind.{outcome.question.kind}"),
                tone_text(
                    self.app,
                    f"{VERDICT_MARKS[verdict]} {tr(f'verdict.{verdict}')}",
                    VERDICT_TONES[verdict],
                ),
                f"{outcome.points}/{outcome.max_points}",
                clip(outcome.question.prompt.replace("\n", " "), 40),
                key=str(outcome.position),
            )
        table.focus()
        if self.game.outcomes:
            self.show_detail(self.game.outcomes[0])

    def show_detail(self, outcome: Outcome) -> None:
        tr = self.tr
        question = outcome.question
        lines = [f"{outcome.position}. {question.prompt}"]
        if not outcome.skipped:
            lines.append(
                f"{tr('feedback.your_answer')}: {response_text(question, outcome.response)}"
            )
        answer = answer_lines(question, tr)
        lines.append(f"{tr('feedback.answer')}: " + " · ".join(answer))
        if question.explanation:
            lines.append(f"{tr('feedback.source')}: {question.explanation}")
        self.query_one("#results-detail", Static).update("\n".join(lines))

    @on(DataTable.RowHighlighted)
    def row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        index = event.cursor_row
        if 0 <= index < len(self.game.outcomes):
            self.show_detail(self.game.outcomes[index])

    @on(Button.Pressed, "#replay")
    def replay_pressed(self) -> None:
        self.action_replay()

    @on(Button.Pressed, "#mistakes")
    def mistakes_pressed(self) -> None:
        self.action_mistakes()

    @on(Button.Pressed, "#home")
    def home_pressed(self) -> None:
        self.action_home()

    def action_replay(self) -> None:
        """The same questions again (the same round, so the same code)."""
        self.dismiss()
        self.app.post_message(RoundAsked(self.info))

    def action_mistakes(self) -> None:
        """A round of the questions this round did not get full marks on."""
        mistakes = self.game.mistakes()
        if not mistakes:
            self.notify(self.tr("results.no_mistakes"))
            return
        self.dismiss()
        self.app.post_message(RoundAsked(self.info.of_questions(mistakes)))

    def action_home(self) -> None:
        """Back to the home screen."""
        self.dismiss()
