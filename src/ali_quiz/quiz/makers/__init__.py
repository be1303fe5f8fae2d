"""Question makers: each turns some of a pack's facts into one question of one form.

`Makers` gathers every form; `forms()` lists them by kind, each with the weight a round draws
it by (a form that can make many questions weighs more than one that makes a few).
"""

from __future__ import annotations

from collections.abc import Callable, Sized
from dataclasses import dataclass

from ali_quiz.quiz.kinds import Question
from ali_quiz.quiz.makers.authored import AuthoredMaker
from ali_quiz.quiz.makers.base import LETTERS, question_id
from ali_quiz.quiz.makers.figures import FigureMakers
from ali_quiz.quiz.makers.picker import Picker
from ali_quiz.quiz.makers.releases import ReleaseMakers
from ali_quiz.quiz.makers.timeline import TimelineMakers
from ali_quiz.record import Record

_MANY = 24  # the weight of a form that puts several facts together
_FLOOR = 1  # the least weight of a form that can ask anything

__all__ = ["LETTERS", "Form", "Makers", "Picker", "question_id"]


@dataclass(frozen=True, eq=False, repr=False)
class Form(Record):
    """One question form: its kind, its name and the maker that makes it."""

    kind: str
    name: str
    make: Callable[[], Question | None]
    weight: float
    reach: int = 0  # how many questions it can make, when few (it asks one fact); 0: many
    wordings: int = 1  # its templates (first or last, before or after): a quick round's each once


class Makers(TimelineMakers, FigureMakers, ReleaseMakers, AuthoredMaker):
    """The question makers for one pack and one round."""

    def forms(self) -> list[Form]:
        """Every generated form, weighed by how many different questions it can make.

        A form that puts several facts together (an order, a match, the first of three) makes a
        new question almost every time and weighs the most; a form that asks one fact weighs
        a quarter of its number of facts (at least one), so that no question comes every round;
        the round's focus fact (generate.focus_fact) brings up the facts only it asks about.
        """
        f = self.facts
        timeline = len(f.timeline)
        items = sum(len(s.items) for s in f.orderable_sequences)
        many = float(_MANY)
        forms = [
            Form("order", "timeline", self.order_timeline, many if timeline >= 3 else 0),
            Form("order", "sequence", self.order_sequence, min(many, items)),
            Form("match", "dates", self.match_dates, many if timeline >= 3 else 0),
            # Three releases with one highlight each: a new question almost every time.
            Form("match", "highlights", self.match_highlights, _few(f.versions_with_highlights)),
            # Figures pair in few ways (two or more of each unit): in a share of rounds only.
            Form(
                "match",
                "figures",
                self.match_figures,
                _few(f.pairable_figures),
                len(f.pairable_figures),
            ),
            Form("estimate", "figure", self.estimate, _few(f.estimable), len(f.estimable)),
            Form("choice", "when", self.choice_when, _one(f.timeline), len(f.timeline)),
            Form("choice", "what", self.choice_what, _one(f.timeline), len(f.timeline)),
            Form("choice", "before", self.choice_before, many if timeline >= 4 else 0, wordings=2),
            Form(
                "choice",
                "first-event",
                self.choice_first_event,
                many if timeline >= 3 else 0,
                wordings=2,
            ),
            Form("choice", "first", self.choice_first, min(many, items), wordings=2),
            Form("choice", "next", self.choice_next, min(many, items), wordings=2),
            Form("choice", "state", self.choice_state, _few(f.states), len(f.states)),
            Form(
                "choice",
                "figure",
                self.choice_figure,
                _few(f.choosable_figures),
                len(f.choosable_figures),
            ),
            Form("choice", "small", self.choice_small, _few(f.small_figures), len(f.small_figures)),
            Form(
                "choice",
                "largest",
                self.choice_largest,
                _few(f.comparable_figures),
                len(f.comparable_figures),
                wordings=2,
            ),
            Form(
                "choice",
                "release",
                self.choice_release,
                _few(f.choosable_releases),
                len(f.choosable_releases),
            ),
            Form(
                "choice",
                "brought",
                self.choice_brought,
                _few(f.versions_with_highlights),
                f.highlight_count,
            ),
            Form("choice", "codename", self.choice_codename, _few(f.codenamed), len(f.codenamed)),
        ]
        return [form for form in forms if form.weight > 0]


def _one(facts: Sized) -> float:
    """The weight of a form that asks one fact of a list the multi-fact forms draw from too:
    low, since each such question leaves the others one fact fewer to put together."""
    return 1.0 if len(facts) else 0.0


def _few(facts: Sized) -> float:
    """The weight of a form that asks about one fact of these."""
    return 0.0 if not len(facts) else max(_FLOOR, len(facts) / 4)
