"""The history file's problems (damaged, not a file, newer, failed writes) in both languages.

The core says what happened as a Phrase; the TUI words it in its language. The English is what
the command line prints (unchanged); the 繁體中文 has no English sentence in it.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ali_quiz.history.database import after_query_failure
from ali_quiz.history.records import HistoryError
from ali_quiz.history.store import HistoryStore
from ali_quiz.i18n import Phrase, Translator
from test_tui_support import make_test_app, settle, sync
from test_tui_zh_hant import english_runs

ZH = Translator("zh-Hant")
EN = Translator("en")


def test_a_file_that_is_not_a_database_is_moved_aside_in_either_language(tmp_path: Path) -> None:
    (tmp_path / "history.sqlite3").write_bytes(b"not a database at all" * 100)
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None and opened.warning is not None
    opened.store.close()
    english, chinese = opened.warning.words(EN), opened.warning.words(ZH)
    assert english.startswith("The score history ") and "file is not a database" in english
    assert "could not be read" in english and "moved to" in english
    assert chinese.startswith("無法讀取成績紀錄 ") and "這個檔案不是資料庫" in chinese
    assert "已移到" in chinese and english_runs(chinese) == []
    assert str(opened.warning) == english


def test_a_folder_in_place_of_the_file_turns_history_off_in_either_language(
    tmp_path: Path,
) -> None:
    (tmp_path / "history.sqlite3").mkdir()
    opened = HistoryStore.open(tmp_path)
    assert opened.store is None and opened.warning is not None
    assert str(opened.warning).startswith("Score history is off: ")
    assert "is a folder, not a history file" in str(opened.warning)
    chinese = opened.warning.words(ZH)
    assert chinese.startswith("成績紀錄已關閉：") and "是資料夾" in chinese
    assert english_runs(chinese) == []


def test_a_newer_history_is_left_alone_in_either_language(tmp_path: Path) -> None:
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None
    opened.store.close()
    with sqlite3.connect(tmp_path / "history.sqlite3") as conn:
        conn.execute("PRAGMA user_version = 999")
    opened = HistoryStore.open(tmp_path)
    assert opened.warning is not None
    assert "newer ali-quiz (schema version 999" in str(opened.warning)
    chinese = opened.warning.words(ZH)
    assert "較新版的 ali-quiz" in chinese and "結構版本 999" in chinese
    assert english_runs(chinese) == []


def test_sqlite_errors_are_worded_by_their_code_in_chinese() -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"
    io = sqlite3.OperationalError("disk I/O error")
    io.sqlite_errorname = "SQLITE_IOERR_WRITE"  # an extended code: worded as SQLITE_IOERR
    odd = sqlite3.OperationalError("something else")
    odd.sqlite_errorname = "SQLITE_SCHEMA"
    assert [ZH.worded(e) for e in (full, io, odd)] == [
        "資料庫或磁碟已滿",
        "磁碟讀寫錯誤",
        "資料庫錯誤（SQLITE_SCHEMA）",
    ]
    assert EN.worded(full) == "database or disk is full"


def test_a_failed_write_says_what_failed_in_either_language(tmp_path: Path) -> None:
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"
    what = Phrase.of("db.what.answer")
    error = HistoryError(
        Phrase.of("db.write_failed", what=what, path=tmp_path / "h.sqlite3", error=full)
    )
    assert str(error).startswith("Could not record an answer in the score history ")
    assert str(error).endswith(
        ": database or disk is full. The game goes on; check the disk and restart to record again."
    )
    chinese = error.words(ZH)
    assert "中記錄答案：資料庫或磁碟已滿。" in chinese and english_runs(chinese) == []


def test_a_query_that_fails_on_a_sound_file_asks_to_try_again(tmp_path: Path) -> None:
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None
    opened.store.close()
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorname = "SQLITE_BUSY"
    said = after_query_failure(tmp_path / "history.sqlite3", locked)
    assert str(said).endswith("could not be read (database is locked); try again")
    assert said.words(ZH).endswith("（資料庫正被其他程式使用）；請再試一次")


@sync
async def test_the_tui_tells_of_a_damaged_history_in_chinese(tmp_path: Path) -> None:
    """A damaged file at start: the toast is worded in 繁體中文, path and all."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "history.sqlite3").write_bytes(b"not a database at all" * 100)
    app = make_test_app(tmp_path, language="zh-Hant")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.pause()
        toasts = [n for n in pilot.app._notifications if "成績紀錄" in n.message]
        assert len(toasts) == 1
        told = toasts[0].message
        # The problem is a sentence of its own under the toast's title: no prefix before it,
        # so no two colons in a row (was 「歷史紀錄有問題：成績紀錄已關閉：…」).
        assert toasts[0].title == "成績紀錄"
        assert told.startswith("無法讀取成績紀錄 ")
        assert english_runs(told) == []


@sync
async def test_a_history_that_is_off_is_told_with_one_colon(tmp_path: Path) -> None:
    """A folder where the history file should be: 「成績紀錄已關閉：…」 under the toast's title,
    with nothing before it (was 「歷史紀錄有問題：成績紀錄已關閉：…」)."""
    data = tmp_path / "data"
    (data / "history.sqlite3").mkdir(parents=True)
    for language, title, start in (
        ("zh-Hant", "成績紀錄", "成績紀錄已關閉："),
        ("en", "Score history", "Score history is off: "),
    ):
        app = make_test_app(tmp_path, language=language)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app)
            await pilot.pause()
            toasts = [n for n in pilot.app._notifications if n.title == title]
            assert len(toasts) == 1
            assert toasts[0].message.startswith(start)
            assert "：：" not in toasts[0].message and ": :" not in toasts[0].message
