"""A finished round in figures: accuracy by kind, time per question, and the one-line share text.

The results screen shows these; they read only the round's outcomes (the same numbers the
history records), so they are plain functions any front end can use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ali_quiz.i18n import Translator
from ali_quiz.percents import percent_of
from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.grading import order_item_shares
from ali_quiz.quiz.kinds import MatchQuestion, OrderQuestion, Question, Response
from ali_quiz.quiz.rounds import Outcome
from ali_quiz.safety.text import visible
from ali_quiz.textwidth import clip

#: One square per question in the share text, as word games share their grids.
SHARE_MARKS = {"right": "🟩", "partial": "🟨", "wrong": "🟥", "skipped": "⬜"}


@dataclass(frozen=True, kw_only=True)
class KindScore:
    """Points won out of points possible on the questions of one kind."""

    kind: str
    questions: int
    points: int
    max_points: int

    @property
    def percent(self) -> int:
        return percent_of(self.points, self.max_points)


def kind_scores(outcomes: Sequence[Outcome]) -> tuple[KindScore, ...]:
    """Accuracy per question kind, kinds in the order they first came up in the round."""
    totals: dict[str, tuple[int, int, int]] = {}
    for outcome in outcomes:
        count, points, most = totals.get(outcome.question.kind, (0, 0, 0))
        totals[outcome.question.kind] = (
            count + 1,
            points + outcome.points,
            most + outcome.max_points,
        )
    return tuple(
        KindScore(kind=kind, questions=count, points=points, max_points=most)
        for kind, (count, points, most) in totals.items()
    )


def total_seconds(outcomes: Sequence[Outcome]) -> float:
    """Time spent on the answers (each from its question shown to its answer given)."""
    return sum(outcome.seconds for outcome in outcomes)


def seconds_per_question(outcomes: Sequence[Outcome]) -> float | None:
    """The mean time per answered or skipped question (None before any)."""
    return total_seconds(outcomes) / len(outcomes) if outcomes else None


def duration_text(tr: Translator, seconds: float) -> str:
    """A duration: `8.4 s` (`8.4 秒`) under a minute, else as a clock reads it, `2:05`."""
    if seconds < 59.95:
        return tr("results.seconds", seconds=f"{seconds:.1f}")
    whole = int(seconds + 0.5)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def share_marks(outcomes: Sequence[Outcome]) -> str:
    """A square per question, in round order: 🟩 right, 🟨 partly right, 🟥 wrong, ⬜ skipped."""
    return "".join(SHARE_MARKS[outcome.verdict] for outcome in outcomes)


#: A share line is a line for a chat: a pack's title of any length is cut to this (with "…"),
#: so the line keeps its score and squares in sight (at 80 columns, on its first line).
SHARE_TITLE_COLUMNS = 40


def share_text(
    tr: Translator,
    *,
    pack: str,
    mode: str,
    outcomes: Sequence[Outcome],
    max_score: int,
    code: str | None,
) -> str:
    """The one line a player shares: pack, mode, score, a square per question, the round code.

    `max_score` is the whole round's, so a round left early never reads as perfect. The
    pack's title is shown as every screen shows data (control characters as escapes), cut to
    `SHARE_TITLE_COLUMNS`.
    """
    score = sum(outcome.points for outcome in outcomes)
    return tr(
        "results.share",
        pack=clip(visible(" ".join(pack.split())), SHARE_TITLE_COLUMNS),
        mode=tr(f"mode.{mode}"),
        score=score,
        max=max_score,
        percent=percent_of(score, max_score),
        marks=share_marks(outcomes),
        code=tr("results.share_code", code=code) if code else "",
    )


def marked_response(question: Question, response: Response | None) -> list[tuple[str, str]] | None:
    """An order or match response item by item, each with its verdict (right, partial, wrong)
    as the class report grades it; None for other kinds (their response is one value).

    Order: the items in the player's order, `B. text`; an item is right when all its pairs are
    in the right order, partial when some are. Match: each left item with the right item the
    player gave it, `1. left → C. right`, right or wrong.
    """
    if isinstance(question, OrderQuestion) and isinstance(response, list):
        labels = {item.id: (letter(i), item.text) for i, item in enumerate(question.items)}
        shares = order_item_shares(question.answer, response)
        marked = []
        for item_id in response:
            if item_id not in labels:
                continue
            share = shares.get(item_id, 0)
            verdict = "right" if share == 1 else "partial" if share > 0 else "wrong"
            label, text = labels[item_id]
            marked.append((f"{label}. {text}", verdict))
        return marked
    if isinstance(question, MatchQuestion) and isinstance(response, dict):
        right = {item.id: (letter(i), item.text) for i, item in enumerate(question.right)}
        wanted = dict(question.answer)
        marked = []
        for number, item in enumerate(question.left, start=1):
            given = response.get(item.id)
            target = f"{right[given][0]}. {right[given][1]}" if given in right else "—"
            verdict = "right" if given is not None and given == wanted.get(item.id) else "wrong"
            marked.append((f"{number}. {item.text} → {target}", verdict))
        return marked
    return None
