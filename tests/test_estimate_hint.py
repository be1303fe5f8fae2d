"""The estimate hint teaches how to write a figure, never the figure; a lone m is asked again."""

from __future__ import annotations

import pytest

from ali_quiz.i18n import Translator
from ali_quiz.numbers import parse_number
from ali_quiz.packs.model import Pack
from ali_quiz.quiz import examples
from ali_quiz.quiz.answers import AnswerError, ask_hint, estimate_examples, parse_estimate
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.kinds import EstimateQuestion

LANGUAGES = ("en", "zh-Hant")


def estimate(answer: float, unit: str = "人", **extra: object) -> EstimateQuestion:
    return EstimateQuestion(
        id="e", prompt="?", facts=(), explanation="", unit=unit, answer=answer,
        written=str(answer), **extra,  # type: ignore[arg-type]
    )  # fmt: skip


def builtin_estimates(pack: Pack) -> list[EstimateQuestion]:
    questions = {
        question.id: question
        for seed in range(1, 31)
        for question in generate_round(pack, "estimate", 10, seed)
        if isinstance(question, EstimateQuestion)
    }
    return list(questions.values())


@pytest.mark.parametrize("table", [examples.EXAMPLES, examples.PERCENT_EXAMPLES])
def test_every_example_reads_as_the_value_it_stands_for(table: dict[str, object]) -> None:
    for shown in table.values():
        for text, value in shown:  # type: ignore[attr-defined]
            assert parse_number(text).value == pytest.approx(value), text


@pytest.mark.parametrize("which", ["zh", "en"])
def test_no_hint_shows_a_figure_of_the_builtin_pack_or_one_near_the_answer(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    pack = pack_zh if which == "zh" else pack_en
    questions = builtin_estimates(pack)
    assert len(questions) >= 8
    figures = {question.written.replace(" ", "") for question in questions}
    for question in questions:
        for language in LANGUAGES:
            hint = ask_hint(question, Translator(language)).replace(" ", "")
            assert not any(figure in hint for figure in figures), (question.id, hint)
            shown = estimate_examples(question, language, 4)
            assert len(shown) == 4
            for text in shown:
                value = parse_number(text).value
                assert not 1 / 3 < value / question.answer < 3, (question.id, text)


def test_an_example_near_the_answer_gives_way_to_the_next() -> None:
    assert estimate_examples(estimate(3.4e8), "zh-Hant", 2) == ["42.7萬", "8.3M"]
    assert estimate_examples(estimate(10), "zh-Hant", 2) == ["3.5億", "42.7萬"]
    assert estimate_examples(estimate(14, unit="%"), "en", 2) == ["3%", "80%"]
    banded = estimate(330, unit="", scoring="band", range=(320, 340))
    assert "350" not in estimate_examples(banded, "en", 7)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("unit", ["人", "%", ""])
def test_every_answer_leaves_four_examples(language: str, unit: str) -> None:
    for power in range(-3, 13):
        for mantissa in (1, 2, 3.5, 5, 7.5):
            shown = estimate_examples(estimate(mantissa * 10**power, unit=unit), language, 4)
            assert len(shown) == 4, (mantissa, power, shown)


def test_a_lone_m_without_a_unit_is_asked_again() -> None:
    tower = estimate(330, unit="", scoring="band", range=(320, 340))
    for line in ("330 m", "330m", "1,330 m"):
        with pytest.raises(AnswerError) as caught:
            parse_estimate(tower, line)
        assert caught.value.key == "answer.estimate.lone_m"
        message = caught.value.message(Translator("en"))
        assert "metres or million" in message
        assert line.removesuffix("m").strip() in message
    assert parse_estimate(tower, "330") == 330
    # A long line is read in linear time (the first pattern backtracked: 20,000 digits took 3 s)
    for tail in ("", " m", " mx"):
        with pytest.raises(AnswerError):
            parse_estimate(tower, "1" * 200_000 + tail)
    assert parse_estimate(tower, "76.1M") == 76_100_000  # a capital M is million
    assert parse_estimate(estimate(800, unit="m"), "800 m") == 800  # the question's unit
    assert parse_estimate(estimate(76_102_000), "76.1m") == 76_100_000  # people: million


@pytest.mark.parametrize("unit", ["metres", "m", "meters", "公尺"])
def test_a_unit_reads_in_any_of_its_spellings(unit: str) -> None:
    """A question in metres takes `330 m` as 330 metres (it was 330 million: 0 points) and a
    question in m takes `330 metres` (it was refused as unreadable)."""
    tower = estimate(330, unit=unit)
    for line in (
        "330",
        "330 m",
        "330m",
        "330 M",
        "330 metres",
        "330 Meters",
        "330 metre",
        "330公尺",
    ):
        assert parse_estimate(tower, line) == 330, line
    assert parse_estimate(tower, "1.5 million") == 1_500_000  # a multiplier is still one


def test_other_units_read_in_their_usual_spellings() -> None:
    assert parse_estimate(estimate(400, unit="km"), "400 kilometres") == 400
    assert parse_estimate(estimate(400, unit="kilometers"), "400km") == 400
    assert parse_estimate(estimate(108, unit="minutes"), "108 min") == 108
    assert parse_estimate(estimate(3, unit="kg"), "3 kilograms") == 3
    assert parse_estimate(estimate(5, unit="years"), "5 yrs") == 5
    # A unit that is not metres leaves a lone m its meaning: million.
    assert parse_estimate(estimate(76_102_000), "76.1m") == 76_100_000
    with pytest.raises(AnswerError):
        parse_estimate(estimate(400, unit="km"), "400 metres")


def test_a_unit_to_a_question_without_one_is_asked_again_with_the_figure_alone() -> None:
    """`330 metres` to a question that names no unit (a Moodle import asking "in metres") says
    to write the figure alone, as `330 m` asks "metres or million?"; it was refused as a figure
    that cannot be read."""
    tower = estimate(330, unit="", scoring="band", range=(320, 340))
    for line, number in [("330 metres", "330"), ("330 Meters", "330"), ("1,330 km", "1,330"),
                         ("330公尺", "330"), ("5 yrs", "5")]:  # fmt: skip
        with pytest.raises(AnswerError) as caught:
            parse_estimate(tower, line)
        assert caught.value.key == "answer.estimate.no_unit", line
        for language in LANGUAGES:
            message = caught.value.message(Translator(language))
            assert line in message, message
            assert f"({number})" in message or f"（{number}）" in message, message
    # A word that is no unit keeps the reader's reason: a misspelt multiplier is not a unit.
    for line in ("2 milion", "2 xyz", "1萬5 metres"):
        with pytest.raises(AnswerError) as caught:
            parse_estimate(tower, line)
        assert caught.value.key == "answer.estimate.bad", line
    assert parse_estimate(tower, "2 billions") == 2_000_000_000
    assert parse_estimate(tower, "12k") == 12_000
