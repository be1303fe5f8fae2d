"""What a player has met lately: the facts (and authored questions) of their recent rounds.

A round started without a seed or a code prefers what this returns least (quiz/fresh.py), so the
third round of the day is not the first again.
"""

from __future__ import annotations

import json
from datetime import datetime

from ali_quiz.history.store import HistoryStore

RECENT_ROUNDS = 10  # the player's last rounds of the pack that count
HALF_LIFE_DAYS = 2.0  # what was met two days ago counts half


def recently_met(store: HistoryStore, player: str, pack: str, now: datetime) -> dict[str, float]:
    """Fact id (or question id) -> how lately the player met it: 1 just now, fading with time."""
    met: dict[str, float] = {}
    rows = store.query(
        """SELECT a.question_id, a.facts, r.started_at FROM answers a
           JOIN rounds r ON r.id = a.round_id
           WHERE a.round_id IN (
               SELECT id FROM rounds WHERE player = ? AND pack = ?
               ORDER BY started_at DESC, id DESC LIMIT ?)""",
        (player, pack, RECENT_ROUNDS),
    )
    for question_id, facts_json, started_at in rows:
        try:
            facts = json.loads(facts_json) or [question_id]
            started = datetime.fromisoformat(str(started_at))
        except (ValueError, TypeError):
            continue
        days = max((now - started).total_seconds() / 86400.0, 0.0)
        weight = 0.5 ** (days / HALF_LIFE_DAYS)
        for key in (question_id, *(f for f in facts if isinstance(f, str))):
            met[str(key)] = max(met.get(str(key), 0.0), weight)
    return met
