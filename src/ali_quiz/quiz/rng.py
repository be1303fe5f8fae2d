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
#: Shuffles longer than this draw side by side (`_draws`); shorter ones draw one at a time.
_SIDE_BY_SIDE = 12
_LANE = 128  # bits a draw takes in `_draws`: a 64-bit value times a 64-bit constant fits


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
        self.state = z = (self.state + _GAMMA) & _MASK  # next64(), in place
        z = ((z ^ (z >> 30)) * _MIX1) & _MASK
        z = ((z ^ (z >> 27)) * _MIX2) & _MASK
        return ((z ^ (z >> 31)) >> 11) / _UNIT

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
        n = len(result)
        if n > _SIDE_BY_SIDE:
            # The same draws, worked out side by side (see `_draws`): a big pack shuffles lists
            # of thousands, and each draw alone costs a dozen operations on Python integers.
            draws = _draws(self.state, n - 1)
            for i, z in zip(range(n - 1, 0, -1), draws, strict=True):
                j = (z * (i + 1)) >> 64
                result[i], result[j] = result[j], result[i]
            self.state = (self.state + (n - 1) * _GAMMA) & _MASK
            return result
        state, gamma, mask, mix1, mix2 = self.state, _GAMMA, _MASK, _MIX1, _MIX2
        for i in range(n - 1, 0, -1):
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
