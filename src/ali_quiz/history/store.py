"""The score history: one SQLite file, every answer committed as it is given.

`HistoryStore.open` never raises on a bad file: a corrupt or unreadable database is moved aside
under a timestamped name (never deleted), a read-only folder turns history off, and either way
the caller gets a warning to show (see `database`). Writes (`writes.HistoryWrites`) use `BEGIN
IMMEDIATE` in WAL mode with a busy timeout, so two games playing at once both record
everything; running totals change in the same transaction as the answer that changes them.
This module opens and closes the store and reads rounds back.
"""

from __future__ import annotations

import sqlite3
from _thread import RLock  # threading's RLock, without importing all of threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ali_quiz.history import stream
from ali_quiz.history.database import FILE_NAME, open_database
from ali_quiz.history.records import (
    ANSWER_COLUMNS,
    ROUND_COLUMNS,
    AnswerRecord,
    HistoryError,
    PastRound,
    RoundRecord,
    RoundRow,
    RoundStart,
    answer_record,
    round_record,
)
from ali_quiz.history.stream import NEWEST_FIRST, filters
from ali_quiz.history.writes import HistoryWrites
from ali_quiz.i18n import Phrase
from ali_quiz.record import Record

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# The records are part of the store's API: `from ali_quiz.history.store import RoundStart` works.
__all__ = [
    "AnswerRecord",
    "HistoryError",
    "HistoryStore",
    "OpenResult",
    "PastRound",
    "RoundRecord",
    "RoundRow",
    "RoundStart",
]


@dataclass(frozen=True, eq=False, repr=False)
class OpenResult(Record):
    """A store, or None when history is off; and a warning to show the player, if any."""

    store: HistoryStore | None
    warning: Phrase | None = None  # worded by the front end; str() is the English
    unreadable: bool = False  # a history file is there but cannot be read (not moved aside)


class HistoryStore(HistoryWrites):
    """The score history in `<data_dir>/history.sqlite3`. Safe to share between threads.

    Its writes are `HistoryWrites`'s; opening, closing and reading are here."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        """Use `HistoryStore.open`; this wraps a connection that is already migrated."""
        self._conn = conn
        self.path = path
        self._lock = RLock()

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path, *, read_only: bool = False) -> OpenResult:
        """Open (creating or migrating) the history in `data_dir`; never raises on a bad file.

        `read_only`: for reading only; a history in a folder that cannot be written still opens.
        """
        opened = open_database(data_dir, read_only=read_only)
        store = None if opened.conn is None else cls(opened.conn, Path(data_dir) / FILE_NAME)
        return OpenResult(store, opened.warning, opened.unreadable)

    def close(self) -> None:
        """Close the database (the WAL is checkpointed)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for a read that walks its cursor (no other thread uses it meanwhile)."""
        with self._lock:
            yield self._conn

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a read-only query (for the stats module) and return all its rows."""
        with self._lock:
            return list(self._conn.execute(sql, tuple(params)))

    def rounds(
        self,
        *,
        player: str | None = None,
        pack: str | None = None,
        mode: str | None = None,
        since: date | None = None,
        limit: int | None = None,
    ) -> list[RoundRecord]:
        """Rounds with their answers, newest first."""
        where, params = filters(player, pack, mode, since)
        sql = f"SELECT {ROUND_COLUMNS} FROM rounds WHERE {where} ORDER BY {NEWEST_FIRST}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(limit, 0))
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
            return self._with_answers(rows)

    def round(self, round_id: int) -> RoundRecord | None:
        """One round with its answers, or None."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {ROUND_COLUMNS} FROM rounds WHERE id = ?", (round_id,)
            ).fetchall()
            found = self._with_answers(rows)
        return found[0] if found else None

    def unfinished(self, player: str) -> list[RoundRecord]:
        """A player's resumable rounds (unfinished, questions left), newest first, each with
        its answers so far."""
        with self._lock:
            rows = self._conn.execute(
                f"""SELECT {ROUND_COLUMNS} FROM rounds
                    WHERE player = ? AND finished_at IS NULL AND answered < questions
                    ORDER BY started_ts DESC, id DESC""",
                (player,),
            ).fetchall()
            return self._with_answers(rows)

    def players(self) -> list[str]:
        """Every player with a round in the history, sorted."""
        return [p for (p,) in self.query("SELECT DISTINCT player FROM rounds ORDER BY player")]

    def packs(self, player: str | None = None) -> list[str]:
        """Every pack id with a round (of this player), sorted."""
        where, params = filters(player, None, None, None)
        return [
            p
            for (p,) in self.query(
                f"SELECT DISTINCT pack FROM day_totals WHERE {where} ORDER BY pack", params
            )
        ]

    def count_rounds(
        self,
        *,
        player: str | None = None,
        pack: str | None = None,
        mode: str | None = None,
        since: date | None = None,
    ) -> int:
        """How many rounds (finished or not) match the filters (from the running totals)."""
        where, params = filters(player, pack, mode, since, day="day")
        found = self.query(
            f"SELECT coalesce(sum(started), 0) FROM day_totals WHERE {where}", params
        )
        return int(found[0][0])

    def round_rows(
        self,
        *,
        player: str | None = None,
        pack: str | None = None,
        mode: str | None = None,
        since: date | None = None,
        order: str = "date",
        descending: bool = True,
        limit: int | None = None,
    ) -> list[RoundRow]:
        """Rounds without answers, sorted by one of ORDERS (ties newest first): the table's rows."""
        return list(
            stream.round_rows(
                self,
                player=player,
                pack=pack,
                mode=mode,
                since=since,
                order=order,
                descending=descending,
                limit=limit,
            )
        )

    def _with_answers(self, rows: Sequence[tuple[Any, ...]]) -> list[RoundRecord]:
        by_id: dict[int, list[AnswerRecord]] = {row[0]: [] for row in rows}
        ids = list(by_id)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for a in self._conn.execute(
                f"SELECT {ANSWER_COLUMNS} FROM answers WHERE round_id IN ({marks})"
                " ORDER BY round_id, position",
                chunk,
            ):
                by_id[a[0]].append(answer_record(a))
        return [round_record(row, by_id[row[0]]) for row in rows]
