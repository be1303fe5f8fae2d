"""Running totals: kept up to date in the transaction of every write, rebuilt when rows go away.

Statistics read these small tables instead of scanning every answer: per player, pack, mode and
local day (rounds and their percentages), the same split by question kind (accuracy), and per
player, pack and fact (misses and the fact's Leitner box). `rebuild` computes the same numbers
from the rows themselves; the tests hold the two ways to each other.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from ali_quiz.history.records import AnswerRecord

#: The Leitner box a fact reaches after this many right answers since its last miss: mastered.
TOP_BOX = 5


def is_miss(points: int, max_points: int, skipped: bool) -> bool:
    """A question counts against its facts when it was skipped or earned less than full marks."""
    return skipped or points < max_points


def missed_facts(answer: AnswerRecord) -> dict[str, bool]:
    """Each distinct fact of an answer, and whether the answer missed it.

    A match's facts follow its left items (in the answer's order) and an order's items are
    their facts (generated questions): each is graded on its own, so the pairs a player got
    right in a half-right match are not counted against their facts (an order's item is missed
    unless all its pairs are right, as the class report grades it). Any other answer counts
    against all its facts when it earned less than full marks.
    """
    facts, key, given = answer.facts, answer.answer, answer.response
    whole = is_miss(answer.points, answer.max_points, answer.skipped)
    each: list[tuple[str, bool]] = [(fact, whole) for fact in facts]
    if answer.skipped:
        return dict.fromkeys(facts, True)
    if answer.kind == "match" and isinstance(key, dict) and len(key) == len(facts):
        pairs = given if isinstance(given, dict) else {}
        each = [
            (fact, pairs.get(left) != right)
            for fact, (left, right) in zip(facts, key.items(), strict=True)
        ]
    elif answer.kind == "order" and isinstance(key, list) and set(key) == set(facts):
        from ali_quiz.quiz.grading import order_item_shares  # only for an order's answer

        placed = [str(item) for item in given] if isinstance(given, list) else []
        shares = order_item_shares([str(item) for item in key], placed)
        each = [(fact, shares[fact] < 1) for fact in facts]
    missed: dict[str, bool] = {}
    for fact, miss in each:
        missed[fact] = missed.get(fact, False) or miss
    return missed


def fact_ids(facts_json: str) -> list[str]:
    """The distinct fact ids of a stored JSON list, in order."""
    import json  # here: the history table reads no JSON

    return list(dict.fromkeys(str(f) for f in json.loads(facts_json)))


def on_start(conn: sqlite3.Connection, group: Sequence[str]) -> None:
    """A round was started in (player, pack, mode, day)."""
    conn.execute(
        """INSERT INTO day_totals(player, pack, mode, day, started) VALUES (?, ?, ?, ?, 1)
           ON CONFLICT(player, day, pack, mode) DO UPDATE SET started = started + 1""",
        tuple(group),
    )


def on_answer(
    conn: sqlite3.Connection,
    group: Sequence[str],
    *,
    kind: str,
    points: int,
    max_points: int,
    skipped: bool,
    seconds: float,
) -> None:
    """An answer was written to a round of (player, pack, mode, day)."""
    conn.execute(
        """INSERT INTO day_totals(player, pack, mode, day, answers) VALUES (?, ?, ?, ?, 1)
           ON CONFLICT(player, day, pack, mode) DO UPDATE SET answers = answers + 1""",
        tuple(group),
    )
    conn.execute(
        """INSERT INTO kind_totals(player, pack, mode, day, kind, answers, points, max_points,
                                   skipped, seconds)
           VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?)
           ON CONFLICT(player, day, pack, mode, kind) DO UPDATE SET
               answers = answers + 1,
               points = points + excluded.points,
               max_points = max_points + excluded.max_points,
               skipped = skipped + excluded.skipped,
               seconds = seconds + excluded.seconds""",
        (*group, kind, points, max_points, int(skipped), seconds),
    )
    conn.execute(
        """INSERT INTO kind_sums(player, pack, mode, kind, answers, points, max_points, skipped,
                                 seconds)
           VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)
           ON CONFLICT(player, pack, mode, kind) DO UPDATE SET
               answers = answers + 1,
               points = points + excluded.points,
               max_points = max_points + excluded.max_points,
               skipped = skipped + excluded.skipped,
               seconds = seconds + excluded.seconds""",
        (*group[:3], kind, points, max_points, int(skipped), seconds),
    )


def on_fact(
    conn: sqlite3.Connection,
    player: str,
    pack: str,
    fact: str,
    *,
    missed: bool,
    at: str,
    ts: float,
) -> None:
    """A fact was tested by an answer: count it, and move it between Leitner boxes."""
    if missed:
        conn.execute(
            """INSERT INTO fact_totals(player, pack, fact, seen, misses, last_missed_at,
                                       last_missed_ts, box)
               VALUES (?, ?, ?, 1, 1, ?, ?, 1)
               ON CONFLICT(player, pack, fact) DO UPDATE SET
                   seen = seen + 1, misses = misses + 1, box = 1,
                   last_missed_at = excluded.last_missed_at,
                   last_missed_ts = excluded.last_missed_ts""",
            (player, pack, fact, at, ts),
        )
    else:
        conn.execute(
            """INSERT INTO fact_totals(player, pack, fact, seen) VALUES (?, ?, ?, 1)
               ON CONFLICT(player, pack, fact) DO UPDATE SET
                   seen = seen + 1,
                   box = CASE WHEN misses > 0 THEN min(box + 1, ?) ELSE box END""",
            (player, pack, fact, TOP_BOX),
        )


def on_finish(conn: sqlite3.Connection, group: Sequence[str], pct: float | None) -> None:
    """A round of (player, pack, mode, day) was finished with this percentage (None: no score)."""
    conn.execute(
        """INSERT INTO day_totals(player, pack, mode, day, rounds, scored, pct_sum, best_pct)
           VALUES (?, ?, ?, ?, 1, ?, ?, ?)
           ON CONFLICT(player, day, pack, mode) DO UPDATE SET
               rounds = rounds + 1,
               scored = scored + excluded.scored,
               pct_sum = pct_sum + excluded.pct_sum,
               best_pct = CASE
                   WHEN excluded.best_pct IS NULL THEN best_pct
                   WHEN best_pct IS NULL OR excluded.best_pct > best_pct THEN excluded.best_pct
                   ELSE best_pct END""",
        (*group, int(pct is not None), pct or 0.0, pct),
    )


def refresh_groups(conn: sqlite3.Connection, groups: Iterable[Sequence[str]]) -> None:
    """Recompute the day and kind totals of these (player, pack, mode, day) groups from rows."""
    groups = set(tuple(g) for g in groups)
    for group in groups:
        where = "player = ? AND pack = ? AND mode = ? AND day = ?"
        conn.execute(f"DELETE FROM day_totals WHERE {where}", group)
        conn.execute(f"DELETE FROM kind_totals WHERE {where}", group)
        _insert_group_totals(
            conn,
            "r.player = ? AND r.pack = ? AND r.mode = ? AND r.play_day = ?",
            group,
        )
    for player, pack, mode in {g[:3] for g in groups}:
        _refresh_kind_sums(conn, "player = ? AND pack = ? AND mode = ?", (player, pack, mode))


def refresh_facts(conn: sqlite3.Connection, player: str, pack: str, facts: Iterable[str]) -> None:
    """Recompute the fact totals of these facts of a player's pack from the per-fact rows."""
    for fact in set(facts):
        params = (player, pack, fact)
        conn.execute("DELETE FROM fact_totals WHERE player = ? AND pack = ? AND fact = ?", params)
        _insert_fact_totals(conn, "player = ? AND pack = ? AND fact = ?", params)


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every total from the rounds, answers and per-fact rows."""
    for table in ("day_totals", "kind_totals", "kind_sums", "fact_totals"):
        conn.execute(f"DELETE FROM {table}")
    _insert_group_totals(conn, "1", ())
    _refresh_kind_sums(conn, "1", ())
    _insert_fact_totals(conn, "1", ())


def _refresh_kind_sums(conn: sqlite3.Connection, where: str, params: Sequence[str]) -> None:
    # From the per-day rows of the same player, pack and mode: a few hundred rows at most.
    conn.execute(f"DELETE FROM kind_sums WHERE {where}", params)
    conn.execute(
        f"""INSERT INTO kind_sums(player, pack, mode, kind, answers, points, max_points,
                                  skipped, seconds)
            SELECT player, pack, mode, kind, sum(answers), sum(points), sum(max_points),
                   sum(skipped), total(seconds)
            FROM kind_totals WHERE {where}
            GROUP BY player, pack, mode, kind""",
        params,
    )


def _insert_group_totals(conn: sqlite3.Connection, where: str, params: Sequence[str]) -> None:
    conn.execute(
        f"""INSERT INTO day_totals(player, pack, mode, day, started, rounds, scored, pct_sum,
                                   best_pct, answers)
            SELECT player, pack, mode, play_day, count(*), count(finished_at), count(pct),
                   total(pct), max(pct), sum(answered)
            FROM rounds r WHERE {where}
            GROUP BY player, pack, mode, play_day""",
        params,
    )
    conn.execute(
        f"""INSERT INTO kind_totals(player, pack, mode, day, kind, answers, points, max_points,
                                    skipped, seconds)
            SELECT r.player, r.pack, r.mode, r.play_day, a.kind, count(*), sum(a.points),
                   sum(a.max_points), sum(a.skipped), total(a.seconds)
            FROM answers a JOIN rounds r ON r.id = a.round_id
            WHERE {where}
            GROUP BY r.player, r.pack, r.mode, r.play_day, a.kind""",
        params,
    )


def _insert_fact_totals(conn: sqlite3.Connection, where: str, params: Sequence[str]) -> None:
    # The last miss is the last one written (highest rowid), as the running update sees it; the
    # box is one plus the right answers written after it, up to the top box.
    conn.execute(
        f"""INSERT INTO fact_totals(player, pack, fact, seen, misses, last_missed_at,
                                    last_missed_ts, box)
            WITH facts AS (
                SELECT player, pack, fact, count(*) AS seen, sum(missed) AS misses,
                       max(CASE WHEN missed THEN rowid END) AS last_miss
                FROM answer_facts WHERE {where}
                GROUP BY player, pack, fact
            )
            SELECT f.player, f.pack, f.fact, f.seen, f.misses, a.answered_at, m.ts,
                   CASE WHEN f.last_miss IS NULL THEN 0 ELSE min(?, 1 + (
                       SELECT count(*) FROM answer_facts g
                       WHERE g.player = f.player AND g.pack = f.pack AND g.fact = f.fact
                         AND NOT g.missed AND g.rowid > f.last_miss)) END
            FROM facts f
            LEFT JOIN answer_facts m ON m.rowid = f.last_miss
            LEFT JOIN answers a ON a.round_id = m.round_id AND a.position = m.position""",
        (*params, TOP_BOX),
    )
