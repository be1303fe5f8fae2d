"""Run the hostile corpus (tests/hostile_corpus.py) as an attacker would, one process per case.

Each case must end with its documented exit status, print no traceback, let no raw control
character reach the terminal, write no live CSV formula, and finish within 10 seconds and
200 MB (peak resident memory of the process). Cases marked unprivileged run as `nobody` when
this script runs as root, without the capabilities that let root read and write anything
(`setpriv`: permission checks mean nothing to root otherwise). Prints one line per failure
and the counts; exits 0 when every case holds.

    python benchmarks/hostile.py [--src PATH] [--only WORD] [-v]

`--src` runs another checkout's `src/` (to measure before and after a change).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "src"))

from hostile_corpus import Case, build, problems, status_ok  # noqa: E402

TIME_LIMIT = 10.0
MEMORY_LIMIT_MB = 200
UNPRIVILEGED = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def run_case(case: Case, work: Path, src: Path) -> tuple[list[str], float, float]:
    """Run one case; return what is wrong, its wall time and its peak memory in MB."""
    env = {k: v for k, v in os.environ.items() if k != "ALI_QUIZ_HOME"}
    env.update(PYTHONPATH=str(src), PYTHONIOENCODING="utf-8", HOME=str(work), COLUMNS="100")
    unprivileged = case.unprivileged and os.geteuid() == 0

    def limits() -> None:
        os.setsid()
        # A guard for this machine, far above the budget: a case that floods memory fails
        # the budget long before it is stopped here.
        resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))

    out_path, err_path = work / ".out", work / ".err"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*(UNPRIVILEGED if unprivileged else []), sys.executable, "-m", "ali_quiz", *case.argv],
            stdin=subprocess.PIPE,
            stdout=out,
            stderr=err,
            env=env,
            cwd=work,
            preexec_fn=limits,
        )
        assert process.stdin is not None
        try:
            process.stdin.write(case.stdin.encode())
            process.stdin.close()
        except BrokenPipeError:
            pass
        status, peak_kb, timed_out = None, 0, False
        while status is None:
            pid, raw, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(raw)
                peak_kb = usage.ru_maxrss
                break
            if time.perf_counter() - started > TIME_LIMIT + 5:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
            time.sleep(0.01)
        elapsed = time.perf_counter() - started
        process.returncode = status
    stdout = out_path.read_bytes().decode("utf-8", "replace")
    stderr = err_path.read_bytes().decode("utf-8", "replace")
    wrong = problems(stdout, stderr, case.output)
    if timed_out or elapsed > TIME_LIMIT:
        wrong.append(f"took {elapsed:.1f} s")
    elif not status_ok(case, status):
        wrong.append(f"exit {status}, not {case.status}")
    if peak_kb / 1024 > MEMORY_LIMIT_MB:
        wrong.append(f"peak memory {peak_kb / 1024:.0f} MB")
    if case.check is not None and not timed_out:
        message = case.check(stdout, stderr, work)
        if message:
            wrong.append(message)
    if wrong and stderr.strip():
        wrong.append("stderr: " + stderr.strip().splitlines()[-1][:160])
    return wrong, elapsed, peak_kb / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the src/ folder to run")
    parser.add_argument("--only", help="run only the cases whose name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="a line for every case")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ali-hostile-"))
    os.chmod(work, 0o755)
    try:
        cases = build(work)
        os.chmod(work, 0o777)  # unprivileged cases write their outputs here
        if args.only:
            cases = [c for c in cases if args.only in c.name]
        held = failed = 0
        by_category: dict[str, list[int]] = {}
        slowest = (0.0, "")
        biggest = (0.0, "")
        for case in cases:
            wrong, elapsed, peak = run_case(case, work, args.src.resolve())
            slowest = max(slowest, (elapsed, case.name))
            biggest = max(biggest, (peak, case.name))
            counts = by_category.setdefault(case.category, [0, 0])
            if wrong:
                failed += 1
                counts[1] += 1
                print(f"FAIL {case.name!r}: {'; '.join(wrong)}", flush=True)
            else:
                held += 1
                counts[0] += 1
                if args.verbose:
                    print(f"ok   {case.name!r} ({elapsed:.2f} s, {peak:.0f} MB)", flush=True)
        print()
        for category, (ok, bad) in by_category.items():
            print(f"{category:8} {ok:4} held {bad:4} failed")
        print(f"slowest: {slowest[1]!r} {slowest[0]:.1f} s")
        print(f"most memory: {biggest[1]!r} {biggest[0]:.0f} MB")
        print(f"{len(cases)} hostile inputs: {held} held, {failed} failed")
        return 0 if failed == 0 else 1
    finally:
        for root, dirs, _ in os.walk(work):
            for name in dirs:
                with contextlib.suppress(OSError):
                    os.chmod(Path(root) / name, 0o755)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
