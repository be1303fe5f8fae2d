"""Export: the table `ali-quiz history` prints, and the JSON and CSV shapes, streamed."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from ali_quiz.history import export, stream
from ali_quiz.history.store import HistoryStore
from ali_quiz.textwidth import width
from test_history_support import TAIPEI, answer, build_fixture, open_store, play, start


def _csv(store: HistoryStore, **chosen: Any) -> str:
    out = io.StringIO()
    rows = stream.answer_rows(store, export.CSV_SELECT, functions=export.csv_functions(), **chosen)
    export.write_csv(rows, out)
    return out.getvalue()


def _json(store: HistoryStore, **chosen: Any) -> str:
    out = io.StringIO()
    export.write_json(stream.answer_rows(store, export.JSON_SELECT, **chosen), out)
    return out.getvalue()


def _table(store: HistoryStore, **chosen: Any) -> str:
    out = io.StringIO()
    export.write_table(store, out, **chosen)
    return out.getvalue()


def _fixture_store(tmp_path: Path) -> HistoryStore:
    store = open_store(tmp_path)
    build_fixture(store)
    return store


def test_json_is_the_history_shape_with_numbers_and_unescaped_text(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    at = datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)
    play(
        store,
        start(at, player="林小明"),
        [answer(0, at, kind="estimate", prompt="釘釘 2020 年 1 月的月活躍人數？", points=87)],
        datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI),
    )
    text = _json(store)
    assert "林小明" in text and "\\u" not in text
    [entry] = json.loads(text)
    assert entry["player"] == "林小明"
    assert entry["score"] == 87 and isinstance(entry["score"], int)
    assert entry["seed"] == 7 and entry["finished"] is True
    assert entry["started_at"] == "2024-03-01T10:00:00+08:00"
    a = entry["answers"][0]
    assert a["response"] == 50000000 and a["answer"] == 76102000 and a["seconds"] == 5.0
    assert json.loads(export.to_json([])) == []
    assert json.loads(_json(store, player="nobody")) == []


def test_csv_has_one_row_per_answer_with_the_round_repeated(tmp_path: Path) -> None:
    store = _fixture_store(tmp_path)
    rounds = [r.to_json() for r in store.rounds(player="amy")]
    rows = list(csv.DictReader(io.StringIO(_csv(store, player="amy"))))
    assert list(rows[0]) == list(export.CSV_COLUMNS)
    # 12 answers, plus one row for R5, which has none.
    assert len(rows) == 13
    r1 = [r for r in rows if r["started_at"] == "2024-03-01T23:58:00+08:00"]
    assert [r["position"] for r in r1] == ["1", "2", "3"]
    assert {r["round_id"] for r in r1} == {str(rounds[-1]["id"])}
    assert all(r["finished"] == "true" and r["score"] == "150" for r in r1)
    order = r1[1]
    assert json.loads(order["facts"]) == ["o1", "o2"]
    assert json.loads(order["response"]) == ["b", "a", "c"]
    assert order["answer"] == '["a", "b", "c"]'
    assert r1[0]["response"] == "b" and r1[2]["response"] == "50000000"
    r2 = [r for r in rows if r["mode"] == "choice"]
    assert r2[0]["skipped"] == "true" and r2[0]["response"] == ""
    assert r2[0]["code"] == "" and r2[0]["seed"] == "7"
    empty = [r for r in rows if r["started_at"].startswith("2024-03-06")]
    assert len(empty) == 1 and empty[0]["position"] == "" and empty[0]["finished"] == "false"
    assert _csv(store, player="nobody").splitlines() == [",".join(export.CSV_COLUMNS)]


def test_csv_keeps_commas_quotes_and_newlines_in_prompts(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    at = datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)
    prompt = 'Which app, "來往" or 釘釘,\ncame first?'
    play(store, start(at), [answer(0, at, prompt=prompt)], None)
    [row] = list(csv.DictReader(io.StringIO(_csv(store))))
    assert row["prompt"] == prompt and row["finished_at"] == ""


def test_the_table_lines_up_with_wide_characters(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    at = datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)
    play(
        store,
        start(at, player="林小明"),
        [answer(0, at, seconds=245.0)],  # Time: the time spent answering, 4:05
        datetime(2024, 3, 1, 10, 4, 5, tzinfo=TAIPEI),
    )
    play(store, start(at, player="Al"), [answer(0, at, points=33)], None)
    lines = _table(store).splitlines()
    assert lines[0].split() == [
        "#",
        "Started",
        "Player",
        "Pack",
        "Mode",
        "Score",
        "%",
        "Time",
        "Finished",
    ]
    # Every column starts at the same terminal column on every line.
    pack_column = [width(line[: line.index("dt")]) for line in lines[2:]]
    assert len(set(pack_column)) == 1
    assert width(lines[0][: lines[0].index("Pack")]) == pack_column[0]
    finished, unfinished = lines[3], lines[2]
    assert "林小明" in finished and "100/100" in finished and "100%" in finished
    assert "4:05" in finished and finished.endswith("yes")
    assert "Al" in unfinished and "33%" in unfinished and "no (1 answered)" in unfinished


def test_an_unfinished_round_is_scored_over_the_whole_round(tmp_path: Path) -> None:
    """One right answer of four: 100/400 (25%), as the TUI's history shows it, never 100/100
    (100%); a finished round stays over the points answered for."""
    store = open_store(tmp_path)
    at = datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)
    play(store, start(at, player="Al"), [answer(0, at)], None, questions=4)
    [line] = _table(store).splitlines()[2:]
    assert "100/400" in line and " 25% " in line and line.rstrip().endswith("no (1 answered)")


def test_the_table_of_the_fixture(tmp_path: Path) -> None:
    store = _fixture_store(tmp_path)
    table = _table(store, player="amy")
    lines = table.splitlines()
    assert len(lines) == 2 + 7
    assert lines[2].split()[1:3] == ["2024-03-07", "12:00"]
    assert "2024-03-02 23:30" in table  # New York's local time, as recorded
    assert "—" in lines[3]  # R5: nothing answered, no percentage
    assert _table(store, player="nobody") == ""


def test_durations() -> None:
    assert export.duration_text(0) == "0:00"
    assert export.duration_text(65.4) == "1:05"
    assert export.duration_text(3723) == "1:02:03"
    assert export.duration_text(None) == "—"


def test_streamed_json_is_what_the_store_reads(tmp_path: Path) -> None:
    """The JSON written row by row equals the rounds the store builds, filters and limits too."""
    store = _fixture_store(tmp_path)
    assert json.loads(_json(store)) == [r.to_json() for r in store.rounds()]
    for chosen in ({"player": "amy"}, {"pack": "dt"}, {"limit": 3}, {"limit": 1, "player": "amy"}):
        assert json.loads(_json(store, **chosen)) == [r.to_json() for r in store.rounds(**chosen)]


def test_csv_limit_counts_rounds_not_answers(tmp_path: Path) -> None:
    store = _fixture_store(tmp_path)
    newest = [r.id for r in store.rounds(limit=2)]
    rows = list(csv.DictReader(io.StringIO(_csv(store, limit=2))))
    assert [int(r) for r in dict.fromkeys(row["round_id"] for row in rows)] == newest
    expected = sum(max(1, len(r["answers"])) for r in [r.to_json() for r in store.rounds(limit=2)])
    assert len(rows) == expected


def test_damaged_answer_json_is_exported_as_text(tmp_path: Path) -> None:
    """A cell that is not JSON (a hand-edited file) still gives valid JSON, never a traceback."""
    store = open_store(tmp_path)
    at = datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)
    play(store, start(at), [answer(0, at)], None)
    with store.reading() as conn:
        conn.execute("UPDATE answers SET response = '[broken'")
    [entry] = json.loads(_json(store))
    assert entry["answers"][0]["response"] == "[broken"


def test_the_table_measures_its_columns_before_writing(tmp_path: Path) -> None:
    """Widths come from SQLite and the distinct names, yet match the cells written."""
    store = open_store(tmp_path)
    at = datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)
    long_name = "一位名字非常非常長的玩家，長到表格必須把它剪短才放得下"
    play(store, start(at, player=long_name), [answer(0, at, points=5)], None, questions=3)
    answered = answer(0, at, seconds=3723.0)  # an hour, 2 minutes and 3 seconds
    play(store, start(at, player="Al"), [answered], at.replace(hour=11, minute=2, second=3))
    play(store, start(at, player="Bo"), [], None, questions=123456)
    lines = _table(store).splitlines()
    assert len(lines) == 2 + 3
    assert len({width(line.rstrip()) for line in lines[:2]}) <= 2
    rule = lines[1].split("  ")
    for line in lines[2:]:
        assert width(line) <= width(lines[1])
    assert any(line.rstrip().endswith("no (0 answered)") for line in lines)
    assert "1:02:03" in _table(store, player="Al")
    clipped = [line for line in lines if line.split()[3].startswith("一位")][0]
    assert "…" in clipped and width(rule[2]) == 24
    packs = {width(line[: line.index(" dt ")]) for line in lines[2:]}
    assert len(packs) == 1
    newest = _table(store, limit=1).splitlines()
    assert len(newest) == 3 and newest[2].split()[0] == str(store.round_rows(limit=1)[0].id)


def test_csv_cells_that_look_like_formulas_are_neutralised_numbers_stay(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    at = datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)
    play(store, start(at, player="=HYPERLINK(1)"), [answer(0, at, prompt="@SUM(A1)")], None)
    with store.reading() as conn:
        conn.execute("""UPDATE answers SET response = '"-3"', answer = '"+cmd|x"'""")
    [row] = list(csv.DictReader(io.StringIO(_csv(store))))
    assert row["player"] == "'=HYPERLINK(1)" and row["prompt"] == "'@SUM(A1)"
    assert row["response"] == "-3" and row["answer"] == "'+cmd|x"
