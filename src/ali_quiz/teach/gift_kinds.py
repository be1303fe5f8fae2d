"""What the answer block of a GIFT question becomes: one function per Moodle question type.

(Numerical questions are read in gift_numerical.)

Each function reads the block as Moodle's own reader does (question/format/gift/format.php)
and returns the kind's part of a pack question, raises Skip for a well-formed question a pack
cannot hold, or GiftSyntaxError for one Moodle itself would refuse. What Moodle tolerates is
taken, and said in a note when ali-quiz reads it differently from how it is written.
"""

from __future__ import annotations

from typing import Any, Protocol

from ali_quiz.teach.gift_export import ordinal
from ali_quiz.teach.gift_parse import (
    Answer,
    GiftSyntaxError,
    RawQuestion,
    Span,
    split_answers,
)


class Importer(Protocol):
    """What these functions use of gift_questions.Importer (which imports this module)."""

    def text(self, span: Span, raw: RawQuestion) -> str: ...

    def answer_text(self, answer: Answer, raw: RawQuestion, what: str) -> str: ...

    def note(self, raw: RawQuestion, message: str) -> None: ...

    def true_false_labels(self) -> tuple[str, str]: ...


LIMITS = {"choice": (2, 10), "multi": (2, 10), "match": (3, 10), "order": (3, 6)}
TRUE_WORDS = ("T", "TRUE")
FALSE_WORDS = ("F", "FALSE")
#: Moodle stores weights as fractions with 7 decimals: three thirds make 99.99999%.
_SUM_SLACK = 0.01


class Skip(Exception):
    """A well-formed question ali-quiz cannot represent; the message says why."""


def _weight_text(weight: float) -> int | float:
    return int(weight) if float(weight).is_integer() else weight


def _is_empty(answer: Answer) -> bool:
    return not answer.text.text and answer.weight is None and answer.feedback is None


# -- multiple choice and multiple answer --------------------------------------------------------


def choice(imp: Importer, main: Span, raw: RawQuestion) -> dict[str, Any]:
    """`{=right ~wrong}`: a choice; with no `=` at all (Moodle's multiple-answer), a multi."""
    options: list[dict[str, Any]] = []
    single = False
    for answer in split_answers(main):
        if _is_empty(answer):
            if answer.marker == "=":
                raise GiftSyntaxError(
                    answer.place, "an empty right answer: write its text after `=`"
                )
            # `~=right` and `~ ~b`: Moodle drops an empty answer; so does ali-quiz, quietly.
            continue
        if not answer.marker:
            imp.note(raw, "the text before the first ~ was read as a wrong answer, as Moodle does")
        text = imp.answer_text(answer, raw, "answer")
        if answer.marker == "=":
            single = True
            weight = 100.0
        else:
            weight = answer.weight if answer.weight is not None else 0.0
        if not -100 <= weight <= 100:
            raise GiftSyntaxError(answer.place, f"weight {weight:g}% is not from -100 to 100")
        if text in (o["text"] for o in options):
            raise GiftSyntaxError(answer.place, f"two answers read {text!r}")
        option: dict[str, Any] = {"text": text, "weight": weight}
        if answer.feedback is not None and (said := imp.text(answer.feedback, raw)):
            option["feedback"] = said
        options.append(option)
    if not any(o["weight"] > 0 for o in options):
        raise GiftSyntaxError(
            raw.brace,
            "none of the answers is right: mark the right one with = "
            "(or give part marks with ~%50%)",
        )
    kind = "choice" if single else "multi"
    low, high = LIMITS[kind]
    if not low <= len(options) <= high:
        what = "multiple-choice" if single else "multiple-answer"
        raise Skip(
            f"a {what} question with {len(options)} answers: ali-quiz holds {low} to {high} options"
        )
    if single:
        return {"kind": "choice", "options": _choice_options(options)}
    return {"kind": "multi", "options": _multi_options(imp, raw, options)}


def _choice_options(options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    right = [o for o in options if o["weight"] == 100]
    if len(right) == 1 and all(o["weight"] in (0, 100) for o in options):
        for o in options:
            weight = o.pop("weight")
            if weight == 100:
                o["correct"] = True
        return [_ordered(o) for o in options]
    for o in options:
        o["weight"] = _weight_text(o["weight"])
    return [_ordered(o) for o in options]


def _multi_options(
    imp: Importer, raw: RawQuestion, options: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    positive = sum(o["weight"] for o in options if o["weight"] > 0)
    if abs(positive - 100) > _SUM_SLACK:
        # Moodle refuses to save such a question; the teacher meant "these are the right ones".
        scale = 100 / positive
        for o in options:
            if o["weight"] > 0:
                o["weight"] = round(o["weight"] * scale, 5)
        imp.note(
            raw,
            f"the right answers' weights added up to {positive:g}%, not 100%: they were "
            "scaled to share 100%",
        )
    for o in options:
        o["weight"] = _weight_text(o["weight"])
    return [_ordered(o) for o in options]


def _ordered(option: dict[str, Any]) -> dict[str, Any]:
    """Keys in the order a person writes them: text, correct/weight, feedback."""
    keys = ("text", "correct", "weight", "feedback")
    return {k: option[k] for k in keys if k in option}


# -- true/false ---------------------------------------------------------------------------------


def true_false_word(main: Span) -> bool | None:
    """True or False for `{T}`, `{TRUE}`, `{F}`, `{FALSE}` (Moodle's exact words), else None."""
    head = _head(main)
    if head in TRUE_WORDS:
        return True
    if head in FALSE_WORDS:
        return False
    return None


def _head(main: Span) -> str:
    end = main.find("#")
    return (main.cut(0, end) if end != -1 else main).strip().text


def true_false_of(imp: Importer, main: Span, raw: RawQuestion) -> bool | None:
    """The right answer of a true/false question (Moodle's words or a tolerated oddity)."""
    value = true_false_word(main)
    return value if value is not None else true_false_oddity(imp, main, raw)


def true_false_oddity(imp: Importer, main: Span, raw: RawQuestion) -> bool | None:
    """`{true}` (read as true/false, noted), `{TRUE FALSE}` (skipped); None when neither."""
    head = _head(main)
    words = head.upper().replace(",", " ").replace("/", " ").split()
    if not words or not set(words) <= {*TRUE_WORDS, *FALSE_WORDS}:
        return None
    if len(words) == 1:
        imp.note(
            raw,
            f"{{{head}}} was read as a true/false question; Moodle reads only T, TRUE, F and "
            f"FALSE in capitals that way, and {{{head}}} as a short answer accepting {head!r}",
        )
        return words[0] in TRUE_WORDS
    raise Skip(
        f"{{{head}}} looks like a true/false question but names both answers (Moodle would "
        f"accept the text {head!r} as a short answer): write {{TRUE}} or {{FALSE}}"
    )


def true_false(imp: Importer, main: Span, raw: RawQuestion, value: bool) -> dict[str, Any]:
    """A choice of two; `#wrong feedback#right feedback` go to the option they are about."""
    parts: list[str] = []
    start = main.find("#")
    while start != -1 and len(parts) < 2:
        end = main.find("#", start + 1)
        parts.append(imp.text(main.cut(start + 1, end if end != -1 else None).strip(), raw))
        start = end
    wrong_feedback = parts[0] if parts else ""
    right_feedback = parts[1] if len(parts) > 1 else ""
    true_label, false_label = imp.true_false_labels()
    true: dict[str, Any] = {"text": true_label}
    false: dict[str, Any] = {"text": false_label}
    right, wrong = (true, false) if value else (false, true)
    right["correct"] = True
    if right_feedback:
        right["feedback"] = right_feedback
    if wrong_feedback:
        wrong["feedback"] = wrong_feedback
    return {"kind": "choice", "options": [_ordered(true), _ordered(false)]}


# -- short answer -------------------------------------------------------------------------------


def short_answer(imp: Importer, main: Span, raw: RawQuestion) -> dict[str, Any]:
    accepted: list[str] = []
    for answer in split_answers(main):
        if _is_empty(answer):
            continue
        text = imp.answer_text(answer, raw, "answer")
        drop_feedback(imp, answer, raw, text)
        if answer.weight is not None and answer.weight != 100:
            imp.note(
                raw,
                f"the answer {text!r} worth {answer.weight:g}% was left out: a "
                "text question accepts full-mark answers only",
            )
            continue
        if "*" in text:
            imp.note(
                raw,
                f"the answer {text!r} uses Moodle's * wildcard; "
                "ali-quiz accepts it only as written",
            )
        if text not in accepted:
            accepted.append(text)
    if not accepted:
        raise Skip("a short-answer question with no answer worth 100%: nothing to accept")
    return {"kind": "text", "accepted": accepted}


def drop_feedback(imp: Importer, answer: Answer, raw: RawQuestion, about: str) -> None:
    """An answer's own feedback in a question without options: listed, never shown to all."""
    if answer.feedback is None:
        return
    said = imp.text(answer.feedback, raw)
    if said:
        imp.note(
            raw,
            f"the feedback {said!r} of the answer {about!r} was left out: a question without "
            "options shows one explanation to everyone (put it after ####)",
        )


# -- matching -----------------------------------------------------------------------------------


def match(imp: Importer, main: Span, raw: RawQuestion) -> dict[str, Any]:
    pairs: list[dict[str, str]] = []
    decoys: list[str] = []
    for answer in split_answers(main):
        if _is_empty(answer):
            continue
        if answer.marker != "=":
            raise GiftSyntaxError(
                answer.place, "text before the first pair: start every pair with =left -> right"
            )
        arrow = answer.text.find("->")
        if arrow == -1:
            raise GiftSyntaxError(
                answer.place,
                "a matching line without `->`: write =left -> right "
                "(or = -> decoy for an extra right-hand item)",
            )
        left = imp.text(answer.text.cut(0, arrow).strip(), raw)
        right = imp.text(answer.text.cut(arrow + 2).strip(), raw)
        if not right:
            raise GiftSyntaxError(answer.place, "nothing after `->`: write =left -> right")
        drop_feedback(imp, answer, raw, left or right)
        if not left:
            decoys.append(right)
            continue
        if left in (p["left"] for p in pairs):
            raise GiftSyntaxError(answer.place, f"two pairs start with {left!r}")
        pairs.append({"left": left, "right": right})
    low, high = LIMITS["match"]
    if _is_positional(pairs, decoys) and len(pairs) >= LIMITS["order"][0]:
        imp.note(
            raw,
            "a matching question of positions (1st, 2nd...) to items, read as an order question",
        )
        return {"kind": "order", "items": [p["right"] for p in pairs]}
    if not low <= len(pairs) <= high:
        raise Skip(f"a matching question with {len(pairs)} pairs: a match holds {low} to {high}")
    rights = [p["right"] for p in pairs]
    if len(set(rights)) < len(rights):
        shared = next(r for r in rights if rights.count(r) > 1)
        raise Skip(
            f"a matching question where several items pair with {shared!r}: a match "
            "pairs each left item with a different right item"
        )
    kept = []
    for decoy in decoys:
        if decoy in rights or decoy in kept:
            imp.note(raw, f"the decoy {decoy!r} repeats a right-hand item and was left out")
        else:
            kept.append(decoy)
    payload: dict[str, Any] = {"kind": "match", "pairs": pairs}
    if kept:
        payload["decoys"] = kept
    return payload


def _is_positional(pairs: list[dict[str, str]], decoys: list[str]) -> bool:
    """True for `1st -> a, 2nd -> b...` (or `第1 -> a...`), the GIFT form of an order question."""
    if decoys or len(pairs) > LIMITS["order"][1]:
        return False
    lefts = [p["left"] for p in pairs]
    return any(
        lefts == [ordinal(n, language) for n in range(1, len(pairs) + 1)]
        for language in ("en", "zh")
    )
