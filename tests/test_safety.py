"""The "Text is data" layer: escapes, CSV cells, bounded reads, atomic writes, limits."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ali_quiz.packs.loader import load_pack_text
from ali_quiz.packs.problems import PackError, Problem, capped, problem_count
from ali_quiz.safety.csvcells import csv_cell, csv_writer
from ali_quiz.safety.files import FileRefused, atomic_write, read_capped
from ali_quiz.safety.jsonload import JsonLimit, count_nodes, load_json
from ali_quiz.safety.limits import MAX_NODES, MAX_PROBLEMS
from ali_quiz.safety.text import VisibleStream, json_visible, visible, visible_output
from ali_quiz.textwidth import table, width

CONTROLS = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0)) if chr(c) not in "\t\n"]


# -- terminal text -----------------------------------------------------------------------------


def test_controls_become_visible_escapes_and_newline_and_tab_stay() -> None:
    assert visible("a\x1b[2Jb\x07c\x9bd\x00e\x7f") == "a\\x1b[2Jb\\x07c\\x9bd\\x00e\\x7f"
    assert visible("line\n\tindented 中文") == "line\n\tindented 中文"
    assert visible("\ud800") == "\\ud800"  # a lone surrogate no terminal encoding can carry


@given(st.text())
def test_visible_text_holds_no_control_character_and_is_stable(text: str) -> None:
    shown = visible(text)
    assert not any(ch in shown for ch in CONTROLS)
    assert visible(shown) == shown


@given(st.text())
def test_json_escapes_give_the_same_data_back(text: str) -> None:
    encoded = json_visible(json.dumps(text, ensure_ascii=False))
    assert not any(ch in encoded for ch in CONTROLS)
    assert json.loads(encoded) == text


def test_the_output_streams_escape_whatever_prints(capsys: pytest.CaptureFixture[str]) -> None:
    with visible_output():
        print("title \x1b]52;c;aGVsbG8=\x07")
        print("oops \x1b[2J", file=sys.stderr)
        assert isinstance(sys.stdout, VisibleStream)
    with visible_output(json_stdout=True):
        print(json.dumps({"t": "\x9b"}, ensure_ascii=False))
    out, err = capsys.readouterr()
    assert out == 'title \\x1b]52;c;aGVsbG8=\\x07\n{"t": "\\u009b"}\n'
    assert err == "oops \\x1b[2J\n"
    assert not isinstance(sys.stdout, VisibleStream)


def test_bidirectional_controls_are_shown_as_escapes() -> None:
    # A right-to-left override reorders the rest of the line on screen ("Trojan source").
    assert (
        visible("event \u202e reversed \u2066x\u2069") == "event \\u202e reversed \\u2066x\\u2069"
    )
    assert json.loads(json_visible(json.dumps("a\u202eb", ensure_ascii=False))) == "a\u202eb"
    assert "\u202e" not in json_visible(json.dumps("a\u202eb", ensure_ascii=False))
    assert visible("עברית and العربية") == "עברית and العربية"  # right-to-left text itself stays


def test_a_table_cell_shows_tab_and_line_break_as_escapes() -> None:
    shown = table(["event", "id"], [["Tab\there\nsecond line", "e3"], ["short", "e1"]])
    rows = shown.splitlines()
    assert len(rows) == 4  # headers, rule, two rows: the line break did not split a row
    assert rows[2] == "Tab\\there\\nsecond line  e3"
    assert rows[3].index("e1") == rows[2].index("e3")


def test_a_table_never_cuts_a_name_inside_an_escape() -> None:
    name = "\x1b" * 30
    shown = table(["player"], [[name]], max_width=10)
    row = shown.splitlines()[2]
    assert row == "\\x1b\\x1b…"  # two whole escapes (8 columns) and the ellipsis
    assert width("\x1b") == 4


# -- CSV ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-3", "-3"),
        ("+1.5", "+1.5"),
        ("2e8", "2e8"),
        ("plain", "plain"),
        (-7, -7),
        (0.5, 0.5),
    ],
)
def test_formula_cells_are_neutralised_and_numbers_stay(cell: object, written: object) -> None:
    assert csv_cell(cell) == written


def test_every_cell_of_a_written_row_is_neutralised() -> None:
    out = io.StringIO()
    csv_writer(out).writerow(["=1+1", -5, "@x", "ok"])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["'=1+1", "-5", "'@x", "ok"]


# -- bounded reads -----------------------------------------------------------------------------


def test_a_fifo_a_device_and_a_folder_are_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused, match="FIFO"):
        read_capped(fifo, 100)
    with pytest.raises(FileRefused, match="device"):
        read_capped("/dev/zero", 100)
    with pytest.raises(FileRefused, match="folder"):
        read_capped(tmp_path, 100)
    with pytest.raises(FileRefused, match="no such file"):
        read_capped(tmp_path / "missing", 100)


def test_reads_stop_at_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "big"
    path.write_bytes(b"x" * 2048)
    assert read_capped(path, 2048) == b"x" * 2048
    with pytest.raises(FileRefused, match="larger than 1 KiB"):
        read_capped(path, 1024)


def test_a_pack_file_that_is_a_fifo_is_a_located_problem(tmp_path: Path) -> None:
    from ali_quiz.packs.loader import load_pack

    fifo = tmp_path / "pack.yaml"
    os.mkfifo(fifo)
    with pytest.raises(PackError) as caught:
        load_pack(fifo)
    assert caught.value.problems[0].line == 1 and "FIFO" in caught.value.problems[0].message


# -- atomic writes -----------------------------------------------------------------------------


def test_a_write_is_whole_and_never_overwrites_unless_asked(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    atomic_write(path, "one")
    with pytest.raises(FileExistsError):
        atomic_write(path, "two")
    atomic_write(path, "three", overwrite=True)
    assert path.read_text() == "three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.yaml"]


def test_a_full_disk_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        atomic_write(tmp_path / "new.yaml", "x" * 10_000)
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_is_written_through_only_into_the_data_folder(tmp_path: Path) -> None:
    data, outside = tmp_path / "data", tmp_path / "outside"
    data.mkdir()
    outside.mkdir()
    (outside / "victim").write_text("victim")
    (data / "out-link").symlink_to(outside / "victim")
    (data / "inside").write_text("old")
    (data / "in-link").symlink_to(data / "inside")
    (data / "dangling").symlink_to(outside / "absent")
    for link in ("out-link", "dangling"):
        with pytest.raises(FileRefused, match="symbolic link"):
            atomic_write(data / link, "new", overwrite=True, inside=data)
    assert (outside / "victim").read_text() == "victim"
    assert not (outside / "absent").exists()
    atomic_write(data / "in-link", "new", overwrite=True, inside=data)
    assert (data / "inside").read_text() == "new" and (data / "in-link").is_symlink()


# -- JSON and YAML limits ----------------------------------------------------------------------


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
    )
)
def test_the_node_count_counts_values_and_keys(data: object) -> None:
    def nodes(value: object) -> int:
        if isinstance(value, list):
            return 1 + sum(nodes(v) for v in value)
        if isinstance(value, dict):
            return 1 + sum(1 + nodes(v) for v in value.values())
        return 1

    assert count_nodes(json.dumps(data, indent=1)) == nodes(data)


def test_json_beyond_the_limits_is_a_located_error() -> None:
    with pytest.raises(JsonLimit, match="too many values"):
        load_json("[" + ",".join(["[]"] * (MAX_NODES + 1)) + "]")
    with pytest.raises(JsonLimit, match="nested too deep") as deep:
        load_json("\n" + "[" * 100_000 + "]" * 100_000)
    assert deep.value.line == 2
    with pytest.raises(JsonLimit, match="digits is too long") as huge:
        load_json('{"a": 1,\n "points": 1' + "0" * 5000 + "}")
    assert (huge.value.line, huge.value.column) == (2, 12)
    with pytest.raises(JsonLimit, match="too large"):
        load_json("[1e999]")
    with pytest.raises(JsonLimit, match="not a JSON number"):
        load_json("[NaN]")
    with pytest.raises(JsonLimit, match="not JSON") as bad:
        load_json('{"a": }')
    assert bad.value.line == 1


BASE = "id: t\ntitle: T\nlanguage: en\n"


def test_yaml_nodes_are_counted_as_parsed_and_located() -> None:
    with pytest.raises(PackError) as caught:
        load_pack_text(BASE + "x:\n" + "- a\n" * (MAX_NODES + 10), "big.yaml")
    (problem,) = caught.value.problems
    assert "too many values" in problem.message and problem.line > MAX_NODES // 2


def test_yaml_nesting_is_limited_and_located() -> None:
    deep = "".join(" " * i + f"k{i}:\n" for i in range(400))
    with pytest.raises(PackError) as caught:
        load_pack_text(deep, "deep.yaml")
    (problem,) = caught.value.problems
    assert "nested too deep" in problem.message and problem.line < 400


def test_a_number_of_5000_digits_is_a_located_problem() -> None:
    text = BASE + "questions:\n  - id: q\n    kind: text\n    prompt: p\n    accepted: [a]\n"
    with pytest.raises(PackError) as caught:
        load_pack_text(text + "    max_points: " + "9" * 5000 + "\n", "x.yaml")
    assert [(p.line, p.message) for p in caught.value.problems] == [
        (9, "`max_points` of question 1 must be from 1 to 10000, not a number of 5,000 digits")
    ]


def test_at_most_100_problems_then_a_count() -> None:
    found = capped([Problem("p", n, 1, f"problem {n}") for n in range(1, 1001)])
    assert len(found) == MAX_PROBLEMS + 1
    assert found[-1].message.startswith("and 900 more problems")
    with pytest.raises(PackError) as caught:
        load_pack_text(BASE + "".join(f"unknown{n}: x\n" for n in range(500)), "m.yaml")
    assert len(caught.value.problems) == MAX_PROBLEMS + 1
    assert "and 401 more problems" in str(caught.value)  # 500 keys and "no facts"
    assert problem_count(caught.value.problems) == 501


def test_a_streamed_write_that_fails_midway_leaves_nothing(tmp_path: Path) -> None:
    from ali_quiz.safety.files import atomic_open

    target = tmp_path / "export.json"
    with pytest.raises(RuntimeError), atomic_open(target) as stream:
        stream.write(b"[half")
        raise RuntimeError("the history went bad mid-export")
    assert list(tmp_path.iterdir()) == []
    with atomic_open(target) as stream:
        stream.write(b"[]")
    assert target.read_bytes() == b"[]"


def test_a_fifo_given_to_write_is_refused_with_advice_for_an_output(tmp_path: Path) -> None:
    fifo = tmp_path / "out.yaml"
    os.mkfifo(fifo)
    with pytest.raises(FileRefused) as refused:
        atomic_write(fifo, "x", overwrite=True)
    assert "not a file to write" in str(refused.value)
    assert "save the content" not in str(refused.value)  # the advice for a file to read
