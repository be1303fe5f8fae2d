"""Whether two highlights of releases speak of the same thing: then each release is a defensible
answer to "which release brought this?" asked on the other's, and the two never stand as each
other's wrong option, nor side by side in one match.

Two highlights are akin when they share a key word: a Latin word of four letters or more (a
plural folded to its singular, a few function words left out), or two Chinese characters in a
row. 2.0's 升級為企業內部協同工具 and 3.0's 提升了企業…內外協同能力 share 企業 and 協同; in English,
"collaboration inside enterprises" and "collaboration, inside and outside the enterprise".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

_LATIN = re.compile(r"[^\W\d_]{4,}")
_FUNCTION_WORDS = frozenset(
    {
        "also",
        "been",
        "from",
        "have",
        "into",
        "more",
        "most",
        "only",
        "over",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "they",
        "this",
        "those",
        "with",
        "within",
        "without",
        "first",
        "time",
    }
)


@lru_cache(maxsize=8192)  # a round asks of the same few highlights again and again
def key_words(text: str, names: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words of a highlight that say what it is about (none of `names`, the product's)."""
    plain = text.isascii()  # (NFKC leaves ASCII as it is, casefolds it as lower() does)
    folded = text.lower() if plain else unicodedata.normalize("NFKC", text).casefold()
    words = set()
    for word in _LATIN.findall(folded):
        if word.isascii() and word not in _FUNCTION_WORDS:
            words.add(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    if not plain:
        words.update(
            folded[i : i + 2]
            for i in range(len(folded) - 1)
            if _is_cjk(folded[i]) and _is_cjk(folded[i + 1])
        )
    return frozenset(words - names)


def _is_cjk(char: str) -> bool:
    """A Chinese character: CJK unified ideographs (and extension A) and the compatibility
    ones. Told by comparison: those ranges in a pattern's character class cost more to compile
    (about 1.5 ms, at every start) than every highlight of a round takes to scan."""
    return (
        "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf" or "\uf900" <= char <= "\ufaff"
    )


def product_words(product: str) -> frozenset[str]:
    """The product's own name as key words: every highlight of it may name it."""
    return key_words(product)


def akin(a: str, b: str, names: frozenset[str] = frozenset()) -> bool:
    """Whether two highlights speak of the same thing (share a key word)."""
    return a == b or bool(key_words(a, names) & key_words(b, names))


class KinTitles(dict[str, set[str]]):
    """For each highlight, the titles of the releases that brought it or a highlight akin to it
    (each would answer "which release brought this?"), worked out on first use: on a large
    pack whose highlights share a common word, the full table is quadratic in its releases.

    `releases` gives (product, title, highlights) for each release, in the pack's order.
    """

    def __init__(self, releases: Iterable[tuple[str, str, Sequence[str]]]) -> None:
        super().__init__()
        self.own: dict[str, set[str]] = {}
        self.kin: dict[str, dict[str, frozenset[str]]] = {}
        self.by_word: dict[tuple[str, str], set[str]] = {}
        self.covering: dict[tuple[str, str], bool] = {}
        self.covered: frozenset[str] = frozenset()
        names: dict[str, frozenset[str]] = {}
        for product, title, highlights in releases:
            if product not in names:
                names[product] = product_words(product)
            for highlight in highlights:
                self.own.setdefault(highlight, set()).add(title)
                words = self.kin.setdefault(highlight, {}).setdefault(
                    product, key_words(highlight, names[product])
                )
                for word in words:
                    self.by_word.setdefault((product, word), set()).add(title)

    def __missing__(self, highlight: str) -> set[str]:
        found = set(self.own[highlight])
        for product, words in self.kin[highlight].items():
            for word in words:
                found |= self.by_word[(product, word)]
        self[highlight] = found
        return found

    def brought(self, highlight: str, title: str) -> bool:
        """Whether `title` is one of the titles of this highlight (`title in self[highlight]`),
        told without building that set: on a large pack it may hold thousands of titles, and a
        question asks this of a dozen highlights."""
        found = dict.get(self, highlight)
        if found is not None:
            return title in found
        if title in self.own[highlight]:
            return True
        by_word = self.by_word
        return any(
            title in by_word[(product, word)]
            for product, words in self.kin[highlight].items()
            for word in words
        )

    def covers(self, highlight: str, titles: frozenset[str]) -> bool:
        """Whether every one of `titles` brought this highlight or one akin to it; one key word
        shared by all of them answers at once (the same answer as the whole set's)."""
        if titles is not self.covered and titles != self.covered:  # (the same set: no compare)
            self.covered, self.covering = titles, {}
        for product, words in self.kin[highlight].items():
            for word in words:
                key = (product, word)
                if key not in self.covering:
                    self.covering[key] = self.by_word[key].issuperset(titles)
                if self.covering[key]:
                    return True
        return self[highlight].issuperset(titles)
