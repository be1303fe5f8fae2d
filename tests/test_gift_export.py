"""GIFT export of a round, and the round trip: export, import, the same questions."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from ali_quiz.packs.loader import load_pack
from ali_quiz.quiz.facts import facts_of
from ali_quiz.quiz.generate import available_modes, generate_round
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    Entry,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
    entry_text,
)
from ali_quiz.quiz.makers import Makers, Picker
from ali_quiz.quiz.rng import Rng
from ali_quiz.teach.gift_export import export_gift, ordinal, title_of
from ali_quiz.teach.gift_import import import_gift, write_pack_yaml

PACKS = Path(__file__).parent.parent / "questions"
PASSAGE = "Seven swans swam in the lake.\nA second line: with a colon."
SPECIAL = "Braces {x}, equals = tilde ~ hash # colon: and <b>&amp;</b>\nsecond line"


def _entries(*texts: str) -> tuple[Entry, ...]:
    return tuple(Entry(id=chr(ord("a") + n), text=t) for n, t in enumerate(texts))


HAND_MADE: list[Question] = [
    ChoiceQuestion(
        id="c1", prompt=SPECIAL, facts=(), explanation="Because {it} = so.",
        options=_entries("a = b", "c ~ d", "e # f"), answer="b",
    ),
    ChoiceQuestion(
        id="c2", prompt="Weighted?", facts=(), explanation="", max_points=200,
        options=_entries("best", "half", "none", "third"), answer="a",
        weights=(("a", 100.0), ("b", 50.0), ("c", 0.0), ("d", 33.33333)),
    ),
    TextQuestion(id="t1", prompt="Codename?", facts=(), explanation="x: y",
                 accepted=("巴顏喀拉", "Bayan Har")),
    MatchQuestion(
        id="m1", prompt="Match", facts=(), explanation="e",
        left=(Entry(id="1", text="3.0"), Entry(id="2", text="4.0"), Entry(id="3", text="5.0")),
        right=_entries("2020", "2013", "2016", "2017"),
        answer=(("1", "c"), ("2", "d"), ("3", "a")),
    ),
    OrderQuestion(
        id="o1", prompt="Order", facts=(), explanation="e",
        items=_entries("third", "first", "second"), answer=("b", "c", "a"),
    ),
    OrderQuestion(
        id="o2", prompt="Order six", facts=(), explanation="e",
        items=_entries("6", "5", "4", "3", "2", "1"), answer=("f", "e", "d", "c", "b", "a"),
    ),
    EstimateQuestion(id="e1", prompt="MAU?", facts=(), explanation="s", unit="人",
                     answer=76102000, written="7610.2萬", tolerance=0.05),
    EstimateQuestion(id="e2", prompt="Ratings?", facts=(), explanation="s", unit="ratings",
                     answer=155, written="155", scoring="band", tolerance=None,
                     range=(150.0, 160.0)),
    EstimateQuestion(id="e3", prompt="Exactly?", facts=(), explanation="", unit="",
                     answer=5, written="5", scoring="band", tolerance=None, range=(5.0, 5.0)),
    EstimateQuestion(id="e4", prompt="Score?", facts=(), explanation="", unit="分",
                     answer=3.8, written="3.8", tolerance=0.1),
    MultiQuestion(
        id="mu1", prompt="Which are primes?", facts=(), explanation="Primes have two divisors.",
        passage=PASSAGE,
        options=(Entry(id="a", text="2", feedback="Yes: the only even prime."),
                 Entry(id="b", text="3"), Entry(id="c", text="4", feedback="4 = 2 × 2.")),
        weights=(("a", 50.0), ("b", 50.0), ("c", -100.0)),
    ),
    ChoiceQuestion(
        id="c3", prompt="Which number is in the text?", facts=(), explanation="", passage=PASSAGE,
        options=(Entry(id="a", text="seven"), Entry(id="b", text="eight", feedback="Read again.")),
        answer="a",
    ),
    TextQuestion(id="t2", prompt="No passage here?", facts=(), explanation="",
                 accepted=("none",)),
]  # fmt: skip


def test_export_forms() -> None:
    gift = export_gift(HAND_MADE, title="My: class/round")
    assert gift.startswith("// My: class/round\n")
    assert "$CATEGORY: My\\: class-round" in gift
    assert (
        "// ali-quiz: id=c1\n::Braces \\{x\\}, equals \\= tilde \\~ hash \\#…"
        "::Braces \\{x\\}, equals \\= tilde \\~ hash \\# colon\\: and "
    ) in gift
    assert "&lt;b&gt;&amp;amp;&lt;/b&gt;\\nsecond line {" in gift
    assert "    ~a \\= b\n    =c \\~ d\n    ~e \\# f\n    ####Because \\{it\\} \\= so.\n}" in gift
    assert "    =best\n    ~%50%half\n    ~none\n    ~%33.33333%third\n}" in gift
    assert "// ali-quiz: max_points=200\n// ali-quiz: id=c2\n::Weighted?::" in gift
    assert "    =巴顏喀拉\n    =Bayan Har\n    ####x\\: y\n}" in gift
    assert "    =3.0 -> 2016\n    =4.0 -> 2017\n    =5.0 -> 2020\n    = -> 2013\n" in gift
    assert "    =1st -> first\n    =2nd -> second\n    =3rd -> third\n" in gift
    assert (
        "// ali-quiz: unit=人\n// ali-quiz: id=e1\n::MAU?::MAU? {\n    #76102000:3805100\n" in gift
    )
    assert "    #150..160\n" in gift
    assert "::Exactly?::Exactly? {\n    #5\n}" in gift
    assert "    ~%50%2#Yes\\: the only even prime.\n    ~%50%3\n    ~%-100%4#4 \\= 2 × 2.\n" in gift
    assert "$CATEGORY: My\\: class-round/passage-1\n\n::Seven swans swam" in gift
    assert "    #3.8:0.38\n" in gift


def test_ordinals() -> None:
    assert [ordinal(n) for n in range(1, 7)] == ["1st", "2nd", "3rd", "4th", "5th", "6th"]
    assert ordinal(2, "zh-Hant") == "第2"


def _expected(question: Question, language: str) -> dict[str, Any]:
    """What an exported question must come back as, in the authored-question shape."""
    data: dict[str, Any] = {"id": question.id, "prompt": question.prompt}
    if question.explanation:
        data["explanation"] = question.explanation
    if question.max_points != 100:
        data["max_points"] = question.max_points
    if question.passage:
        data["passage"] = question.passage
    if isinstance(question, ChoiceQuestion | MultiQuestion):
        weights = dict(question.weights or ())
        data["kind"] = question.kind
        feedback = [o.feedback for o in question.options]
        if any(feedback):
            data["feedback"] = feedback
        data["options"] = [
            (o.text, weights.get(o.id, 0.0) if weights else (100 if o.id == question.answer else 0))
            for o in question.options
        ]
    elif isinstance(question, TextQuestion):
        data["kind"] = "text"
        data["accepted"] = list(dict.fromkeys(question.accepted))
    elif isinstance(question, MatchQuestion):
        data["kind"] = "match"
        data["pairs"] = [
            {"left": entry_text(question.left, a), "right": entry_text(question.right, b)}
            for a, b in question.answer
        ]
        paired = {r for _, r in question.answer}
        decoys = [e.text for e in question.right if e.id not in paired]
        if decoys:
            data["decoys"] = decoys
    elif isinstance(question, OrderQuestion):
        data["kind"] = "order"
        data["items"] = [entry_text(question.items, i) for i in question.answer]
    elif isinstance(question, EstimateQuestion):
        data["kind"] = "estimate"
        if question.scoring == "band" and question.range is not None:
            data["range"] = list(question.range)
        else:
            spread = question.answer * (question.tolerance or 0.05)
            data["range"] = [question.answer - spread, question.answer + spread]
        if question.unit:
            data["unit"] = question.unit
    return data


def _comparable(imported: dict[str, Any], passages: dict[str, str]) -> dict[str, Any]:
    data = {k: v for k, v in imported.items() if k not in ("title", "category")}
    if "passage" in data:
        data["passage"] = passages[data["passage"]]
    if data["kind"] in ("choice", "multi"):
        feedback = [o.get("feedback") for o in data["options"]]
        if any(feedback):
            data["feedback"] = feedback
        data["options"] = [
            (o["text"], o.get("weight", 100 if o.get("correct") else 0)) for o in data["options"]
        ]
    return data


def _assert_same(questions: list[Question], language: str) -> None:
    gift = export_gift(questions, title="Round", language=language)
    imported = import_gift(gift, source_name="round.gift", language=language)
    assert imported.errors == []
    assert imported.skipped == []
    assert len(imported.questions) == len(questions)
    passages = {p["id"]: p["text"] for p in imported.passages}
    for question, back in zip(questions, imported.questions, strict=True):
        assert back["title"] == title_of(question.prompt)  # the question's name in Moodle
        expected, got = _expected(question, language), _comparable(back, passages)
        if expected["kind"] == "estimate":
            assert got.pop("range") == pytest.approx(expected.pop("range"), rel=1e-9)
        if expected["kind"] in ("choice", "multi"):
            got_options, expected_options = got.pop("options"), expected.pop("options")
            assert [t for t, _ in got_options] == [t for t, _ in expected_options]
            assert [w for _, w in got_options] == pytest.approx([w for _, w in expected_options])
        assert got == expected, question.id


def test_round_trip_of_hand_made_questions() -> None:
    _assert_same(HAND_MADE, "en")


@pytest.mark.parametrize("pack_file", ["dingtalk-2020.yaml", "dingtalk-2020-en.yaml"])
def test_round_trip_of_generated_rounds(pack_file: str) -> None:
    pack = load_pack(PACKS / pack_file)
    kinds_seen: set[str] = set()
    for mode in [m for m in available_modes(pack) if m not in ("daily", "review")]:
        for seed in range(8):
            questions = generate_round(pack, mode, 10, seed)
            kinds_seen.update(q.kind for q in questions)
            _assert_same(questions, pack.language)
    # Text questions are authored ones a round seldom holds (much of the pack gives them away).
    makers = Makers(facts_of(pack), Picker(Rng(0)))
    texts = [makers.authored(q) for q in pack.questions if q.kind == "text"]
    _assert_same(texts, pack.language)
    kinds_seen.update(q.kind for q in texts)
    assert kinds_seen == {"order", "match", "estimate", "choice", "text"}


def test_an_exported_round_imports_into_a_pack_that_loads(tmp_path: Path) -> None:
    pack = load_pack(PACKS / "dingtalk-2020.yaml")
    questions = generate_round(pack, "quick", 20, 11)
    gift = export_gift(questions, title=pack.title, language=pack.language)
    imported = import_gift(gift, source_name="round.gift", language=pack.language)
    out = tmp_path / "round.yaml"
    write_pack_yaml(imported, pack_id="round", title="Round", language="zh-Hant", path=out)
    loaded = load_pack(out)
    assert [q.id for q in loaded.questions] == [q.id for q in questions]
    assert all(math.isfinite(q.max_points) for q in loaded.questions)
