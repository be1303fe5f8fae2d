"""YAML syntax errors say what to write instead, and the rest of the pack is still checked."""

from __future__ import annotations

import pytest

from ali_quiz.packs.loader import load_pack_text
from ali_quiz.packs.problems import PackError
from ali_quiz.packs.yamlhints import hint, key_of, without_line

HEAD = "id: p\ntitle: T\nlanguage: en\n"


def _problems(text: str) -> list[tuple[int, str]]:
    with pytest.raises(PackError) as raised:
        load_pack_text(text, "p.yaml")
    return [(p.line, p.message) for p in raised.value.problems]


def test_an_unquoted_percent_unit_is_explained_and_the_rest_is_checked() -> None:
    text = HEAD + (
        "metrics:\n  - id: share\n    label: Share\n    value: 6%\n    unit: %\n"
        "events:\n  - id: e1\n    date: 2019-02-30\n    title: Something\n"
    )
    found = _problems(text)
    assert found[0][0] == 8 and 'write unit: "%"' in found[0][1]
    assert found[1][0] == 11 and "no day 30" in found[1][1]  # a problem after the syntax error
    assert len(found) == 2  # the blanked `unit:` line is not reported again as missing


def test_a_percent_unit_in_a_one_line_fact_is_explained_without_follow_on_noise() -> None:
    """The starter writes facts as flow mappings over two lines: `unit: %` there got the
    generic "put the value in quotes", and its next line a bogus "check the indentation"."""
    text = HEAD + (
        'metrics:\n  - {id: a, label: A, value: 110.6, unit: %,\n     source: "A."}\n'
        '  - {id: b, label: B, value: 2.4, unit: %,\n     source: "B."}\n'
        "events:\n  - id: e1\n    date: 2019-02-30\n    title: Something\n"
    )
    found = _problems(text)
    assert [line for line, _ in found] == [5, 7, 11]
    for _, message in found[:2]:
        assert 'write unit: "%"' in message and "indentation" not in message
    assert "no day 30" in found[2][1]


def test_a_colon_in_a_value_is_explained() -> None:
    found = _problems("id: p\ntitle: Python: the early years\nlanguage: en\n")
    assert found[0][0] == 2
    assert 'write title: "Python: the early years"' in found[0][1]


def test_bad_indentation_is_explained_without_follow_on_noise() -> None:
    text = HEAD + (
        "events:\n  - id: e1\n    date: 1991\n    title: One\n"
        "   - id: e2\n    date: 2000\n    title: Two\n"
    )
    found = _problems(text)
    assert [line for line, _ in found] == [8]
    assert "check the indentation" in found[0][1]


@pytest.mark.parametrize(
    ("line", "message", "fragment"),
    [
        ("    unit: %", "found character '%' that cannot start any token", 'unit: "%"'),
        ("  - handle: @teacher", "found character '@'", 'handle: "@teacher"'),
        ("title: a: b", "mapping values are not allowed here", 'title: "a: b"'),
        ("  - id: x", "did not find expected key", "indentation"),
        ("foo", "something else", ""),
    ],
)
def test_hint(line: str, message: str, fragment: str) -> None:
    said = hint(line, message)
    assert fragment in str(said) if fragment else said is None


def test_helpers() -> None:
    assert key_of("  - unit: %") == "unit"
    assert key_of("plain text") is None
    assert without_line("a\nb\nc", 2) == "a\n\nc"
