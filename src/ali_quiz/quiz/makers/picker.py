"""The Picker: how a round draws facts, unused first, so a round spreads over the pack.

It prefers facts the round has not asked yet (and, in a review round, facts the player got
wrong); facts the round has ruled out (`blocked`: a mixed round never asks a fact twice) are
never drawn. It also holds what the round has shown (`shown`), for the makers that must leave
out a fact whose answer is already on screen.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ali_quiz.quiz.giveaway import Shown
from ali_quiz.quiz.rng import Rng

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

_MAX_PENDING = 8
_RESTARTS = 8
_RESTART_SPAN = 400  # a restart looks at the first places of a long list only


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

    def lead(self, index: int) -> None:
        """Put this index first; the rest stays a random order."""
        here = self.slots.get(0, 0)
        self.slots[0] = self.slots.get(index, index)
        self.slots[index] = here
        self.drawn = 1

    def __getitem__(self, position: int) -> int:
        drawn, slots = self.drawn, self.slots
        if drawn <= position:
            below, n = self.rng.below, self.n
            while drawn <= position:
                j = drawn + below(n - drawn)
                here = slots.get(drawn, drawn)
                slots[drawn] = slots.get(j, j)
                slots[j] = here
                drawn += 1
            self.drawn = drawn
        return slots.get(position, position)


_PHI = 0.6180339887498949


class Walk:
    """A fixed order of range(n) started at a place that moves with the round's seed.

    Place i is (start + step * i) mod n, with a step coprime to n near n times the golden
    ratio; the start is the seed's place in the golden-ratio (Weyl) sequence. Rounds of
    consecutive seeds thus start far apart and spread evenly over the list: twenty rounds in a
    row ask each fact about as often, where independent shuffles would ask some every round.
    With `turns`, the start is seed * step mod n: any n seeds in a row start at n different
    places (the Weyl places of two of them may meet), each list taking its turns.
    """

    def __init__(self, n: int, seed: int, *, turns: bool = False) -> None:
        self.n = n
        step = max(1, round(n * _PHI))
        while math.gcd(step, n) != 1:
            step += 1
        self.step = step
        if not n:
            self.start = 0
        elif turns:
            self.start = seed * step % n
        else:
            self.start = int(((seed * _PHI) % 1.0) * n)

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, position: int) -> int:
        return (self.start + self.step * position) % self.n


@dataclass(eq=False)  # mutable state: equal only to itself
class _ListState:
    """Where a round stands in one list of facts: a shuffled order and a cursor into it."""

    order: _LazyShuffle | Walk
    cursor: int = 0
    level: int = 0  # facts used more often than this are passed over
    pending: list[int] = field(default_factory=list)  # places looked at that did not fit
    index: dict[str, int] | None = None  # fact id -> place in the list, built for reviews


@dataclass(eq=False)  # mutable state: equal only to itself
class Picker:
    """Draws facts for a round: unused first, then the least used; review weights lead.

    Each list of facts gets one shuffled order per round, walked with a cursor, so a pick costs
    about the same however large the pack is.
    """

    rng: Rng
    weights: dict[str, float] | None = None
    walk: int | None = None  # a round's seed: lists are walked from its place (see Walk)
    turns: bool = False  # walks in turns (a quick round: a class's rounds lead with each fact)
    used: Counter[str] = field(default_factory=Counter)
    blocked: set[str] = field(default_factory=set)
    # Fact sets a round has asked together: a pick never shares `shared_limit` facts with one.
    asked: list[frozenset[str]] = field(default_factory=list)
    shared_limit: int | None = None
    states: dict[int, _ListState] = field(default_factory=dict)
    # What the round has shown so far: a maker leaves out a fact whose answer it states.
    shown: Shown = field(default_factory=Shown)
    # Each list's index (fact id -> place), kept across rounds when given the pack's dict
    # (PackFacts.pick_indexes): a review or a focused pick then costs the same on any pack.
    indexes: dict[tuple[int, object], tuple[object, dict[str, int]]] = field(default_factory=dict)

    def _state(self, items: list[T], key: Callable[[T], str]) -> _ListState:
        state = self.states.get(id(items))
        if state is None:
            order = _LazyShuffle(self.rng, len(items))
            if self.walk is not None and items:
                order.lead(Walk(len(items), self.walk, turns=self.turns)[0])
            state = _ListState(order=order)
            self.states[id(items)] = state
        return state

    def _lead(self, items: list[T], key: Callable[[T], str], state: _ListState) -> int | None:
        """In a review round: a fact drawn by how much it should come back."""
        if not self.weights:
            return None
        if state.index is None:
            state.index = self._index(items, key)
        candidates = [
            (state.index[fact], weight / (1 + self.used[fact]))
            for fact, weight in self.weights.items()
            if weight > 0 and fact in state.index
        ]
        if not candidates:
            return None
        return candidates[self.rng.weighted_index([w for _, w in candidates])][0]

    def _index(self, items: list[T], key: Callable[[T], str]) -> dict[str, int]:
        """Fact id -> place in the list, built once per list and key (the list is kept with
        its index, so its id names no other list while the index is kept)."""
        cache_key = (id(items), getattr(key, "__code__", key))
        found = self.indexes.get(cache_key)
        if found is None or found[0] is not items:
            found = (items, dict(zip(map(key, items), range(len(items)), strict=True)))
            self.indexes[cache_key] = found
        return found[1]

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
        blocked, limit = self.blocked, self.shared_limit

        def take(index: int) -> bool:
            item = items[index]
            return take_known(index, item, key(item))

        def take_known(index: int, item: T, fact: str) -> bool:
            if (
                index in taken
                or fact in blocked
                # (_crowds is False before `limit` items could share facts)
                or (
                    limit is not None
                    and len(chosen) + 1 >= limit
                    and self._crowds(chosen, item, key)
                )
            ):
                return len(chosen) >= k
            if fits is None or fits(chosen, item):
                chosen.append(item)
                taken.add(index)
            return len(chosen) >= k

        lead = self._lead(items, key, state)
        if lead is not None and take(lead):
            return chosen
        order = state.order
        size = len(order)
        counted = self.used.get  # not used[...]: a Counter calls a method for each fact not used
        for _ in range(2):
            # Places passed over earlier because they did not fit come first, then new ones;
            # every new place looked at moves the cursor on, so a round walks each list once.
            for position in list(state.pending):
                index = order[position]
                if counted(key(items[index]), 0) > state.level:
                    state.pending.remove(position)
                else:
                    done = take(index)
                    if index in taken:
                        state.pending.remove(position)
                    if done:
                        return chosen
            while state.cursor < size:
                position = state.cursor
                state.cursor += 1
                index = order[position]
                item = items[index]
                fact = key(item)
                if counted(fact, 0) > state.level:
                    continue
                done = take_known(index, item, fact)
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
        if len(chosen) < k and self.shared_limit is not None:
            # The first items taken boxed the rest in (a one-kind round's earlier questions
            # share facts with every way on): a few fresh random orders, the best kept.
            best = chosen
            for _ in range(_RESTARTS):
                chosen = []
                taken = set()
                for index in self.rng.sample(range(min(len(items), _RESTART_SPAN)), k * 4):
                    if take(index):
                        break
                if len(chosen) > len(best):
                    best = chosen
                if len(best) >= k:
                    break
            chosen = best
        return chosen

    def _crowds(self, chosen: list[T], item: T, key: Callable[[T], str]) -> bool:
        """Whether adding the item would share too many facts with a question asked before."""
        if self.shared_limit is None or len(chosen) + 1 < self.shared_limit:
            return False
        ids = {key(c) for c in chosen} | {key(item)}
        return any(len(ids & earlier) >= self.shared_limit for earlier in self.asked)

    def mark(self, facts: Iterable[str]) -> None:
        used = self.used
        counted = used.get  # what Counter.update does, without its checks of the argument
        for fact in facts:
            used[fact] = counted(fact, 0) + 1
