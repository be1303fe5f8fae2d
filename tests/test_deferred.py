"""The commands start without `inspect` (see ali_quiz.deferred), and inspect works when used.

Checked in fresh interpreters: this test process imported inspect long ago.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

RUN = r"""
import contextlib, io, json, sys
from ali_quiz.cli import main

with contextlib.redirect_stdout(io.StringIO()):
    try:
        main(["--data-dir", sys.argv[1], *sys.argv[2:]])
    except SystemExit:
        pass
print(json.dumps({
    "stand_in": type(sys.modules["inspect"]).__name__,
    "loaded": sorted(m for m in ("ast", "dis", "tokenize", "linecache") if m in sys.modules),
}))
"""

USE = r"""
import sys
import ali_quiz
import dataclasses
import inspect  # the stand-in, as a module imported after ali_quiz gets it
from ali_quiz.history import records

assert type(inspect).__name__ == "Deferred", type(inspect)


@dataclasses.dataclass(frozen=True)
class NoDoc:
    a: int
    b: str = "x"


assert NoDoc.__doc__ == "NoDoc(a: int, b: str = 'x')", NoDoc.__doc__
from inspect import signature
assert str(signature(len)) == "(obj, /)"
assert inspect.isclass(int) and sys.modules["inspect"].isfunction(signature)
assert inspect.getsource(records.round_row).startswith("def round_row")
print("ok")
"""


def _python(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(
    "argv",
    [["history"], ["history", "--csv"], ["show", "dingtalk-2020", "--json"], ["--version"]],
)
def test_a_command_never_loads_inspect(tmp_path: Path, argv: list[str]) -> None:
    said = json.loads(_python(RUN, str(tmp_path), *argv))
    assert said == {"stand_in": "Deferred", "loaded": []}


def test_inspect_works_through_its_stand_in() -> None:
    """A dataclass without a docstring gets its signature, `from inspect import` and
    attribute reads give the real functions, before and after the real module loads."""
    assert _python(USE).strip() == "ok"
