"""The interface strings of a class in the browser: the join screen, the board, serve's output."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    "join.title": ("Join the class", "加入課堂"),
    "join.round": (
        "{pack} · {mode} · {count} questions · code {code}",
        "{pack} · {mode} · {count} 題 · 代碼 {code}",
    ),
    "join.name": ("Your name", "你的名字"),
    "join.name_placeholder": ("the name your teacher will see", "老師會看到的名字"),
    "join.code": (
        "Rejoin code (only when you come back to your round)",
        "重新加入碼（回到自己的回合時才需要）",
    ),
    "join.code_placeholder": ("e.g. 7QK4", "例如 7QK4"),
    "join.join": ("Join", "加入"),
    "join.playing_as": ("You play as [b]$name[/b]", "你的名字：[b]$name[/b]"),
    "join.your_code": ("Your rejoin code: [b]$code[/b]", "你的重新加入碼：[b]$code[/b]"),
    "join.code_help": (
        "Write it down: if this tab closes, open the class link again and enter your name and"
        " this code to carry on where you were.",
        "請記下來：如果這個分頁關掉了，再開一次課堂連結，輸入你的名字和這個碼，就能從中斷的地方繼續。",
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
        "你完成了這堂課的回合：{score}/{max}。可以關掉這個分頁了。",
    ),
    "join.only_class_round": (
        "In class, only the class's round is played.",
        "課堂上只玩這堂課的回合。",
    ),
    "join.refused.empty": ("Type your name first.", "請先輸入你的名字。"),
    "join.refused.taken": (
        "Someone in this class already uses the name {name}. If it is you, enter your rejoin"
        " code too; otherwise pick another name.",
        "這堂課已經有人用「{name}」這個名字。如果是你，請一併輸入重新加入碼；否則請換個名字。",
    ),
    "join.refused.wrong_code": (
        "That is not the rejoin code of {name}.",
        "這不是「{name}」的重新加入碼。",
    ),
    "join.refused.open_elsewhere": (
        "{name} is playing in another open tab: close that tab first.",
        "「{name}」正在另一個分頁裡作答：請先關掉那個分頁。",
    ),
    "join.refused.too_many_tries": (
        "Too many wrong rejoin codes: ask your teacher, or pick another name.",
        "重新加入碼錯太多次了：請問老師，或換個名字。",
    ),
    "join.refused.seated": ("This tab already has a name.", "這個分頁已經有名字了。"),
    "join.server_gone": (
        "The class server did not answer ({reason}). Ask your teacher.",
        "課堂伺服器沒有回應（{reason}）。請問老師。",
    ),
    "join.no_history": (
        "The teacher's machine cannot record answers right now. Ask your teacher.",
        "老師的電腦目前無法記錄答案。請問老師。",
    ),
    "serve.page.refused_title": ("This class needs its link", "這堂課需要它的連結"),
    "serve.page.refused_body": (
        "Open the link your teacher gave, with its token (the part after ?token=).",
        "請打開老師給的完整連結，包含它的 token（?token= 之後的部分）。",
    ),
    "serve.page.full_title": ("This class is full", "這堂課已經滿了"),
    "serve.page.full_body": (
        "{count} players are already connected. Ask your teacher, then try again.",
        "已經有 {count} 位玩家連線了。請問老師，再試一次。",
    ),
    "serve.page.ended": ("This tab's session ended.", "這個分頁的連線結束了。"),
    "serve.page.restart": ("Join again", "重新加入"),
    "serve.intro.round": (
        "Class round: {pack} · {mode} · {count} questions",
        "課堂回合：{pack} · {mode} · {count} 題",
    ),
    "serve.intro.code": (
        "Round code: {code} (afterwards: ali-quiz report --code {code})",
        "回合代碼：{code}（結束後：ali-quiz report --code {code}）",
    ),
    "serve.intro.url": ("Join: {url}", "加入：{url}"),
    "serve.intro.lan_warning": (
        "Warning: anyone on this network who has the link can join this class.",
        "注意：這個網路上任何拿到連結的人都能加入這堂課。",
    ),
    "serve.plain.ready": (
        "Serving the class; SIGINT (Ctrl+C) ends it with every answer kept.",
        "課堂進行中；SIGINT（Ctrl+C）結束課堂，所有答案都會保留。",
    ),
    "serve.event.joined": ("joined: {name}", "加入：{name}"),
    "serve.event.rejoined": ("came back: {name}", "回來了：{name}"),
    "serve.event.left": ("tab closed: {name}", "分頁關閉：{name}"),
    "serve.event.idle": (
        "a tab idle for 30 minutes ended: {name}",
        "閒置 30 分鐘的分頁已結束：{name}",
    ),
    "serve.event.full": ("a tab was refused: the class is full", "有分頁被拒：課堂已滿"),
    "serve.log.answer": (
        "{name} answered question {position}: {points}/{max}",
        "{name} 回答了第 {position} 題：{points}/{max}",
    ),
    "serve.log.skipped": ("{name} skipped question {position}", "{name} 跳過了第 {position} 題"),
    "serve.log.finished": ("{name} finished: {score}/{max}", "{name} 完成了：{score}/{max}"),
    "serve.summary": (
        "Class ended: {joined} players, {finished} finished.",
        "課堂結束：{joined} 位玩家，{finished} 位完成。",
    ),
    "serve.ended": (
        "Every answer is in the history: ali-quiz report --code {code}",
        "所有答案都在歷史紀錄裡：ali-quiz report --code {code}",
    ),
    "serve.board.title": (
        "ali-quiz class · {code} · {pack} · {mode} · {count} questions",
        "ali-quiz 課堂 · {code} · {pack} · {mode} · {count} 題",
    ),
    "serve.board.counts": (
        "{joined} joined · {connected} connected (at most {max}) · {finished} finished",
        "{joined} 人加入 · {connected} 人連線（最多 {max}）· {finished} 人完成",
    ),
    "serve.board.col.name": ("Player", "玩家"),
    "serve.board.col.question": ("Question", "題目"),
    "serve.board.col.score": ("Score", "分數"),
    "serve.board.col.state": ("State", "狀態"),
    "serve.board.finished": ("finished", "完成"),
    "serve.board.playing": ("playing", "作答中"),
    "serve.board.away": ("tab closed", "分頁已關"),
    "serve.board.answers": ("answered: {count}", "作答：{count}"),
    "serve.board.waiting": (
        "Waiting for the class: students open the link above (or scan the code).",
        "等待學生加入：請學生打開上面的連結（或掃描 QR 碼）。",
    ),
    "serve.board.ending": ("Ending the class…", "正在結束課堂…"),
    "serve.key.end": ("End the class", "結束課堂"),
    "serve.key.qr": ("QR code", "QR 碼"),
}
