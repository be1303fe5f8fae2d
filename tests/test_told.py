"""What a round has told (quiz.told): a pair matched, a date shown, two items ordered are never
asked again (play test F1, F2), and a date choice is never solved by elimination (F7)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from ali_quiz.packs.loader import load_pack_text
from ali_quiz.packs.model import Pack
from ali_quiz.packs.starter import starter_text
from ali_quiz.quiz.audit import Audit, check_round
from ali_quiz.quiz.dating import date_keys, eliminated
from ali_quiz.quiz.facts import facts_of
from ali_quiz.quiz.generate import available_modes, generate_round
from ali_quiz.quiz.giveaway import Shown
from ali_quiz.quiz.kinds import ChoiceQuestion, Entry, MatchQuestion, OrderQuestion, Question
from ali_quiz.quiz.told import Told

ONE_KIND = ("order", "match", "choice")


def _pack(which: str, pack_zh: Pack, pack_en: Pack) -> Pack:
    return pack_zh if which == "zh" else pack_en


def _questions(pack: Pack, modes: tuple[str, ...], seeds: range) -> Iterator[Question]:
    for mode in modes:
        for seed in seeds:
            yield from generate_round(pack, mode, 10, seed)


def _first(pack: Pack, prefix: str, fact: str, modes: tuple[str, ...]) -> Question:
    return next(
        q
        for q in _questions(pack, modes, range(300))
        if q.id.startswith(prefix) and fact in q.facts
    )


def _audit(pack: Pack, mode: str, questions: list[Question]) -> Audit:
    audit = Audit(pack=pack, rounds=1)
    check_round(audit, mode, questions)
    return audit


@pytest.mark.parametrize("which", ["zh", "en"])
def test_a_pair_matched_before_is_a_give_away(which: str, pack_zh: Pack, pack_en: Pack) -> None:
    """Play test F2: a match round matched the beta with its date, then asked it again; the
    audit said `ok give-away`. Now it counts it, and no round holds it."""
    pack = _pack(which, pack_zh, pack_en)
    dates = [
        q for q in _questions(pack, ("quick",), range(1, 60)) if q.id.startswith("match-dates-")
    ]
    first = next(q for q in dates if "dingtalk-beta" in q.facts)
    again = next(q for q in dates if "dingtalk-beta" in q.facts and q.id != first.id)
    assert _audit(pack, "match", [first, again]).rules["give-away"].broken == 1
    highlights = [
        q
        for q in _questions(pack, ("quick",), range(1, 80))
        if q.id.startswith("match-highlights-")
    ]
    four = [q for q in highlights if "dingtalk-4-0" in q.facts]
    assert isinstance(four[0], MatchQuestion)
    pair = dict(four[0].answer)[four[0].left[four[0].facts.index("dingtalk-4-0")].id]
    said = [q for q in four[1:] if isinstance(q, MatchQuestion) and pair in dict(q.answer).values()]
    assert _audit(pack, "match", [four[0], *said[:1]]).rules["give-away"].broken == len(said[:1])


@pytest.mark.parametrize("which", ["zh", "en"])
def test_a_question_on_4_0s_hardware_gives_its_highlight_away(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """Play test F1: a question on how long 4.0's smart office hardware was planned shows
    4.0's source sentence; a later match pairing 4.0 with its hardware is given away."""
    pack = _pack(which, pack_zh, pack_en)
    planning = _first(pack, "choice-small-", "dingtalk-4-0-hardware-planning", ("quick", "choice"))
    hardware = ("智慧辦公系列硬體", "smart office hardware")
    four = next(
        q
        for q in _questions(pack, ("match", "quick"), range(300))
        if isinstance(q, MatchQuestion)
        and "dingtalk-4-0" in q.facts
        and q.id.startswith("match-highlights-")
        and any(h in e.text for h in hardware for e in q.right if e.id in dict(q.answer).values())
    )
    assert _audit(pack, "quick", [planning, four]).rules["give-away"].broken == 1


@pytest.mark.parametrize("which", ["zh", "en"])
@pytest.mark.parametrize("mode", ["quick", *ONE_KIND])
def test_no_round_asks_what_an_earlier_question_told(
    which: str, mode: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """Over seeds 1-20 (rounds of 10): no told relation asked again, no date choice solved by
    elimination (before: 355 facts repeated in match rounds, 333 in order rounds)."""
    pack = _pack(which, pack_zh, pack_en)
    facts = facts_of(pack)
    for seed in range(1, 21):
        questions = generate_round(pack, mode, 10, seed)
        told = Told(facts)
        for question in questions:
            assert not told.given(question), (seed, question.id)
            told.add(question)
        rules = _audit(pack, mode, questions).rules
        assert rules["give-away"].broken == rules["elimination"].broken == 0, seed
        if mode in ("order", "match"):
            # Fewer than asked now and then (the round says so), never too few to play.
            assert len(questions) >= {"order": 5, "match": 4}[mode], (seed, len(questions))


def _ordered(ids: list[str], kind: str = "order-timeline-x") -> OrderQuestion:
    return OrderQuestion(
        id=kind,
        prompt="",
        facts=tuple(ids),
        explanation="",
        items=tuple(Entry(id=i, text=i) for i in ids),
        answer=tuple(ids),
    )


def test_two_sequence_items_shown_in_order_are_never_ordered_again(pack_zh: Pack) -> None:
    """Play test F2 addendum: 阿里旺旺 < 淘江湖 < 來往 shown, then 來往 / 點點蟲 / 淘江湖 asked.
    An order that chains counts too (a before b, b before c: a before c)."""
    facts = facts_of(pack_zh)
    told = Told(facts)
    told.add(_ordered(["aliwangwang", "taojianghu", "laiwang"], "order-sequence-a"))
    assert told.given(_ordered(["laiwang", "diandianchong", "taojianghu"], "order-sequence-b"))
    assert not told.given(_ordered(["taobaoke", "diandianchong", "real-ruwo"], "order-sequence-c"))
    told.add(_ordered(["laiwang", "dingtalk"], "order-sequence-d"))
    assert told.ordered("aliwangwang", "dingtalk")  # through 來往
    assert not told.ordered("dingtalk", "diandianchong")


def test_one_dated_item_may_come_back_among_new_ones(pack_zh: Pack) -> None:
    facts = facts_of(pack_zh)
    told = Told(facts)
    first = _ordered(["dingtalk-beta", "dingtalk-3-0", "dingtalk-alipay"])
    told.add(
        OrderQuestion(
            id=first.id,
            prompt="",
            facts=first.facts,
            explanation=facts.explain(list(first.facts)),
            items=first.items,
            answer=first.answer,
        )
    )
    assert not told.given(_ordered(["dingtalk-beta", "laiwang-6-2", "dingtalk-4-0"]))
    assert told.given(_ordered(["dingtalk-beta", "laiwang-6-2", "dingtalk-3-0"]))


def _when(wrong: list[str]) -> ChoiceQuestion:
    texts = ["2020年", *wrong]
    return ChoiceQuestion(
        id="choice-when-x",
        prompt="以下這件事發生在什麼時候：釘釘成為名副其實的“網紅”？",
        facts=("dingtalk-internet-famous",),
        explanation="",
        options=tuple(Entry(id="abcd"[i], text=t) for i, t in enumerate(texts)),
        answer="a",
    )


def test_a_when_question_whose_wrong_dates_were_all_shown_is_solved_by_elimination(
    pack_zh: Pack,
) -> None:
    """Play test F7: 2018年12月, 2019年6月 and 2018年6月 shown as other events' dates; the
    one date left was the answer."""
    facts = facts_of(pack_zh)
    shown = Shown()
    earlier = _ordered(["dingtalk-autumn-winter-launch", "dingtalk-taobao-interop"])
    shown.add(
        OrderQuestion(
            id=earlier.id,
            prompt="",
            facts=earlier.facts,
            explanation=facts.explain(["dingtalk-taobao-interop", "dingtalk-joins-alibaba-cloud"])
            + "\n"
            + facts.explain(["dingtalk-autumn-winter-launch"]),
            items=earlier.items,
            answer=earlier.answer,
        )
    )
    keys = date_keys(facts)
    assert eliminated(_when(["2018年12月", "2019年6月", "2018年6月"]), facts, shown, keys)
    assert not eliminated(_when(["2018年12月", "2019年6月", "2016年9月"]), facts, shown, keys)


@pytest.fixture(scope="module")
def small_packs(pack_starter: Pack) -> dict[str, Pack]:
    from hostile_corpus import MARKUP, hostile_pack

    payload = " ".join(MARKUP)
    return {
        "starter": pack_starter,
        "hostile": load_pack_text(hostile_pack(payload), "hostile.yaml"),
        "starter-again": load_pack_text(starter_text(Path("x.yaml")), "x.yaml"),
    }


def test_the_starter_pack_keeps_every_mode(small_packs: dict[str, Pack]) -> None:
    """Every mode, with full rounds or nearly: its match rounds hold 7 to 10 matches (3 when it
    had 9 dated facts, before it grew to pass the audit's variety rule), each fact paired once."""
    starter = small_packs["starter"]
    assert available_modes(starter) == ["quick", "order", "match", "estimate", "choice", "daily"]
    for seed in range(1, 21):
        assert len(generate_round(starter, "match", 10, seed)) >= 7
        assert len(generate_round(starter, "order", 10, seed)) >= 4


def test_small_packs_never_repeat_a_told_pair(small_packs: dict[str, Pack]) -> None:
    for pack in small_packs.values():
        for mode in ONE_KIND:
            if mode not in available_modes(pack):
                continue
            for seed in range(1, 11):
                rules = _audit(pack, mode, generate_round(pack, mode, 10, seed)).rules
                assert rules["give-away"].broken == rules["elimination"].broken == 0


@pytest.mark.parametrize(
    ("which", "release", "highlight"),
    [
        ("zh", "laiwang-6-2", "更名為“點點蟲”"),
        ("zh", "dingtalk-4-0", "推出智慧辦公系列硬體"),
        ("en", "laiwang-6-2", "Renamed “Diandianchong” (點點蟲)"),
        (
            "en",
            "dingtalk-3-0",
            "Better cloud- and mobile-internet-based collaboration, inside and outside the "
            "enterprise",
        ),
    ],
)
def test_a_release_source_shown_tells_its_highlight(
    which: str, release: str, highlight: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """Play test G2: Q4's source for 來往 6.2 (「…取而代之的是更加青春活潑的“點點蟲”」) told
    Q5's pair 來往 6.2 → 更名為“點點蟲”; in English, "it improved … to collaborate internally
    and externally on the cloud and the mobile internet" tells 3.0's collaboration."""
    told = Told(facts_of(_pack(which, pack_zh, pack_en)))
    assert not told.highlight(release, highlight)
    told.add(_ordered([release, "dingtalk-beta", "dingtalk-alipay"]))
    assert told.highlight(release, highlight)


@pytest.mark.parametrize("which", ["zh", "en"])
def test_a_when_question_offers_dates_as_precise_as_its_answer(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """Play test G3: "When did the DingTalk beta go online?" offered December 2018 / 2017 /
    September 2016 / *1 December 2014: the only day was the answer. The pack has other days."""
    pack = _pack(which, pack_zh, pack_en)
    day = re.compile(r"\d+月\d+日$|^\d+ \w+ \d{4}$")
    asked = 0
    for question in _questions(pack, ("choice", "quick"), range(1, 40)):
        if question.id.startswith("choice-when-") and question.facts[0] in (
            "dingtalk-beta",
            "dingtalk-official-release",
            "laiwang-6-2",
        ):
            assert isinstance(question, ChoiceQuestion)
            asked += 1
            # (One may give way to a date not shown yet, of any precision: no elimination.)
            wrong = [o.text for o in question.options if o.id != question.answer]
            assert sum(bool(day.search(text)) for text in wrong) >= 2, question.options
    assert asked


def test_a_before_question_whose_wrong_options_were_all_dated_is_solved_by_elimination(
    pack_zh: Pack,
) -> None:
    """Choice rounds, seeds 1-20: 11 of 35 "which happened before (after)…?" came after the
    round had dated each of their wrong options; now none does."""
    facts = facts_of(pack_zh)
    before = ChoiceQuestion(
        id="choice-before-x",
        prompt="",
        facts=("dingtalk-beta", "dingtalk-3-0", "dingtalk-alipay"),
        explanation="",
        options=(Entry(id="a", text="a"), Entry(id="b", text="b"), Entry(id="c", text="c")),
        answer="a",
    )
    told = Told(facts)
    told.add(_ordered(["dingtalk-3-0", "laiwang-6-2", "dingtalk-4-0"]))
    assert not told.eliminated(before)
    told.add(_ordered(["dingtalk-alipay", "laiwang-6-2", "dingtalk-4-0"]))
    assert told.eliminated(before)
    assert _audit(pack_zh, "choice", []).rules["elimination"].broken == 0
    for which in (pack_zh,):
        for seed in range(1, 21):
            rules = _audit(which, "choice", generate_round(which, "choice", 10, seed)).rules
            assert rules["elimination"].broken == 0, seed
