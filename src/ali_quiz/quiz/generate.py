"""Rounds from a pack: the same pack, mode, count, seed and date give the same questions anywhere.

Modes: `quick` mixes every kind the pack can make, `order`/`match`/`estimate`/`choice` ask one
kind, `daily` is a quick round whose seed comes from the pack and the date, and `review` builds a
round on the facts a player got wrong (weights from the history).
"""

from __future__ import annotations

import hashlib
import secrets
from collections import Counter
from collections.abc import Callable
from datetime import date as Date

from ali_quiz.packs.model import AuthoredQuestion, Pack
from ali_quiz.quiz.codes import MAX_SHORT_SEED
from ali_quiz.quiz.facts import PackFacts, facts_of
from ali_quiz.quiz.kinds import GENERATED_KINDS, Question
from ali_quiz.quiz.makers import Makers, Picker
from ali_quiz.quiz.modes import MAX_COUNT, MODES
from ali_quiz.quiz.rng import Rng

KIND_MODES = GENERATED_KINDS
MIXED_MODES = ("quick", "daily", "review")
# Rounds to play are short; `generate` may list a whole question bank.
# Seeds drawn at random stay small enough for a round code to carry them.
RANDOM_SEED_LIMIT = MAX_SHORT_SEED + 1  # random rounds keep short codes
_ATTEMPTS = 6
_MAKER_WEIGHT = 3
_GIVE_UP = 3

NEEDS = {
    "order": "3 dated events or versions whose dates do not overlap, or a sequence of 3 ranks",
    "match": "3 dated facts with dates apart, 3 versions with highlights, or 3 distinct figures",
    "estimate": "at least one metric",
    "choice": "a fact with a distractor of the same type (two dates apart, two figures of "
    "one unit, a sequence of 2 ranks)",
}


class RoundError(ValueError):
    """A round that cannot be made: a mode the pack cannot serve, no mistakes to review."""


def random_seed() -> int:
    """A fresh seed for a round nobody fixed; small enough to fit a round code."""
    return secrets.randbelow(RANDOM_SEED_LIMIT)


def daily_seed(pack: Pack, day: Date) -> int:
    """The seed of the daily challenge: the same for everyone with this pack on this date."""
    digest = hashlib.sha256(f"daily|{pack.content_hash}|{day.isoformat()}".encode()).hexdigest()
    return int(digest[:12], 16) % RANDOM_SEED_LIMIT


def _capacities(pack: Pack, facts: PackFacts) -> dict[str, bool]:
    authored = {"choice" if q.kind == "multi" else q.kind for q in pack.questions}
    return {
        "order": facts.max_disjoint_dates >= 3
        or bool(facts.orderable_sequences)
        or "order" in authored,
        "match": facts.max_disjoint_dates >= 3
        or facts.matchable_releases >= 3
        or facts.distinct_figures >= 3
        or "match" in authored,
        "estimate": bool(facts.metrics) or "estimate" in authored,
        "choice": facts.max_disjoint_dates >= 2
        or bool(facts.choosable_figures)
        or bool(facts.sequences_with_ranks(2))
        or bool(facts.choosable_releases)
        or "choice" in authored,
    }


def available_kinds(pack: Pack) -> list[str]:
    """The generated kinds this pack has enough facts (or authored questions) for."""
    capacity = _capacities(pack, facts_of(pack))
    return [kind for kind in GENERATED_KINDS if capacity[kind]]


def available_modes(pack: Pack) -> list[str]:
    """Modes to offer for the pack; `review` is not listed (it depends on the history)."""
    kinds = available_kinds(pack)
    has_any = bool(kinds) or any(q.kind == "text" for q in pack.questions)
    mixed = ["quick"] if has_any else []
    return mixed + kinds + (["daily"] if has_any else [])


def kind_warnings(pack: Pack) -> list[str]:
    """One warning per kind the pack has too few facts for (its mode is hidden)."""
    capacity = _capacities(pack, facts_of(pack))
    return [
        f"too few facts for {kind} questions (needs {NEEDS[kind]}): the {kind} mode is hidden"
        for kind in GENERATED_KINDS
        if not capacity[kind]
    ]


def _makers_by_kind(makers: Makers) -> dict[str, list[Callable[[], Question | None]]]:
    return {
        "order": [makers.order_timeline, makers.order_sequence],
        "match": [makers.match_dates, makers.match_highlights, makers.match_figures],
        "estimate": [makers.estimate],
        "choice": [
            makers.choice_when,
            makers.choice_what,
            makers.choice_figure,
            makers.choice_first,
            makers.choice_release,
        ],
        "text": [],
    }


def generate_round(
    pack: Pack,
    mode: str,
    count: int,
    seed: int,
    *,
    date: Date | None = None,
    weights: dict[str, float] | None = None,
) -> list[Question]:
    """The questions of one round, in the order they are asked.

    `daily` ignores `seed` (its seed comes from the pack and `date`); `review` needs `weights`,
    fact id (or authored question id) -> how much it should come back.
    """
    if mode not in MODES:
        raise RoundError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    if not 1 <= count <= MAX_COUNT:
        raise RoundError(f"a round has 1 to {MAX_COUNT} questions, not {count}")
    if mode == "daily":
        seed = daily_seed(pack, date or Date.today())
    if mode == "review" and not weights:
        raise RoundError("no mistakes to review yet: play a few rounds first")
    facts = facts_of(pack)
    capacity = _capacities(pack, facts)
    if mode in KIND_MODES and not capacity[mode]:
        raise RoundError(
            f"the pack {pack.id!r} has too few facts for {mode} questions (needs {NEEDS[mode]})"
        )
    rng = Rng(seed)
    picker = Picker(rng, weights if mode == "review" else None)
    builder = _RoundBuilder(pack, Makers(facts, picker), picker, rng, mode, capacity, weights)
    return builder.build(count)


class _RoundBuilder:
    def __init__(
        self,
        pack: Pack,
        makers: Makers,
        picker: Picker,
        rng: Rng,
        mode: str,
        capacity: dict[str, bool],
        weights: dict[str, float] | None,
    ) -> None:
        self.makers = makers
        self.picker = picker
        self.rng = rng
        self.mode = mode
        self.weights = weights if mode == "review" else None
        self.by_kind = _makers_by_kind(makers)
        self.authored: dict[str, list[AuthoredQuestion]] = {}
        for question in pack.questions:
            # Select-all-that-apply questions are drawn with the choices (and in choice mode).
            kind = "choice" if question.kind == "multi" else question.kind
            self.authored.setdefault(kind, []).append(question)
        if mode in KIND_MODES:
            self.kinds = [mode]
        else:
            kinds = [k for k in GENERATED_KINDS if capacity[k]]
            if self.authored.get("text"):
                kinds.append("text")
            self.kinds = rng.shuffled(kinds)
        self.seen: set[str] = set()
        # Kinds that failed to give a fresh question several times running are passed over
        # for fresh ones: on a large round that saves thousands of doomed attempts.
        self.failures: Counter[str] = Counter()

    def build(self, count: int) -> list[Question]:
        questions: list[Question] = []
        for slot in range(count):
            start = slot % len(self.kinds) if self.kinds else 0
            rotation = self.kinds[start:] + self.kinds[:start]
            question = None
            for fresh_only in (True, False):
                for kind in rotation:
                    question = self.make(kind, fresh_only)
                    if question is not None:
                        break
                if question is not None:
                    break
            if question is None:
                break
            questions.append(question)
            self.seen.add(question.id)
            self.picker.mark(question.facts or (question.id,))
        if self.mode == "review" and not questions:
            raise RoundError("none of the facts you missed are in this pack any more")
        return questions

    def wanted(self, question: Question, fresh_only: bool) -> bool:
        if fresh_only and question.id in self.seen:
            return False
        if self.weights is not None:
            return any(self.weights.get(f, 0) > 0 for f in (*question.facts, question.id))
        return True

    def make(self, kind: str, fresh_only: bool) -> Question | None:
        if fresh_only and self.failures[kind] >= _GIVE_UP:
            return None
        question = self._attempt(kind, fresh_only)
        if fresh_only:
            self.failures[kind] = 0 if question is not None else self.failures[kind] + 1
        return question

    def _attempt(self, kind: str, fresh_only: bool) -> Question | None:
        makers = list(self.by_kind.get(kind, []))
        authored = [
            q for q in self.authored.get(kind, []) if not fresh_only or q.id not in self.seen
        ]
        for _ in range(_ATTEMPTS):
            # An authored question gets a turn in proportion to how many of them are left; each
            # maker counts three times, as it can make many questions where an authored one is one.
            total = len(authored) + _MAKER_WEIGHT * len(makers)
            if total == 0:
                return None
            pick = self.rng.below(total)
            if pick < len(authored):
                question: Question | None = self.makers.authored(authored.pop(pick))
            else:
                maker = makers[(pick - len(authored)) // _MAKER_WEIGHT]
                question = maker()
                if question is None:
                    makers.remove(maker)  # this pack cannot feed it: stop asking it this turn
            if question is not None and self.wanted(question, fresh_only):
                return question
        return None
