"""A small seeded generator whose every draw is the same on every machine and Python version.

Python promises repeatability only for `random.random()`, not for `shuffle`, `sample` or
`choice`; this module builds all of them on SplitMix64, which is a few lines of integer math.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

_MASK = (1 << 64) - 1
_GAMMA = 0x9E3779B97F4A7C15
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB
_UNIT = float(1 << 53)
#: Draws worked out ahead at first, and at most (a batch twice the last one in between).
_AHEAD_FIRST = 4
_AHEAD_MOST = 512
_LANE = 128  # bits a draw takes in `_draws`: a 64-bit value times a 64-bit constant fits


class Rng:
    """SplitMix64: fast, well distributed, and fully specified by its seed.

    Draws are worked out ahead, several at a time (`_draws`), and handed out one by one: a
    round draws a hundred thousand numbers on a large pack, and working each out alone costs
    a dozen operations on Python integers. The values are the same, in the same order, as one
    `next64` after another from the seed; the batches grow as a generator is used, so one that
    draws a few numbers only (quiz.fresh tries thousands) works out few ahead.
    """

    __slots__ = ("_base", "_ahead", "_at")

    def __init__(self, seed: int) -> None:
        self._base = seed & _MASK  # the state before the first draw of `_ahead`
        self._ahead: list[int] = []  # draws worked out ahead
        self._at = 0  # how many of them are used

    @property
    def state(self) -> int:
        """The state after the draws made so far (next64 adds gamma to it, then mixes)."""
        return (self._base + self._at * _GAMMA) & _MASK

    def _refill(self, wanted: int) -> list[int]:
        """At least `wanted` more draws worked out ahead (more as the generator is used)."""
        self._base = base = (self._base + self._at * _GAMMA) & _MASK
        size = min(_AHEAD_MOST, max(_AHEAD_FIRST, 2 * len(self._ahead)))
        self._ahead = ahead = _draws(base, max(size, wanted))
        self._at = 0
        return ahead

    def next64(self) -> int:
        at = self._at
        ahead = self._ahead
        if at >= len(ahead):
            ahead, at = self._refill(1), 0
        self._at = at + 1
        return ahead[at]

    def random(self) -> float:
        """A float in [0, 1) with 53 random bits."""
        at = self._at
        ahead = self._ahead
        if at >= len(ahead):
            ahead, at = self._refill(1), 0
        self._at = at + 1
        return (ahead[at] >> 11) / _UNIT

    def below(self, n: int) -> int:
        """An integer in [0, n): multiply-shift, whose bias (n / 2**64) no round can notice."""
        if n <= 0:
            raise ValueError("below() needs a positive bound")
        at = self._at
        ahead = self._ahead
        if at >= len(ahead):
            ahead, at = self._refill(1), 0
        self._at = at + 1
        return (ahead[at] * n) >> 64

    def choice(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def shuffled(self, items: Sequence[T]) -> list[T]:
        """A new list in random order (Fisher-Yates: `below(i + 1)` for i from the end)."""
        result = list(items)
        n = len(result)
        if n < 2:
            return result
        if n > _AHEAD_MOST:
            # A long list: a batch of its own, from where the generator stands.
            state = self.state
            draws = _draws(state, n - 1)
            self._base, self._ahead, self._at = (state + (n - 1) * _GAMMA) & _MASK, [], 0
        else:
            at, ahead = self._at, self._ahead
            if at + n - 1 > len(ahead):
                ahead, at = self._refill(n - 1), 0
            self._at = at + n - 1
            draws = ahead[at : at + n - 1]
        for i, z in zip(range(n - 1, 0, -1), draws, strict=True):
            j = (z * (i + 1)) >> 64
            result[i], result[j] = result[j], result[i]
        return result

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        return self.shuffled(items)[:k]

    def weighted_index(self, weights: Sequence[float]) -> int:
        """An index drawn with probability proportional to its (non-negative) weight."""
        # A weight of 0 or less counts as 0.0, which leaves a sum as it was.
        positive = [w if w > 0 else 0.0 for w in weights]
        total = sum(positive)
        if total <= 0:
            return self.below(len(weights))
        target = self.random() * total
        # The first running sum above the target is the index drawn.
        index = bisect_right(list(accumulate(positive)), target)
        if index < len(weights):
            return index
        return max(i for i, w in enumerate(weights) if w > 0)


def _draws(state: int, count: int) -> list[int]:
    """The next `count` values of next64 from `state`, worked out side by side.

    SWAR (SIMD within a register): the states `state + k * gamma` sit in one long integer, 128
    bits apart, and each step of SplitMix64's mix (shift and xor, multiply, keep 64 bits) is
    one operation on the whole of it: a product of two 64-bit values needs 128 bits, so no
    lane spills into the next, and masking with `low` keeps each lane's own 64 bits (and
    drops what a right shift brings down from the lane above). The values are the same, bit
    for bit, as `count` calls of next64.
    """
    ones, gammas, low = _lane_constants(count)
    z = (state * ones + gammas) & low  # state + k * gamma, k = 1..count, mod 2**64
    z = ((z ^ ((z >> 30) & low)) * _MIX1) & low
    z = ((z ^ ((z >> 27) & low)) * _MIX2) & low
    z ^= (z >> 31) & low
    data = z.to_bytes(count * _LANE // 8, "little")
    if sys.byteorder == "big":
        words = array("Q", data)
        words.byteswap()
        return words.tolist()[::2]
    return memoryview(data).cast("Q")[::2].tolist()  # each lane's low 64 bits (high: zero)


def _lane_constants(count: int) -> tuple[int, int, int]:
    """For `count` lanes: 1 in each, k * gamma in the k-th (from 1: well within its 128
    bits), and each lane's low 64 bits set.

    Built once per power of two (by `_lanes_up_to`) and cut to `count` lanes."""
    ones, gammas, low = _lanes_up_to(1 << max(count - 1, 1).bit_length())
    keep = (1 << (count * _LANE)) - 1
    return ones & keep, gammas & keep, low & keep


@cache
def _lanes_up_to(count: int) -> tuple[int, int, int]:
    lane = _LANE // 8
    ones = int.from_bytes(b"\x01".ljust(lane, b"\x00") * count, "little")
    ramp = int.from_bytes(
        b"".join(k.to_bytes(lane, "little") for k in range(1, count + 1)), "little"
    )
    low = int.from_bytes((b"\xff" * 8).ljust(lane, b"\x00") * count, "little")
    return ones, ramp * _GAMMA, low
