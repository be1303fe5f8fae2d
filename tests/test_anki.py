"""`generate --format anki -o deck.apkg`: a deck with a note per question, read with sqlite3."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("genanki")

FIELD_SEPARATOR = "\x1f"


def _notes(deck: Path, tmp_path: Path) -> list[list[str]]:
    with zipfile.ZipFile(deck) as package:
        names = package.namelist()
        assert "collection.anki2" in names
        package.extract("collection.anki2", tmp_path)
    connection = sqlite3.connect(tmp_path / "collection.anki2")
    try:
        rows = connection.execute("SELECT flds FROM notes ORDER BY id").fetchall()
        cards = connection.execute("SELECT count(*) FROM cards").fetchone()[0]
    finally:
        connection.close()
    assert cards == len(rows)
    return [row[0].split(FIELD_SEPARATOR) for row in rows]


def test_a_round_becomes_a_deck(cli: Callable[..., Any], tmp_path: Path) -> None:
    deck = tmp_path / "round.apkg"
    made = cli("generate", "--seed", "7", "--count", "6", "--format", "anki", "-o", str(deck))
    assert made.status == 0, made.err
    assert "6 notes" in made.out
    listed = [
        json.loads(line) for line in cli("generate", "--seed", "7", "--count", "6").out.splitlines()
    ]
    notes = _notes(deck, tmp_path)
    assert len(notes) == len(listed) == 6
    for note, question in zip(notes, listed, strict=True):
        passage, prompt, shown, answer, source = note
        assert prompt.replace("<br>", "\n") == question["prompt"].replace("&", "&amp;")
        assert answer  # the answer, labelled as on the worksheet
        first_source = question["source"][0] if question.get("source") else None
        if first_source:
            assert first_source.splitlines()[0][:8] in source
    assert not list(tmp_path.glob(".round.apkg.*"))  # written whole, no temporary left


def test_the_same_round_gives_the_same_notes(cli: Callable[..., Any], tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "d.apkg", tmp_path / "b" / "d.apkg"
    first.parent.mkdir()
    second.parent.mkdir()
    for path in (first, second):
        assert cli("generate", "--seed", "3", "--format", "anki", "-o", str(path)).status == 0

    def guids(path: Path) -> list[str]:
        with zipfile.ZipFile(path) as package:
            package.extract("collection.anki2", path.parent)
        connection = sqlite3.connect(path.parent / "collection.anki2")
        try:
            return [r[0] for r in connection.execute("SELECT guid FROM notes ORDER BY guid")]
        finally:
            connection.close()

    assert guids(first) == guids(second)


def test_anki_needs_an_output_file(cli: Callable[..., Any]) -> None:
    done = cli("generate", "--format", "anki")
    assert done.status == 2 and "-o FILE.apkg" in done.err


def test_a_missing_genanki_is_explained(
    cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "genanki", None)  # as if it were not installed
    done = cli("generate", "--format", "anki", "-o", str(tmp_path / "x.apkg"))
    assert done.status == 1 and "pip install 'ali-quiz[anki]'" in done.err
    assert not (tmp_path / "x.apkg").exists()
