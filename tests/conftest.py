"""Shared fixtures: the built-in and starter packs, a temporary data folder, an in-process CLI."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import textual.constants

from ali_quiz.packs.loader import load_pack, load_pack_text
from ali_quiz.packs.model import Pack
from ali_quiz.packs.starter import starter_text

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = REPO / "questions"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Every app under test runs without animations (an app reads this when it is made; Textual
# read TEXTUAL_ANIMATIONS before this file, when pytest-textual-snapshot imported it). A
# scroll or a tab's underline then ends at once: a key press need not wait for it, and a
# snapshot never catches one half done.
textual.constants.TEXTUAL_ANIMATIONS = "none"  # type: ignore[misc]


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two test processes per core. A TUI test spends about a third of its time
    waiting for the app to go idle (Textual's pilot sleeps in steps of 20 ms after each key);
    a second process per core works meanwhile."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 * (cores or 1)


@pytest.fixture(scope="session")
def pack_zh() -> Pack:
    return load_pack(QUESTIONS / "dingtalk-2020.yaml")


@pytest.fixture(scope="session")
def pack_en() -> Pack:
    return load_pack(QUESTIONS / "dingtalk-2020-en.yaml")


@pytest.fixture(scope="session")
def pack_starter() -> Pack:
    return load_pack_text(starter_text(Path("space-race.yaml")), "space-race.yaml")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty data folder; ALI_QUIZ_HOME is cleared so nothing reaches the real user folders."""
    monkeypatch.delenv("ALI_QUIZ_HOME", raising=False)
    folder = tmp_path / "data"
    folder.mkdir()
    yield folder


@dataclass(frozen=True)
class Ran:
    """What a command did: exit status, stdout, stderr."""

    status: int
    out: str
    err: str


@pytest.fixture
def cli(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """Run `ali-quiz --data-dir <tmp> ARGS` in this process (argparse's exits become a status)."""
    from ali_quiz.cli import main

    def run(*args: str, data: Path | None = data_dir) -> Ran:
        capsys.readouterr()
        argv = (["--data-dir", str(data)] if data is not None else []) + list(args)
        try:
            status = main(argv)
        except SystemExit as leave:
            status = leave.code if isinstance(leave.code, int) else (0 if leave.code is None else 2)
        captured = capsys.readouterr()
        return Ran(status, captured.out, captured.err)

    return run


def run_ali_quiz(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Ran:
    """Run `python -m ali_quiz ARGS` in a subprocess (UTF-8 output, no user folders)."""
    environment = {k: v for k, v in os.environ.items() if k != "ALI_QUIZ_HOME"}
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "ali_quiz", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=cwd,
        timeout=60,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture(autouse=True)
def unfreeze_after_each_test() -> Iterator[None]:
    """An app freezes its start-up objects (QuizAppState.start_settled); in the test process,
    where app follows app, they go back to the collector so no test keeps the last one's."""
    yield
    gc.unfreeze()
