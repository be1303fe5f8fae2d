"""Per answer: from the key that answers a question to its feedback drawn, against a Static redraw.

Both apps run through benchmarks/tui_launch.py with its in-memory frame driver at 80x24 (no
terminal), alternately, in the same run:

- ali-quiz: `play --mode choice --seed 7 --count 13 --lang en` in a temporary --data-dir; for
  each of the first 12 questions, once its help line is drawn, its options have the focus and
  the screen has been still for 50 ms, `a` is pressed and the time until the feedback's first
  line (`✓ Right  100/100 points`) is drawn is taken; then `n` brings the next question.
- the floor: a Textual app laid out as the play screen (status line, prompt, four options, help
  line, feedback, a Footer with its keys: Statics only, no ali-quiz code), where `a` writes a
  three-line feedback into one Static and empties the help line, and `n` brings the next
  prompt; the time from the key to the feedback drawn is taken the same way. It is what
  Textual itself takes to show a key's effect on a screen like play's.

Keys come on a still screen, as a player's do once the question is read: pressed a fixed 50 ms
after the question's first frame, a key met the frames that still follow it (the Footer's new
keys, the focus) and waited for Textual's next frame slot (up to 1/60 s, and longer on a busy
machine, where those frames come late): a wait no player meets, which made most of the figure
under load.

Times are wall clock inside the app's process, from the key posted to the frame written, and
the figure is the median over every answer of every run. Budget: ali-quiz at most 2.5x the
Static redraw. The process CPU time over the same span is printed beside it (medians and
ratio, no budget): on a busy machine a longer piece of work is interrupted more often, which
inflates the wall-clock ratio, while the CPU ratio stays steadier.

Run: python benchmarks/feedback.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

from benchutil import BENCHMARKS, child_env, machine, result, verdict

BUDGET = 2.5
QUESTIONS = 12
LAUNCHER = BENCHMARKS / "tui_launch.py"
TIMEOUT = 300


def scenario(which: str, data: Path) -> tuple[list[str], dict[str, str]]:
    """The command and the marker/key script of one app."""
    if which == "quiz":
        argv = ["quiz", "--data-dir", str(data), "play", "--mode", "choice", "--seed", "7"]
        # One question more than measured: the round's last answer also ends the round.
        argv += ["--count", str(QUESTIONS + 1), "--lang", "en"]
        groups = ["Press a letter", "/100 points"] * QUESTIONS
        keys = ["a", "n"] * QUESTIONS
        # `a` only once the question's answer widget has the focus (it is focused a frame
        # after it is drawn); `n` is a key of the screen.
        focus = ["answer", ""] * QUESTIONS
    else:
        argv = ["static"]
        groups = ["Press a letter", "points"] * QUESTIONS
        keys = ["a", "n"] * QUESTIONS
        focus = []
    keys[-1] = ""  # the last feedback ends the run
    return argv, {
        "ALI_BENCH_MARKERS": "|".join(groups),
        "ALI_BENCH_KEYS": "|".join(keys),
        "ALI_BENCH_FOCUS": "|".join(focus),
    }


class Answer(NamedTuple):
    """One answer: seconds from its key to the frame that shows its result, wall and CPU."""

    wall: float
    cpu: float


def answer_times(which: str, data: Path, env: dict[str, str]) -> list[Answer]:
    """Each answering key to the frame that shows its result."""
    argv, script = scenario(which, data)
    done = subprocess.run(
        [sys.executable, str(LAUNCHER), *argv],
        env={**env, **script},
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    keys: dict[int, Answer] = {}
    marks: dict[int, Answer] = {}
    for line in done.stdout.splitlines():
        word, *values = line.split() or [""]
        if word == "key" and len(values) == 3:
            keys[int(values[0])] = Answer(float(values[1]), float(values[2]))
        elif word == "mark" and len(values) == 4:
            marks[int(values[0])] = Answer(float(values[3]), float(values[1]))
    stuck = [line for line in done.stdout.splitlines() if line.startswith("stuck")]
    if done.returncode != 0 or len(marks) != 2 * QUESTIONS:
        said = f" ({stuck[0]}: a marker not drawn 20 s after its key)" if stuck else ""
        raise SystemExit(f"{which} did not play through its script{said}:\n{done.stderr[-3000:]}")
    # Keys after even groups answer; after odd groups they bring the next question.
    return [
        Answer(marks[i + 1].wall - keys[i].wall, marks[i + 1].cpu - keys[i].cpu)
        for i in range(0, 2 * QUESTIONS, 2)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=4, help="alternating runs of each app (4)")
    runs = max(2, parser.parse_args().runs)
    with tempfile.TemporaryDirectory(prefix="ali-quiz-bench-") as folder:
        env = child_env(Path(folder) / "bytecode")
        env.pop("TEXTUAL_DRIVER", None)
        times: dict[str, list[Answer]] = {"quiz": [], "static": []}
        for which in times:  # warm-up: bytecode compiled, files cached; not counted
            answer_times(which, Path(folder) / "warm", env)
        for index in range(runs):
            order = ["quiz", "static"] if index % 2 == 0 else ["static", "quiz"]
            for which in order:
                data = Path(folder) / f"data-{which}-{index}"
                times[which].extend(answer_times(which, data, env))
    quiz = statistics.median(answer.wall for answer in times["quiz"]) * 1000
    static = statistics.median(answer.wall for answer in times["static"]) * 1000
    ratio = quiz / static
    quiz_cpu = statistics.median(answer.cpu for answer in times["quiz"]) * 1000
    static_cpu = statistics.median(answer.cpu for answer in times["static"]) * 1000
    ok = ratio <= BUDGET
    print("Key to feedback drawn, ali-quiz against a Static redraw (in-memory frames, 80x24)")
    print(f"machine: {machine()}")
    print(f"{runs} alternating runs each, {QUESTIONS} answers a run, medians over every answer")
    print(f"  Static redraw (floor)                 {static:6.1f} ms")
    print(f"  ali-quiz: answer key to feedback drawn {quiz:6.1f} ms")
    print(f"  ratio {ratio:.2f} (budget {BUDGET}): {verdict(ok)}")
    print(
        f"  CPU of the same spans: floor {static_cpu:.1f} ms, ali-quiz {quiz_cpu:.1f} ms, "
        f"ratio {quiz_cpu / static_cpu:.2f} (no budget)"
    )
    result("key to feedback drawn / Static redraw", f"{ratio:.2f}x wall", f"<= {BUDGET}x", ok)
    return 0 if ok else 1


if __name__ == "__main__":
    os.environ.pop("ALI_BENCH_MARKERS", None)
    sys.exit(main())
