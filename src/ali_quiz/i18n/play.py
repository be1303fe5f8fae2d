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
}
