"""Questions on the timeline (events and dated versions), on states, and on sequences.

A state is never ordered or dated as a happening: it is only asked "as of which date does the
source report it". An option that dates itself by its own wording (`2018年秋冬釋出會`) is never
offered where the question is about dates.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import islice

from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import Sequence as SequenceFact
from ali_quiz.quiz.dating import all_shown, date_keys
from ali_quiz.quiz.facts import Beyond, Dated, Ranked, state_on_timeline
from ali_quiz.quiz.kinds import Question
from ali_quiz.quiz.makers.base import (
    MakerBase,
    answer_first,
    by_id,
    dates_apart,
    leaving_room,
    size_between,
)
from ali_quiz.quiz.phrasing import format_date, phrase, what_happened

_ALIKE_REACH = 24  # how far a date question looks for wrong dates as precise as its answer
SEQUENCE_ORDERS = 2  # order questions on one sequence in a round, at most


def _precision(date: PartialDate) -> int:
    """0 for a year, 1 for a month, 2 for a day."""
    return (date.month is not None) + (date.day is not None)


def undated(item: Dated) -> bool:
    """True when the item's wording names no year: it cannot give its own date away."""
    return item.undated


class TimelineMakers(MakerBase):
    # -- order -----------------------------------------------------------------------------

    def order_timeline(self) -> Question | None:
        size = self.size(3, 5, self.facts.max_disjoint_dates, self.facts.timeline_position)
        if not size:
            return None
        timeline = self.facts.timeline
        chosen: list[Dated] = []
        known = self._told_item()
        if known is not None:
            # One item placed already, the others new: the player places them around it.
            chosen = self.picker.pick(
                timeline, by_id, size - 1, lambda c, d: self._unordered([known, *c], d)
            )
            chosen = [known, *chosen] if len(chosen) >= 2 else []
        if not chosen:
            chosen = self.picker.pick(timeline, by_id, size, self._unordered)
        if len(chosen) < 3:
            return None
        earliest = sorted(chosen, key=lambda d: d.start)
        return self.order(
            "timeline", chosen, [d.id for d in earliest], phrase(self.language, "order_timeline")
        )

    def order_sequence(self) -> Question | None:
        # A round puts one sequence in order a few times at most, and its least asked first:
        # five orders of one list of seven items read as one drill, not as a round.
        sequences = self._least_ordered(self.facts.orderable_sequences)
        if not sequences:
            return None
        sequence = sequences[self.rng.below(len(sequences))]
        chosen = self.ranked_items(sequence, 3, 5)
        if len(chosen) < 3:
            return None
        earliest = sorted(chosen, key=lambda r: r.rank)
        prompt = sequence.ask or phrase(self.language, "order_sequence", title=sequence.title)
        return self.order("sequence", chosen, [r.id for r in earliest], prompt)

    def _least_ordered(self, sequences: list[SequenceFact]) -> list[SequenceFact]:
        """The sequences the round has put in order least often, under SEQUENCE_ORDERS each."""
        if self.picker.shared_limit is None or not self.picker.asked or not sequences:
            return sequences  # a mixed round words a sequence's order once while others fit
        ranked = self.facts.ranked
        counts = [
            sum(1 for asked in self.picker.asked if not asked.isdisjoint(ids))
            for ids in ({r.id for r in ranked[s.id]} for s in sequences)
        ]
        fewest = min(counts)
        if fewest >= SEQUENCE_ORDERS:
            return []
        return [s for s, n in zip(sequences, counts, strict=True) if n == fewest]

    def _told_item(self) -> Dated | None:
        """In a one-kind round, where facts come back: one the round has asked and dated."""
        if self.picker.shared_limit is None:
            return None
        positions = self.facts.timeline_position
        told = [f for f in self.picker.used if f in positions and self.told.date(f)]
        if not told:
            return None
        return self.facts.timeline[positions[told[self.rng.below(len(told))]]]

    def _unordered(self, chosen: list[Dated], item: Dated) -> bool:
        """Apart in time from the chosen, and no two whose dates the round has told: their
        order would be known (one told among new ones is still asked)."""
        if not dates_apart(chosen, item):
            return False
        date = self.told.date
        for other in chosen:  # (the chosen first: a few facts, where the candidates are many)
            if date(other.id):
                return not date(item.id)
        return True

    def ranked_items(self, sequence: SequenceFact, low: int, high: int) -> list[Ranked]:
        """From low to high items of a sequence, no two of one rank (ties have no order)."""
        ranked = self.facts.ranked[sequence.id]
        # A sequence's items are only its own: its orders may be long even in a mixed round.
        ranks = len({r.rank for r in ranked})
        size = size_between(self.rng, low, leaving_room(low, high, ranks), ranks)
        told = self.told
        return self.picker.pick(
            ranked,
            by_id,
            size,
            # No tie, and no two the round has shown in order already.
            lambda chosen, item: all(
                item.rank != other.rank and not told.ordered(item.id, other.id) for other in chosen
            ),
        )

    # -- match -----------------------------------------------------------------------------

    def match_dates(self) -> Question | None:
        size = self.size(3, 5, self.facts.max_disjoint_dates, self.facts.timeline_position)
        if not size:
            return None
        told = self.told
        chosen = self.picker.pick(
            self.facts.timeline,
            by_id,
            size,
            # Not a fact whose date the round has told: its pair would be given.
            lambda c, d: d.undated and dates_apart(c, d) and not told.date(d.id),
        )
        if len(chosen) < 3:
            return None
        decoy = self._decoy_date(chosen)
        pairs = [(d.text, self.facts.written(d)) for d in chosen]
        extra = [self.facts.written(decoy)] if decoy is not None else []
        prompt = phrase(self.language, "match_dates")
        return self.match("dates", [d.id for d in chosen], pairs, extra, prompt)

    def _decoy_date(self, chosen: list[Dated]) -> Dated | None:
        """A date apart from all the chosen ones, to stand as an extra on the right."""
        timeline = self.facts.timeline
        written = self.facts.written
        shown = {written(d) for d in chosen}
        for _ in range(16):
            candidate = timeline[self.rng.below(len(timeline))]
            if (
                all(candidate is not c for c in chosen)
                and dates_apart(chosen, candidate)
                and written(candidate) not in shown
            ):
                return candidate
        return None

    # -- choice ----------------------------------------------------------------------------

    def _date_options(self, anchor: Dated, apart: Dated | None = None) -> list[str]:
        """Dates near the anchor's, apart from it and from each other, none of its own title
        (nor, with `apart`, any date that overlaps that span). A happening's are as precise as
        the answer where the pack has two such (a day among years would stand out as the
        answer); a state's stay the nearest (as precise, they would be years away)."""
        right = format_date(anchor.date, self.language)
        facts = self.facts

        def usable(d: Dated) -> bool:
            return facts.text_fits_date(anchor.text, d) and (apart is None or not d.overlaps(apart))

        near = [d for d in facts.near_in_time(anchor, 6 if apart is None else 12) if usable(d)]

        def fits(chosen: list[Dated], d: Dated) -> bool:
            return all(not d.overlaps(c) for c in chosen) and facts.written(d) != right

        level = _precision(anchor.date)
        alike = [d for d in near if _precision(d.date) == level] if apart is None else []
        if len(alike) < 3 and apart is None:
            alike = [
                d
                for d in facts.near_in_time(anchor, _ALIKE_REACH)
                if _precision(d.date) == level and usable(d)
            ]
        distractors = self.spread(alike, fits) if len(alike) >= 2 else []
        if len(distractors) < 2:
            distractors = self.spread(near, fits)
        elif len(distractors) < 3:
            rest = [d for d in near if _precision(d.date) != level]
            distractors += self.spread(rest, lambda c, d: fits([*distractors, *c], d))[:1]
        texts = [facts.written(d) for d in distractors]
        shown = self.picker.shown
        if all_shown(texts, shown):
            # Each wrong date shown already as another fact's: the one left would be found by
            # elimination. The last gives way to a date the round has not shown, if one fits.
            for d in [*alike, *near]:
                text = facts.written(d)
                if fits(distractors[:-1], d) and shown.reveals((text,)) is None:
                    texts[-1] = text
                    break
        return texts

    def choice_when(self) -> Question | None:
        anchor = self.anchor(self.facts.timeline, by_id)
        if anchor is None or not undated(anchor):
            return None
        if anchor.ask:
            prompt = anchor.ask
        elif anchor.release:
            prompt = phrase(self.language, "when_version", title=anchor.text)
        else:
            prompt = phrase(self.language, "when_event", title=anchor.text)
        return self.choice(
            "when",
            [anchor.id],
            format_date(anchor.date, self.language),
            self._date_options(anchor),
            prompt,
            self.facts.explain([anchor.id]),
        )

    def choice_state(self) -> Question | None:
        """As of which date the source reports a state: never when it "happened"."""
        state = self.anchor(self.facts.states, by_id)
        if state is None:
            return None
        placed = state_on_timeline(state)
        # A state holds on the days before the one the source reports it on, as far back as
        # the source does not say: another day of that month would be right too ("still first
        # as of 25 February" is as true as "as of 28 February"), so the wrong dates lie outside
        # the month (or the year, for a state reported by month).
        span = state.as_of
        wider = (
            PartialDate(span.year, span.month) if span.day is not None else PartialDate(span.year)
        )
        around = state_on_timeline(replace(state, as_of=wider))
        return self.choice(
            "state",
            [state.id],
            format_date(state.as_of, self.language),
            self._date_options(placed, around),
            state.ask or phrase(self.language, "state", title=state.title),
            self.facts.explain([state.id]),
        )

    def choice_what(self) -> Question | None:
        anchor = self.anchor(self.facts.timeline, by_id)
        if anchor is None or not undated(anchor):
            return None
        near = [
            d
            for d in self.facts.near_in_time(anchor, 8)
            if d.text != anchor.text and undated(d) and self.facts.text_fits_date(d.text, anchor)
        ]
        # Wrong options whose dates the round has not told first: were every one of them dated
        # on screen already, the answer would be found by elimination.
        keys, shown = date_keys(self.facts), self.picker.shown
        known = [d for d in near if shown.reveals(keys.get(d.id, ())) is not None]
        fresh = [d for d in near if d not in known]
        distractors = self.spread(fresh, lambda chosen, d: d.text not in [c.text for c in chosen])
        if not distractors:
            return None
        distractors += self.spread(
            known, lambda chosen, d: d.text not in [c.text for c in distractors + chosen]
        )
        return self.choice(
            "what",
            [anchor.id],
            anchor.happening,
            [d.happening for d in distractors],
            what_happened(anchor.date, self.language),
            self.facts.explain([anchor.id]),
        )

    def choice_before(self) -> Question | None:
        """Which of these happened before a date (or after it): one did, the others did not."""
        before = self.rng.below(2) == 0
        views = self.facts

        def count_beyond(item: Dated) -> int:
            return views.count_undated_beyond(item, before=before)

        def beyond(item: Dated) -> Beyond:
            return views.undated_beyond(item, before=before)

        found = self.picker.pick(
            views.timeline, by_id, 1, lambda _, d: d.undated and count_beyond(d) >= 3
        )
        if not found:
            return None
        right = found[0]
        others = beyond(right)
        pivot = others[self.rng.below(len(others) - 2)]
        blocked = self.picker.blocked
        far = (d for d in beyond(pivot) if d.id not in blocked and not d.overlaps(right))
        wrong = self.spread(
            list(islice(far, 6)), lambda chosen, d: dates_apart([*chosen, right], d)
        )
        facts = [right.id, *(d.id for d in wrong)]
        template = "before" if before else "after"
        return self.choice(
            template,
            facts,
            right.happening,
            [d.happening for d in wrong],
            phrase(self.language, template, date=self.facts.written(pivot)),
            self.facts.explain(
                answer_first(right.id, sorted(facts, key=self.facts.timeline_position.__getitem__))
            ),
            detail=pivot.date.iso(),
        )

    def choice_first_event(self) -> Question | None:
        """Which of three happenings came first (or last)."""
        chosen = self.picker.pick(
            self.facts.timeline,
            by_id,
            3,
            lambda chosen, d: d.undated and self._unordered(chosen, d),
        )
        if len(chosen) < 3:
            return None
        first = self.rng.below(2) == 0
        earliest = sorted(chosen, key=lambda d: d.start)
        ranked = earliest if first else earliest[::-1]
        template = "first-event" if first else "last-event"
        return self.choice(
            template,
            [d.id for d in chosen],
            ranked[0].happening,
            [d.happening for d in ranked[1:]],
            phrase(self.language, template.replace("-", "_")),
            self.facts.explain(answer_first(ranked[0].id, [d.id for d in earliest])),
        )

    def choice_first(self) -> Question | None:
        """Which item of a sequence comes first (or last), out of three or four."""
        sequences = self.facts.sequences_with_ranks(3)
        if not sequences:
            return None
        sequence = sequences[self.rng.below(len(sequences))]
        chosen = self.ranked_items(sequence, 3, 4)
        if len(chosen) < 3:
            return None
        first = self.rng.below(2) == 0
        earliest = sorted(chosen, key=lambda r: r.rank)
        ranked = earliest if first else earliest[::-1]
        return self.choice(
            "first" if first else "last",
            [r.id for r in chosen],
            ranked[0].text,
            [r.text for r in ranked[1:]],
            phrase(self.language, f"{'first' if first else 'last'}_sequence", title=sequence.title),
            self.facts.explain(answer_first(ranked[0].id, [r.id for r in earliest])),
        )

    def choice_next(self) -> Question | None:
        """Which item of a sequence came right after another (or right before it)."""
        sequences = self.facts.sequences_with_ranks(4)
        if not sequences:
            return None
        sequence = sequences[self.rng.below(len(sequences))]
        ranked = self.facts.ranked[sequence.id]
        after = self.rng.below(2) == 0
        step = 1 if after else -1
        ranks = {r.rank for r in ranked}

        def has_neighbour(_: list[Ranked], item: Ranked) -> bool:
            return item.rank + step in ranks

        found = self.picker.pick(ranked, by_id, 1, has_neighbour)
        if not found:
            return None
        anchor = found[0]
        # A rank after something the source names but the sequence leaves out (`gap_before`)
        # does not come "right after" the rank before it: the question asks the other way, if
        # it can.
        gaps = {i.rank for i in sequence.items if i.gap_before}
        if max(anchor.rank, anchor.rank + step) in gaps:
            after, step = not after, -step
            if anchor.rank + step not in ranks or max(anchor.rank, anchor.rank + step) in gaps:
                return None
        blocked = self.picker.blocked
        # Of two items tied next to it, one is offered: the other would be right too.
        nexts = [r for r in ranked if r.rank == anchor.rank + step and r.id not in blocked]
        if not nexts:
            return None
        right = nexts[self.rng.below(len(nexts))]
        # Wrong options nearest in rank first: the items around the answer are the plausible ones.
        others = [r for r in ranked if r.rank not in (anchor.rank, right.rank)]
        others.sort(key=lambda r: (abs(r.rank - right.rank), self.rng.random()))
        wrong: list[Ranked] = []
        for item in others:
            if item.id not in blocked and all(item.rank != w.rank for w in wrong):
                wrong.append(item)
        chosen = [anchor, right, *wrong[:2]]
        template = "next" if after else "previous"
        return self.choice(
            template,
            [r.id for r in chosen],
            right.text,
            [r.text for r in wrong[:2]],
            phrase(self.language, template, title=sequence.title, item=anchor.text),
            self.facts.explain(
                answer_first(right.id, [r.id for r in sorted(chosen, key=lambda r: r.rank)])
            ),
        )
