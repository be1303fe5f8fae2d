"""What tells a player a fact's date: its line with the date, or a source sentence that says it.

A round that has shown one of these has told the fact's date, even in words a date question
does not use: a source sentence that says "on the evening of 25 February" (or 2月25日晚) dates
the release it names, and so answers "What happened on 25 February 2020?" asked later. The
give-away rule and the elimination rule (docs/questions.md) look for these texts.
"""

from __future__ import annotations

import re

from ali_quiz.packs.dates import PartialDate
from ali_quiz.quiz.facts import Dated, PackFacts
from ali_quiz.quiz.giveaway import Shown
from ali_quiz.quiz.kinds import ChoiceQuestion
from ali_quiz.quiz.phrasing import MONTHS_EN

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_NEAR = 12  # how far from the answer's date a "what happened" question's wrong options lie
# A sentence ends at 。！？ or at . ! ? followed by a space (5.0 is not an end).
_SENTENCE_END = re.compile(r"(?<=[。！？])|(?<=[.!?])\s+")


def date_words(date: PartialDate) -> list[str]:
    """How a sentence may say this date, in Chinese and in English, to its precision."""
    year, month, day = date.year, date.month, date.day
    if month is None:
        return [f"{year}年", f"in {year}", f"by {year}", f"{year},"]
    name = MONTHS_EN[month - 1]
    if day is None:
        return [f"{year}年{month}月", f"{name} {year}", f"{name} of"]
    return [f"{month}月{day}日", f"{day} {name}", f"{name} {day}"]


def _states(sentence: str, words: list[str]) -> bool:
    folded = sentence.casefold()
    return any(word.casefold() in folded for word in words)


class DateKeys(dict[str, list[str]]):
    """For each dated fact (events, dated releases, states), the texts that tell its date: its
    line with the date, and each sentence of its source (and translation) that says the date.

    Worked out for a fact when first asked for (`get`): a round asks about a few facts, and a
    pack of 10,000 events would otherwise read every source at each validation.
    """

    def __init__(self, facts: PackFacts) -> None:
        super().__init__()
        self.facts = facts
        self.dated: dict[str, PartialDate] = {d.id: d.date for d in facts.timeline}
        self.dated.update((s.id, s.as_of) for s in facts.states)

    def __bool__(self) -> bool:
        return bool(self.dated)

    def get(self, fact_id: str, default: object = None) -> Any:
        found = dict.get(self, fact_id)
        if found is not None:
            return found
        date = self.dated.get(fact_id)
        if date is None:
            return default
        found = self[fact_id] = self.told(fact_id, date)
        return found

    def told(self, fact_id: str, date: PartialDate) -> list[str]:
        texts = [self.facts.headline_of(fact_id) or ""]
        words = date_words(date)
        source = self.facts.sources.get(fact_id, "")
        for line in source.splitlines():
            for sentence in _SENTENCE_END.split(line.strip("「」 ")):
                sentence = sentence.strip()
                if len(sentence) > 8 and _states(sentence, words):
                    texts.append(sentence)
        return [t for t in dict.fromkeys(texts) if t]


def all_shown(texts: list[str], shown: Shown) -> bool:
    """Whether the round has shown every one of these texts."""
    return bool(texts) and all(shown.reveals((text,)) is not None for text in texts)


def date_keys(facts: PackFacts) -> DateKeys:
    """The pack's DateKeys, made once per pack."""
    found = facts.pack.derived.get("date_keys")
    if isinstance(found, DateKeys):
        return found
    keys = facts.pack.derived["date_keys"] = DateKeys(facts)
    return keys


#: "When did this happen" (or "as of when"): its options are dates; and a figure's choice,
#: whose options are figures (play test H1: both wrong ones just taught as other facts').
WHEN_FORMS = ("choice-when-", "choice-state-", "choice-figure-")


def eliminated(
    question: ChoiceQuestion, facts: PackFacts, shown: Shown, keys: dict[str, list[str]]
) -> bool:
    """Whether the round has told the date of every wrong option of this "what happened on…"
    question, or shown every wrong date of a "when did this happen?" question (as the dates of
    other facts), or every wrong figure of a figure's choice (as other facts' figures): its
    answer is then found by elimination, knowing nothing of it."""
    if question.id.startswith(WHEN_FORMS):
        return all_shown([o.text for o in question.options if o.id != question.answer], shown)
    if not question.id.startswith("choice-what-"):
        return False
    position = facts.timeline_position.get(question.facts[0]) if question.facts else None
    if position is None:
        return False
    # The wrong options are happenings near the answer's date (makers.timeline.choice_what):
    # its neighbours are looked at, not an index of the whole pack's happenings.
    by_text: dict[str, list[Dated]] = {}
    for item in facts.near_in_time(facts.timeline[position], _NEAR):
        by_text.setdefault(item.happening, []).append(item)
    wrong = [o.text for o in question.options if o.id != question.answer]
    return all(
        any(shown.reveals(keys.get(d.id, ())) is not None for d in by_text.get(text, ()))
        for text in wrong
    )
