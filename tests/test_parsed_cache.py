"""The parsed-pack cache: built-in packs come back from a pickle, equal to a fresh parse."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ali_quiz.catalog import load_entry
from ali_quiz.packs import loader, parsed
from ali_quiz.packs.starter import starter_text
from ali_quiz.quiz.describe import summary_line
from ali_quiz.quiz.generate import available_modes
from conftest import QUESTIONS

BUILTIN = QUESTIONS / "dingtalk-2020.yaml"


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("parsed again instead of read from the cache")

    monkeypatch.setattr(loader, "load_pack_bytes", refuse)
    monkeypatch.setattr(loader, "load_pack", refuse)


def test_a_builtin_pack_is_parsed_once_then_read_back_equal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = loader.load_pack(BUILTIN)
    warnings = load_entry(BUILTIN).warnings
    first = load_entry(BUILTIN, tmp_path)
    assert first.pack == fresh
    [kept] = (tmp_path / "packs").iterdir()
    assert kept.name.startswith("dingtalk-2020@")
    _no_parsing(monkeypatch)
    again = load_entry(BUILTIN, tmp_path)
    assert again.pack == fresh and again.pack.content_hash == fresh.content_hash
    assert again.warnings == warnings
    assert summary_line(again.pack, BUILTIN) == summary_line(fresh, BUILTIN)
    assert list(again.pack.derived["modes"]) == available_modes(fresh)


@pytest.mark.parametrize("name", ["dingtalk-2020.yaml", "dingtalk-2020-en.yaml"])
def test_a_round_on_a_cached_pack_skips_the_trial_rounds_and_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The generator's verdict on each kind comes back with the pack: a round made from the
    cache runs no trial round, and asks what a round on a freshly parsed pack asks."""
    from ali_quiz.quiz import generate

    path = QUESTIONS / name
    load_entry(path, tmp_path)
    fresh = loader.load_pack(path)
    expected = {mode: generate.generate_round(fresh, mode, 10, 7) for mode in ("quick", "order")}
    cached = load_entry(path, tmp_path).pack
    assert cached is not None
    # (a round on the fresh pack ran the trial rounds of its own mode only: the rest now)
    assert cached.derived["capacity"] == generate.kept_verdicts(fresh)["capacity"]

    def no_trials(*args: object) -> bool:
        raise AssertionError("trial rounds run again on a cached pack")

    monkeypatch.setattr(generate, "_gives_three", no_trials)
    for mode, questions in expected.items():
        assert generate.generate_round(cached, mode, 10, 7) == questions


def test_a_copy_elsewhere_is_read_back_with_its_own_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed.load_pack(BUILTIN, tmp_path / "cache")
    copy = tmp_path / "copy.yaml"
    shutil.copyfile(BUILTIN, copy)
    _no_parsing(monkeypatch)
    assert parsed.load_pack(copy, tmp_path / "cache").path == copy


def test_a_changed_file_or_a_damaged_cache_is_parsed_again(tmp_path: Path) -> None:
    pack = tmp_path / "dingtalk-2020.yaml"
    shutil.copyfile(BUILTIN, pack)
    parsed.load_pack(pack, tmp_path / "cache")
    pack.write_text(pack.read_text(encoding="utf-8").replace("title:", "title: X", 1) + "\n")
    changed = parsed.load_pack(pack, tmp_path / "cache")
    assert changed == loader.load_pack(pack)
    kept = list((tmp_path / "cache" / "packs").iterdir())
    assert len(kept) == 1  # the older pickle of that pack is gone
    kept[0].write_bytes(b"not a pickle")
    assert parsed.load_pack(pack, tmp_path / "cache") == changed
    assert kept[0].read_bytes() != b"not a pickle"  # written anew


def test_only_builtin_ids_are_kept_and_an_unwritable_cache_is_no_cache(tmp_path: Path) -> None:
    mine = tmp_path / "space-race.yaml"
    mine.write_text(starter_text(mine), encoding="utf-8")
    assert parsed.load_pack(mine, tmp_path / "cache") == loader.load_pack(mine)
    assert not (tmp_path / "cache").exists()
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    assert parsed.load_pack(BUILTIN, blocked) == loader.load_pack(BUILTIN)


@pytest.mark.parametrize(
    ("argv", "absent"),
    [
        (["validate", str(BUILTIN)], ("ali_quiz.packs.loader", "ali_quiz.quiz.generate", "yaml")),
        (["show", "dingtalk-2020", "--json"], ("ali_quiz.packs.loader", "ali_quiz.quiz.kinds")),
        (["generate", "--seed", "1"], ("ali_quiz.packs.loader", "decimal")),
    ],
)
def test_with_a_warm_cache_commands_import_only_what_they_use(
    tmp_path: Path, argv: list[str], absent: tuple[str, ...]
) -> None:
    code = (
        "import sys, io; from ali_quiz.cli import main; out = sys.stdout;"
        " sys.stdout = io.StringIO(); status = main(sys.argv[1:]); sys.stdout = out;"
        " print(status, ' '.join(sorted(sys.modules)))"
    )
    argv = ["--data-dir", str(tmp_path), *argv]
    for _ in range(2):  # the first run fills the cache
        done = subprocess.run(
            [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True
        )
    status, modules = done.stdout.split(" ", 1)
    assert status == "0"
    loaded = set(modules.split())
    assert not loaded & set(absent), loaded & set(absent)
