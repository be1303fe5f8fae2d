"""Fresh rounds: a round nobody fixed with a seed or a code prefers what the player met least.

Several random seeds are tried and the one whose round holds the least of what the player met
lately is kept. The round is still made from its seed, so its code gives the same questions to
anyone (a class, `generate`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date as Date

from ali_quiz.packs.model import Pack
from ali_quiz.quiz.generate import RoundError, generate_round, random_seed
from ali_quiz.quiz.kinds import Question

CANDIDATES = 8  # seeds tried for a fresh round


def staleness(questions: list[Question], met: Mapping[str, float]) -> float:
    """How much of the round the player met lately (question ids and facts, by recency)."""
    total = 0.0
    for question in questions:
        total += met.get(question.id, 0.0)
        total += sum(met.get(fact, 0.0) for fact in question.facts)
    return total


def fresh_seed(
    pack: Pack,
    mode: str,
    count: int,
    met: Mapping[str, float],
    *,
    day: Date | None = None,
    draw: Callable[[], int] = random_seed,
) -> int:
    """A seed for a new round of this mode, the freshest of a few for this player."""
    first = draw()
    if not met or mode in ("daily", "review"):
        return first
    best, best_score = first, None
    for seed in [first, *(draw() for _ in range(CANDIDATES - 1))]:
        try:
            questions = generate_round(pack, mode, count, seed, date=day)
        except RoundError:
            return first
        score = staleness(questions, met)
        if best_score is None or score < best_score:
            best, best_score = seed, score
    return best
