"""The syntax of Moodle's GIFT format: questions, escapes, titles, format markers, answer blocks.

This module only cuts a GIFT file into located pieces; gift_import decides what each question
becomes. It follows Moodle's own reader (question/format/gift/format.php) where GIFT is vague:

- a question ends at a blank line; lines whose first non-space characters are `//` are
  comments, wherever they are (they do not end a question);
- `\\~ \\= \\# \\{ \\} \\:` stand for the character itself, `\\n` for a new line, `\\\\` for a
  backslash; any other backslash is an ordinary character;
- `::title::` opens a question, then an optional `[html]`, `[moodle]`, `[plain]` or
  `[markdown]` marker, then the text with one answer block `{...}`; text after the block makes
  a missing-word question;
- inside the block, `####` starts the general feedback, and each answer starts with an
  unescaped `=` or `~`, may carry a `%weight%` and ends its text at `#` (its feedback).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ali_quiz.safety.limits import GIFT_QUESTION_CHARS

ESCAPABLE = "~=#{}:"
FORMATS = ("html", "moodle", "plain", "markdown")
#: A comment line the exporter writes for what GIFT cannot say (Moodle ignores comments).
HINT_RE = re.compile(r"^//\s*ali-quiz:\s*([a-z_]+)\s*=\s*(.*?)\s*$")
_WEIGHT_RE = re.compile(r"^%\s*(-?\d+(?:\.\d+)?)\s*%")

Place = tuple[int, int]  # (line, column), both from 1


class GiftSyntaxError(ValueError):
    """Malformed GIFT at a place; the message says what to write instead."""

    def __init__(self, place: Place, message: str) -> None:
        super().__init__(message)
        self.place = place
        self.message = message


@dataclass(frozen=True)
class Span:
    """Text with, for every character, whether it was escaped and where it was written."""

    chars: str
    escaped: tuple[bool, ...]
    places: tuple[Place, ...]
    end: Place  # the place just after the last character

    def __len__(self) -> int:
        return len(self.chars)

    def place(self, index: int) -> Place:
        return self.places[index] if index < len(self.chars) else self.end

    def rfind(self, token: str) -> int:
        """Index of the last unescaped `token`, or -1 (Moodle takes the last `####`)."""
        index = self.chars.rfind(token)
        while index != -1:
            if not any(self.escaped[index : index + len(token)]):
                return index
            index = self.chars.rfind(token, 0, index + len(token) - 1)
        return -1

    def find(self, token: str, start: int = 0) -> int:
        """Index of the first unescaped `token` at or after `start`, or -1."""
        index = self.chars.find(token, start)
        while index != -1:
            if not any(self.escaped[index : index + len(token)]):
                return index
            index = self.chars.find(token, index + 1)
        return -1

    def cut(self, start: int, stop: int | None = None) -> Span:
        stop = len(self.chars) if stop is None else stop
        return Span(
            self.chars[start:stop],
            self.escaped[start:stop],
            self.places[start:stop],
            self.place(stop),
        )

    def strip(self) -> Span:
        start, stop = 0, len(self.chars)
        while start < stop and self.chars[start].isspace() and not self.escaped[start]:
            start += 1
        while stop > start and self.chars[stop - 1].isspace() and not self.escaped[stop - 1]:
            stop -= 1
        return self.cut(start, stop)

    @property
    def text(self) -> str:
        return self.chars


def _span_of_lines(lines: list[tuple[int, str]]) -> Span:
    """Join the lines of a question (each stripped, as Moodle does), decoding the escapes."""
    chars: list[str] = []
    escaped: list[bool] = []
    places: list[Place] = []
    last: Place = (lines[0][0] if lines else 1, 1)
    for number, (line_no, raw) in enumerate(lines):
        indent = len(raw) - len(raw.lstrip())
        line = raw.strip()
        if number:
            chars.append("\n")
            escaped.append(False)
            places.append(last)
        index = 0
        while index < len(line):
            char = line[index]
            place = (line_no, indent + index + 1)
            if char == "\\" and index + 1 < len(line) and line[index + 1] in ESCAPABLE + "\\n":
                following = line[index + 1]
                chars.append("\n" if following == "n" else following)
                escaped.append(True)
                places.append(place)
                index += 2
                continue
            chars.append(char)
            escaped.append(False)
            places.append(place)
            index += 1
        last = (line_no, indent + len(line) + 1)
    return Span("".join(chars), tuple(escaped), tuple(places), last)


@dataclass(frozen=True)
class Block:
    """The lines of one question (comments removed), and the hints found in its comments.

    `too_long`: the question's length when it is over GIFT_QUESTION_CHARS (its span is then
    empty: it is reported, not read)."""

    first_line: int
    span: Span
    hints: dict[str, str] = field(default_factory=dict)
    too_long: int = 0


def split_blocks(text: str) -> list[Block]:
    """Cut a GIFT file into questions at blank lines; comment lines are dropped."""
    blocks: list[Block] = []
    current: list[tuple[int, str]] = []
    hints: dict[str, str] = {}
    first = 0

    def close() -> None:
        nonlocal current, hints
        length = sum(len(raw) for _, raw in current)
        if length > GIFT_QUESTION_CHARS:
            blocks.append(Block(first, _span_of_lines([]), hints, too_long=length))
        elif current:
            blocks.append(Block(first, _span_of_lines(current), hints))
        current, hints = [], {}

    for line_no, raw in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        stripped = raw.strip()
        if not stripped:
            close()
            continue
        if stripped.startswith("//"):
            hint = HINT_RE.match(stripped)
            if hint:
                hints[hint.group(1)] = hint.group(2)
            continue
        if not current:
            first = line_no
        current.append((line_no, raw))
    close()
    return blocks


# -- text formats -----------------------------------------------------------------------------


def take_format(span: Span, default: str) -> tuple[str, Span]:
    """A leading `[html]`-style marker, if any, and the text after it."""
    stripped = span.strip()
    for name in FORMATS:
        marker = f"[{name}]"
        if stripped.text.lower().startswith(marker) and stripped.find("[") == 0:
            return name, stripped.cut(len(marker))
    return default, span


# -- answers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One answer of a block: `=` or `~` (or "" for text before any marker), and its parts."""

    marker: str
    weight: float | None
    text: Span
    feedback: Span | None
    place: Place  # where the marker (or the text) starts


def split_answers(content: Span) -> list[Answer]:
    """Cut an answer block at its unescaped `=` and `~` markers."""
    starts = [i for i, char in enumerate(content.chars) if char in "=~" and not content.escaped[i]]
    pieces: list[tuple[str, int, int]] = []
    if not starts or content.cut(0, starts[0]).strip().text:
        pieces.append(("", 0, starts[0] if starts else len(content)))
    for index, start in enumerate(starts):
        stop = starts[index + 1] if index + 1 < len(starts) else len(content)
        pieces.append((content.chars[start], start + 1, stop))
    answers = []
    for marker, start, stop in pieces:
        body = content.cut(start, stop)
        place = content.place(start - 1 if marker else start)
        weight: float | None = None
        lead = body.strip()
        match = _WEIGHT_RE.match(lead.text)
        if match and lead.find("%") == 0:
            weight = float(match.group(1))
            lead = lead.cut(match.end())
        elif lead.text.startswith("%") and lead.find("%") == 0:
            raise GiftSyntaxError(
                lead.place(0), "a weight is written %50% (a percent between two % signs)"
            )
        hash_at = lead.find("#")
        if hash_at == -1:
            answers.append(Answer(marker, weight, lead.strip(), None, place))
        else:
            text, feedback = lead.cut(0, hash_at).strip(), lead.cut(hash_at + 1).strip()
            answers.append(Answer(marker, weight, text, feedback, place))
    return answers


@dataclass(frozen=True)
class RawQuestion:
    """A question cut into its parts, before anyone decides its kind."""

    line: int
    title: str | None
    text_format: str
    before: Span  # text before the answer block (all of it when there is no block)
    after: Span  # text after the block: a missing-word question when not empty
    content: Span | None  # what is inside the braces, None for a question without a block
    brace: Place  # where `{` was written
    hints: dict[str, str]
    open_title: bool = False  # `::` with no closing `::`: Moodle reads it as text, untitled


def parse_block(block: Block) -> RawQuestion:
    """Title, format, text and answer block of one question; GiftSyntaxError when malformed."""
    span = block.span.strip()
    title: str | None = None
    open_title = False
    if span.text.startswith("::") and span.find("::") == 0:
        close = span.find("::", 2)
        if close == -1:
            # Moodle reads on: the text after `::` is the question, and it has no title.
            span = span.cut(2)
            open_title = True
        else:
            title = span.cut(2, close).strip().text
            span = span.cut(close + 2)
    text_format, span = take_format(span, "moodle")
    opening = span.find("{")
    closing_first = span.find("}")
    if opening == -1:
        if closing_first != -1:
            raise GiftSyntaxError(
                span.place(closing_first),
                "`}` without an opening `{`: add the `{` or write \\} for a brace in the text",
            )
        return RawQuestion(
            block.first_line,
            title,
            text_format,
            span,
            span.cut(len(span)),
            None,
            span.end,
            block.hints,
            open_title,
        )
    if closing_first != -1 and closing_first < opening:
        raise GiftSyntaxError(
            span.place(closing_first),
            "`}` before any `{`: add the `{` or write \\} for a brace in the text",
        )
    closing = span.find("}", opening + 1)
    nested = span.find("{", opening + 1)
    if closing == -1:
        raise GiftSyntaxError(
            span.place(opening),
            "the answer block opened here is not closed: add `}` before the blank line "
            "that ends the question (write \\{ for a brace in the text)",
        )
    if nested != -1 and nested < closing:
        raise GiftSyntaxError(
            span.place(nested),
            "a `{` inside an answer block: close the first block with `}`, or write \\{",
        )
    second = span.find("{", closing + 1)
    if second != -1:
        raise GiftSyntaxError(
            span.place(second),
            "a second answer block: a GIFT question holds one `{...}` (write \\{ for a brace)",
        )
    stray = span.find("}", closing + 1)
    if stray != -1:
        raise GiftSyntaxError(
            span.place(stray), "`}` without an opening `{`: write \\} for a brace in the text"
        )
    return RawQuestion(
        block.first_line,
        title,
        text_format,
        span.cut(0, opening),
        span.cut(closing + 1),
        span.cut(opening + 1, closing),
        span.place(opening),
        block.hints,
        open_title,
    )
