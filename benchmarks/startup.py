"""Start-up and memory of the TUI against a minimal Textual app (one Static and a Footer).

Start-up is the wall time from starting the process to the home screen drawn: its content (the
title bar and its panels) and the Footer's keys on screen. It is a wall-clock event by nature,
so the budget is on wall time; the CPU seconds the process had used by then are printed beside
it (steadier on a busy machine). Both apps are launched alternately, the same number of times,
and the medians compared. Budgets, in tmux (headless when tmux is missing): ali-quiz / minimal at
most 1.25 and ali-quiz / reference (below) at most 1.1, medians of 20 alternating runs.

Measured two ways:
- headless: benchmarks/tui_launch.py runs the app with a driver that renders every frame to
  terminal output in memory (80x24) and reports when the markers are drawn;
- in a real terminal: each app runs in its own tmux session at 80x24 and the pane is read with
  `tmux capture-pane -p` every 10 ms until the same markers show.

The packs are scanned and the history read (from home's summary of it, history.home.json, when
the history is unchanged since it was kept) after the first frame, so the home screen's pack
list fills in a little later: that time ("packs listed") is printed too.

A third app is timed alongside, the reference: a replica of the home screen in plain
Textual (its widgets, keys and stylesheet, with no ali-quiz code, settings, packs or history).
Its time against the minimal app is what Textual itself takes for a screen like home's; the
rest of the gap is ali-quiz's own work before its first frame.

Memory: peak resident memory (VmHWM) of each app once its home screen is up and its workers
are done (the packs loaded, the history read). Budget: ali-quiz / minimal at most 1.2. The
uncounted first run opens the history and keeps home's summary, so the counted runs are a
returning player's starts, which draw home from the summary without loading SQLite; a start
after the history changed elsewhere (a plain round, another window) opens it as the first run
does, about 1.8 MB more.

Set-up: a temporary --data-dir holding a player's settings file and a history (so start-up
opens an existing one, as for a returning player); bytecode compiled once into a temporary
folder, as an installed package has it. The first run of each app is not counted.

Run: python benchmarks/startup.py [--runs N] [--no-tmux]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchutil import BENCHMARKS, child_env, machine, median_ms, result, verdict

from ali_quiz.config import Settings, save_settings
from ali_quiz.paths import AppPaths

START_BUDGET = 1.25  # ali-quiz / the minimal app
REFERENCE_BUDGET = 1.1  # ali-quiz / the reference app (home's widgets in plain Textual)
MEMORY_BUDGET = 1.2
WIDTH, HEIGHT = 80, 24
LAUNCHER = BENCHMARKS / "tui_launch.py"
# What must be on screen. The home screen: its title bar, a panel title, a Footer key; then a
# mode of the built-in pack (the pack list and modes fill in once the packs are scanned).
QUIZ_FIRST = ("ali-quiz", "About this pack", "Quit")
QUIZ_PACKS = ("Quick round",)
MINIMAL_FIRST = ("Minimal Textual app", "Quit")
APPS = ("quiz", "minimal", "replica")
TIMEOUT = 60.0


@dataclass
class Runs:
    """The figures of one app over all its runs, in seconds and kB."""

    first: list[float] = field(default_factory=list)
    first_cpu: list[float] = field(default_factory=list)
    packs: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)


def first_groups(which: str) -> list[tuple[str, ...]]:
    """The markers of each app, in the order they appear."""
    if which == "quiz":
        return [QUIZ_FIRST, QUIZ_PACKS]
    return [MINIMAL_FIRST] if which == "minimal" else [QUIZ_FIRST]


def launch_headless(which: str, data: Path, env: dict[str, str], runs: Runs | None) -> None:
    """One headless start; its figures go into `runs` (None: a warm-up)."""
    groups = first_groups(which)
    markers = "|".join("&".join(group) for group in groups)
    argv = [sys.executable, str(LAUNCHER), which]
    if which == "quiz":
        argv += ["--data-dir", str(data)]
    start = time.perf_counter()
    child = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env | {"ALI_BENCH_MARKERS": markers},
    )
    assert child.stdout is not None
    marks: dict[int, tuple[float, float]] = {}
    peak = 0
    for raw in child.stdout:
        now = time.perf_counter() - start
        word, *values = raw.decode().split()
        if word == "mark":
            marks[int(values[0])] = (now, float(values[1]))
        elif word == "idle":
            peak = int(values[1])
    try:
        status = child.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        child.kill()
        status = -1
    error = child.stderr.read().decode() if child.stderr else ""
    if status != 0 or len(marks) != len(groups) or not peak:
        raise SystemExit(f"{which} (headless) did not reach its home screen:\n{error}")
    if runs is not None:
        runs.first.append(marks[0][0])
        runs.first_cpu.append(marks[0][1])
        if which == "quiz":
            runs.packs.append(marks[1][0])
        runs.peak_kb.append(peak)


class Tmux:
    """A tmux server of our own (its own socket), so no one else's sessions are touched."""

    def __init__(self, env: dict[str, str]) -> None:
        self.socket = f"ali-quiz-bench-{os.getpid()}"
        self.env = env
        self.run("new-session", "-d", "-s", "idle", "-x", str(WIDTH), "-y", str(HEIGHT), "sleep 1d")
        self.path = Path(self.run("display-message", "-p", "#{socket_path}").strip())

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, check=False)
        self.path.unlink(missing_ok=True)  # a killed server leaves its socket file behind


def launch_tmux(tmux: Tmux, which: str, data: Path, runs: Runs | None) -> None:
    """One start in a tmux pane at 80x24, read every 10 ms until the markers show."""
    groups = first_groups(which)
    command = f"exec {sys.executable} {LAUNCHER} {which}"
    if which == "quiz":
        command += f" --data-dir {data}"
    start = time.perf_counter()
    tmux.run("new-session", "-d", "-s", "run", "-x", str(WIDTH), "-y", str(HEIGHT), command)
    seen: list[float] = []
    try:
        while len(seen) < len(groups):
            if time.perf_counter() - start > TIMEOUT:
                screen = tmux.run("capture-pane", "-p", "-t", "run")
                raise SystemExit(f"{which} (tmux) did not reach its home screen:\n{screen}")
            screen = tmux.run("capture-pane", "-p", "-t", "run")
            now = time.perf_counter() - start
            while len(seen) < len(groups) and all(m in screen for m in groups[len(seen)]):
                seen.append(now)
            time.sleep(0.01)
        pid = int(tmux.run("display-message", "-p", "-t", "run", "#{pane_pid}"))
    finally:
        tmux.run("kill-session", "-t", "run")
    # The next start must not share the CPU with this one's exit.
    deadline = time.perf_counter() + 10
    while Path(f"/proc/{pid}").exists() and time.perf_counter() < deadline:
        time.sleep(0.01)
    if runs is not None:
        runs.first.append(seen[0])
        if which == "quiz":
            runs.packs.append(seen[1])


def alternate(launch: object, runs: int) -> dict[str, Runs]:
    """Start each app `runs` times, taking turns at going first; one warm-up each."""
    results = {which: Runs() for which in APPS}
    for which in APPS:
        launch(which, None)  # type: ignore[operator]
    for index in range(runs):
        shift = index % len(APPS)
        for which in APPS[shift:] + APPS[:shift]:
            launch(which, results[which])  # type: ignore[operator]
    return results


def timing_line(label: str, runs: Runs) -> str:
    """`label   412 ms   (cpu 380 ms)`: the median wall time, and CPU where it was reported."""
    line = f"  {label:44s}{median_ms(runs.first):5.0f} ms"
    if runs.first_cpu:
        line += f"   (cpu {median_ms(runs.first_cpu):5.0f} ms)"
    return line


def report_start(title: str, results: dict[str, Runs], runs: int, budgeted: bool) -> bool:
    quiz, minimal = results["quiz"], results["minimal"]
    ratio = median_ms(quiz.first) / median_ms(minimal.first)
    against_reference = median_ms(quiz.first) / median_ms(results["replica"].first)
    ok = ratio <= START_BUDGET and against_reference <= REFERENCE_BUDGET
    print(f"{title}, {runs} alternating runs each, medians:")
    print(timing_line("minimal Textual app, Static + Footer drawn", minimal))
    print(timing_line("ali-quiz home, content + Footer keys drawn", quiz))
    replica = results["replica"]
    print(timing_line("reference: home's widgets in plain Textual", replica))
    if quiz.first_cpu:
        cpu_ratio = median_ms(quiz.first_cpu) / median_ms(minimal.first_cpu)
        print(f"  ratio by cpu (not the budget): {cpu_ratio:.2f}")
    print(f"  {'ali-quiz packs listed (after the worker)':44s}{median_ms(quiz.packs):5.0f} ms")
    reference = median_ms(replica.first) / median_ms(minimal.first)
    print(f"  reference / minimal: {reference:.2f} (what a screen like home's costs in Textual)")
    if not budgeted:
        print(
            f"  ali-quiz / minimal {ratio:.2f}, / reference {against_reference:.2f}"
            " (no budget here)"
        )
        return True
    print(
        f"  ali-quiz / minimal {ratio:.2f} (budget {START_BUDGET}):"
        f" {verdict(ratio <= START_BUDGET)}"
    )
    print(
        f"  ali-quiz / reference {against_reference:.2f} (budget {REFERENCE_BUDGET}):"
        f" {verdict(against_reference <= REFERENCE_BUDGET)}"
    )
    where = title.split(" (")[0]
    result(
        f"TUI home drawn ({where}) / minimal app",
        f"{ratio:.2f}x wall",
        f"<= {START_BUDGET}x",
        ratio <= START_BUDGET,
    )
    result(
        f"TUI home drawn ({where}) / reference app",
        f"{against_reference:.2f}x wall",
        f"<= {REFERENCE_BUDGET}x",
        against_reference <= REFERENCE_BUDGET,
    )
    return ok


def report_memory(results: dict[str, Runs]) -> bool:
    quiz = sorted(results["quiz"].peak_kb)[len(results["quiz"].peak_kb) // 2] / 1024
    minimal = sorted(results["minimal"].peak_kb)[len(results["minimal"].peak_kb) // 2] / 1024
    ratio = quiz / minimal
    ok = ratio <= MEMORY_BUDGET
    print("memory: peak RSS (VmHWM) on the home screen, workers done, medians:")
    replica = sorted(results["replica"].peak_kb)[len(results["replica"].peak_kb) // 2] / 1024
    print(f"  minimal Textual app {minimal:5.1f} MB, ali-quiz {quiz:5.1f} MB")
    print(f"  reference (home's widgets in plain Textual) {replica:5.1f} MB")
    print(f"  memory ratio {ratio:.2f} (budget {MEMORY_BUDGET}): {verdict(ok)}")
    result("TUI peak memory / minimal app", f"{ratio:.2f}x", f"<= {MEMORY_BUDGET}x", ok)
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="alternating runs of each app (20)")
    parser.add_argument("--no-tmux", action="store_true", help="only the headless measure")
    options = parser.parse_args()
    runs = max(10, options.runs)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        save_settings(AppPaths.resolve(data).config_path, Settings(player="bench", language="en"))
        env = child_env(Path(folder) / "bytecode")

        print("Start-up to the home screen drawn, ali-quiz against a minimal Textual app")
        print(f"machine: {machine()}")
        print("wall time from process start (a first frame is a wall-clock event)")
        headless = alternate(lambda which, r: launch_headless(which, data, env, r), runs)
        with_tmux = not options.no_tmux and shutil.which("tmux") is not None
        title = "headless (frames rendered into memory, 80x24)"
        ok = report_start(title, headless, runs, budgeted=not with_tmux)
        if options.no_tmux:
            print("in tmux: not measured (--no-tmux); the budgets apply to the headless figures")
        elif not with_tmux:
            print(
                "in tmux: SKIPPED, tmux is not installed; the budgets apply to the headless figures"
            )
        else:
            tmux = Tmux(env)
            try:
                in_tmux = alternate(lambda which, r: launch_tmux(tmux, which, data, r), runs)
            finally:
                tmux.close()
            ok &= report_start("in tmux 80x24 (capture-pane every 10 ms)", in_tmux, runs, True)
        ok &= report_memory(headless)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
