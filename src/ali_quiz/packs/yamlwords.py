"""PyYAML's problems ("mapping values are not allowed here") as interface phrases.

PyYAML words its errors in English only. The ones a pack's author meets are matched here to
catalogue keys (`yaml.*` in i18n/files.py), so the 繁體中文 interface words them too; the
English wording stays PyYAML's own, as `validate` has always printed it.
"""

from __future__ import annotations

import re

from ali_quiz.i18n import Phrase

#: PyYAML's problem sentences and the keys that say them; the groups are the sentence's values.
_PROBLEMS = (
    (re.compile(r"mapping values are not allowed here$"), "yaml.mapping_values", ()),
    (re.compile(r"could not find expected ':'$"), "yaml.expected_colon", ()),
    (re.compile(r"did not find expected key$"), "yaml.expected_key", ()),
    (re.compile(r"did not find expected '-' indicator$"), "yaml.expected_dash", ()),
    (
        re.compile(r"found character ('.+') that cannot start any token$", re.DOTALL),
        "yaml.cannot_start",
        ("char",),
    ),
    (re.compile(r"found undefined alias ('.*')$"), "yaml.undefined_alias", ("name",)),
    (re.compile(r"found unexpected end of stream$"), "yaml.end_of_stream", ()),
    (re.compile(r"found unknown escape character ('.*')$"), "yaml.escape", ("char",)),
    (re.compile(r"expected <block end>, but found ('.*')$"), "yaml.block_end", ("found",)),
    (re.compile(r"expected ',' or '\]', but got ('.*')$"), "yaml.flow_sequence", ("found",)),
    (re.compile(r"expected ',' or '\}', but got ('.*')$"), "yaml.flow_mapping", ("found",)),
    (re.compile(r"but found another document$"), "yaml.another_document", ()),
    (re.compile(r"second occurrence$"), "yaml.second_anchor", ()),
    (re.compile(r"expected '<document start>', but found ('.*')$"), "yaml.after_end", ("found",)),
)

#: What PyYAML was reading when it stopped ("while parsing a block mapping").
_CONTEXTS = {
    "while parsing a block mapping": "yaml.in.block_mapping",
    "while parsing a flow mapping": "yaml.in.flow_mapping",
    "while parsing a flow sequence": "yaml.in.flow_sequence",
    "while parsing a block collection": "yaml.in.block_collection",
    "while scanning a simple key": "yaml.in.simple_key",
    "while scanning a quoted scalar": "yaml.in.quoted",
    "while scanning a double-quoted scalar": "yaml.in.quoted",
    "while scanning a plain scalar": "yaml.in.plain",
    "while scanning a block scalar": "yaml.in.block_scalar",
    "while scanning an alias": "yaml.in.alias",
    "while scanning an anchor": "yaml.in.anchor",
    "while scanning for the next token": "yaml.in.next_token",
    "while parsing a node": "yaml.in.node",
    "expected a single document in the stream": "yaml.in.one_document",
}


def yaml_problem(text: str) -> Phrase:
    """PyYAML's problem as a phrase (one no key names: a hint on what to check)."""
    for pattern, key, names in _PROBLEMS:
        found = pattern.search(text)
        if found:
            return Phrase.of(key, **dict(zip(names, found.groups(), strict=True)))
    return Phrase.of("yaml.other")


def yaml_context(text: str | None) -> Phrase | str:
    """What PyYAML was reading when it stopped, as " (while ...)"; "" when no key says it."""
    key = _CONTEXTS.get(text or "")
    return Phrase.of(key) if key else ""
