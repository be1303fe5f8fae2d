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


class Rng:
    """SplitMix64: fast, well distributed, and fully specified by its seed."""

    def __init__(self, seed: int) -> None:
        self.state = seed & _MASK

    def next64(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & _MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
        return z ^ (z >> 31)

    def random(self) -> float:
        """A float in [0, 1) with 53 random bits."""
        return (self.next64() >> 11) / float(1 << 53)

    def below(self, n: int) -> int:
        """An integer in [0, n): multiply-shift, whose bias (n / 2**64) no round can notice."""
        if n <= 0:
            raise ValueError("below() needs a positive bound")
        return (self.next64() * n) >> 64

    def choice(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def shuffled(self, items: Sequence[T]) -> list[T]:
        """A new list in random order (Fisher-Yates)."""
        result = list(items)
        for i in range(len(result) - 1, 0, -1):
            j = self.below(i + 1)
            result[i], result[j] = result[j], result[i]
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
