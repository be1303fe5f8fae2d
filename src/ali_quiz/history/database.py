"""Opening the history file: create, migrate, or move a bad file aside; never raise on one.

A corrupt database (not a database, damaged pages, an impossible schema version) is renamed
`history.sqlite3.corrupt-<timestamp>` (never deleted or overwritten) and a new one is started.
A file that cannot be read (permission denied) or that is not a file (a folder, a FIFO) is
reported as such and left where it is: it is not corrupt. A folder that cannot be written
still shows the history it holds, read-only; a new history is not recorded there. Either way
the caller gets a warning that says what happened, where, and what to do: a Phrase, worded
in the interface's language by the front end (its str() is the English).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ali_quiz.history import schema
from ali_quiz.i18n import Phrase
from ali_quiz.record import Record

FILE_NAME = "history.sqlite3"
BUSY_TIMEOUT_MS = 10_000
#: How long a write waits for another program's lock before the game goes on without it (the
#: TUI writes between frames: it must not freeze for long), and each later try meanwhile.
WRITE_WAIT_MS = 5_000
WRITE_RETRY_MS = 500

_CORRUPT = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY"}


@dataclass(frozen=True, eq=False, repr=False)
class Opened(Record):
    """A connection (None: history off), a warning to show, and whether the file is unreadable."""

    conn: sqlite3.Connection | None
    warning: Phrase | None = None
    unreadable: bool = False  # there is a history file, but it cannot be read at all


def open_database(data_dir: Path, *, read_only: bool = False) -> Opened:
    """A migrated connection to `<data_dir>/history.sqlite3`, or None with a warning.

    `read_only`: only reading is wanted (`history`, reports): a folder or file that cannot be
    written still gives a connection (SQLite's `mode=ro`), and the rounds are not probed for
    damaged pages (`_probe`, a read of the whole table: 3 to 14 ms at 20,000 rounds, for a
    table of the newest 50): a reader meets damage where it reads, and its failed query has
    `after_query_failure` check the file and move it aside.
    """
    path = Path(data_dir) / FILE_NAME
    refused = _not_a_file(path) or _companion_not_a_file(path)
    if refused is not None:
        return Opened(None, _off(path, refused), unreadable=True)
    denied = _permission_denied(path)
    if denied is not None:
        return Opened(None, _off(path, denied), unreadable=True)
    if read_only and not path.exists():
        return Opened(None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return Opened(None, _off(path, Phrase.of("db.why.no_folder", error=exc)))
    try:
        return Opened(connect(path, probe=not read_only))
    except schema.NewerSchemaError as exc:
        return Opened(None, _off(path, Phrase.of("db.why.newer", error=exc)))
    except schema.CorruptSchemaError as exc:
        return _move_aside(path, exc, read_only=read_only)
    except (sqlite3.Error, OSError) as exc:
        if getattr(exc, "sqlite_errorname", "") in _CORRUPT:
            return _move_aside(path, exc, read_only=read_only)
        if path.exists() and _cannot_write(exc, path):
            return _read_only(path, exc, probe=not read_only)
        return Opened(None, _off(path, _describe(exc, path)))


def _not_a_file(path: Path) -> Phrase | None:
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        return Phrase.of("db.why.unreadable", error=exc)
    if stat.S_ISREG(mode):
        return None
    return Phrase.of("db.why.folder" if stat.S_ISDIR(mode) else "db.why.not_file")


def _companion_not_a_file(path: Path) -> Phrase | None:
    """A folder (or pipe, device) where SQLite keeps the history's write-ahead log, shared
    memory or rollback journal: SQLite fails with a misleading "read-only" or "disk I/O error",
    so it is named instead, and left where it is."""
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        try:
            mode = companion.stat().st_mode
        except OSError:
            continue
        if not stat.S_ISREG(mode):
            kind = "folder" if stat.S_ISDIR(mode) else "not_file"
            return Phrase.of(f"db.why.companion_{kind}", companion=companion)
    return None


def _permission_denied(path: Path) -> Phrase | None:
    """Why the file cannot be opened for reading (permission), or None; never moved for it."""
    try:
        with path.open("rb"):
            return None
    except (FileNotFoundError, NotADirectoryError):
        return None
    except PermissionError:
        return Phrase.of("db.why.denied")
    except OSError as exc:
        return Phrase.of("db.why.unreadable", error=exc)


def _cannot_write(exc: BaseException, path: Path) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    if name in ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_READONLY_DIRECTORY"):
        return True
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM):
        return True
    return not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK)


def _read_only(path: Path, exc: BaseException, *, probe: bool) -> Opened:
    """The history of a folder that cannot be written: shown, not recorded to."""
    last: BaseException = exc
    # mode=ro reads a WAL database when its -shm file can be made or is there; immutable=1
    # reads one in a folder nobody can write (no lock, no -shm: nobody can change it either).
    for query in ("mode=ro", "mode=ro&immutable=1"):
        try:
            conn = _connect_read_only(path, query, probe=probe)
        except schema.CorruptSchemaError as corrupt:
            return Opened(None, _off(path, Phrase.of("db.why.corrupt", error=corrupt)))
        except (sqlite3.Error, schema.NewerSchemaError) as error:
            last = error
            continue
        return Opened(conn, Phrase.of("db.read_only", path=path, error=exc))
    return Opened(None, _off(path, _describe(last, path)))


def _connect_read_only(path: Path, query: str, *, probe: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?{query}"
    conn = sqlite3.connect(
        uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        schema.check_not_newer(conn)
        if schema.user_version(conn) != schema.SCHEMA_VERSION:
            raise schema.DatabaseProblem(Phrase.of("db.schema.old_read_only"))
        if probe:
            _probe(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _move_aside(path: Path, exc: BaseException, *, read_only: bool = False) -> Opened:
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
        why = Phrase.of("db.why.no_move", error=exc, move_error=move_error)
        return Opened(None, _off(path, why))
    told = Phrase.of("db.moved", path=path, error=exc, aside=aside)
    if read_only:
        return Opened(None, told)
    opened = open_database(path.parent)
    if opened.warning:
        told = Phrase.of("db.moved_then", moved=told, then=opened.warning)
    return Opened(opened.conn, told)


def after_query_failure(path: Path, error: sqlite3.Error) -> Phrase:
    """A query failed: when `PRAGMA quick_check` finds damaged pages, move the file aside.

    Call it with every connection to the file closed. Returns the message for the player.
    """
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            found = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        finally:
            conn.close()
        damaged = found != ["ok"]
        details = "; ".join(found[:3])
        why: BaseException = schema.DatabaseProblem.damaged(details) if damaged else error
    except sqlite3.DatabaseError as check_error:
        damaged = getattr(check_error, "sqlite_errorname", "") in _CORRUPT
        why = check_error
    if not damaged:
        return Phrase.of("db.read_failed", path=path, error=error)
    moved = _move_aside(path, why, read_only=True).warning
    assert moved is not None  # moving aside always says what it did
    return moved


def close_if_damaged(conn: sqlite3.Connection, path: Path, error: sqlite3.Error) -> Phrase | None:
    """A write failed: when the file is damaged, close it, move it aside and say so."""
    if getattr(error, "sqlite_errorname", "") not in _CORRUPT:
        return None
    conn.close()
    return Phrase.of("db.damaged_mid_round", moved=after_query_failure(path, error))


def is_busy(error: BaseException) -> bool:
    """Whether SQLite gave up waiting for a lock another connection holds."""
    return getattr(error, "sqlite_errorname", "") in _BUSY or "locked" in str(error)


def connect(path: Path, *, probe: bool = True) -> sqlite3.Connection:
    """Open the database in WAL mode with a busy timeout and migrate it to the current schema;
    with `probe`, read the rounds' pages (`_probe`).

    Two processes creating the same new file at once can meet a lock that SQLite's busy
    handler does not wait for (switching to WAL, the first schema write): those steps are
    tried again until the busy timeout has passed.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            return _connect_once(path, probe)
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _connect_once(path: Path, probe: bool) -> sqlite3.Connection:
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
            raise schema.DatabaseProblem(Phrase.of("db.schema.no_wal"))
        # FULL: a committed answer survives a power cut too, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")
        schema.migrate(conn)
        if probe:
            _probe(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _probe(conn: sqlite3.Connection) -> None:
    """Read every page of the rounds table: damaged data pages fail here, not mid-round.

    When it fails, `PRAGMA quick_check` tells a damaged file (CorruptSchemaError: moved aside)
    from a passing trouble (the error goes up as it was).
    """
    try:
        conn.execute("SELECT max(length(player) + length(pack)) FROM rounds").fetchone()
    except sqlite3.DatabaseError as exc:
        try:
            found = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
        except sqlite3.DatabaseError:
            found = [str(exc)]
        if found != ["ok"]:
            raise schema.CorruptSchemaError.damaged("; ".join(found[:3])) from exc
        raise


def _off(path: Path, why: Phrase) -> Phrase:
    return Phrase.of("db.off", path=path, why=why)


def _describe(exc: BaseException, path: Path) -> Phrase:
    name = getattr(exc, "sqlite_errorname", "")
    if name == "SQLITE_READONLY" or (
        isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EROFS, errno.EPERM)
    ):
        return Phrase.of("db.why.read_only", error=exc)
    if name in ("SQLITE_CANTOPEN", "SQLITE_PERM") or not os.access(path.parent, os.W_OK):
        return Phrase.of("db.why.no_write", error=exc, folder=path.parent)
    return Phrase.of("db.why.no_open", error=exc)
