"""The pack loader against good and bad packs: every error class, located by line and column."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ali_quiz.packs import yamlnodes
from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.loader import load_pack, load_pack_bytes, load_pack_text
from ali_quiz.packs.model import Pack, pack_to_json
from ali_quiz.packs.problems import PackError, Problem
from ali_quiz.quiz.generate import kind_warnings
from conftest import FIXTURES, QUESTIONS

PACKS = FIXTURES / "packs"
BASE = "id: t\ntitle: T\nlanguage: en\n"  # three lines: what follows starts on line 4


def problems(text: str) -> list[tuple[int, int, str]]:
    """The located problems of a pack text that must not load."""
    with pytest.raises(PackError) as raised:
        load_pack_text(text, "x.yaml")
    return [(p.line, p.column, p.message) for p in raised.value.problems]


def problems_of_bytes(data: bytes) -> list[tuple[int, int, str]]:
    with pytest.raises(PackError) as raised:
        load_pack_bytes(data, "x.yaml")
    return [(p.line, p.column, p.message) for p in raised.value.problems]


def assert_located(found: list[tuple[int, int, str]], *expected: tuple[int, int, str]) -> None:
    """Exactly these problems in order, each at (line, column), its message holding the text."""
    assert [(line, column) for line, column, _ in found] == [(e[0], e[1]) for e in expected], found
    for (_, _, message), (_, _, fragment) in zip(found, expected, strict=True):
        assert fragment in message, (fragment, message)


# -- a good pack ---------------------------------------------------------------------------------


def test_good_pack_loads_every_field() -> None:
    pack = load_pack(PACKS / "good.yaml")
    assert (pack.id, pack.title, pack.language) == ("good-pack", "Every field", "en")
    assert (pack.author, pack.version, pack.description) == (
        "Test Author",
        "2",
        "One of everything.",
    )
    assert pack.path == PACKS / "good.yaml"
    assert pack.counts() == {
        "events": 3,
        "states": 0,
        "versions": 2,
        "metrics": 4,
        "sequences": 1,
        "questions": 7,
    }
    events = {e.id: e for e in pack.events}
    assert events["ev-year"].date == PartialDate(2017)
    assert events["ev-month"].date == PartialDate(2016, 9)
    assert events["ev-day"].date == PartialDate(2015, 1, 16)
    assert events["ev-month"].detail == "a detail"
    assert events["ev-month"].source_en == "Translated."
    assert events["ev-day"].source is None
    versions = {v.id: v for v in pack.versions}
    assert versions["v-1"].version == "1.0"  # stays text: YAML would read 1.0 as a float
    assert versions["v-1"].date == PartialDate(2014, 12, 1)
    assert versions["v-2"].date is None
    assert versions["v-2"].highlights == ("second", "faster")
    assert versions["v-2"].title == "Widget 2.0「Blue」"
    metrics = {m.id: m for m in pack.metrics}
    assert metrics["m-people"].value == 76_102_000
    assert metrics["m-people"].written == "7610.2萬"
    assert metrics["m-people"].tolerance == 0.1
    assert metrics["m-people"].as_of == PartialDate(2020, 1)
    assert metrics["m-people-other"].value == 200_000_000
    assert metrics["m-people-other"].effective_tolerance == 0.05
    assert metrics["m-share"].value == 6 and metrics["m-share"].unit == "%"
    assert metrics["m-score"].value == 3.8
    # `alike` named on one side holds on both.
    assert metrics["m-people"].alike == {"m-people-other"}
    assert metrics["m-people-other"].alike == {"m-people"}
    (sequence,) = pack.sequences
    assert [(i.id, i.rank) for i in sequence.items] == [
        ("s-a", 1),
        ("s-b", 2),
        ("s-c", 2),
        ("s-d", 3),
    ]
    assert sequence.item_explanation(sequence.items[3]) == "then d"
    assert sequence.item_explanation(sequence.items[0]) == "First a, then b and c together, then d."
    questions = {q.id: q for q in pack.questions}
    assert [o.weight for o in questions["q-choice"].options] == [100, 0]
    assert not questions["q-choice"].weighted
    assert questions["q-choice"].facts == ("ev-year",)
    weighted = questions["q-weighted"]
    assert weighted.weighted and [o.weight for o in weighted.options] == [100, 50, -25]
    assert weighted.max_points == 50
    assert questions["q-order"].items == ("one", "two", "three")
    assert [(p.left, p.right) for p in questions["q-match"].pairs] == [
        ("l1", "r1"),
        ("l2", "r2"),
        ("l3", "r3"),
    ]
    assert questions["q-match"].decoys == ("r4",)
    estimate = questions["q-estimate"]
    assert (estimate.answer, estimate.answer_written, estimate.unit, estimate.tolerance) == (
        200_000_000,
        "2 億",
        "people",
        0.2,
    )
    assert questions["q-band"].range == (150, 160)
    assert questions["q-text"].accepted == ("Bayan Har", "巴顏喀拉")
    assert questions["q-text"].explanation == "Because."
    # Four dated facts and a match of its own give two matches: a date once told is not
    # matched again, so a round of three matches needs more (docs/questions.md).
    (warning,) = kind_warnings(pack)
    assert warning.startswith("too few facts for match questions")


@pytest.mark.parametrize("name", ["dingtalk-2020.yaml", "dingtalk-2020-en.yaml"])
def test_builtin_packs_load_without_warnings(name: str) -> None:
    pack = load_pack(QUESTIONS / name)
    assert pack.builtin
    assert kind_warnings(pack) == []
    assert pack.events and pack.versions and pack.metrics and pack.sequences and pack.questions


def test_builtin_editions_share_fact_ids(pack_zh: Pack, pack_en: Pack) -> None:
    assert set(pack_zh.fact_explanations()) == set(pack_en.fact_explanations())


def test_starter_pack_loads_without_warnings(pack_starter: Pack) -> None:
    assert kind_warnings(pack_starter) == []


def test_byte_order_mark_and_crlf_are_fine() -> None:
    text = BASE + "events:\n  - {id: a, date: 2020, title: x}\n"
    pack = load_pack_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "x.yaml")
    assert pack.events[0].title == "x"


def test_quoted_null_is_text_and_plain_null_is_nothing() -> None:
    text = BASE + "events:\n  - {id: a, date: 2020, title: 'null', detail: ~}\n"
    event = load_pack_text(text, "x.yaml").events[0]
    assert (event.title, event.detail) == ("null", None)


THREE_FIGURES = (
    "metrics:\n"
    "  - {id: a, label: A, value: 2000, unit: u}\n"
    "  - {id: b, label: B, value: 5000, unit: v}\n"
    "  - {id: c, label: C, value: 90, unit: w}\n"
)


def test_a_pack_with_too_few_facts_is_valid_with_warnings() -> None:
    pack = load_pack_text(BASE + THREE_FIGURES, "x")
    warnings = kind_warnings(pack)
    kinds_warned = {w.split(" questions")[0].rsplit(" ", 1)[-1] for w in warnings}
    assert kinds_warned == {"order", "match", "choice"}


def test_a_mode_that_cannot_give_three_questions_is_hidden() -> None:
    pack = load_pack_text(BASE + "metrics:\n  - {id: m, label: L, value: 2000, unit: u}\n", "x")
    kinds_warned = {w.split(" questions")[0].rsplit(" ", 1)[-1] for w in kind_warnings(pack)}
    assert kinds_warned == {"order", "match", "choice", "estimate"}


def test_a_small_number_is_a_choice_not_an_estimate() -> None:
    """A count under 10 is asked among nearby values: log scoring would give 2 for 1 nothing."""
    text = THREE_FIGURES.replace("2000", "2").replace("5000", "3").replace("90", "4")
    pack = load_pack_text(BASE + text, "x")
    kinds_warned = {w.split(" questions")[0].rsplit(" ", 1)[-1] for w in kind_warnings(pack)}
    assert kinds_warned == {"order", "match", "estimate"}


STATES = """\
states:
  - id: still-top
    as_of: 2020-02-28
    title: Still first on the chart
    detail: As of 28 February
    ask: As of which date was it still first?
    source: Still first.
    source_en: Still first (translated).
events:
  - {id: e, date: 2020-02-05, title: First on the chart, ask: When was it first?}
"""


def test_states_and_ask_load() -> None:
    pack = load_pack_text(BASE + STATES, "x.yaml")
    (state,) = pack.states
    assert (state.id, state.as_of, state.title, state.detail) == (
        "still-top",
        PartialDate(2020, 2, 28),
        "Still first on the chart",
        "As of 28 February",
    )
    assert state.ask == "As of which date was it still first?"
    assert pack.events[0].ask == "When was it first?"
    assert pack.counts()["states"] == 1
    exported = pack_to_json(pack)
    assert exported["states"] == [
        {
            "id": "still-top",
            "as_of": "2020-02-28",
            "title": "Still first on the chart",
            "detail": "As of 28 February",
            "source": "Still first.",
            "source_en": "Still first (translated).",
            "ask": "As of which date was it still first?",
        }
    ]
    assert exported["events"][0]["ask"] == "When was it first?"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("states:\n  - {id: s, title: T}\n", "needs `as_of:`"),
        ("states:\n  - {id: s, as_of: 2020-13, title: T}\n", "as_of"),
        ("states:\n  - {id: s, as_of: 2020, title: T, date: 2020}\n", "unknown key"),
    ],
)
def test_a_broken_state_is_located(text: str, message: str) -> None:
    with pytest.raises(PackError, match=re.escape(message)):
        load_pack_text(BASE + text, "x.yaml")


# -- each class of mistake, with its line and column ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2020\n   title: x\n",
            [(7, 4, "YAML syntax error")],
            id="syntax-indent",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2020\n    title: x: y\n",
            [(7, 13, "YAML syntax error: mapping values are not allowed")],
            id="syntax-colon",
        ),
        pytest.param(
            'id: t\ntitle: "no closing quote\nlanguage: en\n',
            [(2, 8, "YAML syntax error")],
            id="syntax-unclosed-quote",
        ),
        pytest.param(
            # Located at the `[` left open, not where PyYAML noticed (5:1); one problem.
            BASE + "events: [{id: a, date: 2020, title: x}\n",
            [(4, 9, "did not find expected ',' or ']'")],
            id="syntax-unclosed-bracket",
        ),
        pytest.param(
            BASE + "events:\n\t- id: a\n",
            [(5, 1, "tab used for indentation")],
            id="tab-line-start",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n  \tdate: 2020\n",
            [(6, 3, "tab used for indentation")],
            id="tab-after-spaces",
        ),
        pytest.param(
            BASE + "evnets:\n  - {id: a, date: 2020, title: x}\n",
            [
                # The list is under a key the loader does not know, so the pack has no facts.
                (1, 1, "the pack has no facts and no questions"),
                (4, 1, "unknown key 'evnets' in the pack (did you mean 'events'?)"),
            ],
            id="unknown-top-key",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2020\n    titel: x\n",
            [
                (5, 5, "event 1 needs `title:`"),
                (7, 5, "unknown key 'titel' in event 1 (did you mean 'title'?)"),
            ],
            id="unknown-key-did-you-mean",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2020\n    colour: x\n    title: y\n",
            [(7, 5, "unknown key 'colour' in event 1")],
            id="unknown-key-no-suggestion",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2020\n",
            [(5, 5, "event 1 needs `title:`")],
            id="missing-field",
        ),
        pytest.param(
            "title: T\nlanguage: en\nevents:\n  - {id: a, date: 2020, title: x}\n",
            [(1, 1, "the pack needs `id:`")],
            id="missing-pack-id",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    title: x\n",
            [(5, 5, "event 1 needs `date:`")],
            id="missing-date",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2020\n    title: [a, b]\n",
            [(7, 12, "`title` of event 1 must be text, not a list or mapping")],
            id="list-where-text",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2020\n    title: {a: b}\n",
            [(7, 12, "`title` of event 1 must be text")],
            id="mapping-where-text",
        ),
        pytest.param(
            BASE + "events: hello\n",
            [(4, 9, "events must be a list")],
            id="text-where-list",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2020/01\n    title: x\n",
            [(6, 11, "'2020/01' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")],
            id="malformed-date",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2019-02-30\n    title: x\n",
            [(6, 11, "2019-02 has no day 30 (it has 28 days)")],
            id="impossible-date",
        ),
        pytest.param(
            BASE + "events:\n  - id: a\n    date: 2020-13\n    title: x\n",
            [(6, 11, "there is no month 13")],
            id="impossible-month",
        ),
        pytest.param(
            BASE + "metrics:\n  - id: m\n    label: L\n    value: 2xyz\n    unit: u\n",
            [(7, 12, "`value` of metric 1: Cannot read '2xyz' as a number")],
            id="malformed-number",
        ),
        pytest.param(
            BASE + "metrics:\n  - {id: m, label: L, value: 1, unit: u, tolerance: lots}\n",
            [(5, 53, "`tolerance` of metric 1")],
            id="malformed-tolerance",
        ),
        pytest.param(
            BASE + "metrics:\n  - {id: m, label: L, value: 6%, unit: people}\n",
            [(5, 30, "written as a percentage: its unit must be %")],
            id="percent-with-another-unit",
        ),
        pytest.param(
            BASE + "events:\n"
            "  - id: a\n    date: 2020\n    title: x\n"
            "  - id: a\n    date: 2021\n    title: y\n",
            [(8, 9, "duplicate id 'a' (first used on line 5)")],
            id="duplicate-id",
        ),
        pytest.param(
            BASE + "events:\n  - {id: a, date: 2020, title: x}\n"
            "sequences:\n  - id: s\n    title: S\n    items:\n"
            "      - {id: a, text: A, rank: 1}\n      - {id: b, text: B, rank: 2}\n",
            [(10, 14, "duplicate id 'a' (first used on line 5)")],
            id="duplicate-id-across-kinds",
        ),
        pytest.param(
            BASE + "questions:\n  - id: q\n    kind: text\n    prompt: p\n"
            "    facts: [nope]\n    accepted: [x]\n",
            [(8, 13, "facts of question 1 refers to unknown id 'nope'")],
            id="unknown-fact-reference",
        ),
        pytest.param(
            BASE + "metrics:\n  - {id: m1, label: L, value: 1, unit: u, alike: [m11]}\n",
            [(5, 51, "alike of metric 1 refers to unknown id 'm11' (did you mean 'm1'?)")],
            id="unknown-alike-reference",
        ),
        pytest.param(
            BASE + "events:\n  - {id: e, date: 2020, title: x}\n"
            "metrics:\n  - {id: m, label: L, value: 1, unit: u, alike: [e]}\n",
            [(7, 50, "alike of metric 1: 'e' is not a metric")],
            id="alike-not-a-metric",
        ),
        pytest.param(
            BASE + "questions:\n  - id: q\n    kind: essay\n    prompt: p\n",
            [(6, 11, "unknown kind 'essay' of question 1: use one of choice, order, match")],
            id="bad-kind",
        ),
        pytest.param(
            BASE + "questions:\n  - id: q\n    kind: chioce\n    prompt: p\n",
            [(6, 11, "(did you mean 'choice'?)")],
            id="bad-kind-did-you-mean",
        ),
        pytest.param(
            BASE + "questions:\n  - id: q\n    kind: order\n    prompt: p\n    items: [a, b]\n",
            [(8, 5, "an order question holds 3 to 6 items; question 1 has 2")],
            id="order-with-two-items",
        ),
        pytest.param(
            BASE + "questions:\n  - id: q\n    kind: order\n    prompt: p\n"
            "    items: [a, b, c, d, e, f, g]\n",
            [(8, 5, "an order question holds 3 to 6 items; question 1 has 7")],
            id="order-with-seven-items",
        ),
        pytest.param(
            BASE + "questions:\n  - id: q\n    kind: match\n    prompt: p\n"
            "    pairs: [{left: a, right: b}, {left: c, right: d}]\n",
            [(8, 5, "a match question holds 3 to 10 pairs; question 1 has 2")],
            id="match-with-two-pairs",
        ),
        pytest.param(
            BASE + "questions:\n  - id: q\n    kind: choice\n    prompt: p\n"
            "    options: [{text: a, correct: true}]\n",
            [(8, 5, "a choice question holds 2 to 10 options; question 1 has 1")],
            id="choice-with-one-option",
        ),
        pytest.param(
            BASE + "questions:\n  - id: q\n    kind: choice\n    prompt: p\n"
            "    options:\n      - {text: a}\n      - {text: b}\n",
            [(8, 5, "question 1 has no right option: mark one with `correct: true`")],
            id="choice-with-no-right-option",
        ),
        pytest.param(
            BASE + "questions:\n  - id: q\n    kind: order\n    prompt: p\n"
            "    items: [a, b, c]\n    options: []\n",
            [(9, 5, "`options` does not belong to an order question")],
            id="key-of-another-kind",
        ),
        pytest.param(
            BASE + "sequences:\n  - id: s\n    title: S\n    items:\n"
            "      - {id: a, text: A, rank: first}\n      - {id: b, text: B, rank: 2}\n",
            [(8, 32, "`rank` of sequence 1, item 1 must be a whole number")],
            id="rank-not-a-number",
        ),
        pytest.param(
            "id: Bad_Id\ntitle: T\nlanguage: en\nevents:\n  - {id: a, date: 2020, title: x}\n",
            [(1, 5, "pack id 'Bad_Id' may use only lowercase letters")],
            id="bad-pack-id",
        ),
        pytest.param(
            BASE,
            [(1, 1, "the pack has no facts and no questions")],
            id="no-facts",
        ),
        pytest.param(
            BASE + "title: U\nevents:\n  - {id: a, date: 2020, title: x}\n",
            [(4, 1, "duplicate key 'title' (first given on line 2)")],
            id="duplicate-key",
        ),
        pytest.param(
            BASE + "events:\n  - &e {id: a, date: 2020, title: x}\n  - <<: *e\n    id: b\n",
            [
                (6, 5, "event 2 needs `date:`"),
                (6, 5, "event 2 needs `title:`"),
                (6, 5, "merge keys (<<) are not supported"),
            ],
            id="merge-key",
        ),
    ],
)
def test_mistake_is_located(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert_located(problems(text), *expected)


def test_a_problem_reads_path_line_column_message() -> None:
    with pytest.raises(PackError) as raised:
        load_pack_text(BASE + "events:\n  - id: a\n    date: 2020\n", "packs/mine.yaml")
    assert str(raised.value) == "packs/mine.yaml:5:5: event 1 needs `title:`"
    assert raised.value.problems[0].to_json() == {
        "path": "packs/mine.yaml",
        "line": 5,
        "column": 5,
        "message": "event 1 needs `title:`",
    }


# -- files that are not YAML packs at all --------------------------------------------------------


def test_not_utf8() -> None:
    assert_located(
        problems_of_bytes(b"id: t\ntitle: caf\xe9\nlanguage: en\n"),
        (2, 11, "not UTF-8 text (byte 0xe9): save the file as UTF-8"),
    )


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-32"])
def test_utf16_and_utf32_read_by_their_byte_order_mark(codec: str) -> None:
    """Windows saves "Unicode" text as UTF-16 with a byte order mark (YAML allows it): it was
    refused as a binary file."""
    text = "id: t\ntitle: 釘釘\nlanguage: zh-Hant\nevents: []\n"
    data = ("\ufeff" + text if codec == "utf-16-le" else text).encode(codec)
    assert problems_of_bytes(data) == problems_of_bytes(text.encode("utf-8"))


def test_utf16_without_a_byte_order_mark_is_not_text() -> None:
    found = problems_of_bytes("id: t\n".encode("utf-16-le"))
    assert len(found) == 1 and found[0][:2] == (1, 1)


def test_a_bad_byte_is_placed_by_characters_not_bytes() -> None:
    assert_located(
        problems_of_bytes("id: t\ntitle: 釘釘\xe9".encode()[:-2] + b"\xe9\n"),
        (2, 10, "not UTF-8 text (byte 0xe9): save the file as UTF-8"),
    )


@pytest.mark.parametrize("data", [b"", b"\n\n   \n", b"# only a comment\n# and another\n"])
def test_empty(data: bytes) -> None:
    assert_located(problems_of_bytes(data), (1, 1, "empty file"))


def test_explicit_null_document_is_not_a_pack() -> None:
    assert_located(problems("~\n"), (1, 1, "a pack must be a mapping"))


def test_binary() -> None:
    data = b"id: t\ntitle: T\n\x00\x01\x02\x89PNG"
    assert_located(problems_of_bytes(data), (1, 1, "binary file"))


def test_over_the_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    text = BASE + "events:\n  - {id: a, date: 2020, title: x}\n"
    assert load_pack_text(text, "x")  # fine under the real limit
    monkeypatch.setattr(yamlnodes, "MAX_BYTES", 50)
    found = problems_of_bytes(text.encode())
    assert_located(found, (1, 1, "file too large"))


def test_size_limit_is_the_contracts_8_mib() -> None:
    assert yamlnodes.MAX_BYTES == 8 * 1024 * 1024


def test_billion_laughs() -> None:
    lines = [BASE.rstrip("\n"), "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        name, previous = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    # Ten to the tenth values once expanded: refused at the anchor that grows past the limit.
    found = problems("\n".join(lines) + "\n")
    assert len(found) == 1
    line, column, message = found[0]
    assert "alias bomb" in message
    assert 5 <= line <= 13 and column >= 1


def test_aliases_within_the_limit_are_fine() -> None:
    text = (
        BASE + "events:\n  - &e {id: a, date: 2020, title: x}\n  - {id: b, date: 2021, title: x}\n"
    )
    text += "versions:\n  - {id: v, product: P, version: '1', highlights: &h [one, two]}\n"
    text += "  - {id: w, product: P, version: '2', highlights: *h}\n"
    pack = load_pack_text(text, "x")
    assert pack.versions[1].highlights == ("one", "two")


def test_recursive_alias() -> None:
    found = problems(BASE + "events: &a\n  - *a\n")
    assert (4, 9, "an alias refers to itself (a loop)") in found
    assert all(line == 4 for line, _, _ in found)


def test_recursive_alias_in_a_mapping() -> None:
    found = problems(
        BASE + "events:\n  - &e\n    id: a\n    date: 2020\n    title: x\n    me: *e\n"
    )
    # Located at the anchor: the composed nodes do not keep where each alias stood.
    assert (5, 5, "an alias refers to itself (a loop)") in found


def test_undefined_alias() -> None:
    assert_located(problems("id: t\ntitle: *nope\nlanguage: en\n"), (2, 8, "undefined alias"))


def test_multiple_documents() -> None:
    assert_located(
        problems(BASE + "events:\n  - {id: a, date: 2020, title: x}\n---\n" + BASE),
        (6, 1, "another document"),
    )


@pytest.mark.parametrize("text", ["- a\n- b\n", "just a sentence\n", "[id, title]\n"])
def test_top_level_must_be_a_mapping(text: str) -> None:
    assert_located(problems(text), (1, 1, "a pack must be a mapping of `key: value` lines"))


def test_python_tags_are_not_executed() -> None:
    text = BASE + "events:\n  - {id: a, date: 2020, title: !!python/object/apply:os.getcwd []}\n"
    found = problems(text)
    assert found and "must be text" in found[0][2]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    for target, fragment in ((tmp_path / "none.yaml", "no such file"), (tmp_path, "folder")):
        with pytest.raises(PackError) as raised:
            load_pack(target)
        assert raised.value.problems == [
            Problem(str(target), 1, 1, raised.value.problems[0].message)
        ]
        assert fragment in raised.value.problems[0].message


# -- one run reports every problem ---------------------------------------------------------------

TEN_MISTAKES = [
    (6, 1, "unknown key 'descripton' in the pack (did you mean 'description'?)"),
    (11, 5, "event 2 needs `title:`"),
    (15, 12, "`title` of event 3 must be text"),
    (17, 11, "'2020/05' is not a date"),
    (20, 11, "2019-02 has no day 30"),
    (22, 9, "duplicate id 'e-ok' (first used on line 8)"),
    (28, 12, "Cannot read '2xyz' as a number"),
    (34, 13, "refers to unknown id 'e-okk' (did you mean 'e-ok'?)"),
    (37, 11, "unknown kind 'essay'"),
    (42, 5, "an order question holds 3 to 6 items; question 3 has 2"),
]


def test_ten_mistakes_give_ten_located_problems() -> None:
    path = PACKS / "ten-mistakes.yaml"
    with pytest.raises(PackError) as raised:
        load_pack(path)
    found = [(p.line, p.column, p.message) for p in raised.value.problems]
    assert_located(found, *TEN_MISTAKES)
    assert all(p.path == str(path) for p in raised.value.problems)
    # Each is on the line its comment in the file names.
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, (line, _, _) in enumerate(TEN_MISTAKES, start=1):
        assert f"# {number}:" in lines[line - 1], (number, lines[line - 1])


# -- a large pack --------------------------------------------------------------------------------


@pytest.mark.slow  # builds and parses a 1.5 MB pack: seconds of CPU
def test_a_14000_fact_pack_loads(tmp_path: Path) -> None:
    parts = ["id: big-pack\ntitle: Big\nlanguage: en\nevents:\n"]
    for n in range(6000):
        parts.append(
            f"  - id: e{n}\n    date: {1000 + n // 12:04d}-{n % 12 + 1:02d}\n"
            f"    title: Event number {n}\n"
            f'    source: "Sentence {n} of a long article, with enough words to be realistic."\n'
        )
    parts.append("versions:\n")
    for n in range(3000):
        parts.append(
            f"  - id: v{n}\n    product: Product\n    version: '{n}.0'\n"
            f"    date: {1000 + n // 4:04d}\n    highlights: [feature {n}, fix {n}]\n"
        )
    parts.append("metrics:\n")
    for n in range(4000):
        parts.append(
            f"  - id: m{n}\n    label: Figure {n}\n    value: {n + 1}.5萬\n    unit: people\n"
        )
    parts.append("sequences:\n  - id: seq\n    title: Long order\n    items:\n")
    for n in range(1000):
        parts.append(f"      - {{id: s{n}, text: Item {n}, rank: {n + 1}}}\n")
    path = tmp_path / "big.yaml"
    path.write_text("".join(parts), encoding="utf-8")
    assert path.stat().st_size > 1_500_000
    pack = load_pack(path)
    counts = pack.counts()
    assert counts["events"] + counts["versions"] + counts["metrics"] == 13_000
    assert len(pack.sequences[0].items) == 1000
    assert pack.metrics[-1].value == 40_005_000
    assert kind_warnings(pack) == []


@given(day=st.dates(), precision=st.sampled_from(["year", "month", "day"]))
def test_a_partial_date_spans_the_days_datetime_counts(day: date, precision: str) -> None:
    """Ordinals are counted without making dates: the same days `date.toordinal()` gives."""
    if precision == "year":
        partial, first, last = PartialDate(day.year), date(day.year, 1, 1), date(day.year, 12, 31)
    elif precision == "month":
        partial, first = PartialDate(day.year, day.month), day.replace(day=1)
        after = date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)
        last = after - timedelta(days=1) if day.year < 9999 or day.month < 12 else date.max
    else:
        partial, first, last = PartialDate(day.year, day.month, day.day), day, day
    assert partial.ordinals() == (first.toordinal(), last.toordinal())
    assert (partial.first_day(), partial.last_day()) == (first, last)


@pytest.mark.parametrize("year", [1, 4, 100, 400, 1900, 2000, 2020, 2021, 2100, 9999])
def test_ordinals_count_leap_days_as_datetime_does(year: int) -> None:
    for month in range(1, 13):
        first = date(year, month, 1).toordinal()
        assert PartialDate(year, month).ordinals()[0] == first
        assert PartialDate(year, month, 1).ordinals() == (first, first)
    assert PartialDate(year).ordinals() == (
        date(year, 1, 1).toordinal(),
        date(year, 12, 31).toordinal(),
    )


@pytest.mark.parametrize(
    "partial",
    [PartialDate(2021, 2, 29), PartialDate(2020, 4, 31), PartialDate(2020, 13), PartialDate(0)],
)
def test_ordinals_of_a_day_that_does_not_exist_say_so(partial: PartialDate) -> None:
    """Built by hand, never by the loader (which refuses such dates): datetime's error."""
    with pytest.raises(ValueError):
        partial.ordinals()
