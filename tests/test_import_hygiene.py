"""The core never imports Textual, and neither do the commands that only read and print.

Checked in fresh interpreters, since this test process may have imported Textual already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import FIXTURES

CORE = ("ali_quiz.packs", "ali_quiz.quiz", "ali_quiz.history", "ali_quiz.teach")


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ALI_QUIZ_HOME"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


COMMANDS = r"""
import contextlib, io, json, sys
data, good, bad, new = sys.argv[1:5]
import ali_quiz.cli, ali_quiz.commands
from ali_quiz.cli import main

runs = [
    ["validate", good],
    ["validate", bad],
    ["generate", "--count", "12", "--seed", "3"],
    ["generate", "--mode", "order", "--count", "3", "--seed", "3", "--pack", good],
    ["generate", "--mode", "daily", "--date", "2024-01-01"],
    ["generate", "--mode", "review"],
    ["show", "dingtalk-2020"],
    ["show", "dingtalk-2020-en", "--json"],
    ["packs"],
    ["packs", "--json"],
    ["packs", "add", good],
    ["new-pack", new],
    ["--version"],
    ["history", "--json"],
    ["generate", "--mode", "nonsense"],
]
statuses = []
for argv in runs:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(["--data-dir", data, *argv] if argv[0] != "--version" else argv)
        except SystemExit as leave:
            status = leave.code
    statuses.append(status)
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
# The review's scheduler and the Chinese tables load only when a card or a text answer needs them.
lazy = sorted(m for m in sys.modules if m.split(".")[0] in ("fsrs", "opencc_purepy"))
print(json.dumps({"statuses": statuses, "textual": loaded, "lazy": lazy}))
"""


def test_commands_do_not_import_textual(tmp_path: Path) -> None:
    done = _run(
        COMMANDS,
        str(tmp_path / "data"),
        str(FIXTURES / "packs" / "good.yaml"),
        str(FIXTURES / "packs" / "ten-mistakes.yaml"),
        str(tmp_path / "new.yaml"),
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["statuses"] == [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2]
    assert result["lazy"] == []
    assert result["textual"] == []


WALK = r"""
import importlib, json, pkgutil, sys
failed = {}
imported = []
for name in sys.argv[1:]:
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(package.__path__, prefix=name + "."):
        try:
            importlib.import_module(info.name)
        except Exception as err:  # reported, so the test names the module
            failed[info.name] = repr(err)
        imported.append(info.name)
loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
tui = sorted(m for m in sys.modules if m.startswith("ali_quiz.tui"))
print(json.dumps({"imported": imported, "failed": failed, "textual": loaded, "tui": tui}))
"""


def test_core_modules_never_import_textual() -> None:
    done = _run(WALK, *CORE)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["failed"] == {}
    assert result["textual"] == [], "a core module imports Textual"
    assert result["tui"] == [], "a core module imports the TUI"
    imported = set(result["imported"])
    # The walk saw the modules it should (so an empty walk cannot pass).
    assert {"ali_quiz.packs.loader", "ali_quiz.quiz.generate", "ali_quiz.quiz.grading"} <= imported
    src = Path(__file__).resolve().parent.parent / "src"
    on_disk = {
        ".".join(path.relative_to(src).with_suffix("").parts)
        for package in CORE
        for path in (src / package.replace(".", "/")).glob("*.py")
        if path.name != "__init__.py"
    }
    assert on_disk <= imported


def test_the_walk_would_notice_textual() -> None:
    """The check itself can fail: importing the TUI does load Textual."""
    done = _run(WALK, "ali_quiz.tui")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["textual"]


def test_no_module_outside_tui_names_textual() -> None:
    """Literally: no `import textual…` (textual_serve included) outside src/ali_quiz/tui/."""
    import re

    package = Path(__file__).resolve().parent.parent / "src" / "ali_quiz"
    pattern = re.compile(r"^\s*(from|import) textual", re.MULTILINE)
    named = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        if "tui" not in path.relative_to(package).parts[:1]
        and pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert named == []


LOADED = r"""
import contextlib, io, json, sys
from ali_quiz.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    status = main(sys.argv[1:])
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""

#: What a short command has no use for: OpenSSL (sha256 comes from CPython's own module),
#: typing, the calendar and getpass modules (with locale and termios), the interface strings
#: (nothing is worded), YAML with positions (no settings file), the history, the pickle
#: module (the C unpickler reads the parsed pack), the other commands' modules, the settings
#: module (there is no settings file).
NOT_FOR_GENERATE = (
    "_hashlib",
    "hashlib",
    "secrets",
    "typing",
    "calendar",
    "getpass",
    "pickle",
    "ali_quiz.i18n.app",
    "ali_quiz.packs.yamlnodes",
    "ali_quiz.packs.yamltree",
    "ali_quiz.packs.loader",
    "ali_quiz.history",
    "ali_quiz.commands.packs",
    "ali_quiz.commands.history",
    "ali_quiz.config",
)


def test_a_seeded_generate_loads_only_what_it_needs(tmp_path: Path) -> None:
    """`generate --seed` (the built-in pack, from the parsed cache the first run fills) imports
    none of the modules it has no use for: each is a share of the command's start."""
    argv = ["--data-dir", str(tmp_path / "data"), "generate", "--count", "10", "--seed", "1"]
    first = _run(LOADED, *argv)
    assert first.returncode == 0, first.stderr
    done = _run(LOADED, *argv)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["status"] == 0
    loaded = set(result["modules"])
    assert "ali_quiz.quiz.generate" in loaded  # the check can see what was imported
    assert sorted(loaded & set(NOT_FOR_GENERATE)) == []


TUI_START = r"""
import asyncio, json, sys
from datetime import UTC, datetime
from pathlib import Path
from ali_quiz.config import load_settings
from ali_quiz.paths import AppPaths
from ali_quiz.tui.app import QuizApp, make_app

paths = AppPaths.resolve(Path(sys.argv[1]))
seen = {}
start_workers = QuizApp.start_workers


def first_frame_drawn(app):
    # The workers start once home's first frame (and its Footer's keys) is drawn.
    seen["modules"] = sorted(sys.modules)
    start_workers(app)


QuizApp.start_workers = first_frame_drawn


async def main():
    app = make_app(paths, settings=load_settings(paths.config_path))
    async with app.run_test(size=(80, 24)) as pilot:
        while "modules" not in seen:
            await pilot.pause(0.01)


asyncio.run(main())
print(json.dumps(seen["modules"]))
"""

#: What the TUI has no use for before its first frame: YAML (the settings file as the
#: Settings screen writes it is read without it), the history, the pack model, the generator,
#: DataTable (no table on home), the number parser, and the interface strings
#: of other screens and commands (home speaks from `i18n.app` alone).
NOT_BEFORE_THE_FIRST_FRAME = (
    "yaml",
    "sqlite3",
    "ali_quiz.history.store",
    "ali_quiz.history.recorder",
    "ali_quiz.packs.model",
    "ali_quiz.quiz.generate",
    "textual.widgets._data_table",
    "ali_quiz.numbers",
    *(f"ali_quiz.i18n.{table}" for table in ("results", "play", "history", "problems", "serve")),
)


@pytest.mark.parametrize("language", ["en", "zh-Hant"])
def test_the_tui_draws_its_home_screen_without_disk_work_modules(
    tmp_path: Path, language: str
) -> None:
    """A returning player's start (a settings file) imports, up to home's first frame, none
    of the modules that only the workers after it, a round or another screen need."""
    from ali_quiz.config import Settings, save_settings
    from ali_quiz.paths import AppPaths

    data = tmp_path / "data"
    save_settings(AppPaths.resolve(data).config_path, Settings(player="bench", language=language))
    done = _run(TUI_START, str(data))
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.splitlines()[-1]))
    assert {"textual.app", "ali_quiz.config", "ali_quiz.tui.screens.home"} <= loaded
    assert "ali_quiz.i18n.app" in loaded  # the check can see the catalogue's tables
    assert sorted(loaded & set(NOT_BEFORE_THE_FIRST_FRAME)) == []


TABLE = r"""
import contextlib, io, sys
from ali_quiz.cli import main

with contextlib.redirect_stdout(io.StringIO()):
    status = main(["--data-dir", sys.argv[1], "history"])
heavy = ("json", "csv", "decimal", "shutil", "threading", "ali_quiz.numbers")
loaded = [m for m in (*heavy, "ali_quiz.safety.csvcells") if m in sys.modules]
import json  # only now: the table itself must not have loaded it

print(json.dumps({"status": status, "loaded": loaded}))
"""


def test_the_history_table_loads_only_what_it_shows(tmp_path: Path) -> None:
    """`ali-quiz history` (the table) starts without json, csv, the figure reader's Decimal,
    shutil (argparse's terminal width) or threading: a third of its time went to them."""
    from ali_quiz.history.store import HistoryStore, RoundStart

    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None
    with opened.store as store:
        start = RoundStart(
            player="ann", pack="dingtalk-2020", pack_hash="h", mode="quick", count=3, seed=1,
            code=None, date="2024-03-01", ui_language="en",
            started_at=datetime(2024, 3, 1, 9, tzinfo=UTC),
        )  # fmt: skip
        store.start_round(start, 3)
    done = _run(TABLE, str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"status": 0, "loaded": []}
