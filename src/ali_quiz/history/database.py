"""Opening the history file: create, migrate, or move a bad file aside; never raise on one.

A corrupt or unreadable database is renamed `history.sqlite3.corrupt-<timestamp>` (never deleted
or overwritten) and a new one is started; a folder that cannot be written turns history off.
Either way the caller gets a warning that says what happened, where, and what to do.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from ali_quiz.history import schema

FILE_NAME = "history.sqlite3"
BUSY_TIMEOUT_MS = 10_000

_CORRUPT = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}


def open_database(data_dir: Path) -> tuple[sqlite3.Connection | None, str | None]:
    """A migrated connection to `<data_dir>/history.sqlite3` (None: history off), and a warning."""
    path = Path(data_dir) / FILE_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return None, _off(path, f"cannot be created: the folder cannot be made ({exc.strerror})")
    try:
        return connect(path), None
    except schema.NewerSchemaError as exc:
        return None, _off(path, f"was written by a newer ali-quiz ({exc}); update ali-quiz")
    except (sqlite3.Error, OSError) as exc:
        name = getattr(exc, "sqlite_errorname", "")
        if name in _CORRUPT or (path.exists() and not os.access(path, os.R_OK)):
            return _move_aside(path, exc)
        return None, _off(path, _describe(exc, path))


def _move_aside(path: Path, exc: BaseException) -> tuple[sqlite3.Connection | None, str | None]:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    try:
        path.rename(aside)
        # The WAL and shared-memory files belong to the old file: keep them beside it.
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(aside.with_name(aside.name + suffix))
    except OSError as move_error:
        return None, _off(
            path,
            f"cannot be read ({exc}) and cannot be moved aside ({move_error.strerror});"
            " move or delete it yourself",
        )
    conn, warning = open_database(path.parent)
    told = (
        f"The score history {path} could not be read ({exc}). It was moved to {aside} and a new,"
        " empty history was started; the old file is kept for you to inspect or delete."
    )
    return conn, f"{told} {warning}" if warning else told


def connect(path: Path) -> sqlite3.Connection:
    """Open the database in WAL mode with a busy timeout and migrate it to the current schema."""
    # Autocommit mode: every write opens its own BEGIN IMMEDIATE, so a writer waits for the
    # lock (busy timeout) up front instead of failing when a read upgrades to a write.
    conn = sqlite3.connect(
        path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Reading the schema is what fails on a file that is not a database.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # Before anything writes (even the switch to WAL): a newer ali-quiz's file stays as is.
        schema.check_not_newer(conn)
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() != "wal":
            raise sqlite3.OperationalError("the database cannot be switched to WAL mode")
        # FULL: a committed answer survives a power cut too, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        schema.migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _off(path: Path, why: str) -> str:
    return (
        f"Score history is off: {path} {why}. The game still plays, but rounds are not recorded;"
        " use --data-dir to choose a folder you can write to."
    )


def _describe(exc: BaseException, path: Path) -> str:
    name = getattr(exc, "sqlite_errorname", "")
    if name == "SQLITE_READONLY" or (
        isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM)
    ):
        return f"is read-only ({exc})"
    if name in ("SQLITE_CANTOPEN", "SQLITE_PERM") or not os.access(path.parent, os.W_OK):
        return f"cannot be opened for writing ({exc}); the folder {path.parent} may be read-only"
    return f"cannot be opened ({exc})"
