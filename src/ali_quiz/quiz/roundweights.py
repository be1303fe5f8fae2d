"""How a round draws its next form (quiz.composition): each form's weight, shrinking as the
round uses it, and in a quick or daily round each kind's share of the round (`KIND_SHARE`): a
draw first picks a kind by how far it is behind its share, then a form of that kind, and the
pack's own questions take a share of the draw of their own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ali_quiz.quiz.makers import Form
from ali_quiz.quiz.modes import MAX_COUNT

# A quick round's share of each kind: 10 questions hold about 3-4 choices, 2 orders, 2 matches,
# 1-2 estimates, one of the pack's own questions and, in the rounds that draw one, a text one.
KIND_SHARE = {
    "choice": 3.5,
    "order": 2.0,
    "match": 2.0,
    "estimate": 1.5,
    "authored": 1.5,  # the pack's own questions but text ones
    "text": 1.0,
}
_AHEAD = 0.01  # the weight left to a kind ahead of its share, per unit of share
AUTHORED_PER = 10  # a mixed round holds one authored question per this many questions
_REUSE = 0.25  # a form's weight shrinks this much each time the round uses it
# _REUSE**used for each use a round may make of a form (one a question, MAX_COUNT at most):
# looked up, not raised to a power at every draw.
_SHRUNK = tuple(_REUSE**used for used in range(MAX_COUNT + 1))


@dataclass(eq=False)  # mutable state: equal only to itself
class Slot:
    """A form of question in a round, with how often it failed or was used."""

    form: Form
    kind: str  # the kind of question it makes (an authored question's own kind)
    failures: int = 0
    used: int = 0
    dead: bool = False
    off: bool = False  # left out of this round (a form of few questions), unless it must ask


class DrawWeights:
    """The weights of RoundComposer's draw (its state, set by its `__init__`)."""

    slots: list[Slot]
    require: str | None  # a fact the next question must ask about
    any_authored: bool
    authored_slots: list[bool]
    authored_asked: int
    authored_lean: dict[str, float]
    authored_share: float
    count: int
    mixed: bool
    balanced: bool
    strict: bool
    held: set[str]
    wordings: list[int]
    share_kinds: list[str]
    kinds_used: Counter[str]

    def _weights(self) -> list[float]:
        loose = self.require is None  # a form left out of the round may ask the focus fact
        shrunk = _SHRUNK
        weights = [
            0.0 if slot.dead or (slot.off and loose) else slot.form.weight * shrunk[slot.used]
            for slot in self.slots
        ]
        if not self.any_authored:  # (most packs): no share of the draw to work out for them
            return self._balanced(weights) if self.balanced else weights
        flags = self.authored_slots
        authored = [i for i, flag in enumerate(flags) if flag and weights[i] > 0]
        generated = sum(w for w, flag in zip(weights, flags, strict=True) if not flag)
        enough = self.authored_asked >= max(1, self.count // AUTHORED_PER)
        leans = [self.authored_lean.get(self.slots[i].form.name, 1.0) for i in authored]
        for i, lean in zip(authored, leans, strict=True):
            if self.mixed and enough and (generated or self.held):
                # Enough of the pack's own questions for a mixed round of this size: they are
                # drawn like any form, not left to fill every round's end.
                weights[i] = 0.0
            else:
                # A share of the draw, however many forms are left: never most of a round's end.
                share = self.authored_share * generated / sum(leans) if generated else 1.0
                weights[i] = share * lean
        if self.balanced:
            weights = self._balanced(weights)
        return weights

    def _balanced(self, weights: list[float]) -> list[float]:
        """The draw of a quick round: forms not used yet, each kind by how far it is behind."""
        slots, kinds = self.slots, self.share_kinds
        if self.strict:
            fresh = [
                0.0 if slot.used >= wordings else w
                for slot, wordings, w in zip(slots, self.wordings, weights, strict=True)
            ]
            if any(fresh):
                weights = fresh
        if self.require is not None:
            return weights  # the focus fact decides the kind
        totals: dict[str, float] = {}
        for kind, weight in zip(kinds, weights, strict=True):
            if weight > 0:
                totals[kind] = totals[kind] + weight if kind in totals else weight
        used = self.kinds_used.get  # (a Counter's [] calls a method for a kind not used yet)
        whole, asked = 0.0, 1
        for kind in totals:
            whole += KIND_SHARE.get(kind, 1.0)
            asked += used(kind, 0)
        # How far each kind is behind its share (they add up to one question); a kind ahead
        # keeps a trace of its weight, for when the kinds behind can give nothing that fits.
        behind: dict[str, float] = {}
        for kind in totals:
            share = KIND_SHARE.get(kind, 1.0)
            behind[kind] = max(share * _AHEAD, share / whole * asked - used(kind, 0))
        return [
            weight / totals[kind] * behind[kind] if weight > 0 else 0.0
            for kind, weight in zip(kinds, weights, strict=True)
        ]


def authored_slot(slot: Slot) -> bool:
    return slot.form.kind == "authored"


def share_kind(slot: Slot) -> str:
    """What a quick round balances: each generated kind, and the pack's own questions."""
    return "authored" if authored_slot(slot) and slot.kind != "text" else slot.kind
