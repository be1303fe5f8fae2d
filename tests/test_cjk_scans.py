"""The scans by character that replaced patterns with Chinese ranges in a character class
(which cost milliseconds to compile at every start) find what those patterns found."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from ali_quiz.quiz import giveaway, kinship, phrasing

#: Characters at the edges of the ranges, spaces of several kinds, and word and other characters.
EDGES = [
    "\u33ff", "\u3400", "\u4dbf", "\u4dc0", "\u4e00", "\u9fff", "\ua000", "\uf8ff", "\uf900",
    "\ufaff", "\ufb00", "釘", "a", "Z", "_", "1", "²", "Ⅻ", "é", "-", "。", "{", "}",
    " ", "  ", "\t", "\n", "\u3000", "\xa0", "{a}", "{b_1}", "{}",
]  # fmt: skip
texts = st.lists(st.sampled_from(EDGES), max_size=10).map("".join)


@settings(max_examples=500)
@given(texts)
def test_fold_leaves_out_the_spaces_the_pattern_did(text: str) -> None:
    pattern = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=\w)|(?<=\w)\s+(?=[\u3400-\u9fff])")
    assert giveaway._SPACES.sub(giveaway._cjk_space, text) == pattern.sub("", text)


@settings(max_examples=500)
@given(texts)
def test_chinese_key_words_are_the_pairs_the_pattern_found(text: str) -> None:
    pattern = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
    folded = unicodedata.normalize("NFKC", text).casefold()
    expected = {run[i : i + 2] for run in pattern.findall(folded) for i in range(len(run) - 1)}
    assert {word for word in kinship.key_words(text) if not word.isascii()} == expected


@settings(max_examples=500)
@given(texts)
def test_template_values_beside_chinese_are_those_the_patterns_found(text: str) -> None:
    before = re.findall(r"\{(\w+)\}(?=[\u3400-\u9fff])", text)
    after = re.findall(r"(?<=[\u3400-\u9fff])\{(\w+)\}", text)
    assert phrasing._beside_chinese(text, after=False) == tuple(before)
    assert phrasing._beside_chinese(text, after=True) == tuple(after)


def test_a_word_character_is_what_a_pattern_calls_one() -> None:
    word = re.compile(r"\w")
    assert all(bool(word.match(c)) == giveaway._is_word(c) for c in map(chr, range(0x110000)))
