"""Statistics of a player's history, read from the running totals (never a scan of every answer).

A round's percentage is its points over the points of the questions it answered; averages and
bests count finished rounds that have at least one answer. A day counts towards a streak when a
round with at least one answer was started on it, in the player's local time as recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ali_quiz.history.store import HistoryStore
from ali_quiz.record import Record

LAST_N = 10


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class KindAccuracy(Record):
    """Points won out of points possible for one question kind."""

    kind: str
    answers: int
    points: int
    max_points: int
    skipped: int
    seconds: float

    @property
    def percent(self) -> float | None:
        """Accuracy in percent, None when nothing could be won."""
        return 100.0 * self.points / self.max_points if self.max_points else None


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class MissedFact(Record):
    """A fact the player got wrong: how often, when last, and its Leitner box now."""

    fact: str
    pack: str
    misses: int
    seen: int
    last_missed: datetime | None
    box: int


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Summary(Record):
    """What the history screen's summary panel shows."""

    rounds: int  # finished rounds
    started: int  # all rounds, finished or not
    answers: int
    average: float | None  # mean percentage of finished rounds
    best: float | None
    last_average: float | None  # mean percentage of the last LAST_N finished rounds
    current_streak: int  # days in a row up to today (or yesterday, when today has no round yet)
    longest_streak: int
    kinds: tuple[KindAccuracy, ...]
    recent: tuple[float, ...]  # percentages of the latest finished rounds, oldest first
    missed: tuple[MissedFact, ...]  # worst answered first


def _where(
    player: str, pack: str | None, mode: str | None, since: date | None, day: str
) -> tuple[str, list[Any]]:
    clauses, params = ["player = ?"], [player]
    for column, value in (("pack", pack), ("mode", mode)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if since is not None:
        clauses.append(f"{day} >= ?")
        params.append(since.isoformat())
    return " AND ".join(clauses), params


def streaks(days: Iterable[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive days.

    The current run ends on the latest day when that is today or yesterday (or later than today:
    a round recorded in a time zone ahead of this one), else it is 0.
    """
    ordered = sorted(set(days))
    longest = run = 0
    previous: date | None = None
    for day in ordered:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    if not ordered or ordered[-1] < today - timedelta(days=1):
        return 0, longest
    present = set(ordered)
    current, day = 0, ordered[-1]
    while day in present:
        current += 1
        day -= timedelta(days=1)
    return current, longest


def summary(
    store: HistoryStore,
    player: str,
    *,
    pack: str | None = None,
    mode: str | None = None,
    since: date | None = None,
    today: date | None = None,
    recent: int = 30,
    missed: int = 10,
) -> Summary:
    """A player's summary, optionally for one pack, one mode and the days since `since`."""
    today = today or date.today()
    where, params = _where(player, pack, mode, since, "day")
    started, rounds, scored, pct_sum, best, answers = store.query(
        f"""SELECT coalesce(sum(started), 0), coalesce(sum(rounds), 0), coalesce(sum(scored), 0),
                   total(pct_sum), max(best_pct), coalesce(sum(answers), 0)
            FROM day_totals WHERE {where}""",
        params,
    )[0]
    days = [
        date.fromisoformat(d)
        for (d,) in store.query(
            f"SELECT DISTINCT day FROM day_totals WHERE {where} AND answers > 0", params
        )
    ]
    current, longest = streaks(days, today)
    kinds = tuple(
        KindAccuracy(kind=k, answers=n, points=p, max_points=m, skipped=s, seconds=sec)
        for k, n, p, m, s, sec in store.query(
            f"""SELECT kind, sum(answers), sum(points), sum(max_points), sum(skipped),
                       total(seconds)
                FROM {"kind_totals" if since else "kind_sums"} WHERE {where}
                GROUP BY kind ORDER BY kind""",
            params,
        )
    )
    round_where, round_params = _where(player, pack, mode, since, "play_day")
    latest = [
        float(p)
        for (p,) in store.query(
            f"""SELECT pct FROM rounds WHERE {round_where} AND pct IS NOT NULL
                ORDER BY started_ts DESC, id DESC LIMIT ?""",
            [*round_params, max(recent, LAST_N)],
        )
    ]
    last = latest[:LAST_N]
    return Summary(
        rounds=rounds,
        started=started,
        answers=answers,
        average=pct_sum / scored if scored else None,
        best=best,
        last_average=sum(last) / len(last) if last else None,
        current_streak=current,
        longest_streak=longest,
        kinds=kinds,
        recent=tuple(reversed(latest[:recent])),
        missed=tuple(most_missed(store, player, pack=pack, limit=missed)),
    )


def most_missed(
    store: HistoryStore, player: str, *, pack: str | None = None, limit: int = 10
) -> list[MissedFact]:
    """The facts a player answered worst: the largest share of their answers missed, then the
    most misses, then the most recently missed (a fact missed once and answered right many
    times since comes after one missed every time)."""
    where, params = _where(player, pack, None, None, "")
    return [
        MissedFact(
            fact=fact,
            pack=fact_pack,
            misses=misses,
            seen=seen,
            last_missed=datetime.fromisoformat(at) if at else None,
            box=box,
        )
        for fact_pack, fact, misses, seen, at, box in store.query(
            f"""SELECT pack, fact, misses, seen, last_missed_at, box FROM fact_totals
                WHERE {where} AND misses > 0
                ORDER BY 1.0 * misses / seen DESC, misses DESC, last_missed_ts DESC, fact
                LIMIT ?""",
            [*params, limit],
        )
    ]
