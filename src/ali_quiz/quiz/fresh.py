"""Fresh rounds: a round nobody fixed with a seed or a code asks first what the player has not met.

A fresh round is drawn like any round from its seed, with one more thing the seed decides: which
facts it puts off (`put_off`), and how far. The round composer holds those facts back: a round
asks what it does not put off first, then what it puts off least, then the rest, rather than end
short (quiz/composition.py). Which facts a seed puts off is a draw of its own, the same on any
machine, so the round's code (a fresh code, 13 characters: quiz/codes.py) gives anyone the same
questions, without the player's history.

For a player, many seeds are tried (`fresh_seed`) and the one whose put-off facts best match
what they met lately is kept: what they never met comes first, what they met long ago after it,
and what they met in their last round last. Only the facts each seed puts off are compared,
bit by bit, without drawing a round, so trying thousands costs a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ali_quiz.packs.model import Pack
from ali_quiz.quiz.codes import MAX_CODE_SEED
from ali_quiz.quiz.rng import Rng

#: Seeds compared for a player (fewer on a pack of many facts: each costs a step per 64 facts).
CANDIDATES = 4096
_STEPS = 4 * CANDIDATES
_MIN_CANDIDATES = 64
#: What the player met at least this lately (1: just now) counts as met in their last round.
RECENT = 0.9
_SALT = 0x6672657368  # keeps a seed's put-off draw apart from its round's draws
_ALL = (1 << 64) - 1
#: The cost of putting a fact off by 0, 1 or 2 steps (`_cost`): for a fact never met 0, 4, 6;
#: met long ago 2, 0, 1; met last round 6, 2, 0 (a fact never met put off, or one just met not
#: put off, costs most).


def fresh_keys(pack: Pack) -> tuple[list[str], list[int]]:
    """What a fresh round may put off, in a fixed order, and where each group of them starts.

    The pack's facts come in groups of those that as many forms can ask (states; undated
    releases; figures; sequence items; dated events and releases), then its own questions
    that ask no fact (met by their id). A seed draws how much of each group it puts off, as a
    player meets a round's groups unevenly: most of the dated facts, some of the figures.
    """
    found = pack.derived.get("fresh_keys")
    if not isinstance(found, tuple):
        from ali_quiz.quiz.facts import facts_of

        facts = facts_of(pack)
        dated = {d.id for d in facts.timeline}
        groups: list[list[str]] = [
            [s.id for s in pack.states],
            [v.id for v in pack.versions if v.id not in dated],
            [m.id for m in pack.metrics],
            [item.id for seq in pack.sequences for item in seq.items],
            [*(e.id for e in pack.events), *(v.id for v in pack.versions if v.id in dated)],
            [q.id for q in pack.questions if not q.facts],
        ]
        keys: list[str] = []
        starts: list[int] = []
        taken: set[str] = set()
        for group in groups:  # (eight groups at most: `_levels`)
            fresh = [key for key in dict.fromkeys(group) if key not in taken]
            if fresh:
                starts.append(len(keys))
                keys += fresh
                taken.update(fresh)
        found = (keys, starts)
        pack.derived["fresh_keys"] = found
    return found


def _group_masks(keys: list[str], starts: list[int]) -> list[list[tuple[int, int]]]:
    """Per block of 64 keys: (group, bits of that group in the block)."""
    ends = [*starts[1:], len(keys)]
    blocks: list[list[tuple[int, int]]] = []
    for block in range(0, len(keys), 64):
        masks = []
        for group, (first, last) in enumerate(zip(starts, ends, strict=True)):
            low, high = max(first, block), min(last, block + 64)
            if low < high:
                masks.append((group, ((1 << (high - low)) - 1) << (low - block)))
        blocks.append(masks)
    return blocks


def _at_least(t: int, w0: int, w1: int, w2: int) -> int:
    """The bits whose 3-bit number (w0 most significant) is t (0 to 8) or more."""
    if t >= 8:
        return 0
    low = (_ALL, w1 | w2, w1, w1 & w2)[t & 3]
    return w0 & low if t & 4 else w0 | low


def _levels(seed: int, blocks: list[list[tuple[int, int]]], groups: int) -> list[tuple[int, int]]:
    """Per block of 64 keys: the bits put off by one step or more, and by two steps.

    Per group (eight at most), the seed draws the share (in eighths) put off not at all, and of
    the rest the share put off by one step, a byte of a draw each; then each key its place
    among those shares (three bits of three draws per block)."""
    rng = Rng(Rng(seed ^ _SALT).next64())
    firsts, seconds = rng.next64(), rng.next64()
    shares = []
    for group in range(groups):
        first = (firsts >> 8 * group & 255) * 9 >> 8
        shares.append((first, first + ((seconds >> 8 * group & 255) * (9 - first) >> 8)))
    out = []
    for masks in blocks:
        w0, w1, w2 = rng.next64(), rng.next64(), rng.next64()
        one = two = 0
        for group, bits in masks:
            first, second = shares[group]
            one |= _at_least(first, w0, w1, w2) & bits
            two |= _at_least(second, w0, w1, w2) & bits
        out.append((one, two))
    return out


def put_off(pack: Pack, seed: int) -> dict[str, int]:
    """The facts (and authored question ids) the fresh round of this seed puts off: 1 or 2
    steps (the facts put off by two come last)."""
    keys, starts = fresh_keys(pack)
    later: dict[str, int] = {}
    for block, (one, two) in enumerate(_levels(seed, _group_masks(keys, starts), len(starts))):
        for bit, key in enumerate(keys[64 * block : 64 * block + 64]):
            if one >> bit & 1:
                later[key] = 2 if two >> bit & 1 else 1
    return later


def _targets(keys: list[str], met: Mapping[str, float]) -> list[tuple[int, int, int]]:
    """Per block: the bits of keys never met, met long ago, and met last round."""
    targets = []
    for start in range(0, len(keys), 64):
        never = long_ago = last = 0
        for bit, key in enumerate(keys[start : start + 64]):
            lately = met.get(key, 0.0)
            if lately >= RECENT:
                last |= 1 << bit
            elif lately > 0:
                long_ago |= 1 << bit
            else:
                never |= 1 << bit
        targets.append((never, long_ago, last))
    return targets


def _cost(
    seed: int,
    targets: list[tuple[int, int, int]],
    blocks: list[list[tuple[int, int]]],
    groups: int,
) -> int:
    """How far the facts the seed puts off are from the player's (the costs above)."""
    total = 0
    for (one, two), (never, long_ago, last) in zip(
        _levels(seed, blocks, groups), targets, strict=True
    ):
        none, once = ~one & _ALL, one & ~two  # put off by no step, by one
        total += (
            4 * (once & never).bit_count()
            + 6 * (two & never).bit_count()
            + 2 * (none & long_ago).bit_count()
            + (two & long_ago).bit_count()
            + 6 * (none & last).bit_count()
            + 2 * (once & last).bit_count()
        )
    return total


def fresh_seed(pack: Pack, met: Mapping[str, float], draw: Callable[[], int]) -> int | None:
    """The seed of a fresh round for a player who met `met` lately (fact or question id -> 1
    just now, fading with time): the one of many whose put-off facts fit best. None when the
    player met nothing of the pack: a plain round of a drawn seed is as fresh."""
    keys, starts = fresh_keys(pack)
    targets = _targets(keys, met)
    if not any(long_ago or last for _, long_ago, last in targets):
        return None
    start = draw()
    tries = max(_MIN_CANDIDATES, min(CANDIDATES, _STEPS // max(1, len(targets))))
    blocks = _group_masks(keys, starts)
    best, best_cost = start, None
    for step in range(tries):
        seed = (start + step) % (MAX_CODE_SEED + 1)
        cost = _cost(seed, targets, blocks, len(starts))
        if best_cost is None or cost < best_cost:
            best, best_cost = seed, cost
    return best
