"""The loader on anything: a Pack or a PackError, never another exception (hypothesis)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ali_quiz.packs.authored import ALL_QUESTION_KEYS, OPTION_KEYS, PAIR_KEYS
from ali_quiz.packs.loader import (
    EVENT_KEYS,
    ITEM_KEYS,
    METRIC_KEYS,
    TOP_KEYS,
    VERSION_KEYS,
    load_pack_bytes,
    load_pack_text,
)
from ali_quiz.packs.model import Pack
from ali_quiz.packs.problems import PackError

# Long fuzzing: run by .ci/run, left out by `pytest -m 'not slow'`.
pytestmark = pytest.mark.slow

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _dump(document: Any, **options: Any) -> str:
    """YAML text of a document, with the C emitter when there is one (the Python one is slow)."""
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(document, Dumper=dumper, **options)  # type: ignore[no-any-return]


# The structured strategies cost more per example than raw bytes or text.
STRUCTURED = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HEADER = "id: fuzz\ntitle: Fuzz\nlanguage: en\n"


def _outcome(load: Any, data: Any) -> Pack | PackError:
    """Load and return the Pack or the PackError; any other exception fails the test."""
    try:
        return load(data, "fuzz.yaml")  # type: ignore[no-any-return]
    except PackError as err:
        # Every problem is located inside the file (lines and columns count from 1).
        assert err.problems, "a PackError must carry at least one problem"
        for problem in err.problems:
            assert problem.line >= 1 and problem.column >= 1, problem
            assert problem.message.strip(), problem
        return err


@FUZZ
@given(st.binary(max_size=2000))
@example(b"")
@example(b"\x00")
@example(b"\xff\xfe\x00i\x00d")
@example(b"id: a\n\xe9\n")
@example(b"\xef\xbb\xbf")
@example(b"&a [*a]")
@example(b"- &a [*a, *a]\n")
@example(b"!!python/object/apply:os.system ['true']")
def test_any_bytes(data: bytes) -> None:
    _outcome(load_pack_bytes, data)


@FUZZ
@given(st.text(max_size=2000))
@example("\t")
@example("id: x\n\ttitle: y\n")
@example("%YAML 1.1\n---\nid: x\n")
@example("--- a\n--- b\n")
@example("? [a]\n: b\n")
@example("id: !!binary aGVsbG8=\n")
@example("\ud800")
@example("[" * 2000)
@example("- " * 1000 + "x")
@example("{a: " * 500)
@example("id: t\ntitle: T\nlanguage: en\nevents: &e\n  - *e\n")
def test_any_text(text: str) -> None:
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates cannot be in a file: load the text as given
        _outcome(load_pack_text, text)
        return
    _outcome(load_pack_bytes, data)
    _outcome(load_pack_text, text)


@FUZZ
@given(
    st.text(
        alphabet=st.sampled_from(list("id:tle-[]{},&*!|>'\"#\n\t 0123456789aé萬")), max_size=300
    )
)
def test_yaml_punctuation_soup(text: str) -> None:
    """Text made mostly of YAML's own punctuation reaches the parser's corners more often."""
    _outcome(load_pack_text, HEADER + text)


# -- structured: YAML that parses, with the pack's own keys and values of every shape ------------

KEYS = sorted(
    set(
        TOP_KEYS
        + EVENT_KEYS
        + VERSION_KEYS
        + METRIC_KEYS
        + ITEM_KEYS
        + ALL_QUESTION_KEYS
        + OPTION_KEYS
        + PAIR_KEYS
        + ("kind", "rank", "date", "x", "<<")
    )
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(
        [
            "2020",
            "2019-02-30",
            "2016-09",
            "2億",
            "7610.2萬",
            "6%",
            "3.8",
            "2xyz",
            "choice",
            "order",
            "match",
            "estimate",
            "text",
            "essay",
            "true",
            "~",
            "",
            "a",
            "b",
            "c",
            "e1",
            "m1",
            "dingtalk-2020",
        ]
    ),
    st.text(max_size=20),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.sampled_from(KEYS), children, max_size=6),
    ),
    max_leaves=10,
)
FACT = st.dictionaries(st.sampled_from(KEYS), SCALARS | VALUES, max_size=6)


@STRUCTURED
@given(
    st.fixed_dictionaries(
        {
            "id": st.sampled_from(["fuzz", "Bad Id", ""]),
            "title": SCALARS,
            "language": st.sampled_from(["en", "zh-Hant", "x!", ""]),
        },
        optional={
            "events": st.lists(FACT, max_size=3),
            "versions": st.lists(FACT, max_size=3),
            "metrics": st.lists(FACT, max_size=3),
            "sequences": st.lists(
                st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=5)
                | st.fixed_dictionaries(
                    {"id": SCALARS, "title": SCALARS, "items": st.lists(FACT, max_size=4)}
                ),
                max_size=2,
            ),
            "questions": st.lists(FACT, max_size=3),
            "extra": VALUES,
        },
    )
)
def test_structured_packs(document: dict[str, Any]) -> None:
    text = _dump(document, allow_unicode=True, sort_keys=False)
    _outcome(load_pack_text, text)


@STRUCTURED
@given(VALUES)
def test_any_yaml_document(document: Any) -> None:
    _outcome(load_pack_text, _dump(document, allow_unicode=True))


PAYLOADS = {
    "choice": st.fixed_dictionaries(
        {
            "options": st.lists(
                st.fixed_dictionaries(
                    {"text": SCALARS}, optional={"correct": SCALARS, "weight": SCALARS}
                ),
                max_size=7,
            )
        }
    ),
    "order": st.fixed_dictionaries({"items": st.lists(SCALARS, max_size=7)}),
    "match": st.fixed_dictionaries(
        {"pairs": st.lists(st.fixed_dictionaries({"left": SCALARS, "right": SCALARS}), max_size=6)},
        optional={"decoys": st.lists(SCALARS, max_size=3)},
    ),
    "estimate": st.fixed_dictionaries(
        {},
        optional={
            "answer": SCALARS,
            "unit": SCALARS,
            "tolerance": SCALARS,
            "range": st.lists(SCALARS, max_size=3),
        },
    ),
    "text": st.fixed_dictionaries({"accepted": st.lists(SCALARS, max_size=4) | SCALARS}),
    "essay": st.fixed_dictionaries({}),
}


@STRUCTURED
@given(
    st.sampled_from(sorted(PAYLOADS)).flatmap(
        lambda kind: st.tuples(
            st.just(kind),
            PAYLOADS[kind],
            st.dictionaries(st.sampled_from(KEYS), VALUES, max_size=2),
        )
    )
)
def test_structured_questions(case: tuple[str, dict[str, Any], dict[str, Any]]) -> None:
    """Questions that look nearly right: every kind, with its own fields filled in randomly."""
    kind, payload, extra = case
    question = {**extra, "id": "q", "kind": kind, "prompt": "p", **payload}
    document = {"id": "fuzz", "title": "Fuzz", "language": "en", "questions": [question]}
    result = _outcome(load_pack_text, _dump(document, allow_unicode=True))
    if isinstance(result, Pack):
        # A loaded pack is usable: generation over it does not fail either.
        from ali_quiz.quiz.generate import available_modes, generate_round

        for mode in available_modes(result):
            generate_round(result, mode, 3, 1)


# -- nearly valid packs: most load, so generation gets fuzzed over them too -------------------

FACT_IDS = st.sampled_from([f"f{n}" for n in range(12)])
TEXTS = st.sampled_from(["alpha", "beta", "gamma", "delta", "釘釘", "來往", "B", "b", " x "])


@st.composite
def partial_dates(draw: st.DrawFn) -> str:
    day = draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
    precision = draw(st.sampled_from([1, 2, 3, 3]))
    return day.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]]


WRITTEN_VALUES = st.one_of(
    st.integers(min_value=0, max_value=10**9).map(str),
    st.sampled_from(
        [
            "2億",
            "7610.2萬",
            "11.51億",
            "97563.8萬",
            "6%",
            "3.8",
            "1000萬",
            "0",
            "-3",
            "12",
            "12.0",
            "200 million",
            "2e8",
        ]
    ),
)
UNITS = st.sampled_from(["people", "人", "%", "points", "years"])


def _event() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": FACT_IDS, "date": partial_dates(), "title": TEXTS},
        optional={"detail": TEXTS, "source": TEXTS},
    )


def _version() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": FACT_IDS, "product": TEXTS, "version": st.sampled_from(["1.0", "2.0", "3", "beta"])},
        optional={
            "date": partial_dates(),
            "codename": TEXTS,
            "highlights": st.lists(TEXTS, min_size=1, max_size=3),
        },
    )


def _metric() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {"id": FACT_IDS, "label": TEXTS, "value": WRITTEN_VALUES, "unit": UNITS},
        optional={
            "as_of": partial_dates(),
            "tolerance": st.sampled_from([0, 0.05, 0.5, 0.99]),
            "alike": st.lists(FACT_IDS, max_size=2),
        },
    )


def _sequence() -> st.SearchStrategy[dict[str, Any]]:
    item = st.fixed_dictionaries(
        {"id": FACT_IDS, "text": TEXTS, "rank": st.integers(min_value=1, max_value=6)}
    )
    return st.fixed_dictionaries(
        {"id": FACT_IDS, "title": TEXTS, "items": st.lists(item, min_size=2, max_size=7)}
    )


def _question() -> st.SearchStrategy[dict[str, Any]]:
    texts = st.lists(TEXTS, unique=True, min_size=2, max_size=6)
    kinds = {
        "choice": texts.flatmap(
            lambda options: st.just(
                {
                    "options": [
                        {"text": t, **({"correct": True} if n == 0 else {})}
                        for n, t in enumerate(options)
                    ]
                }
            )
        ),
        "order": st.fixed_dictionaries(
            {"items": st.lists(TEXTS, unique=True, min_size=3, max_size=6)}
        ),
        "match": st.lists(TEXTS, unique=True, min_size=6, max_size=9).map(
            lambda t: {
                "pairs": [{"left": t[i], "right": t[i + 3]} for i in range(3)],
                "decoys": t[6:],
            }
        ),
        "estimate": st.one_of(
            st.fixed_dictionaries({"answer": WRITTEN_VALUES, "unit": UNITS}),
            st.just({"range": [150, 160], "unit": "ratings"}),
        ),
        "text": st.fixed_dictionaries({"accepted": st.lists(TEXTS, min_size=1, max_size=3)}),
    }
    return st.sampled_from(sorted(kinds)).flatmap(
        lambda kind: st.tuples(st.just(kind), kinds[kind], st.lists(FACT_IDS, max_size=2)).map(
            lambda parts: {
                "kind": parts[0],
                "prompt": "?",
                **parts[1],
                **({"facts": parts[2]} if parts[2] else {}),
            }
        )
    )


def _with_unique_ids(document: dict[str, Any]) -> dict[str, Any]:
    """Renumber the ids so that most documents are valid (references may still miss)."""
    counter = iter(range(10_000))
    for key in ("events", "versions", "metrics", "sequences", "questions"):
        for fact in document.get(key, []):
            fact["id"] = f"{key[0]}{next(counter)}" if key != "questions" else f"q{next(counter)}"
            for item in fact.get("items", []) if key == "sequences" else []:
                item["id"] = f"i{next(counter)}"
    return document


nearly_valid_packs = st.fixed_dictionaries(
    {
        "id": st.just("fuzz-pack"),
        "title": st.just("Fuzz"),
        "language": st.sampled_from(["en", "zh-Hant"]),
    },
    optional={
        "events": st.lists(_event(), max_size=8),
        "versions": st.lists(_version(), max_size=5),
        "metrics": st.lists(_metric(), max_size=6),
        "sequences": st.lists(_sequence(), max_size=2),
        "questions": st.lists(_question(), max_size=3),
    },
)
"""Pack documents that usually load (fact references may still point nowhere)."""

renumbered_packs = nearly_valid_packs.map(_with_unique_ids)


@STRUCTURED
@given(nearly_valid_packs | renumbered_packs)
def test_nearly_valid_packs(document: dict[str, Any]) -> None:
    result = _outcome(load_pack_text, _dump(document, allow_unicode=True, sort_keys=False))
    if isinstance(result, Pack):
        from ali_quiz.quiz.generate import available_modes, generate_round

        for mode in available_modes(result):
            generate_round(result, mode, 4, 7)
