"""Round composition: every rule of a good round enforced while the round is drawn.

Each slot draws a question form by weight (authored questions are forms of their own, weighing
less, so they are not in every round), asks it for a question, and keeps the question only if
it breaks no rule against what the round already holds:

- a fact ledger: in a mixed round no fact is asked twice; in a one-kind round no two questions
  share three facts;
- no give-away: nothing the round has shown states the new question's answer;
- never the same question twice.

When no form can give a question that fits, the round ends shorter rather than break a rule.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ali_quiz.packs.model import AuthoredQuestion, Pack
from ali_quiz.quiz.giveaway import answer_keys
from ali_quiz.quiz.kinds import Question
from ali_quiz.quiz.makers import Form, Makers

MIXED_MODES = ("quick", "daily", "review")
# The share of each draw that goes to authored questions, in a mixed round or not: they weigh
# this much of what the generated forms still able to give weigh together.
AUTHORED_SHARE = {True: 0.05, False: 0.25}
ONE_KIND_SHARED = 3  # a one-kind round's questions share fewer facts than this
_ATTEMPTS = 16  # draws per slot before the round is taken as full
AUTHORED_PER = 10  # a mixed round holds one authored question per this many questions
FULL_REACH = 20  # a form that can make this many questions is in every mixed round
_GIVE_UP = 4  # a form that gave nothing this many slots running is dropped
_REUSE = 0.25  # a form's weight shrinks this much each time the round uses it


@dataclass
class _Slot:
    """A form of question in a round, with how often it failed or was used."""

    form: Form
    failures: int = 0
    used: int = 0
    dead: bool = False
    off: bool = False  # left out of this round (a form of few questions), unless it must ask


class RoundComposer:
    """Draws one round's questions, form by form, keeping only those that fit."""

    def __init__(
        self,
        pack: Pack,
        makers: Makers,
        mode: str,
        kinds: list[str],
        weights: dict[str, float] | None,
        focus: list[str] | None = None,
    ) -> None:
        self.makers = makers
        self.focus = focus or []
        self.require: str | None = None  # a fact the next question must ask about
        self.rng = makers.rng
        self.picker = makers.picker
        self.mixed = mode in MIXED_MODES
        self.review = weights if mode == "review" else None
        forms = [f for f in makers.forms() if f.kind in kinds]
        self.authored_share = AUTHORED_SHARE[self.mixed]
        self.authored_asked = 0
        self.count = 0
        forms += [
            _authored_form(makers, q)
            for q in pack.questions
            if (authored_kind(q) in kinds or (self.mixed and q.kind == "text"))
        ]
        self.slots = [_Slot(form) for form in forms]
        self.passage_of = {q.id: q.passage_id for q in pack.questions if q.passage_id}
        self.last_passage: str | None = None
        if self.mixed:
            # A form of few questions comes in a share of the rounds only, and once at most:
            # otherwise its few questions would fill the end of every round.
            for slot in self.slots:
                reach = slot.form.reach
                slot.off = 0 < reach < FULL_REACH and self.rng.random() * FULL_REACH >= reach
        self.metrics = {m.id: m for m in pack.metrics}
        self.seen: set[str] = set()
        self.asked: list[frozenset[str]] = []
        self.ledger: set[str] = set()
        self.kinds_used: Counter[str] = Counter()
        self.shown = self.picker.shown
        if not self.mixed:
            self.picker.shared_limit = ONE_KIND_SHARED

    def build(self, count: int) -> list[Question]:
        self.count = count
        questions: list[Question] = []
        for fact in self.focus:
            if len(questions) >= count:
                break
            if fact in self.ledger:
                continue
            question = self._focused(fact)
            if question is not None:
                self._accept(question)
                questions.append(question)
        while len(questions) < count:
            question = self._next()
            if question is None and any(slot.off and not slot.dead for slot in self.slots):
                # Nothing else fits: the forms left out of this round may fill it after all.
                for slot in self.slots:
                    slot.off = False
                question = self._next()
            if question is None:
                break
            self._accept(question)
            questions.append(question)
        return questions

    def _weight(self, slot: _Slot) -> float:
        if slot.dead or (slot.off and self.require is None):
            return 0.0
        return slot.form.weight * _REUSE**slot.used

    def _focused(self, fact: str) -> Question | None:
        """A first question on the round's focus fact, when some form can ask it."""
        picker = self.picker
        saved = picker.weights
        picker.weights = {fact: 1.0}
        self.require = fact
        try:
            return self._next()
        finally:
            picker.weights = saved
            self.require = None

    def _weights(self) -> list[float]:
        weights = [self._weight(slot) for slot in self.slots]
        authored = [i for i, s in enumerate(self.slots) if s.form.kind == "authored" and not s.dead]
        generated = sum(w for i, w in enumerate(weights) if self.slots[i].form.kind != "authored")
        enough = self.authored_asked >= max(1, self.count // AUTHORED_PER)
        if self.mixed and enough and generated:
            # Enough of the pack's own questions for a mixed round of this size: they are
            # drawn like any form, not left to fill every round's end.
            for i in authored:
                weights[i] = 0.0
            return weights
        for i in authored:
            # A share of the draw, however many forms are left: never most of a round's end.
            weights[i] = self.authored_share * generated / len(authored) if generated else 1.0
        return weights

    def _next(self) -> Question | None:
        weights = self._weights()
        readers = self._same_passage(weights)
        if readers:
            # Questions on one reading passage come together: it is shown (and printed) once.
            weights = [w if i in readers else 0.0 for i, w in enumerate(weights)]
        attempts = _ATTEMPTS
        if self.require is not None:
            # Each form gets its turn, by weight, until one asks about the focus fact.
            attempts = len(weights)
        tried: set[int] = set()
        for _ in range(attempts):
            if not any(w > 0 for w in weights):
                break
            index = self.rng.weighted_index(weights)
            slot = self.slots[index]
            question = slot.form.make()
            authored = slot.form.kind == "authored"
            if question is not None and self.fits(question):
                slot.failures = 0
                slot.used += 1
                slot.dead = authored  # asked: an authored question is one question
                self.authored_asked += authored
                slot.off = self.mixed and slot.form.reach > 0
                return question
            if authored:
                # A round only grows: what does not fit now never will.
                slot.dead = self.require is None

                weights[index] = 0.0
                continue
            # Drawn less for the rest of this slot (not at all when it must ask one fact).
            weights[index] = 0.0 if self.require is not None else weights[index] / 4
            if index not in tried:
                tried.add(index)
                slot.failures += 1
                slot.dead = slot.failures >= _GIVE_UP
        return None

    def _same_passage(self, weights: list[float]) -> set[int]:
        """The authored forms still open that read the passage the last question read."""
        if self.last_passage is None:
            return set()
        return {
            i
            for i, slot in enumerate(self.slots)
            if weights[i] > 0 and self.passage_of.get(slot.form.name) == self.last_passage
        }

    def fits(self, question: Question) -> bool:
        """Whether the question breaks no rule against the round so far."""
        if question.id in self.seen:
            return False
        facts = frozenset(question.facts)
        if self.require is not None and self.require not in (*facts, question.id):
            return False
        if self.review is not None and not any(
            self.review.get(f, 0) > 0 for f in (*facts, question.id)
        ):
            return False
        if self.mixed:
            if facts & self.ledger:
                return False
        elif any(len(facts & earlier) >= ONE_KIND_SHARED for earlier in self.asked):
            return False
        return self.shown.reveals(answer_keys(question, self.metrics)) is None

    def _accept(self, question: Question) -> None:
        facts = frozenset(question.facts)
        self.seen.add(question.id)
        self.asked.append(facts)
        self.picker.asked.append(facts)
        self.ledger |= facts
        self.kinds_used[question.kind] += 1
        self.picker.mark(question.facts or (question.id,))
        if self.mixed:
            self.picker.blocked |= facts
        self.shown.add(question)
        self.last_passage = self.passage_of.get(question.id)


def authored_kind(question: AuthoredQuestion) -> str:
    """The kind an authored question is drawn with: select-all-that-apply with the choices."""
    return "choice" if question.kind == "multi" else question.kind


def _authored_form(makers: Makers, question: AuthoredQuestion) -> Form:
    return Form("authored", question.id, lambda: makers.authored(question), 1.0)
