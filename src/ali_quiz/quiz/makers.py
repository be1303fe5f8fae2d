"""Question makers: each turns some of a pack's facts into one question of its kind.

A maker draws facts through a Picker, which prefers facts the round has not asked yet (and, in a
review round, facts the player got wrong), so a round spreads over the pack. Every maker returns
None when the pack cannot give it a valid question.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ali_quiz.packs.model import AuthoredQuestion, Metric, Version
from ali_quiz.packs.model import Sequence as SequenceFact
from ali_quiz.quiz.facts import Dated, PackFacts, Ranked, figures_compatible
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    Entry,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
)
from ali_quiz.quiz.phrasing import format_date, format_figure, phrase
from ali_quiz.quiz.rng import Rng

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

LETTERS = "abcdefghijklmnopqrstuvwxyz"
_MAX_PENDING = 8


def question_id(kind: str, template: str, facts: Iterable[str]) -> str:
    """Stable for the same kind, template and facts, on any machine: a hash, not Python's hash()."""
    digest = hashlib.sha256(f"{kind}|{template}|{','.join(sorted(facts))}".encode()).hexdigest()
    return f"{kind}-{template}-{digest[:10]}"


def join_explanations(texts: Iterable[str]) -> str:
    unique: list[str] = []
    for text in texts:
        if text and text not in unique:
            unique.append(text)
    return "\n".join(unique)


class _LazyShuffle:
    """A random order of range(n), drawn one place at a time (Fisher-Yates, on demand).

    A round looks at a few places of each list, so shuffling a 14,000-fact list up front would
    be wasted work.
    """

    def __init__(self, rng: Rng, n: int) -> None:
        self.rng = rng
        self.n = n
        self.slots: dict[int, int] = {}  # the sparse part of the permutation swapped so far
        self.drawn = 0

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, position: int) -> int:
        while self.drawn <= position:
            j = self.drawn + self.rng.below(self.n - self.drawn)
            here = self.slots.get(self.drawn, self.drawn)
            self.slots[self.drawn] = self.slots.get(j, j)
            self.slots[j] = here
            self.drawn += 1
        return self.slots.get(position, position)


@dataclass
class _ListState:
    """Where a round stands in one list of facts: a shuffled order and a cursor into it."""

    order: _LazyShuffle
    cursor: int = 0
    level: int = 0  # facts used more often than this are passed over
    pending: list[int] = field(default_factory=list)  # places looked at that did not fit
    index: dict[str, int] | None = None  # fact id -> place in the list, built for reviews


@dataclass
class Picker:
    """Draws facts for a round: unused first, then the least used; review weights lead.

    Each list of facts gets one shuffled order per round, walked with a cursor, so a pick costs
    about the same however large the pack is.
    """

    rng: Rng
    weights: dict[str, float] | None = None
    used: Counter[str] = field(default_factory=Counter)
    states: dict[int, _ListState] = field(default_factory=dict)

    def _state(self, items: list[T], key: Callable[[T], str]) -> _ListState:
        state = self.states.get(id(items))
        if state is None:
            state = _ListState(order=_LazyShuffle(self.rng, len(items)))
            self.states[id(items)] = state
        return state

    def _lead(self, items: list[T], key: Callable[[T], str], state: _ListState) -> int | None:
        """In a review round: a fact drawn by how much it should come back."""
        if not self.weights:
            return None
        if state.index is None:
            state.index = {key(item): i for i, item in enumerate(items)}
        candidates = [
            (state.index[fact], weight / (1 + self.used[fact]))
            for fact, weight in self.weights.items()
            if weight > 0 and fact in state.index
        ]
        if not candidates:
            return None
        return candidates[self.rng.weighted_index([w for _, w in candidates])][0]

    def pick(
        self,
        items: list[T],
        key: Callable[[T], str],
        k: int,
        fits: Callable[[list[T], T], bool] | None = None,
    ) -> list[T]:
        """Up to k items, each fitting the ones chosen before it."""
        if not items or k <= 0:
            return []
        state = self._state(items, key)
        chosen: list[T] = []
        taken: set[int] = set()

        def take(index: int) -> bool:
            item = items[index]
            if index not in taken and (fits is None or fits(chosen, item)):
                chosen.append(item)
                taken.add(index)
            return len(chosen) >= k

        lead = self._lead(items, key, state)
        if lead is not None and take(lead):
            return chosen
        order = state.order
        used = self.used
        for _ in range(2):
            # Places passed over earlier because they did not fit come first, then new ones;
            # every new place looked at moves the cursor on, so a round walks each list once.
            for position in list(state.pending):
                index = order[position]
                if used[key(items[index])] > state.level:
                    state.pending.remove(position)
                else:
                    done = take(index)
                    if index in taken:
                        state.pending.remove(position)
                    if done:
                        return chosen
            while state.cursor < len(order):
                position = state.cursor
                state.cursor += 1
                index = order[position]
                if used[key(items[index])] > state.level:
                    continue
                done = take(index)
                if index not in taken and len(state.pending) < _MAX_PENDING:
                    state.pending.append(position)
                if done:
                    return chosen
            # Every fact of the list has been asked this often: allow one more time each.
            state.level += 1
            state.cursor = 0
            state.pending.clear()
        for position in range(len(order)):
            if take(order[position]):
                break
        return chosen

    def mark(self, facts: Iterable[str]) -> None:
        self.used.update(facts)


def _dates_apart(chosen: list[Dated], item: Dated) -> bool:
    """No date overlap and no repeated text: the order (or the pairing) is then defined."""
    return all(not item.overlaps(other) and item.text != other.text for other in chosen)


def _size(rng: Rng, low: int, high: int, available: int) -> int:
    """A question size from low to high, no more than available (at least low, else 0)."""
    top = min(high, available)
    return 0 if top < low else low + rng.below(top - low + 1)


class Makers:
    """The question makers for one pack and one round."""

    def __init__(self, facts: PackFacts, picker: Picker) -> None:
        self.facts = facts
        self.pack = facts.pack
        self.language = facts.pack.language
        self.picker = picker
        self.rng = picker.rng

    # -- order -----------------------------------------------------------------------------

    def order_timeline(self) -> Question | None:
        size = _size(self.rng, 3, 5, self.facts.max_disjoint_dates)
        if not size:
            return None
        chosen = self.picker.pick(self.facts.timeline, lambda d: d.id, size, _dates_apart)
        if len(chosen) < 3:
            return None
        earliest = sorted(chosen, key=lambda d: d.start)
        return self._order(
            "timeline", chosen, [d.id for d in earliest], phrase(self.language, "order_timeline")
        )

    def order_sequence(self) -> Question | None:
        sequences = self.facts.orderable_sequences
        if not sequences:
            return None
        sequence = sequences[self.rng.below(len(sequences))]
        chosen = self._ranked_items(sequence, 3, 6)
        if len(chosen) < 3:
            return None
        earliest = sorted(chosen, key=lambda r: r.rank)
        return self._order(
            "sequence",
            chosen,
            [r.id for r in earliest],
            phrase(self.language, "order_sequence", title=sequence.title),
        )

    def _ranked_items(self, sequence: SequenceFact, low: int, high: int) -> list[Ranked]:
        """From low to high items of a sequence, no two of one rank (ties have no order)."""
        ranked = self.facts.ranked[sequence.id]
        size = _size(self.rng, low, high, len({r.rank for r in ranked}))
        return self.picker.pick(
            ranked,
            lambda r: r.id,
            size,
            lambda chosen, item: all(item.rank != other.rank for other in chosen),
        )

    def _order(
        self, template: str, chosen: Sequence[Dated | Ranked], answer: list[str], prompt: str
    ) -> Question:
        shown: list[Dated | Ranked] = self.rng.shuffled(list(chosen))
        if [item.id for item in shown] == answer:
            # Presented already in order would give the answer away: turn it around.
            shown = shown[1:] + shown[:1]
        ids = [item.id for item in chosen]
        return OrderQuestion(
            id=question_id("order", template, ids),
            prompt=prompt,
            facts=tuple(answer),
            explanation=join_explanations(self.facts.explanations.get(i, "") for i in answer),
            items=tuple(Entry(id=item.id, text=item.text) for item in shown),
            answer=tuple(answer),
        )

    # -- match -----------------------------------------------------------------------------

    def match_dates(self) -> Question | None:
        size = _size(self.rng, 3, 5, self.facts.max_disjoint_dates)
        if not size:
            return None
        chosen = self.picker.pick(self.facts.timeline, lambda d: d.id, size, _dates_apart)
        if len(chosen) < 3:
            return None
        decoy = self._decoy_date(chosen)
        pairs = [(d.text, format_date(d.date, self.language)) for d in chosen]
        extra = [format_date(decoy.date, self.language)] if decoy is not None else []
        return self._match("dates", chosen, pairs, extra, phrase(self.language, "match_dates"))

    def _decoy_date(self, chosen: list[Dated]) -> Dated | None:
        """A date apart from all the chosen ones, to stand as an extra on the right."""
        timeline = self.facts.timeline
        shown = {format_date(d.date, self.language) for d in chosen}
        for _ in range(16):
            candidate = timeline[self.rng.below(len(timeline))]
            if (
                all(candidate is not c for c in chosen)
                and _dates_apart(chosen, candidate)
                and format_date(candidate.date, self.language) not in shown
            ):
                return candidate
        return None

    def match_highlights(self) -> Question | None:
        versions = self.facts.versions_with_highlights
        size = _size(self.rng, 3, 5, self.facts.matchable_releases)
        if not size:
            return None
        claimed: dict[str, str] = {}  # version id -> the highlight it is matched with

        def fits(chosen: list[Version], item: Version) -> bool:
            if any(item.title == other.title for other in chosen):
                return False
            free = [h for h in item.highlights if h not in claimed.values()]
            if not free:
                return False
            claimed[item.id] = free[self.rng.below(len(free))]
            return True

        chosen = self.picker.pick(versions, lambda v: v.id, size, fits)
        if len(chosen) < 3:
            # The random draw boxed itself in (a shared highlight went to the wrong release):
            # the greedy pass that counted this pack as matchable always finds three.
            claimed.clear()
            chosen = []
            for version in versions:
                free = [h for h in version.highlights if h not in claimed.values()]
                if free and all(version.title != other.title for other in chosen):
                    claimed[version.id] = free[0]
                    chosen.append(version)
                    if len(chosen) == 3:
                        break
            if len(chosen) < 3:
                return None
        pairs = [(version.title, claimed[version.id]) for version in chosen]
        return self._match(
            "highlights", chosen, pairs, [], phrase(self.language, "match_highlights")
        )

    def match_figures(self) -> Question | None:
        metrics = self.facts.metrics
        size = _size(self.rng, 3, 5, len(metrics))
        if not size:
            return None
        chosen = self.picker.pick(
            metrics,
            lambda m: m.id,
            size,
            lambda chosen, item: all(
                figures_compatible(item, other)
                and item.written != other.written
                and item.label != other.label
                for other in chosen
            ),
        )
        if len(chosen) < 3:
            return None
        pairs = [(m.label, format_figure(m.written, m.unit, self.language)) for m in chosen]
        return self._match("figures", chosen, pairs, [], phrase(self.language, "match_figures"))

    def _match(
        self,
        template: str,
        chosen: list[Dated] | list[Metric] | list,  # type: ignore[type-arg]
        pairs: list[tuple[str, str]],
        decoys: list[str],
        prompt: str,
    ) -> Question:
        ids = [fact.id for fact in chosen]
        left_order = self.rng.shuffled(list(range(len(pairs))))
        right_texts = self.rng.shuffled([right for _, right in pairs] + decoys)
        right = tuple(Entry(id=LETTERS[i], text=text) for i, text in enumerate(right_texts))
        right_id = {entry.text: entry.id for entry in right}
        left = tuple(Entry(id=str(n + 1), text=pairs[i][0]) for n, i in enumerate(left_order))
        answer = tuple((str(n + 1), right_id[pairs[i][1]]) for n, i in enumerate(left_order))
        return MatchQuestion(
            id=question_id("match", template, ids),
            prompt=prompt,
            facts=tuple(ids[i] for i in left_order),
            explanation=join_explanations(
                self.facts.explanations.get(ids[i], "") for i in left_order
            ),
            left=left,
            right=right,
            answer=answer,
        )

    # -- estimate --------------------------------------------------------------------------

    def estimate(self) -> Question | None:
        chosen = self.picker.pick(self.facts.metrics, lambda m: m.id, 1)
        if not chosen:
            return None
        metric = chosen[0]
        return EstimateQuestion(
            id=question_id("estimate", "figure", [metric.id]),
            prompt=phrase(self.language, "estimate", label=metric.label, unit=metric.unit),
            facts=(metric.id,),
            explanation=metric.explanation(),
            unit=metric.unit,
            answer=metric.value,
            written=metric.written,
            scoring="log",
            tolerance=metric.effective_tolerance,
        )

    # -- choice ----------------------------------------------------------------------------

    def choice_when(self) -> Question | None:
        anchor = self._anchor(self.facts.timeline)
        if anchor is None:
            return None
        distractors = self._spread(
            [
                d
                for d in self.facts.near_in_time(anchor, 6)
                if self.facts.text_fits_date(anchor.text, d)
            ],
            lambda chosen, d: (
                all(not d.overlaps(c) for c in chosen)
                and format_date(d.date, self.language) != format_date(anchor.date, self.language)
            ),
        )
        if not distractors:
            return None
        return self._choice(
            "when",
            [anchor.id],
            format_date(anchor.date, self.language),
            [format_date(d.date, self.language) for d in distractors],
            phrase(self.language, "choice_when", title=anchor.text),
            anchor.explanation,
        )

    def choice_what(self) -> Question | None:
        anchor = self._anchor(self.facts.timeline)
        if anchor is None:
            return None
        distractors = self._spread(
            [
                d
                for d in self.facts.near_in_time(anchor, 8)
                if d.text != anchor.text and self.facts.text_fits_date(d.text, anchor)
            ],
            lambda chosen, d: d.text not in [c.text for c in chosen],
        )
        if not distractors:
            return None
        return self._choice(
            "what",
            [anchor.id],
            anchor.text,
            [d.text for d in distractors],
            phrase(self.language, "choice_what", date=format_date(anchor.date, self.language)),
            anchor.explanation,
        )

    def choice_figure(self) -> Question | None:
        anchor = self._anchor(self.facts.choosable_figures)
        if anchor is None:
            return None
        distractors = self._spread(
            self.facts.near_in_value(anchor, 6),
            lambda chosen, m: all(
                figures_compatible(m, c) and m.written != c.written for c in chosen
            ),
        )
        if not distractors:
            return None
        return self._choice(
            "figure",
            [anchor.id],
            format_figure(anchor.written, anchor.unit, self.language),
            [format_figure(m.written, m.unit, self.language) for m in distractors],
            phrase(self.language, "choice_figure", label=anchor.label),
            anchor.explanation(),
        )

    def choice_first(self) -> Question | None:
        sequences = self.facts.sequences_with_ranks(2)
        if not sequences:
            return None
        sequence = sequences[self.rng.below(len(sequences))]
        chosen = self._ranked_items(sequence, 2, 4)
        if len(chosen) < 2:
            return None
        first = min(chosen, key=lambda r: r.rank)
        return self._choice(
            "first",
            [r.id for r in chosen],
            first.text,
            [r.text for r in chosen if r is not first],
            phrase(self.language, "choice_first", title=sequence.title),
            join_explanations(r.explanation for r in sorted(chosen, key=lambda r: r.rank)),
        )

    def choice_release(self) -> Question | None:
        anchor = self._anchor(self.facts.choosable_releases)
        if anchor is None:
            return None
        usable = self.facts.release_highlights[anchor.id]
        highlight = usable[self.rng.below(len(usable))]
        # A title that some release with this highlight also bears would be right too.
        right_titles = self.facts.titles_with_highlight[highlight]
        versions = self.pack.versions
        distractors: list[Version] = []
        for _ in range(24):  # a few random draws: enough on any pack, bounded on a large one
            other = versions[self.rng.below(len(versions))]
            if other.title not in right_titles and all(other.title != d.title for d in distractors):
                distractors.append(other)
                if len(distractors) == 3:
                    break
        if not distractors:
            # Few releases qualify: look through them all rather than leave it to chance.
            wrong = dict.fromkeys(v.title for v in versions if v.title not in right_titles)
            distractors_titles = list(wrong)[:3]
        else:
            distractors_titles = [v.title for v in distractors]
        if not distractors_titles:
            return None
        return self._choice(
            "release",
            [anchor.id],
            anchor.title,
            distractors_titles,
            phrase(self.language, "choice_release", highlight=highlight),
            anchor.explanation(),
        )

    def _anchor(self, items: list[T]) -> T | None:
        chosen = self.picker.pick(items, lambda item: item.id, 1)  # type: ignore[attr-defined]
        return chosen[0] if chosen else None

    def _spread(self, items: list[T], fits: Callable[[list[T], T], bool]) -> list[T]:
        """Up to three distractors from the nearest few, each fitting the ones before."""
        chosen: list[T] = []
        for item in self.rng.shuffled(items) if len(items) > 3 else items:
            if fits(chosen, item):
                chosen.append(item)
                if len(chosen) == 3:
                    break
        return chosen

    def _choice(
        self,
        template: str,
        facts: list[str],
        right: str,
        wrong: list[str],
        prompt: str,
        explanation: str,
    ) -> Question | None:
        if right in wrong or len(set(wrong)) < len(wrong):
            return None
        texts = self.rng.shuffled([right, *wrong])
        options = tuple(Entry(id=LETTERS[i], text=t) for i, t in enumerate(texts))
        return ChoiceQuestion(
            id=question_id("choice", template, facts),
            prompt=prompt,
            facts=tuple(facts),
            explanation=explanation,
            options=options,
            answer=LETTERS[texts.index(right)],
        )

    # -- authored --------------------------------------------------------------------------

    def authored(self, question: AuthoredQuestion) -> Question:
        """An authored question as a Question; items and options shuffled by the round's seed."""
        explanation = question.explanation or join_explanations(
            self.facts.explanations.get(f, "") for f in question.facts
        )
        common = dict(
            id=question.id,
            prompt=question.prompt,
            facts=question.facts,
            explanation=explanation,
            max_points=question.max_points,
            passage=question.passage,
        )
        if question.kind == "order":
            ids = [f"i{n + 1}" for n in range(len(question.items))]
            shown = self.rng.shuffled(list(range(len(ids))))
            if shown == sorted(shown):
                shown = shown[1:] + shown[:1]
            return OrderQuestion(
                **common,  # type: ignore[arg-type]
                items=tuple(Entry(id=ids[i], text=question.items[i]) for i in shown),
                answer=tuple(ids),
            )
        if question.kind == "match":
            left_order = self.rng.shuffled(list(range(len(question.pairs))))
            rights = self.rng.shuffled([p.right for p in question.pairs] + list(question.decoys))
            right = tuple(Entry(id=LETTERS[i], text=t) for i, t in enumerate(rights))
            right_id = {e.text: e.id for e in right}
            return MatchQuestion(
                **common,  # type: ignore[arg-type]
                left=tuple(
                    Entry(id=str(n + 1), text=question.pairs[i].left)
                    for n, i in enumerate(left_order)
                ),
                right=right,
                answer=tuple(
                    (str(n + 1), right_id[question.pairs[i].right])
                    for n, i in enumerate(left_order)
                ),
            )
        if question.kind == "estimate":
            assert question.answer is not None
            band = question.range is not None
            return EstimateQuestion(
                **common,  # type: ignore[arg-type]
                unit=question.unit,
                answer=question.answer,
                written=question.answer_written or str(question.answer),
                scoring="band" if band else "log",
                tolerance=None
                if band
                else (question.tolerance if question.tolerance is not None else 0.05),
                range=question.range,
            )
        if question.kind in ("choice", "multi"):
            # True/false and other two-option questions keep their written order (對 before 錯).
            order = list(range(len(question.options)))
            if len(order) > 2:
                order = self.rng.shuffled(order)
            options = tuple(
                Entry(
                    id=LETTERS[n],
                    text=question.options[i].text,
                    feedback=question.options[i].feedback,
                )
                for n, i in enumerate(order)
            )
            weights = [question.options[i].weight for i in order]
            if question.kind == "multi":
                return MultiQuestion(
                    **common,  # type: ignore[arg-type]
                    options=options,
                    weights=tuple((LETTERS[n], w) for n, w in enumerate(weights)),
                )
            best = max(range(len(order)), key=lambda n: weights[n])
            return ChoiceQuestion(
                **common,  # type: ignore[arg-type]
                options=options,
                answer=LETTERS[best],
                weights=(
                    tuple((LETTERS[n], w) for n, w in enumerate(weights))
                    if question.weighted
                    else None
                ),
            )
        return TextQuestion(**common, accepted=question.accepted)  # type: ignore[arg-type]
