"""The hostile corpus (tests/hostile_corpus.py), run by the suite: every case must end with its
documented exit status, no traceback, no raw control character on the terminal and no live CSV
formula. Cases run in this process (fast); the permission cases in a subprocess where
permission checks hold. Time and memory budgets are measured by benchmarks/hostile.py.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ali_quiz.cli import main
from hostile_corpus import Case, build, problems, status_ok

CATEGORIES = ("text", "csv", "files", "config", "usage", "history", "write")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    work = tmp_path_factory.mktemp("hostile")
    return work, build(work)


def run_in_process(
    case: Case, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str, str]:
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdin", io.StringIO(case.stdin))
    try:
        status = main(list(case.argv))
    except SystemExit as leave:
        status = leave.code if isinstance(leave.code, int) else (0 if leave.code is None else 2)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def run_unprivileged(case: Case, work: Path) -> tuple[int, str, str]:
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be checked")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    env = {k: v for k, v in os.environ.items() if k != "ALI_QUIZ_HOME"}
    env["PYTHONIOENCODING"] = "utf-8"
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "ali_quiz", *case.argv],
        input=case.stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=work,
        timeout=120,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_hostile_input_is_refused_or_shown_safely(
    category: str,
    corpus: tuple[Path, list[Case]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work, cases = corpus
    monkeypatch.chdir(work)
    monkeypatch.delenv("ALI_QUIZ_HOME", raising=False)
    chosen = [c for c in cases if c.category == category]
    assert chosen
    failures = []
    for case in chosen:
        if case.unprivileged:
            status, out, err = run_unprivileged(case, work)
        else:
            status, out, err = run_in_process(case, capsys, monkeypatch)
        wrong = problems(out, err, case.output)
        if not status_ok(case, status):
            wrong.append(f"exit {status}, not {case.status}")
        if case.check is not None and (message := case.check(out, err, work)):
            wrong.append(message)
        if wrong:
            failures.append(f"{case.name!r}: {'; '.join(wrong)} | {err.strip()[-300:]!r}")
    assert failures == []
