"""The interface strings of the TUI: screens, keys, modes, dialogs, and round errors."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    # The app as a whole
    "app.too_small": (
        "This window is too small for ali-quiz.\nPlease make it at least {width}×{height}"
        " (it is {now_width}×{now_height}).",
        "視窗太小，放不下 ali-quiz。\n"
        "請把它放大到至少 {width}×{height}（目前是 {now_width}×{now_height}）。",
    ),
    # Problems in config.yaml (config.SettingsProblem)
    "config.unreadable": (
        "{path}: {error}; using the defaults",
        "{path}：{error}；改用預設值",
    ),
    "config.bad_yaml": (
        "{problem}; using the defaults (fix or delete the file)",
        "{problem}；改用預設值（請修正或刪除這個檔案）",
    ),
    "config.not_one_value": (
        "{where}: {key}: must be one value, not a list or mapping",
        "{where}：{key}：只能是一個值，不能是清單或對應",
    ),
    "config.not_mapping": (
        "{path}: expected keys such as `player: ann`; using the defaults",
        "{path}：應該是 `player: ann` 這樣的設定；改用預設值",
    ),
    "config.unknown_key": (
        "{path}: unknown setting {key} ignored (known: {known})",
        "{path}：不認得的設定 {key}，已略過（認得的有：{known}）",
    ),
    "config.empty_player": (
        "{path}: player: the name is empty; using {player}",
        "{path}：player：名稱是空的；改用 {player}",
    ),
    "config.bad_language": (
        "{path}: language: {language} is not one of {known}; following the system locale",
        "{path}：language：{language} 不是 {known} 之一；改用系統語言",
    ),
    "config.bad_theme": (
        "{path}: theme: {theme} is not a theme name; using {default}",
        "{path}：theme：{theme} 不是佈景主題的名稱；改用 {default}",
    ),
    "config.bad_count": (
        "{path}: questions_per_round: {count} is not a whole number from 1 to {max}; using"
        " {default}",
        "{path}：questions_per_round：{count} 不是 1 到 {max} 的整數；改用 {default}",
    ),
    "app.config_problem": ("Settings: {problem}", "設定檔有問題：{problem}"),
    "app.worker_failed": (
        "Something went wrong in the background: {error}",
        "背景工作出了問題：{error}",
    ),
    # The title of a toast whose text is the history's problem, a sentence of its own
    "app.history_title": ("Score history", "成績紀錄"),
    "app.settings_pack_missing": (
        "The pack {pack} chosen in the settings is not installed: {title} is open instead.",
        "設定中選的題庫 {pack} 沒有安裝：已改開 {title}。",
    ),
    "app.loading_packs": ("Looking for packs…", "正在尋找題庫…"),
    "app.no_packs": (
        "No pack can be played. Open Packs (p) to see what is wrong.",
        "沒有可以玩的題庫。請打開「題庫」（p）看看哪裡有問題。",
    ),
    # Between the items of a list in a sentence (Translator.join)
    "list.separator": (", ", "、"),
    # A label before what it names ("Source: …", "出處：…"), and two sentences in a row
    "label.colon": ("{label}: ", "{label}："),
    "sentences.two": ("{first} {second}", "{first}{second}"),
    # The languages packs are written in (i18n.language_label), named in the interface's
    "language.en": ("English", "英文"),
    "language.zh": ("Chinese", "中文"),
    "language.zh-Hant": ("Traditional Chinese", "繁體中文"),
    "language.zh-Hans": ("Simplified Chinese", "簡體中文"),
    "language.ja": ("Japanese", "日文"),
    "language.ko": ("Korean", "韓文"),
    "language.fr": ("French", "法文"),
    "language.de": ("German", "德文"),
    "language.es": ("Spanish", "西班牙文"),
    "language.it": ("Italian", "義大利文"),
    "language.pt": ("Portuguese", "葡萄牙文"),
    "language.nl": ("Dutch", "荷蘭文"),
    "language.ru": ("Russian", "俄文"),
    "language.vi": ("Vietnamese", "越南文"),
    # Keys shown in the Footer
    "key.quit": ("Quit", "離開"),
    "key.back": ("Back", "返回"),
    "key.home": ("Home", "首頁"),
    "key.timeline": ("Timeline", "時間線"),
    "key.history": ("History", "歷史"),
    "key.packs": ("Packs", "題庫"),
    "key.settings": ("Settings", "設定"),
    "key.code": ("Play a code", "輸入代碼"),
    "key.submit": ("Submit", "送出"),
    "key.toggle": ("Tick", "勾選"),
    "key.skip": ("Skip", "跳過"),
    "key.next": ("Next", "下一題"),
    "key.grab": ("Grab/drop", "抓起/放下"),
    "key.move_up": ("Move up", "上移"),
    "key.move_down": ("Move down", "下移"),
    "key.undo": ("Undo pair", "取消配對"),
    "key.replay": ("Replay", "再玩一次"),
    "key.mistakes": ("Mistakes round", "錯題回合"),
    "key.use_pack": ("Use pack", "使用題庫"),
    "key.open_pack": ("Open file", "開啟檔案"),
    "key.preview": ("Preview", "預覽"),
    "key.reload": ("Reload", "重新載入"),
    # Modes
    "mode.quick": ("Quick round", "快速回合"),
    "mode.quick.help": ("a mix of every kind", "各種題型混合"),
    "mode.order": ("Order", "排序"),
    "mode.order.help": ("put events in order", "把事件依先後排好"),
    "mode.match": ("Match", "配對"),
    "mode.match.help": ("pair the two columns", "把兩欄的項目配對"),
    "mode.estimate": ("Estimate", "估算"),
    "mode.estimate.help": ("type a figure", "輸入一個數字"),
    "mode.choice": ("Choice", "選擇題"),
    "mode.choice.help": ("pick the right option", "選出正確答案"),
    "mode.daily": ("Daily challenge", "每日挑戰"),
    "mode.daily.help": ("today's round for everyone", "今天大家都玩同一回合"),
    "mode.review": ("Due for review", "到期複習"),
    "mode.review_played": ("Review", "複習"),  # a review round played (History says the same)
    "mode.review.help": ("missed or fading", "答錯的和快忘記的"),
    # A round of another round's mistakes (results, m): recorded as a review
    "mode.mistakes": ("Mistakes round", "錯題回合"),
    # Question kinds
    "kind.order": ("order", "排序"),
    "kind.match": ("match", "配對"),
    "kind.estimate": ("estimate", "估算"),
    "kind.choice": ("choice", "選擇"),
    "kind.multi": ("select all that apply", "複選"),
    "kind.text": ("text", "填答"),
    # Verdicts
    "verdict.right": ("right", "答對"),
    "verdict.partial": ("partly right", "部分答對"),
    "verdict.wrong": ("wrong", "答錯"),
    "verdict.skipped": ("skipped", "跳過"),
    # Home
    "home.pack": ("Pack", "題庫"),
    "home.modes": ("Play", "開始玩"),
    "home.more": ("More", "更多"),
    "home.about": ("About this pack", "關於這個題庫"),
    "home.player": ("Player: {player}", "玩家：{player}"),
    "home.facts": (
        "events {events} · versions {versions} · figures {metrics} · sequences {sequences}",
        "事件 {events} · 版本 {versions} · 數字 {metrics} · 序列 {sequences}",
    ),
    "home.count": (" · {count} questions per round", " · 每回合 {count} 題"),
    # A pack too small for the count asked: what its quick rounds hold (`5–6`: seeds differ)
    "home.count_fewer": (
        " · {held} questions per round (too few facts for {count})",
        " · 每回合 {held} 題（事實不夠出 {count} 題）",
    ),
    "home.resume": ("Resume", "繼續回合"),
    "home.resume.help": ("{mode}, {done}/{count} done", "{mode}，已答 {done}/{count}"),
    "home.review_none": ("nothing is due for review", "目前沒有到期的事實"),
    "play.shorter": (
        "This pack gives {n} of the {count} questions asked: "
        "no more fit the rules of a good round.",
        "這個題庫只能出 {n} 題（要求 {count} 題）：其餘的題目不符合好題組的規則。",
    ),
    "home.pack_invalid": (
        "This pack has errors and cannot be played.",
        "這個題庫有錯誤，無法遊玩。",
    ),
    "home.hint": (
        "enter plays · tab next panel · ^p commands · ? keys",
        "enter 開始 · tab 換區塊 · ^p 指令 · ? 按鍵說明",
    ),
    # Home: progress
    "home.progress": ("Your progress", "你的進度"),
    "home.streak": ("🔥 {days}-day streak", "🔥 連續 {days} 天"),
    "home.streak_today": ("played today", "今天玩過了"),
    "home.streak_keep": ("play today to keep it", "今天玩一回合就能延續"),
    "home.streak_none": ("no streak: play a round today", "還沒有連續天數：今天玩一回合吧"),
    "home.due": ("{count} facts due for review", "{count} 個事實待複習"),
    "home.due_one": ("1 fact due for review", "1 個事實待複習"),
    "home.due_none": ("nothing due for review", "沒有待複習的事實"),
    "home.rounds_played": ("{count} rounds played", "已玩 {count} 回合"),
    "home.rounds_played_one": ("1 round played", "已玩 1 回合"),
    "home.recent": ("Recent rounds", "最近的回合"),
    "home.scores": ("Your scores with this pack", "你在這個題庫的成績"),
    "home.scores.rounds": ("{count} rounds", "{count} 回合"),
    "home.scores.rounds_one": ("1 round", "1 回合"),
    "home.scores.best": ("best {percent}", "最佳 {percent}"),
    "home.scores.average": ("average {percent}", "平均 {percent}"),
    "home.today": ("today {time}", "今天 {time}"),
    "home.yesterday": ("yesterday {time}", "昨天 {time}"),
    "home.welcome": (
        "Welcome! Pick a mode and press Enter to play your first round.",
        "歡迎！選一個模式，按 Enter 開始你的第一回合。",
    ),
    "home.welcome_back": (
        "Welcome back! Resume your round, or pick a mode and press Enter.",
        "歡迎回來！繼續你的回合，或選一個模式，按 Enter 開始。",
    ),
    "home.welcome_more": (
        "Your scores, your streak of days played and the facts due for review will show here.",
        "你的分數、連續遊玩的天數和待複習的事實會顯示在這裡。",
    ),
    # Play
    "play.progress": ("Question {position}/{count}", "第 {position}/{count} 題"),
    "play.score": ("Score {score}/{max}", "得分 {score}/{max}"),
    "play.press_next": (
        "Press enter for the next question",
        "按 enter 進入下一題",
    ),
    "play.press_results": ("Press enter to see the results", "按 enter 看結果"),
    "play.order.help": (
        "A letter or ↑↓ picks an item · space grabs it, ↑↓ carry it, space drops it"
        " (or shift+↑↓) · drag with the mouse · enter submits",
        "按字母或 ↑↓ 選項目 · 空白鍵抓起、↑↓ 移動、空白鍵放下（或 shift+↑↓）"
        "· 可用滑鼠拖曳 · enter 送出",
    ),
    "play.match.help": (
        "A number then a letter pairs them (or click both; click a pair again to part it)"
        " · backspace undoes · enter submits",
        "先按數字再按字母來配對（或用滑鼠點兩邊；再點一次即取消）· backspace 復原 · enter 送出",
    ),
    "play.match.incomplete": (
        "Pair every numbered item first ({paired}/{total} paired).",
        "請先把每個編號項目配對好（已配 {paired}/{total}）。",
    ),
    "play.choice.help": (
        "Press a letter or number, or ↑↓ and enter, or click",
        "按字母或數字，或用 ↑↓ 加 enter，或用滑鼠點選",
    ),
    "play.estimate.help": (
        "Type a number as you would write it: {examples} · enter submits",
        "像平常一樣寫數字：{examples} · enter 送出",
    ),
    "play.estimate.placeholder": ("your estimate, in {unit}", "你的估計（{unit}）"),
    "play.estimate.reads": ("reads as {value}", "讀作 {value}"),
    "play.estimate.empty": ("Type a number first.", "請先輸入一個數字。"),
    "play.text.help": ("Type your answer · enter submits", "輸入你的答案 · enter 送出"),
    "play.multi.help": (
        "Tick every option that applies (space or its letter) · enter submits",
        "勾選所有符合的選項（空白鍵或字母）· enter 送出",
    ),
    "play.multi.none": (
        "Tick at least one option (space or its letter), then press enter.",
        "請至少勾選一個選項（空白鍵或字母），再按 enter。",
    ),
    "feedback.option": ("On {option}", "關於「{option}」"),
    "play.text.placeholder": ("your answer", "你的答案"),
    "play.text.empty": ("Type an answer first.", "請先輸入答案。"),
    "play.quit_title": ("Leave this round?", "要離開這一回合嗎？"),
    "play.quit_body": (
        "Your {done} answers are kept in the history; you can resume the round from home.",
        "你已答的 {done} 題會保存在歷史紀錄中，可以從首頁繼續這一回合。",
    ),
    "play.quit_body_none": (
        "Nothing has been answered yet: leaving loses nothing.",
        "還沒有作答：離開不會失去任何東西。",
    ),
    "play.quit_body_one": (
        "Your 1 answer is kept in the history; you can resume the round from home.",
        "你已答的 1 題會保存在歷史紀錄中，可以從首頁繼續這一回合。",
    ),
    "play.quit_body_kept_one": (
        "Your 1 answer is kept in the history.",
        "你已答的 1 題會保存在歷史紀錄中。",
    ),
    "play.quit_body_kept": (
        "Your {done} answers are kept in the history.",
        "你已答的 {done} 題會保存在歷史紀錄中。",
    ),
    "play.quit_yes": ("Leave the round", "離開回合"),
    # ctrl+q mid-round: it closes ali-quiz, not only the round (esc leaves the round)
    "play.quit_app_title": ("Quit ali-quiz?", "要關閉 ali-quiz 嗎？"),
    "play.quit_app_yes": ("Quit ali-quiz", "關閉 ali-quiz"),
    "play.quit_no": ("Keep playing", "繼續作答"),
    # Feedback
    "feedback.right": ("Right!", "答對了！"),
    "feedback.partial": ("Partly right.", "部分答對。"),
    "feedback.wrong": ("Wrong.", "答錯了。"),
    "feedback.skipped": ("Skipped.", "已跳過。"),
    "feedback.points": ("{points}/{max} points", "{points}/{max} 分"),
    "feedback.answer": ("Answer", "正確答案"),
    "feedback.your_answer": ("You said", "你的答案"),
    "feedback.source": ("Source", "出處"),
    "feedback.accepted": ("Accepted answers", "可接受的答案"),
    "feedback.order": ("Correct order", "正確順序"),
    "feedback.pairs": ("Correct pairs", "正確配對"),
    # Results
    "results.title": ("Results", "結果"),
    "results.total": ("{score}/{max} points · {percent}%", "{score}/{max} 分 · {percent}%"),
    "results.summary": (
        "{right} right · {partial} partly right · {wrong} wrong · {skipped} skipped",
        "答對 {right} · 部分答對 {partial} · 答錯 {wrong} · 跳過 {skipped}",
    ),
    "results.code": ("Round code: {code}", "回合代碼：{code}"),
    "results.code_help": (
        "anyone can play this same round with it",
        "任何人都能用它玩同一回合",
    ),
    "results.col.number": ("#", "#"),
    "results.col.kind": ("Kind", "題型"),
    "results.col.verdict": ("Result", "結果"),
    "results.col.points": ("Points", "得分"),
    "results.col.question": ("Question", "題目"),
    "results.no_mistakes": (
        "No mistakes this round: nothing to repeat.",
        "這回合沒有錯題，不用重做。",
    ),
    # Settings
    "settings.title": ("Settings", "設定"),
    "settings.player": ("Player name", "玩家名稱"),
    "settings.language": ("Interface language", "介面語言"),
    "settings.language.system": ("Follow the system ({name})", "跟隨系統（{name}）"),
    "settings.theme": ("Theme", "主題"),
    "settings.count": ("Questions per round", "每回合題數"),
    "settings.count.help": (
        "1 to {max}; used for rounds started from home without a seed or code",
        "1 到 {max}；用於從首頁開始、沒有指定種子或代碼的回合",
    ),
    "settings.count.invalid": (
        "Type a whole number from 1 to {max}.",
        "請輸入 1 到 {max} 的整數。",
    ),
    "settings.player.invalid": ("The name cannot be empty.", "名稱不能是空的。"),
    "settings.saved": ("Saved to {path}", "已儲存到 {path}"),
    "settings.save_failed": ("Could not save {path}: {reason}", "無法儲存 {path}：{reason}"),
    # Dialogs
    "code.title": ("Play a round code", "輸入回合代碼"),
    "code.help": (
        "A teacher's code such as 0AZF-E3RG-1Z8D gives everyone the same round.",
        "老師給的代碼（例如 0AZF-E3RG-1Z8D）讓每個人玩同一回合。",
    ),
    "code.placeholder": ("round code", "回合代碼"),
    "code.play": ("Play", "開始"),
    "code.error": ("{reason}", "{reason}"),
    # A round that cannot be made (roundspec.RoundSpecError)
    "round.pack_missing": ("{reason}", "找不到題庫：{reason}"),
    "round.settings_pack_missing": (
        "the pack {pack} chosen in {file} is not installed: playing the built-in pack instead"
        " (choose another in the settings, or give --pack)",
        "設定檔 {file} 選的題庫 {pack} 沒有安裝：改用內建題庫（請在設定中另選，或用 --pack 指定）",
    ),
    "round.pack_invalid": (
        "the pack {pack} is not valid:\n{problems}",
        "題庫 {pack} 有錯誤：\n{problems}",
    ),
    "round.no_review": (
        "nothing is due for review yet: a fact you miss is due again at once, "
        "one you know comes back after a few days",
        "目前沒有到期要複習的事實：答錯的事實會立刻到期，答對的過幾天再回來",
    ),
    "round.no_review_until": (
        "nothing is due for review yet: the next fact comes due at {when}",
        "目前沒有到期要複習的事實：下一個事實在 {when} 到期",
    ),
    "round.cannot_make": ("{reason}", "無法產生這個回合：{reason}"),
    "round.no_questions": (
        "the pack {pack!r} gives no {mode} question: add facts (see `ali-quiz validate` for what"
        " each kind needs)",
        "題庫 {pack!r} 產生不出{mode}題目：請加入更多事實"
        "（用 `ali-quiz validate` 查看每種題型需要什麼）",
    ),
    "confirm.yes": ("Yes", "是"),
    "confirm.no": ("No", "否"),
    # Keys (the Footer and the help screen) and quitting
    "key.help": ("Help: every key", "說明：所有按鍵"),
    "key.palette": ("Commands", "指令"),
    "key.dismiss_menu": ("Close the list", "關閉選單"),
    "key.close": ("Close", "關閉"),
    "key.up": ("Up", "上"),
    "key.down": ("Down", "下"),
    "key.left": ("Left", "左"),
    "key.right": ("Right", "右"),
    "key.pick_item": ("Pick the item with this letter", "選這個字母的項目"),
    "key.pick_number": ("Pick the item with this number", "選這個數字的項目"),
    "key.pick_cursor": ("Pick the item under the cursor", "選游標所在的項目"),
    "key.unpair": ("Unpair the item under the cursor", "取消游標所在項目的配對"),
    "key.pick_option": ("Pick this option", "選這個選項"),
    "key.play_pack": ("Play the highlighted mode with this pack", "用這個題庫玩反白的模式"),
    "help.title": ("Keys", "按鍵"),
    "help.close": ("escape, q, F1 or ? closes this", "按 escape、q、F1 或 ? 關閉"),
    "help.keys_or": (" or ", " 或 "),
    "app.ctrl_c": ("Press ctrl+q to quit ali-quiz.", "按 ctrl+q 離開 ali-quiz。"),
    "app.ctrl_c_title": ("Do you want to quit?", "要離開嗎？"),
}
