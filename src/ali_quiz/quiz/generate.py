"""Rounds from a pack: the same pack, mode, count, seed and date give the same questions anywhere.

Modes: `quick` mixes every kind the pack can make, `order`/`match`/`estimate`/`choice` ask one
kind, `daily` is a quick round whose seed comes from the pack and the date, and `review` builds a
round on the facts due for a player's review (weights from the history's FSRS cards).
"""

from __future__ import annotations

import gc
import sys
from datetime import date as Date

from ali_quiz.digest import sha256
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.codes import MAX_SHORT_SEED
from ali_quiz.quiz.composition import RoundComposer, authored_kind
from ali_quiz.quiz.facts import PackFacts, facts_of
from ali_quiz.quiz.kinds import GENERATED_KINDS, Question
from ali_quiz.quiz.makers import Makers, Picker
from ali_quiz.quiz.modes import DEFAULT_COUNT, MAX_COUNT, MODES
from ali_quiz.quiz.rng import Rng

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

    from ali_quiz.i18n import Translator

KIND_MODES = GENERATED_KINDS
MIXED_MODES = ("quick", "daily", "review")
# Seeds drawn at random stay small enough for a round code to carry them.
RANDOM_SEED_LIMIT = MAX_SHORT_SEED + 1  # random rounds keep short codes
_MIN_QUESTIONS = 3  # a mode that cannot give this many is hidden
_TRIAL_SEEDS = 3
#: Seeds whose rounds say how many questions a quick round holds (`round_size`).
_SIZE_SEEDS = 4


def needs(kind: str) -> str:
    """What a pack needs for a round of `kind` (the catalogue's English, as the TUI says it)."""
    from ali_quiz.i18n import Translator  # here: only a pack short of facts needs it

    return Translator("en")(f"packs.needs.{kind}")


class RoundError(ValueError):
    """A round that cannot be made: a mode the pack cannot serve, no mistakes to review."""


def random_seed() -> int:
    """A fresh seed for a round nobody fixed; small enough to fit a round code."""
    import secrets  # here: it loads OpenSSL, which a seeded round never needs

    return secrets.randbelow(RANDOM_SEED_LIMIT)


def daily_seed(pack: Pack, day: Date) -> int:
    """The seed of the daily challenge: the same for everyone with this pack on this date."""
    digest = sha256(f"daily|{pack.content_hash}|{day.isoformat()}".encode()).hexdigest()
    return int(digest[:12], 16) % RANDOM_SEED_LIMIT


def _capacities(pack: Pack, facts: PackFacts) -> dict[str, bool]:
    """Which kinds (and `quick`) the pack can give a round of at least three questions of."""
    return {kind: _capacity(pack, facts, kind) for kind in (*GENERATED_KINDS, "quick")}


def _capacity(pack: Pack, facts: PackFacts, kind: str) -> bool:
    """Whether the pack can give a round of three of this kind (or `quick`): trial rounds, run
    on first asking and kept with the pack (one kind's: a round of one mode asks only its own,
    and a quick round none)."""
    found = pack.derived.get("capacity")
    if not isinstance(found, dict):
        found = pack.derived["capacity"] = {}
    able = found.get(kind)
    if able is None:
        static = _has_facts_for(pack, facts)
        if kind == "quick":
            mixed = [k for k in GENERATED_KINDS if static[k]]
            texts = any(q.kind == "text" for q in pack.questions)
            able = bool(mixed or texts) and _gives_three(pack, facts, mixed, "quick")
        else:
            able = static[kind] and _gives_three(pack, facts, [kind])
        found[kind] = able
    return bool(able)


def _gives_three(pack: Pack, facts: PackFacts, kinds: list[str], mode: str | None = None) -> bool:
    """Whether a round of these kinds holds three questions under the rules (a few seeds)."""
    for seed in range(_TRIAL_SEEDS):
        picker = Picker(Rng(seed))
        makers = Makers(facts, picker, most=3 if mode else 5)
        composer = RoundComposer(pack, makers, mode or kinds[0], kinds, None)
        if len(composer.build(_MIN_QUESTIONS)) >= _MIN_QUESTIONS:
            return True
    return False


def _has_facts_for(pack: Pack, facts: PackFacts) -> dict[str, bool]:
    # Select-all-that-apply questions are drawn with the choices (and in choice mode).
    authored = {authored_kind(q) for q in pack.questions}
    return {
        "order": facts.max_disjoint_dates >= 3
        or bool(facts.orderable_sequences)
        or "order" in authored,
        "match": facts.max_disjoint_dates >= 3
        or facts.matchable_releases >= 3
        or facts.distinct_figures >= 3
        or "match" in authored,
        "estimate": bool(facts.estimable) or "estimate" in authored,
        "choice": facts.max_disjoint_dates >= 3
        or bool(facts.choosable_figures)
        or bool(facts.small_figures)
        or bool(facts.sequences_with_ranks(3))
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
    facts = facts_of(pack)
    has_any = _capacities(pack, facts)["quick"]
    mixed = ["quick"] if has_any else []
    return mixed + kinds + (["daily"] if has_any else [])


def round_size(pack: Pack, count: int) -> tuple[int, int]:
    """The fewest and the most questions a quick round of `count` holds over a few seeds (0 when
    the pack gives no quick round); kept with the pack."""
    found = pack.derived.get("sizes")
    if not isinstance(found, dict):
        found = pack.derived["sizes"] = {}
    size = found.get(count)
    if size is None:
        held = [0]
        if _capacities(pack, facts_of(pack))["quick"]:
            held = [len(generate_round(pack, "quick", count, seed)) for seed in range(_SIZE_SEEDS)]
        size = found[count] = (min(held), max(held))
    return tuple(size)


def kept_verdicts(pack: Pack) -> dict[str, dict[Any, Any]]:
    """What a cached pack keeps of this module's work (see `packs.parsed`): which kinds give a
    round of three, found by trial rounds that would otherwise run again at every round, and
    the questions a round of the default count holds (home says it without the generator)."""
    return {
        "capacity": dict(_capacities(pack, facts_of(pack))),
        "sizes": {DEFAULT_COUNT: round_size(pack, DEFAULT_COUNT)},
    }


def kind_warnings(pack: Pack) -> list[str]:
    """One warning per kind the pack has too few facts for (its mode is hidden), and one per
    figure that is never estimated for being zero or below (`figure_warnings`)."""
    capacity = _capacities(pack, facts_of(pack))
    warnings = [
        f"too few facts for {kind} questions (needs {needs(kind)}): the {kind} mode is hidden"
        for kind in GENERATED_KINDS
        if not capacity[kind]
    ]
    if any(m.value < 0 for m in pack.metrics):
        from ali_quiz.i18n import Translator  # here: only such a pack needs it

        warnings += figure_warnings(pack, Translator("en"))
    return warnings


def figure_warnings(pack: Pack, tr: Translator) -> list[str]:
    """A figure below zero is never asked as an estimate (its score needs a positive answer)
    nor as a choice among near figures: said, so its author knows why. (Zero is a small whole
    number: a choice among nearby values, as 1 or 2 are.)"""
    return [
        tr("packs.figure_not_estimated", id=m.id, written=m.written)
        for m in pack.metrics
        if m.value < 0
    ]


FOCUS = 2  # facts a mixed round asks about first


def focus_facts(facts: PackFacts, seed: int, later: dict[str, int] | None = None) -> list[str]:
    """The facts a mixed round asks about first: seed after seed, the next few of the pack.

    The facts that fewest forms can ask about (states) come first in that list, and a run of
    consecutive seeds walks through all of it: over a teacher's twenty rounds every fact
    comes up, and each round leads with different facts.
    """
    ordered = facts.by_reach
    if not ordered:
        return []
    start = (seed - 1) * FOCUS
    if later:
        # A fresh round leads with the first facts from its place that it does not put off.
        n = len(ordered)
        walked = [ordered[(start + k) % n] for k in range(n)]
        walked.sort(key=lambda fact: later.get(fact, 0))  # stable: the walk's order within
        return walked[:FOCUS]
    return list(dict.fromkeys(ordered[(start + k) % len(ordered)] for k in range(FOCUS)))


def generate_round(
    pack: Pack,
    mode: str,
    count: int,
    seed: int,
    *,
    date: Date | None = None,
    weights: dict[str, float] | None = None,
    fresh: bool = False,
) -> list[Question]:
    """The questions of one round, in the order they are asked.

    `daily` ignores `seed` (its seed comes from the pack and `date`); `review` needs `weights`,
    fact id (or authored question id) -> how much it should come back: the round asks the
    heaviest first. `fresh`: the fresh round of the seed, which also puts some facts off
    (quiz/fresh.py; not a daily or review round).
    """
    if mode not in MODES:
        raise RoundError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    if not 1 <= count <= MAX_COUNT:
        raise RoundError(f"a round has 1 to {MAX_COUNT} questions, not {count}")
    if mode == "daily":
        seed = daily_seed(pack, date or Date.today())
    if mode == "review" and not weights:
        raise RoundError("nothing is due for review yet: play a few rounds first")
    later = None
    if fresh and mode not in ("daily", "review"):
        from ali_quiz.quiz.fresh import put_off

        later = put_off(pack, seed)
    paused = _pause_collector()
    try:
        return _draw(pack, mode, count, seed, weights, later)
    finally:
        if paused:
            gc.enable()


def _pause_collector() -> bool:
    """The garbage collector off while a round is drawn, as while a pack loads (packs.loader):
    a round makes many small objects, none cyclic, and each generational collection would walk
    the pack's own objects again (5-8% of drawing 10,000 questions on a pack of 10,000 events).
    In the main thread only: the TUI sets the collector as its frames need, and draws its
    rounds in workers. True when it was on and is now paused."""
    threading = sys.modules.get("threading")
    if not gc.isenabled() or (
        threading is not None and threading.current_thread() is not threading.main_thread()
    ):
        return False
    gc.disable()
    return True


def _draw(
    pack: Pack,
    mode: str,
    count: int,
    seed: int,
    weights: dict[str, float] | None,
    later: dict[str, int] | None = None,
) -> list[Question]:
    facts = facts_of(pack)
    if mode in KIND_MODES and not _capacity(pack, facts, mode):
        raise RoundError(
            f"the pack {pack.id!r} has too few facts for {mode} questions (needs {needs(mode)})"
        )
    if mode in ("quick", "daily") and not _capacity(pack, facts, "quick"):
        # Its modes are all hidden (validate says "modes: none"): no round of one or two.
        raise RoundError(
            f"the pack {pack.id!r} has too few facts for a {mode} round (needs {needs('quick')})"
        )
    rng = Rng(seed)
    review = weights if mode == "review" else None
    # A quick or daily round leads each list of facts with its seed's turn: any run of seeds
    # as long as the list leads with each of its facts once.
    turns = mode in ("quick", "daily")
    picker = Picker(rng, review, walk=seed, turns=turns, indexes=facts.pick_indexes)
    mixed = mode not in KIND_MODES
    # A mixed round asks every kind the pack has facts for, even one too few for its own mode.
    static = _has_facts_for(pack, facts)
    kinds = [k for k in GENERATED_KINDS if static[k]] if mixed else [mode]
    makers = Makers(facts, picker, most=3 if mixed else 5)
    if mode == "review":
        # Most urgent first (the largest weight); equal weights keep the order they came in.
        focus = sorted(weights or {}, key=lambda fact: -(weights or {})[fact])
    else:
        focus = focus_facts(facts, seed, later) if mixed else []
    composer = RoundComposer(pack, makers, mode, kinds, weights, focus, later)
    questions = composer.build(count)
    if mode == "review" and not questions:
        raise RoundError("none of the facts due for review are in this pack any more")
    return questions
