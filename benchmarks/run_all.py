"""Every benchmark, one after the other, and one table of every budget with PASS or FAIL.

Run from a checkout after the README's test set-up (`startup.py` and `feedback.py` also want
tmux, and are skipped with a note without it):

    python benchmarks/run_all.py [--markdown] [--only NAME ...]

Each script runs as it would alone (its own floors, measured in the same run, its own clean-up)
and prints its figures; this prints them as they come, then the table. Exit status 0 when every
budget passes. About three to five minutes on a 2-CPU machine: each script's start and length,
and the whole run's, are printed by the wall clock.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime

from benchutil import BENCHMARKS, RESULT, machine

SCRIPTS = ("cli", "history", "packs", "startup", "feedback")
NEEDS_TMUX = ("startup", "feedback")


def clock(moment: float) -> str:
    """A wall-clock moment as people read it: `17:45:02 UTC`."""
    return datetime.fromtimestamp(moment, UTC).strftime("%H:%M:%S UTC")


def run(name: str) -> tuple[list[list[str]], int]:
    """Run one script, echoing its output; its RESULT lines as table rows, and its status."""
    began = time.time()
    print(f"\n=== benchmarks/{name}.py (started {clock(began)})", flush=True)
    process = subprocess.Popen(
        [sys.executable, str(BENCHMARKS / f"{name}.py")],
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    rows = []
    assert process.stdout is not None
    for line in process.stdout:
        print(line, end="", flush=True)
        if line.startswith(RESULT):
            rows.append([name, *(cell.strip() for cell in line[len(RESULT) :].split(" | "))])
    status = process.wait()
    print(f"=== benchmarks/{name}.py took {time.time() - began:.0f} s", flush=True)
    return rows, status


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=SCRIPTS, help="run only these scripts")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args()
    # The wall clock (time.time), not perf_counter: the run's length as a clock on the wall
    # shows it. A monotonic clock stops while the machine is paused (a virtual machine taken
    # off its host for a while), and then said a run was shorter than it was.
    began = time.time()
    rows: list[list[str]] = []
    failed = False
    for name in args.only or SCRIPTS:
        if name in NEEDS_TMUX and shutil.which("tmux") is None:
            rows.append([name, "(skipped: tmux not found)", "", "", "SKIP"])
            continue
        found, status = run(name)
        rows.extend(found)
        if status != 0 and not any(r[-1] == "FAIL" for r in found):
            rows.append([name, f"(exited {status})", "", "", "FAIL"])
        failed |= status != 0
    header = ["script", "measure", "figure", "budget", "result"]
    print(f"\nmachine: {machine()}")
    ended = time.time()
    print(
        f"command: python benchmarks/run_all.py (from {clock(began)} to {clock(ended)}:"
        f" {ended - began:.0f} s)\n"
    )
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, ["-" * w for w in widths], *rows]:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    failed |= any(r[-1] == "FAIL" for r in rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
