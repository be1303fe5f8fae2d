"""`ali-quiz history`: the newest 50 in the table unless --limit says (0 for all), every round
in the exports unless limited."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from ali_quiz.history.store import PastRound
from conftest import Ran
from test_history_support import TAIPEI, answer, open_store, start

Cli = Callable[..., Ran]


def _history(data_dir: Path, rounds: int) -> None:
    store = open_store(data_dir)
    at = datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)
    store.bulk_import(
        PastRound(
            start=start(at + timedelta(minutes=n)),
            questions=2,
            answers=(answer(0, at), answer(1, at)),
            finished_at=at + timedelta(minutes=n, seconds=30),
        )
        for n in range(rounds)
    )
    store.close()


def _table_ids(out: str) -> list[int]:
    return [int(line.split()[0]) for line in out.splitlines()[2:]]


def test_the_table_shows_the_newest_50_unless_told(cli: Cli, data_dir: Path) -> None:
    _history(data_dir, 60)
    shown = cli("history")
    assert shown.status == 0 and _table_ids(shown.out) == list(range(60, 10, -1))
    assert _table_ids(cli("history", "--limit", "3").out) == [60, 59, 58]
    assert len(_table_ids(cli("history", "--limit", "0").out)) == 60


def test_exports_give_every_round_unless_limited(cli: Cli, data_dir: Path) -> None:
    _history(data_dir, 60)
    rounds = json.loads(cli("history", "--json").out)
    assert [r["id"] for r in rounds] == list(range(60, 0, -1))
    assert all(len(r["answers"]) == 2 for r in rounds)
    assert [r["id"] for r in json.loads(cli("history", "--json", "--limit", "2").out)] == [60, 59]
    rows = list(csv.DictReader(io.StringIO(cli("history", "--csv").out)))
    assert len(rows) == 120 and rows[0]["round_id"] == "60"
    rows = list(csv.DictReader(io.StringIO(cli("history", "--csv", "--limit", "1").out)))
    assert [r["position"] for r in rows] == ["1", "2"]


def test_no_history_and_a_negative_limit(cli: Cli, data_dir: Path) -> None:
    assert "No rounds yet" in cli("history").out
    assert json.loads(cli("history", "--json").out) == []
    assert cli("history", "--csv").out.startswith("round_id,player,")
    refused = cli("history", "--limit", "-1")
    assert refused.status == 2 and "--limit" in refused.err
