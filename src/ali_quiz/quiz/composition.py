"""Round composition: every rule of a good round enforced while the round is drawn.

Each slot draws a question form by weight (authored questions are forms of their own, each in a
share of a class's rounds), asks it for a question, and keeps the question only if it breaks no
rule against what the round already holds:

- a fact ledger: in a mixed round no fact is asked twice; in a one-kind round no two questions
  share three facts;
- no give-away: nothing the round has shown states the new question's answer, nor has an
  earlier question told a relation it asks (quiz.told: a pair matched, two items ordered);
- never the same question twice.

A quick or daily round is also a mix: each draw first picks a kind by how far it is behind its
share of the round (`KIND_SHARE`), then a form of that kind; no wording (`choice-first-event`)
comes twice while other forms can still give a question (they may come twice rather than the
round end short, but never the same wording on one sequence); and it deals one of the pack's
own questions, a different one seed after seed.

A fresh round (quiz/fresh.py) also holds back the facts its seed puts off: they are blocked
until nothing else fits, then those put off least come back, then the rest (`_give_way`).

When no form can give a question that fits, the round ends shorter rather than break a rule.

The rules are quiz.roundrules' (`fits`), the weights of each draw quiz.roundweights'.
"""

from __future__ import annotations

from collections import Counter

from ali_quiz.packs.model import AuthoredQuestion, Pack
from ali_quiz.quiz.dating import date_keys
from ali_quiz.quiz.giveaway import Shown, answer_keys
from ali_quiz.quiz.kinds import Question
from ali_quiz.quiz.makers import Form, Makers
from ali_quiz.quiz.makers.picker import Walk
from ali_quiz.quiz.roundrules import ONE_KIND_SHARED, RoundRules
from ali_quiz.quiz.roundweights import DrawWeights, Slot, authored_slot, share_kind

MIXED_MODES = ("quick", "daily", "review")
BALANCED_MODES = ("quick", "daily")  # a review round asks what is due, whatever its kind
# A pack's few text questions come in about this many of twenty rounds each (at most 4 keeps
# every question out of most rounds of a class's twenty).
TEXT_ROUNDS = 2
AUTHORED_ROUNDS = 1.0  # the share of quick rounds dealt one of the pack's own questions
_AUTHORED_LEAN = 0.2  # each authored question weighs this much of the one before it in the walk
# The share of each draw that goes to authored questions, in a mixed round or not: they weigh
# this much of what the generated forms still able to give weigh together.
AUTHORED_SHARE = {True: 0.05, False: 0.25}
_ATTEMPTS = 16  # draws per slot before the round is taken as full
FULL_REACH = 20  # a form that can make this many questions is in every mixed round
_DEALT_BY = 3  # the dealt authored question comes among the first this many after the focus
_GIVE_UP = 4  # a form that gave nothing this many slots running is dropped
FRESH_STRICT_FIRST = True


class RoundComposer(DrawWeights, RoundRules):
    """Draws one round's questions, form by form, keeping only those that fit."""

    def __init__(
        self,
        pack: Pack,
        makers: Makers,
        mode: str,
        kinds: list[str],
        weights: dict[str, float] | None,
        focus: list[str] | None = None,
        later: dict[str, int] | None = None,
    ) -> None:
        self.makers = makers
        self.focus = focus or []
        self.require: str | None = None  # a fact the next question must ask about
        self.rng = makers.rng
        self.picker = makers.picker
        self.mixed = mode in MIXED_MODES
        self.review = weights if mode == "review" else None
        forms = [f for f in makers.forms() if f.kind in kinds]
        self.authored_share = AUTHORED_SHARE[self.mixed]
        self.authored_asked = 0
        self.count = 0
        forms += [
            _authored_form(makers, q)
            for q in pack.questions
            if (authored_kind(q) in kinds or (self.mixed and q.kind == "text"))
        ]
        kind_of = {q.id: authored_kind(q) for q in pack.questions}
        self.authored_ids = set(kind_of)
        self.slots = [
            Slot(form, kind_of[form.name] if form.kind == "authored" else form.kind)
            for form in forms
        ]
        # What each slot is never changes in a round: worked out once, not at every draw.
        self.authored_slots = [authored_slot(slot) for slot in self.slots]
        self.any_authored = any(self.authored_slots)
        self.wordings = [slot.form.wordings for slot in self.slots]
        self.share_kinds = [share_kind(slot) for slot in self.slots]
        self.balanced = mode in BALANCED_MODES
        # One question per wording and per sequence, until nothing else fits.
        self.strict = self.balanced
        self.sequence_of = {item.id: s.id for s in pack.sequences for item in s.items}
        self.templates_asked: set[str] = set()
        # A quick round draws the pack's own questions from a place its seed moves: a class's
        # twenty rounds ask each about once, where equal weights would ask some of them often.
        self.authored_lean = {
            slot.form.name: _AUTHORED_LEAN**rank
            for rank, slot in enumerate(self._walked([s for s in self.slots if authored_slot(s)]))
        }
        self.passage_of = {q.id: q.passage_id for q in pack.questions if q.passage_id}
        self.last_passage: str | None = None
        if self.mixed:
            # A form of few questions comes in a share of the rounds only, and once at most:
            # otherwise its few questions would fill the end of every round.
            for slot in self.slots:
                reach = slot.form.reach
                slot.off = 0 < reach < FULL_REACH and self.rng.random() * FULL_REACH >= reach
            if self.balanced:
                # Text questions come in a share of the rounds only (a pack has few); the
                # others, one dealt to each round (below), each in a share of a class's rounds.
                texts = [slot for slot in self.slots if slot.kind == "text"]
                others = [slot for slot in self.slots if share_kind(slot) == "authored"]
                share = {"text": TEXT_ROUNDS * len(texts) / FULL_REACH, "": AUTHORED_ROUNDS}
                for group, key in ((texts, "text"), (others, "")):
                    off = bool(group) and self.rng.random() >= share[key]
                    for slot in group:
                        slot.off = off
        # A quick round deals the pack's own question its seed walks to first: its facts are
        # kept from generated questions and it comes early (a few questions in), before the
        # round shows its answer; otherwise the next one in the walk would come, the one the
        # next seed asks, and a class's twenty rounds would ask some twice and others never.
        self.dealt: Slot | None = None
        self.dealt_at = 0
        # A round whose text questions are on deals one of them too, among its first few
        # questions, and sooner when a question drawn before it would show its answer (other
        # facts' titles and sentences name 巴顏喀拉 and 無招): left to the draw, a text
        # question came in 1 of 80 rounds, given away first.
        self.text: Slot | None = None
        self.text_at = 0
        if self.balanced:
            facts_of = {q.id: q.facts for q in pack.questions}
            for slot in self._walked([s for s in self.slots if s.kind == "text" and not s.off]):
                self.text = slot
                self.text_at = self.rng.below(len(self.focus) + _DEALT_BY)
                self.picker.blocked.update(set(facts_of[slot.form.name]) - set(self.focus))
                break
            for slot in self._walked([s for s in self.slots if share_kind(s) == "authored"]):
                if not slot.off:
                    self.dealt, self.dealt_at = slot, len(self.focus) + self.rng.below(_DEALT_BY)
                    self.picker.blocked.update(set(facts_of[slot.form.name]) - set(self.focus))
                    break
        self.metrics = makers.facts.metrics_by_id  # kept with the pack, not built per round
        self.dates = date_keys(makers.facts)
        self.seen: set[str] = set()
        self.asked: list[frozenset[str]] = []
        self.ledger: set[str] = set()
        self.kinds_used: Counter[str] = Counter()
        self.shown = self.picker.shown
        self.told = makers.told
        if not self.mixed:
            self.picker.shared_limit = ONE_KIND_SHARED
        # A fresh round (quiz/fresh.py) holds back the facts it puts off, the most put off
        # longest: they are blocked until nothing else fits.
        self.later = later or {}
        self.held = set(self.later)
        self.holding = self.held - self.picker.blocked  # what the holding added to `blocked`
        self.picker.blocked |= self.holding

    def build(self, count: int) -> list[Question]:
        self.count = count
        questions: list[Question] = []
        for fact in self.focus:
            if len(questions) >= count:
                break
            if fact in self.ledger:
                continue
            question = self._focused(fact)
            if question is not None:
                self._take(question, questions, count)
        while len(questions) < count:
            question = self._deal() if len(questions) == self.dealt_at else None
            question = question or self._next() or self._give_way()
            if question is None:
                break
            self._take(question, questions, count)
        return questions

    def _take(self, question: Question, questions: list[Question], count: int) -> None:
        """Takes the question in; the dealt text question first when this is its place or the
        question would show its answer (the question is then kept only if it still fits)."""
        text = self._text_first(question, len(questions), count)
        if text is not None:
            self._accept(text)
            questions.append(text)
            if len(questions) >= count or not self.fits(question):
                return
        self._accept(question)
        questions.append(question)

    def _text_first(self, question: Question, at: int, count: int) -> Question | None:
        """The dealt text question, when it is to come before this one (its place, or this
        one would show its answer) and fits; asked or not, it is then dealt."""
        slot = self.text
        if slot is None or slot.dead or at >= count - 1:
            return None
        made = slot.form.make()  # (a text question draws nothing from the round's rng)
        if made is None:
            return None
        if at < self.text_at:
            probe = Shown()
            probe.add(question)
            if probe.reveals(answer_keys(made, self.metrics)) is None:
                return None
        slot.dead = True  # dealt once: if it does not fit here, it never will
        if not self.fits(made):
            return None
        slot.used += 1
        self.authored_asked += 1
        return made

    def _give_way(self) -> Question | None:
        """Nothing fits: what the round prefers gives way, one thing at a time, until a question
        fits (None: the round is full)."""
        while True:
            question = self._fresh_more()
            if question is not None:
                return question
            if self.strict:
                # Nor anything new: a form, or a sequence, may come a second time after all.
                self.strict = False
                self._revive()
            elif self._bring_back():
                pass
            elif self.picker.turns and self.makers.in_turns:
                # Nor a form left out: a form of few facts may ask any of them, not only those
                # of the round's turn (makers.base.in_turn), and every form tries again.
                self.makers.in_turns = False
                self._revive()
                question = self._until_none_left()
                if question is not None:
                    return question
                continue  # (a fresh round's facts held back come next)
            elif not self.held:
                # (after the turns, the forms still able to give one are not given up on)
                return self._until_none_left() if self.picker.turns else None
            else:
                self._release()
            question = self._next()
            if question is not None:
                return question

    def _until_none_left(self) -> Question | None:
        """Draws until a question fits or every form has given up (the pack's own questions
        then come in, as their share of the draw allows)."""
        for _ in range(_GIVE_UP * len(self.slots)):
            question = self._next()
            if question is not None or all(slot.dead or slot.off for slot in self.slots):
                return question
        return None

    def _revive(self) -> None:
        """The generated forms that gave up may try again."""
        for slot in self.slots:
            if slot.form.kind != "authored":
                slot.dead, slot.failures = False, 0

    def _fresh_more(self) -> Question | None:
        """While a fresh round holds facts back: more tries, so that the forms that cannot ask
        what is left die out (cheaply: their facts are blocked) and the others get their turn."""
        question = None
        for _ in range(_GIVE_UP if self.held else 0):
            question = self._next()
            if question is not None:
                break
        return question

    def _release(self) -> None:
        """Nothing fits: the facts put off least come back (then the next ones)."""
        level = min(self.later[fact] for fact in self.held)
        back = {fact for fact in self.held if self.later[fact] <= level}
        self.held -= back
        self.picker.blocked -= (back & self.holding) - self.ledger
        for slot in self.slots:
            # Authored questions passed over for what they ask get their turn again.
            slot.dead, slot.failures = slot.used > 0 and authored_slot(slot), 0

    def _deal(self) -> Question | None:
        """The round's dealt authored question, when it fits here."""
        slot = self.dealt
        if slot is None or slot.dead:
            return None
        question = slot.form.make()
        if question is None or not self.fits(question):
            return None
        slot.used, slot.dead = slot.used + 1, True
        self.authored_asked += 1
        return question

    def _walked(self, slots: list[Slot]) -> list[Slot]:
        """The slots from the place the round's seed walks to (quick and daily rounds)."""
        seed = self.picker.walk
        if not self.balanced or seed is None or not slots:
            return []
        walk = Walk(len(slots), seed, turns=True)  # a class's rounds take their turns
        return [slots[walk[i]] for i in range(len(slots))]

    def _bring_back(self) -> bool:
        """Nothing else fits: a form left out of this round may fill it after all.

        One at a time, drawn by how many questions each can make: a form of two questions
        (the states) stays out of most rounds even when the round needs more.
        """
        out = [s for s in self.slots if s.off and not s.dead]
        # The pack's own questions come back last: they stay out of most rounds that did not
        # draw them, but a long round asks them rather than end short.
        out = [s for s in out if not authored_slot(s)] or out
        if not out:
            return False
        if not self.balanced:
            for slot in out:
                slot.off = False
            return True
        out[self.rng.weighted_index([float(max(1, s.form.reach)) for s in out])].off = False
        return True

    def _focused(self, fact: str) -> Question | None:
        """A first question on the round's focus fact, when some form can ask it."""
        picker = self.picker
        saved = picker.weights
        picker.weights = {fact: 1.0}
        self.require = fact
        try:
            return self._next()
        finally:
            picker.weights = saved
            self.require = None

    def _next(self) -> Question | None:
        weights = self._weights()
        readers = self._same_passage(weights)
        if readers:
            # Questions on one reading passage come together: it is shown (and printed) once.
            weights = [w if i in readers else 0.0 for i, w in enumerate(weights)]
        attempts = _ATTEMPTS
        if self.require is not None:
            # Each form gets its turn, by weight, until one asks about the focus fact.
            attempts = len(weights)
        tried: set[int] = set()
        for _ in range(attempts):
            if not any(w > 0 for w in weights):
                break
            index = self.rng.weighted_index(weights)
            slot = self.slots[index]
            question = slot.form.make()
            authored = slot.form.kind == "authored"
            if question is not None and self.fits(question):
                slot.failures = 0
                slot.used += 1
                slot.dead = authored  # asked: an authored question is one question
                self.authored_asked += authored
                slot.off = self.mixed and slot.form.reach > 0
                return question
            if authored:
                # A round only grows: what does not fit now never will.
                slot.dead = self.require is None

                weights[index] = 0.0
                continue
            # Drawn less for the rest of this slot (not at all when it must ask one fact).
            weights[index] = 0.0 if self.require is not None else weights[index] / 4
            if index not in tried:
                tried.add(index)
                slot.failures += 1
                slot.dead = slot.failures >= _GIVE_UP
        return None

    def _same_passage(self, weights: list[float]) -> set[int]:
        """The authored forms still open that read the passage the last question read."""
        if self.last_passage is None:
            return set()
        return {
            i
            for i, slot in enumerate(self.slots)
            if weights[i] > 0 and self.passage_of.get(slot.form.name) == self.last_passage
        }


def authored_kind(question: AuthoredQuestion) -> str:
    """The kind an authored question is drawn with: select-all-that-apply with the choices."""
    return "choice" if question.kind == "multi" else question.kind


def _authored_form(makers: Makers, question: AuthoredQuestion) -> Form:
    return Form("authored", question.id, lambda: makers.authored(question), 1.0)
