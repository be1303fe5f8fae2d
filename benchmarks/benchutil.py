"""What the start-up, memory and command-line benchmarks share: the machine, the commands, and
timing a child process by wall clock and by CPU."""

from __future__ import annotations

import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"


def machine() -> str:
    """One line naming the machine, so a figure can be read against where it was measured."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        load = "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        load = "load average unknown"
    return (
        f"{model}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; {load}"
    )


def quiz_command() -> list[str]:
    """How to start ali-quiz: the installed `ali-quiz` script beside this Python, else -m."""
    script = Path(sys.executable).with_name("ali-quiz")
    if script.exists():
        return [str(script)]
    found = shutil.which("ali-quiz")
    return [found] if found else [sys.executable, "-m", "ali_quiz"]


DROPPED = ("ALI_QUIZ_HOME", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "PYTHONDONTWRITEBYTECODE")


def child_env(bytecode: Path, **extra: str) -> dict[str, str]:
    """The environment of a measured child: English interface, no ALI_QUIZ_HOME of the caller,
    and compiled bytecode kept in `bytecode` (a temporary folder).

    An installed package has its bytecode compiled; a checkout run with PYTHONDONTWRITEBYTECODE
    (as some shells and CI set it) would compile every ali_quiz module at every start while
    Textual's come precompiled. The first, uncounted run of each command fills the folder.
    """
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    env["LANG"] = "en_US.UTF-8"
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


def children_cpu() -> float:
    """User plus system CPU seconds of every child waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Run:
    """One child process: wall seconds from start to exit, and its CPU seconds."""

    wall: float
    cpu: float


def run_child(
    argv: Sequence[str], env: Mapping[str, str], stdin: str | None = None, cwd: Path = ROOT
) -> Run:
    """Run a command to its end; fail loudly if it does not succeed."""
    cpu_before = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(
        list(argv),
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(env),
        cwd=cwd,
        check=False,
    )
    wall = time.perf_counter() - start
    cpu = children_cpu() - cpu_before
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr}")
    return Run(wall, cpu)


def median_ms(values: Sequence[float]) -> float:
    """The median of seconds, in milliseconds."""
    return statistics.median(values) * 1000


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"
