"""Select-all-that-apply questions, passages and per-option feedback: pack, JSON, grading, plain."""

from __future__ import annotations

import io

import pytest

from ali_quiz.i18n import Translator
from ali_quiz.packs.loader import load_pack, load_pack_text
from ali_quiz.packs.problems import PackError
from ali_quiz.plain import outcome_lines, play_plain
from ali_quiz.quiz.answers import AnswerError, parse_multi, question_lines
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.grading import grade
from ali_quiz.quiz.kinds import Entry, MultiQuestion
from ali_quiz.quiz.rounds import Round
from conftest import FIXTURES

PACK = FIXTURES / "packs" / "multi-passages.yaml"
EN = Translator("en")


def multi(*weights: float) -> MultiQuestion:
    ids = "abcdefghij"[: len(weights)]
    return MultiQuestion(
        id="m",
        prompt="Pick",
        facts=(),
        explanation="",
        options=tuple(Entry(id=i, text=f"option {i}") for i in ids),
        weights=tuple(zip(ids, weights, strict=True)),
    )


@pytest.mark.parametrize(
    ("weights", "picked", "points"),
    [
        ((50, 50, -100), ["a", "b"], 100),
        ((50, 50, -100), ["a"], 50),
        ((50, 50, -100), ["a", "b", "c"], 0),  # clamped at 0, never below
        ((50, 50, -100), ["c"], 0),
        ((50, 50, -100), ["a", "a"], 50),  # an option counts once
        ((33.33333, 33.33333, 33.33333, -50), ["a", "b", "c"], 100),
        ((100, -50), ["a", "z"], 100),  # an id not offered counts nothing
        ((50, 50, -100), [], 0),
    ],
)
def test_multi_grading_sums_picked_weights_clamped(
    weights: tuple[float, ...], picked: list[str], points: int
) -> None:
    assert grade(multi(*weights), picked) == points


def test_multi_grading_is_total() -> None:
    question = multi(50, 50)
    assert grade(question, "a") == 0  # a choice-shaped response
    assert grade(question, None) == 0


def test_plain_multi_grammar() -> None:
    question = multi(50, 50, -100, 0)
    assert parse_multi(question, "ac") == ["a", "c"]
    assert parse_multi(question, "C, A") == ["a", "c"]
    assert parse_multi(question, "ＢＤ") == ["b", "d"]  # full-width letters
    with pytest.raises(AnswerError) as repeated:
        parse_multi(question, "AA")
    assert repeated.value.key == "answer.multi.repeated"
    with pytest.raises(AnswerError) as not_offered:
        parse_multi(question, "AE")
    assert not_offered.value.key == "answer.not_offered"
    with pytest.raises(AnswerError) as bad:
        parse_multi(question, "A1")
    assert bad.value.key == "answer.multi.bad"
    with pytest.raises(AnswerError):
        parse_multi(question, "  ")


def test_pack_with_multi_passages_and_feedback_loads() -> None:
    pack = load_pack(PACK)
    by_id = {q.id: q for q in pack.questions}
    colours = by_id["q-colours"]
    assert colours.kind == "multi"
    assert colours.passage is not None and colours.passage.startswith("The quick brown fox")
    # Two right options share 100%; each wrong one takes back as much as a right one gives.
    assert [o.weight for o in colours.options] == [50, 50, -50, -50]
    assert colours.options[0].feedback == "Yes: the text says quick."
    assert by_id["q-weights"].weighted
    assert [p.id for p in pack.passages] == ["fox"]


def test_generated_json_carries_passage_weights_and_feedback() -> None:
    pack = load_pack(PACK)
    questions = {q.id: q.to_json() for q in generate_round(pack, "quick", 3, 1)}
    colours = questions["q-colours"]
    assert colours["kind"] == "multi"
    assert colours["passage"].startswith("The quick brown fox")
    assert sum(w for w in colours["weights"].values() if w > 0) == 100
    feedback = {o["text"]: o.get("feedback") for o in colours["options"]}
    assert feedback["lazy"] == "No: the dog is lazy."
    assert feedback["slow"] is None
    assert "answer" not in colours
    assert "passage" not in questions["q-weights"]


def test_feedback_only_for_the_picked_option() -> None:
    pack = load_pack(PACK)
    question = next(q for q in generate_round(pack, "quick", 3, 1) if q.id == "q-colours")
    assert isinstance(question, MultiQuestion)
    ids = {o.text: o.id for o in question.options}
    game = Round([question])
    lines = "\n".join(outcome_lines(game.answer([ids["quick"], ids["brown"]]), EN))
    assert "Yes: the text says quick." in lines
    assert "the dog is lazy" not in lines
    shown = "\n".join(question_lines(question, 1, 1, EN))
    assert shown.index("The quick brown fox") < shown.index("Which words describe the fox?")


def test_plain_round_with_multi() -> None:
    pack = load_pack(PACK)
    questions = [q for q in generate_round(pack, "quick", 3, 1) if q.id == "q-weights"]
    question = questions[0]
    assert isinstance(question, MultiQuestion)
    weights = dict(question.weights)
    # The letters of the primes, wherever the round's shuffle put them.
    primes = "".join("ABC"[i] for i, o in enumerate(question.options) if weights[o.id] > 0)
    out = io.StringIO()
    answers = io.StringIO(f"AA\n{primes}\n")
    result = play_plain(Round(questions), stdin=answers, stdout=out, tr=EN)
    assert "appears twice" in out.getvalue()
    assert result.score == 100


BASE = "id: t\ntitle: T\nlanguage: en\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "questions:\n  - id: q\n    kind: multi\n    prompt: P\n    options:\n"
            "      - {text: a, weight: 50}\n      - {text: b, weight: 40}\n",
            "add up to 90%",
        ),
        (
            "questions:\n  - id: q\n    kind: multi\n    prompt: P\n    options:\n"
            "      - {text: a}\n      - {text: b}\n",
            "has no right option",
        ),
        (
            "questions:\n  - id: q\n    kind: multi\n    prompt: P\n    options:\n"
            "      - {text: a, correct: true}\n",
            "holds 2 to 10 options",
        ),
        (
            "questions:\n  - id: q\n    kind: choice\n    prompt: P\n    passage: nope\n"
            "    options:\n      - {text: a, correct: true}\n      - {text: b}\n",
            "names no passage",
        ),
    ],
)
def test_multi_and_passage_mistakes_are_reported(body: str, message: str) -> None:
    with pytest.raises(PackError) as raised:
        load_pack_text(BASE + body, "x.yaml")
    assert any(message in p.message for p in raised.value.problems), raised.value.problems


def test_worksheets_show_the_passage_once_and_multi_answers() -> None:
    from ali_quiz.teach.worksheet import to_html, to_markdown

    pack = load_pack(PACK)
    questions = generate_round(pack, "quick", 3, 1)
    markdown = to_markdown(questions, pack_title=pack.title)
    assert markdown.count("The quick brown fox jumps") == 1  # two questions read it
    assert "Circle every letter that applies." in markdown
    colours = next(q for q in questions if q.id == "q-colours")
    assert isinstance(colours, MultiQuestion)
    right = "".join(
        "ABCD"[i] for i, o in enumerate(colours.options) if o.text in ("quick", "brown")
    )
    assert f"**{questions.index(colours) + 1}.** {right}" in markdown
    page = to_html(questions, pack_title=pack.title)
    assert page.count('<blockquote class="passage">') == 1
