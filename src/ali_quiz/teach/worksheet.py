"""Printable worksheets of a round (`generate --format markdown|html`), with an answer key.

Questions are numbered and labelled exactly as plain mode labels them (options and order items
A, B, C…; the left side of a match 1, 2, 3… and its right side A, B, C…, in the order of
`generate --format json`), so a class can answer on paper or at the keyboard alike. Each
question leaves room to answer; the key at the end gives the answer both as plain mode types it
(`CADB`, `1C 2A 3B`) and in words, with the source sentence. The words around the questions
follow the pack's language (English, or Traditional Chinese for a `zh` pack).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ali_quiz.quiz.kinds import Question
from ali_quiz.teach.sheets import meta_of, sheets_of, words_for

if TYPE_CHECKING:
    from ali_quiz.roundspec import ResolvedRound

__all__ = ["to_html", "to_markdown"]

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
    words = words_for(language)
    sheets = sheets_of(questions, words)
    out = [f"# {_md(pack_title)} — {words['worksheet']}", ""]
    out += [_md(" · ".join(meta_of(info, len(sheets), words))), ""]
    out += [
        f"{words['name']}{words['colon']}________________________ "
        f"{words['class']}{words['colon']}__________ "
        f"{words['date']}{words['colon']}____________",
        "",
        "---",
        "",
    ]
    for sheet in sheets:
        if sheet.passage:
            out += [f"*{_md(words['passage'])}*", ""]
            out += [
                f"> {_md(line)}" if line.strip() else ">" for line in sheet.passage.splitlines()
            ]
            out.append("")
        points = "" if sheet.points == 100 else f" ({words['points'].format(points=sheet.points)})"
        out += [f"**{sheet.number}.** {_md(sheet.prompt)}{points}", "", f"*{_md(sheet.hint)}*", ""]
        if sheet.options:
            out += [f"- **{label}.** {_md(text)}" for label, text in sheet.options] + [""]
        if sheet.left:
            out += [f"- **{n}.** {_BLANK} {_md(text)}" for n, text in sheet.left] + [""]
            out += [f"- **{label}.** {_md(text)}" for label, text in sheet.right] + [""]
            continue  # the blanks beside the numbers are the room to answer
        if sheet.boxes:
            out += [f"{words['answer']}{words['colon']}" + " → ".join(["☐"] * sheet.boxes), ""]
        elif sheet.options:
            out += [f"{words['answer']}{words['colon']}{_BLANK}", ""]
        else:
            unit = f" {_md(sheet.unit)}" if sheet.unit else ""
            out += [f"{words['answer']}{words['colon']}{_BLANK * 6}{unit}", ""]
    out += ["---", "", f"## {words['key']}", ""]
    for sheet in sheets:
        out.append(f"**{sheet.number}.** {_md(sheet.compact)}")
        out += [""] + [f"- {_md(line)}" for line in sheet.answer_lines] + [""]
        if sheet.explanation:
            quoted = [f"> {_md(line)}" for line in sheet.explanation.splitlines() if line.strip()]
            out += [*"\n>\n".join(quoted).split("\n"), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def to_html(
    questions: Sequence[Question],
    *,
    pack_title: str,
    language: str = "en",
    info: ResolvedRound | None = None,
) -> str:
    """The round as one self-contained printable HTML page; the key starts on a new page."""
    from ali_quiz.teach.worksheet_html import render_html

    words = words_for(language)
    return render_html(
        sheets_of(questions, words),
        words,
        meta_of(info, len(questions), words),
        pack_title=pack_title,
        language=language,
    )
