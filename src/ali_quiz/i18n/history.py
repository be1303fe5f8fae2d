"""The interface strings of the history screen, and of the history file's problems
(history/database.py: a file that is damaged, read-only or cannot be read)."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    # Home, of a round left half-way (a pack changed since makes other questions)
    "home.welcome_again": (
        "Welcome back! Pick a mode and press Enter to play.",
        "歡迎回來！選一個模式，按 Enter 開始。",
    ),
    "home.resume_stale": (
        "{mode}, {done}/{count} done: its pack has changed since, so it cannot go on",
        "{mode}，已答 {done}/{count}：題庫已經改變，無法繼續",
    ),
    "home.resume_gone": (
        "That round cannot be resumed: its pack has changed or is gone.",
        "無法繼續那一回合：它的題庫已經改變或不見了。",
    ),
    # The history screen (tui/screens/history/)
    "history.title": ("Score history · {player}", "成績紀錄 · {player}"),
    "history.off": (
        "Score history is off, so there is nothing to show.",
        "成績紀錄已關閉，沒有可以顯示的內容。",
    ),
    "history.empty": (
        "No rounds here yet: play one from the home screen.",
        "這裡還沒有任何一輪：從首頁開始玩一輪吧。",
    ),
    "history.loading": ("Loading…", "讀取中…"),
    "history.all_packs": ("All packs", "全部題庫"),
    "history.filter_pack": ("Pack", "題庫"),
    "history.filter_mode": ("Mode", "模式"),
    "history.filter_period": ("Period", "期間"),
    "history.key_filter": ("Filter", "篩選"),
    "history.filter_label": ("{name}: {value} ▾", "{name}：{value} ▾"),
    "history.all_modes": ("All modes", "全部模式"),
    "history.period_0": ("All time", "全部時間"),
    "history.period_7": ("Last 7 days", "最近 7 天"),
    "history.period_30": ("Last 30 days", "最近 30 天"),
    "history.period_365": ("Last year", "最近一年"),
    "history.tab_rounds": ("Rounds", "回合"),
    "history.tab_summary": ("Summary", "總覽"),
    "history.tab_missed": ("Missed facts", "常錯的事實"),
    "history.col_date": ("Date", "日期"),
    "history.col_pack": ("Pack", "題庫"),
    "history.col_mode": ("Mode", "模式"),
    "history.col_score": ("Score", "得分"),
    "history.col_duration": ("Time", "用時"),
    "history.col_finished": ("Done", "完成"),
    "history.enter_hint": ("Enter: a round's answers", "Enter：看這一輪的作答"),
    "history.finished_of": ("Finished {finished}/{started}", "完成 {finished}/{started} 輪"),
    "history.strip": (
        "{rounds} · avg {average} · best {best} · last 10 {last}"
        " · streak {current} (longest {longest})",
        "{rounds} · 平均 {average} · 最佳 {best} · 最近 10 輪 {last}"
        " · 連續 {current}（最長 {longest}）",
    ),
    "history.showing": (
        "{shown} of {total} rounds · sorted by {order}",
        "{shown}/{total} 輪 · 排序：{order}",
    ),
    "history.rounds_played": ("Rounds played", "完成的回合"),
    "history.started": ("Rounds started", "開始的回合"),
    "history.answers": ("Answers", "作答題數"),
    "history.average": ("Average", "平均"),
    "history.best": ("Best", "最佳"),
    "history.last_average": ("Average of last 10", "最近 10 輪平均"),
    "history.current_streak": ("Current streak", "目前連續"),
    "history.longest_streak": ("Longest streak", "最長連續"),
    "history.days": ("{n} d", "{n} 天"),
    "history.recent": ("Recent scores (oldest to newest)", "近期得分（由舊到新）"),
    "history.kinds": ("Accuracy by question kind", "各題型得分率"),
    "history.kind_line": ("{n} answers", "{n} 題"),
    "history.kind_line_one": ("1 answer", "1 題"),
    "history.no_missed": ("No missed facts here yet.", "這裡還沒有答錯的事實。"),
    "history.col_fact": ("Fact", "事實"),
    "history.col_misses": ("Missed", "答錯/作答"),
    "history.col_last_missed": ("Last missed", "最近答錯"),
    "history.col_box": ("Box", "學習盒"),
    "history.key_back": ("Back", "返回"),
    "history.key_open": ("Details", "詳情"),
    "history.key_delete": ("Delete", "刪除"),
    "history.key_delete_all": ("Delete all", "全部刪除"),
    "history.key_sort": ("Sort", "排序"),
    "history.key_reverse": ("Reverse", "反向"),
    "history.key_export": ("Export", "匯出"),
    "history.key_close": ("Close", "關閉"),
    "history.detail_title": ("Round {id} · {pack} · {mode}", "第 {id} 輪 · {pack} · {mode}"),
    "history.detail_info": (
        "{start} · {state} · {score} · {time}",
        "{start} · {state} · {score} · {time}",
    ),
    "history.finished": ("finished", "已完成"),
    "history.unfinished": ("unfinished", "未完成"),
    "history.your_answer": ("You said", "你的答案"),
    "history.correct": ("Correct", "正確答案"),
    "history.skipped": ("(skipped)", "（略過）"),
    "history.points": ("{points}/{max} points", "{points}/{max} 分"),
    "history.seconds": ("{seconds:.0f} s", "{seconds:.0f} 秒"),
    "history.no_answers": ("No answers were given in this round.", "這一輪沒有作答。"),
    "history.confirm_round": (
        "Delete round {id} ({date}, {pack}, {score})? This cannot be undone.",
        "要刪除第 {id} 輪（{date}，{pack}，{score}）嗎？刪除後無法復原。",
    ),
    "history.confirm_all": (
        "Delete all {n} rounds of {player}? This cannot be undone.",
        "要刪除 {player} 的全部 {n} 輪嗎？刪除後無法復原。",
    ),
    "history.export_first": ("Export JSON first", "先匯出 JSON"),
    "history.delete": ("Delete", "刪除"),
    "history.cancel": ("Cancel", "取消"),
    "history.exported": ("History exported to {path}", "成績紀錄已匯出到 {path}"),
    "history.export_failed": (
        "Could not export the history to {path}: {error}",
        "無法把成績紀錄匯出到 {path}：{error}",
    ),
    "history.deleted_round": ("Round {id} deleted.", "已刪除第 {id} 輪。"),
    "history.deleted_all": ("{n} rounds deleted.", "已刪除 {n} 輪。"),
    "history.mode_quick": ("Quick", "快速"),
    "history.mode_order": ("Order", "排序"),
    "history.mode_match": ("Match", "配對"),
    "history.mode_estimate": ("Estimate", "估算"),
    "history.mode_choice": ("Choice", "選擇"),
    "history.mode_daily": ("Daily", "每日"),
    "history.mode_review": ("Review", "複習"),
    "history.mode_text": ("Text", "填答"),
    # The history file's problems (history/database.py, history/store.py)
    "db.off": (
        "Score history is off: {path} {why}. The game still plays, but rounds are not recorded;"
        " use --data-dir to choose a folder you can write to.",
        "成績紀錄已關閉：{path} {why}。遊戲照常進行，但回合不會記錄；"
        "請用 --data-dir 選一個可以寫入的資料夾。",
    ),
    "db.why.unreadable": (
        "cannot be read ({error}); it was left as it is",
        "無法讀取（{error}），檔案保持原樣",
    ),
    "db.why.folder": (
        "is a folder, not a history file; it was left as it is: move it away",
        "是資料夾，不是成績紀錄檔；它保持原樣：請把它移走",
    ),
    "db.why.not_file": (
        "is not a regular file (a pipe or a device), so it cannot be a history file; it was left"
        " as it is: move it away",
        "不是一般檔案（是管線或裝置），不可能是成績紀錄檔；它保持原樣：請把它移走",
    ),
    "db.why.companion_folder": (
        "cannot be opened while {companion} is a folder: SQLite keeps a file of its own under"
        " that name; both were left as they are: move the folder away",
        "無法開啟，因為 {companion} 是資料夾：SQLite 要用這個名字放它自己的檔案；兩者都保持原樣："
        "請把那個資料夾移走",
    ),
    "db.why.companion_not_file": (
        "cannot be opened while {companion} is not a regular file (a pipe or a device): SQLite"
        " keeps a file of its own under that name; both were left as they are: move it away",
        "無法開啟，因為 {companion} 不是一般檔案（是管線或裝置）：SQLite 要用這個名字放它自己的"
        "檔案；兩者都保持原樣：請把它移走",
    ),
    "db.why.denied": (
        "cannot be read: permission denied. It was left as it is; give yourself read access"
        " (or use --data-dir)",
        "無法讀取：沒有權限。檔案保持原樣；請給自己讀取權限（或改用 --data-dir）",
    ),
    "db.why.no_folder": (
        "cannot be created: the folder cannot be made ({error})",
        "無法建立：資料夾建立不了（{error}）",
    ),
    "db.why.newer": (
        "was written by a newer ali-quiz ({error}); update ali-quiz",
        "是較新版的 ali-quiz 寫的（{error}）；請更新 ali-quiz",
    ),
    "db.why.corrupt": ("cannot be read ({error})", "無法讀取（{error}）"),
    "db.why.read_only": ("is read-only ({error})", "是唯讀的（{error}）"),
    "db.why.no_write": (
        "cannot be opened for writing ({error}); the folder {folder} may be read-only",
        "無法開啟來寫入（{error}）；資料夾 {folder} 可能是唯讀的",
    ),
    "db.why.no_open": ("cannot be opened ({error})", "無法開啟（{error}）"),
    "db.why.no_move": (
        "cannot be read ({error}) and cannot be moved aside ({move_error}); move or delete it"
        " yourself",
        "無法讀取（{error}），也無法移到一旁（{move_error}）；請自己移走或刪除它",
    ),
    "db.read_only": (
        "The score history {path} is read-only ({error}): it is shown, but new rounds are not"
        " recorded; use --data-dir to choose a folder you can write to.",
        "成績紀錄 {path} 是唯讀的（{error}）：可以查看，但新的回合不會記錄；"
        "請用 --data-dir 選一個可以寫入的資料夾。",
    ),
    "db.moved": (
        "The score history {path} could not be read ({error}). It was moved to {aside} and a"
        " new, empty history was started; the old file is kept for you to inspect or delete.",
        "無法讀取成績紀錄 {path}（{error}）。它已移到 {aside}，並開始了一份新的空白紀錄；"
        "舊檔案留著，供你檢查或刪除。",
    ),
    "db.moved_then": ("{moved} {then}", "{moved}{then}"),
    "db.read_failed": (
        "the score history {path} could not be read ({error}); try again",
        "無法讀取成績紀錄 {path}（{error}）；請再試一次",
    ),
    "db.damaged_mid_round": (
        "{moved} This round's answers are no longer recorded; the next round starts in the new"
        " history.",
        "{moved}這一回合的答案不再記錄；下一回合會記在新的紀錄裡。",
    ),
    "db.write_failed": (
        "Could not {what} in the score history {path}: {error}. The game goes on; check the"
        " disk and restart to record again.",
        "無法在成績紀錄 {path} 中{what}：{error}。遊戲繼續進行；請檢查磁碟，重新啟動後才會再記錄。",
    ),
    "db.write_busy": (
        "Could not {what} in the score history {path}: another program has it open for writing"
        " (another ali-quiz recording a round, or a database tool), and it stayed locked for"
        " {seconds} s. The game goes on and tries again at every answer; if it is still locked"
        " when you leave, this round is not recorded. Close that program to record again.",
        "無法在成績紀錄 {path} 中{what}：另一個程式正開著它寫入（另一個正在記錄回合的 ali-quiz，"
        "或資料庫工具），等了 {seconds} 秒仍被鎖住。遊戲繼續進行，每次作答都會再試；"
        "如果離開時仍被鎖住，這一回合就不會記錄。請關閉那個程式，才能再記錄。",
    ),
    "db.what.start": ("start a round", "開始回合"),
    "db.what.answer": ("record an answer", "記錄答案"),
    "db.what.finish": ("finish a round", "結束回合"),
    "db.what.import": ("import rounds", "匯入回合"),
    "db.what.delete_round": ("delete a round", "刪除回合"),
    "db.what.delete_all": ("delete the history", "刪除紀錄"),
    # What is wrong inside the file (history/schema.py, history/database.py)
    "db.schema.unknown": (
        "schema version {version} is not one any ali-quiz writes",
        "結構版本 {version} 不是任何版本的 ali-quiz 會寫的",
    ),
    "db.schema.newer": (
        "schema version {version}, this ali-quiz knows up to {known}",
        "結構版本 {version}，這個 ali-quiz 只認得到 {known}",
    ),
    "db.schema.damaged": ("damaged pages: {details}", "有損壞的頁面：{details}"),
    "db.schema.old_read_only": (
        "its schema is older and cannot be brought up to date in a read-only folder",
        "它的結構較舊，在唯讀的資料夾裡無法更新",
    ),
    "db.schema.no_wal": (
        "the database cannot be switched to WAL mode",
        "資料庫無法切換到 WAL 模式",
    ),
    # SQLite's errors, by their code (Translator.database_error); the English is SQLite's own
    "sqlite.SQLITE_CORRUPT": ("database disk image is malformed", "資料庫檔案已損壞"),
    "sqlite.SQLITE_NOTADB": ("file is not a database", "這個檔案不是資料庫"),
    "sqlite.SQLITE_READONLY": ("attempt to write a readonly database", "資料庫是唯讀的"),
    "sqlite.SQLITE_CANTOPEN": ("unable to open database file", "無法開啟資料庫檔案"),
    "sqlite.SQLITE_FULL": ("database or disk is full", "資料庫或磁碟已滿"),
    "sqlite.SQLITE_IOERR": ("disk I/O error", "磁碟讀寫錯誤"),
    "sqlite.SQLITE_BUSY": ("database is locked", "資料庫正被其他程式使用"),
    "sqlite.SQLITE_LOCKED": ("database table is locked", "資料表被鎖住了"),
    "sqlite.SQLITE_PERM": ("access permission denied", "沒有存取權限"),
    "sqlite.other": ("database error ({name})", "資料庫錯誤（{name}）"),
}
