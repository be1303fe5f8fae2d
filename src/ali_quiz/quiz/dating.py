"""What tells a player a fact's date: its line with the date, or a source sentence that says it.

A round that has shown one of these has told the fact's date, even in words a date question
does not use: a source sentence that says "on the evening of 25 February" (or 2月25日晚) dates
the release it names, and so answers "What happened on 25 February 2020?" asked later. The
give-away rule and the elimination rule (docs/questions.md) look for these texts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ali_quiz.packs.dates import PartialDate
from ali_quiz.quiz.facts import Dated, PackFacts
from ali_quiz.quiz.giveaway import Shown
from ali_quiz.quiz.kinds import ChoiceQuestion
from ali_quiz.quiz.phrasing import MONTHS_EN

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


class DateKeys:
    """For each dated fact (events, dated releases, states), the texts that tell its date: its
    line with the date, and each sentence of its source (and translation) that says the date.

    Worked out for a fact when a round first asks, and kept with the pack: a round looks at a
    few facts, and a pack of ten thousand events would otherwise pay for all of them.
    """

    def __init__(self, facts: PackFacts) -> None:
        self.facts = facts
        self.found: dict[str, list[str]] = {}
        self.states = {s.id: s.as_of for s in facts.states}

    def get(self, fact_id: str, default: Sequence[str] = ()) -> Sequence[str]:
        found = self.found.get(fact_id)
        if found is None:
            found = self.found[fact_id] = self._work_out(fact_id)
        return found or default

    def _work_out(self, fact_id: str) -> list[str]:
        facts = self.facts
        position = facts.timeline_position.get(fact_id)
        if position is not None:
            date = facts.timeline[position].date
        elif fact_id in self.states:
            date = self.states[fact_id]
        else:
            return []
        texts = [facts.headline_of(fact_id) or ""]
        words = date_words(date)
        for line in facts.sources.get(fact_id, "").splitlines():
            for sentence in _SENTENCE_END.split(line.strip("「」 ")):
                sentence = sentence.strip()
                if len(sentence) > 8 and _states(sentence, words):
                    texts.append(sentence)
        return [t for t in dict.fromkeys(texts) if t]


def date_keys(facts: PackFacts) -> DateKeys:
    """The pack's DateKeys, kept with it."""
    found = facts.pack.derived.get("date_keys")
    if not isinstance(found, DateKeys):
        found = facts.pack.derived["date_keys"] = DateKeys(facts)
    return found


def eliminated(question: ChoiceQuestion, facts: PackFacts, shown: Shown, keys: DateKeys) -> bool:
    """Whether the round has told the date of every wrong option of this "what happened on…"
    question: its answer is then found by elimination, knowing nothing of it."""
    if not question.id.startswith("choice-what-"):
        return False
    position = facts.timeline_position.get(question.facts[0]) if question.facts else None
    if position is None:
        return False
    # The wrong options are happenings near the answer's date (makers.timeline.choice_what).
    by_text: dict[str, list[Dated]] = {}
    for item in facts.near_in_time(facts.timeline[position], _NEAR):
        by_text.setdefault(item.happening, []).append(item)
    wrong = [o.text for o in question.options if o.id != question.answer]
    return all(
        any(shown.reveals(keys.get(d.id, ())) is not None for d in by_text.get(text, ()))
        for text in wrong
    )
