"""A GIFT numerical question (`{#5}`, `{#5:0.5}`, `{#1..10}`, `{#=%100%5:0 =%50%5:2}`).

It becomes an estimate with band scoring: the range of the alternative worth 100%; partial
alternatives and answers' own feedback are listed in the import's notes, as Moodle's reader
takes them (question/format/gift/format.php).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from ali_quiz.numberformat import MAX_MAGNITUDE, MIN_MAGNITUDE
from ali_quiz.teach.gift_kinds import Importer, Skip, drop_feedback
from ali_quiz.teach.gift_parse import (
    Answer,
    GiftSyntaxError,
    Place,
    RawQuestion,
    Span,
    split_answers,
)

__all__ = ["bounds", "numerical", "plain_number"]

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_RANGE_RE = re.compile(rf"^({_NUMBER})\s*\.\.\s*({_NUMBER})$")
_TOLERANCE_RE = re.compile(rf"^({_NUMBER})\s*:\s*({_NUMBER})$")
_VALUE_RE = re.compile(rf"^({_NUMBER})$")


def _number(text: str, place: Place) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise GiftSyntaxError(place, f"{text!r} is not a number") from None
    # The same bounds as a pack's figures: beyond them a number is a typo.
    if value and not MIN_MAGNITUDE <= abs(value) <= MAX_MAGNITUDE:
        raise GiftSyntaxError(place, f"{text} is too large or too small (beyond 10^30 or 10^-30)")
    return value


def plain_number(value: Decimal) -> int | float:
    """A Decimal as the YAML number a person would write: 5, 4.5, 0.0005."""
    return int(value) if value == value.to_integral_value() else float(value)


def numerical(imp: Importer, body: Span, raw: RawQuestion) -> dict[str, Any]:
    answers = split_answers(body.strip())
    alternatives = [a for a in answers if a.marker == "="]
    for answer in answers:
        if answer.marker == "~":
            # `~#feedback` is Moodle's feedback for any other answer.
            drop_feedback(imp, answer, raw, "any other answer")
            if answer.text.text:
                imp.note(
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
        low, high = bounds(single[0])
        drop_feedback(imp, single[0], raw, single[0].text.text)
    else:
        full = [a for a in alternatives if a.weight is None or a.weight == 100]
        if not full:
            raise Skip(
                "a numerical question with no alternative worth 100%: band scoring needs "
                "one range worth full marks"
            )
        low, high = bounds(full[0])
        for answer in alternatives:
            drop_feedback(imp, answer, raw, answer.text.text)
            if answer is full[0]:
                continue
            weight = 100 if answer.weight is None else answer.weight
            imp.note(
                raw,
                f"the alternative {answer.text.text} worth {weight:g}% was left out: band "
                f"scoring gives full marks from {low} to {high} and 0 elsewhere",
            )
    payload: dict[str, Any] = {
        "kind": "estimate",
        "range": [plain_number(low), plain_number(high)],
    }
    unit = raw.hints.get("unit")
    if unit:
        payload["unit"] = unit
    return payload


def bounds(answer: Answer) -> tuple[Decimal, Decimal]:
    spec = answer.text.text.strip()
    place = answer.place
    if not spec:
        raise GiftSyntaxError(place, "an empty numerical answer: write 5, 5:0.5 or 1..10")
    if found := _RANGE_RE.match(spec):
        low, high = _number(found.group(1), place), _number(found.group(2), place)
        if low > high:
            raise GiftSyntaxError(place, f"the range {spec} runs backwards: write min..max")
        return low, high
    if found := _TOLERANCE_RE.match(spec):
        value, tolerance = _number(found.group(1), place), _number(found.group(2), place)
        if tolerance < 0:
            raise GiftSyntaxError(place, f"the tolerance in {spec} is negative")
        return value - tolerance, value + tolerance
    if found := _VALUE_RE.match(spec):
        value = _number(found.group(1), place)
        return value, value
    raise GiftSyntaxError(
        place,
        f"{spec!r} is not a numerical answer: write 5, 5:0.5 (answer:tolerance) "
        "or 1..10 (min..max)",
    )
