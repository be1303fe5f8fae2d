"""Question generation: any seed gives questions that agree with the pack, the same every time.

Properties run over the two built-in packs, the starter pack and random packs that load.
"""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.loader import load_pack_text
from ali_quiz.packs.model import Metric, Pack, pack_to_json
from ali_quiz.packs.problems import PackError
from ali_quiz.quiz.audit import Audit
from ali_quiz.quiz.audit import check_round as audit_round
from ali_quiz.quiz.facts import PackFacts, facts_of
from ali_quiz.quiz.generate import (
    MAX_COUNT,
    MODES,
    RoundError,
    available_modes,
    daily_seed,
    generate_round,
    kind_warnings,
)
from ali_quiz.quiz.giveaway import is_rank, is_small
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
)
from ali_quiz.quiz.makers.picker import Walk
from ali_quiz.quiz.phrasing import (
    embedded,
    format_count,
    format_date,
    format_figure,
    phrase,
    version_name,
    version_title,
)
from ali_quiz.quiz.rng import Rng
from conftest import FIXTURES, REPO, Ran
from test_loader_fuzz import _dump, nearly_valid_packs, renumbered_packs

PLAIN_MODES = [m for m in MODES if m != "review"]
PROPERTIES = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class PackView:
    """What the checks need to know about a pack, looked up by fact id."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        data = pack_to_json(pack)
        self.language = pack.language
        # Dates from the show-json form: the exported view and the model must agree.
        self.dates: dict[str, PartialDate] = {}
        for fact in (*data["events"], *data["versions"]):
            if fact["date"] is not None:
                self.dates[fact["id"]] = PartialDate.parse(fact["date"])
        facts = PackFacts(pack)
        self.texts = {d.id: d.text for d in facts.timeline}
        self.happening = {d.id: d.happening for d in facts.timeline}
        self.headlines = facts.headlines
        self.states = {s.id for s in pack.states}
        for state in pack.states:
            self.dates[state.id] = state.as_of
        self.names_of: dict[str, set[str]] = defaultdict(set)
        for version in pack.versions:
            self.names_of[version.product].add(version_name(version))
        self.metrics = {m.id: m for m in pack.metrics}
        assert {m["id"]: m["value"] for m in data["metrics"]} == {
            m.id: m.value for m in pack.metrics
        }
        self.versions = {v.id: v for v in pack.versions}
        self.ranks = {i.id: i.rank for s in pack.sequences for i in s.items}
        self.authored = {q.id: q for q in pack.questions}
        self.fact_ids = set(pack.fact_explanations())
        # Every formatted date of the pack, back to the date it was made from.
        self.date_of_text: dict[str, PartialDate] = {
            format_date(d, pack.language): d for d in self.dates.values()
        }
        self.happening_dates: dict[str, list[PartialDate]] = defaultdict(list)
        for fact_id, text in self.happening.items():
            self.happening_dates[text].append(self.dates[fact_id])
        self.figure_of_text: dict[str, list[Any]] = defaultdict(list)
        for metric in pack.metrics:
            self.figure_of_text[self.figure(metric)].append(metric)

    def figure(self, metric: Metric) -> str:
        """A figure as questions show it: a small number or a rank as a count."""
        if is_small(metric):
            return format_count(int(metric.value), metric.unit, self.language, rank=is_rank(metric))
        return format_figure(metric.written, metric.unit, self.language)


def template(question: Question) -> str:
    """`timeline` of `order-timeline-…`, `first-event` of `choice-first-event-…`; authored
    questions have their own ids."""
    prefix = f"{question.kind}-"
    if not question.id.startswith(prefix) or question.id.count("-") < 2:
        return "authored"
    name = question.id[len(prefix) : question.id.rindex("-")]
    return name if name in GENERATED_FORMS else "authored"


GENERATED_FORMS = {
    "timeline", "sequence", "dates", "highlights", "figures", "figure", "when", "what",
    "before", "after", "first-event", "last-event", "first", "last", "state", "small",
    "largest", "smallest", "release", "codename", "brought", "next", "previous",
}  # fmt: skip


def check_question(view: PackView, question: Question) -> None:
    """Every property a question of this pack must have."""
    assert question.max_points > 0
    assert question.prompt.strip()
    for fact in question.facts:
        assert fact in view.fact_ids, (fact, question.id)
    kind_template = template(question)
    if kind_template == "authored":
        assert question.id in view.authored, question.id
        authored = view.authored[question.id]
        assert authored.kind == question.kind and authored.facts == question.facts
    else:
        # A generated question's explanation shows each fact's date or figure; a sequence's
        # item its text, numbered by its place among the question's items (not "6." of 4).
        for fact in question.facts:
            line = view.headlines[fact]
            number, dot, text = line.partition(". ")
            shown = text if dot and number.isdigit() else line
            assert shown in question.explanation, (fact, question.id)
    if not view.language.startswith("zh") and kind_template != "authored":
        assert "「" not in question.prompt and "」" not in question.prompt
    if isinstance(question, OrderQuestion):
        check_order(view, question, kind_template)
    elif isinstance(question, MatchQuestion):
        check_match(view, question, kind_template)
    elif isinstance(question, EstimateQuestion):
        check_estimate(view, question, kind_template)
    elif isinstance(question, ChoiceQuestion):
        check_choice(view, question, kind_template)
    else:
        assert isinstance(question, TextQuestion) and kind_template == "authored"
        assert question.accepted == view.authored[question.id].accepted


def check_order(view: PackView, question: OrderQuestion, kind_template: str) -> None:
    ids = [item.id for item in question.items]
    assert len(set(ids)) == len(ids)
    # Two items that read the same could not be told apart.
    assert len({item.text for item in question.items}) == len(ids), question.items
    assert sorted(question.answer) == sorted(ids)
    assert 3 <= len(ids) <= 6
    if kind_template == "timeline":
        # `facts` is aligned with the items as shown; the answer is the order.
        assert list(question.facts) == [item.id for item in question.items]
        assert sorted(question.facts) == sorted(question.answer)
        assert not set(question.facts) & view.states, "a state is never ordered"
        dates = [view.dates[i] for i in question.answer]
        # Earliest first, and no two dates overlap (so the order is defined).
        for a, b in itertools.combinations(dates, 2):
            assert a.before(b), (a, b, question.id)
        texts = {item.id: item.text for item in question.items}
        assert all(texts[i] == view.texts[i] for i in ids)
    elif kind_template == "sequence":
        ranks = [view.ranks[i] for i in question.answer]
        assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks), ranks
    else:
        authored = view.authored[question.id]
        by_id = {item.id: item.text for item in question.items}
        assert [by_id[i] for i in question.answer] == list(authored.items)
    # Never shown already in order: that would give the answer away.
    assert ids != list(question.answer)


def check_match(view: PackView, question: MatchQuestion, kind_template: str) -> None:
    left = [e.id for e in question.left]
    right = [e.id for e in question.right]
    assert len(set(left)) == len(left) and len(set(right)) == len(right)
    assert not set(left) & set(right), "left and right ids collide"
    assert len({e.text for e in question.right}) == len(right)
    assert len({e.text for e in question.left}) == len(left), question.left
    answer = dict(question.answer)
    assert list(answer) == left
    assert set(answer.values()) <= set(right) and len(set(answer.values())) == len(answer)
    assert 3 <= len(left) <= 5
    left_text = {e.id: e.text for e in question.left}
    right_text = {e.id: e.text for e in question.right}
    pairs = [(left_text[li], right_text[ri]) for li, ri in question.answer]
    if kind_template == "authored":
        authored = view.authored[question.id]
        assert sorted(pairs) == sorted((p.left, p.right) for p in authored.pairs)
        assert sorted(right_text.values()) == sorted(
            [p.right for p in authored.pairs] + list(authored.decoys)
        )
        return
    assert len(question.facts) == len(left)
    for (left_shown, right_shown), fact in zip(pairs, question.facts, strict=True):
        if kind_template == "dates":
            assert left_shown == view.texts[fact]
            assert right_shown == format_date(view.dates[fact], view.language)
        elif kind_template == "highlights":
            version = view.versions[fact]
            assert left_shown == version_title(version, view.language)
            assert right_shown in version.highlights
        else:
            assert kind_template == "figures"
            metric = view.metrics[fact]
            assert left_shown == metric.label
            assert right_shown == view.figure(metric)
    if kind_template == "dates":
        shown = [view.date_of_text[text] for text in right_text.values()]
        for a, b in itertools.combinations(shown, 2):
            assert not a.overlaps(b), "two dates of a match overlap"
    if kind_template == "figures":
        # Two or more figures of each unit: units alone never solve the match.
        units = Counter(view.metrics[f].unit for f in question.facts)
        assert min(units.values()) >= 2, units


def check_estimate(view: PackView, question: EstimateQuestion, kind_template: str) -> None:
    if kind_template == "authored":
        authored = view.authored[question.id]
        assert question.answer == authored.answer and question.unit == authored.unit
        assert question.scoring == ("band" if authored.range is not None else "log")
        return
    (fact,) = question.facts
    metric = view.metrics[fact]
    assert not is_small(metric), "a small number or a rank is never an estimate"
    assert question.answer == metric.value
    assert question.unit == metric.unit and question.written == metric.written
    assert question.scoring == "log"
    assert question.tolerance == metric.effective_tolerance
    assert question.prompt == (metric.ask or question.prompt)


#: Choice forms that explain several facts, the answer among them: the answer's first.
ANSWER_FIRST = {
    "first-event", "last-event", "first", "last", "before", "after", "next", "previous",
    "largest", "smallest",
}  # fmt: skip


def check_choice(view: PackView, question: ChoiceQuestion, kind_template: str) -> None:
    ids = [o.id for o in question.options]
    texts = [o.text for o in question.options]
    assert len(set(ids)) == len(ids) and len(set(texts)) == len(texts)
    assert question.answer in ids
    assert 2 <= len(ids) <= 10
    answer_text = texts[ids.index(question.answer)]
    if kind_template == "authored":
        authored = view.authored[question.id]
        assert sorted(texts) == sorted(o.text for o in authored.options)
        best = max(o.weight for o in authored.options)
        assert answer_text in [o.text for o in authored.options if o.weight == best]
        return
    if kind_template in ANSWER_FIRST:
        # Of several facts explained, the answer's comes first: its source is what the
        # player looks for (it was last, below the fold, after "which happened last?").
        shows = {**view.happening, **{i: m.label for i, m in view.metrics.items()}}
        items = {i.id: i.text for s in view.pack.sequences for i in s.items}
        shows.update(items)
        (fact,) = [f for f in question.facts if shows.get(f) == answer_text]
        first = question.explanation.splitlines()[0]
        if fact in items:  # numbered by its place among the question's items
            assert re.fullmatch(rf"\d+\. {re.escape(items[fact])}", first), (question.id, first)
        else:
            assert first == view.headlines[fact], (question.id, first)
    assert question.weights is None
    assert 3 <= len(ids) <= 4, "a generated choice offers three or four options"
    wrong = [t for t in texts if t != answer_text]
    if kind_template in ("when", "state"):
        (fact,) = question.facts
        assert (fact in view.states) == (kind_template == "state")
        assert answer_text == format_date(view.dates[fact], view.language)
        shown = [view.date_of_text[t] for t in texts]
        for a, b in itertools.combinations(shown, 2):
            assert not a.overlaps(b), ("choice dates overlap", question.id)
    elif kind_template == "what":
        (fact,) = question.facts
        assert answer_text == view.happening[fact]
        for text in wrong:
            # A wrong option happened at a date apart from the answer's.
            assert all(not d.overlaps(view.dates[fact]) for d in view.happening_dates[text])
    elif kind_template in ("before", "after", "first-event", "last-event"):
        dates = {view.happening[f]: view.dates[f] for f in question.facts}
        assert set(dates) == set(texts) and not set(question.facts) & view.states
        for a, b in itertools.combinations(dates.values(), 2):
            assert not a.overlaps(b)
        right = dates[answer_text]
        others = [dates[t] for t in wrong]
        if kind_template in ("before", "first-event"):
            assert all(right.before(d) for d in others)
        else:
            assert all(d.before(right) for d in others)
    elif kind_template == "figure":
        (fact,) = question.facts
        metric = view.metrics[fact]
        assert answer_text == view.figure(metric)
        for text in wrong:
            for other in view.figure_of_text[text]:
                assert other.id not in metric.alike and metric.id not in other.alike
                assert other.value != metric.value and other.unit == metric.unit
    elif kind_template == "small":
        (fact,) = question.facts
        assert is_small(view.metrics[fact]) and answer_text == view.figure(view.metrics[fact])
    elif kind_template in ("largest", "smallest"):
        metrics = [view.metrics[f] for f in question.facts]
        assert len({m.unit for m in metrics}) == 1 and len(metrics) == len(texts)
        pick = max if kind_template == "largest" else min
        assert answer_text == pick(metrics, key=lambda m: m.value).label
    elif kind_template in ("first", "last"):
        ranks = {view.ranks[f] for f in question.facts}
        assert len(ranks) == len(question.facts) == len(texts)
        pick = min if kind_template == "first" else max
        chosen = pick(question.facts, key=lambda f: view.ranks[f])
        sequence_text = {i.id: i.text for s in view.pack.sequences for i in s.items}
        assert answer_text == sequence_text[chosen]
    elif kind_template in ("next", "previous"):
        # The item asked about, then the options: the right one is of the rank next to it (a
        # tied item of that rank is never offered), the wrong ones of other ranks each.
        anchor, *shown = question.facts
        text_of = {i.id: i.text for s in view.pack.sequences for i in s.items}
        assert text_of[anchor] in question.prompt and text_of[anchor] not in texts
        assert sorted(text_of[f] for f in shown) == sorted(texts)
        step = 1 if kind_template == "next" else -1
        ranks = [view.ranks[f] for f in shown]
        assert len(set(ranks)) == len(ranks)
        right = [f for f in shown if view.ranks[f] == view.ranks[anchor] + step]
        assert [text_of[f] for f in right] == [answer_text]
    elif kind_template == "brought":
        (fact,) = question.facts
        version = view.versions[fact]
        assert question.prompt == phrase(
            view.language, "brought", title=version_title(version, view.language)
        )
        assert answer_text in version.highlights
        titles = facts_of(view.pack).titles_with_highlight
        for text in wrong:
            # Another release's highlight, of the same product, akin to none of this one's.
            assert text not in version.highlights and version.title not in titles[text]
            others = [v for v in view.pack.versions if text in v.highlights]
            assert others and all(v.product == version.product for v in others)
    elif kind_template == "codename":
        (fact,) = question.facts
        version = view.versions[fact]
        assert version.codename and version.codename in question.prompt
        assert answer_text == version_name(version)
        assert all(t in view.names_of[version.product] for t in wrong)
    else:
        assert kind_template == "release"
        (fact,) = question.facts
        version = view.versions[fact]
        assert answer_text == version_name(version)
        # The prompt names exactly one of the release's highlights.
        asked = [
            h
            for h in version.highlights
            if phrase(view.language, "release", highlight=embedded(h, view.language))
            == question.prompt
        ]
        assert asked, question.prompt
        for text in wrong:
            # Another release of the same product, which did not bring that highlight.
            others = [v for v in view.pack.versions if version_name(v) == text]
            assert others and all(v.product == version.product for v in others)
            assert all(asked[0] not in v.highlights for v in others)


def check_round(pack: Pack, questions: list[Question]) -> None:
    view = PackView(pack)
    for question in questions:
        check_question(view, question)


def assert_good_round(pack: Pack, mode: str, questions: list[Question]) -> None:
    """The audit finds no rule of a good round broken in this round."""
    audit = Audit(pack=pack, rounds=1)
    audit_round(audit, mode, questions)
    broken = {r.rule: r.examples for r in audit.rules.values() if r.broken}
    assert broken == {}, broken


# -- properties over seeds, modes and counts ---------------------------------------------------


@pytest.fixture(scope="module")
def packs(pack_zh: Pack, pack_en: Pack, pack_starter: Pack) -> dict[str, Pack]:
    return {"zh": pack_zh, "en": pack_en, "starter": pack_starter}


@PROPERTIES
@given(
    which=st.sampled_from(["zh", "en", "starter"]),
    mode=st.sampled_from(PLAIN_MODES),
    count=st.integers(min_value=1, max_value=25),
    seed=st.integers(min_value=0, max_value=2**64 - 1),
)
def test_any_seed_gives_questions_that_agree_with_the_pack(
    packs: dict[str, Pack], which: str, mode: str, count: int, seed: int
) -> None:
    pack = packs[which]
    assert mode in available_modes(pack)
    questions = generate_round(pack, mode, count, seed, date=date(2024, 5, 1))
    # As many as the pack can give under the rules of a good round: a round may be shorter.
    assert 1 <= len(questions) <= count
    if mode in ("order", "match", "estimate", "choice"):
        assert {q.kind for q in questions} == {mode}
    check_round(pack, questions)
    assert_good_round(pack, mode, questions)
    # Deterministic: the same inputs, the same questions, field for field.
    again = generate_round(pack, mode, count, seed, date=date(2024, 5, 1))
    assert [q.to_json() for q in again] == [q.to_json() for q in questions]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    document=nearly_valid_packs | renumbered_packs,
    seed=st.integers(min_value=0, max_value=2**32),
    count=st.integers(min_value=1, max_value=12),
)
def test_random_packs_give_questions_that_agree_with_them(
    document: dict[str, Any], seed: int, count: int
) -> None:
    try:
        pack = load_pack_text(_dump(document, allow_unicode=True), "random.yaml")
    except PackError:
        assume(False)
        return
    modes = available_modes(pack)
    for mode in modes:
        questions = generate_round(pack, mode, count, seed)
        assert questions, f"the {mode} mode is offered but gives no question"
        check_round(pack, questions)
        # Whatever the pack: no fact twice, no give-away, no generated choice of two options.
        assert_good_round(pack, mode, questions)


@PROPERTIES
@given(which=st.sampled_from(["zh", "en", "starter"]), seed=st.integers(0, 2**40))
def test_a_round_of_estimates_asks_each_figure_once_at_most(
    packs: dict[str, Pack], which: str, seed: int
) -> None:
    """Never the same figure twice, never a small number or a rank."""
    pack = packs[which]
    questions = generate_round(pack, "estimate", len(pack.metrics), seed)
    asked = Counter(fact for q in questions for fact in q.facts)
    small = {m.id for m in pack.metrics if is_small(m)}
    assert set(asked) <= {m.id for m in pack.metrics} - small
    assert max(asked.values()) == 1, asked.most_common(3)


@pytest.mark.parametrize("which", ["zh", "en"])
@pytest.mark.parametrize("mode", ["quick", "order", "match", "estimate", "choice"])
def test_a_round_of_ten_never_repeats_a_question(
    packs: dict[str, Pack], which: str, mode: str
) -> None:
    for seed in range(40):
        ids = [q.id for q in generate_round(packs[which], mode, 10, seed)]
        assert len(set(ids)) == len(ids), (seed, Counter(ids).most_common(2))


@pytest.mark.parametrize("which", ["zh", "en"])
def test_a_quick_round_spreads_over_the_facts(packs: dict[str, Pack], which: str) -> None:
    """A mixed round never asks a fact twice, and still fills a round of ten."""
    for seed in range(40):
        questions = generate_round(packs[which], "quick", 10, seed)
        asked = Counter(fact for q in questions for fact in q.facts)
        assert max(asked.values(), default=0) == 1, (seed, asked.most_common(3))
        assert len(questions) == 10


def test_quick_rounds_mix_every_kind(packs: dict[str, Pack]) -> None:
    kinds = Counter(
        q.kind for seed in range(300) for q in generate_round(packs["zh"], "quick", 10, seed)
    )
    # Text questions are authored ones whose answers much of the pack shows (巴顏喀拉, 無招):
    # rare, since nothing shown earlier in a round may give them away, but drawn.
    assert set(kinds) == {"order", "match", "estimate", "choice", "text"}
    assert min(kinds["order"], kinds["match"], kinds["estimate"]) >= 100


def test_authored_questions_mix_in(packs: dict[str, Pack]) -> None:
    """Authored questions are drawn like any other: each is in some rounds, none in most.

    A quick round deals one of them, a different one seed after seed: a class's twenty rounds
    ask nearly every one, each about once, rather than a few of them again and again.
    """
    questions = packs["zh"].questions
    authored = {q.id for q in questions}
    rounds = [{q.id for q in generate_round(packs["zh"], "quick", 10, s)} for s in range(100)]
    seen = Counter(i for ids in rounds for i in ids if i in authored)
    assert len(seen) >= len(authored) - 2
    assert max(seen.values()) <= 12  # of 100 rounds: none comes in most of them
    twenty = Counter(i for ids in rounds[1:21] for i in ids if i in authored)
    assert len(twenty) >= 15 and max(twenty.values()) <= 2


# -- ids ------------------------------------------------------------------------------------------


def test_question_ids_are_stable_for_the_same_kind_and_facts(packs: dict[str, Pack]) -> None:
    meaning: dict[str, tuple[str, frozenset[str]]] = {}
    ids_of: dict[tuple[str, str, frozenset[str], str, frozenset[str]], set[str]] = defaultdict(set)
    for which, seed, mode in itertools.product(("zh", "en"), range(25), PLAIN_MODES):
        for question in generate_round(packs[which], mode, 10, seed, date=date(2024, 1, 1)):
            key = (question.kind, frozenset(question.facts))
            assert meaning.setdefault(question.id, key) == key, question.id
            # An authored question is its own template: two may test the same facts.
            name = template(question)
            name = question.id if name == "authored" else name
            # Two questions of one form on the same facts differ by what they ask (the date of
            # "which happened before…", the highlight of "which release brought…").
            # or by what they show (the highlight a release is matched with, or offered for).
            ids_of[
                (question.kind, name, frozenset(question.facts), question.prompt, _shown(question))
            ].add(question.id)
    assert {key: ids for key, ids in ids_of.items() if len(ids) > 1} == {}


def _shown(question: Question) -> frozenset[str]:
    """What a question of the highlights forms shows beside its prompt and facts: the
    highlights, another of which makes another question of the same releases."""
    if question.id.startswith(("match-highlights-", "choice-brought-")):
        if isinstance(question, MatchQuestion):
            return frozenset(entry.text for entry in question.right)
        assert isinstance(question, ChoiceQuestion)
        return frozenset(o.text for o in question.options if o.id == question.answer)
    return frozenset()


def test_the_two_editions_ask_with_the_same_question_ids(packs: dict[str, Pack]) -> None:
    """Same fact ids, same questions: a class may mix editions."""
    for seed in range(10):
        zh = generate_round(packs["zh"], "estimate", 5, seed)
        en = generate_round(packs["en"], "estimate", 5, seed)
        assert [q.id for q in zh] == [q.id for q in en]


# -- daily and review -----------------------------------------------------------------------------


def test_daily_is_the_same_for_a_date_whatever_the_seed(packs: dict[str, Pack]) -> None:
    day = date(2024, 3, 1)
    first = generate_round(packs["zh"], "daily", 10, 1, date=day)
    assert [q.to_json() for q in generate_round(packs["zh"], "daily", 10, 99999, date=day)] == [
        q.to_json() for q in first
    ]
    assert daily_seed(packs["zh"], day) == daily_seed(packs["zh"], day)


def test_daily_differs_from_day_to_day(packs: dict[str, Pack]) -> None:
    start = date(2024, 1, 1)
    rounds = {
        tuple(q.id for q in generate_round(packs["zh"], "daily", 10, 0, date=start + timedelta(n)))
        for n in range(30)
    }
    assert len(rounds) >= 28
    seeds = {daily_seed(packs["zh"], start + timedelta(n)) for n in range(30)}
    assert len(seeds) == 30


def test_daily_depends_on_the_pack(packs: dict[str, Pack]) -> None:
    day = date(2024, 3, 1)
    assert daily_seed(packs["zh"], day) != daily_seed(packs["en"], day)


def test_daily_refuses_a_seed_on_the_command_line(cli: Any) -> None:
    ran: Ran = cli("generate", "--mode", "daily", "--seed", "3", "--date", "2024-03-01")
    assert ran.status == 2 and ran.out == ""
    assert "seed" in ran.err


def test_daily_on_the_command_line_follows_the_date(cli: Any) -> None:
    one = cli("generate", "--mode", "daily", "--date", "2024-03-01")
    again = cli("generate", "--mode", "daily", "--date", "2024-03-01")
    other = cli("generate", "--mode", "daily", "--date", "2024-03-02")
    assert one.status == again.status == other.status == 0
    assert one.out == again.out != other.out
    assert len(one.out.splitlines()) == 10


def test_review_needs_weights(packs: dict[str, Pack]) -> None:
    for weights in (None, {}):
        with pytest.raises(RoundError, match="nothing is due"):
            generate_round(packs["zh"], "review", 10, 1, weights=weights)


def test_review_asks_about_the_facts_missed(packs: dict[str, Pack]) -> None:
    weights = {"dingtalk-mau-2020-01": 3.0, "laiwang-6-2": 1.0, "q-momo": 2.0}
    for seed in range(15):
        questions = generate_round(packs["zh"], "review", 10, seed, weights=weights)
        assert questions
        check_round(packs["zh"], questions)
        for question in questions:
            assert set(question.facts) & set(weights) or question.id in weights, question.id


def test_review_asks_the_most_urgent_facts_first(packs: dict[str, Pack]) -> None:
    weights = {"laiwang-6-2": 1.0, "dingtalk-mau-2020-01": 5.0, "q-momo": 2.0}
    for seed in range(5):
        questions = generate_round(packs["zh"], "review", 10, seed, weights=weights)
        asked = [f for q in questions for f in (*q.facts, q.id) if f in weights]
        assert asked[0] == "dingtalk-mau-2020-01"
        assert asked.index("q-momo") < asked.index("laiwang-6-2")


def test_review_of_facts_no_longer_in_the_pack(packs: dict[str, Pack]) -> None:
    with pytest.raises(RoundError):
        generate_round(packs["zh"], "review", 10, 1, weights={"gone": 1.0})


def test_bad_modes_and_counts(packs: dict[str, Pack]) -> None:
    with pytest.raises(RoundError, match="unknown mode"):
        generate_round(packs["zh"], "trivia", 10, 1)
    for count in (0, -1, MAX_COUNT + 1):
        with pytest.raises(RoundError):
            generate_round(packs["zh"], "quick", count, 1)


def test_a_mode_the_pack_cannot_serve_is_refused() -> None:
    pack = load_pack_text(
        "id: t\ntitle: T\nlanguage: en\nmetrics:\n  - {id: m, label: L, value: 2000, unit: u}\n",
        "t",
    )
    # One figure cannot give a round of three questions: every mode is hidden.
    assert available_modes(pack) == []
    with pytest.raises(RoundError, match="too few facts for order"):
        generate_round(pack, "order", 3, 1)
    with pytest.raises(RoundError, match="too few facts for estimate"):
        generate_round(pack, "estimate", 3, 1)
    # Nor a mixed round (play test G23): it would hold one question, its one fact asked once.
    for mode in ("quick", "daily"):
        with pytest.raises(RoundError, match=f"too few facts for a {mode} round"):
            generate_round(pack, mode, 3, 1)


# -- the seeded generator is pinned ---------------------------------------------------------------


def test_rng_is_splitmix64() -> None:
    """The reference outputs of SplitMix64 for seed 0: the same on every machine and Python."""
    rng = Rng(0)
    assert [rng.next64() for _ in range(3)] == [
        0xE220A8397B1DCDAF,
        0x6E789E6AA1B965F4,
        0x06C45D188009454F,
    ]
    rng = Rng(42)
    assert rng.shuffled(list(range(10))) == [8, 3, 6, 5, 4, 0, 9, 2, 1, 7]
    assert rng.below(1000) == 618


@given(seed=st.integers(0, 2**64 - 1), n=st.integers(1, 50))
def test_rng_draws_stay_in_range(seed: int, n: int) -> None:
    rng = Rng(seed)
    assert 0 <= rng.below(n) < n
    assert 0.0 <= rng.random() < 1.0
    assert sorted(rng.shuffled(list(range(n)))) == list(range(n))
    assert rng.weighted_index([0.0] * (n - 1) + [1.0]) == n - 1


@settings(deadline=None)
@given(seed=st.integers(0, 2**64 - 1), n=st.one_of(st.integers(0, 60), st.integers(61, 5000)))
def test_rng_draws_are_next64_drawn_in_place(seed: int, n: int) -> None:
    """`below` and `shuffled` repeat next64's arithmetic in place (a long shuffle works its
    draws out side by side: rng._draws): the same draws, in the same order, as the plain
    definitions over next64, and the generator left in the same state."""
    rng, plain = Rng(seed), Rng(seed)
    expected = list(range(n))
    for i in range(n - 1, 0, -1):
        j = (plain.next64() * (i + 1)) >> 64
        expected[i], expected[j] = expected[j], expected[i]
    assert rng.shuffled(range(n)) == expected
    assert rng.below(n + 1) == (plain.next64() * (n + 1)) >> 64
    assert rng.state == plain.state


def _splitmix64(seed: int) -> Iterator[int]:
    """SplitMix64 as its authors write it, one value at a time: the reference for Rng."""
    mask = (1 << 64) - 1
    state = seed & mask
    while True:
        state = (state + 0x9E3779B97F4A7C15) & mask
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & mask
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & mask
        yield z ^ (z >> 31)


@settings(deadline=None, max_examples=60)
@given(
    seed=st.integers(0, 2**64 - 1),
    calls=st.lists(
        st.one_of(
            st.tuples(st.sampled_from(["below", "shuffled"]), st.integers(1, 40)),
            st.tuples(st.just("shuffled"), st.integers(500, 1300)),
            st.tuples(st.sampled_from(["random", "next64"]), st.just(0)),
        ),
        max_size=60,
    ),
)
def test_rng_batches_give_the_plain_draws(seed: int, calls: list[tuple[str, int]]) -> None:
    """Rng works its draws out ahead in batches (and a long shuffle its own): any mix of calls
    gives what one SplitMix64 value after another gives, drawn the plain way."""
    rng, plain = Rng(seed), _splitmix64(seed)
    for name, n in calls:
        match name:
            case "below":
                assert rng.below(n) == (next(plain) * n) >> 64
            case "random":
                assert rng.random() == (next(plain) >> 11) / float(1 << 53)
            case "next64":
                assert rng.next64() == next(plain)
            case _:
                expected = list(range(n))
                for i in range(n - 1, 0, -1):
                    j = (next(plain) * (i + 1)) >> 64
                    expected[i], expected[j] = expected[j], expected[i]
                assert rng.shuffled(range(n)) == expected
    assert rng.next64() == next(plain)


def test_questions_and_entries_are_slotted(packs: dict[str, Pack]) -> None:
    """No `__dict__`: one object each for the garbage collector (see quiz.kinds)."""
    questions = generate_round(packs["zh"], "quick", 10, 3)
    entries = [e for q in questions for e in getattr(q, "options", getattr(q, "items", ()))]
    assert entries and all(not hasattr(x, "__dict__") for x in (*questions, *entries))


@given(
    seed=st.integers(0, 2**64 - 1),
    weights=st.lists(
        st.one_of(st.just(0.0), st.just(-1.0), st.floats(0, 1e12), st.integers(0, 5)), max_size=40
    ).filter(bool),
)
def test_rng_weighted_index_is_the_plain_running_sum(seed: int, weights: list[float]) -> None:
    """weighted_index finds its index in the running sums at once: the index the plain walk
    over the weights gives, the generator left in the same state."""
    rng, plain = Rng(seed), Rng(seed)
    total = sum(w for w in weights if w > 0)
    if total <= 0:
        expected = plain.below(len(weights))
    else:
        target = ((plain.next64() >> 11) / float(1 << 53)) * total
        running, expected = 0.0, max(i for i, w in enumerate(weights) if w > 0)
        for index, weight in enumerate(weights):
            if weight > 0:
                running += weight
                if target < running:
                    expected = index
                    break
    assert rng.weighted_index(weights) == expected
    assert rng.state == plain.state


PINNED = FIXTURES / "generate" / "quick-seed-7.jsonl"
PINNED_ARGS = ("generate", "--count", "10", "--seed", "7", "--format", "json")


def test_pinned_generate_output(tmp_path: Path) -> None:
    """`ali-quiz generate --count 10 --seed 7 --format json` for dingtalk-2020, byte for byte.

    A deliberate change of the generator or of the built-in pack regenerates the file:
    python -m ali_quiz --data-dir "$(mktemp -d)" generate --count 10 --seed 7 --format json \
        > tests/fixtures/generate/quick-seed-7.jsonl
    """
    env = {k: v for k, v in os.environ.items() if k != "ALI_QUIZ_HOME"}
    done = subprocess.run(
        [sys.executable, "-m", "ali_quiz", "--data-dir", str(tmp_path), *PINNED_ARGS],
        capture_output=True,
        env={**env, "PYTHONIOENCODING": "utf-8"},
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout == PINNED.read_bytes()


def test_pinned_output_in_process_too(cli: Any) -> None:
    ran: Ran = cli(*PINNED_ARGS)
    assert ran.status == 0
    assert ran.out.encode("utf-8") == PINNED.read_bytes()


def test_generation_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """No set or dict of strings decides anything: PYTHONHASHSEED changes nothing."""
    outputs = set()
    for hash_seed in ("0", "1", "12345"):
        env = {k: v for k, v in os.environ.items() if k != "ALI_QUIZ_HOME"}
        env.update(PYTHONHASHSEED=hash_seed, PYTHONIOENCODING="utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "ali_quiz",
                "--data-dir",
                str(tmp_path),
                "generate",
                "--pack",
                str(REPO / "questions" / "dingtalk-2020-en.yaml"),
                "--count",
                "30",
                "--seed",
                "987654",
            ],
            capture_output=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


ALIKE_PACK = """\
id: alike
title: Alike figures
language: en
metrics:
  - {id: accounts, label: Monthly active accounts, value: 11.51億, unit: users,
     alike: [people]}
  - {id: people, label: Monthly active people, value: 97563.8萬, unit: users}
  - {id: orgs, label: Organisations, value: 1000萬, unit: users}
  - {id: small, label: Early users, value: 2億, unit: users}
  - {id: tiny, label: First users, value: 5萬, unit: users}
  - {id: teams, label: Teams, value: 50萬, unit: users}
  - {id: schools, label: Schools online, value: 14萬, unit: users}
  - {id: members, label: Paying members, value: 300萬, unit: users}
  - {id: staff, label: Staff, value: 2000, unit: users}
"""


def test_alike_figures_are_never_each_others_distractors() -> None:
    """Nine figures: room for three figure matches, none pairing a figure already shown."""
    pack = load_pack_text(ALIKE_PACK, "alike.yaml")
    view = PackView(pack)
    label = {m.id: format_figure(m.written, m.unit, "en") for m in pack.metrics}
    asked = Counter()
    for seed in range(300):
        for question in generate_round(pack, "choice", 3, seed):
            check_question(view, question)
            assert isinstance(question, ChoiceQuestion)
            texts = {o.text for o in question.options}
            asked[question.facts[0]] += 1
            assert not {label["accounts"], label["people"]} <= texts, question.to_json()
        for question in generate_round(pack, "match", 2, seed):
            assert not {"accounts", "people"} <= set(question.facts), question.to_json()
    assert asked["accounts"] and asked["people"]


def test_a_pack_of_five_figures_has_no_match_mode() -> None:
    """Its first figure match shows three of the five figures, so a second one would pair a
    figure already shown: the mode is hidden, with a warning, and its figures are still asked."""
    five = "\n".join(ALIKE_PACK.splitlines()[:10]) + "\n"
    pack = load_pack_text(five, "five.yaml")
    assert len(pack.metrics) == 5
    assert "match" not in available_modes(pack) and "choice" in available_modes(pack)
    assert any("match mode is hidden" in warning for warning in kind_warnings(pack))
    with pytest.raises(RoundError):
        generate_round(pack, "match", 3, 1)
    asked: Counter[str] = Counter()
    for seed in range(1, 30):
        questions = generate_round(pack, "quick", 10, seed)
        assert sum(q.kind == "match" for q in questions) <= 1
        asked.update(f for q in questions for f in q.facts)
    assert set(asked) == {m.id for m in pack.metrics}


@pytest.mark.parametrize("which", ["spans", "zh", "en"])
def test_the_undated_items_beyond_a_date_as_the_plain_definition_gives_them(
    which: str, pack_zh: Pack, pack_en: Pack
) -> None:
    """ "Which happened before (after) D" draws from the undated items wholly on the far side:
    the timeline's indexes by start and by end give exactly the plain filter's items, in its
    order, even where years and months overlap and long spans reach far."""
    events = []
    for i in range(60):
        year = 2000 + i // 4
        date = str(year - 5 * (i % 9 == 0)) if i % 4 == 0 else f"{year}-{(i % 4) * 3:02d}"
        title = f"Happening {i}" if i % 7 else f"Happening {i} of {year}"
        events.append({"id": f"e{i}", "date": date, "title": title})
    spans = {"id": "spans", "title": "Spans", "language": "en", "events": events}
    packs = {"zh": pack_zh, "en": pack_en}
    pack = packs.get(which) or load_pack_text(yaml.safe_dump(spans), "spans.yaml")
    views = PackFacts(pack)
    timeline = views.timeline
    for item in timeline:
        after = [d for d in timeline if d.start > item.end and d.undated]
        before = [d for d in reversed(timeline) if d.end < item.start and d.undated]
        assert list(views.undated_beyond(item, before=True)) == after
        assert views.count_undated_beyond(item, before=True) == len(after)
        assert list(views.undated_beyond(item, before=False)) == before
        assert views.count_undated_beyond(item, before=False) == len(before)


@pytest.mark.parametrize("n", [1, 2, 7, 8, 23, 45])
def test_consecutive_seeds_start_their_walks_at_different_places(n: int) -> None:
    """Any n seeds in a row start a walk in turns (the pack's own questions a quick round
    deals) at n different places: a class's rounds lead with each once before any comes
    back."""
    for first in (0, 1, 21, 999_990):
        starts = {Walk(n, seed, turns=True)[0] for seed in range(first, first + n)}
        assert starts == set(range(n))
        for turns in (True, False):
            walk = Walk(n, first, turns=turns)
            assert sorted(walk[i] for i in range(n)) == list(range(n))


def test_the_sequence_forms_ask_around_the_whole_sequence(packs: dict[str, Pack]) -> None:
    """`next` and `previous` come in quick rounds, on items across the sequence."""
    asked = Counter(
        (question.id.split("-")[1], question.facts[0])
        for seed in range(1, 61)
        for question in generate_round(packs["en"], "quick", 10, seed)
        if question.id.startswith(("choice-next-", "choice-previous-"))
    )
    assert {form for form, _ in asked} == {"next", "previous"}
    assert len({anchor for _, anchor in asked}) >= 4


def test_a_pack_of_two_metrics_is_told_it_needs_three() -> None:
    """Two metrics give two estimates, fewer than a round's three: the warning says so."""
    two = (
        "id: two\ntitle: Two\nlanguage: en\nmetrics:\n"
        "  - {id: m1, label: Moon distance, value: 384400, unit: km}\n"
        "  - {id: m2, label: Earth radius, value: 6371, unit: km}\n"
    )
    warnings = kind_warnings(load_pack_text(two, "two.yaml"))
    estimate = next(warning for warning in warnings if "estimate mode is hidden" in warning)
    assert "three metrics" in estimate


def test_a_round_pauses_the_collector_and_gives_it_back(
    pack_en: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector is off while a round is drawn (in the main thread) and as it was after,
    also when the round cannot be made; a collector already off stays off."""
    import gc
    import threading

    import ali_quiz.quiz.generate as generate

    seen: list[bool] = []
    draw = generate._draw

    def spy(*args: Any) -> list[Any]:
        seen.append(gc.isenabled())
        return draw(*args)

    monkeypatch.setattr(generate, "_draw", spy)
    assert gc.isenabled()
    assert generate_round(pack_en, "quick", 3, 1)
    assert seen == [False] and gc.isenabled()
    with pytest.raises(RoundError):
        generate_round(pack_en, "review", 3, 1, weights={"no-such-fact": 1.0})
    assert gc.isenabled()
    gc.disable()
    try:
        generate_round(pack_en, "quick", 3, 2)
        assert not gc.isenabled()
    finally:
        gc.enable()
    worker = threading.Thread(target=generate_round, args=(pack_en, "quick", 3, 3))
    worker.start()
    worker.join()
    assert seen[-1] is True and gc.isenabled()  # a worker's round leaves the collector be


NEGATIVE_PACK = """id: neg
title: Negative figures
language: en
metrics:
  - {id: pole, label: Temperature at the pole, value: -40, unit: degrees}
  - {id: lake, label: Temperature of the lake, value: 12, unit: degrees}
  - {id: sea, label: Temperature of the sea, value: 18, unit: degrees}
  - {id: sand, label: Temperature of the sand, value: 35, unit: degrees}
"""


def test_a_figure_below_zero_is_never_estimated_and_its_author_is_told() -> None:
    """The log score needs a positive answer: -40 would be right only typed exactly."""
    pack = load_pack_text(NEGATIVE_PACK, "neg.yaml")
    asked = {
        fact
        for seed in range(1, 30)
        for question in generate_round(pack, "estimate", 3, seed)
        for fact in question.facts
    }
    assert asked == {"lake", "sea", "sand"}
    assert any("pole (-40) is below zero" in w for w in kind_warnings(pack))


@settings(deadline=None, max_examples=30)
@given(left_out=st.sets(st.integers(0, 60)), anchor=st.integers(0, 39))
def test_a_units_figures_cut_around_those_left_out_are_the_plain_filter(
    left_out: set[int], anchor: int
) -> None:
    """FigureViews.estimable_but (a unit of thousands cut around a round's few facts) gives
    what testing each figure gives, in the same order, whatever is left out (of that unit,
    another unit, or no figure at all)."""
    lines = ["id: cut\ntitle: Cut\nlanguage: en\nmetrics:"]
    lines += [
        f"  - {{id: m{i}, label: L{i}, value: {i * 7 % 40 + 11}.5, unit: u}}" for i in range(40)
    ]
    lines += [f"  - {{id: k{i}, label: K{i}, value: {i + 11}.5, unit: v}}" for i in range(5)]
    facts = facts_of(load_pack_text("\n".join(lines) + "\n", "cut.yaml"))
    metric = facts.metrics_by_id[f"m{anchor}"]
    ids = {f"m{i}" if i < 40 else f"k{i % 5}" if i < 50 else f"x{i}" for i in left_out}
    plain = [m for m in facts.estimable_by_unit["u"] if m.id != metric.id and m.id not in ids]
    assert facts.estimable_but(metric, ids) == plain
    assert facts.estimable_but(metric, frozenset(facts.metrics_by_id) | ids) == []
