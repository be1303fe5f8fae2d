"""What a round has told: the answers its questions showed, as relations a later one may ask.

A question asks relations, and once answered it tells some (its right answer, its explanation
with each fact's date and source sentence):

- a date (`date:` a fact): asked by each pair of a date match; told by the fact's line with its
  date or a source sentence that says it (quiz.dating), wherever the round showed them;
- a release's highlight: asked by each pair of a highlight match and by "which release brought
  this?"; told by those questions' right answers, and by a sentence of the release's source
  that holds half of the highlight's key words or more, wherever it was shown (under a figure
  about the release, say: 4.0's source tells it brought its smart office hardware);
- which of two items comes first: asked by each two items of an order and by the options of
  "which came first (or last)?"; told, for two dated facts, when both their dates are, and for
  two items of a sequence, by an earlier question that showed them in order (or two that
  chain: a before b, b before c tells a before c).

A later question that asks a told relation is given away, even when no single text states its
answer (the give-away rule, docs/questions.md). A fact told once may come back where what was
shown answers nothing: one item whose date is known among new ones in an order, say.

A date or a highlight is told by a line or a sentence shown whole: a generated question's
explanation is each of its facts' line (with its date) and source, so the round keeps the facts
it explained and the lines and sentences of their sources (cut as quiz.dating cuts them, once
per fact and pack), and each check is a look in a set, not a search of everything the round has
shown (rounds of 200 questions on a pack of 10,000 facts check tens of thousands of times). An
authored question's texts are cut as they come.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ali_quiz.packs.model import Version
from ali_quiz.quiz.dating import date_keys
from ali_quiz.quiz.facts import PackFacts
from ali_quiz.quiz.giveaway import shown_texts
from ali_quiz.quiz.kinds import ChoiceQuestion, MatchQuestion, Question, entry_text
from ali_quiz.quiz.kinship import key_words, product_words
from ali_quiz.quiz.phrasing import embedded

_TELLS = 0.5  # a sentence holding this share of a highlight's key words says it
# A sentence ends at 。！？ or at . ! ? followed by a space (5.0 is not an end).
_SENTENCE_END = re.compile(r"(?<=[。！？])|(?<=[.!?])\s+")
#: Forms that ask which of their items comes first (an order, "which came first or last?").
ORDERING = ("order-", "choice-first-", "choice-last-")


_ENDS = re.compile(r"[。！？]|[.!?]\s")


def _sentences(text: str) -> list[str]:
    """A source's sentences (and its translation's), long enough to say something."""
    found: list[str] = []
    for line in text.splitlines():
        found += _line_sentences(line)
    return found


def _line_sentences(line: str) -> list[str]:
    """The sentences of one line, long enough to say something."""
    if not _ENDS.search(line):  # one sentence (most sources): no split
        line = line.strip("「」 ").strip()
        return [line] if len(line) > 8 else []
    found = []
    for sentence in _SENTENCE_END.split(line.strip("「」 ")):
        sentence = sentence.strip()
        if len(sentence) > 8:
            found.append(sentence)
    return found


def _cut(text: str) -> set[str]:
    """Each line of the text, and each of its sentences (compared as written: both sides are
    the pack's own sentences)."""
    found: set[str] = set()
    for line in text.splitlines():
        found.add(line.strip())
        found.update(_line_sentences(line))
    return found


def _stems(words: frozenset[str]) -> set[str]:
    """Key words with a Latin word cut to six letters (collaborate, collaboration)."""
    return {word[:6] for word in words}


def telling(facts: PackFacts, version: Version, highlight: str) -> list[str]:
    """The sentences of a release's source that say it brought this highlight: they hold half
    of its key words or more, a Latin word by its first six letters (4.0's
    還推出了謀劃一年之久的智慧辦公系列硬體 says 推出智慧辦公系列硬體; 6.2's
    取而代之的是更加青春活潑的“點點蟲” says 更名為“點點蟲”; "it improved enterprises' ability
    to collaborate … on the cloud and the mobile internet" says "better cloud- and
    mobile-internet-based collaboration"). Worked out once per release and highlight, kept
    with the pack."""
    cache = facts.pack.derived.setdefault("telling", {})
    key = (version.id, highlight)
    found = cache.get(key)
    if found is None:
        names = product_words(version.product)
        words = _stems(key_words(highlight, names))
        found = cache[key] = [
            sentence
            for sentence in _sentences(facts.sources.get(version.id, ""))
            if words and len(words & _stems(key_words(sentence, names))) >= _TELLS * len(words)
        ]
    return list(found)


class Told:
    """The relations a round has told so far (each answered question `add`ed)."""

    def __init__(self, facts: PackFacts) -> None:
        self.facts = facts
        self.said: set[str] = set()  # every line and sentence of a source shown
        self.explained: set[str] = set()  # facts whose line (with their date) was shown
        self.cut: dict[str, frozenset[str]] = facts.pack.derived.setdefault("told_lines", {})
        self.dates = date_keys(facts)
        self.dated: set[str] = set()  # facts whose date is told (for good: a round only grows)
        self.paired: set[tuple[str, str]] = set()  # (release id, highlight) told
        self.after: dict[str, set[str]] = {}  # sequence item -> items shown after it
        self._ranks: dict[str, tuple[str, int]] | None = None
        self._versions: dict[str, Version] | None = None
        self.authored = {q.id for q in facts.pack.questions}  # their explanations are their own

    # -- what is told ----------------------------------------------------------------------

    def date(self, fact_id: str) -> bool:
        """Whether the round has told this fact's date."""
        if fact_id in self.dated:
            return True
        if fact_id in self.explained:  # its line, with its date
            if fact_id not in self.dates.dated:
                return False
        else:
            # Else a sentence of its source: most facts share none with the round, which a
            # look at its sentences tells before the texts that say its date are worked out.
            lines = self.cut.get(fact_id)
            if lines is None:
                lines = self.lines(fact_id)
            if self.said.isdisjoint(lines) or not self._says(self.dates.get(fact_id, ())):
                return False
        self.dated.add(fact_id)
        return True

    def highlight(self, version_id: str, highlight: str) -> bool:
        """Whether the round has told that this release brought this highlight."""
        if (version_id, highlight) in self.paired:
            return True
        version = (self.highlighted if self._versions is None else self._versions).get(version_id)
        if (
            version is None
            or self.said.isdisjoint(self.lines(version_id))
            or not self._says(telling(self.facts, version, highlight))
        ):
            return False
        self.paired.add((version_id, highlight))
        return True

    def lines(self, fact_id: str) -> frozenset[str]:
        """The lines and sentences of the fact's source (kept with the pack)."""
        found = self.cut.get(fact_id)
        if found is None:
            found = self.cut[fact_id] = frozenset(_cut(self.facts.sources.get(fact_id, "")))
        return found

    def _says(self, texts: Iterable[str]) -> bool:
        """Whether the round has shown one of these lines or sentences."""
        said = self.said
        return any(text.strip() in said for text in texts)

    def ordered(self, a: str, b: str) -> bool:
        """Whether the round has told which of the two comes first."""
        ranks = self.ranks
        if a in ranks and b in ranks:
            return self._follows(a, b) or self._follows(b, a)
        return self.date(a) and self.date(b)

    def _follows(self, first: str, last: str) -> bool:
        """Whether `last` was shown after `first`, or after an item shown after it."""
        seen, todo = {first}, [first]
        while todo:
            for item in self.after.get(todo.pop(), ()):
                if item == last:
                    return True
                if item not in seen:
                    seen.add(item)
                    todo.append(item)
        return False

    @property
    def ranks(self) -> dict[str, tuple[str, int]]:
        """Each sequence item's sequence and rank."""
        if self._ranks is None:
            self._ranks = {
                item.id: (sequence_id, item.rank)
                for sequence_id, items in self.facts.ranked.items()
                for item in items
            }
        return self._ranks

    @property
    def highlighted(self) -> dict[str, Version]:
        """The releases with highlights, by id."""
        if self._versions is None:
            derived = self.facts.pack.derived
            found = derived.get("highlighted")
            if not isinstance(found, dict):
                found = derived["highlighted"] = {
                    v.id: v for v in self.facts.versions_with_highlights
                }
            self._versions = found
        return self._versions

    def version(self, version_id: str) -> Version | None:
        return self.highlighted.get(version_id)

    # -- a question against it -------------------------------------------------------------

    def given(self, question: Question) -> bool:
        """Whether the question asks a relation the round has told."""
        qid, facts = question.id, question.facts
        if isinstance(question, MatchQuestion):
            if qid.startswith("match-dates-"):
                return any(self.date(fact) for fact in facts)
            if qid.startswith("match-highlights-"):
                return any(
                    self.highlight(fact, entry_text(question.right, right))
                    for fact, (_, right) in zip(facts, question.answer, strict=True)
                )
            return False
        if qid.startswith(ORDERING):
            return self._any_ordered(facts)
        if qid.startswith(("choice-before-", "choice-after-")) and facts:
            return self.date(facts[0])  # its right answer's date: before the date asked or not
        if qid.startswith("choice-release-") and facts:
            return any(self.highlight(facts[0], h) for h in self._asked_highlights(question))
        return False

    def eliminated(self, question: Question) -> bool:
        """Whether every wrong option of a "which happened before (after)…?" is a fact whose
        date the round has told: the one left is found by elimination."""
        facts = question.facts
        return (
            question.id.startswith(("choice-before-", "choice-after-"))
            and len(facts) > 1
            and all(self.date(fact) for fact in facts[1:])
        )

    def _any_ordered(self, facts: tuple[str, ...]) -> bool:
        ranks = self.ranks if self._ranks is None else self._ranks
        if ranks and any(fact in ranks for fact in facts):
            return any(self.ordered(a, b) for i, a in enumerate(facts) for b in facts[i + 1 :])
        # Dated facts: two whose dates are told (cheaper than each pair).
        known = 0
        for fact in facts:
            if self.date(fact):
                known += 1
                if known == 2:
                    return True
        return False

    def _asked_highlights(self, question: Question) -> list[str]:
        version = self.version(question.facts[0])
        if version is None:
            return []
        language = self.facts.pack.language
        return [h for h in version.highlights if embedded(h, language) in question.prompt]

    def add(self, question: Question) -> None:
        """What an answered question tells: its lines and sentences, and the pairs it showed."""
        qid, facts = question.id, question.facts
        if qid in self.authored:
            for text in shown_texts(question):
                self.said.update(_cut(text))
        else:
            self.explained.update(facts)  # its explanation: each fact's line and source
            said, cut = self.said, self.cut
            for fact in facts:
                lines = cut.get(fact)
                said.update(self.lines(fact) if lines is None else lines)
        if isinstance(question, MatchQuestion) and qid.startswith("match-highlights-"):
            for fact, (_, right) in zip(facts, question.answer, strict=True):
                self.paired.add((fact, entry_text(question.right, right)))
        elif isinstance(question, ChoiceQuestion) and qid.startswith("choice-release-") and facts:
            self.paired.update((facts[0], h) for h in self._asked_highlights(question))
        ranks = self.ranks if self._ranks is None else self._ranks
        if not ranks or qid in self.authored or not any(f in ranks for f in facts):
            return
        # Items of one sequence shown together are shown in order (their explanation numbers
        # them), whatever the question asked.
        items = [ranks[f] + (f,) for f in facts if f in ranks]
        for sequence, rank, item in items:
            for other_sequence, other_rank, other in items:
                if other_sequence == sequence and rank < other_rank:
                    self.after.setdefault(item, set()).add(other)
