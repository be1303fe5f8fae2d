"""What the results and home screens show of a player's progress: how a round stands against
the player's last and best on its pack and mode, the latest rounds, the streak of days played.

Each figure is one query that an index of the history answers (schema.py): `rounds_best` for the
best, `rounds_group` for the last, `rounds_player_started` for the latest rounds, `day_totals`'
key for the days played; so home's summary (summary.py) is read in a worker after its first frame
without a wait, however long the history. Imports no SQLite: home's summary uses its records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ali_quiz.record import Record

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from ali_quiz.history.store import HistoryStore

RECENT = 5  # rounds the home screen lists
RECENT_MOST = 20  # rounds it may list when its panel has room (a tall terminal)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Standing(Record):
    """A player's earlier finished rounds of a pack and mode: how many, the last and the best
    percentage (None when there is none)."""

    rounds: int
    last: float | None
    best: float | None

    def is_new_best(self, percent: float) -> bool:
        """Whether `percent` beats every earlier round (a first round is no record to beat)."""
        return self.best is not None and percent > self.best


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class RecentRound(Record):
    """A finished round as the home screen lists it."""

    id: int
    pack: str
    mode: str
    score: int
    max_score: int
    started_at: datetime


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class ModeScores(Record):
    """A player's finished rounds of one pack and mode: how many, the best and the average
    percentage."""

    mode: str
    rounds: int
    best: float
    average: float


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Progress(Record):
    """What the home screen shows of a player's history."""

    rounds: int  # finished rounds, every pack
    streak: int  # days in a row with a round, up to today (or yesterday)
    played_today: bool
    recent: tuple[RecentRound, ...]  # newest first
    due: int  # facts of the pack due for review now
    by_mode: tuple[ModeScores, ...] = ()  # the pack's finished rounds, per mode

    @property
    def is_new_player(self) -> bool:
        return self.rounds == 0 and not self.recent


def standing(
    store: HistoryStore, player: str, pack: str, mode: str, *, exclude: int | None = None
) -> Standing:
    """The player's finished rounds of this pack and mode but `exclude` (the round just played)."""
    group = "player = ? AND pack = ? AND mode = ? AND id IS NOT ?"
    params = (player, pack, mode, exclude)
    count, best = store.query(
        f"SELECT count(*), max(pct) FROM rounds WHERE {group} AND pct IS NOT NULL", params
    )[0]
    # The day first: the index (player, pack, mode, play_day) gives the newest day's rounds,
    # and only those are sorted by the instant they started (`+pct` keeps SQLite from
    # choosing rounds_best, which would sort every round of the mode).
    last = store.query(
        f"""SELECT pct FROM rounds WHERE {group} AND +pct IS NOT NULL
            ORDER BY play_day DESC, started_ts DESC, id DESC LIMIT 1""",
        params,
    )
    return Standing(
        rounds=int(count),
        last=float(last[0][0]) if last else None,
        best=None if best is None else float(best),
    )


def recent_rounds(store: HistoryStore, player: str, limit: int = RECENT) -> list[RecentRound]:
    """The player's latest finished rounds with at least one answer, newest first."""
    return [
        RecentRound(
            id=int(round_id),
            pack=str(pack),
            mode=str(mode),
            score=int(score),
            max_score=int(max_score),
            started_at=datetime.fromisoformat(str(started_at)),
        )
        for round_id, pack, mode, score, max_score, started_at in store.query(
            """SELECT id, pack, mode, score, max_score, started_at FROM rounds
               WHERE player = ? AND finished_at IS NOT NULL AND answered > 0
               ORDER BY started_ts DESC, id DESC LIMIT ?""",
            (player, limit),
        )
    ]


def current_streak(store: HistoryStore, player: str, today: date) -> tuple[int, bool]:
    """(the current streak as stats.streaks counts it, whether the player played today).

    The run ends on the latest day with an answered round when that is today, yesterday or
    later (a time zone ahead); days are the player's local days as recorded. Only the days of
    the latest run are read, newest first.
    """
    return streak_at(latest_run(store, player), today)


def streak_at(run: tuple[date, int] | None, today: date) -> tuple[int, bool]:
    """(the current streak, whether the player played today) from the latest run of days: it
    counts while its last day is yesterday or later (a time zone ahead)."""
    if run is None:
        return 0, False
    latest, days = run
    if latest < today - timedelta(days=1):
        return 0, False
    return days, latest - timedelta(days=days - 1) <= today <= latest


def latest_run(store: HistoryStore, player: str) -> tuple[date, int] | None:
    """The latest day with an answered round and how many days in a row end on it."""
    latest: date | None = None
    days = 0
    with store.reading() as conn:
        rows = conn.execute(
            """SELECT DISTINCT day FROM day_totals WHERE player = ? AND answers > 0
               ORDER BY day DESC""",
            (player,),
        )
        for (text,) in rows:
            day = date.fromisoformat(str(text))
            if latest is not None and day != latest - timedelta(days=days):
                break
            latest = latest or day
            days += 1
    return None if latest is None else (latest, days)
