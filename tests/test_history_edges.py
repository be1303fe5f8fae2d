"""The history's edge cases: impossible versions, damaged pages, permissions, races, a full disk."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from ali_quiz.history.recorder import HistoryRecorder
from ali_quiz.history.records import HistoryError
from ali_quiz.history.store import AnswerRecord, HistoryStore, RoundStart

ATTEMPTS = 500
UTC = UTC
T0 = datetime(2024, 3, 1, 10, 0, tzinfo=UTC)


def start(n: int = 0) -> RoundStart:
    return RoundStart(
        player="ann", pack="dingtalk-2020", pack_hash="h", mode="quick", count=3, seed=n,
        code=None, date="2024-03-01", ui_language="en", started_at=T0 + timedelta(minutes=n),
    )  # fmt: skip


def answer(position: int) -> AnswerRecord:
    return AnswerRecord(
        position=position, question_id=f"q{position}", kind="choice", facts=("f",), prompt="p",
        response="a", answer="a", points=100, max_points=100, skipped=False, seconds=1.0,
        answered_at=T0 + timedelta(seconds=position),
    )  # fmt: skip


def make_history(folder: Path, rounds: int = 3) -> Path:
    opened = HistoryStore.open(folder)
    assert opened.store is not None
    with opened.store as store:
        for n in range(rounds):
            rid = store.start_round(start(n), 1)
            store.record_answer(rid, answer(1))
            store.finish_round(rid, T0 + timedelta(minutes=n, seconds=30))
    return folder / "history.sqlite3"


def asides(folder: Path) -> list[str]:
    return sorted(
        p.name
        for p in folder.iterdir()
        if ".corrupt-" in p.name and not p.name.endswith("-shm") and not p.name.endswith("-wal")
    )


@pytest.mark.parametrize("version", [-1, -(2**31)])
def test_a_negative_user_version_is_a_corrupt_file_moved_aside(
    tmp_path: Path, version: int
) -> None:
    path = make_history(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None and opened.warning is not None
    assert "moved to" in str(opened.warning) and str(version) in str(opened.warning)
    assert len(asides(tmp_path)) == 1
    opened.store.close()


def test_an_unknown_newer_user_version_is_left_alone(tmp_path: Path) -> None:
    path = make_history(tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {2**31 - 1}")
    opened = HistoryStore.open(tmp_path, read_only=True)
    assert opened.store is None and opened.warning is not None and "newer" in str(opened.warning)
    assert asides(tmp_path) == []


def damage_pages(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    raw = bytearray(path.read_bytes())
    for page in range(3, len(raw) // 4096):
        raw[page * 4096 + 100 : page * 4096 + 300] = b"\xff" * 200
    path.write_bytes(bytes(raw))


def test_damaged_data_pages_are_found_by_quick_check_and_moved_aside(tmp_path: Path) -> None:
    path = make_history(tmp_path, rounds=60)
    damage_pages(path)
    with sqlite3.connect(path) as conn:  # the schema still reads: only the rows are damaged
        assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    from conftest import run_ali_quiz

    ran = run_ali_quiz("--data-dir", str(tmp_path), "history")
    # Found when the file is opened (a probe of the rounds) or when the rounds are read.
    assert ran.status in (0, 1), ran.err
    assert "Traceback" not in ran.err and "moved to" in ran.err
    assert len(asides(tmp_path)) == 1


def test_a_reader_meets_damaged_pages_where_it_reads_a_player_at_opening(tmp_path: Path) -> None:
    """Opening to read (`history`) does not read every round first: the newest rounds are
    shown from a file damaged further on, and a read that meets the damage has the file
    checked and moved aside. Opening to play reads the rounds' pages, and moves it aside then."""
    from ali_quiz.history.database import after_query_failure

    reader, player = tmp_path / "reader", tmp_path / "player"
    for folder in (reader, player):
        folder.mkdir()
        damage_pages(make_history(folder, rounds=60))
    opened = HistoryStore.open(reader, read_only=True)
    assert opened.store is not None and opened.warning is None and asides(reader) == []
    with pytest.raises(sqlite3.DatabaseError) as failed:
        opened.store.query("SELECT max(length(player) + length(pack)) FROM rounds")
    opened.store.close()
    assert "moved to" in str(after_query_failure(reader / "history.sqlite3", failed.value))
    assert len(asides(reader)) == 1
    opened = HistoryStore.open(player)
    assert opened.warning is not None and "moved to" in str(opened.warning)
    assert len(asides(player)) == 1
    assert opened.store is not None
    opened.store.close()


def as_unprivileged(script: str, folder: Path) -> dict[str, Any]:
    """Run a snippet where permission checks hold (as root: without the bypass capabilities)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions cannot be checked")
        prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    done = subprocess.run(
        [*prefix, sys.executable, "-c", script, str(folder)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


OPEN_SCRIPT = """
import json, sys
from pathlib import Path
from ali_quiz.history.store import HistoryStore
opened = HistoryStore.open(Path(sys.argv[1]), read_only=True)
rounds = len(opened.store.rounds()) if opened.store else None
warning = opened.warning and str(opened.warning)
print(json.dumps({"rounds": rounds, "warning": warning, "unreadable": opened.unreadable}))
"""


def test_permission_denied_is_reported_and_never_renamed_as_corrupt(tmp_path: Path) -> None:
    path = make_history(tmp_path)
    path.chmod(0o000)
    try:
        result = as_unprivileged(OPEN_SCRIPT, tmp_path)
    finally:
        path.chmod(0o644)
    assert result["rounds"] is None and result["unreadable"]
    assert "permission denied" in result["warning"] and "left as it is" in result["warning"]
    assert path.exists() and asides(tmp_path) == []


def test_a_read_only_folder_still_shows_its_history(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    make_history(folder, rounds=4)
    folder.chmod(0o555)
    try:
        result = as_unprivileged(OPEN_SCRIPT, folder)
    finally:
        folder.chmod(0o755)
    assert result["rounds"] == 4  # shown read-only (mode=ro), not an empty list
    assert "read-only" in result["warning"]


def _create_and_record(folder: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        opened = HistoryStore.open(Path(folder))
        assert opened.store is not None, opened.warning
        with opened.store as store:
            rid = store.start_round(start(os.getpid() % 1000), 1)
            store.record_answer(rid, answer(1))
        results.put("ok")
    except BaseException as error:  # reported to the test, which counts it
        results.put(f"{type(error).__name__}: {error}")


@pytest.mark.slow
def test_two_processes_creating_a_new_history_at_once_both_record(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    failures = []
    for attempt in range(ATTEMPTS):
        folder = tmp_path / str(attempt)
        barrier, results = context.Barrier(2), context.Queue()
        workers = [
            context.Process(target=_create_and_record, args=(str(folder), barrier, results))
            for _ in range(2)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
        outcomes = [results.get(timeout=5) for _ in workers]
        failures += [o for o in outcomes if o != "ok"]
        opened = HistoryStore.open(folder, read_only=True)
        assert opened.store is not None
        with opened.store as store:
            assert len(store.rounds()) == 2
    assert failures == []


class FlakyStore:
    """A store whose disk is full for a while: writes fail while `full` is set."""

    def __init__(self) -> None:
        self.full = False
        self.answers: list[int] = []
        self.finished: list[int] = []

    def start_round(self, record: Any, questions: int) -> int:
        return 1

    def record_answer(self, round_id: int, record: Any) -> None:
        if self.full:
            raise HistoryError("Could not record an answer: database or disk is full")
        self.answers.append(record.position)

    def finish_round(self, round_id: int, finished_at: datetime) -> None:
        if self.full:
            raise HistoryError("Could not finish a round: database or disk is full")
        self.finished.append(sum(100 for _ in self.answers))


def outcome(position: int) -> Any:
    question = SimpleNamespace(
        id=f"q{position}", kind="choice", facts=("f",), prompt="p", answer_json=lambda: "a"
    )
    return SimpleNamespace(
        position=position, question=question, response="a", points=100, max_points=100,
        skipped=False, seconds=1.0,
    )  # fmt: skip


def recorder(store: FlakyStore, warnings: list[str]) -> HistoryRecorder:
    info = SimpleNamespace(
        pack=SimpleNamespace(id="p", content_hash="h"), mode="quick", count=5, seed=1,
        date=T0.date(), code=None,
    )  # fmt: skip
    made = HistoryRecorder(store, warn=warnings.append, now=lambda: T0)
    made.start(info, [object()] * 5, player="ann", ui_language="en")  # type: ignore[arg-type]
    return made


def test_a_full_disk_mid_round_keeps_later_answers_and_leaves_no_gap() -> None:
    store, warnings = FlakyStore(), []
    made = recorder(store, warnings)
    made.record(outcome(1))
    store.full = True
    made.record(outcome(2))
    made.record(outcome(3))
    assert store.answers == [1] and len(warnings) == 1  # said once, not on every answer
    store.full = False  # space freed: the next answer writes what waited first, in order
    made.record(outcome(4))
    made.record(outcome(5))
    made.finish()
    assert store.answers == [1, 2, 3, 4, 5]
    assert store.finished == [500]  # the maximum of every answer, never a short one


def test_a_round_is_never_marked_finished_while_answers_wait() -> None:
    store, warnings = FlakyStore(), []
    made = recorder(store, warnings)
    made.record(outcome(1))
    store.full = True
    made.record(outcome(2))
    made.finish()
    assert store.finished == [] and store.answers == [1]
    store.full = False
    made.flush()  # a later try (the TUI's next event, say) completes the round
    assert store.answers == [1, 2] and store.finished == [200]


def test_kept_answers_wait_for_a_flush_and_keep_their_order_and_time() -> None:
    """A front end that draws the result first keeps the answer, then writes it."""
    store, warnings = FlakyStore(), []
    made = recorder(store, warnings)
    made.keep(outcome(1))
    made.keep(outcome(2))
    assert store.answers == [] and [r.answered_at for r in made.waiting] == [T0, T0]
    made.flush()
    made.keep(outcome(3))
    made.finish()  # the finish writes what was kept first
    assert store.answers == [1, 2, 3] and store.finished == [300] and not warnings
