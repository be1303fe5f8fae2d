"""Reading the history a row at a time: what `history` and its exports walk through.

A history may hold hundreds of thousands of answers, so these never build a list: each yields
rows straight from the SQLite cursor, newest round first, and memory stays flat however long
the history is. The store's lock is held while a walk is under way (the store's connection is
shared between threads).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from datetime import date

from ali_quiz.history.jsontext import encoder
from ali_quiz.history.records import ROUND_COLUMNS, UNANSWERED_POINTS, RoundRow, round_row

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from contextlib import AbstractContextManager
    from typing import Any, Protocol

    class HistoryStore(Protocol):
        """What a walk needs of history.store.HistoryStore (which imports this module)."""

        def reading(self) -> AbstractContextManager[sqlite3.Connection]: ...


#: Sort keys of `round_rows`, as SQL.
ORDERS = {
    "date": "started_ts",
    "pack": "pack",
    "mode": "mode",
    # An unfinished round over the whole round, as the table shows it (RoundRow.round_max).
    "score": "coalesce(pct, 100.0 * score"
    f" / nullif(max_score + {UNANSWERED_POINTS} * max(questions - answered, 0), 0))",
    "duration": "seconds",  # the time spent answering (RoundRecord.seconds)
    "finished": "finished_at IS NOT NULL",
}
NEWEST_FIRST = "started_ts DESC, id DESC"


def filters(
    player: str | None,
    pack: str | None,
    mode: str | None,
    since: date | None,
    *,
    day: str = "play_day",
    table: str = "",
) -> tuple[str, list[Any]]:
    """A WHERE clause over `rounds` (or the totals, with `day`) and its parameters.

    `table` prefixes the columns (`"r."`) in a query that joins rounds to other tables.
    """
    clauses, params = ["1"], []
    for column, value in (("player", player), ("pack", pack), ("mode", mode)):
        if value is not None:
            clauses.append(f"{table}{column} = ?")
            params.append(value)
    if since is not None:
        clauses.append(f"{day} >= ?")
        params.append(since.isoformat())
    return " AND ".join(clauses), params


def round_rows(
    store: HistoryStore,
    *,
    player: str | None = None,
    pack: str | None = None,
    mode: str | None = None,
    since: date | None = None,
    order: str = "date",
    descending: bool = True,
    limit: int | None = None,
) -> Iterator[RoundRow]:
    """Rounds without their answers, sorted by one of ORDERS (ties newest first)."""
    where, params = filters(player, pack, mode, since)
    direction = "DESC" if descending else "ASC"
    sql = f"""SELECT {ROUND_COLUMNS} FROM rounds WHERE {where}
              ORDER BY {ORDERS[order]} {direction}, {NEWEST_FIRST}"""
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(limit, 0))
    with store.reading() as conn:
        for row in conn.execute(sql, params):
            yield round_row(row)


def selected_rounds(
    store: HistoryStore,
    columns: str,
    *,
    player: str | None = None,
    pack: str | None = None,
    limit: int | None = None,
    over: str | None = None,
) -> Iterator[tuple[Any, ...]]:
    """`SELECT columns` over the rounds chosen, newest first; answers are never read.

    With `over` (say `"DISTINCT player"` or `"max(score)"`), that is selected over the chosen
    rounds instead: a measure of them taken by SQLite without a row reaching Python.
    """
    where, params = filters(player, pack, None, None)
    sql = f"SELECT {columns} FROM rounds WHERE {where} ORDER BY {NEWEST_FIRST}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(max(limit, 0))
    if over is not None:
        sql = f"SELECT {over} FROM ({sql})"
    with store.reading() as conn:
        yield from conn.execute(sql, params)


def answer_rows(
    store: HistoryStore,
    columns: str,
    *,
    player: str | None = None,
    pack: str | None = None,
    limit: int | None = None,
    functions: Mapping[str, Callable[[Any], Any]] | None = None,
) -> Iterator[tuple[Any, ...]]:
    """`SELECT columns` over rounds `r` joined with their answers `a`, newest round first.

    `functions` are one-argument SQL functions the columns call (made for this connection).

    One row per answer, in the order they were given, and one row with the answer's columns
    NULL for a round without answers. The first column must be `r.id`: `limit` counts rounds.
    The walk follows the indexes (no sort of the whole history), and the limit is counted here
    rather than in SQL, where it would make SQLite sort every answer of the rounds it keeps.
    """
    where, params = filters(player, pack, None, None, table="r.")
    sql = f"""SELECT {columns} FROM rounds r LEFT JOIN answers a ON a.round_id = r.id
              WHERE {where} ORDER BY r.started_ts DESC, r.id DESC, a.position"""
    with store.reading() as conn:
        _json_functions(conn)
        for name, function in (functions or {}).items():
            conn.create_function(name, 1, function, deterministic=True)
        cursor = conn.execute(sql, params)
        if limit is None:
            yield from cursor
            return
        last, seen = None, 0
        for row in cursor:
            if row[0] != last:
                if seen == limit:
                    return
                last, seen = row[0], seen + 1
            yield row


def _json_functions(conn: sqlite3.Connection) -> None:
    """Make sure the JSON functions the exports use exist (an SQLite built without JSON1)."""
    try:
        conn.execute("SELECT json_valid('1'), json_quote('a'), json_extract('1', '$')")
    except sqlite3.OperationalError:
        conn.create_function("json_valid", 1, _json_valid, deterministic=True)
        conn.create_function("json_quote", 1, encoder(), deterministic=True)
        conn.create_function("json_extract", 2, _json_extract, deterministic=True)


def _json_valid(text: object) -> int:
    import json

    try:
        json.loads(str(text))
    except ValueError:
        return 0
    return 1


def _json_extract(text: str, path: str) -> str | int | float | None:
    """json_extract(text, '$') of a JSON scalar, as the exports call it."""
    import json

    value = json.loads(text)
    if path != "$" or isinstance(value, (list, dict)):
        return None
    return int(value) if isinstance(value, bool) else value
