"""A long score history: `ali-quiz history` and its exports against plain SQLite streams.

Builds a history of 20,000 rounds and 200,000 answers (fact ids, kinds and prompts of the
built-in pack dingtalk-2020, so a review round has real facts to draw) in a temporary folder,
then runs each command as a whole process, alternating with its floor: a `python -c` that
streams the same rows with nothing but sqlite3 and the standard library.

| measured | floor (same rows, same run) | budget |
| --- | --- | --- |
| `history --csv` | sqlite3 rows joined, `csv.writer.writerows` | 1.5x wall, peak < 80 MB |
| `history --json` | sqlite3 rows joined, `json.dumps` a row | 1.5x wall, peak < 80 MB |
| `history --limit 0` (the table, all) | sqlite3 rounds, a tab-joined line each | 3x wall |
| `history` (the table, newest 50) | the same, newest 50 | 3x wall |

Also printed: the history screen's summary queries and a review round from this history
(`generate --mode review`), CPU time in this process against their goals. Output goes to
/dev/null; peak memory is the command's own VmHWM (one more run each, through peak.py).
The folder is removed at the end.

Run: python benchmarks/history.py [--rounds N] [--runs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from benchutil import (
    ROOT,
    Run,
    child_env,
    machine,
    median_ms,
    peak_mb,
    quiz_command,
    result,
    run_child,
    verdict,
)

from ali_quiz.config import default_player
from ali_quiz.history import review, stats
from ali_quiz.history.store import AnswerRecord, HistoryStore, PastRound, RoundStart
from ali_quiz.packs.loader import load_pack

PACK = ROOT / "questions" / "dingtalk-2020.yaml"
MODES = ("quick", "order", "match", "estimate", "choice", "daily", "review")
KINDS = ("order", "match", "estimate", "choice")
TAIPEI = timezone(timedelta(hours=8))
PEAK_MB = 80.0
STATS_GOAL = 0.100

ROUND_SQL = (
    "SELECT id, player, pack, mode, started_at, finished_at, score, max_score, answered,"
    " seconds FROM rounds ORDER BY started_ts DESC, id DESC"
)
JOINED_SQL = (
    "SELECT r.id, r.player, r.pack, r.pack_hash, r.mode, r.count, r.seed, r.code, r.date,"
    " r.ui_language, r.started_at, r.finished_at, r.finished_at IS NOT NULL, r.score,"
    " r.max_score, a.position, a.question_id, a.kind, a.facts, a.prompt, a.response, a.answer,"
    " a.points, a.max_points, a.skipped, a.seconds FROM rounds r"
    " LEFT JOIN answers a ON a.round_id = r.id ORDER BY r.started_ts DESC, r.id DESC, a.position"
)
FLOORS = {
    "csv": "import csv, sqlite3, sys\n"
    "rows = sqlite3.connect(sys.argv[1]).execute(sys.argv[2])\n"
    "csv.writer(sys.stdout, lineterminator='\\n').writerows(rows)\n",
    "json": "import json, sqlite3, sys\n"
    "write = sys.stdout.write\n"
    "for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):\n"
    "    write(json.dumps(row, ensure_ascii=False) + ',\\n')\n",
    "rounds": "import sqlite3, sys\n"
    "write = sys.stdout.write\n"
    "for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):\n"
    "    write('\\t'.join(map(str, row)) + '\\n')\n",
}


def history(rounds: int, per_round: int, player: str, seed: int = 1) -> Iterator[PastRound]:
    """A player's rounds on the built-in pack, oldest first, about 90 a day, ending yesterday."""
    pack = load_pack(PACK)
    labels = pack.fact_labels()
    facts = sorted(labels)
    rng = random.Random(seed)
    start = datetime(2024, 3, 1, 8, 0, tzinfo=TAIPEI) - timedelta(minutes=16 * rounds)
    for n in range(rounds):
        begin = start + timedelta(minutes=16 * n)
        answers, at = [], begin
        for position in range(1, per_round + 1):
            kind = rng.choice(KINDS)
            seconds = rng.uniform(3, 40)
            at += timedelta(seconds=seconds)
            points = rng.choice((0, 40, 67, 100, 100, 100))
            chosen = tuple(rng.sample(facts, 1 if kind in ("estimate", "choice") else 3))
            right: Any = {"estimate": 76102000, "choice": "b"}.get(kind, ["a", "b", "c"])
            answers.append(
                AnswerRecord(
                    position=position,
                    question_id=f"{kind}-{'-'.join(chosen)}",
                    kind=kind,
                    facts=chosen,
                    prompt=f"{labels[chosen[0]]}？" if kind != "order" else "依先後排列",
                    response=right
                    if points == 100
                    else {"estimate": 5e7, "choice": "c"}.get(kind, ["b", "a", "c"]),
                    answer=right,
                    points=points,
                    max_points=100,
                    skipped=False,
                    seconds=round(seconds, 2),
                    answered_at=at,
                )
            )
        yield PastRound(
            start=RoundStart(
                player=player,
                pack=pack.id,
                pack_hash=pack.content_hash,
                mode=rng.choice(MODES),
                count=per_round,
                seed=rng.randrange(1_000_000),
                code=None,
                date=begin.date().isoformat(),
                ui_language="zh-Hant",
                started_at=begin,
            ),
            questions=per_round,
            answers=tuple(answers),
            finished_at=None if n % 50 == 0 else at + timedelta(seconds=5),
        )


def cpu_median(action: Callable[[], object], repeat: int = 5) -> float:
    """The median CPU seconds of `repeat` runs in this process."""
    times = []
    for _ in range(repeat):
        began = time.process_time()
        action()
        times.append(time.process_time() - began)
    return statistics.median(times)


def build(folder: Path, rounds: int, per_round: int, player: str) -> None:
    opened = HistoryStore.open(folder)
    if opened.store is None:
        raise SystemExit(opened.warning)
    with opened.store as store:
        if store.count_rounds():
            return
        print(f"building {rounds:,} rounds x {per_round} answers in {folder} ...", flush=True)
        began = time.perf_counter()
        store.bulk_import(history(rounds, per_round, player))
        print(f"  built in {time.perf_counter() - began:.1f} s", flush=True)


def in_process(folder: Path, player: str) -> list[tuple[str, float, float]]:
    """The history screen's queries and a review's weights: (label, CPU seconds, goal)."""
    today = date(2024, 3, 1)
    now = datetime.combine(today, datetime.min.time(), TAIPEI)
    opened = HistoryStore.open(folder)
    assert opened.store is not None
    with opened.store as store:
        return [
            (
                "summary: all packs and modes",
                cpu_median(lambda: stats.summary(store, player, today=today)),
                STATS_GOAL,
            ),
            (
                "facts due for review in the pack",
                cpu_median(lambda: review.due_weights(store, player, "dingtalk-2020", now)),
                STATS_GOAL,
            ),
        ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20_000)
    parser.add_argument("--answers", type=int, default=10, help="answers per round (10)")
    parser.add_argument("--runs", type=int, default=5, help="alternating runs of each (5)")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the history in DIR")
    args = parser.parse_args()
    runs = max(3, args.runs)
    quiz = quiz_command()
    player = default_player()
    with tempfile.TemporaryDirectory(prefix="ali-quiz-bench-") as scratch:
        folder = args.keep or Path(scratch) / "data"
        build(folder, args.rounds, args.answers, player)
        db = str(folder / "history.sqlite3")
        size = sum(p.stat().st_size for p in folder.glob("history.sqlite3*")) / 2**20
        env = child_env(Path(scratch) / "bytecode")
        home = [*quiz, "--data-dir", str(folder)]
        floor = [sys.executable, "-c"]
        cases: dict[str, list[str]] = {
            "history --csv": [*home, "history", "--csv"],
            "floor csv": [*floor, FLOORS["csv"], db, JOINED_SQL],
            "history --json": [*home, "history", "--json"],
            "floor json": [*floor, FLOORS["json"], db, JOINED_SQL],
            "history --limit 0": [*home, "history", "--limit", "0"],
            "floor rounds": [*floor, FLOORS["rounds"], db, ROUND_SQL],
            "history": [*home, "history"],
            "floor 50 rounds": [*floor, FLOORS["rounds"], db, ROUND_SQL + " LIMIT 50"],
            "generate --mode review": [
                *home,
                "generate",
                "--mode",
                "review",
                "--date",
                "2024-03-01",
            ],
            "generate --mode quick": [*home, "generate", "--mode", "quick", "--date", "2024-03-01"],
        }
        for argv in cases.values():  # compile bytecode, warm the file cache; not counted
            run_child(argv, env, discard_output=True)
        results: dict[str, list[Run]] = {name: [] for name in cases}
        order = list(cases)
        rng = random.Random(14)
        for _ in range(runs):
            rng.shuffle(order)
            for name in order:
                results[name].append(run_child(cases[name], env, discard_output=True))
        peaks = {name: peak_mb(argv, env) for name, argv in cases.items()}
        checks = in_process(folder, player)

    print("ali-quiz history against plain sqlite3 streams of the same rows")
    print(f"machine: {machine()}")
    print(
        f"history: {args.rounds:,} rounds, {args.rounds * args.answers:,} answers, {size:.0f} MiB"
    )
    print(f"command: {' '.join(quiz)}; {runs} alternating runs each, medians; output to /dev/null")

    def figure(name: str) -> tuple[float, float, float]:
        done = results[name]
        return (
            median_ms([r.wall for r in done]),
            median_ms([r.cpu for r in done]),
            peaks[name],
        )

    ok_all = True
    summary: list[tuple[str, str, str, bool]] = []
    for name, floor_name, budget, peak_budget in (
        ("history --csv", "floor csv", 1.5, PEAK_MB),
        ("history --json", "floor json", 1.5, PEAK_MB),
        ("history --limit 0", "floor rounds", 3.0, None),
        ("history", "floor 50 rounds", 3.0, None),
    ):
        wall, cpu, peak = figure(name)
        f_wall, f_cpu, f_peak = figure(floor_name)
        ok = wall / f_wall <= budget and (peak_budget is None or peak < peak_budget)
        ok_all &= ok
        memory = f", peak < {peak_budget:.0f} MB" if peak_budget else ""
        print(
            f"  {floor_name:22s} wall {f_wall:7.0f} ms  cpu {f_cpu:7.0f} ms  peak {f_peak:5.1f} MB"
        )
        print(
            f"  {name:22s} wall {wall:7.0f} ms  cpu {cpu:7.0f} ms  peak {peak:5.1f} MB"
            f"  {wall / f_wall:4.2f}x (cpu {cpu / f_cpu:4.2f}x)  budget {budget}x{memory}:"
            f" {verdict(ok)}"
        )
        summary.append(
            (
                f"{name} / {floor_name}",
                f"{wall / f_wall:.2f}x wall (cpu {cpu / f_cpu:.2f}x), peak {peak:.0f} MB",
                f"<= {budget}x" + (f", < {peak_budget:.0f} MB" if peak_budget else ""),
                ok,
            )
        )
    wall, cpu, _ = figure("generate --mode review")
    q_wall, q_cpu, _ = figure("generate --mode quick")
    print(
        f"  review round from this history: wall {wall:.0f} ms, cpu {cpu:.0f} ms"
        f" ({wall / q_wall:.2f}x a quick round's {q_wall:.0f} ms; no budget)"
    )
    print("in this process, CPU medians of 5:")
    for label, seconds, goal in checks:
        ok = seconds < goal
        ok_all &= ok
        print(f"  {label:40s} {seconds * 1000:7.1f} ms  goal < {goal * 1000:.0f} ms: {verdict(ok)}")
        summary.append((label, f"{seconds * 1000:.1f} ms cpu", f"< {goal * 1000:.0f} ms", ok))
    for measure, figure, budget_text, ok in summary:
        result(measure, figure, budget_text, ok)
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
