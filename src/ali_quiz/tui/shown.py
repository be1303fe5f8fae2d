"""A question as the play screen shows it: control characters of data as visible escapes.

Text is data: a pack's prompt, options, items, unit and source are drawn literally, and a
control character in them (an escape sequence, a bell, a NUL, a bidirectional override) is
shown as `\\x1b` or `\\u202e`, as every other screen and the command line show it. Dropped
silently, `wid\\x1bgets` would read "widgets" and then refuse "99999 widgets"; raw, a
bidirectional override reorders the rest of the line on the terminal and pushes its border out.

A run of blank lines in a prompt, a passage or a source is shown as one blank line. Only the
texts change, never an id or an answer: the round grades and records the question it
holds; the screen draws this copy of it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ali_quiz.quiz.kinds import Entry, Question
from ali_quiz.safety.text import has_raw_controls, visible

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TypeVar

    Q = TypeVar("Q", bound=Question)

#: The fields of a question that hold text for people (a question kind has some of them).
QUESTION_TEXTS = ("prompt", "explanation", "passage", "unit", "written")
#: A run of blank lines: shown as one, so that a prompt of fifty line breaks cannot push its
#: options off the screen.
BLANK_LINES = re.compile(r"\n(?:[ \t\u3000]*\n){2,}")
#: The fields that hold entries (items, options, the two sides of a match).
ENTRY_LISTS = ("items", "left", "right", "options")


def on_screen(question: Q) -> Q:
    """The question with its texts shown literally; the question itself when none needs it."""
    changes: dict[str, Any] = {}
    for name in QUESTION_TEXTS:
        text = getattr(question, name, None)
        if not isinstance(text, str):
            continue
        shown_text = visible(text) if has_raw_controls(text) else text
        if "\n\n" in shown_text:
            shown_text = BLANK_LINES.sub("\n\n", shown_text)
        if shown_text != text:
            changes[name] = shown_text
    accepted = getattr(question, "accepted", None)
    if isinstance(accepted, tuple) and any(has_raw_controls(text) for text in accepted):
        changes["accepted"] = tuple(visible(text) for text in accepted)
    for name in ENTRY_LISTS:
        entries = getattr(question, name, None)
        if isinstance(entries, tuple) and any(map(_needs_escapes, entries)):
            changes[name] = tuple(map(_shown_entry, entries))
    return replace(question, **changes) if changes else question


def _needs_escapes(entry: Entry) -> bool:
    return has_raw_controls(entry.text) or (
        entry.feedback is not None and has_raw_controls(entry.feedback)
    )


def _shown_entry(entry: Entry) -> Entry:
    if not _needs_escapes(entry):
        return entry
    feedback = None if entry.feedback is None else visible(entry.feedback)
    return Entry(id=entry.id, text=visible(entry.text), feedback=feedback)
