"""Which facts a review round should test, and how much: Leitner boxes over the player's misses.

Every miss puts a fact back in box 1; each right answer after it moves the fact up one box, and
a fact that reaches the top box is learned and leaves the review until it is missed again. A
fact's weight grows with how often it was missed, shrinks by half per box above the first, and
fades with the time since its last miss (half-life HALF_LIFE_DAYS, never below FLOOR of itself).
"""

from __future__ import annotations

import math
from datetime import datetime

from ali_quiz.history.store import HistoryStore
from ali_quiz.history.totals import TOP_BOX

HALF_LIFE_DAYS = 7.0
FLOOR = 0.2


def fact_weight(misses: int, box: int, days_since_miss: float) -> float:
    """The weight of one missed fact (0 once it is learned or was never missed)."""
    if misses <= 0 or box >= TOP_BOX:
        return 0.0
    recency: float = 0.5 ** (max(days_since_miss, 0.0) / HALF_LIFE_DAYS)
    box_factor: float = 0.5 ** (max(box, 1) - 1)
    return math.sqrt(misses) * box_factor * (FLOOR + (1 - FLOOR) * recency)


def mistake_weights(store: HistoryStore, player: str, pack: str, now: datetime) -> dict[str, float]:
    """Fact id -> weight for a review round of this pack; empty when there is nothing to review."""
    weights: dict[str, float] = {}
    for fact, misses, box, last_ts in store.query(
        """SELECT fact, misses, box, last_missed_ts FROM fact_totals
           WHERE player = ? AND pack = ? AND misses > 0 AND box < ?
           ORDER BY fact""",
        (player, pack, TOP_BOX),
    ):
        days = (now.timestamp() - float(last_ts)) / 86400.0
        weight = fact_weight(int(misses), int(box), days)
        if weight > 0:
            weights[str(fact)] = weight
    return weights
