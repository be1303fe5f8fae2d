"""The read-and-print commands against Python's own floor for what they need.

Each command runs as a whole process (the installed `ali-quiz` script, or `python -m ali_quiz`)
as a user runs it: no --data-dir, with HOME a temporary folder (so platformdirs chooses the
folders, and the settings and history are a new user's). Each is timed against
`python -c "import yaml, dataclasses, argparse, platformdirs"`: an interpreter that imports the
libraries these commands are built on and does nothing else. They alternate, in a shuffled
order each round, so that other work on a shared machine hits them alike; figures are medians.

Budget: `validate`, `generate` and `show` each within 1.5x of the floor, by wall time from start
to exit. CPU time (user + system of the child) is printed beside it: on a busy machine it is
the steadier measure of the work done. `--version` and `history --json` (three plain rounds)
are printed without a budget. Bytecode is compiled once into a temporary folder, as an
installed package has it.

Run: python benchmarks/cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

from benchutil import (
    Run,
    child_env,
    machine,
    median_ms,
    quiz_command,
    result,
    run_child,
    verdict,
)

BUDGET = 1.5
COMMANDS = (
    ("validate questions/dingtalk-2020.yaml", ["validate", "questions/dingtalk-2020.yaml"], True),
    ("generate --count 10 --seed 1", ["generate", "--count", "10", "--seed", "1"], True),
    ("show dingtalk-2020 --json", ["show", "dingtalk-2020", "--json"], True),
    ("--version", ["--version"], False),
    ("history --json", ["history", "--json"], False),
)
FLOOR = [sys.executable, "-c", "import yaml, dataclasses, argparse, platformdirs"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="alternating runs of each (15)")
    runs = max(10, parser.parse_args().runs)
    quiz = quiz_command()
    with tempfile.TemporaryDirectory(prefix="ali-quiz-bench-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        env = {
            k: v
            for k, v in child_env(Path(folder) / "bytecode").items()
            if not k.startswith("XDG_")
        }
        env["HOME"] = str(home)
        for seed in (1, 2, 3):  # a short history, so `history --json` has rounds to print
            run_child([*quiz, "play", "--plain", "--seed", str(seed)], env, stdin="skip\n" * 10)
        cases = {"floor": FLOOR} | {name: [*quiz, *argv] for name, argv, _ in COMMANDS}
        for argv in cases.values():  # warm the file cache; not counted
            run_child(argv, env)
        results: dict[str, list[Run]] = {name: [] for name in cases}
        order = list(cases)
        rng = random.Random(6)
        for _ in range(runs):
            rng.shuffle(order)
            for name in order:
                results[name].append(run_child(cases[name], env))

    print(f"ali-quiz commands against the floor: python -c {FLOOR[2]!r}; HOME a new folder")
    print(f"machine: {machine()}")
    print(f"command: {' '.join(quiz)}; {runs} alternating runs each, medians")
    print("wall = start to exit (the budget); cpu = user+system of the child")
    floor_wall = median_ms([r.wall for r in results["floor"]])
    floor_cpu = median_ms([r.cpu for r in results["floor"]])
    print(f"  {'floor':40s} wall {floor_wall:6.1f} ms          cpu {floor_cpu:6.1f} ms")
    ok_all = True
    summary: list[tuple[str, str, bool, bool]] = []
    for name, _, budgeted in COMMANDS:
        wall = median_ms([r.wall for r in results[name]])
        cpu = median_ms([r.cpu for r in results[name]])
        ratio = wall / floor_wall
        ok = ratio <= BUDGET
        ok_all &= ok or not budgeted
        said = f"budget {BUDGET}x: {verdict(ok)}" if budgeted else "(no budget)"
        print(
            f"  {name:40s} wall {wall:6.1f} ms {ratio:4.2f}x  cpu {cpu:6.1f} ms "
            f"{cpu / floor_cpu:4.2f}x  {said}"
        )
        summary.append((name, f"{ratio:.2f}x wall (cpu {cpu / floor_cpu:.2f}x)", ok, budgeted))
    for name, figure, ok, budgeted in summary:
        if budgeted:
            result(f"{name} / import floor", figure, f"<= {BUDGET}x", ok)
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
