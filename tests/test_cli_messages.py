"""The command line's messages a person reads: `generate` on a terminal, one error for one
unclosed bracket, `history --pack` with a name that matches nothing."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import REPO, Ran

Cli = Callable[..., Ran]


def test_generate_prints_a_worksheet_on_a_terminal(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    ran = cli("generate", "--count", "3", "--seed", "3")
    assert ran.status == 0
    assert not ran.out.lstrip().startswith("{")
    assert "**1.**" in ran.out  # the worksheet's numbered questions (and answer key)
    # Asked for, JSON Lines even on a terminal.
    asked = cli("generate", "--count", "3", "--seed", "3", "--format", "json")
    assert [json.loads(line)["kind"] for line in asked.out.splitlines()]


def test_generate_prints_json_lines_into_a_pipe_or_a_file(cli: Cli, tmp_path: Path) -> None:
    ran = cli("generate", "--count", "3", "--seed", "3")
    assert len([json.loads(line) for line in ran.out.splitlines()]) == 3
    target = tmp_path / "round.jsonl"
    assert cli("generate", "--count", "3", "--seed", "3", "-o", str(target)).status == 0
    assert target.read_text(encoding="utf-8") == ran.out


@pytest.mark.parametrize("fmt", ["html", "markdown", "json"])
def test_a_worksheet_file_holds_no_raw_control_character(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    pack = tmp_path / "hostile.yaml"
    text = (REPO / "questions" / "dingtalk-2020-en.yaml").read_text(encoding="utf-8")
    pack.write_text(
        text.replace(
            "title: The rise of DingTalk", 'title: "Rise \\e[31m\\a \\u202e \\0"', 1
        ).replace("id: dingtalk-2020-en", "id: hostile-sheet", 1),
        encoding="utf-8",
    )
    target = tmp_path / f"sheet.{fmt}"
    ran = cli("generate", "--pack", str(pack), "--seed", "1", "--format", fmt, "-o", str(target))
    assert ran.status == 0, ran.err
    written = target.read_text(encoding="utf-8")
    assert not any(ch in written for ch in "\x1b\x07\x00\u202e")
    if fmt == "json":
        assert [json.loads(line) for line in written.splitlines()]
    else:
        assert "\\x1b" in written  # shown as the terminal shows it


def test_an_unclosed_bracket_is_one_problem_at_the_bracket(cli: Cli, tmp_path: Path) -> None:
    text = (REPO / "questions" / "dingtalk-2020-en.yaml").read_text(encoding="utf-8")
    lines = text.split("\n")
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("title: "))
    lines[number - 1] = lines[number - 1].replace("title: ", "title: [", 1)
    bad = tmp_path / "badyaml.yaml"
    bad.write_text("\n".join(lines), encoding="utf-8")
    ran = cli("validate", str(bad))
    assert ran.status == 1
    located = [line for line in ran.err.splitlines() if "YAML syntax error" in line]
    assert len(located) == 1, ran.err  # was five, one per line after the bracket
    assert located[0].startswith(f"{bad}:{number}:8: ")
    assert "the [ opened on this line is never closed" in located[0]
    assert "invalid (1 problem)" in ran.err


def test_history_of_an_unknown_pack_names_the_packs(cli: Cli) -> None:
    ran = cli("history", "--pack", "nope")
    assert ran.status == 1
    assert "No rounds yet" not in ran.out
    assert "no rounds of the pack 'nope'" in ran.err
    assert "dingtalk-2020-en" in ran.err  # the packs installed, by name
    known = cli("history", "--pack", "dingtalk-2020-en")
    assert known.status == 0
    assert "No rounds of the pack 'dingtalk-2020-en' yet" in known.out
    nobody = cli("history", "--player", "bob")
    assert nobody.status == 0 and "No rounds of the player 'bob'" in nobody.out


def test_a_chinese_worksheet_writes_full_width_colons(cli: Cli) -> None:
    """姓名：____ 班級：____ 日期：____, as the sheet's 回合代碼： (was 姓名: ____)."""
    for format_ in ("markdown", "html"):
        ran = cli("generate", "--count", "3", "--seed", "3", "--format", format_)
        assert ran.status == 0
        assert "姓名：" in ran.out and "班級：" in ran.out and "答案：" in ran.out
        assert "姓名:" not in ran.out and "答案:" not in ran.out
    english = cli(
        "generate",
        "--pack",
        "dingtalk-2020-en",
        "--count",
        "3",
        "--seed",
        "3",
        "--format",
        "markdown",
    )
    assert "Name: ____" in english.out and "Answer: " in english.out


def test_the_example_round_codes_pass_their_own_check() -> None:
    """An example a player copies must be a code that reads (7Q3K-9MXA-2TBC was mistyped)."""
    import re

    from ali_quiz.i18n import strings
    from ali_quiz.quiz.codes import decode_round_code

    shaped = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4,5}-[0-9A-Z]{4,5}\b")
    texts = [text for pair in strings().values() for text in pair]
    texts.append((REPO / "README.md").read_text(encoding="utf-8"))
    found = {code for text in texts for code in shaped.findall(text)}
    assert found
    for code in found:
        decode_round_code(code)  # raises when its check character does not match


def test_a_fifo_is_not_a_regular_file_hence_no_history() -> None:
    from ali_quiz.i18n import Translator

    english = Translator("en")("db.why.not_file")
    assert "not a regular file, not a history file" not in english  # was two "not"s in a row
    assert english.startswith("is not a regular file (a pipe or a device)")


@pytest.mark.parametrize("where", ["file", "file/under", "env"])
def test_a_data_folder_that_is_a_file_is_a_usage_error(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A typo in --data-dir (or ALI_QUIZ_HOME) naming a file read as an empty history, then
    'the folder cannot be made (File exists)' once a round was played."""
    (tmp_path / "file").write_text("not a folder\n", encoding="utf-8")
    if where == "env":
        monkeypatch.setenv("ALI_QUIZ_HOME", str(tmp_path / "file"))
        ran = cli("history", data=None)
        named = f"ALI_QUIZ_HOME={tmp_path / 'file'}"
    else:
        ran = cli("history", data=tmp_path / where)
        named = f"--data-dir {tmp_path / where}"
    assert ran.status == 2
    inside = f" is inside {tmp_path / 'file'}, which is" if where == "file/under" else " is"
    assert ran.err == f"ali-quiz: {named}{inside} not a folder: give a folder (made if missing)\n"


def test_play_words_options_that_do_not_fit_in_the_interface_language(cli: Cli) -> None:
    """`play --lang zh-Hant --mode daily --seed 3` said it in English among Chinese messages
    (play test H9); `generate` speaks English, as the other commands do."""
    chinese = cli("play", "--plain", "--lang", "zh-Hant", "--mode", "daily", "--seed", "3")
    assert chinese.status == 2
    assert chinese.err == "ali-quiz: 每日挑戰在同一天對每個人都一樣：請拿掉 --seed\n"
    english = cli("generate", "--mode", "review", "--seed", "3")
    assert english.status == 2
    assert english.err == "ali-quiz: a review round is built from your history: leave out --seed\n"


def test_what_a_person_reads_follows_a_chinese_interface(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """H9: `history`, `validate`, `packs` and argparse's usage errors stayed English under a
    Chinese interface language. What programs read stays: `packs --json`, `history --csv`."""
    monkeypatch.setenv("LANG", "zh_TW.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    empty = cli("history")
    assert empty.status == 0 and empty.out.startswith("還沒有回合：")
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("skip\n"))
    played = cli("play", "--plain", "--seed", "1", "--count", "2")
    assert played.out.rstrip().endswith("Score: 0/200")  # the contract's last line
    table = cli("history").out.splitlines()
    assert table[0].split() == [
        "#",
        "開始時間",
        "玩家",
        "題庫",
        "模式",
        "得分",
        "%",
        "用時",
        "完成",
    ]
    assert table[2].rstrip().endswith("否（答了 1 題）")
    assert cli("history", "--csv").out.startswith("round_id,")  # for programs: as it was
    listed = cli("packs").out.splitlines()
    assert listed[0].split()[:3] == ["代號", "標題", "語言"] and "內建" in listed[2]
    assert json.loads(cli("packs", "--json").out)[0]["builtin"] is True
    valid = cli("validate", str(REPO / "questions" / "dingtalk-2020.yaml"))
    assert "：有效：dingtalk-2020「釘釘的崛起」（zh-Hant）：事件 9、" in valid.out
    bad = tmp_path / "bad.yaml"
    bad.write_text("x: [\n", encoding="utf-8")
    invalid = cli("validate", str(bad))
    assert invalid.status == 1 and invalid.err.rstrip().endswith("：無效（1 個問題）")
    broken = cli("history", "--pack", str(bad))
    assert broken.status == 1 and f"題庫 {bad} 有錯誤：\n{bad}:2:1: YAML 語法錯誤" in broken.err
    usage = cli("play", "--mode", "zz")
    assert usage.status == 2
    assert usage.err.startswith("用法：ali-quiz play")
    assert "錯誤：參數 --mode：不是可選的值：'zz'" in usage.err
    assert "（請看 ali-quiz play --help）" in usage.err
    count = cli("generate", "--count", "0")
    assert (
        count.status == 2 and "參數 --count：--count 必須是 1 到 200 的整數，不是 '0'" in count.err
    )
    # An English locale: English, as before.
    monkeypatch.setenv("LANG", "C.UTF-8")
    english = cli("play", "--mode", "zz")
    assert english.err.startswith("usage: ") and "invalid choice: 'zz'" in english.err
    count = cli("generate", "--count", "0")
    assert "argument --count: --count must be a whole number from 1 to 200, not '0'" in count.err


def test_a_refused_value_reads_the_same_outside_the_parser() -> None:
    """argtypes may not import the catalogue (a layer contract): its English, used when no
    parser's hook words it, is the catalogue's English."""
    import argparse

    from ali_quiz import argtypes
    from ali_quiz.i18n import Translator

    english = Translator("en")
    cases = [
        (
            lambda: argtypes.count("0"),
            english("cli.arg.whole", what="--count", low="1", high="200", value="'0'"),
        ),
        (lambda: argtypes.text("--player")(" "), english("cli.arg.empty", what="--player")),
        (lambda: argtypes.iso_date("2020-13-01"), english("cli.arg.date", value="'2020-13-01'")),
        (lambda: argtypes.round_code("?"), english("cli.arg.code", value="'?'")),
    ]
    for call, said in cases:
        with pytest.raises(argparse.ArgumentTypeError) as caught:
            call()
        assert str(caught.value) == said
