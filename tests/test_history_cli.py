"""`ali-quiz history`: the newest 50 in the table unless --limit says (0 for all), every round
in the exports unless limited."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

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


def test_the_pack_filter_takes_a_pack_file_as_play_does(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--pack` is an id or a path everywhere: `history --pack week3.yaml` said "No rounds of
    the pack 'week3.yaml' yet" after `play --pack week3.yaml`, whose rounds are week3's."""
    from ali_quiz.packs.starter import starter_text

    pack = tmp_path / "week3.yaml"
    pack.write_text(starter_text(pack), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("skip\nskip\n"))
    played = cli("play", "--plain", "--pack", str(pack), "--count", "2", "--seed", "1")
    assert played.status == 0, played.err
    for export in ((), ("--json",)):
        by_path = cli("history", "--pack", str(pack), *export)
        assert by_path.status == 0, by_path.err
        assert by_path.out == cli("history", "--pack", "week3", *export).out
        assert "week3" in by_path.out and "No rounds" not in by_path.out
    missing = cli("history", "--pack", str(tmp_path / "nope.yaml"))
    assert missing.status == 1 and "nope.yaml" in missing.err
