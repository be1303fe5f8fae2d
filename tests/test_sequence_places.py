"""A sequence's items in an explanation are numbered by their place among the items the
question shows (1, 2, 3), not by their rank in the whole sequence (1, 2, 4)."""

from __future__ import annotations

import re

from ali_quiz.packs.model import Pack
from ali_quiz.quiz.facts import PackFacts
from ali_quiz.quiz.generate import generate_round


def numbers(text: str) -> list[int]:
    return [int(found) for found in re.findall(r"^(\d+)\. ", text, re.MULTILINE)]


def test_items_are_numbered_by_their_place_in_the_question(pack_en: Pack) -> None:
    sequence = pack_en.sequences[0]
    ranked = sorted(sequence.items, key=lambda item: item.rank)
    chosen = [ranked[0], ranked[1], ranked[3]]  # ranks 1, 2 and 4 (as in the play test)
    assert len({item.rank for item in chosen}) == 3
    text = PackFacts(pack_en).explain([item.id for item in chosen])
    assert numbers(text) == [1, 2, 3]
    assert f"3. {ranked[3].text}" in text


def test_one_item_alone_is_not_numbered(pack_en: Pack) -> None:
    item = max(pack_en.sequences[0].items, key=lambda item: item.rank)
    text = PackFacts(pack_en).explain([item.id])
    assert numbers(text) == []
    assert text.startswith(item.text)


def test_every_generated_question_numbers_its_items_from_one(pack_en: Pack, pack_zh: Pack) -> None:
    for pack in (pack_en, pack_zh):
        items = {item.id for sequence in pack.sequences for item in sequence.items}
        seen = 0
        for seed in range(1, 30):
            for question in generate_round(pack, "quick", 10, seed):
                if len(items.intersection(question.facts)) > 1:
                    seen += 1
                    found = numbers(question.explanation)
                    # Each place once, from 1; the answer's item first (a choice), the others
                    # in their order.
                    assert sorted(found) == list(range(1, len(found) + 1)), question.explanation
                    rest = found[1:] if question.kind == "choice" else found
                    assert rest == sorted(rest), question.explanation
        assert seen > 0
