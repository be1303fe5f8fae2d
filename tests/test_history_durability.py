"""Nothing is lost: kill -9 mid-round, two writers at once, bad files, read-only folders."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from ali_quiz.history import schema
from ali_quiz.history.store import HistoryError, HistoryStore
from test_history_support import TAIPEI, answer, open_store, play, running_and_rebuilt, start

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


WRITER_PRELUDE = """
    import sys, time
    from datetime import datetime, timedelta, timezone
    from pathlib import Path
    from ali_quiz.history.store import AnswerRecord, HistoryStore, RoundStart

    def record(position, at):
        return AnswerRecord(position=position, question_id=f"q{position}", kind="choice",
                            facts=(f"f{position}",), prompt=f"Q{position}?", response="a",
                            answer="a", points=100, max_points=100, skipped=False, seconds=1.5,
                            answered_at=at)

    opened = HistoryStore.open(Path(sys.argv[1]))
    assert opened.store is not None, opened.warning
    store = opened.store
"""


@pytest.mark.slow  # other processes
def test_kill_9_after_three_answers_keeps_them_and_the_round_unfinished(tmp_path: Path) -> None:
    writer = _python(
        WRITER_PRELUDE
        + """
    at = datetime(2024, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    rid = store.start_round(RoundStart(player="amy", pack="dt", pack_hash="h", mode="quick",
                                       count=10, seed=1, code=None, date="2024-03-01",
                                       ui_language="en", started_at=at), 10)
    for i in range(3):
        store.record_answer(rid, record(i, at + timedelta(minutes=i + 1)))
    print("answered", flush=True)
    time.sleep(120)
    """,
        str(tmp_path),
    )
    try:
        assert writer.stdout is not None
        line = writer.stdout.readline()
        assert line.strip() == "answered", writer.stderr.read() if writer.stderr else ""
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(timeout=30) == -signal.SIGKILL
    finally:
        if writer.poll() is None:
            writer.kill()
    store = open_store(tmp_path)
    [entry] = [r.to_json() for r in store.rounds()]
    assert entry["finished"] is False and entry["finished_at"] is None
    assert [a["position"] for a in entry["answers"]] == [0, 1, 2]
    assert (entry["score"], entry["max_score"]) == (300, 300)
    assert [r.id for r in store.unfinished("amy")] == [entry["id"]]
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt


@pytest.mark.slow  # other processes
def test_two_processes_writing_200_rounds_each_lose_nothing(tmp_path: Path) -> None:
    go = tmp_path / "go"
    code = (
        WRITER_PRELUDE
        + """
    player, go = sys.argv[2], Path(sys.argv[3])
    while not go.exists():
        time.sleep(0.01)
    at = datetime(2024, 3, 1, 10, 0, tzinfo=timezone.utc)
    for n in range(200):
        begin = at + timedelta(minutes=n)
        rid = store.start_round(RoundStart(player="amy", pack="dt", pack_hash="h", mode="quick",
                                           count=2, seed=n, code=player, date="2024-03-01",
                                           ui_language="en", started_at=begin), 2)
        store.record_answer(rid, record(0, begin + timedelta(seconds=10)))
        store.record_answer(rid, record(1, begin + timedelta(seconds=20)))
        store.finish_round(rid, begin + timedelta(seconds=30))
    print("done", flush=True)
    """
    )
    open_store(tmp_path).close()  # both writers find the schema in place, as in real use
    writers = [_python(code, str(tmp_path), name, str(go)) for name in ("one", "two")]
    go.touch()
    for w in writers:
        out, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
        assert out.strip() == "done"
    store = open_store(tmp_path)
    rounds = [r.to_json() for r in store.rounds()]
    assert len(rounds) == 400
    assert sorted((r["code"], r["seed"]) for r in rounds) == sorted(
        (name, n) for name in ("one", "two") for n in range(200)
    )
    assert all(r["finished"] and len(r["answers"]) == 2 for r in rounds)
    assert store.query("SELECT sum(rounds), sum(answers) FROM day_totals") == [(400, 800)]
    running, rebuilt = running_and_rebuilt(store.path)
    assert running == rebuilt


@pytest.mark.slow  # other processes
def test_two_processes_creating_the_database_at_once_both_work(tmp_path: Path) -> None:
    code = WRITER_PRELUDE + "    print(store.query('PRAGMA user_version')[0][0], flush=True)\n"
    writers = [_python(code, str(tmp_path)) for _ in range(2)]
    outs = [w.communicate(timeout=60) for w in writers]
    assert [w.returncode for w in writers] == [0, 0], [err for _, err in outs]
    assert [out.strip() for out, _ in outs] == [str(schema.SCHEMA_VERSION)] * 2


def _asides(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if ".corrupt-" in p.name)


def test_a_file_that_is_not_a_database_is_moved_aside_and_kept(tmp_path: Path) -> None:
    (tmp_path / "history.sqlite3").write_bytes(b"this is not a database, just some text\n" * 200)
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None
    [aside] = _asides(tmp_path)
    assert aside.name.startswith("history.sqlite3.corrupt-")
    assert aside.read_bytes().startswith(b"this is not a database")
    assert opened.warning is not None
    assert str(aside) in str(opened.warning) and "moved" in str(opened.warning)
    play(
        opened.store,
        start(datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)),
        [answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI))],
        datetime(2024, 3, 1, 10, 2, tzinfo=TAIPEI),
    )
    assert len([r.to_json() for r in opened.store.rounds()]) == 1


def test_a_damaged_database_is_moved_aside_twice_without_overwriting(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    path = store.path
    store.close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # page 1 holds the schema
    for _ in range(2):
        path.write_bytes(bytes(data))
        opened = HistoryStore.open(tmp_path)
        assert opened.store is not None and opened.warning is not None
        opened.store.close()
    asides = _asides(tmp_path)
    assert len(asides) == 2 and all(a.read_bytes() == bytes(data) for a in asides)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_database_is_moved_aside(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    path = store.path
    store.close()
    path.chmod(0)
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None and opened.warning is not None
    assert len(_asides(tmp_path)) == 1


@contextmanager
def read_only(folder: Path) -> Iterator[None]:
    """Make a folder read-only for this process (chattr +i when running as root)."""
    if os.geteuid() == 0:
        if shutil.which("chattr") is None:
            pytest.skip("running as root without chattr: cannot make a folder read-only")
        done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
        if done.returncode != 0:
            pytest.skip(f"chattr +i failed: {done.stderr.decode().strip()}")
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)


def test_a_read_only_folder_turns_history_off_with_a_warning(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    with read_only(folder):
        opened = HistoryStore.open(folder)
    assert opened.store is None
    assert opened.warning is not None and str(opened.warning).startswith("Score history is off")
    assert str(folder / "history.sqlite3") in str(opened.warning)
    assert "--data-dir" in str(opened.warning)
    assert list(folder.iterdir()) == []


def test_a_read_only_folder_with_a_history_shows_it_and_leaves_it_untouched(
    tmp_path: Path,
) -> None:
    store = open_store(tmp_path)
    play(
        store,
        start(datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)),
        [answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI))],
        datetime(2024, 3, 1, 10, 2, tzinfo=TAIPEI),
    )
    store.close()
    before = sorted(p.name for p in tmp_path.iterdir())
    content = (tmp_path / "history.sqlite3").read_bytes()
    with read_only(tmp_path):
        opened = HistoryStore.open(tmp_path)
        assert opened.store is not None and opened.warning is not None
        assert "read-only" in str(opened.warning) and "not recorded" in str(opened.warning)
        with opened.store as shown:
            assert len(shown.rounds()) == 1  # shown (mode=ro), not an empty list
            with pytest.raises(HistoryError):
                shown.start_round(start(datetime(2024, 3, 2, 10, 0, tzinfo=TAIPEI)), 1)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert (tmp_path / "history.sqlite3").read_bytes() == content


def test_a_data_folder_that_cannot_be_made_turns_history_off(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file where the folder should be")
    opened = HistoryStore.open(tmp_path / "file" / "data")
    assert opened.store is None
    assert opened.warning is not None and "cannot be created" in str(opened.warning)


def test_a_database_from_a_newer_version_is_left_alone(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "history.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    content = (tmp_path / "history.sqlite3").read_bytes()
    opened = HistoryStore.open(tmp_path)
    assert opened.store is None
    assert opened.warning is not None and "newer ali-quiz" in str(opened.warning)
    assert (tmp_path / "history.sqlite3").read_bytes() == content
    assert _asides(tmp_path) == []


def test_a_write_that_fails_says_so_and_leaves_nothing_half_done(tmp_path: Path) -> None:
    """A history locked by another program: said as that (it said "check the disk"), after 5 s
    (each write waited 10 s: a round of two answers took 40 s), and briefly at each later try."""
    import time

    from ali_quiz.i18n import Translator

    store = open_store(tmp_path)
    rid = store.start_round(start(datetime(2024, 3, 1, 10, 0, tzinfo=TAIPEI)), 2)
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another game holds the write lock for too long
    try:
        began = time.monotonic()
        with pytest.raises(HistoryError, match="Could not record an answer") as caught:
            store.record_answer(rid, answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI)))
        assert 4 < time.monotonic() - began < 9
        said = str(caught.value)
        assert str(store.path) in said and "another program has it open for writing" in said
        assert "locked for 5 s" in said and "disk" not in said
        chinese = caught.value.words(Translator("zh-Hant"))
        assert "另一個程式正開著它寫入" in chinese and "等了 5 秒" in chinese
        began = time.monotonic()
        with pytest.raises(HistoryError, match="locked for 0.5 s"):
            store.record_answer(rid, answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI)))
        assert time.monotonic() - began < 3
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.record_answer(rid, answer(0, datetime(2024, 3, 1, 10, 1, tzinfo=TAIPEI)))
    assert [a["position"] for a in [r.to_json() for r in store.rounds()][0]["answers"]] == [1]
