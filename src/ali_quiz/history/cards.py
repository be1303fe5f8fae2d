"""Each fact a player has met is a card scheduled by FSRS (the `fsrs` package, Anki's scheduler).

Every answer is a review of each fact it tested, rated from the share of the points it earned:
skipped or under 60% Again, 60% to 89% Hard, 90% and over Good (never Easy: a quiz answer says
whether the player knew, not how easily). The scheduler has one learning step of no time and no
fuzz, so a fact missed (or half known while still being learned) is due again at once, a fact
known goes out by FSRS's interval, and replaying the same answers always gives the same cards.

The cards live in `fact_cards`, kept up to date in the transaction of every answer (`on_review`)
and rebuilt by replaying the answers in the order they were written (`rebuild`, `refresh`): the
table is a cache of the history, never a second truth. `fsrs` is imported only when a card is
reviewed or weighed, so commands that only read the history never load it. A card's key is a
fact id, or the id of an authored question that names no fact.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from functools import cache

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from fsrs import Card, Scheduler

#: FSRS's ratings (fsrs.Rating's values), as the history gives them.
AGAIN, HARD, GOOD = 1, 2, 3
#: The share of a question's points (in percent) from which an answer rates Hard, then Good.
HARD_FROM, GOOD_FROM = 60.0, 90.0

#: A card as stored: state, step, stability, difficulty, due and last review (UTC timestamps),
#: reviews and lapses (Again after the fact was once known).
CardRow = tuple[int, int | None, float, float, float, float, int, int]

COLUMNS = "state, step, stability, difficulty, due_ts, last_review_ts, reviews, lapses"


def rating(points: int, max_points: int, skipped: bool) -> int:
    """The FSRS rating of an answer: Again, Hard or Good by the share of its points."""
    if skipped:
        return AGAIN
    if max_points <= 0:
        return GOOD  # nothing to earn: full marks, as the rest of the history counts it
    share = 100.0 * points / max_points
    if share >= GOOD_FROM:
        return GOOD
    return HARD if share >= HARD_FROM else AGAIN


@cache
def scheduler() -> Scheduler:
    """The one scheduler (built on first use: fsrs is loaded only then)."""
    from datetime import timedelta

    from fsrs import Scheduler

    # One learning step of no time: a miss is due again at once (the next review round), a
    # right answer graduates. No fuzz: the cards must replay the same every time.
    return Scheduler(
        learning_steps=(timedelta(0),), relearning_steps=(timedelta(0),), enable_fuzzing=False
    )


def _utc(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def to_card(row: CardRow) -> Card:
    """The fsrs Card of a stored row."""
    from fsrs import Card, State

    state, step, stability, difficulty, due_ts, last_ts, _, _ = row
    return Card(
        card_id=1,  # a card's id is never used; given, so that fsrs does not wait 1 ms for one
        state=State(state),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=_utc(due_ts),
        last_review=_utc(last_ts),
    )


def review(row: CardRow | None, grade: int, ts: float) -> CardRow:
    """The card after one more answer (`row` None: the fact's first answer) at UTC time `ts`."""
    from fsrs import Card, Rating, State

    if row is None:
        card = Card(card_id=1, state=State.Learning, step=0, due=_utc(ts))
        reviews, lapses, last = 0, 0, ts
    else:
        card = to_card(row)
        reviews, lapses, last = row[6], row[7], row[5]
    was_known = card.state == State.Review
    # An answer written late (a queue after a full disk) never reviews before the last one.
    moment = _utc(max(ts, last))
    card, _ = scheduler().review_card(card, Rating(grade), moment)
    assert card.stability is not None and card.difficulty is not None
    assert card.last_review is not None
    return (
        int(card.state),
        card.step,
        float(card.stability),
        float(card.difficulty),
        card.due.timestamp(),
        card.last_review.timestamp(),
        reviews + 1,
        lapses + int(was_known and grade == AGAIN),
    )


def _load(conn: sqlite3.Connection, player: str, pack: str, fact: str) -> CardRow | None:
    found = conn.execute(
        f"SELECT {COLUMNS} FROM fact_cards WHERE player = ? AND pack = ? AND fact = ?",
        (player, pack, fact),
    ).fetchone()
    return None if found is None else tuple(found)


def _store(conn: sqlite3.Connection, rows: Iterable[tuple[tuple[str, str, str], CardRow]]) -> None:
    conn.executemany(
        f"""INSERT OR REPLACE INTO fact_cards(player, pack, fact, {COLUMNS})
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        ((*key, *row) for key, row in rows),
    )


def on_review(
    conn: sqlite3.Connection,
    player: str,
    pack: str,
    facts: Iterable[str],
    *,
    grade: int,
    ts: float,
) -> None:
    """An answer tested these facts: review each one's card (in the answer's transaction)."""
    _store(
        conn,
        (
            ((player, pack, fact), review(_load(conn, player, pack, fact), grade, ts))
            for fact in facts
        ),
    )


def card_keys(facts: Sequence[str], question_id: str) -> list[str]:
    """The cards an answer reviews: its facts, or the question itself when it names none (an
    authored question without facts is drawn by its id, so it is reviewed by its id)."""
    return list(dict.fromkeys(facts)) or [question_id]


def _replay(
    conn: sqlite3.Connection, where: str, params: tuple[str, ...], only: set[str] | None = None
) -> None:
    """Cards from the answers, in the order they were written (the answers' rowid)."""
    import json  # here: the history table reads no JSON

    found: dict[tuple[str, str, str], CardRow] = {}
    rows: Iterator[tuple[str, str, str, str, float | None, int, int, int]] = conn.execute(
        f"""SELECT r.player, r.pack, a.question_id, a.facts, a.answered_ts, a.points,
                   a.max_points, a.skipped
            FROM answers a JOIN rounds r ON r.id = a.round_id
            WHERE {where}
            ORDER BY a.rowid""",
        params,
    )
    for player, pack, question_id, facts, ts, points, max_points, skipped in rows:
        if ts is None:
            continue  # never written so by any version; no time, no review
        grade = rating(points, max_points, bool(skipped))
        for key in card_keys(json.loads(facts), question_id):
            if only is None or key in only:
                card = (player, pack, key)
                found[card] = review(found.get(card), grade, ts)
    _store(conn, found.items())


def round_keys(conn: sqlite3.Connection, round_id: int) -> set[str]:
    """The cards the answers of a round reviewed (before it is deleted)."""
    import json  # here: the history table reads no JSON

    return {
        key
        for question_id, facts in conn.execute(
            "SELECT question_id, facts FROM answers WHERE round_id = ?", (round_id,)
        )
        for key in card_keys(json.loads(facts), question_id)
    }


def refresh(conn: sqlite3.Connection, player: str, pack: str, keys: Iterable[str]) -> None:
    """Replay these cards of a player's pack (after rows went away)."""
    keys = set(keys)
    conn.executemany(
        "DELETE FROM fact_cards WHERE player = ? AND pack = ? AND fact = ?",
        ((player, pack, key) for key in keys),
    )
    if keys:
        _replay(conn, "r.player = ? AND r.pack = ?", (player, pack), keys)


def rebuild(conn: sqlite3.Connection) -> None:
    """Replay every card from the answers."""
    conn.execute("DELETE FROM fact_cards")
    _replay(conn, "1", ())
