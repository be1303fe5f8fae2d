"""Round codes: encode, decode, forgiving reading, every single-character typo caught."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ali_quiz.i18n import translator
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.codes import (
    ALPHABET,
    CODE_LENGTH,
    CODE_MODES,
    FRESH_CODE_LENGTH,
    MAX_CODE_COUNT,
    MAX_CODE_SEED,
    CodeError,
    MalformedCode,
    MistypedCode,
    OtherPackVersion,
    RoundCode,
    UnknownPack,
    decode_round_code,
    encode_round_code,
    pack_id_matches,
    pack_matches,
    resolve_code,
)

HASH = hashlib.sha256(b"pack version 1").hexdigest()
OTHER_HASH = hashlib.sha256(b"pack version 2").hexdigest()
CODE_RE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


def _pack(pack_id: str, description: str) -> Pack:
    """A pack whose content (hence content hash) depends on the description."""
    return Pack(
        id=pack_id,
        title=f"Title of {pack_id}",
        language="en",
        path=Path("x.yaml"),
        description=description,
    )


SAMPLE_CODES = [
    encode_round_code(HASH, "quick", 10, 0, pack_id="dingtalk-2020"),
    encode_round_code(HASH, "order", 1, MAX_CODE_SEED, pack_id="dingtalk-2020-en"),
    encode_round_code(OTHER_HASH, "choice", MAX_CODE_COUNT, 271828, pack_id="my-class"),
    encode_round_code(OTHER_HASH, "estimate", 7, 42, pack_id="x"),
]


def test_code_looks_like_the_product_says() -> None:
    code = encode_round_code(HASH, "quick", 10, 12345, pack_id="dingtalk-2020")
    assert CODE_RE.match(code), code
    assert len(code.replace("-", "")) == CODE_LENGTH


@pytest.mark.parametrize(
    ("count", "seed", "length"),
    [(99, 524_287, 12), (100, 0, 14), (1, 524_288, 14), (200, 999_999, 14)],
)
def test_every_seed_and_count_has_a_code(count: int, seed: int, length: int) -> None:
    """Short codes stay as they were; a seed or count beyond them gets a 14-character code."""
    code = encode_round_code(HASH, "choice", count, seed, pack_id="my-class")
    assert len(code.replace("-", "")) == length
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z-]+", code)
    decoded = decode_round_code(code.lower().replace("-", " "))
    assert (decoded.mode, decoded.count, decoded.seed) == ("choice", count, seed)
    assert pack_matches(decoded, HASH) and not pack_matches(decoded, OTHER_HASH)


def test_long_codes_catch_every_single_typo() -> None:
    code = encode_round_code(HASH, "quick", 200, 999_999, pack_id="p").replace("-", "")
    for index, symbol in enumerate(code):
        for other in ALPHABET:
            if other != symbol:
                typo = code[:index] + other + code[index + 1 :]
                with pytest.raises(CodeError):
                    decode_round_code(typo)


@given(
    mode=st.sampled_from(CODE_MODES),
    count=st.integers(1, MAX_CODE_COUNT),
    seed=st.integers(0, MAX_CODE_SEED),
    content=st.binary(max_size=20),
    pack_id=st.from_regex(r"[a-z0-9]+(-[a-z0-9]+)*", fullmatch=True),
)
def test_round_trip(mode: str, count: int, seed: int, content: bytes, pack_id: str) -> None:
    pack_hash = hashlib.sha256(content).hexdigest()
    code = encode_round_code(pack_hash, mode, count, seed, pack_id=pack_id)
    decoded = decode_round_code(code)
    assert (decoded.mode, decoded.count, decoded.seed) == (mode, count, seed)
    assert pack_matches(decoded, pack_hash)
    assert pack_id_matches(decoded, pack_id)


def test_decoding_is_forgiving() -> None:
    code = encode_round_code(HASH, "match", 5, 99, pack_id="p")
    expected = decode_round_code(code)
    plain = code.replace("-", "")
    variants = [
        code.lower(),
        plain,
        " ".join(plain),
        f"  {code}  ",
        "-".join([plain[:3], plain[3:9], plain[9:]]),
        code.replace("-", "\u2013"),  # an en dash from a word processor
        "".join(chr(ord(c) + 0xFEE0) if c != "-" else c for c in code),  # full width
        plain.replace("0", "O").replace("1", "I"),
        plain.replace("1", "l"),
    ]
    for text in variants:
        assert decode_round_code(text) == expected, text


def test_every_single_character_typo_is_rejected() -> None:
    for code in SAMPLE_CODES:
        plain = code.replace("-", "")
        for position in range(len(plain)):
            for symbol in ALPHABET:
                if symbol == plain[position]:
                    continue
                typo = plain[:position] + symbol + plain[position + 1 :]
                with pytest.raises(MistypedCode, match="mistyped"):
                    decode_round_code(typo)


def test_every_swap_of_two_different_characters_is_rejected() -> None:
    for code in SAMPLE_CODES:
        plain = code.replace("-", "")
        for i in range(len(plain)):
            for j in range(i + 1, len(plain)):
                if plain[i] == plain[j]:
                    continue
                swapped = list(plain)
                swapped[i], swapped[j] = swapped[j], swapped[i]
                with pytest.raises(MistypedCode):
                    decode_round_code("".join(swapped))


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "has 0 letters"),
        ("7Q3K-9MXA-2T", "has 10 letters"),
        ("7Q3K-9MXA-2TBCDEF", "has 15 letters"),
        ("7Q3K-9MXA-2TU0", "U is never used"),
        ("7Q3K-9MXA-2T*0", "'*' is not used"),
        ("7Q3K-9MXA-2T中0", "'中' is not used"),
    ],
)
def test_malformed_codes_say_what_is_wrong(text: str, fragment: str) -> None:
    with pytest.raises(MalformedCode) as caught:
        decode_round_code(text)
    assert fragment in str(caught.value)


def test_a_checked_code_with_an_impossible_field_is_malformed() -> None:
    # All zeros passes the check (the sum is zero) but holds a count of 0.
    with pytest.raises(MalformedCode, match="not a round code"):
        decode_round_code("0000-0000-0000")


@pytest.mark.parametrize(
    ("mode", "count", "seed", "fragment"),
    [
        ("review", 10, 1, "has no code"),
        ("quick", 0, 1, "1 to 200"),
        ("quick", MAX_CODE_COUNT + 1, 1, "1 to 200"),
        ("quick", 10, -1, "does not fit"),
        ("quick", 10, MAX_CODE_SEED + 1, "does not fit"),
    ],
)
def test_encode_refuses_what_a_code_cannot_hold(
    mode: str, count: int, seed: int, fragment: str
) -> None:
    with pytest.raises(CodeError, match=fragment):
        encode_round_code(HASH, mode, count, seed, pack_id="p")


def test_encode_refuses_a_bad_hash() -> None:
    with pytest.raises(CodeError, match="hexadecimal"):
        encode_round_code("not-a-hash", "quick", 10, 1, pack_id="p")


def test_another_pack_version_is_told_apart() -> None:
    code = decode_round_code(encode_round_code(HASH, "quick", 10, 5, pack_id="my-class"))
    assert pack_matches(code, HASH)
    assert not pack_matches(code, OTHER_HASH)
    assert not pack_matches(code, "")
    original = _pack("my-class", "first edition")
    edited = _pack("my-class", "second edition")
    assert original.content_hash != edited.content_hash
    made = decode_round_code(
        encode_round_code(original.content_hash, "quick", 10, 5, pack_id="my-class")
    )
    with pytest.raises(OtherPackVersion, match="another version of the pack 'my-class'") as err:
        resolve_code(made, [_pack("dingtalk-2020", "d"), edited])
    assert err.value.pack_id == "my-class"


def test_an_old_code_of_a_builtin_pack_asks_for_a_new_code() -> None:
    """A built-in pack changes with ali-quiz and cannot be replaced by a teacher's copy (its
    id is reserved): the message asks for a new code, not for `packs add`."""
    old = _pack("dingtalk-2020", "last version")
    made = decode_round_code(
        encode_round_code(old.content_hash, "quick", 10, 5, pack_id="dingtalk-2020")
    )
    with pytest.raises(OtherPackVersion) as err:
        resolve_code(made, [_pack("dingtalk-2020", "this version")])
    assert "built-in pack 'dingtalk-2020'" in str(err.value)
    assert "new code" in str(err.value)
    assert "packs add" not in str(err.value)
    zh = err.value.message(translator("zh-Hant"))
    assert "內建題庫" in zh and "packs add" not in zh


def test_resolve_finds_the_pack_or_says_it_is_unknown() -> None:
    wanted = _pack("my-class", "first edition")
    code = decode_round_code(
        encode_round_code(wanted.content_hash, "quick", 10, 5, pack_id="my-class")
    )
    others = [_pack("dingtalk-2020", "d")]
    assert resolve_code(code, [*others, wanted]) is wanted
    with pytest.raises(UnknownPack, match="packs add"):
        resolve_code(code, others)
    with pytest.raises(UnknownPack):
        resolve_code(code, [])


def test_round_code_fields() -> None:
    code = decode_round_code(encode_round_code(HASH, "estimate", 12, 777, pack_id="p"))
    assert code == RoundCode(
        pack_hash_prefix=int(HASH[:8], 16) >> 14,
        mode="estimate",
        count=12,
        seed=777,
        pack_id_tag=hashlib.sha256(b"p").digest()[0],
    )


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_every_worksheet_carries_a_code(cli: Any, fmt: str) -> None:
    """The largest seed and count still give a code, printed on the sheet and playable."""
    sheet = cli("generate", "--seed", "999999", "--count", "200", "--format", fmt)
    assert sheet.status == 0, sheet.err
    found = re.search(
        r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", sheet.out
    )
    assert found, sheet.out[:300]
    listed = cli("generate", "--code", found.group(0), "--format", "json")
    direct = cli("generate", "--seed", "999999", "--count", "200", "--format", "json")
    assert listed.status == 0 and listed.out == direct.out
    assert cli("generate", "--seed", "1000000").status == 2


def test_a_daily_round_has_a_code_that_gives_it_on_any_date(cli: Any) -> None:
    """A daily round's code holds mode daily and the day's seed: played on another day, the
    code still gives that day's questions (and the round is recorded as daily)."""
    sheet = cli("generate", "--mode", "daily", "--date", "2020-02-05", "--format", "markdown")
    assert sheet.status == 0, sheet.err
    found = re.search(
        r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", sheet.out
    )
    assert found, sheet.out[:300]
    assert decode_round_code(found.group(0)).mode == "daily"
    daily = cli("generate", "--mode", "daily", "--date", "2020-02-05")
    coded = cli("generate", "--code", found.group(0), "--date", "2021-07-01")
    assert coded.status == 0, coded.err
    assert [json.loads(line)["id"] for line in coded.out.splitlines()] == [
        json.loads(line)["id"] for line in daily.out.splitlines()
    ]


def test_a_fresh_code_has_13_characters_and_says_it_is_fresh() -> None:
    pack_hash = "ab" * 32
    for seed in (0, 524_287, 999_999):
        for count in (1, 99, 200):
            code = encode_round_code(pack_hash, "quick", count, seed, pack_id="p", fresh=True)
            assert len(code.replace("-", "")) == FRESH_CODE_LENGTH
            parsed = decode_round_code(code)
            assert (parsed.fresh, parsed.seed, parsed.count, parsed.mode) == (
                True,
                seed,
                count,
                "quick",
            )
            assert pack_matches(parsed, pack_hash) and pack_id_matches(parsed, "p")
            plain = decode_round_code(
                encode_round_code(pack_hash, "quick", count, seed, pack_id="p")
            )
            assert not plain.fresh and plain.seed == seed
    code = encode_round_code(pack_hash, "match", 10, 4321, pack_id="p", fresh=True)
    symbols = code.replace("-", "")
    typo = symbols[:5] + ("0" if symbols[5] != "0" else "1") + symbols[6:]
    with pytest.raises(MistypedCode):
        decode_round_code(typo)
