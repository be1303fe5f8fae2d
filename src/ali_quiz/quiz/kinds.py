"""Questions of each kind, as frozen dataclasses, and their JSON form (PRODUCT.md's shapes).

They are slotted: a round of 200 on a large pack builds and throws away tens of thousands of
entries and questions, and without a `__dict__` each is one object for the garbage collector
to walk instead of two.
"""

from __future__ import annotations

from dataclasses import dataclass

from ali_quiz.record import Record

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

KINDS = ("order", "match", "estimate", "choice", "multi", "text")
GENERATED_KINDS = ("order", "match", "estimate", "choice")

#: What a player's response looks like, per kind: order a list of item ids, match a dict of
#: left id to right id, estimate a number, choice an option id, multi a list of option ids,
#: text a string.
Response = list[str] | dict[str, str] | float | int | str


@dataclass(frozen=True, kw_only=True, eq=False, repr=False, slots=True)
class Entry(Record):
    """One item, option or side of a question: an id unique within the question, and its text."""

    id: str
    text: str
    feedback: str | None = None  # authored options: shown only when this option was picked

    def to_json(self) -> dict[str, str]:
        if self.feedback:
            return {"id": self.id, "text": self.text, "feedback": self.feedback}
        return {"id": self.id, "text": self.text}


@dataclass(frozen=True, kw_only=True, init=False, eq=False, repr=False, slots=True)  # a base only
class Question(Record):
    """What every question has; a kind adds its items, options or answer."""

    id: str
    kind: str
    prompt: str
    facts: tuple[str, ...]
    explanation: str
    max_points: int = 100
    passage: str | None = None  # authored: a reading text shown above the prompt

    def to_json(self) -> dict[str, Any]:
        """The question as `generate --format json` prints it."""
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "prompt": self.prompt,
            "facts": list(self.facts),
            "explanation": self.explanation,
            "max_points": self.max_points,
        }
        if self.passage:
            data["passage"] = self.passage
        data.update(self._payload())
        return data

    def _payload(self) -> dict[str, Any]:
        raise NotImplementedError

    def answer_json(self) -> Any:
        """The correct answer in the shape of a response."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True, eq=False, repr=False, slots=True)
class OrderQuestion(Question):
    """Put the items in order, earliest first."""

    kind: str = "order"
    items: tuple[Entry, ...]
    answer: tuple[str, ...]  # item ids, earliest first

    def _payload(self) -> dict[str, Any]:
        return {"items": [i.to_json() for i in self.items], "answer": list(self.answer)}

    def answer_json(self) -> list[str]:
        return list(self.answer)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False, slots=True)
class MatchQuestion(Question):
    """Pair each left item with a right one."""

    kind: str = "match"
    left: tuple[Entry, ...]
    right: tuple[Entry, ...]
    answer: tuple[tuple[str, str], ...]  # (left id, right id) in the order of `left`

    def _payload(self) -> dict[str, Any]:
        return {
            "left": [i.to_json() for i in self.left],
            "right": [i.to_json() for i in self.right],
            "answer": dict(self.answer),
        }

    def answer_json(self) -> dict[str, str]:
        return dict(self.answer)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False, slots=True)
class EstimateQuestion(Question):
    """Type a figure; scored by how near it is (log) or inside a range (band)."""

    kind: str = "estimate"
    unit: str
    answer: int | float
    written: str  # the answer as the source writes it, e.g. 7610.2萬
    scoring: str = "log"  # "log" or "band"
    tolerance: float | None = 0.05
    range: tuple[float, float] | None = None

    def _payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "unit": self.unit,
            "answer": self.answer,
            "scoring": self.scoring,
        }
        if self.scoring == "band" and self.range is not None:
            payload["range"] = list(self.range)
        else:
            payload["tolerance"] = self.tolerance
        return payload

    def answer_json(self) -> int | float:
        return self.answer


@dataclass(frozen=True, kw_only=True, eq=False, repr=False, slots=True)
class ChoiceQuestion(Question):
    """Pick one option."""

    kind: str = "choice"
    options: tuple[Entry, ...]
    answer: str  # the option id of the (best) right answer
    weights: tuple[tuple[str, float], ...] | None = None  # authored multi-answer: percent

    def _payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "options": [o.to_json() for o in self.options],
            "answer": self.answer,
        }
        if self.weights is not None:
            payload["weights"] = dict(self.weights)
        return payload

    def answer_json(self) -> str:
        return self.answer


@dataclass(frozen=True, kw_only=True, eq=False, repr=False, slots=True)
class MultiQuestion(Question):
    """Select all that apply: the picked options' weights (percent) add up, kept in 0..100."""

    kind: str = "multi"
    options: tuple[Entry, ...]
    weights: tuple[tuple[str, float], ...]  # option id -> percent, in the order of `options`

    def _payload(self) -> dict[str, Any]:
        return {"options": [o.to_json() for o in self.options], "weights": dict(self.weights)}

    def answer_json(self) -> list[str]:
        """The options worth picking (positive weight), in the order shown."""
        return [option_id for option_id, weight in self.weights if weight > 0]


@dataclass(frozen=True, kw_only=True, eq=False, repr=False, slots=True)
class TextQuestion(Question):
    """Type a short answer."""

    kind: str = "text"
    accepted: tuple[str, ...]

    def _payload(self) -> dict[str, Any]:
        return {"accepted": list(self.accepted)}

    def answer_json(self) -> str:
        return self.accepted[0]


def feedback_for(question: Question, response: object) -> list[tuple[str, str]]:
    """(option text, feedback) for each picked option that carries feedback."""
    options: tuple[Entry, ...] = ()
    if isinstance(question, ChoiceQuestion | MultiQuestion):
        options = question.options
    picked: set[object] = set()
    if isinstance(response, str):
        picked = {response}
    elif isinstance(response, list):
        picked = set(response)
    return [(o.text, o.feedback) for o in options if o.feedback and o.id in picked]


def entry_text(entries: tuple[Entry, ...], entry_id: str) -> str:
    """The text of the entry with this id (the id itself when there is none)."""
    for entry in entries:
        if entry.id == entry_id:
            return entry.text
    return entry_id


_new, _set = object.__new__, object.__setattr__


def entry(entry_id: str, text: str) -> Entry:
    """`Entry(id=entry_id, text=text)`, built without the dataclass's `__init__`: a round of
    200 on a large pack builds tens of thousands of entries, and the generated `__init__` of a
    frozen class (keywords, then `object.__setattr__` per field) costs three times as much.
    tests/test_record.py checks that it builds the same entry, every field set."""
    made = _new(Entry)
    _set(made, "id", entry_id)
    _set(made, "text", text)
    _set(made, "feedback", None)
    return made
