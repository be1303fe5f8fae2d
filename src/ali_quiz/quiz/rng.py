"""A small seeded generator whose every draw is the same on every machine and Python version.

Python promises repeatability only for `random.random()`, not for `shuffle`, `sample` or
`choice`; this module builds all of them on SplitMix64, which is a few lines of integer math.
"""

from __future__ import annotations

from collections.abc import Sequence

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

_MASK = (1 << 64) - 1
_GAMMA = 0x9E3779B97F4A7C15
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB


class Rng:
    """SplitMix64: fast, well distributed, and fully specified by its seed.

    The draws of `below` and `shuffled` repeat `next64`'s few lines in place: a round draws
    hundreds of thousands of numbers on a large pack, and a call each would double the cost.
    """

    def __init__(self, seed: int) -> None:
        self.state = seed & _MASK

    def next64(self) -> int:
        self.state = (self.state + _GAMMA) & _MASK
        z = self.state
        z = ((z ^ (z >> 30)) * _MIX1) & _MASK
        z = ((z ^ (z >> 27)) * _MIX2) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        """A float in [0, 1) with 53 random bits."""
        return (self.next64() >> 11) / float(1 << 53)

    def below(self, n: int) -> int:
        """An integer in [0, n): multiply-shift, whose bias (n / 2**64) no round can notice."""
        if n <= 0:
            raise ValueError("below() needs a positive bound")
        self.state = z = (self.state + _GAMMA) & _MASK  # next64(), in place
        z = ((z ^ (z >> 30)) * _MIX1) & _MASK
        z = ((z ^ (z >> 27)) * _MIX2) & _MASK
        return ((z ^ (z >> 31)) * n) >> 64

    def choice(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def shuffled(self, items: Sequence[T]) -> list[T]:
        """A new list in random order (Fisher-Yates: `below(i + 1)` for i from the end)."""
        result = list(items)
        state, gamma, mask, mix1, mix2 = self.state, _GAMMA, _MASK, _MIX1, _MIX2
        for i in range(len(result) - 1, 0, -1):
            state = z = (state + gamma) & mask  # below(i + 1), in place
            z = ((z ^ (z >> 30)) * mix1) & mask
            z = ((z ^ (z >> 27)) * mix2) & mask
            j = ((z ^ (z >> 31)) * (i + 1)) >> 64
            result[i], result[j] = result[j], result[i]
        self.state = state
        return result

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        return self.shuffled(items)[:k]

    def weighted_index(self, weights: Sequence[float]) -> int:
        """An index drawn with probability proportional to its (non-negative) weight."""
        total = sum(w for w in weights if w > 0)
        if total <= 0:
            return self.below(len(weights))
        target = self.random() * total
        running = 0.0
        for index, weight in enumerate(weights):
            if weight > 0:
                running += weight
                if target < running:
                    return index
        return max(i for i, w in enumerate(weights) if w > 0)
