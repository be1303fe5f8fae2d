"""The interface strings of plain mode and of malformed answers (plain mode and the TUI)."""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    # Plain mode
    "plain.header": (
        "{pack} · {mode} · {count} questions",
        "{pack} · {mode} · {count} 題",
    ),
    "plain.header_one": ("{pack} · {mode} · 1 question", "{pack} · {mode} · 1 題"),
    "plain.code": ("Round code: {code}", "回合代碼：{code}"),
    "plain.instructions": (
        'Type your answer and press enter; "skip" or "?" skips a question, "quit" stops.',
        "輸入答案後按 enter；「skip」或「?」跳過一題，「quit」結束。",
    ),
    "plain.question": (
        "Question {position}/{count} · {kind} · {points} points",
        "第 {position}/{count} 題 · {kind} · {points} 分",
    ),
    "plain.ask.choice": ("Answer with one letter, e.g. B:", "請回答一個字母，例如 B："),
    "plain.ask.order": (
        "Answer with every letter once, earliest first, e.g. {example}:",
        "請把每個字母各寫一次，最早的在前，例如 {example}：",
    ),
    "plain.ask.match": (
        "Answer with every number and a letter, e.g. {example}:",
        "請寫出每個數字配一個字母，例如 {example}：",
    ),
    "plain.ask.estimate": (
        "Answer with a number (a bare number is in {unit}), e.g. {examples}:",
        "請回答一個數字（只寫數字時單位是{unit}），例如 {examples}：",
    ),
    "plain.ask.estimate_percent": (
        "Answer with a percentage (a bare number is in %), e.g. {examples}:",
        "請回答一個百分比（只寫數字時單位是%），例如 {examples}：",
    ),
    "plain.ask.estimate_nounit": (
        "Answer with a number, e.g. {examples}:",
        "請回答一個數字，例如 {examples}：",
    ),
    "plain.ask.either": ("{first} or {second}", "{first} 或 {second}"),
    "plain.ask.text": ("Type your answer:", "請輸入答案："),
    "plain.ask.multi": (
        "Answer with every letter that applies, in any order, e.g. AC:",
        "請寫出所有符合的字母，順序不拘，例如 AC：",
    ),
    "plain.passage": ("Read this first:", "請先閱讀："),
    "plain.feedback": ("On {option}: {feedback}", "關於「{option}」：{feedback}"),
    "plain.result": ("{verdict} {points}/{max} points.", "{verdict}{points}/{max} 分。"),
    "plain.answer": ("Answer: {answer}", "正確答案：{answer}"),
    "plain.source": ("Source: {source}", "出處：{source}"),
    "plain.ended": (
        "Round ended after {done} of {count} questions.",
        "回合結束：完成 {done}/{count} 題。",
    ),
    "plain.ended_one": ("Round ended after {done} of 1 question.", "回合結束：完成 {done}/1 題。"),
    # The round's score in the interface language. The last line of a plain round is always
    # `Score: <points>/<max>` (the form scripts read); a language whose sentence differs says it
    # first, so that the Chinese interface is not left with an English line alone.
    "plain.score": ("Score: {score}/{max_score}", "得分：{score}/{max_score}"),
    # Malformed answers (plain mode and the TUI's inputs)
    "answer.empty": (
        "The answer is empty: type it, or skip.",
        "答案是空的：請輸入答案，或輸入 skip 跳過。",
    ),
    "answer.choice.one": (
        "Answer with one letter from {letters}.",
        "請只回答一個字母，從 {letters} 中選。",
    ),
    "answer.not_offered": (
        "{letter} is not offered: use {letters}.",
        "沒有 {letter} 這個選項：請用 {letters}。",
    ),
    "answer.order.repeated": (
        "{letter} appears twice: use every letter once.",
        "{letter} 重複了：每個字母只能用一次。",
    ),
    "answer.order.missing": (
        "{letters} missing: use every letter once.",
        "少了 {letters}：每個字母都要用一次。",
    ),
    "answer.order.bad": (
        "Write the letters {letters} in order, e.g. {example}.",
        "請依順序寫出字母 {letters}，例如 {example}。",
    ),
    "answer.match.bad": (
        "Write each number with a letter, e.g. {example}.",
        "請寫出每個數字配一個字母，例如 {example}。",
    ),
    "answer.match.number_not_offered": (
        "There is no item {number}: use {numbers}.",
        "沒有第 {number} 項：請用 {numbers}。",
    ),
    "answer.match.number_repeated": ("{number} is paired twice.", "{number} 配對了兩次。"),
    "answer.match.number_missing": (
        "{numbers} not paired: pair every number.",
        "{numbers} 還沒配對：每個數字都要配對。",
    ),
    "answer.match.letter_reused": (
        "{letter} is used twice: each number needs a different letter.",
        "{letter} 用了兩次：每個數字要配不同的字母。",
    ),
    "answer.multi.repeated": (
        "{letter} appears twice: write each letter that applies once.",
        "{letter} 重複了：每個符合的字母只寫一次。",
    ),
    "answer.multi.bad": (
        "Write the letters that apply, from {letters}, e.g. AC.",
        "請寫出符合的字母，從 {letters} 中選，例如 AC。",
    ),
    "answer.estimate.bad": ("{reason}", "{reason}"),
    "answer.estimate.lone_m": (
        "“{text}”: is m metres or million? Write the figure alone ({number}) or with the word"
        " ({number} million).",
        "「{text}」：m 是公尺還是百萬？請只寫數字（{number}），或寫成 {number} million。",
    ),
    "answer.estimate.no_unit": (
        "“{text}”: this question names no unit: write the figure alone ({number}).",
        "「{text}」：這題沒有指定單位：請只寫數字（{number}）。",
    ),
    "answer.estimate.percent": (
        "This figure is in {unit}, not a percentage: write it without %.",
        "這個數字的單位是{unit}，不是百分比：請不要加 %。",
    ),
}
