"""What a player has met lately: the facts (and authored questions) of their recent rounds.

A round started without a seed or a code asks first what this returns least (quiz/fresh.py), so
the third round of the day is not the first again. What was met fades with time, and with each
round played since: the last round counts most, the one before it a little less.
"""

from __future__ import annotations

import json
from datetime import datetime

from ali_quiz.history.store import HistoryStore

RECENT_ROUNDS = 10  # the player's last rounds of the pack that count
HALF_LIFE_DAYS = 2.0  # what was met two days ago counts half
ROUND_FADE = 0.8  # what was met a round earlier counts this much of what was met in the next


def recently_met(store: HistoryStore, player: str, pack: str, now: datetime) -> dict[str, float]:
    """Fact id (or question id) -> how lately the player met it: 1 just now, fading with time."""
    met: dict[str, float] = {}
    rows = store.query(
        """SELECT a.question_id, a.facts, r.started_at, a.round_id FROM answers a
           JOIN rounds r ON r.id = a.round_id
           WHERE a.round_id IN (
               SELECT id FROM rounds WHERE player = ? AND pack = ?
               ORDER BY started_at DESC, id DESC LIMIT ?)
           ORDER BY r.started_at DESC, r.id DESC""",
        (player, pack, RECENT_ROUNDS),
    )
    rounds_before: dict[object, int] = {}  # round id -> how many of these rounds came after it
    for question_id, facts_json, started_at, round_id in rows:
        later_rounds = rounds_before.setdefault(round_id, len(rounds_before))
        try:
            facts = json.loads(facts_json) or [question_id]
            started = datetime.fromisoformat(str(started_at))
        except (ValueError, TypeError):
            continue
        days = max((now - started).total_seconds() / 86400.0, 0.0)
        weight = 0.5 ** (days / HALF_LIFE_DAYS) * ROUND_FADE**later_rounds
        for key in (question_id, *(f for f in facts if isinstance(f, str))):
            met[str(key)] = max(met.get(str(key), 0.0), weight)
    return met
