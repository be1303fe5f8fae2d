"""Run a Python program and print its peak resident memory (VmHWM) to stderr as it exits.

    python benchmarks/peak.py SCRIPT ARGS...     (an installed console script, e.g. ali-quiz)
    python benchmarks/peak.py -m MODULE ARGS...
    python benchmarks/peak.py -c CODE ARGS...

The figure comes from /proc/self/status of the program's own process. getrusage's ru_maxrss
cannot be used for a child: Linux carries the parent's high-water mark across fork and exec,
so a benchmark holding a big history would be charged to every command it starts.
"""

from __future__ import annotations

import atexit
import os
import runpy
import sys

MARK = "peak-rss-kb:"


def _report() -> None:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                os.write(2, f"\n{MARK}{line.split()[1]}\n".encode())


def main() -> None:
    atexit.register(_report)
    how, target, *rest = sys.argv[1:]
    if how == "-c":
        sys.argv = ["-c", *rest]
        exec(compile(target, "<string>", "exec"), {"__name__": "__main__"})
    elif how == "-m":
        sys.argv = [target, *rest]
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        sys.argv = [how, target, *rest]
        runpy.run_path(how, run_name="__main__")


if __name__ == "__main__":
    main()
