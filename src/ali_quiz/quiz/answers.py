"""The answer grammar shared by plain mode and the TUI's question widgets.

Items and options are labelled A, B, C… and the left side of a match 1, 2, 3…, in the order of
`generate --format json`; input is NFKC-normalised and case-insensitive, and spaces and commas
are ignored except inside an estimate. Parsing an answer line, and the wording of questions and
answers as those labels show them, live here so that every front end reads and words them alike.
"""

from __future__ import annotations

import re
import string
import unicodedata

from ali_quiz.i18n import Translator
from ali_quiz.numberformat import format_plain
from ali_quiz.numbers import NumberFormatError, parse_number
from ali_quiz.quiz.examples import estimate_examples
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    Response,
    TextQuestion,
    entry_text,
)
from ali_quiz.units import figure_before_lone_m, figure_before_unit, strip_unit

LETTERS = string.ascii_uppercase
SKIP_WORDS = ("skip", "?")
QUIT_WORDS = ("quit",)
# Ignored between letters and numbers: spaces, commas, and the Chinese enumeration comma.
_IGNORED = re.compile(r"[\s,、]+")
_MATCH_PAIR = re.compile(r"(\d+)([A-Z])")


def letter(index: int) -> str:
    """The label of the item at a 0-based index: A, B, C…"""
    return LETTERS[index] if index < len(LETTERS) else f"#{index + 1}"


class AnswerError(ValueError):
    """A malformed answer line: an i18n key and its values, so each front end words it."""

    def __init__(self, key: str, values: dict[str, object] | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.values = dict(values or {})

    def message(self, tr: Translator) -> str:
        """The problem in the interface language (a figure's problem included)."""
        values = {
            name: value.message(tr) if isinstance(value, NumberFormatError) else value
            for name, value in self.values.items()
        }
        return tr(self.key, **values)


def normalize_line(line: str) -> str:
    """NFKC (full-width letters and digits become ASCII), trimmed."""
    return unicodedata.normalize("NFKC", line).strip()


def command_of(line: str) -> str | None:
    """`skip` or `quit` when the line is one of those words, else None."""
    word = normalize_line(line).casefold()
    if word in SKIP_WORDS:
        return "skip"
    if word in QUIT_WORDS:
        return "quit"
    return None


def _compact(line: str) -> str:
    return _IGNORED.sub("", normalize_line(line)).upper()


def _letters_list(count: int) -> tuple[str, ...]:
    """The letters offered, a list each language joins its own way (`A, B` / `A、B`)."""
    return tuple(letter(i) for i in range(count))


def parse_choice(question: ChoiceQuestion, line: str) -> str:
    """One letter -> the option id."""
    text = _compact(line)
    offered = _letters_list(len(question.options))
    if not text:
        raise AnswerError("answer.empty")
    if len(text) != 1:
        raise AnswerError("answer.choice.one", {"letters": offered})
    index = LETTERS.find(text)
    if index < 0 or index >= len(question.options):
        raise AnswerError("answer.not_offered", {"letter": text, "letters": offered})
    return question.options[index].id


def parse_multi(question: MultiQuestion, line: str) -> list[str]:
    """Every letter that applies, in any order, each once -> option ids in the order shown."""
    text = _compact(line)
    offered = _letters_list(len(question.options))
    if not text:
        raise AnswerError("answer.empty")
    seen: set[int] = set()
    for char in text:
        index = LETTERS.find(char)
        if not char.isalpha() or index < 0:
            raise AnswerError("answer.multi.bad", {"letters": offered})
        if index >= len(question.options):
            raise AnswerError("answer.not_offered", {"letter": char, "letters": offered})
        if index in seen:
            raise AnswerError("answer.multi.repeated", {"letter": char})
        seen.add(index)
    return [question.options[i].id for i in sorted(seen)]


def order_example(count: int) -> str:
    return "".join(letter(i) for i in reversed(range(count)))


def parse_order(question: OrderQuestion, line: str) -> list[str]:
    """Every letter once, earliest first -> item ids in that order."""
    text = _compact(line)
    count = len(question.items)
    offered = _letters_list(count)
    if not text:
        raise AnswerError("answer.empty")
    seen: list[int] = []
    for char in text:
        index = LETTERS.find(char)
        if not char.isalpha() or index < 0:
            raise AnswerError(
                "answer.order.bad", {"letters": offered, "example": order_example(count)}
            )
        if index >= count:
            raise AnswerError("answer.not_offered", {"letter": char, "letters": offered})
        if index in seen:
            raise AnswerError("answer.order.repeated", {"letter": char})
        seen.append(index)
    missing = [letter(i) for i in range(count) if i not in seen]
    if missing:
        raise AnswerError("answer.order.missing", {"letters": tuple(missing)})
    return [question.items[i].id for i in seen]


def match_example(question: MatchQuestion) -> str:
    return " ".join(f"{i + 1}{letter(i)}" for i in range(len(question.left)))


def parse_match(question: MatchQuestion, line: str) -> dict[str, str]:
    """`1C 2A 3B` -> left id to right id."""
    text = _compact(line)
    example = match_example(question)
    if not text:
        raise AnswerError("answer.empty")
    if not re.fullmatch(r"(?:\d+[A-Z])+", text):
        raise AnswerError("answer.match.bad", {"example": example})
    left_count, right_count = len(question.left), len(question.right)
    numbers = tuple(str(i + 1) for i in range(left_count))
    letters = _letters_list(right_count)
    pairs: dict[int, int] = {}
    used: dict[int, int] = {}
    for number_text, char in _MATCH_PAIR.findall(text):
        number = int(number_text)
        right = LETTERS.index(char)
        if not 1 <= number <= left_count:
            raise AnswerError(
                "answer.match.number_not_offered", {"number": number, "numbers": numbers}
            )
        if right >= right_count:
            raise AnswerError("answer.not_offered", {"letter": char, "letters": letters})
        if number in pairs:
            raise AnswerError("answer.match.number_repeated", {"number": number})
        if right in used:
            raise AnswerError("answer.match.letter_reused", {"letter": char})
        pairs[number] = right
        used[right] = number
    missing = [str(n) for n in range(1, left_count + 1) if n not in pairs]
    if missing:
        raise AnswerError("answer.match.number_missing", {"numbers": tuple(missing)})
    return {
        question.left[number - 1].id: question.right[right].id
        for number, right in sorted(pairs.items())
    }


def parse_estimate(question: EstimateQuestion, line: str) -> int | float:
    """A figure as people write it; a bare number is in the question's unit."""
    text = normalize_line(line)
    if not text:
        raise AnswerError("answer.empty")
    unitless = not question.unit.strip()
    if unitless and (figure := figure_before_lone_m(text)) is not None:
        # A question without a unit (a Moodle import asking "in metres") cannot tell 330 m
        # (metres) from 330m (million): asking again loses nothing, guessing may cost 100.
        raise AnswerError("answer.estimate.lone_m", {"text": text, "number": figure})
    try:
        parsed = parse_number(strip_unit(text, question.unit))
    except NumberFormatError as error:
        figure = figure_before_unit(text) if unitless else None
        if figure is not None and _readable(figure):
            # `330 metres` to a question that names no unit: the figure is plain, but which
            # unit the question wants only its prompt says; the player writes the figure alone.
            raise AnswerError("answer.estimate.no_unit", {"text": text, "number": figure}) from None
        raise AnswerError("answer.estimate.bad", {"text": text, "reason": error}) from None
    if parsed.percent and question.unit != "%":
        raise AnswerError("answer.estimate.percent", {"unit": question.unit})
    return parsed.value


def _readable(figure: str) -> bool:
    try:
        parse_number(figure)
    except NumberFormatError:
        return False
    return True


def parse_text(line: str) -> str:
    text = normalize_line(line)
    if not text:
        raise AnswerError("answer.empty")
    return text


def parse_answer(question: Question, line: str) -> Response:
    """Read an answer line for any kind; raise AnswerError when it is malformed."""
    if isinstance(question, ChoiceQuestion):
        return parse_choice(question, line)
    if isinstance(question, MultiQuestion):
        return parse_multi(question, line)
    if isinstance(question, OrderQuestion):
        return parse_order(question, line)
    if isinstance(question, MatchQuestion):
        return parse_match(question, line)
    if isinstance(question, EstimateQuestion):
        return parse_estimate(question, line)
    return parse_text(line)


# --- Wording of questions and answers (shared with the TUI) -------------------------------


def figure_text(question: EstimateQuestion, value: int | float) -> str:
    """`76,102,000 人`, `6%`: a value in the question's unit, as a plain number."""
    if question.unit == "%":
        return f"{format_plain(value)}%"
    return f"{format_plain(value)} {question.unit}".rstrip()


def estimate_answer_text(question: EstimateQuestion) -> str:
    """`7610.2萬 = 76,102,000 人`, or `150 – 160 ratings` for a band."""
    if question.scoring == "band" and question.range is not None:
        low, high = question.range
        return f"{format_plain(low)} – {format_plain(high)} {question.unit}".rstrip()
    plain = figure_text(question, question.answer)
    written = question.written.strip()
    if not written or written.replace(" ", "") == plain.replace(" ", ""):
        return plain
    if written in (format_plain(question.answer), f"{format_plain(question.answer)}%"):
        return plain
    return f"{written} = {plain}"


def answer_lines(question: Question, tr: Translator) -> list[str]:
    """The correct answer, labelled as the question showed it, one line per item or pair."""
    if isinstance(question, ChoiceQuestion):
        if question.weights is not None:
            weights = dict(question.weights)
            return [
                f"{letter(i)}. {option.text} ({weights.get(option.id, 0):g}%)"
                for i, option in enumerate(question.options)
                if weights.get(option.id, 0) > 0
            ]
        index = next(i for i, o in enumerate(question.options) if o.id == question.answer)
        return [f"{letter(index)}. {question.options[index].text}"]
    if isinstance(question, MultiQuestion):
        right = set(question.answer_json())
        return [f"{letter(i)}. {o.text}" for i, o in enumerate(question.options) if o.id in right]
    if isinstance(question, OrderQuestion):
        labels = {item.id: letter(i) for i, item in enumerate(question.items)}
        return [
            f"{rank}. {labels[item_id]}. {entry_text(question.items, item_id)}"
            for rank, item_id in enumerate(question.answer, start=1)
        ]
    if isinstance(question, MatchQuestion):
        labels = {item.id: letter(i) for i, item in enumerate(question.right)}
        numbers = {item.id: i + 1 for i, item in enumerate(question.left)}
        return [
            f"{numbers[left]}{labels[right]}: {entry_text(question.left, left)} → "
            f"{entry_text(question.right, right)}"
            for left, right in question.answer
        ]
    if isinstance(question, EstimateQuestion):
        return [estimate_answer_text(question)]
    if isinstance(question, TextQuestion):
        return [" / ".join(question.accepted)]
    return []


def compact_answer(question: Question) -> str:
    """The answer as plain mode would type it: `B`, `CADB`, `1C 2A 3B`, `7610.2萬`."""
    if isinstance(question, ChoiceQuestion):
        index = next(i for i, o in enumerate(question.options) if o.id == question.answer)
        return letter(index)
    if isinstance(question, MultiQuestion):
        right = set(question.answer_json())
        return "".join(letter(i) for i, o in enumerate(question.options) if o.id in right)
    if isinstance(question, OrderQuestion):
        labels = {item.id: letter(i) for i, item in enumerate(question.items)}
        return "".join(labels[item_id] for item_id in question.answer)
    if isinstance(question, MatchQuestion):
        labels = {item.id: letter(i) for i, item in enumerate(question.right)}
        numbers = {item.id: i + 1 for i, item in enumerate(question.left)}
        return " ".join(f"{numbers[left]}{labels[right]}" for left, right in question.answer)
    if isinstance(question, EstimateQuestion):
        return question.written or format_plain(question.answer)
    if isinstance(question, TextQuestion):
        return question.accepted[0] if question.accepted else ""
    return ""


def response_text(question: Question, response: Response | None) -> str:
    """A player's response, labelled as the question showed it: `B`, `CADB`, `1C 2A`, a figure."""
    if response is None:
        return ""
    if isinstance(question, ChoiceQuestion) and isinstance(response, str):
        for i, option in enumerate(question.options):
            if option.id == response:
                return f"{letter(i)}. {option.text}"
    if isinstance(question, MultiQuestion) and isinstance(response, list):
        picked = set(response)
        return "".join(letter(i) for i, o in enumerate(question.options) if o.id in picked)
    if isinstance(question, OrderQuestion) and isinstance(response, list):
        labels = {item.id: letter(i) for i, item in enumerate(question.items)}
        return "".join(labels.get(item_id, "?") for item_id in response)
    if isinstance(question, MatchQuestion) and isinstance(response, dict):
        labels = {item.id: letter(i) for i, item in enumerate(question.right)}
        numbers = {item.id: i + 1 for i, item in enumerate(question.left)}
        return " ".join(
            f"{numbers.get(left, '?')}{labels.get(right, '?')}" for left, right in response.items()
        )
    if (
        isinstance(question, EstimateQuestion)
        and isinstance(response, int | float)
        and not isinstance(response, bool)
    ):
        return figure_text(question, response)
    return str(response)


def ask_hint(question: Question, tr: Translator) -> str:
    """What an answer line looks like for this question."""
    if isinstance(question, ChoiceQuestion):
        return tr("plain.ask.choice")
    if isinstance(question, MultiQuestion):
        return tr("plain.ask.multi")
    if isinstance(question, OrderQuestion):
        return tr("plain.ask.order", example=order_example(len(question.items)))
    if isinstance(question, MatchQuestion):
        return tr("plain.ask.match", example=match_example(question))
    if isinstance(question, EstimateQuestion):
        first, second = estimate_examples(question, tr.language, 2)
        examples = tr("plain.ask.either", first=first, second=second)
        if question.unit == "%":
            return tr("plain.ask.estimate_percent", examples=examples)
        if question.unit:
            return tr("plain.ask.estimate", unit=question.unit, examples=examples)
        return tr("plain.ask.estimate_nounit", examples=examples)
    return tr("plain.ask.text")


def question_lines(question: Question, position: int, count: int, tr: Translator) -> list[str]:
    """A question as plain text: a heading, the prompt, the labelled items, the answer hint."""
    lines = [
        tr(
            "plain.question",
            position=position,
            count=count,
            kind=tr(f"kind.{question.kind}"),
            points=question.max_points,
        ),
    ]
    if question.passage:
        lines += [tr("plain.passage"), *(f"  {line}" for line in question.passage.splitlines())]
    lines.append(question.prompt)
    if isinstance(question, ChoiceQuestion | MultiQuestion):
        lines += [f"  {letter(i)}. {o.text}" for i, o in enumerate(question.options)]
    elif isinstance(question, OrderQuestion):
        lines += [f"  {letter(i)}. {item.text}" for i, item in enumerate(question.items)]
    elif isinstance(question, MatchQuestion):
        lines += [f"  {i + 1}. {item.text}" for i, item in enumerate(question.left)]
        lines += [f"  {letter(i)}. {item.text}" for i, item in enumerate(question.right)]
    lines.append(ask_hint(question, tr))
    return lines
