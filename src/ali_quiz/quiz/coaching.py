"""Near misses, named: what a player was close to, beside the points an answer earned.

The core says what happened as a code and its values (`Coaching`); each front end words it in
the interface language (the strings `coach.<code>` of the catalogue), so no sentence lives here:

| code | when | values |
| --- | --- | --- |
| `estimate.low`, `estimate.high` | a figure within a factor of 2, at least 1% off | `percent` |
| `estimate.times_low`, `estimate.times_high` | a figure further off, up to 1,000 times | `times` |
| `estimate.far_low`, `estimate.far_high` | a figure 1,000 times off or more | |
| `text.typo` | a text answer one edit from an accepted one, forgiven | `answer` |
| `text.near` | the same, in an answer too short to forgive it | `answer` |
| `order.swap` | an order right but for two items swapped | `first`, `second` |
| `match.crossed` | a match right but for two pairs crossed | `first`, `second` |
"""

from __future__ import annotations

from dataclasses import dataclass

from ali_quiz.quiz.grading import round_half_up
from ali_quiz.quiz.kinds import (
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    Response,
    TextQuestion,
    entry_text,
)
from ali_quiz.quiz.textmatch import match_text

FAR = 1000  # a guess this many times off is "far" off: no count of times is worth reading
#: Every code `coach` gives (each has its string `coach.<code>` in the catalogue).
CODES = (
    "estimate.low",
    "estimate.high",
    "estimate.times_low",
    "estimate.times_high",
    "estimate.far_low",
    "estimate.far_high",
    "text.typo",
    "text.near",
    "order.swap",
    "match.crossed",
)


@dataclass(frozen=True)
class Coaching:
    """A near miss: a code and its values (text, or whole numbers as text)."""

    code: str
    values: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> str:
        """The interface string that words it."""
        return f"coach.{self.code}"

    @property
    def args(self) -> dict[str, str]:
        return dict(self.values)

    def args_in(self, language: str) -> dict[str, str]:
        """The values to word it in an interface language: quotes inside a value the string
        quotes become the inner ones (“DingTalk 5.0 ‘Bayan Har’”, 「釘釘 5.0『巴顏喀拉』」)."""
        inner = _INNER_ZH if language.startswith("zh") else _INNER_EN
        return {name: value.translate(inner) for name, value in self.values}


#: Quotes inside a quoted value: the catalogue quotes an item as “…” (English) or 「…」 (Chinese).
_INNER_EN = str.maketrans("“”", "‘’")
_INNER_ZH = str.maketrans("「」", "『』")


def coach(question: Question, response: Response | None) -> Coaching | None:
    """The near miss of a response, if it was one (None: right, skipped, or far off)."""
    if response is None:
        return None
    match question:
        case EstimateQuestion() if isinstance(response, int | float) and not isinstance(
            response, bool
        ):
            return _estimate(question, float(response))
        case TextQuestion() if isinstance(response, str):
            found = match_text(question.accepted, response)
            if found is None or found.exact:
                return None
            code = "text.typo" if found.forgiven else "text.near"
            return Coaching(code, (("answer", found.accepted),))
        case OrderQuestion() if isinstance(response, list):
            return _order(question, response)
        case MatchQuestion() if isinstance(response, dict):
            return _match(question, response)
    return None


def _estimate(question: EstimateQuestion, guess: float) -> Coaching | None:
    answer = float(question.answer)
    if answer <= 0 or not guess > 0 or guess == float("inf"):
        return None
    ratio = guess / answer
    if 0.5 < ratio < 2:
        percent = round_half_up(abs(ratio - 1) * 100)
        if percent == 0:
            return None
        code = "estimate.low" if ratio < 1 else "estimate.high"
        return Coaching(code, (("percent", str(percent)),))
    times = ratio if ratio >= 1 else 1 / ratio
    if times >= FAR:
        # "About 1151000000 times too low" reads as a number, not as advice.
        return Coaching("estimate.far_low" if ratio < 1 else "estimate.far_high")
    shown = f"{round_half_up(times)}" if times >= 10 else f"{round_half_up(times * 10) / 10:g}"
    code = "estimate.times_low" if ratio < 1 else "estimate.times_high"
    return Coaching(code, (("times", shown),))


def _order(question: OrderQuestion, response: list[str]) -> Coaching | None:
    if sorted(response) != sorted(question.answer):
        return None
    pairs = enumerate(zip(response, question.answer, strict=True))
    off = [i for i, (given, right) in pairs if given != right]
    if len(off) != 2:
        return None
    first, second = (entry_text(question.items, response[i]) for i in off)
    return Coaching("order.swap", (("first", first), ("second", second)))


def _match(question: MatchQuestion, response: dict[str, str]) -> Coaching | None:
    wrong = [(left, right) for left, right in question.answer if response.get(left) != right]
    if len(wrong) != 2:
        return None
    (one, one_right), (two, two_right) = wrong
    if response.get(one) != two_right or response.get(two) != one_right:
        return None
    first, second = (entry_text(question.left, left) for left in (one, two))
    return Coaching("match.crossed", (("first", first), ("second", second)))
