"""The play screen's copy of a question: texts with control characters as escapes, ids kept."""

from __future__ import annotations

from ali_quiz.quiz.kinds import ChoiceQuestion, Entry, EstimateQuestion, TextQuestion
from ali_quiz.tui.shown import on_screen


def choice(option: str) -> ChoiceQuestion:
    return ChoiceQuestion(
        id="q\x1b1",
        prompt="Pick \u202eone\u202c",
        facts=("f\x07",),
        explanation="Because\tof\nthis \x00",
        options=(Entry(id="a", text=option, feedback="fb \x1b[31m"), Entry(id="b", text="plain")),
        answer="a",
    )


def test_texts_show_escapes_and_ids_stay() -> None:
    question = on_screen(choice("\x1b[2Jright"))
    assert question.prompt == "Pick \\u202eone\\u202c"
    assert question.explanation == "Because\tof\nthis \\x00"  # tab and newline are layout
    assert [(o.id, o.text, o.feedback) for o in question.options] == [
        ("a", "\\x1b[2Jright", "fb \\x1b[31m"),
        ("b", "plain", None),
    ]
    assert (question.id, question.facts, question.answer) == ("q\x1b1", ("f\x07",), "a")


def test_a_plain_question_is_not_copied() -> None:
    question = ChoiceQuestion(
        id="q",
        prompt="Pick",
        facts=(),
        explanation="",
        options=(Entry(id="a", text="x"),),
        answer="a",
    )
    assert on_screen(question) is question


def test_estimate_unit_and_text_answers() -> None:
    estimate = EstimateQuestion(
        id="e",
        prompt="How many?",
        facts=(),
        explanation="",
        unit="wid\x1bgets",
        answer=5,
        written="5",
    )
    assert on_screen(estimate).unit == "wid\\x1bgets"
    assert on_screen(estimate).answer == 5
    text = TextQuestion(id="t", prompt="Type", facts=(), explanation="", accepted=("\x1b[31m", "x"))
    assert on_screen(text).accepted == ("\\x1b[31m", "x")


def test_a_run_of_blank_lines_is_shown_as_one() -> None:
    question = TextQuestion(
        id="t",
        prompt="Prompt" + "\n" * 50 + "end",
        facts=(),
        explanation="a\n\n \n\u3000\nb\n\nc",
        accepted=("x",),
    )
    assert on_screen(question).prompt == "Prompt\n\nend"
    assert on_screen(question).explanation == "a\n\nb\n\nc"
