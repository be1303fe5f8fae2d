"""Standard streams that are closed, full or not a terminal: a message, never a traceback.

`ali-quiz ... >&-` starts Python with sys.stdout None; `> /dev/full` fails every write with
ENOSPC; `2>&-` loses the warnings but not the output; `<&-` is no input at all. Each runs as
its own process, since only a real process starts with a standard stream closed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def _run(
    tmp_path: Path,
    *argv: str,
    close: tuple[int, ...] = (),
    stdout: object = subprocess.PIPE,
    stdin: str = "",
) -> subprocess.CompletedProcess[str]:
    def closing() -> None:
        for fd in close:
            os.close(fd)

    preexec: Callable[[], None] | None = closing if close else None
    return subprocess.run(
        [sys.executable, "-m", "ali_quiz", "--data-dir", str(tmp_path / "data"), *argv],
        input=None if 0 in close else stdin,
        stdin=subprocess.DEVNULL if 0 in close else None,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        preexec_fn=preexec,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("generate", "--seed", "1", "--count", "2", "--format", "json"),
        ("show", "dingtalk-2020"),
        ("--version",),
        ("play", "--plain", "--seed", "1", "--count", "2"),
    ],
)
def test_a_closed_stdout_is_said_once_without_a_traceback(tmp_path: Path, argv: tuple[str]) -> None:
    done = _run(tmp_path, *argv, close=(1,))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr == (
        "ali-quiz: standard output is closed: nothing could be shown (run without >&-)\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_stdout_names_the_error(tmp_path: Path) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = _run(tmp_path, "show", "dingtalk-2020", stdout=full)
    assert done.returncode == 1
    assert done.stderr == "ali-quiz: cannot write to standard output: No space left on device\n"


def test_a_closed_stderr_loses_the_warnings_not_the_output(tmp_path: Path) -> None:
    """A round shorter than asked warns on stderr: with stderr closed, the round still prints."""
    done = _run(
        tmp_path, "generate", "--seed", "1", "--count", "60", "--format", "json", close=(2,)
    )
    assert done.returncode == 0
    assert done.stdout.count('"id"') > 3
    usage = _run(tmp_path, "generate", "--count", "0", close=(2,))
    assert usage.returncode == 2


def test_a_closed_stdin_ends_a_plain_round_at_once(tmp_path: Path) -> None:
    done = _run(tmp_path, "play", "--plain", "--seed", "1", "--count", "2", close=(0,))
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("Score: 0/200")


def test_the_bare_command_without_a_terminal_plays_in_plain_text(tmp_path: Path) -> None:
    """Textual would draw its screens into the pipe and wait for keys forever."""
    done = _run(tmp_path, stdin="quit\n")
    assert done.returncode == 0, done.stderr
    assert "\x1b[" not in done.stdout
    assert "Score: 0/" in done.stdout
