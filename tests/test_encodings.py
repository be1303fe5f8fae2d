"""Files saved as Windows saves "Unicode" text (UTF-16 with a byte order mark) or as
PowerShell 5 writes `ali-quiz history --json > me.json`: read as their mark says, everywhere a
file is read (a pack, a GIFT file, a hand-in). They were refused as binary or not UTF-8."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, Ran

Cli = Callable[..., Ran]
CODECS = ["utf-16", "utf-32", "utf-8-sig"]
REPORT = REPO / "tests" / "fixtures" / "report" / "alice.json"


@pytest.mark.parametrize("codec", CODECS)
def test_a_pack_validates_and_installs(cli: Cli, tmp_path: Path, codec: str) -> None:
    starter = tmp_path / "starter.yaml"
    assert cli("new-pack", str(starter)).status == 0
    saved = tmp_path / f"pack-{codec}.yaml"
    saved.write_bytes(starter.read_text(encoding="utf-8").encode(codec))
    checked = cli("validate", str(saved))
    assert checked.status == 0, checked.err
    assert cli("packs", "add", str(saved)).status == 0
    assert cli("generate", "--pack", "starter", "--seed", "1", "--count", "3").status == 0


@pytest.mark.parametrize("codec", CODECS)
def test_a_gift_file_imports(cli: Cli, tmp_path: Path, codec: str) -> None:
    source = tmp_path / "quiz.gift"
    source.write_bytes("::Q1:: 2 + 2 ? {=4 ~3 ~5}\n\n::Q2:: 天空是藍的 {T}\n".encode(codec))
    ran = cli("import-gift", str(source), "-o", str(tmp_path / "quiz.yaml"))
    assert ran.status == 0, ran.err
    assert "天空是藍的" in (tmp_path / "quiz.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("codec", CODECS)
def test_a_hand_in_is_reported(cli: Cli, tmp_path: Path, codec: str) -> None:
    handin = tmp_path / "alice.json"
    handin.write_bytes(REPORT.read_text(encoding="utf-8").encode(codec))
    ran = cli("report", str(handin), "--json")
    assert ran.status == 0, ran.err
    assert [s["player"] for s in json.loads(ran.out)["students"]] == ["Alice"]


def test_a_bad_byte_is_named_with_its_value_and_offset(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "quiz.gift"
    source.write_bytes(b"Q? {=caf\xe9}\n")
    ran = cli("import-gift", str(source), "-o", str(tmp_path / "quiz.yaml"))
    assert ran.status == 1
    assert "(byte 0xe9 at offset 8)" in ran.err
    handin = tmp_path / "h.json"
    handin.write_bytes(b'[{"player": "caf\xe9"}]')
    assert "(byte 0xe9 at offset 16)" in cli("report", str(handin)).out


def test_an_import_of_one_question_says_one_question(cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "one.gift"
    source.write_text("::Q1:: 2 + 2 ? {=4 ~3 ~5}\n", encoding="utf-8")
    ran = cli("import-gift", str(source), "-o", str(tmp_path / "one.yaml"))
    assert ran.status == 0, ran.err
    assert f"Wrote {tmp_path / 'one.yaml'}: 1 question." in ran.out
