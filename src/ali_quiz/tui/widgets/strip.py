"""The status line's strip: one mark per question of the round, coloured by its answer."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from textual.content import Content

from ali_quiz.quiz.rounds import Outcome

#: One mark per verdict, so the strip reads without its colours too.
MARKS = {"right": "✓", "partial": "◐", "wrong": "✗", "skipped": "→", "current": "▸", "todo": "·"}
STYLES = {
    "right": "$text-success",
    "partial": "$text-warning",
    "wrong": "$text-error",
    "skipped": "$text-muted",
    "current": "bold",
    "todo": "$text-muted",
}


def streak(outcomes: Sequence[Outcome]) -> int:
    """How many answers in a row, up to the last one, earned full marks."""
    count = 0
    for outcome in reversed(outcomes):
        if not outcome.correct:
            break
        count += 1
    return count


def bucket_verdict(outcomes: Sequence[Outcome]) -> str:
    """One verdict for several answers: right or wrong when all agree, else partial."""
    verdicts = {o.verdict for o in outcomes}
    if len(verdicts) == 1:
        return verdicts.pop()
    if verdicts <= {"wrong", "skipped"}:
        return "wrong"
    return "partial"


def strip_states(
    outcomes: Sequence[Outcome], total: int, cells: int, *, asking: bool = True
) -> list[str]:
    """The state of each cell: a verdict, `current` or `todo`.

    One cell per question while the round fits in `cells`; a longer round shares each cell
    among several questions (a cell is answered once any of its questions is). `asking`: the
    next question is on screen (not the feedback of the last one), and is marked current.
    """
    if total <= 0:
        return []
    cells = max(1, min(cells, total))
    states: list[str] = []
    done = len(outcomes)
    for cell in range(cells):
        first = cell * total // cells
        last = (cell + 1) * total // cells  # exclusive
        answered = outcomes[first : min(last, done)]
        if answered:
            states.append(bucket_verdict(answered))
        elif first == done and asking:
            states.append("current")
        else:
            states.append("todo")
    return states


def strip_content(
    outcomes: Sequence[Outcome], total: int, cells: int, *, asking: bool = True
) -> Content:
    """The strip as coloured marks: `✓✓◐✗▸·····`."""
    # One styled run per group of equal marks, not one per mark: each run is a style to
    # resolve and a segment to draw, in every frame that redraws the status line.
    return Content("").join(
        Content.styled(MARKS[state] * len(list(run)), STYLES[state])
        for state, run in groupby(strip_states(outcomes, total, cells, asking=asking))
    )
