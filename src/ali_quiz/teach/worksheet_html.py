"""The HTML worksheet (`generate --format html`): one self-contained printable page.

worksheet.py decides what each question shows (the same for markdown and HTML); this module
lays it out. Every text from the pack is escaped; the answer key starts on a page of its own.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ali_quiz.teach.sheets import Sheet

__all__ = ["render_html"]

#: Fonts that hold CJK glyphs, Traditional first, on Linux, macOS and Windows.
FONTS = (
    '"Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC", "PingFang TC", '
    '"Microsoft JhengHei", "Noto Sans CJK SC", "Noto Sans CJK JP", "Hiragino Sans", '
    '"Microsoft YaHei", "WenQuanYi Zen Hei", "Segoe UI", "Helvetica Neue", Arial, sans-serif'
)


_CSS = """
:root { color: #111; background: #fff; }
body { font-family: %(fonts)s; font-size: 12pt; line-height: 1.55; max-width: 46em;
       margin: 2em auto; padding: 0 1.2em;
       /* The browser breaks lines as the TUI does (ali_quiz.linebreak): strict kinsoku, a
          number or a word broken only when it is wider than the page. */
       line-break: strict; overflow-wrap: break-word; }
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
.passage { margin: .2em 0 .8em; padding: .4em .8em; border-left: 3px solid #888;
           background: #f6f6f6; }
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


def _html_question(sheet: Sheet, words: dict[str, str]) -> list[str]:
    points = "" if sheet.points == 100 else f" ({words['points'].format(points=sheet.points)})"
    out = [f'<li class="question" id="q{sheet.number}">']
    if sheet.passage:
        out += [
            f'<p class="hint">{_h(words["passage"])}</p>',
            f'<blockquote class="passage">{_h(sheet.passage)}</blockquote>',
        ]
    out += [
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
        out.append(
            f'<p class="answer-row">{html.escape(words["answer"] + words["colon"])}{boxes}</p>'
        )
    elif sheet.options:
        out.append(
            f'<p class="answer-row">{html.escape(words["answer"] + words["colon"])}'
            '<span class="blank"></span></p>'
        )
    else:
        unit = f" {html.escape(sheet.unit)}" if sheet.unit else ""
        out.append(
            f'<p class="answer-row">{html.escape(words["answer"] + words["colon"])}'
            f'<span class="line"></span>{unit}</p>'
        )
    out.append("</li>")
    return out


def render_html(
    sheets: Sequence[Sheet],
    words: dict[str, str],
    meta: Sequence[str],
    *,
    pack_title: str,
    language: str,
) -> str:
    """The sheets as one HTML page: the questions with room to answer, then the key."""
    title = f"{pack_title} — {words['worksheet']}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(title)}</title>",
        f"<style>{_CSS % {'fonts': FONTS}}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{html.escape(title)}</h1>",
        f'<p class="meta">{html.escape(" · ".join(meta))}</p>',
        '<p class="student">'
        + "".join(
            f"<span>{html.escape(words[k] + words['colon'].rstrip())}</span>"
            for k in ("name", "class", "date")
        )
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
