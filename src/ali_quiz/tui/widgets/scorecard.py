"""The results screen's texts: the round against the player's last and best, its time, accuracy
by kind (a line, or bars), and one question's detail (the player's answer marked item by item,
the right answer, the source). Data text (prompts, items, sources) stays Content, never markup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from textual.content import Content

from ali_quiz.i18n import Translator
from ali_quiz.percents import percent_text
from ali_quiz.quiz.answers import answer_lines, response_text
from ali_quiz.quiz.rounds import Outcome
from ali_quiz.quiz.scorecard import (
    duration_text,
    kind_scores,
    marked_response,
    seconds_per_question,
    total_seconds,
)
from ali_quiz.textwidth import clip, pad, width
from ali_quiz.tui.shown import on_screen
from ali_quiz.tui.widgets.feedback import VERDICT_MARKS

if TYPE_CHECKING:
    from ali_quiz.history.progress import Standing

VERDICT_TONES = {"right": "success", "partial": "warning", "wrong": "error", "skipped": "muted"}
BAR = 10  # cells of a kind's accuracy bar
KIND_NAME = 12  # columns a kind's name may take beside its bar


def tone_of(percent: int) -> str:
    """The colour a percentage reads in: green from 80, amber from 50, else red."""
    return "success" if percent >= 80 else "warning" if percent >= 50 else "error"


def shown(value: float) -> int:
    """A percentage as percent_text shows it (whole, halves up), to subtract shown figures."""
    return int(percent_text(value).rstrip("%"))


def compare_content(tr: Translator, standing: Standing, percent: float) -> Content:
    """A round of `percent` against the player's earlier rounds of its pack and mode."""
    if standing.rounds == 0 or standing.best is None or standing.last is None:
        return Content(tr("results.first"))
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


def time_line(tr: Translator, outcomes: Sequence[Outcome]) -> str:
    """The time the answers took, and per question."""
    each = seconds_per_question(outcomes)
    if each is None:
        return ""
    return tr(
        "results.time",
        total=duration_text(tr, total_seconds(outcomes)),
        each=duration_text(tr, each),
    )


def kinds_line(tr: Translator, outcomes: Sequence[Outcome]) -> Content:
    """Accuracy by kind on one line (narrow terminals)."""
    parts = [
        Content.from_markup(
            f"$kind [${'text-' + tone_of(score.percent)}]$percent%[/]",
            kind=tr(f"kind.{score.kind}"),
            percent=str(score.percent),
        )
        for score in kind_scores(outcomes)
    ]
    label = Content.from_markup(
        "[dim]$label[/dim]", label=tr("label.colon", label=tr("results.kinds"))
    )
    return label + Content(" · ").join(parts)


def kinds_bars(tr: Translator, outcomes: Sequence[Outcome]) -> Content:
    """Accuracy by kind, a bar each (wide terminals)."""
    scores = kind_scores(outcomes)
    names = [clip(tr(f"kind.{score.kind}"), KIND_NAME) for score in scores]
    name_width = max((width(name) for name in names), default=0)
    lines = []
    for name, score in zip(names, scores, strict=True):
        filled = (score.percent * BAR + 50) // 100
        lines.append(
            Content.from_markup(
                f"$name [${'text-' + tone_of(score.percent)}]$bar[/][dim]$rest[/] "
                "$percent% [dim]($count)[/dim]",
                name=pad(name, name_width),
                bar="█" * filled,
                rest="░" * (BAR - filled),
                percent=str(score.percent).rjust(3),
                count=str(score.questions),
            )
        )
    return Content("\n").join(lines)


def response_line(tr: Translator, outcome: Outcome) -> Content:
    """What the player answered; an order or match item by item, each with its mark."""
    label = Content.from_markup(
        "[b]$label[/b]", label=tr("label.colon", label=tr("feedback.your_answer"))
    )
    marked = marked_response(outcome.question, outcome.response)
    if marked is None:
        return label + Content(response_text(outcome.question, outcome.response))
    parts = [
        Content.from_markup(
            f"[${'text-' + VERDICT_TONES[verdict]}]$mark[/] $text",
            mark=VERDICT_MARKS[verdict],
            text=text,
        )
        for text, verdict in marked
    ]
    return label + Content(" · ").join(parts)


def detail_content(tr: Translator, outcome: Outcome) -> Content:
    """One question: its prompt and mark, the player's answer, the right one, the source."""
    question = on_screen(outcome.question)
    outcome = replace(outcome, question=question)
    lines = [
        Content.from_markup(
            "[b]$position. $verdict[/b] · $prompt",
            position=str(outcome.position),
            verdict=tr(f"verdict.{outcome.verdict}"),
            prompt=question.prompt,
        )
    ]
    if not outcome.skipped:
        lines.append(response_line(tr, outcome))
    lines.append(
        Content.from_markup(
            "[b $text-success]$label[/]$text",
            label=tr("label.colon", label=tr("feedback.answer")),
            text=" · ".join(answer_lines(question, tr)),
        )
    )
    if question.explanation:
        lines.append(
            Content.from_markup(
                "[dim]$label$text[/dim]",
                label=tr("label.colon", label=tr("feedback.source")),
                text=question.explanation,
            )
        )
    return Content("\n").join(lines)
