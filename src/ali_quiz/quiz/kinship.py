"""Whether two highlights of releases speak of the same thing: then each release is a defensible
answer to "which release brought this?" asked on the other's, so neither is the other's wrong
option, where two other releases are left to offer (Apollo 11's "first crewed Moon landing"
and Apollo 17's "last crewed Moon landing" share words but not a right answer: with no third
release left, they stay each other's wrong options, as before).

Two highlights are akin when they share a key word: a Latin word of four letters or more (a
plural folded to its singular, a few function words left out), or two Chinese characters in a
row. 2.0's 升級為企業內部協同工具 and 3.0's 提升了企業…內外協同能力 share 企業 and 協同; in English,
"collaboration inside enterprises" and "collaboration, inside and outside the enterprise".
"""

from __future__ import annotations

import re
import unicodedata

from ali_quiz.packs.model import Pack

_LATIN = re.compile(r"[^\W\d_]{4,}")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
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


def key_words(text: str, names: frozenset[str] = frozenset()) -> frozenset[str]:
    """The words of a highlight that say what it is about (none of `names`, the product's)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = set()
    for word in _LATIN.findall(folded):
        if word.isascii() and word not in _FUNCTION_WORDS:
            words.add(word[:-1] if word.endswith("s") and not word.endswith("ss") else word)
    for run in _CJK.findall(folded):
        words.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(words - names)


def product_words(product: str) -> frozenset[str]:
    """The product's own name as key words: every highlight of it may name it."""
    return key_words(product)


def akin_titles(pack: Pack) -> dict[str, set[str]]:
    """For each highlight, the titles of the releases of its product that brought one akin to
    it: they may be right too. Kept with the pack (one look at each highlight's words)."""
    found = pack.derived.get("akin_titles")
    if isinstance(found, dict):
        return found
    by_word: dict[tuple[str, str], set[str]] = {}
    words: dict[tuple[str, str], frozenset[str]] = {}
    for version in pack.versions:
        names = product_words(version.product)
        for highlight in version.highlights:
            kin = words[(version.product, highlight)] = key_words(highlight, names)
            for word in kin:
                by_word.setdefault((version.product, word), set()).add(version.title)
    found = {}
    for (product, highlight), kin in words.items():
        for word in kin:
            found.setdefault(highlight, set()).update(by_word[(product, word)])
    pack.derived["akin_titles"] = found
    return found
