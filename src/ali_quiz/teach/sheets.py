"""What each question of a worksheet or deck shows, whatever the format: labels, room, answers.

Questions are labelled exactly as plain mode labels them (options and order items A, B, C…; the
left side of a match 1, 2, 3… and its right side A, B, C…, in the order of `generate --format
json`); the answer is given both as plain mode types it (`CADB`, `1C 2A 3B`) and in words. The
words around the questions follow the pack's language (English, or Traditional Chinese).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ali_quiz.i18n import Translator
from ali_quiz.numberformat import format_plain
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    entry_text,
)

if TYPE_CHECKING:
    from ali_quiz.roundspec import ResolvedRound

__all__ = ["Sheet", "meta_of", "sheets_of", "words_for"]

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "worksheet": "Worksheet",
        "colon": ": ",  # after a label (Name: ____)
        "name": "Name",
        "class": "Class",
        "date": "Date",
        "code": "Round code: {code}",
        "questions": "{count} questions",
        "mode": "{mode}",  # as `--mode` takes it
        "seed": "seed {seed}",
        "answer": "Answer",
        "key": "Answer key",
        "source": "Source",
        "choice": "Circle one letter.",
        "multi": "Circle every letter that applies.",
        "passage": "Read this text for the questions that follow.",
        "order": "Write the letters in order.",
        "match": "Write the letter of the matching item next to each number.",
        "estimate": "Write a number.",
        "estimate_unit": "Write a number (in {unit}).",
        "text": "Write the answer.",
        "points": "{points} points",
    },
    "zh-Hant": {
        "worksheet": "練習卷",
        "colon": "：",  # full width, as Chinese writes it (姓名：____)
        "name": "姓名",
        "class": "班級",
        "date": "日期",
        "code": "回合代碼：{code}",
        "questions": "共 {count} 題",
        "mode": "{name}",  # the mode's name in the 繁體中文 interface
        "seed": "種子 {seed}",
        "answer": "答案",
        "key": "答案與出處",
        "source": "出處",
        "choice": "圈出一個字母。",
        "multi": "圈出所有符合的字母。",
        "passage": "請閱讀下文，回答接下來的題目。",
        "order": "依序寫出字母。",
        "match": "在每個數字旁寫上配對項目的字母。",
        "estimate": "寫出數字。",
        "estimate_unit": "寫出數字（單位：{unit}）。",
        "text": "寫出答案。",
        "points": "{points} 分",
    },
}


def words_for(language: str) -> dict[str, str]:
    return _WORDS["zh-Hant" if language.lower().startswith("zh") else "en"]


def _letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else f"#{index + 1}"


# -- what a question shows, in either format ----------------------------------------------------


@dataclass(frozen=True)
class Sheet:
    """One question as the sheet shows it, independent of markdown or HTML."""

    number: int
    prompt: str
    hint: str
    options: tuple[tuple[str, str], ...]  # (label, text): choice options, order items
    left: tuple[tuple[str, str], ...]  # match: (number, text)
    right: tuple[tuple[str, str], ...]  # match: (letter, text)
    boxes: int  # order: one box per item; match: one blank per left item
    unit: str  # estimate: the unit after the answer line
    points: int
    compact: str  # the answer as plain mode types it
    answer_lines: tuple[str, ...]
    explanation: str
    passage: str | None = None  # shown before this question (the first of those that read it)


def _estimate_answer(question: EstimateQuestion) -> tuple[str, str]:
    unit = "" if question.unit == "%" else f" {question.unit}".rstrip()
    percent = "%" if question.unit == "%" else ""
    if question.scoring == "band" and question.range is not None:
        low, high = (format_plain(v) for v in question.range)
        text = f"{low}{percent} – {high}{percent}{unit}"
        return text, text
    plain = f"{format_plain(question.answer)}{percent}{unit}"
    written = question.written.strip()
    if written and written.replace(" ", "") != plain.replace(" ", "").replace(",", ""):
        return written, f"{written} = {plain}"
    return plain, plain


def sheets_of(questions: Sequence[Question], words: dict[str, str]) -> list[Sheet]:
    """The questions as the sheet shows them; a passage before the first question reading it."""
    sheets = []
    previous: str | None = None
    for number, question in enumerate(questions, start=1):
        sheet = _sheet(question, number, words)
        if question.passage and question.passage != previous:
            sheet = replace(sheet, passage=question.passage)
        previous = question.passage
        sheets.append(sheet)
    return sheets


def _sheet(question: Question, number: int, words: dict[str, str]) -> Sheet:
    options: tuple[tuple[str, str], ...] = ()
    left: tuple[tuple[str, str], ...] = ()
    right: tuple[tuple[str, str], ...] = ()
    boxes = 0
    unit = ""
    if isinstance(question, ChoiceQuestion):
        options = tuple((_letter(i), o.text) for i, o in enumerate(question.options))
        labels = {o.id: _letter(i) for i, o in enumerate(question.options)}
        hint = words["choice"]
        compact = labels[question.answer]
        if question.weights is not None:
            lines = tuple(
                f"{labels[option_id]}. {entry_text(question.options, option_id)} ({weight:g}%)"
                for option_id, weight in question.weights
                if weight > 0
            )
        else:
            lines = (f"{compact}. {entry_text(question.options, question.answer)}",)
    elif isinstance(question, MultiQuestion):
        options = tuple((_letter(i), o.text) for i, o in enumerate(question.options))
        labels = {o.id: _letter(i) for i, o in enumerate(question.options)}
        hint = words["multi"]
        compact = "".join(labels[option_id] for option_id in question.answer_json())
        lines = tuple(
            f"{labels[option_id]}. {entry_text(question.options, option_id)} ({weight:g}%)"
            for option_id, weight in question.weights
            if weight > 0
        )
    elif isinstance(question, OrderQuestion):
        options = tuple((_letter(i), item.text) for i, item in enumerate(question.items))
        labels = {item.id: _letter(i) for i, item in enumerate(question.items)}
        hint = words["order"]
        boxes = len(question.items)
        compact = "".join(labels[item_id] for item_id in question.answer)
        lines = tuple(
            f"{rank}. {labels[item_id]}. {entry_text(question.items, item_id)}"
            for rank, item_id in enumerate(question.answer, start=1)
        )
    elif isinstance(question, MatchQuestion):
        left = tuple((str(i + 1), e.text) for i, e in enumerate(question.left))
        right = tuple((_letter(i), e.text) for i, e in enumerate(question.right))
        numbers = {e.id: str(i + 1) for i, e in enumerate(question.left)}
        labels = {e.id: _letter(i) for i, e in enumerate(question.right)}
        hint = words["match"]
        boxes = len(question.left)
        compact = " ".join(f"{numbers[a]}{labels[b]}" for a, b in question.answer)
        lines = tuple(
            f"{numbers[a]}{labels[b]}: {entry_text(question.left, a)} → "
            f"{entry_text(question.right, b)}"
            for a, b in question.answer
        )
    elif isinstance(question, EstimateQuestion):
        unit = question.unit
        hint = words["estimate_unit"].format(unit=unit) if unit else words["estimate"]
        compact, full = _estimate_answer(question)
        lines = (full,)
    elif isinstance(question, TextQuestion):
        hint = words["text"]
        compact = question.accepted[0] if question.accepted else ""
        lines = (" / ".join(question.accepted),)
    else:
        raise TypeError(f"no worksheet form for a {question.kind} question")
    return Sheet(
        number=number,
        prompt=question.prompt,
        hint=hint,
        options=options,
        left=left,
        right=right,
        boxes=boxes,
        unit=unit,
        points=question.max_points,
        compact=compact,
        answer_lines=lines,
        explanation=question.explanation,
    )


def meta_of(info: ResolvedRound | None, count: int, words: dict[str, str]) -> list[str]:
    """The round's code, mode, seed and date (what identifies it), and its length."""
    if info is None:
        return [words["questions"].format(count=count)]
    parts = [words["code"].format(code=info.code)] if info.code else []
    name = Translator("zh-Hant")(f"mode.{info.mode}")
    parts.append(words["mode"].format(mode=info.mode, name=name))
    parts.append(words["questions"].format(count=count))
    if info.seed is not None and not info.fresh:  # a fresh round's seed alone does not make it
        parts.append(words["seed"].format(seed=info.seed))
    parts.append(info.date.isoformat())
    return parts
