"""The benchmarks' own machinery, run once each where that is cheap: the launcher reads its
markers, the scripts' commands and floors run, peak.py reports a figure, run_all reads RESULT
lines. Timings are never checked here (budgets live in benchmarks/, not in the tests); what
is checked is that a change to the product or to a script has not broken a benchmark, which
would otherwise be found only when someone runs it.
"""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture(scope="module")
def scripts() -> Iterator[None]:
    """The benchmark scripts importable as they import each other (`from benchutil import`)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        yield
    finally:
        sys.path.remove(str(BENCHMARKS))


def script(name: str) -> ModuleType:
    return importlib.import_module(name)


def _env(tmp_path: Path) -> dict[str, str]:
    """A measured child's environment, as the scripts make it, but with the bytecode kept as
    this test run keeps it: a new bytecode folder would have every child compile Textual."""
    benchutil = script("benchutil")
    env: dict[str, str] = benchutil.child_env(tmp_path / "bytecode")
    env.pop("TEXTUAL_DRIVER", None)
    env.pop("PYTHONPYCACHEPREFIX")
    for name in ("PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE"):
        if name in os.environ:
            env[name] = os.environ[name]
    return env


@pytest.mark.usefixtures("scripts")
def test_the_launcher_draws_ali_quiz_home_and_reports_its_markers(tmp_path: Path) -> None:
    """startup.py's headless start of ali-quiz: the home screen's markers, then the packs
    listed, then the workers done with a peak memory figure."""
    startup = script("startup")
    from ali_quiz.config import Settings, save_settings
    from ali_quiz.paths import AppPaths

    data = tmp_path / "data"
    save_settings(AppPaths.resolve(data).config_path, Settings(player="bench", language="en"))
    runs = startup.Runs()
    startup.launch_headless("quiz", data, _env(tmp_path), runs)
    assert len(runs.first) == len(runs.first_cpu) == len(runs.packs) == len(runs.peak_kb) == 1
    assert 0 < runs.first[0] <= runs.packs[0] and runs.peak_kb[0] > 10_000


@pytest.mark.slow
@pytest.mark.usefixtures("scripts")
@pytest.mark.parametrize("which", ["minimal", "replica"])
def test_the_launcher_draws_the_reference_apps(tmp_path: Path, which: str) -> None:
    startup = script("startup")
    runs = startup.Runs()
    startup.launch_headless(which, tmp_path / "data", _env(tmp_path), runs)
    assert len(runs.first) == len(runs.peak_kb) == 1 and not runs.packs


@pytest.mark.slow
@pytest.mark.usefixtures("scripts")
@pytest.mark.parametrize("which", ["quiz", "static"])
def test_the_feedback_script_answers_and_times_each_key(
    tmp_path: Path, which: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """feedback.py's script on a short round: every answer's key and its feedback drawn."""
    feedback = script("feedback")
    monkeypatch.setattr(feedback, "QUESTIONS", 2)
    answers = feedback.answer_times(which, tmp_path / "data", _env(tmp_path))
    assert len(answers) == 2 and all(answer.wall > 0 for answer in answers)


@pytest.mark.usefixtures("scripts")
def test_the_cli_scripts_commands_and_floor_run_as_a_user_runs_them(tmp_path: Path) -> None:
    """cli.py's floor and every command it times, once each, with HOME a new folder."""
    benchutil, cli = script("benchutil"), script("cli")
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in _env(tmp_path).items() if not k.startswith("XDG_")} | {
        "HOME": str(home)
    }
    quiz = benchutil.quiz_command()
    benchutil.run_child([*quiz, "play", "--plain", "--seed", "1"], env, stdin="skip\n" * 10)
    for argv in [cli.FLOOR, *([*quiz, *argv] for _, argv, _ in cli.COMMANDS)]:
        run = benchutil.run_child(argv, env)
        assert run.wall > 0 and run.cpu > 0
    assert (home / ".local" / "share" / "ali-quiz" / "history.sqlite3").exists()
    with pytest.raises(SystemExit, match="exited 2"):
        benchutil.run_child([*quiz, "generate", "--seed", "-1"], env)


@pytest.mark.usefixtures("scripts")
def test_the_history_script_builds_a_history_its_commands_and_floors_read(
    tmp_path: Path,
) -> None:
    """history.py on 30 rounds: the built history, each command and floor it times, and the
    peak memory wrapper."""
    benchutil, history = script("benchutil"), script("history")
    from ali_quiz.config import default_player

    data = tmp_path / "data"
    history.build(data, 30, 10, default_player())
    db = str(data / "history.sqlite3")
    env = _env(tmp_path)
    home = [*benchutil.quiz_command(), "--data-dir", str(data)]
    outputs = {}
    for name, argv in {
        "csv": [*home, "history", "--csv"],
        "floor csv": [sys.executable, "-c", history.FLOORS["csv"], db, history.JOINED_SQL],
        "table": [*home, "history"],
        "floor rounds": [sys.executable, "-c", history.FLOORS["rounds"], db, history.ROUND_SQL],
    }.items():
        done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
        outputs[name] = done.stdout.splitlines()
    assert len(outputs["floor csv"]) == 300 and len(outputs["csv"]) == 301  # and a header
    assert len(outputs["floor rounds"]) == 30 and len(outputs["table"]) > 30
    assert 5 < benchutil.peak_mb([*home, "history", "--json"], env) < 500
    assert 1 < benchutil.peak_mb([sys.executable, "-c", "pass"], env) < 100


@pytest.mark.usefixtures("scripts")
def test_run_all_gathers_the_result_lines_of_a_script(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """run_all.py reads each script's `RESULT |` lines into its table, and its exit status."""
    fake = tmp_path / "fake.py"
    fake.write_text(
        "print('figures')\n"
        "print('RESULT | a measure | 1.20x wall | <= 1.5x | PASS')\n"
        "raise SystemExit(3)\n",
        encoding="utf-8",
    )
    run_all = script("run_all")
    monkeypatch.setattr(run_all, "BENCHMARKS", tmp_path)
    rows, status = run_all.run("fake")
    assert rows == [["fake", "a measure", "1.20x wall", "<= 1.5x", "PASS"]] and status == 3
