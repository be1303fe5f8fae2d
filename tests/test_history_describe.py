"""A recorded round's answers read as the texts the player saw, when the round can be made again."""

from __future__ import annotations

import re
from pathlib import Path

from ali_quiz.history.describe import fact_labels, readable, round_questions
from ali_quiz.history.records import RoundRecord
from ali_quiz.packs.loader import load_pack
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.kinds import ChoiceQuestion, MatchQuestion, OrderQuestion
from ali_quiz.quiz.phrasing import format_date

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
    shown = {item.id: f"{'ABCDEF'[i]}. {item.text}" for i, item in enumerate(order.items)}
    # Each item with the letter it was shown under, as the results screen shows them.
    assert readable(order, list(order.answer)) == " → ".join(shown[i] for i in order.answer)


def test_match_answers_name_both_sides() -> None:
    pack = load_pack(PACK)
    match = generate_round(pack, "match", 1, 2)[0]
    assert isinstance(match, MatchQuestion)
    shown = readable(match, match.answer_json())
    assert all(entry.text in shown for entry in match.left)
    left, right = match.answer[0]
    number = 1 + [e.id for e in match.left].index(left)
    place = [e.id for e in match.right].index(right)
    assert shown.startswith(f"{number}{'ABCDEF'[place]}: ")


def test_a_choice_reads_as_its_letter_and_text() -> None:
    pack = load_pack(PACK)
    choice = generate_round(pack, "choice", 1, 3)[0]
    assert isinstance(choice, ChoiceQuestion)
    picked = choice.options[2]
    assert readable(choice, picked.id) == f"C. {picked.text}"


def test_another_pack_version_or_a_review_gives_no_questions() -> None:
    pack = load_pack(PACK)
    assert round_questions(entry_for("order", 4, "0" * 64), [pack]) == {}
    assert round_questions(entry_for("review", 4, pack.content_hash), [pack]) == {}


def test_without_the_round_answers_read_as_letters_and_fact_names() -> None:
    """A review round or a changed pack: the letters the player saw (never bare `b`, `1→c`),
    and the facts' names where the recorded ids are facts."""
    names = {"laiwang": "Laiwang", "v3": "DingTalk 3.0", "v4": "DingTalk 4.0"}
    assert readable(None, "b") == "B"
    assert readable(None, ["laiwang", "other"], labels=names) == "Laiwang → other"
    pairs = readable(None, {"1": "c", "2": "d"}, facts=("v3", "v4"), labels=names)
    assert pairs == "1C: DingTalk 3.0 · 2D: DingTalk 4.0"
    assert readable(None, {"1": "c"}) == "1C"
    assert readable(None, 76102000.0) == "76102000"


def test_fact_names_write_dates_as_the_play_screen_does() -> None:
    """A review round's detail names events and states with their dates in the pack's language
    (play test G10), never as ISO dates."""
    english = load_pack(PACK.with_name("dingtalk-2020-en.yaml"))
    chinese = load_pack(PACK)
    names = fact_labels([english, chinese])
    shown = "\n".join(names.values())
    assert not re.search(r"[(（]\d{4}-\d{2}", shown), shown
    assert "(as of 20" not in shown
    event = english.events[0]
    assert names[english.id, event.id] == f"{event.title} ({format_date(event.date, 'en')})"
    state = chinese.states[0]
    assert (
        names[chinese.id, state.id] == f"{state.title}（截至{format_date(state.as_of, 'zh-Hant')}）"
    )
    assert any("December 2018" in name for (pack, _), name in names.items() if pack == english.id)
    # A release as the play screen names it: its codename in the pack's quotes, its date.
    english_names = [name for (pack, _), name in names.items() if pack == english.id]
    assert "DingTalk 5.0 “Bayan Har (巴顏喀拉)” (25 February 2020)" in english_names
    assert not any("「" in name for name in english_names), english_names


def test_a_review_rounds_match_reads_as_its_sides_were_shown() -> None:
    """A review round cannot be made again: its match answers read `2C: 來往 6.2`, letters with
    no right-hand text. The right items of a generated match are its facts' dates, figures or
    highlights: every pair of the answer reads as shown, in both packs, for every template."""
    from ali_quiz.history.describe import match_sides

    templates = set()
    for name in ("dingtalk-2020", "dingtalk-2020-en"):
        pack = load_pack(PACK.with_name(f"{name}.yaml"))
        for seed in range(1, 13):
            for q in generate_round(pack, "match", 5, seed):
                assert isinstance(q, MatchQuestion)
                templates.add(q.id.split("-")[1])
                answer = q.answer_json()
                sides = match_sides(q.id, q.facts, answer, pack)
                assert sides is not None, q.id
                right = {e.id: e.text for e in q.right}
                left = {e.id: e.text for e in q.left}
                assert sides.right == {r: right[r] for r in answer.values()}
                shown = readable(None, answer, facts=q.facts, sides=sides)
                assert shown == " · ".join(
                    f"{n}{r.upper()}: {left[n]} → {right[r]}" for n, r in answer.items()
                )
    assert templates == {"dates", "figures", "highlights"}
