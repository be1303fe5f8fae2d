"""What each GIFT question becomes in a pack: the kinds, ids, labels and checks of gift_import.

gift_parse cuts the text; this module decides, question by question, which authored question
(docs/packs.md) it is, or why it is skipped (_Skip) or malformed (GiftSyntaxError). The table of
forms is in gift_import's docstring.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from ali_quiz.numbers import MAX_MAGNITUDE, MIN_MAGNITUDE
from ali_quiz.teach.gift_export import ordinal
from ali_quiz.teach.gift_parse import (
    Answer,
    Block,
    GiftSyntaxError,
    Place,
    RawQuestion,
    Span,
    convert,
    parse_block,
    split_answers,
    split_blocks,
    take_format,
)

BLANK = "_____"
QUESTION_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
LIMITS = {"choice": (2, 6), "match": (3, 5), "order": (3, 6)}
_TRUE_WORDS = ("T", "TRUE")
_FALSE_WORDS = ("F", "FALSE")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE_RE = re.compile(rf"^({_NUMBER})\s*\.\.\s*({_NUMBER})$")
_TOLERANCE_RE = re.compile(rf"^({_NUMBER})\s*:\s*({_NUMBER})$")
_VALUE_RE = re.compile(rf"^({_NUMBER})$")
_PLACEHOLDER = "\ue000"  # stands for the answer block while the text format is converted

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


class _Skip(Exception):
    """A well-formed question ali-quiz cannot represent; the message says why."""


def _number(text: str, place: Place) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise GiftSyntaxError(place, f"{text!r} is not a number") from None
    # The same bounds as a pack's figures: beyond them a number is a typo.
    if value and not MIN_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE:
        raise GiftSyntaxError(place, f"{text} is too large or too small (beyond 10^30 or 10^-30)")
    return value


def _plain(value: Decimal) -> int | float:
    """A Decimal as the YAML number a person would write: 5, 4.5, 0.0005."""
    return int(value) if value == value.to_integral_value() else float(value)


class Importer:
    """Reads a GIFT file question by question into pack questions and what was left out."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.questions: list[dict[str, Any]] = []
        self.skipped: list[tuple[int, str]] = []
        self.errors: list[tuple[int, int, str]] = []
        self.notes: list[tuple[int, str]] = []
        self.ids: set[str] = set()
        self.category: str | None = None
        self.position = 0

    # -- the file ----------------------------------------------------------------------------

    def read(self, text: str) -> None:
        for found in split_blocks(text):
            block = self.take_category(found)
            if block is None:
                continue
            self.position += 1
            try:
                raw = parse_block(block)
                question = self.question(raw)
            except GiftSyntaxError as err:
                self.errors.append((err.place[0], err.place[1], err.message))
                continue
            except _Skip as skip:
                self.skipped.append((block.first_line, str(skip)))
                continue
            self.questions.append(question)

    def take_category(self, block: Block) -> Block | None:
        """Read a `$CATEGORY:` line; what follows it in the same block is a question."""
        span = block.span.strip()
        if not span.text.startswith("$CATEGORY:"):
            return block
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

    # -- one question ------------------------------------------------------------------------

    def question(self, raw: RawQuestion) -> dict[str, Any]:
        if raw.content is None:
            raise _Skip(
                "a description (text without an answer block {...}): there is nothing to "
                "answer, so it is not a question of the pack"
            )
        content = raw.content
        general: Span | None = None
        split_at = content.find("####")
        if split_at != -1:
            general = content.cut(split_at + 4).strip()
            content = content.cut(0, split_at)
        main = content.strip()
        feedback: list[str] = []
        if general is not None:
            self.add_feedback(feedback, general, raw)
        if not main.text:
            raise _Skip("an essay (an empty answer block {}): ali-quiz cannot grade free text")
        if main.find("#") == 0:
            payload = self.numerical(main.cut(1), raw, feedback)
        elif main.find("~") != -1:
            payload = self.choice(main, raw, feedback)
        elif main.find("=") != -1 and main.find("->") != -1:
            payload = self.match(main, raw, feedback)
        elif self.true_false_word(main) is not None:
            payload = self.true_false(main, raw, feedback)
        else:
            payload = self.short_answer(main, raw, feedback)
        prompt = self.prompt(raw)
        kind = payload.pop("kind")
        question: dict[str, Any] = {"id": self.new_id(raw), "kind": kind, "prompt": prompt}
        question.update(payload)
        points = raw.hints.get("max_points", "")
        if points.isdigit() and 1 <= int(points) <= 10_000:
            question["max_points"] = int(points)
        if raw.title:
            question["title"] = raw.title
        if self.category:
            question["category"] = self.category
        if feedback:
            question["explanation"] = "\n".join(feedback)
        return question

    def prompt(self, raw: RawQuestion) -> str:
        whole = raw.before.text
        if raw.after.strip().text:
            whole = f"{whole}{_PLACEHOLDER}{raw.after.text}"
        converted = convert(whole, raw.text_format)
        if converted.images:
            self.note(raw, "an image in the question text was left out (ali-quiz shows text)")
        prompt = converted.text.strip().replace(_PLACEHOLDER, BLANK)
        if not prompt:
            raise GiftSyntaxError(raw.brace, "the question has no text before its answer block")
        return prompt

    def text(self, span: Span, raw: RawQuestion) -> str:
        """An answer's or a feedback's text, in the question's format, as plain text."""
        text_format, rest = take_format(span, raw.text_format)
        converted = convert(rest.text, text_format)
        if converted.images:
            self.note(raw, "an image in an answer or feedback was left out (ali-quiz shows text)")
        return converted.text.strip()

    def add_feedback(
        self, feedback: list[str], span: Span, raw: RawQuestion, *, about: str = ""
    ) -> None:
        """Add a feedback to the explanation, after the answer it is about (if any)."""
        text = self.text(span, raw)
        if text:
            feedback.append(f"{about}: {text}" if about else text)

    def note(self, raw: RawQuestion, message: str) -> None:
        self.notes.append((raw.line, message))

    def new_id(self, raw: RawQuestion) -> str:
        base = slug(raw.title or "")
        if not base or not QUESTION_ID_RE.match(base):
            base = f"q{self.position}"
        candidate, number = base, 2
        while candidate in self.ids:
            candidate, number = f"{base}-{number}", number + 1
        self.ids.add(candidate)
        return candidate

    def answer_text(self, answer: Answer, raw: RawQuestion, what: str) -> str:
        text = self.text(answer.text, raw) if answer.text.text else ""
        if not text:
            raise GiftSyntaxError(answer.place, f"an empty {what}: write its text after `=`/`~`")
        return text

    def collect_feedback(
        self, answer: Answer, text: str, raw: RawQuestion, feedback: list[str]
    ) -> None:
        if answer.feedback is not None:
            self.add_feedback(feedback, answer.feedback, raw, about=text)

    # -- kinds -------------------------------------------------------------------------------

    def choice(self, main: Span, raw: RawQuestion, feedback: list[str]) -> dict[str, Any]:
        answers = split_answers(main)
        options: list[tuple[str, float]] = []
        for answer in answers:
            if not answer.marker:
                raise GiftSyntaxError(
                    answer.place,
                    "text before the first answer: start every answer with = (right) or ~ (wrong)",
                )
            text = self.answer_text(answer, raw, "answer")
            if answer.weight is not None:
                weight = answer.weight
            else:
                weight = 100.0 if answer.marker == "=" else 0.0
            if not -100 <= weight <= 100:
                raise GiftSyntaxError(answer.place, f"weight {weight:g}% is not from -100 to 100")
            if text in (o[0] for o in options):
                raise GiftSyntaxError(answer.place, f"two answers read {text!r}")
            options.append((text, weight))
            self.collect_feedback(answer, text, raw, feedback)
        if not any(weight > 0 for _, weight in options):
            raise GiftSyntaxError(
                raw.brace,
                "none of the answers is right: mark the right one with = "
                "(or give part marks with ~%50%)",
            )
        low, high = LIMITS["choice"]
        if not low <= len(options) <= high:
            raise _Skip(
                f"a multiple-choice question with {len(options)} answers: a choice holds "
                f"{low} to {high} options"
            )
        best = max(weight for _, weight in options)
        if best < 100:
            raise _Skip(
                f"a multiple-answer question (no single answer is worth 100%, the best is "
                f"{best:g}%): a choice takes one pick, so it could never earn full marks"
            )
        right = [text for text, weight in options if weight == 100]
        plain = len(right) == 1 and all(weight in (0, 100) for _, weight in options)
        entries: list[dict[str, Any]]
        if plain:
            entries = [
                {"text": t, "correct": True} if w == 100 else {"text": t} for t, w in options
            ]
        else:
            entries = [{"text": t, "weight": int(w) if w.is_integer() else w} for t, w in options]
        return {"kind": "choice", "options": entries}

    def true_false_word(self, main: Span) -> bool | None:
        head_end = main.find("#")
        head = (main.cut(0, head_end) if head_end != -1 else main).strip().text
        if head in _TRUE_WORDS:
            return True
        if head in _FALSE_WORDS:
            return False
        return None

    def true_false(self, main: Span, raw: RawQuestion, feedback: list[str]) -> dict[str, Any]:
        value = self.true_false_word(main)
        start = main.find("#")
        while start != -1:
            end = main.find("#", start + 1)
            part = main.cut(start + 1, end if end != -1 else None).strip()
            self.add_feedback(feedback, part, raw)
            start = end
        true_label, false_label = true_false_labels(self.language)
        return {
            "kind": "choice",
            "options": [
                {"text": true_label, "correct": True} if value else {"text": true_label},
                {"text": false_label} if value else {"text": false_label, "correct": True},
            ],
        }

    def short_answer(self, main: Span, raw: RawQuestion, feedback: list[str]) -> dict[str, Any]:
        accepted: list[str] = []
        for answer in split_answers(main):
            text = self.answer_text(answer, raw, "answer")
            self.collect_feedback(answer, text, raw, feedback)
            if answer.weight is not None and answer.weight != 100:
                self.note(
                    raw,
                    f"the answer {text!r} worth {answer.weight:g}% was left out: a "
                    "text question accepts full-mark answers only",
                )
                continue
            if "*" in text:
                self.note(
                    raw,
                    f"the answer {text!r} uses Moodle's * wildcard; ali-quiz "
                    "accepts it only as written",
                )
            if text not in accepted:
                accepted.append(text)
        if not accepted:
            raise _Skip("a short-answer question with no answer worth 100%: nothing to accept")
        return {"kind": "text", "accepted": accepted}

    def match(self, main: Span, raw: RawQuestion, feedback: list[str]) -> dict[str, Any]:
        pairs: list[dict[str, str]] = []
        decoys: list[str] = []
        for answer in split_answers(main):
            if answer.marker != "=":
                raise GiftSyntaxError(
                    answer.place,
                    "text before the first pair: start every pair with =left -> right",
                )
            arrow = answer.text.find("->")
            if arrow == -1:
                raise GiftSyntaxError(
                    answer.place,
                    "a matching line without `->`: write =left -> right "
                    "(or = -> decoy for an extra right-hand item)",
                )
            left = self.text(answer.text.cut(0, arrow).strip(), raw)
            right = self.text(answer.text.cut(arrow + 2).strip(), raw)
            if not right:
                raise GiftSyntaxError(answer.place, "nothing after `->`: write =left -> right")
            if answer.feedback is not None:
                self.add_feedback(feedback, answer.feedback, raw, about=left or right)
            if not left:
                decoys.append(right)
                continue
            if left in (p["left"] for p in pairs):
                raise GiftSyntaxError(answer.place, f"two pairs start with {left!r}")
            pairs.append({"left": left, "right": right})
        low, high = LIMITS["match"]
        if len(pairs) > high and _is_positional(pairs, decoys):
            # An order question exported as position -> item, too long to be a match.
            self.note(
                raw,
                "a matching question of positions (1st, 2nd...) to items, read as "
                "an order question: a match holds at most 5 pairs",
            )
            return {"kind": "order", "items": [p["right"] for p in pairs]}
        if not low <= len(pairs) <= high:
            raise _Skip(
                f"a matching question with {len(pairs)} pairs: a match holds {low} to {high}"
            )
        rights = [p["right"] for p in pairs]
        if len(set(rights)) < len(rights):
            shared = next(r for r in rights if rights.count(r) > 1)
            raise _Skip(
                f"a matching question where several items pair with {shared!r}: a match "
                "pairs each left item with a different right item"
            )
        kept = []
        for decoy in decoys:
            if decoy in rights or decoy in kept:
                self.note(raw, f"the decoy {decoy!r} repeats a right-hand item and was left out")
            else:
                kept.append(decoy)
        payload: dict[str, Any] = {"kind": "match", "pairs": pairs}
        if kept:
            payload["decoys"] = kept
        return payload

    def numerical(self, body: Span, raw: RawQuestion, feedback: list[str]) -> dict[str, Any]:
        answers = split_answers(body.strip())
        alternatives = [a for a in answers if a.marker == "="]
        for answer in answers:
            if answer.marker == "~":
                # `~#feedback` is Moodle's feedback for any other answer.
                if answer.feedback is not None:
                    self.add_feedback(feedback, answer.feedback, raw)
                if answer.text.text:
                    self.note(
                        raw,
                        f"the wrong answer {answer.text.text!r} was left out: "
                        "band scoring gives 0 outside the range",
                    )
            elif not answer.marker and alternatives:
                raise GiftSyntaxError(
                    answer.place, "text before the first alternative: start each with ="
                )
        if not alternatives:
            single = [a for a in answers if not a.marker]
            if not single:
                raise GiftSyntaxError(
                    raw.brace, "an empty numerical answer: write {#5}, {#5:0.5} or {#1..10}"
                )
            low, high = self.bounds(single[0])
            self.number_feedback(single[0], raw, feedback)
        else:
            full = [a for a in alternatives if a.weight is None or a.weight == 100]
            if not full:
                raise _Skip(
                    "a numerical question with no alternative worth 100%: band scoring needs "
                    "one range worth full marks"
                )
            low, high = self.bounds(full[0])
            for answer in alternatives:
                self.number_feedback(answer, raw, feedback)
                if answer is full[0]:
                    continue
                shown = answer.text.text
                weight = 100 if answer.weight is None else answer.weight
                self.note(
                    raw,
                    f"the alternative {shown} worth {weight:g}% was left out: band scoring "
                    f"gives full marks from {low} to {high} and 0 elsewhere",
                )
        payload: dict[str, Any] = {"kind": "estimate", "range": [_plain(low), _plain(high)]}
        unit = raw.hints.get("unit")
        if unit:
            payload["unit"] = unit
        return payload

    def number_feedback(self, answer: Answer, raw: RawQuestion, feedback: list[str]) -> None:
        if answer.feedback is not None:
            self.add_feedback(feedback, answer.feedback, raw, about=answer.text.text)

    def bounds(self, answer: Answer) -> tuple[Decimal, Decimal]:
        spec = answer.text.text.strip()
        place = answer.place
        if not spec:
            raise GiftSyntaxError(place, "an empty numerical answer: write 5, 5:0.5 or 1..10")
        if match := _RANGE_RE.match(spec):
            low, high = _number(match.group(1), place), _number(match.group(2), place)
            if low > high:
                raise GiftSyntaxError(place, f"the range {spec} runs backwards: write min..max")
            return low, high
        if match := _TOLERANCE_RE.match(spec):
            value, tolerance = _number(match.group(1), place), _number(match.group(2), place)
            if tolerance < 0:
                raise GiftSyntaxError(place, f"the tolerance in {spec} is negative")
            return value - tolerance, value + tolerance
        if match := _VALUE_RE.match(spec):
            value = _number(match.group(1), place)
            return value, value
        raise GiftSyntaxError(
            place,
            f"{spec!r} is not a numerical answer: write 5, 5:0.5 (answer:tolerance) "
            "or 1..10 (min..max)",
        )


def _is_positional(pairs: list[dict[str, str]], decoys: list[str]) -> bool:
    """True for `1st -> a, 2nd -> b...` (or `第1 -> a...`), the GIFT form of an order question."""
    if decoys or len(pairs) > LIMITS["order"][1]:
        return False
    lefts = [p["left"] for p in pairs]
    return any(
        lefts == [ordinal(n, language) for n in range(1, len(pairs) + 1)]
        for language in ("en", "zh")
    )
