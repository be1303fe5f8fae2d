"""The interface strings of the round being played: the status line, the answers' marks and
the feedback (the older play and feedback keys are in `app`)."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    "play.streak": ("{count} in a row", "連對 {count} 題"),
    # No space after the label in Chinese: the sentence runs on from it.
    "feedback.source_label": ("Source: ", "出處："),
    "play.scroll_source": ("↑↓ scroll the source", "↑↓ 捲動出處"),
    "play.estimate.answer": ("Answer: {answer}", "正確答案：{answer}"),
    "play.estimate.in_unit": (
        "(This question counts in {unit}.)",
        "（這一題以「{unit}」為單位。）",
    ),
    "play.estimate.said": ("you said {value}", "你答 {value}"),
    "play.text.accepted": ("Accepted: {answers}", "可接受的答案：{answers}"),
    "play.text.said": ("you said {value}", "你答 {value}"),
    "play.strip": (
        "Answers so far: ✓ right, ◐ partly right, ✗ wrong, → skipped, · not yet",
        "目前的作答：✓ 答對、◐ 部分答對、✗ 答錯、→ 跳過、· 還沒作答",
    ),
    # Options of a round that do not fit together (roundspec.UsageError, exit status 2)
    "round.usage.date": (
        "--date {date} is not a date: write YYYY-MM-DD",
        "--date {date} 不是日期：請寫成 YYYY-MM-DD",
    ),
    "round.usage.seed_and_code": (
        "give --seed or --code, not both",
        "請給 --seed 或 --code，不要兩個都給",
    ),
    "round.usage.seed": (
        "--seed takes a whole number from 0 to {max}",
        "--seed 要是 0 到 {max} 的整數",
    ),
    "round.usage.count": ("--count takes a number from 1 to {max}", "--count 要是 1 到 {max} 的數"),
    "round.usage.mode": (
        "unknown mode {mode}: use one of {modes}",
        "沒有 {mode} 這個模式：請用 {modes} 其中之一",
    ),
    "round.usage.code_mode": (
        "a round code fixes the mode: leave out --mode",
        "回合代碼已經決定了模式：請拿掉 --mode",
    ),
    "round.usage.code_count": (
        "a round code fixes the number of questions: leave out --count",
        "回合代碼已經決定了題數：請拿掉 --count",
    ),
    "round.usage.daily_seed": (
        "the daily round is the same for everyone on a date: leave out --seed",
        "每日挑戰在同一天對每個人都一樣：請拿掉 --seed",
    ),
    "round.usage.review_seed": (
        "a review round is built from your history: leave out --seed",
        "複習回合是從你的紀錄產生的：請拿掉 --seed",
    ),
}
