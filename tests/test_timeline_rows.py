"""The timeline's rows name each release as the questions do, in the pack's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from ali_quiz.i18n import translator
from ali_quiz.packs.loader import load_pack_text
from ali_quiz.packs.model import Pack
from ali_quiz.tui.screens.timeline import timeline_rows, version_rows

REPO = Path(__file__).resolve().parent.parent


def builtin(name: str) -> Pack:
    path = REPO / "questions" / f"{name}.yaml"
    return load_pack_text(path.read_text(encoding="utf-8"), str(path))


@pytest.mark.parametrize("language", ["en", "zh-Hant"])
def test_an_english_pack_names_releases_without_chinese_brackets(language: str) -> None:
    pack = builtin("dingtalk-2020-en")
    rows = timeline_rows(pack, translator(language)) + version_rows(pack, translator(language))
    text = "\n".join(cell for row in rows for cell in (*row.cells, row.detail.split("\n")[0]))
    assert "DingTalk 5.0 “Bayan Har" in text
    assert "「" not in text and "」" not in text


def test_a_chinese_pack_spaces_its_release_titles_as_the_questions_do() -> None:
    """A title ending in Chinese or a quote joins 釋出; one ending in a number is set off by a
    space on both sides (「釘釘 4.0 釋出」, was 「釘釘 4.0釋出」), as the questions word it."""
    pack = builtin("dingtalk-2020")
    cells = [row.cells[1] for row in timeline_rows(pack, translator("zh-Hant"))]
    assert "釘釘測試版釋出" in cells  # (was 發布)
    assert "釘釘 4.0 釋出" in cells and "來往 6.2 釋出" in cells
    assert any(cell.startswith("釘釘 5.0“巴顏喀拉”釋出") for cell in cells)
    assert not any("」 釋出" in cell or "” 釋出" in cell or "0釋出" in cell for cell in cells)
