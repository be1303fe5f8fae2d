"""A corpus of GIFT files written for these tests, one form of Moodle's reader after another.

Every question either imports or is listed with its line (skipped or malformed); the forms
Moodle tolerates import as Moodle reads them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ali_quiz.packs.loader import load_pack
from ali_quiz.teach.gift_import import GiftImport, guess_language, import_gift, write_pack_yaml
from ali_quiz.teach.gift_parse import split_blocks
from conftest import FIXTURES

CORPUS = FIXTURES / "gift_corpus"
FILES = sorted(CORPUS.glob("*.gift"))


def _read(name: str) -> GiftImport:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return import_gift(text, source_name=name, language=guess_language(text))


def _prompts(imported: GiftImport) -> dict[str, dict[str, Any]]:
    return {q["prompt"]: q for q in imported.questions}


def _questions_in(text: str) -> int:
    """Blocks that are questions or descriptions (a lone `$CATEGORY:` line is neither)."""
    return sum(
        1
        for b in split_blocks(text)
        if not (b.span.text.startswith("$CATEGORY:") and "\n" not in b.span.text)
    )


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_question_imports_or_is_listed(path: Path, tmp_path: Path) -> None:
    imported = _read(path.name)
    passages_noted = sum("became the passage" in note for _, note in imported.notes)
    listed = len(imported.skipped) + len(imported.errors)
    assert len(imported.questions) + listed + passages_noted == _questions_in(
        path.read_text(encoding="utf-8")
    )
    if imported.questions:
        out = tmp_path / "pack.yaml"
        language = guess_language(path.read_text(encoding="utf-8"))
        write_pack_yaml(imported, pack_id="corpus", title="Corpus", language=language, path=out)
        load_pack(out)  # the written pack validates


def test_the_corpus_comes_across_nearly_whole() -> None:
    imported = [_read(p.name) for p in FILES]
    questions = sum(len(i.questions) for i in imported)
    listed = sum(len(i.skipped) + len(i.errors) for i in imported)
    # What is left is what a pack cannot hold: essays, Cloze, {TRUE FALSE}, 11+ options,
    # 2 or 11+ pairs, a short answer with only part marks.
    assert questions == 50
    assert listed == 8
    assert not any(i.errors for i in imported)


def test_tolerated_forms() -> None:
    questions = _prompts(_read("02-tolerated.gift"))
    largest = questions["Which planet is the largest?"]
    assert largest["options"][0] == {"text": "Jupiter", "correct": True}
    assert questions["Which of these is a mammal?"]["options"][0] == {"text": "whale"}
    primary = questions["Which colour is a primary colour of light?"]
    assert [o["text"] for o in primary["options"]] == ["green", "brown", "grey"]
    unclosed = questions["Unclosed title Which metal is liquid at room temperature?"]
    assert "title" not in unclosed
    lowercase = questions["Lowercase truth: the sun is a star."]
    assert lowercase["options"][0] == {"text": "True", "correct": True}
    assert questions["Which word is **bold** here?"]["kind"] == "choice"


def test_multiple_answer_becomes_multi() -> None:
    questions = _prompts(_read("03-multi.gift"))
    primes = questions["Which of these numbers are prime?"]
    assert primes["kind"] == "multi"
    assert [o["weight"] for o in primes["options"]] == [50, 50, -100, -100]
    fruits = questions["Which are fruits?"]
    assert fruits["options"][3] == {
        "text": "carrot",
        "weight": -100,
        "feedback": "A carrot is a root.",
    }
    oceans = questions["Which of these are oceans?"]
    assert oceans["explanation"] == "Oceans are the five largest bodies of salt water."


def test_ten_options_and_ten_pairs() -> None:
    imported = _read("04-sizes.gift")
    by_title = {q["title"]: q for q in imported.questions}
    assert len(by_title["Ten options"]["options"]) == 10
    assert len(by_title["Ten pairs"]["pairs"]) == 10
    reasons = " ".join(reason for _, reason in imported.skipped)
    assert "12 answers" in reasons and "12 pairs" in reasons and "2 pairs" in reasons


def test_descriptions_become_passages_of_their_category() -> None:
    imported = _read("05-passages.gift")
    assert [p["id"] for p in imported.passages] == ["passage-one", "passage-2"]
    assert imported.passages[0]["text"].startswith("The lighthouse stood on the rocks")
    shown = [q.get("passage") for q in imported.questions]
    assert shown == ["passage-one", "passage-one", "passage-one", None, "passage-2"]
    assert [line for line, note in imported.notes if "passage" in note] == [3, 15]


def test_links_images_and_sounds_are_kept_with_their_address() -> None:
    imported = _read("06-media.gift")
    prompts = [q["prompt"] for q in imported.questions]
    assert prompts[0] == "Listen: [audio: https://example.org/sounds/bell.mp3] What do you hear?"
    assert "[image: map of the Alps https://example.org/maps/alps.png]" in prompts[1]
    assert prompts[2] == "Read this article (https://example.org/article) first. Who wrote it?"
    assert "[image: a red square https://example.org/red.png]" in prompts[3]
    notes = [note for _, note in imported.notes]
    assert len(notes) == 4 and all("kept as text with its address" in n for n in notes)


def test_feedback_goes_to_its_option_and_general_feedback_to_the_explanation() -> None:
    imported = _read("07-feedback.gift")
    by_title = {q["title"]: q for q in imported.questions}
    ocean = by_title["Feedback choice"]
    assert ocean["options"][1]["feedback"] == "No, the Atlantic is second."
    assert ocean["explanation"] == "The Pacific is larger than all the land on Earth together."
    short = by_title["Feedback short"]
    assert short["explanation"] == "Two hydrogens and one oxygen."
    sahara = by_title["Feedback truefalse"]
    assert sahara["options"] == [
        {"text": "True", "correct": True, "feedback": "Yes."},
        {"text": "False", "feedback": "It is, by far."},
    ]
    assert any("You gave the right answer." in note for _, note in imported.notes)


def test_language_is_guessed_from_the_text() -> None:
    text = (CORPUS / "08-french.gift").read_text(encoding="utf-8")
    assert guess_language(text) == "fr"
    imported = _read("08-french.gift")
    true_false = imported.questions[3]
    assert [o["text"] for o in true_false["options"]] == ["Vrai", "Faux"]
    assert guess_language((CORPUS / "01-basic.gift").read_text(encoding="utf-8")) == "en"
