"""What the home screen shows of a player's history, and a copy of it kept beside the history.

`read_summary` reads it from the store: the rounds to resume, when each fact card falls due, the
rounds finished, the latest run of days played, the recent rounds and the scores per pack and
mode. `HomeSummary` answers home's questions from that at any moment (how many facts are due
now, the streak up to today), so a pack change or the passing of time needs no query.

`save_summary` writes it to `history.home.json` beside `history.sqlite3` (a CRC-32 line, then
JSON), stamped with the state
of the history's files (the database and its write-ahead log: identity, size, modification
time, and the log's header, whose salts change whenever SQLite starts the log again), taken
before the read. `load_summary` gives it back only while those files are exactly as stamped and
it is the same player's: any write to the history (a round played here or elsewhere, a
checkpoint, a round deleted) changes them, and then the caller reads the history itself. So the
home screen of a returning player is drawn without loading SQLite at all (about 1.8 MB of a
40 MB start-up: benchmarks/startup.py), and a summary that is stale, damaged, missing, or
cannot be written only costs that saving, never a wrong figure.

This module imports neither sqlite3 nor the store at run time.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ali_quiz.history.progress import (
    RECENT_MOST,
    ModeScores,
    Progress,
    RecentRound,
    latest_run,
    recent_rounds,
    streak_at,
)
from ali_quiz.record import Record

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

    from ali_quiz.history.store import HistoryStore

FILE_NAME = "history.home.json"
HISTORY_FILE = "history.sqlite3"  # history.database.FILE_NAME (that module imports sqlite3)
#: 2: a round to resume carries its pack's content hash (a summary of format 1 is read again).
FORMAT = 2
#: The history's schema the summary was read under: schema.SCHEMA_VERSION (that module imports
#: sqlite3; a test keeps the two equal). A summary of an older schema is not used, so the first
#: start after an upgrade migrates the history in the worker, never when the player acts.
SCHEMA = 4
#: A summary larger than this is not kept (a history whose cards would make it so is read).
MAX_BYTES = 1024 * 1024
_WAL_HEADER = 32  # bytes: magic, version, page size, checkpoint number, salts, checksum


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Resumable(Record):
    """An unfinished round the player can carry on with, as home offers it."""

    id: int
    pack: str
    #: The content hash of the pack it was played from: it resumes only from that pack.
    pack_hash: str
    mode: str
    answered: int
    questions: int

    def resumes_from(self, content_hash: str) -> bool:
        """Whether the round can carry on with the pack whose content hash this is (a pack
        changed since makes other questions, and the answers kept would not fit them)."""
        return self.pack_hash == content_hash


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class HomeSummary(Record):
    """A player's history as home shows it, for any pack and any moment."""

    player: str
    resumable: tuple[Resumable, ...]  # newest first, review rounds left out
    due: dict[str, tuple[float, ...]]  # pack -> every card's due time (sorted, repeated)
    rounds: int  # finished rounds, every pack
    run: tuple[date, int] | None  # the latest day played and the days in a row up to it
    recent: tuple[RecentRound, ...]  # newest first
    modes: dict[str, tuple[ModeScores, ...]]  # pack -> scores per mode, most played first

    def due_now(self, pack: str, now: datetime) -> int:
        """How many facts of this pack are due at `now` (review.count_due's figure)."""
        return bisect_right(self.due.get(pack, ()), now.timestamp())

    def progress(self, pack: str | None, now: datetime) -> Progress:
        """What home shows of the history with this pack in play."""
        streak, played_today = streak_at(self.run, now.date())
        return Progress(
            rounds=self.rounds,
            streak=streak,
            played_today=played_today,
            recent=self.recent,
            due=self.due_now(pack, now) if pack is not None else 0,
            by_mode=self.modes.get(pack, ()) if pack is not None else (),
        )


def read_summary(store: HistoryStore, player: str) -> HomeSummary:
    """The player's summary, read from the history in one read transaction."""
    with store.reading() as conn:
        conn.execute("BEGIN")  # every figure from the same state of the history
        try:
            # store.query, so a test can see each query's plan (test_history_progress.py).
            ((rounds,),) = store.query(
                "SELECT coalesce(sum(rounds), 0) FROM day_totals WHERE player = ?", (player,)
            )
            due: dict[str, list[float]] = {}
            for pack, due_ts, count in store.query(
                """SELECT pack, due_ts, count(*) FROM fact_cards WHERE player = ?
                   GROUP BY pack, due_ts""",
                (player,),
            ):
                due.setdefault(str(pack), []).extend([float(due_ts)] * int(count))
            modes: dict[str, list[ModeScores]] = {}
            for pack, mode, count, best, average in store.query(
                """SELECT pack, mode, count(pct), max(pct), avg(pct) FROM rounds
                   WHERE player = ? AND pct IS NOT NULL GROUP BY pack, mode""",
                (player,),
            ):
                modes.setdefault(str(pack), []).append(
                    ModeScores(
                        mode=str(mode), rounds=int(count), best=float(best), average=float(average)
                    )
                )
            resumable = tuple(
                Resumable(
                    id=saved.id,
                    pack=saved.pack,
                    pack_hash=saved.pack_hash,
                    mode=saved.mode,
                    answered=len(saved.answers),
                    questions=saved.questions,
                )
                for saved in store.unfinished(player)
                if saved.mode != "review"
            )
            return HomeSummary(
                player=player,
                resumable=resumable,
                due={pack: tuple(times) for pack, times in due.items()},
                rounds=int(rounds),
                run=latest_run(store, player),
                recent=tuple(recent_rounds(store, player, RECENT_MOST)),
                modes={
                    pack: tuple(sorted(scores, key=lambda s: (-s.rounds, s.mode)))
                    for pack, scores in modes.items()
                },
            )
        finally:
            conn.execute("COMMIT")


# --- The copy beside the history ---------------------------------------------------------------


def history_stamp(data_dir: Path) -> list[Any] | None:
    """The state of the history's files, as a JSON value; None when there is no history."""
    path = Path(data_dir) / HISTORY_FILE
    try:
        main = os.stat(path)
    except OSError:
        return None
    stamp: list[Any] = [main.st_dev, main.st_ino, main.st_size, main.st_mtime_ns]
    wal = Path(f"{path}-wal")
    try:
        with open(wal, "rb") as log:
            info = os.fstat(log.fileno())
            stamp += [info.st_ino, info.st_size, info.st_mtime_ns, log.read(_WAL_HEADER).hex()]
    except FileNotFoundError:
        stamp.append(None)
    except OSError:
        return None  # a log that cannot be read cannot be vouched for
    return stamp


def save_summary(data_dir: Path, summary: HomeSummary, stamp: list[Any] | None) -> bool:
    """Keep `summary` beside the history, stamped with `stamp` (history_stamp before the read).

    Best effort: False when it is not kept (no history, too large, a folder that cannot be
    written); a summary already there is then removed, so it cannot outlive the history.
    """
    import json

    from ali_quiz.safety.files import atomic_write

    path = Path(data_dir) / FILE_NAME
    now = history_stamp(data_dir)
    if stamp is not None and stamp == now:
        body = json.dumps(_to_json(summary, stamp), ensure_ascii=False, separators=(",", ":"))
        data = body.encode()
        if len(data) <= MAX_BYTES:
            with contextlib.suppress(OSError):
                atomic_write(path, b"%08x\n" % zlib.crc32(data) + data, overwrite=True)
                return True
    if now is None or _kept_stamp(path) != now:
        # Stale, or of no history: it must not outlive the history. A summary stamped with the
        # files as they are now was kept by a later read that finished first (two reads in
        # threads, the older one slower): it stays.
        with contextlib.suppress(OSError):
            path.unlink()
    return False


def _kept_stamp(path: Path) -> Any:
    """The stamp of the summary kept at `path`, None when there is none or it is damaged."""
    import json

    from ali_quiz.safety.files import read_capped

    try:
        check, _, body = read_capped(path, MAX_BYTES).partition(b"\n")
        if check != b"%08x" % zlib.crc32(body):
            return None
        return json.loads(body, parse_constant=_no_constant)["stamp"]
    except (OSError, ValueError, TypeError, KeyError, RecursionError):
        return None


def load_summary(data_dir: Path, player: str) -> HomeSummary | None:
    """The kept summary when it is this player's and the history is as it was stamped, else
    None (missing, stale, damaged, not a regular file: the caller reads the history)."""
    from ali_quiz.safety.files import read_capped

    stamp = history_stamp(data_dir)
    if stamp is None:
        return None
    try:
        data = read_capped(Path(data_dir) / FILE_NAME, MAX_BYTES)
    except OSError:
        return None
    import json

    check, _, body = data.partition(b"\n")
    if check != b"%08x" % zlib.crc32(body):
        return None  # damaged or cut short
    try:
        found = json.loads(body, parse_constant=_no_constant)
        if (found["format"], found["schema"]) != (FORMAT, SCHEMA):
            return None
        if found["stamp"] != stamp or found["player"] != player:
            return None
        return _from_json(found)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, RecursionError):
        return None


def _no_constant(name: str) -> float:
    raise ValueError(name)  # NaN and Infinity are no figures of a history


def _to_json(summary: HomeSummary, stamp: list[Any]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema": SCHEMA,
        "stamp": stamp,
        "player": summary.player,
        "resumable": [
            [r.id, r.pack, r.pack_hash, r.mode, r.answered, r.questions] for r in summary.resumable
        ],
        "due": {pack: list(times) for pack, times in summary.due.items()},
        "rounds": summary.rounds,
        "run": None if summary.run is None else [summary.run[0].isoformat(), summary.run[1]],
        "recent": [
            [r.id, r.pack, r.mode, r.score, r.max_score, r.started_at.isoformat()]
            for r in summary.recent
        ],
        "modes": {
            pack: [[s.mode, s.rounds, s.best, s.average] for s in scores]
            for pack, scores in summary.modes.items()
        },
    }


def _from_json(found: dict[str, Any]) -> HomeSummary:
    """The summary of a JSON value; any value of the wrong type raises (TypeError, ValueError)."""

    def text(value: Any) -> str:
        if not isinstance(value, str):
            raise TypeError(value)
        return value

    def whole(value: Any) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(value)
        return value

    def figure(value: Any) -> float:
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise TypeError(value)
        return float(value)

    def when(value: Any) -> datetime:
        moment = datetime.fromisoformat(text(value))
        if moment.tzinfo is None:
            raise ValueError(value)
        return moment

    run = found["run"]
    due = {text(pack): tuple(figure(t) for t in times) for pack, times in found["due"].items()}
    if any(list(times) != sorted(times) for times in due.values()):
        raise ValueError("due times out of order")
    return HomeSummary(
        player=text(found["player"]),
        resumable=tuple(
            Resumable(
                id=whole(i),
                pack=text(p),
                pack_hash=text(h),
                mode=text(m),
                answered=whole(a),
                questions=whole(q),
            )
            for i, p, h, m, a, q in found["resumable"]
        ),
        due=due,
        rounds=whole(found["rounds"]),
        run=None if run is None else (date.fromisoformat(text(run[0])), whole(run[1])),
        recent=tuple(
            RecentRound(
                id=whole(i),
                pack=text(p),
                mode=text(m),
                score=whole(s),
                max_score=whole(x),
                started_at=when(at),
            )
            for i, p, m, s, x, at in found["recent"]
        ),
        modes={
            text(pack): tuple(
                ModeScores(mode=text(m), rounds=whole(n), best=figure(b), average=figure(a))
                for m, n, b, a in scores
            )
            for pack, scores in found["modes"].items()
        },
    )
