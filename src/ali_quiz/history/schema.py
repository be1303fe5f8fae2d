"""The history database's schema, one function per version, and the migrations between them.

The version lives in `PRAGMA user_version`. A migration function brings a database from the
version before it to its own; a new database runs every one of them in turn, so the path a
player's old database takes is the same path every test takes. Never edit a released version's
function: add the next one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from ali_quiz.history import cards, totals
from ali_quiz.i18n import Phrase, WordedError


class NewerSchemaError(WordedError):
    """The database was written by a newer ali-quiz than this one."""


class CorruptSchemaError(WordedError):
    """The database cannot be ours as it stands: an impossible version, or damaged pages."""

    @classmethod
    def damaged(cls, details: str) -> CorruptSchemaError:
        """`PRAGMA quick_check` found damaged pages (`details`: what it said, SQLite's words)."""
        return cls(Phrase.of("db.schema.damaged", details=details))


class DatabaseProblem(WordedError, sqlite3.OperationalError):
    """A database that cannot be used as it is (no WAL mode, an old schema in a read-only
    folder): an OperationalError, worded in the interface's language."""

    @classmethod
    def damaged(cls, details: str) -> DatabaseProblem:
        return cls(Phrase.of("db.schema.damaged", details=details))


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would commit the open migration transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:60]}")


def _v1(conn: sqlite3.Connection) -> None:
    """Version 1: rounds and their answers, nothing more."""
    _run_script(
        conn,
        """
        CREATE TABLE rounds (
            id INTEGER PRIMARY KEY,
            player TEXT NOT NULL,
            pack TEXT NOT NULL,
            pack_hash TEXT NOT NULL,
            mode TEXT NOT NULL,
            count INTEGER NOT NULL,
            seed TEXT,            -- text: a seed may not fit in SQLite's 64-bit integers
            code TEXT,
            date TEXT NOT NULL,
            ui_language TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            questions INTEGER NOT NULL
        );
        CREATE INDEX rounds_player_started ON rounds(player, started_at);
        CREATE TABLE answers (
            round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            facts TEXT NOT NULL,  -- JSON list of fact ids
            prompt TEXT NOT NULL,
            response TEXT NOT NULL,  -- JSON
            answer TEXT NOT NULL,  -- JSON
            points INTEGER NOT NULL,
            max_points INTEGER NOT NULL,
            skipped INTEGER NOT NULL,
            seconds REAL NOT NULL,
            PRIMARY KEY (round_id, position)
        );
        """,
    )


def _v2(conn: sqlite3.Connection) -> None:
    """Version 2: running totals, so that statistics never scan every answer.

    Rounds gain their own running score, a UTC timestamp to order by and the local day they were
    played on; answers gain the time they were given; four tables keep per-day, per-kind and
    per-fact totals up to date as each answer is written. Existing rows are filled in here.
    """
    _run_script(
        conn,
        """
        ALTER TABLE rounds ADD COLUMN started_ts REAL;
        ALTER TABLE rounds ADD COLUMN finished_ts REAL;
        ALTER TABLE rounds ADD COLUMN play_day TEXT;
        ALTER TABLE rounds ADD COLUMN score INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE rounds ADD COLUMN max_score INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE rounds ADD COLUMN answered INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE rounds ADD COLUMN seconds REAL NOT NULL DEFAULT 0;
        ALTER TABLE rounds ADD COLUMN pct REAL;
        ALTER TABLE answers ADD COLUMN answered_at TEXT;
        ALTER TABLE answers ADD COLUMN answered_ts REAL;

        -- The stored text keeps the offset it was written with, so its first ten characters are
        -- the local date of the player at the time; julianday() reads the offset for the instant
        -- (rounded to the millisecond: a julianday is a double, precise to tens of microseconds).
        UPDATE rounds SET
            started_ts = round((julianday(started_at) - 2440587.5) * 86400.0, 3),
            finished_ts = round((julianday(finished_at) - 2440587.5) * 86400.0, 3),
            play_day = substr(started_at, 1, 10);
        UPDATE rounds SET score = s.score, max_score = s.max_score, answered = s.answered,
                          seconds = s.seconds
        FROM (
            SELECT round_id, sum(points) AS score, sum(max_points) AS max_score,
                   count(*) AS answered, total(seconds) AS seconds
            FROM answers GROUP BY round_id
        ) AS s
        WHERE s.round_id = rounds.id;
        UPDATE rounds SET pct = 100.0 * score / max_score
            WHERE finished_at IS NOT NULL AND max_score > 0;

        -- Version 1 did not record when an answer was given: the round's start plus the time
        -- taken on the answers up to and including it is the best estimate there is (in UTC).
        UPDATE answers SET answered_ts = elapsed.ts
        FROM (
            SELECT a.rowid AS rid,
                   r.started_ts + sum(a.seconds) OVER (
                       PARTITION BY a.round_id ORDER BY a.position) AS ts
            FROM answers a JOIN rounds r ON r.id = a.round_id
        ) AS elapsed
        WHERE elapsed.rid = answers.rowid;
        UPDATE answers SET
            answered_at = strftime('%Y-%m-%dT%H:%M:%S', answered_ts, 'unixepoch') || '+00:00';

        DROP INDEX rounds_player_started;
        CREATE INDEX rounds_player_started ON rounds(player, started_ts);
        CREATE INDEX rounds_started ON rounds(started_ts);
        CREATE INDEX rounds_best ON rounds(player, pack, mode, pct);
        CREATE INDEX rounds_group ON rounds(player, pack, mode, play_day);
        CREATE INDEX rounds_unfinished ON rounds(player, started_ts) WHERE finished_at IS NULL;

        -- One row per fact of each answer, in the order answers were written (rowid): what
        -- per-fact totals are rebuilt from when a round is deleted.
        CREATE TABLE answer_facts (
            round_id INTEGER NOT NULL,
            position INTEGER NOT NULL,
            player TEXT NOT NULL,
            pack TEXT NOT NULL,
            fact TEXT NOT NULL,
            missed INTEGER NOT NULL,
            ts REAL NOT NULL
        );
        CREATE INDEX answer_facts_fact ON answer_facts(player, pack, fact);
        CREATE INDEX answer_facts_round ON answer_facts(round_id);

        -- Per player, pack, mode and local day: rounds started, finished, finished with a
        -- score, the sum and best of their percentages, and answers given.
        CREATE TABLE day_totals (
            player TEXT NOT NULL,
            pack TEXT NOT NULL,
            mode TEXT NOT NULL,
            day TEXT NOT NULL,
            started INTEGER NOT NULL DEFAULT 0,
            rounds INTEGER NOT NULL DEFAULT 0,
            scored INTEGER NOT NULL DEFAULT 0,
            pct_sum REAL NOT NULL DEFAULT 0,
            best_pct REAL,
            answers INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (player, day, pack, mode)  -- day second: periods are ranges of it
        ) WITHOUT ROWID;

        CREATE TABLE kind_totals (
            player TEXT NOT NULL,
            pack TEXT NOT NULL,
            mode TEXT NOT NULL,
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            answers INTEGER NOT NULL DEFAULT 0,
            points INTEGER NOT NULL DEFAULT 0,
            max_points INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            seconds REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (player, day, pack, mode, kind)
        ) WITHOUT ROWID;

        -- The same for all time, so that the usual summary reads a few rows, not one per day.
        CREATE TABLE kind_sums (
            player TEXT NOT NULL,
            pack TEXT NOT NULL,
            mode TEXT NOT NULL,
            kind TEXT NOT NULL,
            answers INTEGER NOT NULL DEFAULT 0,
            points INTEGER NOT NULL DEFAULT 0,
            max_points INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            seconds REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (player, pack, mode, kind)
        ) WITHOUT ROWID;

        -- Per player, pack and fact: answers seen, misses, the last miss, and its Leitner box
        -- (1 after a miss, one up per right answer since, up to the top box).
        CREATE TABLE fact_totals (
            player TEXT NOT NULL,
            pack TEXT NOT NULL,
            fact TEXT NOT NULL,
            seen INTEGER NOT NULL DEFAULT 0,
            misses INTEGER NOT NULL DEFAULT 0,
            last_missed_at TEXT,
            last_missed_ts REAL,
            box INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (player, pack, fact)
        ) WITHOUT ROWID;
        """,
    )
    # Answers of version 1 were written in order of (round, position): replaying them in that
    # order gives the per-fact rows and then every total.
    rows = conn.execute(
        """SELECT a.round_id, a.position, r.player, r.pack, a.facts, a.points, a.max_points,
                  a.skipped, a.answered_ts
           FROM answers a JOIN rounds r ON r.id = a.round_id
           ORDER BY a.answered_ts, a.round_id, a.position"""
    )
    conn.executemany(
        "INSERT INTO answer_facts(round_id, position, player, pack, fact, missed, ts)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            (rid, pos, player, pack, fact, totals.is_miss(points, max_points, bool(skipped)), ts)
            for rid, pos, player, pack, facts, points, max_points, skipped, ts in rows
            for fact in totals.fact_ids(facts)
        ),
    )
    totals.rebuild(conn)


def _v3(conn: sqlite3.Connection) -> None:
    """Version 3: an FSRS card per player, pack and fact, for the review round.

    Replaces the Leitner boxes as what `review` reads (fact_totals keeps them for the history
    screen). The cards are filled here by replaying every answer in the order it was written.
    """
    _run_script(
        conn,
        """
        CREATE TABLE fact_cards (
            player TEXT NOT NULL,
            pack TEXT NOT NULL,
            fact TEXT NOT NULL,
            state INTEGER NOT NULL,       -- fsrs.State: 1 learning, 2 review, 3 relearning
            step INTEGER,                 -- the learning step, NULL in review
            stability REAL NOT NULL,      -- days for recall to fall to 90%
            difficulty REAL NOT NULL,     -- 1 to 10
            due_ts REAL NOT NULL,         -- UTC timestamps
            last_review_ts REAL NOT NULL,
            reviews INTEGER NOT NULL,
            lapses INTEGER NOT NULL,
            PRIMARY KEY (player, pack, fact)
        ) WITHOUT ROWID;
        CREATE INDEX fact_cards_due ON fact_cards(player, pack, due_ts);
        """,
    )
    cards.rebuild(conn)


def _v4(conn: sqlite3.Connection) -> None:
    """Version 4: a match's and an order's facts missed one by one (`totals.missed_facts`).

    Until now a half-right match counted against every one of its facts, the pairs the player
    got right too, and the history's missed facts listed them. The answers say which pairs were
    right: their facts' rows are graded again, then the per-fact totals rebuilt.
    """
    from ali_quiz.history.records import ANSWER_COLUMNS, answer_record

    rows = conn.execute(
        f"SELECT {ANSWER_COLUMNS} FROM answers WHERE kind IN ('match', 'order') AND NOT skipped"
    ).fetchall()
    for row in rows:
        for fact, missed in totals.missed_facts(answer_record(row)).items():
            conn.execute(
                "UPDATE answer_facts SET missed = ?"
                " WHERE round_id = ? AND position = ? AND fact = ?",
                (int(missed), row[0], row[1], fact),
            )
    totals.rebuild(conn)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1, 2: _v2, 3: _v3, 4: _v4}
SCHEMA_VERSION = max(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version the database says it has (0 for a new one)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(conn: sqlite3.Connection) -> None:
    """Raise NewerSchemaError when the schema is newer than this code knows; CorruptSchemaError
    when its version is one no ali-quiz writes (negative)."""
    version = user_version(conn)
    if version < 0:
        raise CorruptSchemaError(Phrase.of("db.schema.unknown", version=version))
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(Phrase.of("db.schema.newer", version=version, known=SCHEMA_VERSION))


def migrate(conn: sqlite3.Connection) -> None:
    """Bring the database up to SCHEMA_VERSION, one version per transaction.

    The connection must be in autocommit mode. Each step re-reads the version inside its write
    transaction, so two processes opening the same old database migrate it once.
    """
    check_not_newer(conn)
    if user_version(conn) == SCHEMA_VERSION:
        return  # the usual case: no write lock taken, so a reader never waits for a writer
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            version = user_version(conn)
            if version >= SCHEMA_VERSION:
                conn.execute("COMMIT")
                return
            MIGRATIONS[version + 1](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
