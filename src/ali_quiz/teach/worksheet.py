"""Printable worksheets of a round (`generate --format markdown|html`), with an answer key.

Questions are numbered and labelled exactly as plain mode labels them (options and order items
A, B, C…; the left side of a match 1, 2, 3… and its right side A, B, C…, in the order of
`generate --format json`), so a class can answer on paper or at the keyboard alike. Each
question leaves room to answer; the key at the end gives the answer both as plain mode types it
(`CADB`, `1C 2A 3B`) and in words, with the source sentence. The words around the questions
follow the pack's language (English, or Traditional Chinese for a `zh` pack).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ali_quiz.numbers import format_plain
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    entry_text,
)

if TYPE_CHECKING:
    from ali_quiz.roundspec import ResolvedRound

__all__ = ["to_html", "to_markdown"]

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "worksheet": "Worksheet",
        "name": "Name",
        "class": "Class",
        "date": "Date",
        "code": "Round code",
        "questions": "{count} questions",
        "seed": "seed {seed}",
        "answer": "Answer",
        "key": "Answer key",
        "source": "Source",
        "choice": "Circle one letter.",
        "order": "Write the letters in order.",
        "match": "Write the letter of the matching item next to each number.",
        "estimate": "Write a number.",
        "estimate_unit": "Write a number (in {unit}).",
        "text": "Write the answer.",
        "points": "{points} points",
    },
    "zh-Hant": {
        "worksheet": "練習卷",
        "name": "姓名",
        "class": "班級",
        "date": "日期",
        "code": "題組代碼",
        "questions": "共 {count} 題",
        "seed": "種子 {seed}",
        "answer": "答案",
        "key": "答案與出處",
        "source": "出處",
        "choice": "圈出一個字母。",
        "order": "依序寫出字母。",
        "match": "在每個數字旁寫上配對項目的字母。",
        "estimate": "寫出數字。",
        "estimate_unit": "寫出數字(單位:{unit})。",
        "text": "寫出答案。",
        "points": "{points} 分",
    },
}

#: Fonts that hold CJK glyphs, Traditional first, on Linux, macOS and Windows.
_FONTS = (
    '"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", '
    '"Microsoft JhengHei", "Noto Sans CJK SC", "Noto Sans CJK JP", "Hiragino Sans", '
    '"Microsoft YaHei", "WenQuanYi Zen Hei", "Segoe UI", "Helvetica Neue", Arial, sans-serif'
)


def _words(language: str) -> dict[str, str]:
    return _WORDS["zh-Hant" if language.lower().startswith("zh") else "en"]


def _letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else f"#{index + 1}"


# -- what a question shows, in either format ----------------------------------------------------


@dataclass(frozen=True)
class _Sheet:
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


def _sheet(question: Question, number: int, words: dict[str, str]) -> _Sheet:
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
    return _Sheet(
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


def _meta(info: ResolvedRound | None, count: int, words: dict[str, str]) -> list[str]:
    """The round's code, mode, seed and date (what identifies it), and its length."""
    if info is None:
        return [words["questions"].format(count=count)]
    parts = [f"{words['code']}: {info.code}"] if info.code else []
    parts += [info.mode, words["questions"].format(count=count)]
    if info.seed is not None:
        parts.append(words["seed"].format(seed=info.seed))
    parts.append(info.date.isoformat())
    return parts


# -- markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = "\\`*_[]<>|#"
_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")
#: A run of underscores between spaces is plain text in markdown: a line to write on.
_BLANK = "____"


def _md(text: str) -> str:
    """Text safe inside markdown: special characters escaped, new lines as hard breaks."""
    escaped = "".join("\\" + c if c in _MD_SPECIAL else c for c in text)
    # `1. text` at the start of a line would begin a numbered list.
    lines = [_LIST_START.sub(r"\1\\\2", line.strip()) for line in escaped.splitlines()]
    return "  \n".join(lines)


def to_markdown(
    questions: Sequence[Question],
    *,
    pack_title: str,
    language: str = "en",
    info: ResolvedRound | None = None,
) -> str:
    """The round as a markdown worksheet: the questions with room to answer, then the key."""
    words = _words(language)
    sheets = [_sheet(q, n, words) for n, q in enumerate(questions, start=1)]
    out = [f"# {_md(pack_title)} — {words['worksheet']}", ""]
    out += [_md(" · ".join(_meta(info, len(sheets), words))), ""]
    out += [
        f"{words['name']}: ________________________ {words['class']}: __________ "
        f"{words['date']}: ____________",
        "",
        "---",
        "",
    ]
    for sheet in sheets:
        points = "" if sheet.points == 100 else f" ({words['points'].format(points=sheet.points)})"
        out += [f"**{sheet.number}.** {_md(sheet.prompt)}{points}", "", f"*{_md(sheet.hint)}*", ""]
        if sheet.options:
            out += [f"- **{label}.** {_md(text)}" for label, text in sheet.options] + [""]
        if sheet.left:
            out += [f"- **{n}.** {_BLANK} {_md(text)}" for n, text in sheet.left] + [""]
            out += [f"- **{label}.** {_md(text)}" for label, text in sheet.right] + [""]
            continue  # the blanks beside the numbers are the room to answer
        if sheet.boxes:
            out += [f"{words['answer']}: " + " → ".join(["☐"] * sheet.boxes), ""]
        elif sheet.options:
            out += [f"{words['answer']}: {_BLANK}", ""]
        else:
            unit = f" {_md(sheet.unit)}" if sheet.unit else ""
            out += [f"{words['answer']}: {_BLANK * 6}{unit}", ""]
    out += ["---", "", f"## {words['key']}", ""]
    for sheet in sheets:
        out.append(f"**{sheet.number}.** {_md(sheet.compact)}")
        out += [""] + [f"- {_md(line)}" for line in sheet.answer_lines] + [""]
        if sheet.explanation:
            quoted = [f"> {_md(line)}" for line in sheet.explanation.splitlines() if line.strip()]
            out += [*"\n>\n".join(quoted).split("\n"), ""]
    return "\n".join(out).rstrip("\n") + "\n"


# -- HTML ---------------------------------------------------------------------------------------

_CSS = """
:root { color: #111; background: #fff; }
body { font-family: %(fonts)s; font-size: 12pt; line-height: 1.55; max-width: 46em;
       margin: 2em auto; padding: 0 1.2em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.3em; }
.meta { color: #444; margin: 0 0 .8em; }
.student { display: flex; gap: 1.5em; flex-wrap: wrap; margin: 1em 0 1.5em; }
.student span { flex: 1 1 10em; border-bottom: 1px solid #111; padding-bottom: .1em; }
ol.questions, ol.key-list { padding: 0; list-style: none; }
.question { margin: 0 0 1.4em; break-inside: avoid; page-break-inside: avoid; }
.number { font-weight: 700; margin-right: .35em; }
.prompt { margin: 0 0 .2em; }
.hint { margin: 0 0 .4em; color: #444; font-style: italic; font-size: .92em; }
.options, .pairs ul { list-style: none; margin: .2em 0 .4em; padding-left: 1.2em; }
.options li, .pairs li { margin: .15em 0; display: flex; align-items: baseline; }
.label { flex: none; min-width: 1.8em; font-weight: 700; }
.pairs { display: flex; gap: 2em; flex-wrap: wrap; }
.pairs ul { flex: 1 1 14em; }
.blank { display: inline-block; flex: none; width: 2.4em; border-bottom: 1px solid #111;
         margin-right: .4em; }
.line { display: inline-block; width: 18em; border-bottom: 1px solid #111; height: 1.4em;
        vertical-align: bottom; }
.box { display: inline-block; width: 1.7em; height: 1.7em; border: 1px solid #111;
       vertical-align: middle; }
.arrow { margin: 0 .3em; color: #444; }
.answer-row { margin: .4em 0 0 1.2em; }
.key { break-before: page; page-break-before: always; }
.key-list li { margin: 0 0 1em; break-inside: avoid; page-break-inside: avoid; }
.key-list p { margin: .1em 0; }
.key-list .answer-row { margin-left: 1.2em; }
.compact { font-weight: 700; font-family: "Noto Sans Mono CJK TC", "DejaVu Sans Mono", monospace; }
.source { margin: .3em 0 0 1.2em; padding-left: .8em; border-left: 3px solid #bbb; color: #333; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  .meta, .hint, .source { color: #000; }
}
"""


def _h(text: str) -> str:
    """Text as HTML: escaped, new lines as <br>."""
    return "<br>".join(html.escape(line) for line in text.splitlines()) or ""


def _html_question(sheet: _Sheet, words: dict[str, str]) -> list[str]:
    points = "" if sheet.points == 100 else f" ({words['points'].format(points=sheet.points)})"
    out = [
        f'<li class="question" id="q{sheet.number}">',
        f'<p class="prompt"><span class="number">{sheet.number}.</span>{_h(sheet.prompt)}'
        f"{html.escape(points)}</p>",
        f'<p class="hint">{_h(sheet.hint)}</p>',
    ]
    if sheet.options:
        out.append('<ul class="options">')
        out += [
            f'<li><span class="label">{label}.</span>{_h(text)}</li>'
            for label, text in sheet.options
        ]
        out.append("</ul>")
    if sheet.left:
        out.append('<div class="pairs"><ul class="left">')
        out += [
            f'<li><span class="label">{n}.</span><span class="blank"></span>{_h(text)}</li>'
            for n, text in sheet.left
        ]
        out.append('</ul><ul class="right">')
        out += [
            f'<li><span class="label">{label}.</span>{_h(text)}</li>' for label, text in sheet.right
        ]
        out.append("</ul></div>")
    elif sheet.boxes:
        arrow = '<span class="arrow">→</span>'
        boxes = arrow.join(['<span class="box"></span>'] * sheet.boxes)
        out.append(f'<p class="answer-row">{html.escape(words["answer"])}: {boxes}</p>')
    elif sheet.options:
        out.append(
            f'<p class="answer-row">{html.escape(words["answer"])}: <span class="blank"></span></p>'
        )
    else:
        unit = f" {html.escape(sheet.unit)}" if sheet.unit else ""
        out.append(
            f'<p class="answer-row">{html.escape(words["answer"])}: '
            f'<span class="line"></span>{unit}</p>'
        )
    out.append("</li>")
    return out


def to_html(
    questions: Sequence[Question],
    *,
    pack_title: str,
    language: str = "en",
    info: ResolvedRound | None = None,
) -> str:
    """The round as one self-contained printable HTML page; the key starts on a new page."""
    words = _words(language)
    sheets = [_sheet(q, n, words) for n, q in enumerate(questions, start=1)]
    title = f"{pack_title} — {words['worksheet']}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_CSS % {'fonts': _FONTS}}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">{html.escape(" · ".join(_meta(info, len(sheets), words)))}</p>',
        '<p class="student">'
        + "".join(f"<span>{html.escape(words[k])}:</span>" for k in ("name", "class", "date"))
        + "</p>",
        "</header>",
        '<main><ol class="questions">',
    ]
    for sheet in sheets:
        out += _html_question(sheet, words)
    out += [
        "</ol></main>",
        '<section class="key">',
        f"<h2>{html.escape(words['key'])}</h2>",
        '<ol class="key-list">',
    ]
    for sheet in sheets:
        out.append(
            f'<li id="key{sheet.number}"><p><span class="number">{sheet.number}.</span>'
            f'<span class="compact">{html.escape(sheet.compact)}</span></p>'
        )
        out += [f'<p class="answer-row">{_h(line)}</p>' for line in sheet.answer_lines]
        if sheet.explanation:
            out.append(
                f'<blockquote class="source" title="{html.escape(words["source"])}">'
                f"{_h(sheet.explanation)}</blockquote>"
            )
        out.append("</li>")
    out += ["</ol>", "</section>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
