"""Every string of the interface, in English and Traditional Chinese.

The questions speak their pack's language; these strings are the interface around them (the
TUI and plain mode). Each entry holds both languages side by side so a missing translation is
visible at a glance, and a test checks that both sides use the same `{placeholders}`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

LANGUAGES = ("en", "zh-Hant")
LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType({"en": "English", "zh-Hant": "繁體中文"})
DEFAULT_LANGUAGE = "en"


def normalize_language(text: str | None) -> str | None:
    """`zh_TW.UTF-8`, `zh-Hant`, `zh-hk` -> `zh-Hant`; `en_GB` -> `en`; anything else None."""
    if not text:
        return None
    tag = text.split(".")[0].split("@")[0].replace("_", "-").lower()
    if tag.startswith("zh"):
        # Only a Traditional Chinese interface exists: it serves Simplified readers better
        # than English would.
        return "zh-Hant"
    if tag == "en" or tag.startswith("en-"):
        return "en"
    return None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the system locale asks for (the POSIX variables, in their order)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return normalize_language(value) or DEFAULT_LANGUAGE
    for part in env.get("LANGUAGE", "").split(":"):
        found = normalize_language(part)
        if found:
            return found
    return DEFAULT_LANGUAGE


# key -> (English, 繁體中文)
_TABLE: dict[str, tuple[str, str]] = {
    # The app as a whole
    "app.too_small": (
        "This window is too small for ali-quiz.\nPlease make it at least {width}×{height}"
        " (it is {now_width}×{now_height}).",
        "視窗太小,放不下 ali-quiz。\n"
        "請把它放大到至少 {width}×{height}(目前是 {now_width}×{now_height})。",
    ),
    "app.config_problem": ("Settings: {problem}", "設定檔有問題:{problem}"),
    "app.history_problem": ("History: {problem}", "歷史紀錄有問題:{problem}"),
    "app.loading_packs": ("Looking for packs…", "正在尋找題庫…"),
    "app.no_packs": (
        "No pack can be played. Open Packs (p) to see what is wrong.",
        "沒有可以玩的題庫。請打開「題庫」(p) 看看哪裡有問題。",
    ),
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
    "mode.review": ("Review mistakes", "複習錯題"),
    "mode.review.help": ("the facts you got wrong", "你答錯過的事實"),
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
    "home.player": ("Player: {player}", "玩家:{player}"),
    "home.facts": (
        "events {events} · versions {versions} · figures {metrics} · sequences {sequences}",
        "事件 {events} · 版本 {versions} · 數字 {metrics} · 序列 {sequences}",
    ),
    "home.count": ("{count} questions per round", "每回合 {count} 題"),
    "home.resume": ("Resume", "繼續回合"),
    "home.resume.help": ("{mode}, {done}/{count} done", "{mode},已答 {done}/{count}"),
    "home.resume_gone": (
        "That round cannot be resumed: its pack has changed or is gone.",
        "無法繼續那一回合:它的題庫已經改變或不見了。",
    ),
    "home.review_none": ("no mistakes to review yet", "還沒有可複習的錯題"),
    "play.shorter": (
        "This pack gives {n} of the {count} questions asked: "
        "no more fit the rules of a good round.",
        "這個題庫只能出 {n} 題(要求 {count} 題):其餘的題目不符合好題組的規則。",
    ),
    "home.pack_invalid": (
        "This pack has errors and cannot be played.",
        "這個題庫有錯誤,無法遊玩。",
    ),
    "home.hint": (
        "enter plays · tab next panel · ^p commands",
        "enter 開始 · tab 換區塊 · ^p 指令",
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
        "Earliest first. A letter or ↑↓ picks an item · space grabs it, ↑↓ carry it, space"
        " drops it (or shift+↑↓) · drag with the mouse · enter submits",
        "最早的在上面。按字母或 ↑↓ 選項目 · 空白鍵抓起、↑↓ 移動、空白鍵放下(或 shift+↑↓)"
        " · 可用滑鼠拖曳 · enter 送出",
    ),
    "play.match.help": (
        "A number then a letter pairs them (or click both; click a pair again to part it)"
        " · backspace undoes · enter submits",
        "先按數字再按字母來配對(或用滑鼠點兩邊;再點一次即取消)· backspace 復原 · enter 送出",
    ),
    "play.match.incomplete": (
        "Pair every numbered item first ({paired}/{total} paired).",
        "請先把每個編號項目配對好(已配 {paired}/{total})。",
    ),
    "play.choice.help": (
        "Press a letter or number, or ↑↓ and enter, or click",
        "按字母或數字,或用 ↑↓ 加 enter,或用滑鼠點選",
    ),
    "play.estimate.help": (
        "Type a number as you would write it: 2億, 7610.2萬, 76.1M, 2e8, 6% · enter submits",
        "像平常一樣寫數字:2億、7610.2萬、76.1M、2e8、6% · enter 送出",
    ),
    "play.estimate.placeholder": ("your estimate, in {unit}", "你的估計({unit})"),
    "play.estimate.reads": ("reads as {value}", "讀作 {value}"),
    "play.estimate.empty": ("Type a number first.", "請先輸入一個數字。"),
    "play.text.help": ("Type your answer · enter submits", "輸入你的答案 · enter 送出"),
    "play.multi.help": (
        "Tick every option that applies (space or its letter) · enter submits",
        "勾選所有符合的選項(空白鍵或字母)· enter 送出",
    ),
    "play.multi.none": (
        "Tick at least one option (space or its letter), then press enter.",
        "請至少勾選一個選項(空白鍵或字母),再按 enter。",
    ),
    "feedback.option": ("On {option}", "關於「{option}」"),
    "play.text.placeholder": ("your answer", "你的答案"),
    "play.text.empty": ("Type an answer first.", "請先輸入答案。"),
    "play.quit_title": ("Leave this round?", "要離開這一回合嗎?"),
    "play.quit_body": (
        "Your {done} answers are kept in the history; you can resume the round from home.",
        "你已答的 {done} 題會保存在歷史紀錄中,可以從首頁繼續這一回合。",
    ),
    "play.quit_body_none": (
        "Nothing has been answered yet: leaving loses nothing.",
        "還沒有作答:離開不會失去任何東西。",
    ),
    "play.quit_body_kept": (
        "Your {done} answers are kept in the history.",
        "你已答的 {done} 題會保存在歷史紀錄中。",
    ),
    "play.quit_yes": ("Leave", "離開"),
    "play.quit_no": ("Keep playing", "繼續作答"),
    # Feedback
    "feedback.right": ("Right!", "答對了!"),
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
    "results.code": ("Round code: {code}", "回合代碼:{code}"),
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
        "這回合沒有錯題,不用重做。",
    ),
    # Packs
    "packs.title": ("Packs", "題庫"),
    "packs.col.id": ("Id", "代號"),
    "packs.col.title": ("Title", "標題"),
    "packs.col.language": ("Lang", "語言"),
    "packs.col.facts": ("Facts", "事實數"),
    "packs.col.status": ("Status", "狀態"),
    "packs.valid": ("valid", "有效"),
    "packs.invalid": ("errors", "有錯誤"),
    "packs.builtin": ("built in", "內建"),
    "packs.path": ("Path: {path}", "路徑:{path}"),
    "packs.builtin_path": ("Path: built into ali-quiz ({name})", "路徑:ali-quiz 內建({name})"),
    "packs.counts": (
        "events {events} · versions {versions} · figures {metrics} · sequences {sequences}"
        " · questions {questions}",
        "事件 {events} · 版本 {versions} · 數字 {metrics} · 序列 {sequences} · 自訂題 {questions}",
    ),
    "packs.errors": ("Errors (this pack cannot be played):", "錯誤(這個題庫無法遊玩):"),
    "packs.warnings": ("Warnings:", "警告:"),
    "packs.modes": ("Modes: {modes}", "模式:{modes}"),
    "packs.cannot_start": (
        "{pack} has errors and cannot be played: fix them and press r to reload.",
        "{pack} 有錯誤,無法遊玩:修正後按 r 重新載入。",
    ),
    "packs.using": ("Now playing {pack}.", "現在使用 {pack}。"),
    "packs.open_title": ("Open a pack file", "開啟題庫檔案"),
    "packs.open_placeholder": ("path to a .yaml pack", ".yaml 題庫檔案的路徑"),
    "packs.open_button": ("Open", "開啟"),
    "packs.cancel": ("Cancel", "取消"),
    "packs.open_missing": ("No file at {path}.", "找不到檔案 {path}。"),
    "packs.opened": ("Opened {pack}.", "已開啟 {pack}。"),
    "packs.open_invalid": ("{path} has errors: see the list.", "{path} 有錯誤:請看清單。"),
    "packs.preview_title": ("Preview: {pack}", "預覽:{pack}"),
    "packs.preview_kind": ("{kind}: {count} generated", "{kind}:產生 {count} 題"),
    "packs.preview_none": ("{kind}: not enough facts", "{kind}:事實不夠"),
    "packs.preview_play": ("Play this pack", "玩這個題庫"),
    "packs.loading": ("Looking for packs…", "正在尋找題庫…"),
    # Timeline
    "timeline.title": ("Timeline", "時間線"),
    "timeline.tab.timeline": ("Timeline", "時間線"),
    "timeline.tab.figures": ("Figures", "數字"),
    "timeline.tab.versions": ("Versions", "版本"),
    "timeline.tab.sequences": ("Sequences", "序列"),
    "timeline.col.date": ("Date", "日期"),
    "timeline.col.what": ("What", "事件"),
    "timeline.col.figure": ("Figure", "指標"),
    "timeline.col.written": ("Written", "原文寫法"),
    "timeline.col.plain": ("Plain number", "數值"),
    "timeline.col.unit": ("Unit", "單位"),
    "timeline.col.as_of": ("As of", "時間"),
    "timeline.col.product": ("Product", "產品"),
    "timeline.col.version": ("Version", "版本"),
    "timeline.col.codename": ("Codename", "代號"),
    "timeline.undated": ("no date", "無日期"),
    "timeline.source": ("Source: {source}", "出處:{source}"),
    "timeline.no_source": ("(no source sentence)", "(沒有出處句子)"),
    "timeline.empty": ("Nothing of this kind in the pack.", "這個題庫沒有這類事實。"),
    "timeline.highlights": ("Highlights: {items}", "重點:{items}"),
    "timeline.version_event": ("released", "發布"),
    # Settings
    "settings.title": ("Settings", "設定"),
    "settings.player": ("Player name", "玩家名稱"),
    "settings.language": ("Interface language", "介面語言"),
    "settings.language.system": ("Follow the system ({name})", "跟隨系統({name})"),
    "settings.theme": ("Theme", "主題"),
    "settings.count": ("Questions per round", "每回合題數"),
    "settings.count.help": (
        "1 to {max}; used for rounds started from home without a seed or code",
        "1 到 {max};用於從首頁開始、沒有指定種子或代碼的回合",
    ),
    "settings.count.invalid": (
        "Type a whole number from 1 to {max}.",
        "請輸入 1 到 {max} 的整數。",
    ),
    "settings.player.invalid": ("The name cannot be empty.", "名稱不能是空的。"),
    "settings.saved": ("Saved to {path}", "已儲存到 {path}"),
    "settings.save_failed": ("Could not save {path}: {reason}", "無法儲存 {path}:{reason}"),
    # Dialogs
    "code.title": ("Play a round code", "輸入回合代碼"),
    "code.help": (
        "A teacher's code such as 7Q3K-9MXA-2TBC gives everyone the same round.",
        "老師給的代碼(例如 7Q3K-9MXA-2TBC)讓每個人玩同一回合。",
    ),
    "code.placeholder": ("round code", "回合代碼"),
    "code.play": ("Play", "開始"),
    "code.other_version": (
        "This code was made for another version of {pack}: ask for the same pack file.",
        "這個代碼是為另一個版本的 {pack} 產生的:請取得同一份題庫檔案。",
    ),
    "code.error": ("{reason}", "代碼無法使用:{reason}"),
    # A round that cannot be made (roundspec.RoundSpecError)
    "round.pack_missing": ("{reason}", "找不到題庫:{reason}"),
    "round.pack_invalid": (
        "the pack {pack} is not valid:\n{problems}",
        "題庫 {pack} 有錯誤:\n{problems}",
    ),
    "round.no_review": (
        "no mistakes to review yet: play a few rounds first, then review what you missed",
        "還沒有可複習的錯題:先玩幾個回合,再來複習答錯的題目",
    ),
    "round.cannot_make": ("{reason}", "無法產生這個回合:{reason}"),
    "round.no_questions": (
        "the pack {pack!r} gives no {mode} question: add facts (see `ali-quiz validate` for what"
        " each kind needs)",
        "題庫 {pack!r} 產生不出{mode}題目:請加入更多事實"
        "(用 `ali-quiz validate` 查看每種題型需要什麼)",
    ),
    "confirm.yes": ("Yes", "是"),
    "confirm.no": ("No", "否"),
    # Commands in the palette
    "command.home": ("Go home", "回首頁"),
    "command.home.help": ("The home screen", "首頁"),
    "command.timeline.help": ("Study the pack's facts along a timeline", "依時間線瀏覽題庫的事實"),
    "command.history.help": (
        "Rounds played, trends, weakest facts",
        "玩過的回合、趨勢、最弱的事實",
    ),
    "command.packs.help": ("Every pack found; open one from a file", "所有題庫;從檔案開啟"),
    "command.settings.help": (
        "Player, language, theme, questions per round",
        "玩家、語言、主題、題數",
    ),
    "command.code.help": ("Play the round a teacher gave you", "玩老師給的回合"),
    "command.play": ("Play: {mode}", "開始:{mode}"),
    "command.play.help": ("Start a round with {pack}", "用 {pack} 開始一回合"),
    # Plain mode
    "plain.header": (
        "{pack} · {mode} · {count} questions",
        "{pack} · {mode} · {count} 題",
    ),
    "plain.code": ("Round code: {code}", "回合代碼:{code}"),
    "plain.instructions": (
        'Type your answer and press enter; "skip" or "?" skips a question, "quit" stops.',
        "輸入答案後按 enter;「skip」或「?」跳過一題,「quit」結束。",
    ),
    "plain.question": (
        "Question {position}/{count} · {kind} · {points} points",
        "第 {position}/{count} 題 · {kind} · {points} 分",
    ),
    "plain.ask.choice": ("Answer with one letter, e.g. B:", "請回答一個字母,例如 B:"),
    "plain.ask.order": (
        "Answer with every letter once, earliest first, e.g. {example}:",
        "請把每個字母各寫一次,最早的在前,例如 {example}:",
    ),
    "plain.ask.match": (
        "Answer with every number and a letter, e.g. {example}:",
        "請寫出每個數字配一個字母,例如 {example}:",
    ),
    "plain.ask.estimate": (
        "Answer with a number (a bare number is in {unit}), e.g. 2億 or 76.1M:",
        "請回答一個數字(只寫數字時單位是{unit}),例如 2億 或 76.1M:",
    ),
    "plain.ask.estimate_nounit": (
        "Answer with a number, e.g. 2億 or 76.1M:",
        "請回答一個數字,例如 2億 或 76.1M:",
    ),
    "plain.ask.text": ("Type your answer:", "請輸入答案:"),
    "plain.ask.multi": (
        "Answer with every letter that applies, in any order, e.g. AC:",
        "請寫出所有符合的字母,順序不拘,例如 AC:",
    ),
    "plain.passage": ("Read this first:", "請先閱讀:"),
    "plain.feedback": ("On {option}: {feedback}", "關於「{option}」:{feedback}"),
    "plain.result": ("{verdict} {points}/{max} points.", "{verdict} {points}/{max} 分。"),
    "plain.answer": ("Answer: {answer}", "正確答案:{answer}"),
    "plain.source": ("Source: {source}", "出處:{source}"),
    "plain.ended": (
        "Round ended after {done} of {count} questions.",
        "回合結束:完成 {done}/{count} 題。",
    ),
    # Malformed answers (plain mode and the TUI's inputs)
    "answer.empty": (
        "The answer is empty: type it, or skip.",
        "答案是空的:請輸入答案,或輸入 skip 跳過。",
    ),
    "answer.choice.one": (
        "Answer with one letter from {letters}.",
        "請只回答一個字母,從 {letters} 中選。",
    ),
    "answer.not_offered": (
        "{letter} is not offered: use {letters}.",
        "沒有 {letter} 這個選項:請用 {letters}。",
    ),
    "answer.order.repeated": (
        "{letter} appears twice: use every letter once.",
        "{letter} 重複了:每個字母只能用一次。",
    ),
    "answer.order.missing": (
        "{letters} missing: use every letter once.",
        "少了 {letters}:每個字母都要用一次。",
    ),
    "answer.order.bad": (
        "Write the letters {letters} in order, e.g. {example}.",
        "請依順序寫出字母 {letters},例如 {example}。",
    ),
    # --- Class mode (ali-quiz serve): a browser tab's join screen ---
    "join.title": ("Join the class", "加入課堂"),
    "join.round": (
        "{pack} · {mode} · {count} questions · code {code}",
        "{pack} · {mode} · {count} 題 · 代碼 {code}",
    ),
    "join.name": ("Your name", "你的名字"),
    "join.name_placeholder": ("the name your teacher will see", "老師會看到的名字"),
    "join.code": (
        "Rejoin code (only when you come back to your round)",
        "重新加入碼(回到自己的回合時才需要)",
    ),
    "join.code_placeholder": ("e.g. 7QK4", "例如 7QK4"),
    "join.join": ("Join", "加入"),
    "join.playing_as": ("You play as [b]$name[/b]", "你的名字:[b]$name[/b]"),
    "join.your_code": ("Your rejoin code: [b]$code[/b]", "你的重新加入碼:[b]$code[/b]"),
    "join.code_help": (
        "Write it down: if this tab closes, open the class link again and enter your name"
        " and this code to carry on where you were.",
        "請記下來:如果這個分頁關掉了,再開一次課堂連結,輸入你的名字和這個碼,就能從中斷的地方繼續。",
    ),
    "join.ready": ("Ready when you are.", "準備好就開始吧。"),
    "join.start": ("Start the round", "開始回合"),
    "join.carry_on": ("Carry on", "繼續"),
    "join.carry_on_help": (
        "Your round is waiting at your first unanswered question.",
        "你的回合停在第一個還沒回答的題目。",
    ),
    "join.finished": (
        "You finished the class's round: {score}/{max}. You can close this tab.",
        "你完成了這堂課的回合:{score}/{max}。可以關掉這個分頁了。",
    ),
    "join.only_class_round": (
        "In class, only the class's round is played.",
        "課堂上只玩這堂課的回合。",
    ),
    "join.refused.empty": ("Type your name first.", "請先輸入你的名字。"),
    "join.refused.taken": (
        "Someone in this class already uses the name {name}. If it is you, enter your rejoin"
        " code too; otherwise pick another name.",
        "這堂課已經有人用「{name}」這個名字。如果是你,請一併輸入重新加入碼;否則請換個名字。",
    ),
    "join.refused.wrong_code": (
        "That is not the rejoin code of {name}.",
        "這不是「{name}」的重新加入碼。",
    ),
    "join.refused.open_elsewhere": (
        "{name} is playing in another open tab: close that tab first.",
        "「{name}」正在另一個分頁裡作答:請先關掉那個分頁。",
    ),
    "join.refused.too_many_tries": (
        "Too many wrong rejoin codes: ask your teacher, or pick another name.",
        "重新加入碼錯太多次了:請問老師,或換個名字。",
    ),
    "join.refused.seated": ("This tab already has a name.", "這個分頁已經有名字了。"),
    "join.server_gone": (
        "The class server did not answer ({reason}). Ask your teacher.",
        "課堂伺服器沒有回應({reason})。請問老師。",
    ),
    "join.no_history": (
        "The teacher's machine cannot record answers right now. Ask your teacher.",
        "老師的電腦目前無法記錄答案。請問老師。",
    ),
    # --- ali-quiz serve: the teacher's side and the pages it serves ---
    "serve.page.refused_title": ("This class needs its link", "這堂課需要它的連結"),
    "serve.page.refused_body": (
        "Open the link your teacher gave, with its token (the part after ?token=).",
        "請打開老師給的完整連結,包含它的 token(?token= 之後的部分)。",
    ),
    "serve.page.full_title": ("This class is full", "這堂課已經滿了"),
    "serve.page.full_body": (
        "{count} players are already connected. Ask your teacher, then try again.",
        "已經有 {count} 位玩家連線了。請問老師,再試一次。",
    ),
    "serve.page.ended": ("This tab's session ended.", "這個分頁的連線結束了。"),
    "serve.page.restart": ("Join again", "重新加入"),
    "serve.intro.round": (
        "Class round: {pack} · {mode} · {count} questions",
        "課堂回合:{pack} · {mode} · {count} 題",
    ),
    "serve.intro.code": (
        "Round code: {code} (afterwards: ali-quiz report --code {code})",
        "回合代碼:{code}(結束後:ali-quiz report --code {code})",
    ),
    "serve.intro.url": ("Join: {url}", "加入:{url}"),
    "serve.intro.lan_warning": (
        "Warning: anyone on this network who has the link can join this class.",
        "注意:這個網路上任何拿到連結的人都能加入這堂課。",
    ),
    "serve.plain.ready": (
        "Serving the class; SIGINT (Ctrl+C) ends it with every answer kept.",
        "課堂進行中;SIGINT(Ctrl+C)結束課堂,所有答案都會保留。",
    ),
    "serve.event.joined": ("joined: {name}", "加入:{name}"),
    "serve.event.rejoined": ("came back: {name}", "回來了:{name}"),
    "serve.event.left": ("tab closed: {name}", "分頁關閉:{name}"),
    "serve.event.idle": (
        "a tab idle for 30 minutes ended: {name}",
        "閒置 30 分鐘的分頁已結束:{name}",
    ),
    "serve.event.full": ("a tab was refused: the class is full", "有分頁被拒:課堂已滿"),
    "serve.log.answer": (
        "{name} answered question {position}: {points}/{max}",
        "{name} 回答了第 {position} 題:{points}/{max}",
    ),
    "serve.log.skipped": ("{name} skipped question {position}", "{name} 跳過了第 {position} 題"),
    "serve.log.finished": ("{name} finished: {score}/{max}", "{name} 完成了:{score}/{max}"),
    "serve.summary": (
        "Class ended: {joined} players, {finished} finished.",
        "課堂結束:{joined} 位玩家,{finished} 位完成。",
    ),
    "serve.ended": (
        "Every answer is in the history: ali-quiz report --code {code}",
        "所有答案都在歷史紀錄裡:ali-quiz report --code {code}",
    ),
    "serve.board.title": (
        "ali-quiz class · {code} · {pack} · {mode} · {count} questions",
        "ali-quiz 課堂 · {code} · {pack} · {mode} · {count} 題",
    ),
    "serve.board.counts": (
        "{joined} joined · {connected} connected (at most {max}) · {finished} finished",
        "{joined} 人加入 · {connected} 人連線(最多 {max})· {finished} 人完成",
    ),
    "serve.board.col.name": ("Player", "玩家"),
    "serve.board.col.question": ("Question", "題目"),
    "serve.board.col.score": ("Score", "分數"),
    "serve.board.col.state": ("State", "狀態"),
    "serve.board.finished": ("finished", "完成"),
    "serve.board.playing": ("playing", "作答中"),
    "serve.board.away": ("tab closed", "分頁已關"),
    "serve.board.answers": ("answered: {count}", "作答:{count}"),
    "serve.board.waiting": (
        "Waiting for the class: students open the link above (or scan the code).",
        "等待學生加入:請學生打開上面的連結(或掃描 QR 碼)。",
    ),
    "serve.board.ending": ("Ending the class…", "正在結束課堂…"),
    "serve.key.end": ("End the class", "結束課堂"),
    "serve.key.qr": ("QR code", "QR 碼"),
    "answer.match.bad": (
        "Write each number with a letter, e.g. {example}.",
        "請寫出每個數字配一個字母,例如 {example}。",
    ),
    "answer.match.number_not_offered": (
        "There is no item {number}: use {numbers}.",
        "沒有第 {number} 項:請用 {numbers}。",
    ),
    "answer.match.number_repeated": ("{number} is paired twice.", "{number} 配對了兩次。"),
    "answer.match.number_missing": (
        "{numbers} not paired: pair every number.",
        "{numbers} 還沒配對:每個數字都要配對。",
    ),
    "answer.match.letter_reused": (
        "{letter} is used twice: each number needs a different letter.",
        "{letter} 用了兩次:每個數字要配不同的字母。",
    ),
    "answer.multi.repeated": (
        "{letter} appears twice: write each letter that applies once.",
        "{letter} 重複了:每個符合的字母只寫一次。",
    ),
    "answer.multi.bad": (
        "Write the letters that apply, from {letters}, e.g. AC.",
        "請寫出符合的字母,從 {letters} 中選,例如 AC。",
    ),
    "answer.estimate.bad": ("{reason}", "無法讀成數字。({reason})"),
    "answer.estimate.percent": (
        "This figure is in {unit}, not a percentage: write it without %.",
        "這個數字的單位是{unit},不是百分比:請不要加 %。",
    ),
}

STRINGS: Mapping[str, tuple[str, str]] = MappingProxyType(_TABLE)


@dataclass(frozen=True)
class Translator:
    """The strings of one interface language: `tr("play.score", score=3, max=5)`."""

    language: str

    def __call__(self, key: str, /, **values: object) -> str:
        english, chinese = STRINGS[key]
        text = chinese if self.language == "zh-Hant" else english
        return text.format(**values)

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.language, self.language)


def translator(language: str | None) -> Translator:
    """A Translator for a language tag (anything unknown gets English)."""
    chosen = language if language in LANGUAGES else normalize_language(language)
    return Translator(chosen or DEFAULT_LANGUAGE)
