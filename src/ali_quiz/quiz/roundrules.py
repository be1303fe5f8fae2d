"""The rules a round's questions are checked against as it is drawn (quiz.composition): what
the round holds so far (the facts it asked, the wordings it used, what it has shown and told),
whether a new question breaks no rule against it (`fits`), and taking one in (`_accept`).
"""

from __future__ import annotations

from collections import Counter

from ali_quiz.packs.model import Metric
from ali_quiz.quiz.dating import DateKeys, eliminated
from ali_quiz.quiz.giveaway import Shown, answer_keys
from ali_quiz.quiz.kinds import ChoiceQuestion, Question
from ali_quiz.quiz.makers import Makers, Picker
from ali_quiz.quiz.told import Told

ONE_KIND_SHARED = 3  # a one-kind round's questions share fewer facts than this


class RoundRules:
    """The rules of RoundComposer (its state, set by its `__init__`)."""

    makers: Makers
    picker: Picker
    require: str | None  # a fact the next question must ask about
    held: set[str]  # the facts a fresh round holds back
    review: dict[str, float] | None
    mixed: bool
    strict: bool  # one question per wording and per sequence, until nothing else fits
    seen: set[str]
    asked: list[frozenset[str]]
    ledger: set[str]
    templates_asked: set[str]
    authored_ids: set[str]
    sequence_of: dict[str, str]
    metrics: dict[str, Metric]
    dates: DateKeys
    shown: Shown
    told: Told
    kinds_used: Counter[str]
    passage_of: dict[str, str]
    last_passage: str | None

    def fits(self, question: Question) -> bool:
        """Whether the question breaks no rule against the round so far."""
        if question.id in self.seen:
            return False
        facts = frozenset(question.facts)
        if self.require is not None and self.require not in (*facts, question.id):
            return False
        if self.held and not self.held.isdisjoint(question.facts or (question.id,)):
            return False
        if self.review is not None and not any(
            self.review.get(f, 0) > 0 for f in (*facts, question.id)
        ):
            return False
        if self.mixed:
            if facts & self.ledger:
                return False
            if self._template(question) in self.templates_asked and (
                self.strict or self._on_sequence(question)
            ):
                # A wording twice, while others fit; the same question on one sequence twice
                # (its items and prompt alike), never.
                return False
        elif any(len(facts & earlier) >= ONE_KIND_SHARED for earlier in self.asked):
            return False
        if isinstance(question, ChoiceQuestion) and eliminated(
            question, self.makers.facts, self.shown, self.dates
        ):
            return False
        if self.shown.reveals(answer_keys(question, self.metrics, self.dates)) is not None:
            return False
        # Nor a relation an earlier question told (a pair matched, two items ordered), nor
        # every wrong option of a "before (after)…" dated already.
        return not self.told.given(question) and not self.told.eliminated(question)

    def _template(self, question: Question) -> str:
        """A question's wording: `choice-first-event` of `choice-first-event-<hash>`; an
        authored question is a wording of its own."""
        if question.id in self.authored_ids:
            return question.id
        return question.id.rsplit("-", 1)[0]

    def _on_sequence(self, question: Question) -> bool:
        sequence_of = self.sequence_of
        return bool(sequence_of) and any(f in sequence_of for f in question.facts)

    def _accept(self, question: Question) -> None:
        facts = frozenset(question.facts)
        self.seen.add(question.id)
        self.asked.append(facts)
        self.picker.asked.append(facts)
        self.ledger |= facts
        authored = question.id in self.authored_ids and question.kind != "text"
        self.kinds_used["authored" if authored else question.kind] += 1
        self.templates_asked.add(self._template(question))
        self.picker.mark(question.facts or (question.id,))
        if self.mixed:
            self.picker.blocked |= facts
        self.shown.add(question)
        self.told.add(question)
        self.last_passage = self.passage_of.get(question.id)
