"""GIFT import: every form of the fixtures, what is skipped, malformed input with its place."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ali_quiz.packs.loader import load_pack, load_pack_text
from ali_quiz.teach.gift_import import (
    GiftImport,
    GiftImportError,
    guess_language,
    import_gift,
    pack_id_from_path,
    pack_yaml,
    true_false_labels,
    write_pack_yaml,
)

FIXTURES = Path(__file__).parent / "fixtures" / "gift"


def _read(name: str, language: str = "en") -> GiftImport:
    path = FIXTURES / name
    return import_gift(path.read_text(encoding="utf-8"), source_name=name, language=language)


def _by_id(imported: GiftImport) -> dict[str, dict[str, Any]]:
    return {q["id"]: q for q in imported.questions}


def _one(text: str, language: str = "en") -> dict[str, Any]:
    imported = import_gift(text, source_name="inline.gift", language=language)
    assert not imported.errors, imported.errors
    assert not imported.skipped, imported.skipped
    assert len(imported.questions) == 1, imported.questions
    return imported.questions[0]


# -- the fixture of every form ----------------------------------------------------------------


def test_all_forms_import_without_loss() -> None:
    imported = _read("all_forms.gift")
    assert imported.errors == []
    assert imported.skipped == []
    assert len(imported.questions) == 24
    # Only what a pack cannot hold is noted: a 50% short answer, a 50% numerical alternative
    # and the numerical answers' own feedback (one explanation is shown to everyone).
    assert [line for line, _ in imported.notes] == [31, 53, 53, 53]


def test_multiple_choice_with_feedback_and_category() -> None:
    q = _by_id(_read("all_forms.gift"))["release-of-5.0"]
    assert q == {
        "id": "release-of-5.0",
        "kind": "choice",
        "prompt": "When did DingTalk 5.0 come out?",
        "options": [
            {
                "text": "February 2020",
                "correct": True,
                "feedback": "Right: the online launch on 25 February.",
            },
            {"text": "December 2014", "feedback": "That was the first beta."},
            {"text": "January 2016"},
        ],
        "title": "Release of 5.0",
        "category": "DingTalk/Versions",
    }


def test_weighted_choices() -> None:
    questions = _by_id(_read("all_forms.gift"))
    best = questions["best-description"]
    assert best["options"] == [
        {"text": "a new way of working", "weight": 100},
        {
            "text": "a chat app for companies",
            "weight": 50,
            "feedback": "Half right: it is more than chat.",
        },
        {"text": "a game", "weight": 0},
    ]
    # The general feedback (####) alone is the explanation everyone sees.
    assert best["explanation"] == 'DingTalk 2.0 presented itself as "a way of working".'
    assert questions["two-right-answers"]["options"] == [
        {"text": "DingTalk", "weight": 100},
        {"text": "Laiwang", "weight": 100},
        {"text": "WeChat", "weight": 0},
    ]


@pytest.mark.parametrize(
    ("qid", "true_is_right"),
    [("momo", False), ("beta", True), ("truth-t", True), ("false-f", False)],
)
def test_true_false_is_a_choice_of_two(qid: str, true_is_right: bool) -> None:
    q = _by_id(_read("all_forms.gift"))[qid]
    assert q["kind"] == "choice"
    assert [o["text"] for o in q["options"]] == ["True", "False"]
    assert [o.get("correct", False) for o in q["options"]] == [true_is_right, not true_is_right]


def test_true_false_feedback_goes_to_the_option_it_is_about() -> None:
    # Moodle's {F#wrong feedback#right feedback}: the first is for a player who picked True.
    q = _by_id(_read("all_forms.gift"))["momo"]
    assert q["options"] == [
        {"text": "True", "feedback": "Momo is a separate company."},
        {"text": "False", "correct": True, "feedback": "Right, Momo is not Alibaba's."},
    ]
    assert "explanation" not in q


def test_true_false_in_the_pack_language() -> None:
    questions = _read("zh_hant.gift", language="zh-Hant").questions
    momo = questions[0]
    assert momo["options"] == [{"text": "對"}, {"text": "錯", "correct": True}]
    assert momo["category"] == "釘釘"
    assert momo["title"] == "陌陌"
    assert [q["id"] for q in questions] == ["q1", "q2", "q3", "q4"]  # CJK titles: positions
    assert true_false_labels("zh-TW") == ("對", "錯")
    assert true_false_labels("zh-Hans-CN") == ("对", "错")
    assert true_false_labels("de-AT") == ("Wahr", "Falsch")
    assert true_false_labels("xx") == ("True", "False")


def test_short_answer_and_missing_word() -> None:
    questions = _by_id(_read("all_forms.gift"))
    assert questions["codename"]["kind"] == "text"
    assert questions["codename"]["accepted"] == ["Bayan Har", "巴顏喀拉"]
    assert questions["codename"]["category"] == "Names"
    assert questions["plain-answer"]["accepted"] == ["Hangzhou"]
    missing = questions["missing-word"]
    assert missing["prompt"] == "DingTalk 5.0 was presented at an online _____ on 25 February."
    assert missing["accepted"] == ["launch", "livestream"]
    choice_blank = questions["q11"]
    assert choice_blank["kind"] == "choice"
    assert choice_blank["prompt"] == "Alibaba's first social app was _____, long before DingTalk."


def test_matching_with_a_decoy() -> None:
    q = _by_id(_read("all_forms.gift"))["years"]
    assert q["kind"] == "match"
    assert q["pairs"] == [
        {"left": "DingTalk 3.0", "right": "2016"},
        {"left": "DingTalk 4.0", "right": "2017"},
        {"left": "DingTalk 5.0", "right": "2020"},
    ]
    assert q["decoys"] == ["2013"]
    assert q["explanation"] == "The years come from the release dates in the article."


@pytest.mark.parametrize(
    ("qid", "expected"),
    [
        ("exact", [5, 5]),
        ("tolerance", [3.7, 3.9]),
        ("range", [150, 160]),
        ("weighted-alternatives", [3.135, 3.145]),
    ],
)
def test_numerical_becomes_a_band_estimate(qid: str, expected: list[float]) -> None:
    q = _by_id(_read("all_forms.gift"))[qid]
    assert q["kind"] == "estimate"
    assert q["range"] == expected


def test_weighted_alternatives_keep_the_full_mark_range_and_note_the_rest() -> None:
    imported = _read("all_forms.gift")
    q = _by_id(imported)["weighted-alternatives"]
    assert "explanation" not in q
    assert any("3.14:0.05 worth 50% was left out" in note for _, note in imported.notes)


def test_escapes_and_formats() -> None:
    questions = _by_id(_read("all_forms.gift"))
    escaped = questions["escapes-all-of-them"]
    assert escaped["title"] == "Escapes: all of them"
    assert escaped["prompt"] == "Which of these is written with special characters { } = ~ # : ?"
    assert [o["text"] for o in escaped["options"]] == ["a = b ~ c", "a {b}", "a # b"]
    html = questions["html-question"]
    assert html["prompt"] == "Which company made DingTalk?"
    assert html["options"][0] == {"text": "Alibaba", "correct": True}
    assert questions["markdown-question"]["prompt"] == "Which is the **first** DingTalk version?"
    assert questions["moodle-format"]["prompt"] == 'Which is "the office in the phone"?'
    assert questions["plain-text"]["prompt"] == "What does <b> mean here?"


def test_multi_line_text_and_untitled_questions() -> None:
    questions = _by_id(_read("all_forms.gift"))
    assert questions["multi-line"]["prompt"] == "Put the right year\nfor DingTalk 4.0"
    assert questions["multi-line"]["accepted"] == ["2017"]
    untitled = questions["q24"]
    assert untitled["accepted"] == ["DingTalk"]
    assert "title" not in untitled


# -- what cannot be imported ------------------------------------------------------------------


def test_unsupported_questions_are_listed_with_their_line() -> None:
    imported = _read("unsupported.gift")
    assert [q["id"] for q in imported.questions] == ["good-one"]
    reasons = dict(imported.skipped)
    assert list(reasons) == [3, 5, 7, 9, 11, 13, 15, 19]
    assert "essay" in reasons[3]
    assert "Cloze" in reasons[5]
    assert "names both answers" in reasons[7]
    assert "11 answers" in reasons[9]
    assert "2 pairs" in reasons[11]
    assert "'mammal'" in reasons[13]
    assert "no alternative worth 100%" in reasons[15]
    assert "description" in reasons[19]
    assert imported.errors == []


def test_malformed_questions_are_errors_with_line_and_column() -> None:
    imported = _read("malformed.gift")
    # A title never closed is text, as Moodle reads it (with a note).
    assert [q["prompt"] for q in imported.questions] == ["Title never closed", "This one imports."]
    assert any("not closed: read as question text" in note for _, note in imported.notes)
    places = [(line, column) for line, column, _ in imported.errors]
    assert places == [
        (3, 40),  # unclosed brace: at the `{`
        (7, 40),  # no right answer
        (11, 3),  # the matching line without ->
        (15, 23),  # an empty answer
        (17, 26),  # a } before any {
        (19, 27),  # not a number
        (21, 29),  # a range backwards
        (25, 31),  # nothing after ->
        (27, 37),  # a second answer block
        (29, 1),  # no question text
    ]
    messages = [message for _, _, message in imported.errors]
    assert "not closed" in messages[0]
    assert "none of the answers is right" in messages[1]
    assert "without `->`" in messages[2]
    assert "empty right answer" in messages[3]


def test_a_blank_line_inside_an_answer_block_leaves_it_unclosed() -> None:
    imported = import_gift("Q? {\n=a\n\n~b\n}\n", source_name="x")
    assert imported.questions == []
    assert imported.errors[0][:2] == (1, 4)
    assert "not closed" in imported.errors[0][2]


def test_an_empty_numerical_answer_is_an_error() -> None:
    imported = import_gift("How many? {#}\n", source_name="x")
    assert imported.errors and "empty numerical answer" in imported.errors[0][2]


def test_a_question_longer_than_any_quiz_is_an_error_not_a_gigabyte() -> None:
    """One 7 MB line took 1 GB and half a minute (a place kept per character); the cap says
    where, and the questions after it are read."""
    text = "::Q1:: " + "y" * 300_000 + " {=a ~b}\n\n::Q2:: Is it? {=yes ~no}\n"
    imported = import_gift(text, source_name="x")
    assert [q["id"] for q in imported.questions] == ["q2"]
    assert imported.errors == [
        (
            1,
            1,
            "a question of 300,015 characters: longer than any quiz question (200,000 at most);"
            " is this a GIFT file?",
        )
    ]


# -- details ----------------------------------------------------------------------------------


def test_comments_crlf_and_bom() -> None:
    text = "\ufeff// a comment\r\n::A::Q?\r\n// inside\r\n{=yes ~no}\r\n\r\n// only a comment\r\n"
    q = _one(text)
    assert q["prompt"] == "Q?"
    assert q["options"] == [{"text": "yes", "correct": True}, {"text": "no"}]


def test_a_url_is_not_a_comment() -> None:
    q = _one("See http\\://example.com // not a comment {=yes ~no}")
    assert q["prompt"] == "See http://example.com // not a comment"


def test_category_forms() -> None:
    text = "$CATEGORY: $system$/top/A/B\n::Q::Q? {=a}\n\n$CATEGORY: C\n\n::R::R? {=b}\n"
    imported = import_gift(text, source_name="x")
    assert [q["category"] for q in imported.questions] == ["A/B", "C"]


def test_ids_are_unique_and_valid() -> None:
    text = "::Same::A? {=a}\n\n::Same::B? {=b}\n\n::!!!::C? {=c}\n\n::Ünïcode Tïtle::D? {=d}\n"
    ids = [q["id"] for q in import_gift(text, source_name="x").questions]
    assert ids == ["same", "same-2", "q3", "unicode-title"]


def test_html_entities_line_breaks_and_images() -> None:
    text = "::H::[html]<p>Fish &amp; chips</p><p>Line two<img src='x.png'></p> {=yes ~no}"
    imported = import_gift(text, source_name="x")
    assert imported.questions[0]["prompt"] == "Fish & chips\nLine two [image: x.png]"
    assert any("an image (x.png)" in note for _, note in imported.notes)


def test_negative_and_exponent_numbers() -> None:
    assert _one("Q? {#-5..-1}")["range"] == [-5, -1]
    assert _one("Q? {#1e3:10}")["range"] == [990, 1010]
    assert _one("Q? {#.5}")["range"] == [0.5, 0.5]


def test_numerical_feedback_and_other_answer_feedback() -> None:
    imported = import_gift("Q? {#5:1#Good. ~#Count again.}", source_name="x")
    q = imported.questions[0]
    assert q["range"] == [4, 6]
    # Feedback for one answer is never shown to everyone: it is listed instead.
    assert "explanation" not in q
    notes = " ".join(note for _, note in imported.notes)
    assert "'Good.'" in notes and "'Count again.'" in notes


def test_hints_from_the_exporter() -> None:
    q = _one("// ali-quiz: unit=people\n// ali-quiz: max_points=200\nHow many? {#10..20}")
    assert q["unit"] == "people"
    assert q["max_points"] == 200


def test_six_positions_come_back_as_an_order() -> None:
    pairs = " ".join(f"={n} -> item {i}" for i, n in enumerate(
        ["1st", "2nd", "3rd", "4th", "5th", "6th"], start=1))  # fmt: skip
    imported = import_gift(f"Order them {{{pairs}}}", source_name="x")
    assert imported.questions[0]["kind"] == "order"
    assert imported.questions[0]["items"] == [f"item {i}" for i in range(1, 7)]
    assert imported.notes


# -- the pack file ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "language"),
    [("all_forms.gift", "en"), ("zh_hant.gift", "zh-Hant"), ("unsupported.gift", "en")],
)
def test_written_pack_loads(tmp_path: Path, name: str, language: str) -> None:
    imported = _read(name, language)
    out = tmp_path / "pack.yaml"
    write_pack_yaml(imported, pack_id="imported", title="Imported", language=language, path=out)
    pack = load_pack(out)
    assert [q.id for q in pack.questions] == [q["id"] for q in imported.questions]
    assert [q.prompt for q in pack.questions] == [q["prompt"] for q in imported.questions]
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"# Imported from {name}")
    for line, _ in imported.skipped:
        assert f"# skipped: {name}:{line}:" in text


def test_written_pack_keeps_kinds_and_answers(tmp_path: Path) -> None:
    imported = _read("all_forms.gift")
    out = tmp_path / "pack.yaml"
    write_pack_yaml(imported, pack_id="all-forms", title="All", language="en", path=out)
    pack = {q.id: q for q in load_pack(out).questions}
    assert pack["years"].kind == "match"
    assert [p.right for p in pack["years"].pairs] == ["2016", "2017", "2020"]
    assert pack["years"].decoys == ("2013",)
    assert pack["range"].range == (150.0, 160.0)
    assert pack["best-description"].weighted
    assert [o.weight for o in pack["best-description"].options] == [100, 50, 0]
    assert pack["codename"].accepted == ("Bayan Har", "巴顏喀拉")
    assert pack["release-of-5.0"].category == "DingTalk/Versions"


def test_write_refuses_bad_ids_and_empty_imports(tmp_path: Path) -> None:
    imported = _read("all_forms.gift")
    with pytest.raises(GiftImportError, match="pack id"):
        pack_yaml(imported, pack_id="Not Valid", title="t", language="en")
    empty = import_gift("// nothing\n", source_name="empty.gift")
    with pytest.raises(GiftImportError, match="no question of empty.gift"):
        write_pack_yaml(empty, pack_id="x", title="t", language="en", path=tmp_path / "x.yaml")
    assert not (tmp_path / "x.yaml").exists()


def test_guess_language() -> None:
    assert guess_language((FIXTURES / "zh_hant.gift").read_text(encoding="utf-8")) == "zh-Hant"
    assert guess_language((FIXTURES / "all_forms.gift").read_text(encoding="utf-8")) == "en"
    assert guess_language("这是简体中文的题目,对吗? {T}") == "zh-Hans"
    assert guess_language("::Q:: Paris is in France {T}") == "en"
    assert guess_language("これは日本語です {T}") == "ja"
    assert guess_language("한국어 문제 {T}") == "ko"


def test_guess_language_needs_clear_evidence_for_another_latin_language() -> None:
    # Short English questions with Chinese names: a, e and y are not Portuguese or Spanish.
    mixed = "::Q1:: Who founded Alibaba? {=Jack Ma ~Pony Ma}\n\n::Q2:: 5.0 {=巴顏喀拉 =a e y}\n"
    assert guess_language(mixed) == "en"
    portuguese = (
        "::Q1:: Qual é a capital do Brasil? Não é a cidade de São Paulo, que é a maior. {=Brasília}"
    )
    assert guess_language(portuguese) == "pt"
    french = "::Q1:: Quelle est la capitale de la France? C'est une ville sur la Seine. {=Paris}"
    assert guess_language(french) == "fr"


def test_pack_id_from_path() -> None:
    assert pack_id_from_path("Week 3 Quiz.yaml") == "week-3-quiz"
    assert pack_id_from_path("/tmp/my_class.v2.yaml") == "my-class-v2"
    assert pack_id_from_path("釘釘.yaml") == "imported-gift"


GIFT_PIECES = st.lists(
    st.sampled_from(
        ["{", "}", "=", "~", "#", "####", "->", "::", "%50%", "%", "\\", ":", "..", "\n", "\n\n",
         " ", "a", "b", "T", "5", "1.5", "-", "[html]", "<b>", "$CATEGORY:", "//", "釘"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


ANSWER_BLOCK = st.lists(
    st.sampled_from(
        ["=", "~", "=%50%", "~%-25%", "~%100%", "#", "####", "->", " ", "a", "b", "c", "d", "T",
         "FALSE", "#5", "5", "1..2", ":0.5", "\\=", "\\#", "\n", "[html]", "<i>x</i>", "&amp;",
         "釘", "-", "*", "yes", "no"]
    ),
    min_size=1,
    max_size=24,
).map("".join)  # fmt: skip
GIFT_QUESTION = st.builds(
    "{}{}{{{}}}{}".format,
    st.sampled_from(["", "::t::", "::T 1::", "::釘::", "::a\\:b::"]),
    st.text(alphabet="ab :?釘\\", max_size=10),
    ANSWER_BLOCK,
    st.sampled_from(["", " tail", "\n", " {"]),
)
GIFT_FILES = st.one_of(GIFT_PIECES, st.lists(GIFT_QUESTION, max_size=5).map("\n\n".join))


@pytest.mark.slow  # long fuzzing
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(GIFT_FILES)
def test_any_text_imports_into_a_valid_pack_or_is_reported(text: str) -> None:
    imported = import_gift(text, source_name="fuzz.gift")
    for line, column, message in imported.errors:
        assert line >= 1 and column >= 1 and message
    if imported.questions:
        load_pack_text(pack_yaml(imported, pack_id="fuzz", title="F", language="en"), "fuzz")
