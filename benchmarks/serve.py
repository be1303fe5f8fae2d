"""A class in the browser under load: 30 students against one student alone, in the same run.

`ali-quiz serve --code C --port 0` runs as its own process on 127.0.0.1 (plain log: its output
is a pipe). First one student plays the round alone; then 30 simulated students (aiohttp
websocket clients reading their tab with a terminal emulator, tests/serve_student.py) join one
a second and play the same 10-question round, answering 3 to 10 s apart (seeded).

Printed: join to first question (median, worst) from opening the websocket to question 1 drawn
(the name typed and Start pressed on the way); answer to feedback (median, p95) from the keys
sent to the feedback drawn; memory per tab (resident memory of the tab processes at their
peak, divided by their number) and the server's own; and that every answer is in the history
under its student's name and the round's code.

Goals, as ratios to the lone student of the same run: feedback p95 within 2x, first question
worst within 3x; nothing lost. Loopback only; every wait is bounded and the run stops itself.

Run: python benchmarks/serve.py [--students N] [--gap-min S] [--gap-max S] [--seed N]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchutil import ROOT, child_env, machine, quiz_command, verdict

sys.path.insert(0, str(ROOT / "tests"))

import contextlib

from ali_quiz.history.store import HistoryStore  # noqa: E402
from ali_quiz.quiz.kinds import Question  # noqa: E402
from serve_student import Student, child_processes, class_round  # noqa: E402

FEEDBACK_BUDGET = 2.0
FIRST_QUESTION_BUDGET = 3.0
RUN_LIMIT = 15 * 60.0  # seconds: the whole run stops by then, whatever happens


@dataclass
class Played:
    """What one student measured."""

    name: str
    first_question: float = 0.0
    feedback: list[float] = field(default_factory=list)
    error: str = ""


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


async def play(
    ws_url: str,
    name: str,
    questions: list[Question],
    gaps: tuple[float, float],
    rng: random.Random,
    start_at: float,
) -> Played:
    played = Played(name)
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    student = Student(ws_url, cols=80, rows=24)
    try:
        opened = time.monotonic()
        await student.connect()
        await student.start(name)
        played.first_question = time.monotonic() - opened
        for index in range(len(questions)):
            await asyncio.sleep(rng.uniform(*gaps))
            played.feedback.append(await student.answer(questions, index))
            await student.next(questions, index)
        await student.wait_for("Results")
    except Exception as error:  # reported, and counted as lost answers
        played.error = f"{type(error).__name__}: {str(error)[:200]}"
    finally:
        await student.close()
    return played


def rss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


async def watch_memory(server_pid: int, peak: dict[str, int], stop: asyncio.Event) -> None:
    """Sample the tab processes' resident memory every half second: the peak total and count."""
    while not stop.is_set():
        tabs = child_processes(server_pid)
        total = sum(rss_kib(pid) for pid in tabs)
        if total > peak["tabs"]:
            peak.update(tabs=total, count=len(tabs))
        peak["server"] = max(peak["server"], rss_kib(server_pid))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 0.5)


async def run(args: argparse.Namespace, data_dir: Path) -> int:
    code, questions = class_round(data_dir, seed=args.seed, count=10)
    env = child_env(data_dir / "bytecode")
    server = subprocess.Popen(
        [*quiz_command(), "--data-dir", str(data_dir), "serve", "--code", code, "--port", "0",
         "--max-players", str(args.students + 5)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        head = "".join(server.stdout.readline() for _ in range(4))
        found = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+)", head)
        if not found:
            print(f"the server did not start:\n{head}")
            return 1
        ws_url = f"{found.group(1).replace('http', 'ws')}/ws/{found.group(2)}"
        rng = random.Random(args.seed)
        now = time.monotonic()
        gaps = (args.gap_min, args.gap_max)
        lone = await play(ws_url, "Lone", questions, gaps, random.Random(rng.random()), now)
        peak = {"tabs": 0, "count": 0, "server": 0}
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch_memory(server.pid, peak, stop))
        now = time.monotonic()
        class_ = await asyncio.gather(
            *(
                play(ws_url, f"S{n:02d}", questions, gaps, random.Random(rng.random()), now + n)
                for n in range(args.students)
            )
        )
        stop.set()
        await watcher
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
    return report(args, code, questions, lone, class_, peak, data_dir)


def report(
    args: argparse.Namespace,
    code: str,
    questions: list[Question],
    lone: Played,
    class_: list[Played],
    peak: dict[str, int],
    data_dir: Path,
) -> int:
    print(f"machine: {machine()}")
    print(
        f"round {code}: {len(questions)} questions; {args.students} students joining one a"
        f" second, answering {args.gap_min:g} to {args.gap_max:g} s apart; and one alone first"
    )
    firsts = [p.first_question for p in class_ if not p.error]
    feedback = [f for p in class_ for f in p.feedback]
    ok = True
    for played in [lone, *class_]:
        if played.error:
            print(f"  {played.name}: {played.error}")
            ok = False
    if not firsts or not feedback or lone.error:
        print("FAIL: no figures")
        return 1
    print(
        f"join -> first question: lone {ms(lone.first_question)}; class median "
        f"{ms(statistics.median(firsts))}, worst {ms(max(firsts))}"
    )
    print(
        f"answer -> feedback: lone median {ms(statistics.median(lone.feedback))}, p95 "
        f"{ms(p95(lone.feedback))}; class median {ms(statistics.median(feedback))}, "
        f"p95 {ms(p95(feedback))}"
    )
    if peak["count"]:
        print(
            f"memory: {peak['tabs'] / peak['count'] / 1024:.1f} MiB per tab "
            f"({peak['count']} tabs at the peak); server {peak['server'] / 1024:.1f} MiB"
        )
    feedback_ratio = p95(feedback) / p95(lone.feedback)
    first_ratio = max(firsts) / lone.first_question
    ok &= budget("feedback p95, class / lone", feedback_ratio, FEEDBACK_BUDGET)
    ok &= budget("first question worst, class / lone", first_ratio, FIRST_QUESTION_BUDGET)
    ok &= nothing_lost(data_dir, code, [lone, *class_], len(questions))
    return 0 if ok else 1


def budget(label: str, ratio: float, limit: float) -> bool:
    print(f"{verdict(ratio <= limit)}: {label} {ratio:.2f} (at most {limit:g})")
    return ratio <= limit


def nothing_lost(data_dir: Path, code: str, players: list[Played], count: int) -> bool:
    opened = HistoryStore.open(data_dir)
    assert opened.store is not None
    with opened.store as store:
        rounds = {r.player: r for r in store.rounds() if r.code == code}

    def kept_of(name: str) -> int:
        record = rounds.get(name)
        return len(record.answers) if record is not None else 0

    lost = [
        p.name
        for p in players
        if len(p.feedback) != kept_of(p.name)
        or (len(p.feedback) == count and not rounds[p.name].finished)
    ]
    answered = sum(len(p.feedback) for p in players)
    kept = sum(len(r.answers) for r in rounds.values())
    finished = sum(1 for p in players if len(p.feedback) == count and not p.error)
    print(f"{verdict(finished == len(players))}: {finished} of {len(players)} students finished")
    word = verdict(not lost and kept == answered)
    print(f"{word}: nothing lost: {kept} answers in the history of {answered} given")
    return word == "PASS" and finished == len(players)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--gap-min", type=float, default=3.0)
    parser.add_argument("--gap-max", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ali-quiz-serve-bench-") as folder:
        try:
            return asyncio.run(asyncio.wait_for(run(args, Path(folder)), RUN_LIMIT))
        except TimeoutError:
            print(f"FAIL: the run did not end within {RUN_LIMIT:.0f} s")
            return 1


if __name__ == "__main__":
    sys.exit(main())
