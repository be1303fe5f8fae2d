"""The interface strings of near-miss coaching (`quiz.coaching`: a code and its values)."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    "coach.estimate.low": ("{percent}% low.", "低了 {percent}%。"),
    "coach.estimate.high": ("{percent}% high.", "高了 {percent}%。"),
    "coach.estimate.times_low": (
        "About {times} times too low.",
        "太低了：答案約是你的 {times} 倍。",
    ),
    "coach.estimate.times_high": (
        "About {times} times too high.",
        "太高了：約是答案的 {times} 倍。",
    ),
    "coach.text.typo": (
        "One letter off: {answer} (spelling accepted).",
        "差了一個字：{answer}（拼寫仍算對）。",
    ),
    "coach.text.near": ("One letter off: {answer}.", "只差一個字：{answer}。"),
    "coach.order.swap": (
        "Only “{first}” and “{second}” are swapped.",
        "只有「{first}」和「{second}」的順序對調了。",
    ),
    "coach.match.crossed": (
        "Two pairs crossed: “{first}” and “{second}” swapped their answers.",
        "兩組配對交叉了：「{first}」和「{second}」的答案互換了。",
    ),
}
