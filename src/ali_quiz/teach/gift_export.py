"""A round as Moodle GIFT (`ali-quiz generate --format gift`), for a Moodle question bank.

Each question is named by the first words of its prompt (`::When did DingTalk 5.0 come…::`),
as a teacher reads it in Moodle's question bank; its id travels in a comment. The explanation
is the general feedback (`####`), an option's own feedback follows it (`~wrong#feedback`). A
passage is written once, as a description before the first question that reads it; each change
of passage starts a category of its own (`$CATEGORY: Title/passage id`), since Moodle and
`import-gift` give a description's text to the questions after it in its category. By kind:

- choice: `=right ~wrong`; weighted options as `~%50%text` (100% is written `=`). Moodle
  accepts only its own list of percentages (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50,
  40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5 and their negatives).
- multi: every option `~%weight%text`, none with `=` (Moodle's multiple-answer question).
- text: `{=answer =other accepted answer}` (a short-answer question).
- match: `{=left -> right ...}`, the decoys as `= -> decoy`.
- order: GIFT has no ordering question, so it becomes a matching question of position to item:
  `=1st -> earliest item`, `=2nd -> next item`... (`第1`, `第2`... for a Chinese pack). Imported
  back, it is a match question (an order of 6 items, more than a match holds, is read back as
  an order question).
- estimate: band scoring as `{#min..max}` (`{#5}` when min = max); log scoring as
  `{#answer:tolerance}` with the tolerance in the answer's unit (answer × relative tolerance),
  Moodle's nearest equivalent: full marks within it, no part marks outside.

GIFT has no ids, units and points: they travel in comments Moodle ignores
(`// ali-quiz: id=c1`, `// ali-quiz: unit=people`, `// ali-quiz: max_points=200`), which
`import-gift` reads back.
Text is written for Moodle's default format, so `&`, `<` and `>` become HTML entities.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from decimal import Decimal

from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    Entry,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    entry_text,
)

__all__ = ["export_gift", "ordinal"]

_SPECIAL = "\\~=#{}:"
_ENGLISH_ORDINALS = ("1st", "2nd", "3rd")


def ordinal(position: int, language: str = "en") -> str:
    """The label of a position (from 1): `1st`, `2nd`... or `第1`... for Chinese and Japanese."""
    if language.lower().split("-")[0] in ("zh", "ja"):
        return f"第{position}"
    if position <= 3:
        return _ENGLISH_ORDINALS[position - 1]
    return f"{position}th"


def escape(text: str) -> str:
    """Text as GIFT needs it: special characters escaped, entities for HTML, `\\n` for lines."""
    escaped = html.escape(text, quote=False)
    for char in _SPECIAL:
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def _number(value: float | int) -> str:
    """A number in plain digits, as Moodle reads it: 76102000, 3.8, 0.0005 (never 1e-05)."""
    exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = format(exact.normalize(), "f")
    return text[:-2] if text.endswith(".0") else text


def _weight(weight: float) -> str:
    return _number(round(weight, 5))


def _with_feedback(marker: str, option: Entry) -> str:
    line = f"{marker}{escape(option.text)}"
    return f"{line}#{escape(option.feedback)}" if option.feedback else line


def _choice(question: ChoiceQuestion) -> list[str]:
    weights = dict(question.weights) if question.weights is not None else None
    lines = []
    for option in question.options:
        if weights is None:
            marker = "=" if option.id == question.answer else "~"
        else:
            share = weights.get(option.id, 0.0)
            if share >= 100:
                marker = "="
            elif share == 0:
                marker = "~"
            else:
                marker = f"~%{_weight(share)}%"
        lines.append(_with_feedback(marker, option))
    return lines


def _multi(question: MultiQuestion) -> list[str]:
    weights = dict(question.weights)
    return [_with_feedback(f"~%{_weight(weights.get(o.id, 0.0))}%", o) for o in question.options]


_TITLE_WORDS = 8
_TITLE_CHARS = 60


def title_of(prompt: str) -> str:
    """The first words of a prompt, as a question's name in Moodle's bank."""
    text = " ".join(prompt.split())
    words = text.split(" ")
    short = " ".join(words[:_TITLE_WORDS])
    if len(short) > _TITLE_CHARS:
        short = short[:_TITLE_CHARS].rstrip()
    return short if short == text else short.rstrip(" ,.;:!?，。、") + "…"


def _text(question: TextQuestion) -> list[str]:
    return [f"={escape(answer)}" for answer in question.accepted]


def _match(question: MatchQuestion) -> list[str]:
    lines = []
    paired = set()
    for left_id, right_id in question.answer:
        left = entry_text(question.left, left_id)
        right = entry_text(question.right, right_id)
        paired.add(right_id)
        lines.append(f"={escape(left)} -> {escape(right)}")
    lines.extend(f"= -> {escape(e.text)}" for e in question.right if e.id not in paired)
    return lines


def _order(question: OrderQuestion, language: str) -> list[str]:
    return [
        f"={escape(ordinal(position, language))} -> {escape(entry_text(question.items, item))}"
        for position, item in enumerate(question.answer, start=1)
    ]


def _estimate(question: EstimateQuestion) -> list[str]:
    if question.scoring == "band" and question.range is not None:
        low, high = question.range
        if low == high:
            return [f"#{_number(low)}"]
        return [f"#{_number(low)}..{_number(high)}"]
    tolerance = question.tolerance if question.tolerance is not None else 0.05
    spread = abs(Decimal(repr(float(question.answer))) * Decimal(repr(float(tolerance))))
    return [f"#{_number(question.answer)}:{_number(float(spread))}"]


def _question(question: Question, language: str) -> str:
    lines = []
    if isinstance(question, EstimateQuestion) and question.unit:
        lines.append(f"// ali-quiz: unit={question.unit}")
    if question.max_points != 100:
        lines.append(f"// ali-quiz: max_points={question.max_points}")
    lines.append(f"// ali-quiz: id={question.id}")
    if isinstance(question, ChoiceQuestion):
        answers = _choice(question)
    elif isinstance(question, MultiQuestion):
        answers = _multi(question)
    elif isinstance(question, TextQuestion):
        answers = _text(question)
    elif isinstance(question, MatchQuestion):
        answers = _match(question)
    elif isinstance(question, OrderQuestion):
        lines.append("// An order question, as a matching question of position to item.")
        answers = _order(question, language)
    elif isinstance(question, EstimateQuestion):
        answers = _estimate(question)
    else:
        raise TypeError(f"no GIFT form for a {question.kind} question")
    lines.append(f"::{escape(title_of(question.prompt))}::{escape(question.prompt)} {{")
    lines.extend(f"    {answer}" for answer in answers)
    if question.explanation:
        lines.append(f"    ####{escape(question.explanation)}")
    lines.append("}")
    return "\n".join(lines)


def export_gift(questions: Iterable[Question], *, title: str, language: str = "en") -> str:
    """The questions as a GIFT file titled `title`; `language` names the order positions."""
    listed = list(questions)
    header = [
        f"// {title}",
        f"// {len(listed)} question(s) exported by ali-quiz in GIFT, Moodle's text format:",
        "// import in Moodle with Question bank > Import > GIFT format.",
        "// Order questions are matching questions of position to item (1st -> earliest).",
    ]
    category = escape(title.replace("/", "-"))
    body: list[str] = [] if listed else [f"$CATEGORY: {category}"]
    passage: str | None = None
    passages: dict[str, str] = {}
    for index, question in enumerate(listed):
        if index == 0 or question.passage != passage:
            passage = question.passage
            if passage is None:
                body.append(f"$CATEGORY: {category}")
            else:
                name = passages.setdefault(passage, f"passage-{len(passages) + 1}")
                body.append(f"$CATEGORY: {category}/{name}")
                body.append(f"::{escape(title_of(passage))}::{escape(passage)}")
        body.append(_question(question, language))
    return "\n".join(header) + "\n\n" + "\n\n".join(body) + "\n"
