"""What a question shows and what would give it away: the give-away rule of a good round.

A question gives a later one away when something it shows (its prompt, items, right answer,
explanation or source sentence) states the later question's answer: its right option, accepted
text, or figure as written (in a figure match, the figure of any of its pairs). A value seen only
as a wrong option does not count. Matching is on
whole words and whole dates: `2020年` is not found inside `2020年2月`, nor `2020` inside
`25 February 2020`, nor `1` inside `12`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from ali_quiz.packs.model import Metric
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    entry_text,
)
from ali_quiz.quiz.phrasing import ordinal, singular

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Protocol

    class DatesTold(Protocol):
        """The texts that tell each fact's date (quiz.dating.DateKeys)."""

        def get(self, fact_id: str, default: Sequence[str] = ..., /) -> Sequence[str]: ...


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A date written just before an occurrence makes it part of a longer date (`25 February 2020`).
_DATE_BEFORE = re.compile(rf"(?:\d{{1,2}}|{_MONTHS})\s$", re.IGNORECASE)
_DATE_AFTER = re.compile(rf"^\s(?:{_MONTHS})\b", re.IGNORECASE)
# The small whole numbers as a source spells them out (一年, 兩年, four modes, ranked first).
_CJK_NUMERALS = ("〇零", "一", "二兩两", "三", "四", "五", "六", "七", "八", "九")
_CJK_NUMERAL_CHARS = frozenset("".join(_CJK_NUMERALS) + "十百千萬万億亿")
_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_ORDINAL_WORDS = (
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
)


_SPACES = re.compile(r"\s+")


def _is_word(char: str) -> bool:
    """Whether a character is one that `\\w` matches in a pattern."""
    return char.isalnum() or char == "_"


def _cjk_space(match: re.Match[str]) -> str:
    """A run of spaces between a Chinese character (U+3400 to U+9FFF) and a word character
    (a Latin letter, a digit, a Chinese character), either way round: left out. `釘釘 5.0` (an
    option) and `釘釘5.0“巴顏喀拉”` (the article) name one release.

    Told character by character: a pattern with that range in a character class costs about
    3 ms to compile, at every start of a command that makes a round."""
    text = match.string
    start, end = match.span()
    if start == 0 or end == len(text):
        return match.group()
    before, after = text[start - 1], text[end]
    if ("\u3400" <= before <= "\u9fff" and _is_word(after)) or (
        _is_word(before) and "\u3400" <= after <= "\u9fff"
    ):
        return ""
    return match.group()


def fold(text: str) -> str:
    """Case and width folded (NFKC), as the round's texts are compared; a space between
    Chinese and a Latin word or a number is left out, as Chinese often writes them."""
    if text.isascii():  # NFKC leaves ASCII as it is, and casefolds it as lower() does
        return text.lower()
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _SPACES.sub(_cjk_space, folded) if " " in folded else folded


def shown_texts(question: Question) -> list[str]:
    """Everything a player has seen once the question is answered, wrong options left out."""
    texts = [question.prompt, question.explanation]
    match question:
        case OrderQuestion():
            texts += [item.text for item in question.items]
        case MatchQuestion():
            texts += [item.text for item in question.left]
            texts += [entry_text(question.right, right) for _, right in question.answer]
        case ChoiceQuestion():
            texts.append(entry_text(question.options, question.answer))
        case EstimateQuestion():
            texts.append(question.written)
        case TextQuestion():
            texts.append(question.accepted[0] if question.accepted else "")
    return [text for text in texts if text]


def is_small(metric: Metric) -> bool:
    """A small whole number (under 10, not a percentage) or a rank: a choice of nearby values."""
    value = metric.value
    whole = float(value).is_integer()
    return is_rank(metric) or (whole and 0 <= value < 10 and metric.unit != "%")


RANK_UNITS = frozenset({"位", "名", "place", "rank", "position"})


def is_rank(metric: Metric) -> bool:
    """A place in a ranking (unit 位, 名, place, rank or position)."""
    return metric.unit.strip().casefold() in RANK_UNITS and float(metric.value).is_integer()


#: The forms that ask for one fact's date, or for what happened on it.
DATE_FORMS = ("choice-when-", "choice-what-", "choice-state-")


def answer_keys(
    question: Question,
    metrics: Mapping[str, Metric],
    dates: DatesTold | None = None,
    *,
    alike: bool = True,
) -> list[str]:
    """The texts whose sight would give this question's answer away; `dates`: the texts that
    tell each fact's date (quiz.dating), which give away a question on that date. With `alike`,
    a question on one figure is given away by an `alike` figure too (`alike_keys`)."""
    keys: list[str] = []
    match question:
        case ChoiceQuestion():
            keys.append(entry_text(question.options, question.answer))
            if len(question.facts) == 1 and question.id.startswith(DATE_FORMS) and dates:
                keys += dates.get(question.facts[0], ())
        case TextQuestion():
            keys += question.accepted
        case EstimateQuestion():
            keys.append(question.written)
        case MatchQuestion():
            # Each pair of a figure match is answered by its figure: seen before, it is given.
            for fact in question.facts:
                metric = metrics.get(fact)
                if metric is not None:
                    keys += figure_keys(metric)
        case _:
            return []
    if isinstance(question, ChoiceQuestion | EstimateQuestion):
        for fact in question.facts[:1]:
            metric = metrics.get(fact)
            if metric is not None and len(question.facts) == 1:
                keys += figure_keys(metric)
                if alike and metric.alike:
                    keys += alike_keys(question, metrics)
    if len(keys) == 1:  # (most questions: their right option alone)
        key = keys[0].strip()
        return [key] if key else []
    return [key for key in dict.fromkeys(k.strip() for k in keys) if key]


def alike_keys(question: Question, metrics: Mapping[str, Metric]) -> list[str]:
    """The figures of the metrics `alike` the one a figure question asks: seen before, they
    answer it all but exactly (97563.8萬 monthly active people, shown before a question on
    11.51億 monthly active accounts, scores about 80 of 100) — an answer by elimination."""
    if len(question.facts) != 1 or not isinstance(question, ChoiceQuestion | EstimateQuestion):
        return []
    metric = metrics.get(question.facts[0])
    if metric is None:
        return []
    return [
        key
        for other in sorted(metric.alike)
        if other in metrics
        for key in figure_keys(metrics[other])
    ]


def figure_keys(metric: Metric) -> list[str]:
    """The ways a text may state this figure: as written, or a small number in words.

    A small number or a rank is looked for as the questions write it (`1年`, `1 year`, `第58位`,
    `58th place`) and as a sentence spells it (`一年`, `兩年`, `a whole year`, `four modes`,
    `第一`, `ranked first`), in either language: an English edition shows the original
    sentence too.
    """
    if not is_small(metric):
        return [metric.written]
    value = int(metric.value)  # small numbers and ranks are whole
    number = f"{value:,}"
    unit = metric.unit.strip()
    rank = is_rank(metric)
    keys = [f"{number}{unit}", f"{number} {unit}"]
    if rank:
        keys += [f"第{number}", ordinal(value)]
    if not 0 <= value < 10:
        return keys
    for cjk in _CJK_NUMERALS[value]:
        keys += [f"{cjk}{unit}", f"{cjk}個{unit}"]
        if rank:
            keys.append(f"第{cjk}")
    if rank:
        # Not the word alone: "Which of these happened first?" states no rank.
        word = _ORDINAL_WORDS[value]
        return keys + [f"{word} {unit}", f"ranked {word}", f"ranks {word}", f"ranking {word}"]
    one = singular(unit) if value == 1 else unit
    keys += [f"{number} {one}", f"{_NUMBER_WORDS[value]} {one}"]
    if value == 1:
        keys += [f"{article} {one}" for article in ("a", "an", "a whole", "a full")]
    return keys


def occurs(key: str, text: str) -> bool:
    """Whether `key` stands in `text` as a whole word or date (case and width folded)."""
    return _occurs_folded(fold(key), fold(text))


def _occurs_folded(key: str, text: str) -> bool:
    start = text.find(key)
    while start >= 0:
        end = start + len(key)
        if _bounded(key, text, start, end):
            return True
        start = text.find(key, start + 1)
    return False


def _bounded(key: str, text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before and key[0] in _CJK_NUMERAL_CHARS and before in _CJK_NUMERAL_CHARS:
        return False  # 一年 is not in 十一年, nor 第一 in 第十一 (its 第 is part of the key)
    if key[0].isascii() and key[0].isalnum():
        if before.isascii() and (before.isalnum() or before == "."):
            return False
        if key[0].isdigit() and _DATE_BEFORE.search(text[max(0, start - 12) : start]):
            return False
    if key[-1].isdigit():
        if after.isdigit() or (after == "." and text[end + 1 : end + 2].isdigit()):
            return False
        # A day or a month of a date (`12 April`, `12月`) is not a figure.
        if (after and after in "年月日") or _DATE_AFTER.match(text[end : end + 12]):
            return False
    if key[-1].isascii() and key[-1].isalpha() and after.isascii() and after.isalnum():
        return False
    return not (key[-1] in "年月" and after.isdigit())


class Shown:
    """What a round has shown so far, to check each new question against.

    The texts are kept folded, and joined into a few texts too: most keys occur nowhere, which
    a search of the joined texts tells. Each joined text is about twice as long as the next
    (the newest are joined with the one before whenever it is no longer), so a text is copied
    a few times in a round and a key is looked for in a few texts: a round of 200 questions
    stays quick.
    """

    _SEPARATOR = "\x00"  # in no folded key: a key found in a joined text is in one text

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._joined: list[str] = []

    def add(self, question: Question) -> None:
        new = [fold(text) for text in shown_texts(question)]
        if not new:
            return
        self.texts += new
        joined = self._SEPARATOR.join(new)
        while self._joined and len(self._joined[-1]) <= len(joined):
            joined = self._SEPARATOR.join((self._joined.pop(), joined))
        self._joined.append(joined)

    def reveals(self, keys: Iterable[str]) -> str | None:
        """The first key the round has already shown, if any."""
        for key in keys:
            folded = key.lower() if key.isascii() else fold(key)  # (fold, without its call)
            if self._SEPARATOR not in folded:
                for joined in self._joined:
                    if folded in joined:
                        break
                else:  # in no joined text: shown nowhere
                    continue
            # Only the texts holding it (a quick test in C) are read word by word.
            if any(_occurs_folded(folded, text) for text in self.texts if folded in text):
                return key
        return None
