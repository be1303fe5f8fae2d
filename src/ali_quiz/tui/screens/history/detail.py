"""One round of the history: every answer, as the texts that were shown."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from ali_quiz.history import export
from ali_quiz.history.describe import match_sides, readable, round_questions
from ali_quiz.history.records import AnswerRecord, RoundRecord
from ali_quiz.packs.model import Pack
from ali_quiz.percents import percent_of
from ali_quiz.safety.text import visible
from ali_quiz.tui.screens.base import QuizModal, css_file
from ali_quiz.tui.screens.history.view import mode_name


class RoundDetail(QuizModal[None]):
    """Every answer of one round."""

    CSS_PATH = css_file("history.tcss")
    BINDINGS = [Binding("escape", "close", "history.key_close")]

    def __init__(
        self,
        entry: RoundRecord,
        labels: dict[tuple[str, str], str],
        pack_titles: dict[str, str],
        packs: Sequence[Pack] = (),
    ) -> None:
        super().__init__()
        self.entry, self.labels, self.pack_titles = entry, labels, pack_titles
        # The round made again, when it can be, so answers read as the texts that were shown;
        # else its facts by name, where the recorded ids are facts.
        self.questions = round_questions(entry, packs)
        # Else a generated match's right side, as far as its facts tell it.
        self.pack = next(
            (p for p in packs if p.id == entry.pack and p.content_hash == entry.pack_hash), None
        )
        self.fact_names = {f: name for (pack, f), name in labels.items() if pack == entry.pack}

    def compose_dialog(self) -> ComposeResult:
        e, tr = self.entry, self.tr
        with Vertical(id="detail"):
            yield Label(
                tr(
                    "history.detail_title",
                    id=e.id,
                    pack=self.pack_titles.get(e.pack, e.pack),
                    mode=mode_name(tr, e.mode),
                ),
                id="detail-title",
                markup=False,
            )
            # An unfinished round's score is over the whole round: it never looks perfect.
            total = e.max_score if e.finished else e.round_max
            score = f"{e.score}/{total} ({percent_of(e.score, total)}%)" if total else "—"
            info = tr(
                "history.detail_info",
                start=e.started_at[:16].replace("T", " "),
                state=tr("history.finished" if e.finished else "history.unfinished"),
                score=score,
                time=export.duration_text(e.seconds),
            )
            yield Label(info, id="detail-info", markup=False)
            with VerticalScroll(id="answers"):
                if not e.answers:
                    yield Static(tr("history.no_answers"), markup=False)
                for a in e.answers:
                    yield Static(self.answer_text(a), classes="answer")
            yield Button(tr("history.key_close"), id="close")

    def answer_text(self, a: AnswerRecord) -> Text:
        tr = self.tr
        full = a.points >= a.max_points
        text = Text()
        text.append(f"{a.position}. ", style="bold")
        text.append(f"{mode_name(tr, a.kind)} · ")
        text.append(
            tr("history.points", points=a.points, max=a.max_points),
            style="green" if full else "yellow" if a.points else "red",
        )
        text.append(" · " + tr("history.seconds", seconds=a.seconds) + "\n")
        # The prompt and answers are data (a pack's texts, a typed answer): their control
        # characters are shown as escapes, as on the play screen (the last guard dropped them).
        text.append(visible(a.prompt) + "\n")
        question = self.questions.get(a.question_id)
        sides = None if question else match_sides(a.question_id, a.facts, a.answer, self.pack)
        labels = self.fact_names
        yours = (
            tr("history.skipped")
            if a.skipped
            else visible(readable(question, a.response, facts=a.facts, labels=labels, sides=sides))
        )
        text.append(tr("label.colon", label=tr("history.your_answer")), style="dim")
        text.append(yours + "\n")
        text.append(tr("label.colon", label=tr("history.correct")), style="dim")
        text.append(
            visible(readable(question, a.answer, facts=a.facts, labels=labels, sides=sides))
        )
        return text

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
