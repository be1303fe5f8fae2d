"""The history's writes: a round's start, each answer, its finish, bulk imports, deletions.

Each is one transaction (`BEGIN IMMEDIATE`, waiting for the lock up to the busy timeout) that
changes the rows and every running total they are part of (`totals`, `cards`), so the totals
never disagree with the rows. A write that fails says what it was (`db.what.<what>`); damaged
pages met while writing move the file aside (`database.close_if_damaged`). `HistoryStore`
(in `store`, with opening and reading) takes these methods from `HistoryWrites`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime

from ali_quiz.history import cards, totals
from ali_quiz.history.bulk import aware, insert_batch, iso
from ali_quiz.history.database import (
    WRITE_RETRY_MS,
    WRITE_WAIT_MS,
    close_if_damaged,
    is_busy,
)
from ali_quiz.history.jsontext import encoder
from ali_quiz.history.records import (
    ANSWER_COLUMNS,
    AnswerRecord,
    HistoryError,
    PastRound,
    RoundStart,
)
from ali_quiz.history.stream import filters
from ali_quiz.i18n import Phrase

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from _thread import RLock
    from pathlib import Path


class HistoryWrites:
    """The write transactions of `HistoryStore`, over its connection, lock and path."""

    _conn: sqlite3.Connection
    _lock: RLock
    path: Path
    _wait_ms = 0  # the busy timeout writes last set (0: the connection's own)
    _blocked = False  # the last write found the history locked by another program

    @contextmanager
    def _write(self, what: str) -> Iterator[sqlite3.Connection]:
        """A write transaction; `what` names it for a failure (`db.what.<what>`)."""
        with self._lock:
            # A write waits a little for another program's lock (two games recording at once
            # take turns in milliseconds), and only briefly again while the lock is still held:
            # the recorder tries again at every answer.
            wait = WRITE_RETRY_MS if self._blocked else WRITE_WAIT_MS
            try:
                if wait != self._wait_ms:
                    self._conn.execute(f"PRAGMA busy_timeout = {wait}")
                    self._wait_ms = wait
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    self._conn.execute("COMMIT")
                except BaseException:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise
                self._blocked = False
            except sqlite3.Error as exc:
                self._blocked = is_busy(exc)
                if self._blocked:
                    # Not the disk: another ali-quiz or a tool holds the file's write lock.
                    busy = Phrase.of(
                        "db.write_busy",
                        what=Phrase.of(f"db.what.{what}"),
                        path=self.path,
                        seconds=f"{wait / 1000:g}",
                    )
                    raise HistoryError(busy) from exc
                # Damaged pages: the file is moved aside (this store is closed with it).
                moved = close_if_damaged(self._conn, self.path, exc)
                failed = Phrase.of(
                    "db.write_failed", what=Phrase.of(f"db.what.{what}"), path=self.path, error=exc
                )
                raise HistoryError(moved or failed) from exc

    def start_round(self, start: RoundStart, questions: int) -> int:
        """Record a round's start (committed at once) and return its id."""
        started = aware(start.started_at, "started_at")
        group = (start.player, start.pack, start.mode, started.date().isoformat())
        with self._write("start") as conn:
            cursor = conn.execute(
                """INSERT INTO rounds(player, pack, pack_hash, mode, count, seed, code, date,
                       ui_language, started_at, questions, started_ts, play_day)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    start.player,
                    start.pack,
                    start.pack_hash,
                    start.mode,
                    start.count,
                    None if start.seed is None else str(start.seed),
                    start.code,
                    start.date,
                    start.ui_language,
                    iso(started),
                    questions,
                    started.timestamp(),
                    group[3],
                ),
            )
            totals.on_start(conn, group)
            return int(cursor.lastrowid or 0)

    def record_answer(self, round_id: int, answer: AnswerRecord) -> None:
        """Record one answer and update every running total, in one committed transaction."""
        answered_at = aware(answer.answered_at or datetime.now().astimezone(), "answered_at")
        facts = list(dict.fromkeys(answer.facts))
        answered_ts = answered_at.timestamp()
        missed = totals.missed_facts(answer)
        to_json = encoder()
        with self._write("answer") as conn:
            row = conn.execute(
                "SELECT player, pack, mode, play_day, finished_at FROM rounds WHERE id = ?",
                (round_id,),
            ).fetchone()
            if row is None:
                raise ValueError(f"no round {round_id} in the history")
            player, pack, mode, day, finished_at = row
            try:
                conn.execute(
                    f"""INSERT INTO answers({ANSWER_COLUMNS}, answered_at, answered_ts)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (
                        round_id,
                        answer.position,
                        answer.question_id,
                        answer.kind,
                        to_json(facts),
                        answer.prompt,
                        to_json(answer.response),
                        to_json(answer.answer),
                        answer.points,
                        answer.max_points,
                        int(answer.skipped),
                        answer.seconds,
                        iso(answered_at),
                        answered_ts,
                    ),
                )
            except sqlite3.IntegrityError:
                raise ValueError(
                    f"answer {answer.position} of round {round_id} is already recorded"
                ) from None
            conn.execute(
                """UPDATE rounds SET score = score + ?, max_score = max_score + ?,
                       answered = answered + 1, seconds = seconds + ?
                   WHERE id = ?""",
                (answer.points, answer.max_points, answer.seconds, round_id),
            )
            group = (player, pack, mode, day)
            totals.on_answer(
                conn,
                group,
                kind=answer.kind,
                points=answer.points,
                max_points=answer.max_points,
                skipped=answer.skipped,
                seconds=answer.seconds,
            )
            for fact in facts:
                conn.execute(
                    """INSERT INTO answer_facts(round_id, position, player, pack, fact, missed, ts)
                       VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    (round_id, answer.position, player, pack, fact, missed[fact], answered_ts),
                )
                totals.on_fact(
                    conn,
                    player,
                    pack,
                    fact,
                    missed=missed[fact],
                    at=iso(answered_at),
                    ts=answered_ts,
                )
            cards.on_review(
                conn,
                player,
                pack,
                cards.card_keys(facts, answer.question_id),
                grade=cards.rating(answer.points, answer.max_points, answer.skipped),
                ts=answered_ts,
            )
            if finished_at is not None:
                # An answer added to a finished round changes its percentage: rare, so recompute.
                conn.execute(
                    "UPDATE rounds SET pct = 100.0 * score / max_score WHERE id = ?"
                    " AND max_score > 0",
                    (round_id,),
                )
                totals.refresh_groups(conn, [group])

    def finish_round(self, round_id: int, finished_at: datetime) -> None:
        """Mark a round finished (committed at once); finishing it again changes nothing."""
        finished = aware(finished_at, "finished_at")
        with self._write("finish") as conn:
            row = conn.execute(
                "SELECT player, pack, mode, play_day, finished_at, score, max_score"
                " FROM rounds WHERE id = ?",
                (round_id,),
            ).fetchone()
            if row is None:
                raise ValueError(f"no round {round_id} in the history")
            player, pack, mode, day, already, score, max_score = row
            if already is not None:
                return
            pct = 100.0 * score / max_score if max_score else None
            conn.execute(
                "UPDATE rounds SET finished_at = ?, finished_ts = ?, pct = ? WHERE id = ?",
                (iso(finished), finished.timestamp(), pct, round_id),
            )
            totals.on_finish(conn, (player, pack, mode, day), pct)

    def bulk_import(self, rounds: Iterable[PastRound], *, chunk: int = 2000) -> int:
        """Write many whole rounds in one transaction, then rebuild every total from the rows.

        For imports and benchmarks: far faster than a commit per answer, and the totals end up
        exactly as the running updates would have left them. Returns how many rounds it wrote.
        """
        with self._write("import") as conn:
            next_id = int(conn.execute("SELECT coalesce(max(id), 0) + 1 FROM rounds").fetchone()[0])
            batch: list[PastRound] = []
            written = 0
            for past in rounds:
                batch.append(past)
                if len(batch) >= chunk:
                    insert_batch(conn, batch, next_id + written)
                    written += len(batch)
                    batch = []
            insert_batch(conn, batch, next_id + written)
            written += len(batch)
            totals.rebuild(conn)
            cards.rebuild(conn)
        with self._lock:
            # One transaction left every page in the WAL: fold it into the file now.
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return written

    def delete_round(self, round_id: int) -> None:
        """Delete one round and its answers, and correct the totals it was part of."""
        with self._write("delete_round") as conn:
            row = conn.execute(
                "SELECT player, pack, mode, play_day FROM rounds WHERE id = ?", (round_id,)
            ).fetchone()
            if row is None:
                return
            player, pack, mode, day = row
            facts = [
                f
                for (f,) in conn.execute(
                    "SELECT DISTINCT fact FROM answer_facts WHERE round_id = ?", (round_id,)
                )
            ]
            keys = cards.round_keys(conn, round_id)
            conn.execute("DELETE FROM answer_facts WHERE round_id = ?", (round_id,))
            conn.execute("DELETE FROM answers WHERE round_id = ?", (round_id,))
            conn.execute("DELETE FROM rounds WHERE id = ?", (round_id,))
            totals.refresh_groups(conn, [(player, pack, mode, day)])
            totals.refresh_facts(conn, player, pack, facts)
            cards.refresh(conn, player, pack, keys)

    def delete_all(self, player: str | None = None) -> int:
        """Delete every round of a player (of everyone when None); return how many."""
        where, params = filters(player, None, None, None)
        with self._write("delete_all") as conn:
            found = conn.execute(f"SELECT count(*) FROM rounds WHERE {where}", params).fetchone()
            conn.execute(
                f"DELETE FROM answers WHERE round_id IN (SELECT id FROM rounds WHERE {where})",
                params,
            )
            for table in (
                "answer_facts",
                "rounds",
                "day_totals",
                "kind_totals",
                "kind_sums",
                "fact_totals",
                "fact_cards",
            ):
                conn.execute(f"DELETE FROM {table} WHERE {where}", params)
            return int(found[0])
