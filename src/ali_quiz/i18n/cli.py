"""The command line's texts that a person reads: tables, summaries, usage errors.

What PRODUCT.md fixes for programs (plain mode's last line `Score: x/y`, JSON, CSV headers)
is not here: it stays as it is in every language.
"""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    # argparse's own messages (cli.py words them through argparse's gettext hook)
    "cli.usage": ("usage: ", "用法："),
    "cli.error": (
        "{prog}: error: {message}\n(see {prog} --help)\n",
        "{prog}：錯誤：{message}\n（請看 {prog} --help）\n",
    ),
    "cli.argparse.argument": (
        "argument %(argument_name)s: %(message)s",
        "參數 %(argument_name)s：%(message)s",
    ),
    "cli.argparse.invalid_choice": (
        "invalid choice: %(value)r (choose from %(choices)s)",
        "不是可選的值：%(value)r（可選：%(choices)s）",
    ),
    "cli.argparse.invalid_type": (
        "invalid %(type)s value: %(value)r",
        "不是有效的 %(type)s 值：%(value)r",
    ),
    "cli.argparse.required": ("the following arguments are required: %s", "缺少這些參數：%s"),
    "cli.argparse.unrecognized": ("unrecognized arguments: %s", "不認得的參數：%s"),
    "cli.argparse.not_allowed": ("not allowed with argument %s", "不能和參數 %s 一起用"),
    "cli.argparse.one_argument": ("expected one argument", "需要一個值"),
    "cli.argparse.at_most_one": ("expected at most one argument", "最多只能有一個值"),
    "cli.argparse.at_least_one": ("expected at least one argument", "至少需要一個值"),
    "cli.argparse.one_required": ("one of the arguments %s is required", "%s 之中必須給一個"),
    "cli.argparse.ambiguous": (
        "ambiguous option: %(option)s could match %(matches)s",
        "選項不明確：%(option)s 可能是 %(matches)s",
    ),
    "cli.argparse.ignored": ("ignored explicit argument %r", "多給的值 %r 不能用"),
    # Values refused as they are parsed (argtypes.py)
    "cli.arg.whole": (
        "{what} must be a whole number from {low} to {high}, not {value}",
        "{what} 必須是 {low} 到 {high} 的整數，不是 {value}",
    ),
    "cli.arg.empty": ("{what} may not be empty", "{what} 不能是空的"),
    "cli.arg.date": (
        "--date must be a day written YYYY-MM-DD (like 2020-02-28), not {value}",
        "--date 必須是寫成 YYYY-MM-DD 的日期（例如 2020-02-28），不是 {value}",
    ),
    "cli.arg.code": (
        "--code must be a round code like 0AZF-E3RG-1Z8D, not {value}",
        "--code 必須是像 0AZF-E3RG-1Z8D 這樣的回合代碼，不是 {value}",
    ),
    # `ali-quiz history`
    "cli.history.col.id": ("#", "#"),
    "cli.history.col.started": ("Started", "開始時間"),
    "cli.history.col.player": ("Player", "玩家"),
    "cli.history.col.pack": ("Pack", "題庫"),
    "cli.history.col.mode": ("Mode", "模式"),
    "cli.history.col.score": ("Score", "得分"),
    "cli.history.col.percent": ("%", "%"),
    "cli.history.col.time": ("Time", "用時"),
    "cli.history.col.finished": ("Finished", "完成"),
    "cli.history.yes": ("yes", "是"),
    "cli.history.no": ("no ({answered} answered)", "否（答了 {answered} 題）"),
    "cli.history.none": (
        "No rounds yet: play one with `ali-quiz` or `ali-quiz play`.",
        "還沒有回合：用 `ali-quiz` 或 `ali-quiz play` 玩一回合吧。",
    ),
    "cli.history.no_player": (
        "No rounds of the player {player}: players in the history: {players}.",
        "沒有玩家 {player} 的回合；紀錄裡的玩家：{players}。",
    ),
    "cli.history.no_pack_yet": (
        "No rounds of the pack {name} yet: play one with `ali-quiz play --pack {pack}`.",
        "還沒有題庫 {name} 的回合：用 `ali-quiz play --pack {pack}` 玩一回合吧。",
    ),
    "cli.history.no_pack_player_yet": (
        "No rounds of the pack {name} by {player} yet: play one with"
        " `ali-quiz play --pack {pack}`.",
        "{player} 還沒有題庫 {name} 的回合：用 `ali-quiz play --pack {pack}` 玩一回合吧。",
    ),
    "cli.history.unknown_pack": (
        "no rounds of the pack {pack}: {error}; packs in the history: {packs}",
        "沒有題庫 {pack} 的回合：{error}；紀錄裡的題庫：{packs}",
    ),
    "cli.history.nothing": ("none", "沒有"),
    "cli.history.unreadable": (
        "the score history cannot be read (see the warning above)",
        "無法讀取成績紀錄（見上面的警告）",
    ),
    # `ali-quiz packs`
    "cli.packs.col.id": ("id", "代號"),
    "cli.packs.col.title": ("title", "標題"),
    "cli.packs.col.language": ("language", "語言"),
    "cli.packs.col.counts": ("ev/st/ver/met/seq/q", "事件/狀態/版本/數字/序列/自訂題"),
    "cli.packs.col.state": ("state", "狀態"),
    "cli.packs.col.path": ("path", "路徑"),
    "cli.packs.builtin": ("built in", "內建"),
    "cli.packs.ok": ("ok", "有效"),
    "cli.packs.invalid": ("INVALID", "無效"),
    "cli.packs.warning": ("{path}: warning: {warning}", "{path}：警告：{warning}"),
    # `ali-quiz validate`
    "cli.validate.valid": (
        '{path}: valid: {id} "{title}" ({language}): {counts}; modes: {modes}',
        "{path}：有效：{id}「{title}」（{language}）：{counts}；模式：{modes}",
    ),
    "cli.validate.no_modes": (
        "none (too few facts for any round of three: see the warnings)",
        "沒有（事實太少，出不了三題的回合：見警告）",
    ),
    "cli.validate.invalid": (
        "{path}: invalid ({count} problems)",
        "{path}：無效（{count} 個問題）",
    ),
    "cli.validate.invalid_one": ("{path}: invalid (1 problem)", "{path}：無效（1 個問題）"),
    "cli.validate.no_files": (
        "{where}: no pack files ({suffixes}) here",
        "{where}：這裡沒有題庫檔（{suffixes}）",
    ),
    "cli.validate.watching": (
        "Watching for changes (Ctrl+C to stop)…",
        "正在監看變更（按 Ctrl+C 停止）…",
    ),
    "cli.count.events": ("{n} events", "事件 {n}"),
    "cli.count.events_one": ("1 event", "事件 1"),
    "cli.count.states": ("{n} states", "狀態 {n}"),
    "cli.count.states_one": ("1 state", "狀態 1"),
    "cli.count.versions": ("{n} versions", "版本 {n}"),
    "cli.count.versions_one": ("1 version", "版本 1"),
    "cli.count.metrics": ("{n} metrics", "數字 {n}"),
    "cli.count.metrics_one": ("1 metric", "數字 1"),
    "cli.count.sequences": ("{n} sequences", "序列 {n}"),
    "cli.count.sequences_one": ("1 sequence", "序列 1"),
    "cli.count.questions": ("{n} questions", "自訂題 {n}"),
    "cli.count.questions_one": ("1 question", "自訂題 1"),
}
