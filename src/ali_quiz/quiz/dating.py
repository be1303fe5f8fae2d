"""What tells a player a fact's date: its line with the date, or a source sentence that says it.

A round that has shown one of these has told the fact's date, even in words a date question
does not use: a source sentence that says "on the evening of 25 February" (or 2月25日晚) dates
the release it names, and so answers "What happened on 25 February 2020?" asked later. The
give-away rule and the elimination rule (docs/questions.md) look for these texts.
"""

from __future__ import annotations

import re

from ali_quiz.packs.dates import PartialDate
from ali_quiz.quiz.facts import PackFacts
from ali_quiz.quiz.giveaway import Shown
from ali_quiz.quiz.kinds import ChoiceQuestion
from ali_quiz.quiz.phrasing import MONTHS_EN

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


def date_keys(facts: PackFacts) -> dict[str, list[str]]:
    """For each dated fact (events, dated releases, states), the texts that tell its date: its
    line with the date, and each sentence of its source (and translation) that says the date."""
    found = facts.pack.derived.get("date_keys")
    if isinstance(found, dict):
        return found
    dated: list[tuple[str, PartialDate]] = [(d.id, d.date) for d in facts.timeline]
    dated += [(s.id, s.as_of) for s in facts.states]
    keys: dict[str, list[str]] = {}
    for fact_id, date in dated:
        texts = [facts.headline_of(fact_id) or ""]
        words = date_words(date)
        source = facts.sources.get(fact_id, "")
        for line in source.splitlines():
            for sentence in _SENTENCE_END.split(line.strip("「」 ")):
                sentence = sentence.strip()
                if len(sentence) > 8 and _states(sentence, words):
                    texts.append(sentence)
        keys[fact_id] = [t for t in dict.fromkeys(texts) if t]
    facts.pack.derived["date_keys"] = keys
    return keys


def eliminated(
    question: ChoiceQuestion, facts: PackFacts, shown: Shown, keys: dict[str, list[str]]
) -> bool:
    """Whether the round has told the date of every wrong option of this "what happened on…"
    question: its answer is then found by elimination, knowing nothing of it."""
    if not question.id.startswith("choice-what-"):
        return False
    by_text = facts.by_happening
    wrong = [o.text for o in question.options if o.id != question.answer]
    return all(
        any(shown.reveals(keys.get(d.id, ())) is not None for d in by_text.get(text, ()))
        for text in wrong
    )
