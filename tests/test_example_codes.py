"""Every round code the README, the docs and the interface offer as an example plays.

A built-in pack's content is part of its codes, so editing a built-in pack turns every code
made before into one "for another version of the pack". An example a new player types in must
not meet that error: this test names the examples to make again (`ali-quiz generate --seed S`
prints a code of the current packs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ali_quiz.packs.loader import load_pack_text
from ali_quiz.packs.model import Pack
from ali_quiz.packs.starter import starter_text
from ali_quiz.quiz.codes import CodeError, UnknownPack, decode_round_code, resolve_code

ROOT = Path(__file__).resolve().parent.parent
CODE = re.compile(r"(?<![0-9A-Z-])[0-9A-Z]{4}-[0-9A-Z]{4,5}-[0-9A-Z]{4,5}(?![0-9A-Z-])")
PLACES = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").glob("*.md")),
    *sorted((ROOT / "src" / "ali_quiz" / "i18n").glob("*.py")),
    ROOT / "src" / "ali_quiz" / "argtypes.py",
]


def examples() -> list[tuple[str, str]]:
    found = []
    for path in PLACES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [(f"{path.relative_to(ROOT)}:{number}", code) for code in CODE.findall(line)]
    return found


def test_the_examples_are_found() -> None:
    assert len(examples()) >= 5


def test_every_example_code_plays_with_the_builtin_packs(pack_zh: Pack, pack_en: Pack) -> None:
    """A code of a built-in pack plays; docs/teachers.md's codes are those of the starter that
    `ali-quiz new-pack week3.yaml` writes, which its walk-through installs as `week3`."""
    week3 = load_pack_text(starter_text(Path("week3.yaml")), "week3.yaml")
    stale = []
    for where, text in examples():
        packs = [week3] if where.startswith("docs/teachers.md") else [pack_zh, pack_en]
        try:
            resolve_code(decode_round_code(text), packs)
        except UnknownPack:
            stale.append(f"{where}: {text}: no pack {[p.id for p in packs]} has this code")
        except CodeError as error:
            stale.append(f"{where}: {text}: {error}")
    assert not stale, "\n".join(stale)


@pytest.mark.parametrize("text", ["XXXX-YYYY-ZZZZ", "0AZF-Q4PG-1Z8X", "0AZF-Q4PG-1Z8F"])
def test_a_stale_or_mistyped_code_is_caught(text: str, pack_zh: Pack, pack_en: Pack) -> None:
    with pytest.raises(CodeError):
        resolve_code(decode_round_code(text), [pack_zh, pack_en])
