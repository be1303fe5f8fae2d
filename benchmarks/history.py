"""Benchmark the score history at 100,000 rounds and 1,000,000 answers.

Builds the history in a temporary folder (one bulk transaction through the real schema, running
totals included), then prints how long these take, each against its budget:

- the summary statistics of the history screen (goal: under 100 ms),
- the history screen, from start until its table has rows (goal: under 0.5 s),
- `ali-quiz history --json --limit 20` as a whole process (goal: under 0.5 s).

Run: python benchmarks/history.py [--rounds N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from ali_quiz.history import review, stats
from ali_quiz.history.store import AnswerRecord, HistoryStore, PastRound, RoundStart

PLAYER = "amy"
PACKS = ("dingtalk-2020", "dingtalk-2020-en")
MODES = ("quick", "order", "match", "estimate", "choice", "daily", "review")
KINDS = ("order", "match", "estimate", "choice")
FACTS = [f"fact-{n:03d}" for n in range(150)]
TAIPEI = timezone(timedelta(hours=8))
SUMMARY_BUDGET, SCREEN_BUDGET, CLI_BUDGET = 0.100, 0.5, 0.5
PROMPTS = {
    "order": "依發生的先後排列：釘釘測試版上線、來往更名點點蟲、釘釘 5.0 發布",
    "match": "把每個版本配上它的代號",
    "estimate": "2020 年 1 月，釘釘的月活躍人數大約是多少？",
    "choice": "哪一個應用程式最早推出？",
}


def history(rounds: int, answers_per_round: int, seed: int = 1) -> Iterator[PastRound]:
    """A player's rounds, oldest first, about 90 a day, ending yesterday."""
    rng = random.Random(seed)
    start = datetime(2024, 3, 1, 8, 0, tzinfo=TAIPEI) - timedelta(minutes=16 * rounds)
    for n in range(rounds):
        begin = start + timedelta(minutes=16 * n)
        answers = []
        at = begin
        for position in range(answers_per_round):
            kind = rng.choice(KINDS)
            seconds = rng.uniform(3, 40)
            at += timedelta(seconds=seconds)
            points = rng.choice((0, 40, 67, 100, 100, 100))
            answers.append(
                AnswerRecord(
                    position=position,
                    question_id=f"{kind}-{n}-{position}",
                    kind=kind,
                    facts=tuple(rng.sample(FACTS, rng.randint(1, 3))),
                    prompt=PROMPTS[kind],
                    response=["a", "b", "c"] if points == 100 else ["b", "a", "c"],
                    answer=["a", "b", "c"],
                    points=points,
                    max_points=100,
                    skipped=False,
                    seconds=round(seconds, 2),
                    answered_at=at,
                )
            )
        yield PastRound(
            start=RoundStart(
                player=PLAYER,
                pack=PACKS[n % 7 == 0],
                pack_hash="0" * 16,
                mode=rng.choice(MODES),
                count=answers_per_round,
                seed=rng.randrange(2**31),
                code=None,
                date=begin.date().isoformat(),
                ui_language="zh-Hant",
                started_at=begin,
            ),
            questions=answers_per_round,
            answers=tuple(answers),
            finished_at=None if n % 50 == 0 else at + timedelta(seconds=5),
        )


def timed(action: Callable[[], Any], repeat: int = 5) -> float:
    """The median wall time of `repeat` runs, in seconds."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def verdict(label: str, seconds: float, budget: float) -> bool:
    ok = seconds < budget
    print(f"  {label:<58} {seconds * 1000:8.1f} ms  (goal < {budget * 1000:.0f} ms)  "
          f"{'PASS' if ok else 'FAIL'}")  # fmt: skip
    return ok


def time_screen(store: HistoryStore, today: date) -> float:
    """Seconds from starting a headless app until the history table shows rows."""
    from textual.app import App
    from textual.widgets import DataTable

    from ali_quiz.tui.screens.history import HistoryScreen

    class Bench(App[None]):
        def on_mount(self) -> None:
            now = datetime.combine(today, datetime.min.time(), TAIPEI)
            self.push_screen(HistoryScreen(store, PLAYER, list(PACKS), now=lambda: now))

    async def run() -> float:
        began = time.perf_counter()
        app = Bench()
        async with app.run_test(size=(80, 24)) as pilot:
            while True:
                tables = app.screen.query("#rounds-table")
                if tables and tables.first(DataTable).row_count:
                    return time.perf_counter() - began
                await pilot.pause(0.005)

    return statistics.median(asyncio.run(run()) for _ in range(3))


def time_cli(data_dir: Path) -> tuple[float, str]:
    """Seconds for `history --json --limit 20` in a fresh interpreter, and how it was run."""
    from ali_quiz import commands

    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    if "history" in getattr(commands, "HANDLERS", {}):
        argv = [sys.executable, "-m", "ali_quiz", "--data-dir", str(data_dir), "history",
                "--json", "--limit", "20"]  # fmt: skip
        how = "ali-quiz history --json --limit 20"
    else:  # before the command existed: the same work from a `python -c`
        code = (
            "import sys; from pathlib import Path; from ali_quiz.history import export;"
            "from ali_quiz.history.store import HistoryStore;"
            "s = HistoryStore.open(Path(sys.argv[1])).store;"
            "sys.stdout.write(export.to_json(s.rounds(limit=20)))"
        )
        argv = [sys.executable, "-c", code, str(data_dir)]
        how = "python -c: export.to_json(store.rounds(limit=20))"
    times = []
    for _ in range(5):
        began = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - began)
        if done.returncode != 0 or not done.stdout.startswith(b"["):
            raise SystemExit(f"{how} failed:\n{done.stderr.decode(errors='replace')}")
    return statistics.median(times), how


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=10, help="answers per round")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the history in DIR")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="ali-quiz-bench-"))
    opened = HistoryStore.open(folder)
    if opened.store is None:
        raise SystemExit(opened.warning)
    store = opened.store
    if not store.count_rounds():
        print(f"Building {args.rounds:,} rounds × {args.answers} answers in {folder} …")
        began = time.perf_counter()
        written = store.bulk_import(history(args.rounds, args.answers))
        print(f"  built {written:,} rounds in {time.perf_counter() - began:.1f} s")
    rounds = store.count_rounds()
    answers = store.query("SELECT count(*) FROM answers")[0][0]
    size = sum(p.stat().st_size for p in folder.glob("history.sqlite3*")) / 2**20
    print(f"History: {rounds:,} rounds, {answers:,} answers, {size:.0f} MiB\n")

    today = date(2024, 3, 1)
    results = []
    print("Summary statistics (median of 5)")
    results.append(verdict("summary: all packs and modes",
                           timed(lambda: stats.summary(store, PLAYER, today=today)),
                           SUMMARY_BUDGET))  # fmt: skip
    results.append(verdict("summary: one pack, one mode, last 30 days",
                           timed(lambda: stats.summary(store, PLAYER, pack=PACKS[0], mode="quick",
                                                       since=today - timedelta(days=29),
                                                       today=today)),
                           SUMMARY_BUDGET))  # fmt: skip
    results.append(verdict("personal bests per pack and mode",
                           timed(lambda: stats.personal_bests(store, PLAYER)),
                           SUMMARY_BUDGET))  # fmt: skip
    latest = store.round_rows(player=PLAYER, limit=1)[0].id
    results.append(verdict("did the last round beat the personal best?",
                           timed(lambda: stats.check_personal_best(store, latest)),
                           SUMMARY_BUDGET))  # fmt: skip
    now = datetime.combine(today, datetime.min.time(), TAIPEI)
    results.append(verdict("review weights of a pack",
                           timed(lambda: review.mistake_weights(store, PLAYER, PACKS[0], now)),
                           SUMMARY_BUDGET))  # fmt: skip
    print("\nHistory screen (headless 80x24, median of 3)")
    results.append(verdict("start until the table has rows", time_screen(store, today),
                           SCREEN_BUDGET))  # fmt: skip
    store.close()
    print("\nCommand line (whole process, median of 5)")
    seconds, how = time_cli(folder)
    results.append(verdict(how, seconds, CLI_BUDGET))
    print(f"\n{sum(results)} of {len(results)} within budget")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
