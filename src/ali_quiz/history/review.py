"""Which facts a review round should test: the FSRS cards (`cards.py`) that are due now.

A fact is due when its card's due time has come. A review round asks the due facts most overdue
first; among facts due at the same moment (those of one answer), the one the player is least
likely to recall (lowest retrievability) first. `count_due` is a single indexed count, cheap
enough for the home screen.
"""

from __future__ import annotations

from datetime import datetime

from ali_quiz.history import cards
from ali_quiz.history.store import HistoryStore

#: Days overdue that add one to a fact's weight (a fact just due weighs 1).
DAY = 86400.0


def count_due(store: HistoryStore, player: str, pack: str, now: datetime) -> int:
    """How many facts of this pack are due for review now (0 when none)."""
    rows = store.query(
        "SELECT count(*) FROM fact_cards WHERE player = ? AND pack = ? AND due_ts <= ?",
        (player, pack, now.timestamp()),
    )
    return int(rows[0][0]) if rows else 0


def next_due(store: HistoryStore, player: str, pack: str, now: datetime) -> datetime | None:
    """When the next fact of this pack falls due after `now` (None: no card at all)."""
    rows = store.query(
        "SELECT min(due_ts) FROM fact_cards WHERE player = ? AND pack = ? AND due_ts > ?",
        (player, pack, now.timestamp()),
    )
    if not rows or rows[0][0] is None:
        return None
    return datetime.fromtimestamp(float(rows[0][0]), now.tzinfo)


def due_weights(store: HistoryStore, player: str, pack: str, now: datetime) -> dict[str, float]:
    """Fact id -> weight of the facts due now, most urgent first; empty when none is due.

    A weight is 1 plus the days the fact is overdue; the order is the review round's: most
    overdue first, then lowest retrievability, then fact id.
    """
    rows = store.query(
        f"""SELECT fact, {cards.COLUMNS} FROM fact_cards
           WHERE player = ? AND pack = ? AND due_ts <= ?""",
        (player, pack, now.timestamp()),
    )
    if not rows:
        return {}
    from datetime import UTC

    scheduler = cards.scheduler()
    moment = now.astimezone(UTC)
    ranked = sorted(
        (
            float(row[5]),
            scheduler.get_card_retrievability(cards.to_card(row[1:]), moment),
            str(row[0]),
        )
        for row in rows
    )
    ts = now.timestamp()
    return {fact: 1.0 + max(ts - due, 0.0) / DAY for due, _, fact in ranked}
