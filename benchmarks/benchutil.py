"""What the start-up, memory and command-line benchmarks share: the machine, the commands, and
timing a child process by wall clock and by CPU."""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
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


@dataclass(frozen=True)
class Run:
    """One child process: wall seconds from start to exit, and its CPU seconds."""

    wall: float
    cpu: float


def run_child(
    argv: Sequence[str],
    env: Mapping[str, str],
    stdin: str | None = None,
    cwd: Path = ROOT,
    *,
    discard_output: bool = False,
) -> Run:
    """Run a command to its end; fail loudly if it does not succeed.

    CPU time is the child's own, from wait4(2); its output goes to a temporary file (shown
    when it fails), or to /dev/null with `discard_output`. For memory see `peak_mb`.
    """
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(argv),
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL if discard_output else err,
            stderr=err,
            env=dict(env),
            cwd=cwd,
        )
        if process.stdin is not None:
            process.stdin.write((stdin or "").encode("utf-8"))
            process.stdin.close()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            said = err.read().decode(errors="replace")
            raise SystemExit(f"{' '.join(argv)} exited {process.returncode}:\n{said}")
    return Run(wall, usage.ru_utime + usage.ru_stime)


def peak_mb(argv: Sequence[str], env: Mapping[str, str], cwd: Path = ROOT) -> float:
    """Peak resident memory (VmHWM, MB) of a Python command: `[python, ...]` or a script."""
    python, *rest = argv
    if Path(python).name.startswith("python"):
        wrapped = [python, str(BENCHMARKS / "peak.py"), *rest]
    else:  # a console script such as ali-quiz: a Python file, run by its #! interpreter
        with open(python, encoding="utf-8") as script:
            interpreter = script.readline().removeprefix("#!").strip() or sys.executable
        wrapped = [interpreter, str(BENCHMARKS / "peak.py"), python, *rest]
    done = subprocess.run(
        wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=dict(env), cwd=cwd
    )
    said = done.stderr.decode(errors="replace")
    marks = [line for line in said.splitlines() if line.startswith("peak-rss-kb:")]
    if done.returncode != 0 or not marks:
        raise SystemExit(f"{' '.join(argv)} (memory run) exited {done.returncode}:\n{said}")
    return int(marks[-1].split(":")[1]) / 1024


def median_ms(values: Sequence[float]) -> float:
    """The median of seconds, in milliseconds."""
    return statistics.median(values) * 1000


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


RESULT = "RESULT |"


def result(measure: str, figure: str, budget: str, ok: bool) -> bool:
    """Print one budget's line in the form `run_all.py` gathers into its table; return ok."""
    print(f"{RESULT} {measure} | {figure} | {budget} | {verdict(ok)}")
    return ok
