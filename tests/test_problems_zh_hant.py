"""A pack's problems read in the interface language: every problem the loader finds carries a
code and values (`Problem.code`, `Problem.args`), and in 繁體中文 says no English sentence.

The English stays what `ali-quiz validate` has always printed (tests/test_loader.py checks it);
here every located mistake of those tests is loaded again and read in 繁體中文.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from ali_quiz.catalog import load_entry
from ali_quiz.i18n import Translator
from ali_quiz.packs.loader import load_pack, load_pack_bytes, load_pack_text
from ali_quiz.packs.problems import PackError, Problem
from test_loader import BASE, test_mistake_is_located
from test_tui_zh_hant import english_runs

CHINESE = Translator("zh-Hant")
#: Data quoted in a problem (a pack's id, key or text, as the file writes it) is not a sentence.
QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`")

#: Every located mistake of the loader's tests, and a few more kinds of problem.
MISTAKES = [case.values[0] for case in test_mistake_is_located.pytestmark[0].args[1]] + [
    BASE + "events:\n  - {id: A B, date: 2020/01, title: x, colour: red}\n",
    BASE + "metrics:\n  - {id: m, label: x, value: 3 apples, unit: u, tolerance: 2}\n",
    BASE + "sequences:\n  - {id: s, title: t, items: [{id: a, text: x, rank: 1}]}\n",
    BASE + "questions:\n  - {id: q, kind: choice, prompt: p, options: [{text: a}]}\n",
    BASE + "questions:\n  - {id: q, kind: estimate, prompt: p, range: [5, 1], tolerance: 3}\n",
    BASE + "questions:\n  - {id: q, kind: match, prompt: p, pairs: [{left: a, right: b}]}\n",
    BASE + "questions:\n  - {id: q, kind: text, prompt: p, options: []}\n",
    BASE + "questions:\n  - {id: q, kind: quiz, prompt: p}\n",
    BASE + "events:\n  - {id: a, date: 2020, title: x}\nunit: %\n",
    BASE + "events:\n  - {id: a, date: 2020, title: x}\n  - *nothing\n",
    "id: Bad Id\ntitle: t\nlanguage: English\nevents: [}\n",
]


def located_in_chinese(problems: list[Problem]) -> list[str]:
    """The English runs left in each problem read in 繁體中文 (quoted data taken out)."""
    found = []
    for problem in problems:
        assert problem.code, problem.message  # every problem can be translated
        said = problem.message_in(CHINESE)
        found += [f"{said} -> {run}" for run in english_runs(QUOTED.sub(" ", said))]
    return found


@pytest.mark.parametrize("text", MISTAKES)
def test_every_mistake_reads_in_chinese(text: str) -> None:
    with pytest.raises(PackError) as raised:
        load_pack_text(text, "x.yaml")
    assert located_in_chinese(raised.value.problems) == []


@pytest.mark.parametrize(
    "data", [b"id: x\x00", b"id: \xff\n", b"", b"a: " + b"[" * 300 + b"]" * 300]
)
def test_a_file_that_is_no_pack_reads_in_chinese(data: bytes) -> None:
    with pytest.raises(PackError) as raised:
        load_pack_bytes(data, "x.yaml")
    assert located_in_chinese(raised.value.problems) == []


def test_files_that_cannot_be_read_read_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    for name in ("folder.yaml", "loop.yaml", "missing.yaml"):
        with pytest.raises(PackError) as raised:
            load_pack(tmp_path / name)
        assert located_in_chinese(raised.value.problems) == []
    said = raised.value.problems[0].message_in(CHINESE)
    assert "沒有這個檔案" in said


def test_a_reserved_id_reads_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("id: dingtalk-2020\ntitle: t\nlanguage: en\nevents: []\n", encoding="utf-8")
    entry = load_entry(path)
    assert located_in_chinese(list(entry.errors)) == []


def test_the_english_is_the_message_validate_prints() -> None:
    with pytest.raises(PackError) as raised:
        load_pack_text(BASE + "events:\n  - {id: a, title: x}\n", "x.yaml")
    problem = raised.value.problems[0]
    english = Translator("en")
    assert (
        problem.message_in(english)
        == problem.message
        == "event 1 needs `date:` " + ("(YYYY, YYYY-MM or YYYY-MM-DD)")
    )
    assert problem.message_in(CHINESE) == "第 1 個事件需要 `date:`（YYYY、YYYY-MM 或 YYYY-MM-DD）"
    assert problem.located(CHINESE).startswith("x.yaml:5:5: 第 1 個事件")


def test_play_in_chinese_says_a_packs_problems_in_chinese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`play` speaks the interface language, its errors included; `validate` stays English."""
    from ali_quiz.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    broken = tmp_path / "broken.yaml"
    broken.write_text(BASE + "events:\n  - {id: a, date: 2020/01}\n", encoding="utf-8")
    data = str(tmp_path / "data")
    for pack in (str(broken), "no-such-pack"):
        status = main(["--data-dir", data, "play", "--plain", "--lang", "zh-Hant", "--pack", pack])
        assert status == 1
        said = capsys.readouterr().err.replace(str(broken), " ")
        assert english_runs(QUOTED.sub(" ", said)) == [], said
    assert main(["--data-dir", data, "validate", str(broken)]) == 1
    assert "event 1 needs `title:`" in capsys.readouterr().err


def test_a_settings_file_that_cannot_be_read_says_so_in_chinese(tmp_path: Path) -> None:
    from ali_quiz.config import load_settings

    (tmp_path / "config.yaml").mkdir()
    (problem,) = load_settings(tmp_path / "config.yaml").problems
    assert problem.message(CHINESE).endswith("是資料夾，不是檔案；改用預設值")
    assert str(problem).endswith("is a folder, not a file; using the defaults")


def test_a_shorter_round_is_told_in_the_interface_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ali_quiz.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    argv = ["--data-dir", str(tmp_path), "play", "--plain", "--mode", "match", "--count", "200"]
    assert main([*argv, "--seed", "1", "--lang", "zh-Hant"]) == 0
    notice = capsys.readouterr().err
    assert "這個題庫只能出" in notice and english_runs(notice) == []
    round_args = ["--mode", "match", "--count", "200", "--seed", "1"]
    assert main(["--data-dir", str(tmp_path), "generate", *round_args]) == 0
    assert "no more fit the rules of a good round" in capsys.readouterr().err
