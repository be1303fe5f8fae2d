"""What every question maker shares: the pack's views, the picker, and the question shapes.

A maker turns some of a pack's facts into one question, or returns None when the pack cannot
give it a valid one. Generated choices always offer three or four options.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from operator import attrgetter

from ali_quiz.digest import sha256
from ali_quiz.quiz.facts import Dated, PackFacts, Ranked
from ali_quiz.quiz.kinds import ChoiceQuestion, MatchQuestion, OrderQuestion, Question, entry
from ali_quiz.quiz.makers.picker import Picker, Walk
from ali_quiz.quiz.rng import Rng
from ali_quiz.quiz.told import Told

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

LETTERS = "abcdefghijklmnopqrstuvwxyz"
#: The key every list of facts is picked by (a fact's id): one function, so that the picker's
#: index of a list (Picker._index) is built once for every form that picks from it.
by_id = attrgetter("id")
MIN_DISTRACTORS = 2  # a generated choice offers at least three options
TURN_LISTS = 10  # a list shorter than this is asked in turns in a quick round (anchor)
TURN_PLACES = 2  # the facts of a list a quick round may ask, from its turn on


def question_id(kind: str, template: str, facts: Iterable[str], detail: str = "") -> str:
    """Stable for the same kind, template and facts, on any machine: a hash, not Python's hash().

    `detail` tells apart two questions of one form on the same facts (two highlights of a
    release); it is left out of the hash when empty, so older ids stay as they were.
    """
    key = f"{kind}|{template}|{','.join(sorted(facts))}" + (f"|{detail}" if detail else "")
    digest = sha256(key.encode()).hexdigest()
    return f"{kind}-{template}-{digest[:10]}"


def answer_first(answer: str, fact_ids: Iterable[str]) -> list[str]:
    """The facts to explain with the answer's first (its source sentence is what the player
    looks for), the others in their order after it."""
    return [answer, *(f for f in fact_ids if f != answer)]


def size_between(rng: Rng, low: int, high: int, available: int) -> int:
    """A question size from low to high, no more than available (at least low, else 0)."""
    top = min(high, available)
    return 0 if top < low else low + rng.below(top - low + 1)


def dates_apart(chosen: list[Dated], item: Dated) -> bool:
    """No date overlap and no repeated text: the order (or the pairing) is then defined."""
    start, end, text = item.start, item.end, item.text
    for other in chosen:  # (Dated.overlaps, in place: a round asks this tens of thousands of times)
        if (start <= other.end and other.start <= end) or text == other.text:
            return False
    return True


def leaving_room(low: int, high: int, available: int) -> int:
    """The largest size that leaves two facts out, so later questions share fewer with it."""
    return min(high, max(low, available - 2))


class MakerBase:
    """The pack's views and the round's picker, with the helpers that build each kind."""

    def __init__(self, facts: PackFacts, picker: Picker, *, most: int = 5) -> None:
        self.facts = facts
        self.pack = facts.pack
        self.language = facts.pack.language
        self.picker = picker
        self.rng = picker.rng
        # The most facts an order or a match puts together: a mixed round keeps it smaller,
        # so its facts last for more questions.
        self.most = most
        # What the round has told (a fact's date, a release's highlight, which of two comes
        # first): a maker leaves out what would ask it again.
        self.told = Told(facts)
        # A quick round asks a form of few facts about the facts of its turn (`in_turn`),
        # until the round finds nothing else to ask (the composer then turns this off).
        self.in_turns = True

    def size(
        self, low: int, high: int, available: int, among: Collection[str] | None = None
    ) -> int:
        """A question size from low to high (at most `most`), no more than available.

        `among`: the facts it draws from. Above `low`, a question takes at most a third of
        those the round has not asked yet: in a one-kind round, a fact once asked is told,
        so that a long first question would leave too few for a second.
        """
        top = leaving_room(low, min(high, max(low, self.most)), available)
        if top > low and among is not None:
            asked = sum(1 for fact in self.picker.used if fact in among)
            top = max(low, min(top, (len(among) - asked) // 3))
        return size_between(self.rng, low, top, available)

    def anchor(
        self,
        items: Sequence[T],
        key: Callable[[T], str],
        fits: Callable[[list[T], T], bool] | None = None,
    ) -> T | None:
        """One fact to ask about; in a quick round, of a form of few facts, the one whose turn
        it is (`in_turn`)."""
        items = list(items) if not isinstance(items, list) else items
        if self._turns(items):
            return self.in_turn(items, key, fits)
        chosen = self.picker.pick(items, key, 1, fits)
        return chosen[0] if chosen else None

    def _turns(self, items: Sequence[object]) -> bool:
        picker = self.picker
        return (
            self.in_turns
            and picker.turns
            and picker.walk is not None
            and not picker.weights  # a review's weights, or a focus fact, come first
            and 0 < len(items) < TURN_LISTS
        )

    def in_turn(
        self, items: list[T], key: Callable[[T], str], fits: Callable[[list[T], T], bool] | None
    ) -> T | None:
        """The fact of the list whose turn it is in this round (the picker's walk from the
        round's seed), or the next in the walk when that one cannot be asked; else None.

        A form that asks one of few facts would otherwise fall back, round after round, on the
        one fact the rest of the round leaves free (a release without a date, a figure no
        sentence shows along the way): a class's twenty rounds would ask it in half of them.
        """
        walk = Walk(len(items), self.picker.walk or 0, turns=True)
        blocked, used = self.picker.blocked, self.picker.used
        for place in range(min(TURN_PLACES, len(items))):
            item = items[walk[place]]
            fact = key(item)
            if fact in blocked or used.get(fact, 0):
                continue
            if fits is None or fits([], item):
                return item
        return None

    def spread(self, items: list[T], fits: Callable[[list[T], T], bool]) -> list[T]:
        """Up to three distractors from the nearest few, each fitting the ones before."""
        chosen: list[T] = []
        for item in self.rng.shuffled(items) if len(items) > 3 else items:
            if fits(chosen, item):
                chosen.append(item)
                if len(chosen) == 3:
                    break
        return chosen

    def choice(
        self,
        template: str,
        facts: Sequence[str],
        right: str,
        wrong: Sequence[str],
        prompt: str,
        explanation: str,
        detail: str = "",
    ) -> Question | None:
        """A generated choice: None unless it offers at least three different options."""
        wrong = list(dict.fromkeys(w for w in wrong if w != right))
        if len(wrong) < MIN_DISTRACTORS:
            return None
        texts = self.rng.shuffled([right, *wrong[:3]])
        options = tuple(entry(LETTERS[i], t) for i, t in enumerate(texts))
        return ChoiceQuestion(
            id=question_id("choice", template, facts, detail),
            prompt=prompt,
            facts=tuple(facts),
            explanation=explanation,
            options=options,
            answer=LETTERS[texts.index(right)],
        )

    def order(
        self, template: str, chosen: Sequence[Dated | Ranked], answer: list[str], prompt: str
    ) -> Question:
        shown: list[Dated | Ranked] = self.rng.shuffled(list(chosen))
        if [item.id for item in shown] == answer:
            # Presented already in order would give the answer away: turn it around.
            shown = shown[1:] + shown[:1]
        return OrderQuestion(
            id=question_id("order", template, [item.id for item in chosen]),
            prompt=prompt,
            facts=tuple(item.id for item in shown),  # aligned with the items, as shown
            explanation=self.facts.explain(answer),
            items=tuple(entry(item.id, item.text) for item in shown),
            answer=tuple(answer),
        )

    def match(
        self,
        template: str,
        ids: list[str],
        pairs: list[tuple[str, str]],
        decoys: list[str],
        prompt: str,
        detail: str = "",
    ) -> Question:
        left_order = self.rng.shuffled(list(range(len(pairs))))
        right_texts = self.rng.shuffled([right for _, right in pairs] + decoys)
        right = tuple(entry(LETTERS[i], text) for i, text in enumerate(right_texts))
        right_id = {entry.text: entry.id for entry in right}
        left = tuple(entry(str(n + 1), pairs[i][0]) for n, i in enumerate(left_order))
        answer = tuple((str(n + 1), right_id[pairs[i][1]]) for n, i in enumerate(left_order))
        facts = tuple(ids[i] for i in left_order)
        return MatchQuestion(
            id=question_id("match", template, ids, detail),
            prompt=prompt,
            facts=facts,
            explanation=self.facts.explain(facts),
            left=left,
            right=right,
            answer=answer,
        )
