"""A round as an Anki deck (`generate --format anki -o deck.apkg`), through the genanki package.

A note per question: the front holds the passage (if any), the prompt and what the question
shows (options, items, the two sides of a match, the unit); the back adds the answer, labelled as
on the worksheet, and the source sentence. Ids are stable: the same round written twice updates
the same notes in Anki instead of adding copies. genanki is an optional extra
(`pip install 'ali-quiz[anki]'`); without it the export says so.
"""

from __future__ import annotations

import hashlib
import html
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ali_quiz.quiz.kinds import Question
from ali_quiz.teach.sheets import Sheet, sheets_of, words_for

__all__ = ["AnkiUnavailable", "write_deck"]

#: Fixed so that every deck ali-quiz writes shares one note type in Anki.
_MODEL_ID = 1_607_392_319
_FIELDS = ("Passage", "Question", "Shown", "Answer", "Source")
_FRONT = (
    '{{#Passage}}<div class="passage">{{Passage}}</div>{{/Passage}}'
    '<div class="question">{{Question}}</div><div class="shown">{{Shown}}</div>'
)
_BACK = '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>' + (
    '{{#Source}}<div class="source">{{Source}}</div>{{/Source}}'
)
_CSS = """
.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.passage { border-left: 3px solid #888; padding-left: .6em; margin-bottom: .8em; color: #333; }
.question { font-weight: bold; margin-bottom: .5em; }
.answer { font-weight: bold; }
.source { margin-top: .8em; font-style: italic; color: #555; }
"""


class AnkiUnavailable(RuntimeError):
    """genanki is not installed; str() says how to install it."""


def _h(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.splitlines())


def _shown(sheet: Sheet) -> str:
    parts = [f"<i>{_h(sheet.hint)}</i>"]
    rows = [f"<b>{html.escape(label)}.</b> {_h(text)}" for label, text in sheet.options]
    rows += [f"<b>{html.escape(n)}.</b> {_h(text)}" for n, text in sheet.left]
    if sheet.right:
        rows.append("")
    rows += [f"<b>{html.escape(label)}.</b> {_h(text)}" for label, text in sheet.right]
    if sheet.unit:
        rows.append(f"({html.escape(sheet.unit)})")
    return "<br>".join(parts + rows)


def _stable_id(*parts: str) -> int:
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def _genanki() -> Any:
    try:
        import genanki
    except ImportError:
        raise AnkiUnavailable(
            "the Anki export needs the genanki package: pip install 'ali-quiz[anki]' "
            "(or pip install genanki)"
        ) from None
    return genanki


def write_deck(
    questions: Sequence[Question],
    path: Path,
    *,
    pack_id: str,
    deck_name: str,
    language: str = "en",
) -> int:
    """Write the round as an .apkg file (whole or not at all); the number of notes written."""
    genanki = _genanki()
    model = genanki.Model(
        _MODEL_ID,
        "ali-quiz question",
        fields=[{"name": name} for name in _FIELDS],
        templates=[{"name": "Question", "qfmt": _FRONT, "afmt": _BACK}],
        css=_CSS,
    )
    deck = genanki.Deck(_stable_id("deck", pack_id, deck_name), deck_name)
    sheets = sheets_of(questions, words_for(language))
    for question, sheet in zip(questions, sheets, strict=True):
        answer = f"<b>{html.escape(sheet.compact)}</b>"
        if sheet.answer_lines and sheet.answer_lines != (sheet.compact,):
            answer += "<br>" + "<br>".join(_h(line) for line in sheet.answer_lines)
        fields = [
            _h(question.passage or ""),
            _h(question.prompt),
            _shown(sheet),
            answer,
            _h(question.explanation),
        ]
        deck.add_note(
            genanki.Note(
                model=model,
                fields=fields,
                guid=genanki.guid_for(pack_id, question.id),
                tags=["ali-quiz", question.kind],
            )
        )
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(handle)
    try:
        genanki.Package(deck).write_to_file(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return len(sheets)
