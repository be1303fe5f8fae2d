"""Matching a typed answer against the accepted ones, as people mean them.

Two texts are the same answer after NFKC, case and space folding and, when either holds Chinese
characters, Traditional/Simplified folding (OpenCC's tables, through `opencc-purepy`: both sides
are turned into Simplified, whose characters are what several Traditional ones share, such as
髮 and 發 → 发). An answer one edit away (a letter added, dropped, changed, or two neighbours
swapped) is a typo: accepted when the accepted answer has at least TYPO_FROM characters,
reported as a near miss otherwise.

The OpenCC tables take a tenth of a second to load: they are loaded on the first answer with
Chinese characters, never by the commands that only generate or list questions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

#: An accepted answer of at least this many characters (after folding) forgives one typo.
TYPO_FROM = 5

# The CJK Unified Ideographs blocks (and their compatibility forms): where OpenCC has work.
_CJK = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)


def fold_text(text: str) -> str:
    """NFKC, case and space folding: what two answers must share to be the same answer."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def has_cjk(text: str) -> bool:
    """Whether the text holds a Chinese character."""
    return any(low <= ord(ch) <= high for ch in text for low, high in _CJK)


@cache
def _to_simplified() -> Callable[[str], str]:
    from opencc_purepy import OpenCC

    converter: Callable[[str], str] = OpenCC("t2s").convert
    return converter


def fold_script(text: str) -> str:
    """Traditional and Simplified Chinese folded together (Simplified); other text unchanged."""
    return _to_simplified()(text) if has_cjk(text) else text


def one_edit(a: str, b: str) -> bool:
    """Whether b is exactly one edit from a: one character added, dropped, changed, or two
    neighbours swapped (the optimal string alignment distance is 1)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    start = 0
    while start < len(a) and a[start] == b[start]:
        start += 1
    if len(a) < len(b):
        return a[start:] == b[start + 1 :]  # one character added at `start`
    rest = start + 1
    if a[rest:] == b[rest:]:
        return True  # one character changed
    # Two neighbours swapped.
    return (
        rest < len(a)
        and a[start] == b[rest]
        and a[rest] == b[start]
        and a[rest + 1 :] == b[rest + 1 :]
    )


@dataclass(frozen=True)
class TextMatch:
    """How a response matched an accepted answer (`accepted` as the pack writes it)."""

    accepted: str
    exact: bool  # the same answer after folding; else one edit away
    forgiven: bool  # counts as right: exact, or a typo in an answer long enough to forgive it

    @property
    def typo(self) -> bool:
        return not self.exact


def match_text(accepted: Sequence[str], response: str) -> TextMatch | None:
    """The accepted answer this response is (or is one typo from); None when none is near."""
    typed = fold_text(response)
    if not typed:
        return None
    folded = [(answer, fold_text(answer)) for answer in accepted]
    for answer, form in folded:
        if form == typed:
            return TextMatch(answer, exact=True, forgiven=True)
    if has_cjk(typed) or any(has_cjk(form) for _, form in folded):
        typed = fold_script(typed)
        folded = [(answer, fold_script(form)) for answer, form in folded]
        for answer, form in folded:
            if form == typed:
                return TextMatch(answer, exact=True, forgiven=True)
    near = [(answer, form) for answer, form in folded if one_edit(form, typed)]
    for answer, form in near:
        if len(form) >= TYPO_FROM:
            return TextMatch(answer, exact=False, forgiven=True)
    if near:
        return TextMatch(near[0][0], exact=False, forgiven=False)
    return None
