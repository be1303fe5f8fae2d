"""The interface strings of the results screen (the score against the player's last and best,
time, accuracy by kind, the share text). The home screen's progress panel speaks from `app`,
with the rest of home (its strings are read before the first frame)."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    # Results: the score beside the big percentage
    "results.points": ("{score}/{max} points", "{score}/{max} 分"),
    "results.change.up": (
        "▲ +{points} on your last round ({last})",
        "▲ 比上回合（{last}）進步 {points}",
    ),
    "results.change.down": (
        "▼ −{points} on your last round ({last})",
        "▼ 比上回合（{last}）退步 {points}",
    ),
    "results.change.same": ("= same as your last round ({last})", "= 和上回合（{last}）一樣"),
    "results.compare": ("{change} · best {best}", "{change} · 最佳 {best}"),
    "results.new_best": ("★ New best! Your best was {best}", "★ 新紀錄！之前最佳 {best}"),
    "results.first": (
        "Your first round of this mode on this pack",
        "這是你在這個題庫第一次玩這個模式",
    ),
    "results.comparing": ("Comparing with your earlier rounds…", "正在和你先前的回合比較…"),
    "results.no_history": (
        "The history is off: nothing to compare with",
        "沒有歷史紀錄，無從比較",
    ),
    "results.mistakes_round": (
        "A round of your mistakes, options in a new order: not compared",
        "錯題回合，選項已重新排列：不做比較",
    ),
    "results.review_round": (
        "Review rounds ask different facts each time: not compared",
        "複習回合每次問的事實不同，不做比較",
    ),
    "results.seconds": ("{seconds} s", "{seconds} 秒"),
    "results.time": (
        "Answering took {total} · {each} a question",
        "作答共 {total} · 每題 {each}",
    ),
    "results.kinds": ("By kind", "各題型"),
    "results.col.time": ("Time", "用時"),
    # Results: sharing
    "results.share": (
        "ali-quiz · {pack} · {mode} · {score}/{max} ({percent}%) {marks}{code}",
        "ali-quiz · {pack} · {mode} · {score}/{max} 分（{percent}%）{marks}{code}",
    ),
    "results.share_code": (" · {code}", " · 代碼 {code}"),
    "results.share_label": ("Share", "分享"),
    "results.copied": (
        "Share text copied. If your terminal keeps the clipboard to itself, select the line"
        " on screen instead.",
        "已複製分享文字。若終端機不讓程式使用剪貼簿，請直接選取畫面上的那一行。",
    ),
    # Results: keys
    "results.key.play_again": ("Play again", "再來一回合"),
    "results.key.replay": ("Replay", "重玩這回合"),
    "results.key.copy": ("Copy share text", "複製分享文字"),
}
