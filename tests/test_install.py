"""The wheel ships the built-in packs and the TUI's stylesheets, and works from where it unpacks.

The wheel is built offline (no build isolation, no index) from a copy of the project, so the
checkout gets no build/ or egg-info litter; its contents then run with nothing but the wheel
on the import path for ali_quiz.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "ali_quiz"


def _copy_project(target: Path) -> None:
    """What a build reads: pyproject, README, licence, src/ and questions/ (no caches)."""
    target.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "LICENSE.txt", "MANIFEST.in"):
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "questions")
    shutil.copytree(REPO / "src", target / "src", ignore=ignore)
    shutil.copytree(REPO / "questions", target / "questions")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("install")
    project = root / "project"
    _copy_project(project)
    dist = root / "dist"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "-q", "-w", str(dist), str(project)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip
    assert done.returncode == 0, (
        "building the wheel failed (the test extras bring setuptools>=70.1):\n" + done.stderr
    )
    (built,) = dist.glob("ali_quiz-*.whl")
    return built


def test_the_wheel_holds_the_packs_and_every_data_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in sorted((REPO / "questions").glob("*.yaml")):
        assert f"ali_quiz/questions/{pack.name}" in names
    assert "ali_quiz/questions/dingtalk-2020.yaml" in names
    assert "ali_quiz/questions/dingtalk-2020-en.yaml" in names
    assert "ali_quiz/py.typed" in names
    # Every file of the package that is not Python source ships too (.tcss stylesheets above all).
    data_files = [
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and "__pycache__" not in path.parts
        and "questions" not in path.relative_to(PACKAGE).parts[:1]
    ]
    missing = [name for name in data_files if name not in names]
    assert not missing, f"not in the wheel: {missing}"
    assert any(name.endswith(".tcss") for name in data_files) == any(
        name.endswith(".tcss") for name in names
    )
    modules = [
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*.py")
        if "__pycache__" not in path.parts
    ]
    assert sorted(set(modules) - names) == [], "modules missing from the wheel"
    assert any(name.endswith("entry_points.txt") for name in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "ali-quiz = ali_quiz.cli:run" in zipfile.ZipFile(wheel).read(entry_points).decode()


CHECK = """
import json, sys
from pathlib import Path
unpacked = Path(sys.argv[1]).resolve()
import ali_quiz
assert Path(ali_quiz.__file__).resolve().is_relative_to(unpacked), ali_quiz.__file__
from ali_quiz.paths import AppPaths, builtin_packs_dir
assert builtin_packs_dir().resolve() == unpacked / "ali_quiz" / "questions", builtin_packs_dir()
from ali_quiz.catalog import discover
entries = discover(AppPaths.resolve(sys.argv[2]))
print(json.dumps({e.id: [e.valid, e.builtin] for e in entries}))
from ali_quiz.cli import main
status = main(["--data-dir", sys.argv[2], "generate", "--count", "3", "--seed", "1"])
sys.exit(status)
"""


def test_the_unpacked_wheel_finds_its_built_in_packs(wheel: Path, tmp_path: Path) -> None:
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    env = {k: v for k, v in os.environ.items() if k not in ("ALI_QUIZ_HOME", "PYTHONPATH")}
    env.update(PYTHONPATH=str(unpacked), PYTHONIOENCODING="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(unpacked), str(tmp_path / "data")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=tmp_path,  # not the checkout: its questions/ folder must not be what is found
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    first, *questions = done.stdout.splitlines()
    import json

    assert json.loads(first) == {
        "dingtalk-2020": [True, True],
        "dingtalk-2020-en": [True, True],
    }
    assert len(questions) == 3
