"""What each GIFT question becomes in a pack: reading a file question by question.

gift_parse cuts the text and gift_kinds reads each answer block; this module walks the file:
categories, descriptions (the passage of the questions after them), ids, titles, prompts, the
general feedback, and the lists of what was skipped, malformed or changed. The table of forms is
in gift_import's docstring.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ali_quiz.safety.limits import GIFT_QUESTION_CHARS
from ali_quiz.teach import gift_kinds
from ali_quiz.teach.gift_kinds import Skip
from ali_quiz.teach.gift_numerical import numerical
from ali_quiz.teach.gift_parse import (
    Answer,
    Block,
    GiftSyntaxError,
    RawQuestion,
    Span,
    parse_block,
    split_blocks,
    take_format,
)
from ali_quiz.teach.gift_text import convert

BLANK = "_____"
QUESTION_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_PLACEHOLDER = "\ue000"  # stands for the answer block while the text format is converted
#: Moodle's embedded-answers (Cloze) syntax, `{1:MC:=a~b}`: a question type of its own.
_CLOZE_RE = re.compile(
    r"\{\s*\d*\s*:\s*(?:MULTICHOICE|MULTIRESPONSE|SHORTANSWER|NUMERICAL|MC|MR|SA|NM|MW)\w*\s*:",
    re.IGNORECASE,
)

#: True/false labels by language; the first part of the tag is tried when the whole is not here.
_TRUE_FALSE = {
    "en": ("True", "False"),
    "zh-hant": ("對", "錯"),
    "zh-tw": ("對", "錯"),
    "zh-hk": ("對", "錯"),
    "zh-mo": ("對", "錯"),
    "zh-hans": ("对", "错"),
    "zh-cn": ("对", "错"),
    "zh-sg": ("对", "错"),
    "zh": ("对", "错"),
    "ja": ("正しい", "誤り"),
    "ko": ("참", "거짓"),
    "de": ("Wahr", "Falsch"),
    "fr": ("Vrai", "Faux"),
    "es": ("Verdadero", "Falso"),
    "it": ("Vero", "Falso"),
    "pt": ("Verdadeiro", "Falso"),
    "nl": ("Waar", "Onwaar"),
}


def true_false_labels(language: str) -> tuple[str, str]:
    """The words for true and false in a pack language (English when it is not known)."""
    tag = language.lower()
    while tag:
        if tag in _TRUE_FALSE:
            return _TRUE_FALSE[tag]
        tag = tag.rpartition("-")[0]
    return _TRUE_FALSE["en"]


def slug(text: str) -> str:
    """Lowercase ASCII letters, digits, `.`, `_` and `-` from a title; may be empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^a-z0-9._-]+", "-", ascii_text.lower())
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip("-._")
    return cleaned[:48].strip("-._")


class Importer:
    """Reads a GIFT file question by question into pack questions and what was left out."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.questions: list[dict[str, Any]] = []
        self.passages: list[dict[str, str]] = []
        self.skipped: list[tuple[int, str]] = []
        self.errors: list[tuple[int, int, str]] = []
        self.notes: list[tuple[int, str]] = []
        self.ids: set[str] = set()
        self.category: str | None = None
        self.position = 0
        # The description the next questions of this category read: (passage, line, questions).
        self.passage: tuple[dict[str, str], int, int] | None = None

    # -- the file ----------------------------------------------------------------------------

    def read(self, text: str) -> None:
        for found in split_blocks(text):
            block = self.take_category(found)
            if block is None:
                continue
            self.position += 1
            if block.too_long:
                self.errors.append(
                    (
                        block.first_line,
                        1,
                        f"a question of {block.too_long:,} characters: longer than any quiz"
                        f" question ({GIFT_QUESTION_CHARS:,} at most); is this a GIFT file?",
                    )
                )
                continue
            if _CLOZE_RE.search(block.span.text):
                self.skipped.append(
                    (
                        block.first_line,
                        "an embedded-answers (Cloze) question such as {1:MC:=a~b}: ali-quiz "
                        "asks one question at a time (write each blank as its own question)",
                    )
                )
                continue
            try:
                raw = parse_block(block)
                if raw.content is None:
                    self.description(raw)
                    continue
                question = self.question(raw)
            except GiftSyntaxError as err:
                self.errors.append((err.place[0], err.place[1], err.message))
                continue
            except Skip as skip:
                self.skipped.append((block.first_line, str(skip)))
                continue
            self.questions.append(question)
        self.close_passage()

    def take_category(self, block: Block) -> Block | None:
        """Read a `$CATEGORY:` line; what follows it in the same block is a question."""
        span = block.span.strip()
        if not span.text.startswith("$CATEGORY:"):
            return block
        self.close_passage()
        end = span.find("\n")
        line = span.cut(len("$CATEGORY:"), end if end != -1 else None).text.strip()
        # `$course$/top/History/Week 1` -> `History/Week 1`: the context and the root are Moodle's.
        parts = [p for p in line.split("/") if p and not re.fullmatch(r"\$\w+\$", p)]
        if parts and parts[0] == "top":
            parts = parts[1:]
        self.category = "/".join(parts) or None
        if end == -1:
            return None
        rest = span.cut(end + 1)
        return Block(rest.place(0)[0], rest, block.hints)

    def description(self, raw: RawQuestion) -> None:
        """A text without an answer block: the passage of the questions after it."""
        self.close_passage()
        text = self.prompt(raw)
        base = slug(raw.title or "") or f"passage-{len(self.passages) + 1}"
        passage = {"id": self.unique_id(base if QUESTION_ID_RE.match(base) else "passage")}
        if raw.title:
            passage["title"] = raw.title
        passage["text"] = text
        self.passage = (passage, raw.line, 0)

    def close_passage(self) -> None:
        if self.passage is None:
            return
        passage, line, used = self.passage
        self.passage = None
        if not used:
            self.skipped.append(
                (
                    line,
                    "a description (text without an answer block {...}) with no question after "
                    "it in its category: there is nothing to answer",
                )
            )
            return
        self.passages.append(passage)
        self.notes.append(
            (
                line,
                f"the description became the passage `{passage['id']}`, shown above the "
                f"{used} question(s) after it in its category",
            )
        )

    # -- one question ------------------------------------------------------------------------

    def question(self, raw: RawQuestion) -> dict[str, Any]:
        assert raw.content is not None
        content = raw.content
        general: Span | None = None
        split_at = content.rfind("####")
        if split_at != -1:
            general = content.cut(split_at + 4).strip()
            content = content.cut(0, split_at)
        main = content.strip()
        if not main.text:
            raise Skip("an essay (an empty answer block {}): ali-quiz cannot grade free text")
        if raw.open_title:
            self.note(raw, "the title opened with :: is not closed: read as question text")
        if main.find("#") == 0:
            payload = numerical(self, main.cut(1), raw)
        elif main.find("~") != -1:
            payload = gift_kinds.choice(self, main, raw)
        elif main.find("=") != -1 and main.find("->") != -1:
            payload = gift_kinds.match(self, main, raw)
        elif (value := gift_kinds.true_false_of(self, main, raw)) is not None:
            payload = gift_kinds.true_false(self, main, raw, value)
        else:
            payload = gift_kinds.short_answer(self, main, raw)
        prompt = self.prompt(raw)
        kind = payload.pop("kind")
        question: dict[str, Any] = {"id": self.new_id(raw), "kind": kind, "prompt": prompt}
        if self.passage is not None:
            passage, line, used = self.passage
            question["passage"] = passage["id"]
            self.passage = (passage, line, used + 1)
        question.update(payload)
        points = raw.hints.get("max_points", "")
        if points.isdigit() and 1 <= int(points) <= 10_000:
            question["max_points"] = int(points)
        if raw.title:
            question["title"] = raw.title
        if self.category:
            question["category"] = self.category
        explanation = self.text(general, raw) if general is not None else ""
        if explanation:
            question["explanation"] = explanation
        return question

    def prompt(self, raw: RawQuestion) -> str:
        whole = raw.before.text
        if raw.after.strip().text:
            whole = f"{whole}{_PLACEHOLDER}{raw.after.text}"
        converted = convert(whole, raw.text_format)
        self.note_media(raw, converted.media, "the question text")
        prompt = converted.text.strip().replace(_PLACEHOLDER, BLANK)
        if not prompt:
            raise GiftSyntaxError(raw.brace, "the question has no text before its answer block")
        return prompt

    def text(self, span: Span, raw: RawQuestion) -> str:
        """An answer's or a feedback's text, in the question's format, as plain text."""
        text_format, rest = take_format(span, raw.text_format)
        converted = convert(rest.text, text_format)
        self.note_media(raw, converted.media, "an answer or feedback")
        return converted.text.strip()

    def note_media(self, raw: RawQuestion, media: tuple[str, ...], where: str) -> None:
        for item in media:
            self.note(raw, f"{item} in {where} is kept as text with its address")

    def note(self, raw: RawQuestion, message: str) -> None:
        self.notes.append((raw.line, message))

    def true_false_labels(self) -> tuple[str, str]:
        return true_false_labels(self.language)

    def unique_id(self, base: str) -> str:
        candidate, number = base, 2
        while candidate in self.ids:
            candidate, number = f"{base}-{number}", number + 1
        self.ids.add(candidate)
        return candidate

    def new_id(self, raw: RawQuestion) -> str:
        hinted = raw.hints.get("id", "")  # the id `generate --format gift` wrote
        if QUESTION_ID_RE.match(hinted) and hinted not in self.ids:
            return self.unique_id(hinted)
        base = slug(raw.title or "")
        if not base or not QUESTION_ID_RE.match(base):
            base = f"q{self.position}"
        return self.unique_id(base)

    def answer_text(self, answer: Answer, raw: RawQuestion, what: str) -> str:
        text = self.text(answer.text, raw) if answer.text.text else ""
        if not text:
            raise GiftSyntaxError(answer.place, f"an empty {what}: write its text after `=`/`~`")
        return text
