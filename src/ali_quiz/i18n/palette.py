"""The interface strings of the command palette that Textual would otherwise say in English:
its search box, "No matches found", the system commands ali-quiz keeps (theme, help, quit), and
the commands ali-quiz adds.
"""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    "palette.search": ("Search for commands…", "搜尋指令…"),
    "palette.search_themes": ("Search for themes…", "搜尋佈景主題…"),
    "palette.no_matches": ("No matches found", "找不到符合的指令"),
    "palette.theme": ("Theme", "佈景主題"),
    "palette.theme.help": ("Change the current theme", "更換目前的佈景主題"),
    "palette.help": ("Keys", "按鍵"),
    "palette.help.help": ("Every key of this screen", "這個畫面的所有按鍵"),
    "palette.quit": ("Quit", "離開"),
    "palette.quit.help": (
        "Quit ali-quiz (in a round, it asks first)",
        "離開 ali-quiz（回合進行中會先確認）",
    ),
    # The commands ali-quiz adds to it (tui/commands.py)
    # Commands in the palette
    "command.home": ("Go home", "回首頁"),
    "command.home.help": ("The home screen", "首頁"),
    "command.timeline.help": ("Study the pack's facts along a timeline", "依時間線瀏覽題庫的事實"),
    "command.history.help": (
        "Rounds played, trends, weakest facts",
        "玩過的回合、趨勢、最弱的事實",
    ),
    "command.packs.help": ("Every pack found; open one from a file", "所有題庫；從檔案開啟"),
    "command.settings.help": (
        "Player, language, theme, questions per round",
        "玩家、語言、主題、題數",
    ),
    "command.code.help": ("Play the round a teacher gave you", "玩老師給的回合"),
    "command.play": ("Play: {mode}", "開始：{mode}"),
    "command.play.help": ("Start a round with {pack}", "用 {pack} 開始一回合"),
    # A round's keys in the palette: what each does, then its key
    "command.round_key": ("{help} (key {key})", "{help}（按鍵 {key}）"),
    "command.skip.help": (
        "Give up this question: 0 points, and the answer is shown",
        "放棄這一題：0 分，並顯示正確答案",
    ),
    "command.next.help": (
        "Go on to the next question, or to the results after the last",
        "前往下一題；最後一題之後看結果",
    ),
    "command.leave.help": (
        "Leave the round: it asks first, and the answers given are kept",
        "離開這一回合：會先確認，已作答的答案會保留",
    ),
    "command.submit.help": ("Submit your answer", "送出你的答案"),
    "command.undo.help": ("Take back the last pairing step", "取消上一步配對"),
    "command.toggle_highlighted.help": (
        "Tick or untick the highlighted option",
        "勾選或取消勾選反白的選項",
    ),
    "command.grab.help": (
        "Pick up the highlighted item to move it, or put it down",
        "拿起反白的項目來移動，或把它放下",
    ),
}
