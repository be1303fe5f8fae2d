"""Big packs: validate time against PyYAML's bare C load, generation speed, memory of a pack.

Run from a checkout after the README's test set-up:  python benchmarks/packs.py
Budgets: validating and building a pack of 10,000 events (plus 2,000 versions and 2,000
metrics) and one of 20,000 events (plus 500 of each: as large as a pack may be, just under the
limit of 200,000 YAML values in a file) at most 1.2x PyYAML's C loader alone loading the same
file, so that loading stays linear; 10,000 questions (50 rounds of 200) generated in under 1 s.
A pack of 50,000 events is over the value limit: the time validate takes to refuse it is
printed beside the bare load, without a budget. Times are CPU seconds of this process, medians
of alternating runs (generation: of three runs), so that other load on a shared machine does
not skew them.

"validate" is what `ali-quiz validate FILE` does to a file: `catalog.load_entry` (read, parse,
check, build the pack, and ask the generator which kinds it cannot make), without the cache of
built-in packs.

Garbage collector, the same on both sides, by this script: off for the whole of each measured
call (PyYAML's load, ali-quiz's load_entry) and a full collection before each, outside the
measured time, so neither side pays for the garbage of the other.
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml
from benchutil import machine, result, verdict

from ali_quiz.catalog import load_entry
from ali_quiz.packs.loader import load_pack
from ali_quiz.quiz.generate import generate_round

# (events, versions, metrics): the second is as large as a pack may be, just under the limit of
# 200,000 YAML values in a file (nodes: an event is 9, a version 15, a metric 13).
SIZES = ((10_000, 2_000, 2_000), (20_000, 500, 500))
#: A pack over the limit: validate refuses it while parsing (printed, no budget).
REFUSED = (50_000, 2_000, 2_000)
RUNS = 5
GENERATE_RUNS = 3  # generation: the median of three, each on a newly loaded pack
BUDGET = 1.2


def write_big_pack(path: Path, events: int, versions: int = 2_000, metrics: int = 2_000) -> None:
    """A pack of `events` events, `versions` versions and `metrics` metrics, each with a source."""
    lines = ["id: big-benchmark", "title: Benchmark pack", "language: en", "events:"]
    for i in range(events):
        year = 1000 + i // 12
        month = i % 12 + 1
        lines += [
            f"  - id: e{i}",
            f"    date: {year:04d}-{month:02d}",
            f"    title: Event number {i} of the benchmark",
            f"    source: In {year} something numbered {i} happened, said the source.",
        ]
    lines.append("versions:")
    for i in range(versions):
        lines += [
            f"  - id: v{i}",
            "    product: Product",
            f'    version: "{i}.0"',
            f"    date: {2000 + i // 365:04d}-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
            f"    highlights: [feature {i}, fix {i}]",
            f"    source: Version {i}.0 came out with feature {i}.",
        ]
    lines.append("metrics:")
    for i in range(metrics):
        lines += [
            f"  - id: m{i}",
            f"    label: Figure number {i}",
            f"    value: {i + 1}.5萬",
            "    unit: people",
            "    as_of: 2020-01",
            f"    source: The figure {i} stood at {i + 1}.5萬.",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def bare_load(path: Path) -> object:
    """PyYAML's C loader alone: the floor."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def timed(function: object, *args: object) -> float:
    """CPU seconds of this process: other work on a busy machine does not count.

    A full collection first, outside the measure: the previous run's garbage is not charged.
    """
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        kept = function(*args)  # type: ignore[operator]
        spent = time.process_time() - start
    finally:
        gc.enable()
    del kept
    return spent


def compare(path: Path) -> float:
    """Median CPU of ali-quiz's load over the bare load's, alternating, and print both."""
    bare, ours = [], []
    for _ in range(RUNS):  # alternate, so drift on a noisy machine hits both alike
        bare.append(timed(bare_load, path))
        ours.append(timed(load_entry, path))
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    print(f"  bare CSafeLoader load (gc off):  {bare_median * 1000:7.1f} ms CPU (median of {RUNS})")
    print(
        f"  ali-quiz validate+build (gc off): {ours_median * 1000:7.1f} ms CPU (median of {RUNS})"
    )
    return ours_median / bare_median


def describe(events: int, versions: int, metrics: int, path: Path) -> str:
    size = path.stat().st_size / 1024 / 1024
    return f"{events:,} events, {versions:,} versions, {metrics:,} metrics ({size:.1f} MB)"


def main() -> int:
    print(f"machine: {machine()}")
    ok_all = True
    summary: list[tuple[str, str, bool]] = []
    with tempfile.TemporaryDirectory(prefix="ali-quiz-bench-") as folder:
        for events, versions, metrics in SIZES:
            path = Path(folder) / f"big-{events}.yaml"
            write_big_pack(path, events, versions, metrics)
            print(f"pack: {describe(events, versions, metrics, path)}")
            assert load_entry(path).valid, "the benchmark pack must be valid"
            ratio = compare(path)
            ok = ratio <= BUDGET
            ok_all &= ok
            print(f"  validate / bare load = {ratio:.2f} (budget {BUDGET:.2f}): {verdict(ok)}")
            summary.append((f"validate {events:,} events / bare C load", f"{ratio:.2f}x cpu", ok))
        events, versions, metrics = REFUSED
        path = Path(folder) / f"big-{events}.yaml"
        write_big_pack(path, events, versions, metrics)
        print(f"pack over the 200,000-value limit: {describe(events, versions, metrics, path)}")
        refused = load_entry(path)
        assert not refused.valid, "a pack over the value limit is refused"
        print(f"  refused: {refused.errors[0].message}")
        print(f"  refusal / bare load = {compare(path):.2f} (no budget: it stops at the limit)")
        path = Path(folder) / f"big-{SIZES[0][0]}.yaml"
        # 10,000 questions: 50 rounds of 200, the most a round holds, each time on a pack just
        # loaded (its first round works out the pack's views, as a new process's does).
        runs = []
        for _ in range(GENERATE_RUNS):
            pack = load_pack(path)
            gc.collect()  # the last run's pack and rounds, outside the measure
            start = time.process_time()
            made = sum(len(generate_round(pack, "quick", 200, seed)) for seed in range(50))
            runs.append(time.process_time() - start)
        generation = statistics.median(runs)
        ok_generate = generation < 1.0
        ok_all &= ok_generate
        print(
            f"generate {made:,} questions (50 rounds of 200): {generation * 1000:.0f} ms, median "
            f"of {', '.join(f'{r * 1000:.0f}' for r in runs)} (budget 1000 ms): "
            f"{'PASS' if ok_generate else 'FAIL'}"
        )
        start = time.process_time()
        for seed in range(20):
            generate_round(pack, "quick", 10, seed)
        per_round = (time.process_time() - start) / 20
        print(f"a 10-question round on this pack: {per_round * 1000:.1f} ms")

        gc.collect()
        tracemalloc.start()
        kept = load_pack(path)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"memory of the loaded pack: {current / 1024 / 1024:.1f} MB "
            f"(peak while loading {peak / 1024 / 1024:.1f} MB)"
        )
        del kept
    for measure, figure, ok in summary:
        result(measure, figure, f"<= {BUDGET}x", ok)
    result(
        "generate 10,000 questions (50 x 200)",
        f"{generation * 1000:.0f} ms cpu",
        "< 1000 ms",
        ok_generate,
    )
    return 0 if ok_all else 1


if __name__ == "__main__":
    sys.exit(main())
