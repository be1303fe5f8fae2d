"""A recorded round's answers read as the texts the player saw, when the round can be made again."""

from __future__ import annotations

from pathlib import Path

from ali_quiz.history.describe import readable, round_questions
from ali_quiz.history.records import RoundRecord
from ali_quiz.packs.loader import load_pack
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.kinds import MatchQuestion, OrderQuestion

PACK = Path(__file__).resolve().parent.parent / "questions" / "dingtalk-2020.yaml"


def entry_for(mode: str, seed: int, pack_hash: str) -> RoundRecord:
    return RoundRecord(
        id=1,
        player="amy",
        pack="dingtalk-2020",
        pack_hash=pack_hash,
        mode=mode,
        count=6,
        seed=seed,
        code=None,
        date="2026-01-05",
        ui_language="en",
        started_at="2026-01-05T10:00:00+08:00",
        finished_at=None,
        score=0,
        max_score=0,
        questions=6,
        answers=(),
    )


def test_round_is_made_again_and_answers_read_as_texts() -> None:
    pack = load_pack(PACK)
    questions = round_questions(entry_for("order", 4, pack.content_hash), [pack])
    expected = generate_round(pack, "order", 6, 4)
    assert list(questions) == [q.id for q in expected]
    order = expected[0]
    assert isinstance(order, OrderQuestion)
    texts = {item.id: item.text for item in order.items}
    assert readable(order, list(order.answer)) == " → ".join(texts[i] for i in order.answer)


def test_match_answers_name_both_sides() -> None:
    pack = load_pack(PACK)
    match = generate_round(pack, "match", 1, 2)[0]
    assert isinstance(match, MatchQuestion)
    shown = readable(match, match.answer_json())
    assert all(entry.text in shown for entry in match.left)


def test_another_pack_version_or_a_review_gives_no_questions() -> None:
    pack = load_pack(PACK)
    assert round_questions(entry_for("order", 4, "0" * 64), [pack]) == {}
    assert round_questions(entry_for("review", 4, pack.content_hash), [pack]) == {}
    # Without the question, the recorded ids are shown as they are.
    assert readable(None, ["a", "b"]) == "a → b"
