"""Home's summary of the history (history/summary.py): the same figures as the history's own
queries, kept beside it only while the history is unchanged, and never trusted when damaged."""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from ali_quiz.history import progress, review, summary
from ali_quiz.history.store import HistoryStore
from test_history_support import NOW, TAIPEI, answer, build_fixture, open_store, play, start


@pytest.fixture
def store(tmp_path: Path) -> Iterator[HistoryStore]:
    s = open_store(tmp_path)
    build_fixture(s)
    # A round left half-way (resumable) and a review round left (never offered to resume).
    at = NOW - timedelta(hours=1)
    play(s, start(at, mode="choice"), [answer(0, at)], None, questions=3)
    play(s, start(at, mode="review"), [answer(0, at, points=0)], None, questions=3)
    yield s
    s.close()


def kept(tmp_path: Path, store: HistoryStore, player: str = "amy") -> summary.HomeSummary:
    """Read, keep and load back the player's summary (it must come back)."""
    stamp = summary.history_stamp(tmp_path)
    assert summary.save_summary(tmp_path, summary.read_summary(store, player), stamp)
    loaded = summary.load_summary(tmp_path, player)
    assert loaded is not None
    return loaded


def test_the_kept_summary_answers_as_the_history_does(tmp_path: Path, store: HistoryStore) -> None:
    read = summary.read_summary(store, "amy")
    loaded = kept(tmp_path, store)
    assert loaded == read
    for days in (-10, -1, 0, 1, 2, 5, 30, 400):
        now = NOW + timedelta(days=days, seconds=days)
        for pack in ("dt", "other", "nothing"):
            assert loaded.due_now(pack, now) == review.count_due(store, "amy", pack, now)
        today = now.date()
        assert progress.streak_at(loaded.run, today) == progress.current_streak(store, "amy", today)
        shown = loaded.progress("dt", now)
        assert shown.by_mode == read.progress("dt", now).by_mode != ()
        assert shown.recent == tuple(progress.recent_rounds(store, "amy", progress.RECENT_MOST))
    first = loaded.resumable[0]  # the newest: the fixture's R4 and R5 are older
    assert (first.mode, first.answered, first.questions) == ("choice", 1, 3)
    assert "review" not in {r.mode for r in loaded.resumable}
    assert [r.id for r in loaded.resumable] == [
        s.id for s in store.unfinished("amy") if s.mode != "review"
    ]


def test_a_new_player_has_an_empty_summary(tmp_path: Path, store: HistoryStore) -> None:
    empty = kept(tmp_path, store, "newcomer")
    assert empty.progress("dt", NOW).is_new_player
    assert (empty.resumable, empty.due, empty.run) == ((), {}, None)
    assert summary.load_summary(tmp_path, "amy") is None  # another player's summary


def test_any_write_to_the_history_makes_it_stale(tmp_path: Path, store: HistoryStore) -> None:
    kept(tmp_path, store)
    at = NOW + timedelta(minutes=5)
    play(store, start(at), [answer(0, at)], at + timedelta(minutes=1))
    assert summary.load_summary(tmp_path, "amy") is None
    kept(tmp_path, store)
    store.delete_round(store.rounds(player="amy")[0].id)
    assert summary.load_summary(tmp_path, "amy") is None
    kept(tmp_path, store)
    store.close()  # the log folded into the file: the summary no longer vouches for it
    assert summary.load_summary(tmp_path, "amy") is None
    with open_store(tmp_path) as again:
        assert kept(tmp_path, again) == summary.read_summary(again, "amy")


def test_a_write_during_the_read_is_not_kept(tmp_path: Path, store: HistoryStore) -> None:
    kept(tmp_path, store)
    stamp = summary.history_stamp(tmp_path)
    read = summary.read_summary(store, "amy")
    at = NOW + timedelta(minutes=5)
    play(store, start(at), [answer(0, at)], at + timedelta(minutes=1))  # after the stamp
    assert not summary.save_summary(tmp_path, read, stamp)
    assert not (tmp_path / summary.FILE_NAME).exists()  # the older one is gone too


def test_a_slower_older_read_leaves_the_newer_summary(tmp_path: Path, store: HistoryStore) -> None:
    """Two reads in threads (a round finished, then home shown): the older one, stamped before
    a write, finished last and removed the summary the newer one had just kept, so the next
    start read the history again (the flaky test_tui_home_summary)."""
    old_stamp = summary.history_stamp(tmp_path)
    old_read = summary.read_summary(store, "amy")
    at = NOW + timedelta(minutes=5)
    play(store, start(at), [answer(0, at)], at + timedelta(minutes=1))  # after the older stamp
    newer = kept(tmp_path, store)  # the newer read finishes first
    assert not summary.save_summary(tmp_path, old_read, old_stamp)
    assert summary.load_summary(tmp_path, "amy") == newer


def test_the_stamp_changes_with_the_log_even_at_the_same_size_and_time(tmp_path: Path) -> None:
    """SQLite starts its log again over the old one (same size, perhaps the same clock tick):
    the salts in its header tell."""
    (tmp_path / "history.sqlite3").write_bytes(b"database" * 512)
    wal = tmp_path / "history.sqlite3-wal"
    wal.write_bytes(bytes(32) + b"frames" * 100)
    before = summary.history_stamp(tmp_path)
    info = wal.stat()
    with open(wal, "r+b") as log:
        log.seek(16)
        log.write(b"salt")
    os.utime(wal, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert wal.stat().st_size == info.st_size
    assert before is not None and summary.history_stamp(tmp_path) != before
    wal.unlink()
    assert summary.history_stamp(tmp_path) not in (None, before)


def write_raw(tmp_path: Path, body: bytes, check: bytes | None = None) -> None:
    line = check if check is not None else b"%08x" % zlib.crc32(body)
    (tmp_path / summary.FILE_NAME).write_bytes(line + b"\n" + body)


def test_damaged_summaries_are_read_from_the_history_instead(
    tmp_path: Path, store: HistoryStore
) -> None:
    kept(tmp_path, store)
    path = tmp_path / summary.FILE_NAME
    good = path.read_bytes()
    check, _, body = good.partition(b"\n")
    found = json.loads(body)

    def reshaped(**changes: object) -> bytes:
        return json.dumps({**found, **changes}).encode()

    damaged = [
        good[: len(good) // 2],  # cut short
        good[:-3] + b"x" + good[-2:],  # a byte changed
        b"",
        b"\xff\xfe not text",
        check + b"\n" + b"[" * 100_000 + b"]" * 100_000,  # the check fails first
    ]
    for data in damaged:
        path.write_bytes(data)
        assert summary.load_summary(tmp_path, "amy") is None
    # Well checked, badly shaped (a summary written by a broken or hostile hand).
    shapes = [
        b"[" * 100_000 + b"]" * 100_000,
        b"null",
        b"{}",
        reshaped(format=summary.FORMAT + 1),
        reshaped(format=summary.FORMAT - 1),  # an older summary: its rounds had no pack hash
        reshaped(schema=summary.SCHEMA - 1),  # read before a migration: not used
        reshaped(rounds="5"),
        reshaped(rounds=True),
        reshaped(run=["not a date", 1]),
        reshaped(resumable=[[1, "dt", "quick", 1]]),
        reshaped(recent=[[1, "dt", "quick", 1, 2, "2024-03-01T10:00:00"]]),  # no time zone
        reshaped(due={"dt": [3.0, 1.0]}),  # out of order
        reshaped(due={"dt": [1.0, "2"]}),
        reshaped(due=[]),
        reshaped(modes={"dt": [["quick", 1, 50.0]]}),
        body.replace(b'"rounds":', b'"rounds":NaN,"x":'),
    ]
    for shape in shapes:
        write_raw(tmp_path, shape)
        assert summary.load_summary(tmp_path, "amy") is None, shape[:80]
    write_raw(tmp_path, body)
    assert summary.load_summary(tmp_path, "amy") is not None  # the same bytes, rewritten


def test_the_summary_knows_the_schema_it_was_read_under() -> None:
    from ali_quiz.history.schema import SCHEMA_VERSION

    assert summary.SCHEMA == SCHEMA_VERSION


def test_no_history_means_no_summary(tmp_path: Path) -> None:
    assert summary.history_stamp(tmp_path) is None
    assert summary.load_summary(tmp_path, "amy") is None
    empty = summary.HomeSummary(
        player="amy", resumable=(), due={}, rounds=0, run=None, recent=(), modes={}
    )
    assert not summary.save_summary(tmp_path, empty, None)
    assert not (tmp_path / summary.FILE_NAME).exists()


def test_a_fifo_or_a_folder_in_its_place_is_no_summary(tmp_path: Path, store: HistoryStore) -> None:
    path = tmp_path / summary.FILE_NAME
    os.mkfifo(path)
    begun = time.monotonic()
    assert summary.load_summary(tmp_path, "amy") is None  # at once, not waiting for a writer
    assert time.monotonic() - begun < 5
    read = summary.read_summary(store, "amy")
    assert not summary.save_summary(tmp_path, read, summary.history_stamp(tmp_path))
    assert not path.exists()  # not written into: removed, and the next read keeps a summary
    kept(tmp_path, store)
    path.unlink()
    path.mkdir()
    assert summary.load_summary(tmp_path, "amy") is None
    read = summary.read_summary(store, "amy")
    assert not summary.save_summary(tmp_path, read, summary.history_stamp(tmp_path))
    assert path.is_dir()  # a folder is not the summary's to remove


def test_a_folder_that_cannot_be_written_keeps_no_summary(
    tmp_path: Path, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ali_quiz.safety.files.atomic_write", refused)
    read = summary.read_summary(store, "amy")
    assert not summary.save_summary(tmp_path, read, summary.history_stamp(tmp_path))
    assert summary.load_summary(tmp_path, "amy") is None


def test_a_summary_too_large_is_not_kept(
    tmp_path: Path, store: HistoryStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(summary, "MAX_BYTES", 64)
    read = summary.read_summary(store, "amy")
    assert not summary.save_summary(tmp_path, read, summary.history_stamp(tmp_path))
    assert summary.load_summary(tmp_path, "amy") is None


def test_the_streak_of_a_run_of_days() -> None:
    run = (date(2024, 4, 5), 3)  # 04-03, 04-04, 04-05
    assert progress.streak_at(run, date(2024, 4, 5)) == (3, True)
    assert progress.streak_at(run, date(2024, 4, 3)) == (3, True)  # a time zone behind
    assert progress.streak_at(run, date(2024, 4, 2)) == (3, False)
    assert progress.streak_at(run, date(2024, 4, 6)) == (3, False)
    assert progress.streak_at(run, date(2024, 4, 7)) == (0, False)
    assert progress.streak_at(None, date(2024, 4, 7)) == (0, False)


def test_summary_times_keep_their_zone(tmp_path: Path, store: HistoryStore) -> None:
    loaded = kept(tmp_path, store)
    assert all(r.started_at.utcoffset() is not None for r in loaded.recent)
    assert any(r.started_at.utcoffset() == TAIPEI.utcoffset(None) for r in loaded.recent)
