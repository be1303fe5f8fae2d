"""The estimate parser: what people type (both languages), what it refuses, and its arithmetic."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ali_quiz.numberformat import format_plain, to_plain_json
from ali_quiz.numbers import NumberFormatError, ParsedNumber, parse_number

ACCEPTED: list[tuple[str, int | float, bool]] = [
    # plain digits, signs, spaces, separators
    ("200000000", 200_000_000, False),
    ("200,000,000", 200_000_000, False),
    ("1,234.5", 1234.5, False),
    ("  42  ", 42, False),
    ("+5", 5, False),
    ("-5", -5, False),
    ("- 5", -5, False),
    ("−5", -5, False),  # U+2212 minus sign
    ("－5", -5, False),  # full-width hyphen-minus, through NFKC
    ("3.8", 3.8, False),
    (".5", 0.5, False),
    ("5.", 5, False),
    ("3.0", 3, False),
    ("007", 7, False),
    ("0", 0, False),
    ("-0", 0, False),
    # exponents
    ("2e8", 200_000_000, False),
    ("2E8", 200_000_000, False),
    ("2e+8", 200_000_000, False),
    ("1.5e-3", 0.0015, False),
    ("0e999999999", 0, False),
    ("1e30", 10**30, False),
    # full-width, through NFKC
    ("３.８", 3.8, False),
    ("２億", 200_000_000, False),
    ("7610．2萬", 76_102_000, False),
    ("２，０００萬", 20_000_000, False),
    ("١٢", 12, False),  # Arabic-Indic digits are digits too
    # Chinese multipliers, traditional and simplified
    ("2億", 200_000_000, False),
    ("2 億", 200_000_000, False),
    ("2亿", 200_000_000, False),
    ("2萬", 20_000, False),
    ("2万", 20_000, False),
    ("3千", 3_000, False),
    ("5百", 500, False),
    ("3十", 30, False),
    ("2兆", 2 * 10**12, False),
    ("2萬億", 2 * 10**12, False),
    ("2万亿", 2 * 10**12, False),
    ("7610.2萬", 76_102_000, False),
    ("97563.8萬", 975_638_000, False),
    ("11.51億", 1_151_000_000, False),
    ("2,000萬", 20_000_000, False),
    ("1億2000萬", 120_000_000, False),
    ("1億 2000萬", 120_000_000, False),
    ("1亿2000万", 120_000_000, False),
    ("1億2千萬", 120_000_000, False),
    ("3千5百萬", 35_000_000, False),
    ("1萬3千", 13_000, False),
    ("3千5百", 3_500, False),
    ("1兆2億", 1_000_200_000_000, False),
    ("千萬", 10_000_000, False),
    ("十萬", 100_000, False),
    ("萬", 10_000, False),
    ("-1億2000萬", -120_000_000, False),
    ("0.1萬", 1_000, False),
    ("1.5萬", 15_000, False),
    # English multipliers
    ("200 million", 200_000_000, False),
    ("200million", 200_000_000, False),
    ("200 Million", 200_000_000, False),
    ("2 millions", 2_000_000, False),
    ("1.5 billion", 1_500_000_000, False),
    ("3 thousand", 3_000, False),
    ("4 hundred", 400, False),
    ("2 trillion", 2 * 10**12, False),
    ("12k", 12_000, False),
    ("12K", 12_000, False),
    ("12 k", 12_000, False),
    ("76.1M", 76_100_000, False),
    ("76.1m", 76_100_000, False),  # m is million, documented
    ("5mn", 5_000_000, False),
    ("1.2B", 1_200_000_000, False),
    ("1.2bn", 1_200_000_000, False),
    ("1,200 million", 1_200_000_000, False),
    ("-3k", -3_000, False),
    # percentages
    ("6%", 6, True),
    ("6 %", 6, True),
    ("６％", 6, True),
    ("3.5%", 3.5, True),
    ("-2%", -2, True),
    ("1,000%", 1000, True),
    # the word, as an English player writes it (play test G13)
    ("6 percent", 6, True),
    ("6 per cent", 6, True),
    ("6.5 Percent", 6.5, True),
    ("6pct", 6, True),
]


@pytest.mark.parametrize(("text", "value", "percent"), ACCEPTED)
def test_accepted_forms(text: str, value: int | float, percent: bool) -> None:
    parsed = parse_number(text)
    assert parsed == ParsedNumber(value=value, percent=percent)
    # int when whole, so 7610.2萬 prints as 76,102,000 and goes to JSON as 76102000
    assert type(parsed.value) is type(value)


REJECTED: list[tuple[str, str]] = [
    ("", "Nothing to read"),
    ("   ", "Nothing to read"),
    ("abc", "'abc' is not a number"),
    ("2xyz", "'xyz' is not a number or a multiplier"),
    ("nan", "'nan'"),
    ("NaN", "'NaN'"),
    ("inf", "'inf'"),
    ("-Infinity", "'Infinity'"),
    ("2億億", "億 cannot follow 億"),
    ("1萬2億", "億 cannot follow 萬"),
    ("2千千", "千 cannot follow 千"),
    ("5百3千", "千 cannot follow 百"),
    ("2億萬", "萬 needs a number before it"),
    ("2千百", "百 needs a number before it"),
    ("1億20000萬", "the part after 億 is one 億 or more"),
    ("1萬20千", "the part after 萬"),
    ("1萬5", "needs a multiplier of its own"),
    ("3千5", "needs a multiplier of its own"),
    ("1.2.3", "at most one decimal point"),
    ("1..2", "at most one decimal point"),
    (".", "decimal point goes between digits"),
    ("1,2", "commas only separate groups of three digits"),
    ("1,2345", "commas only separate groups of three digits"),
    ("1234,567", "commas only separate groups of three digits"),
    (",5", "commas only separate"),
    ("2 000", "two numbers"),
    ("1 2", "two numbers"),
    ("%5", "% goes after the number"),
    ("%", "% goes after the number"),
    ("6%%", "a percentage is a plain number"),
    ("6萬%", "a percentage is a plain number"),
    ("6%萬", "a percentage is a plain number"),
    ("1e3%", "exponent"),
    ("1e3萬", "either an exponent (2e8) or a multiplier"),
    ("1e3 million", "either an exponent"),
    ("1e31", "too large"),
    ("1e99999999999999999999", "too large"),
    ("1001 octillion", "'octillion'"),
    ("1000000000000000000000000000001", "too large"),
    ("1" + "0" * 23 + "億", "too large"),
    ("1e-31", "too small"),
    ("1e-99999999999999999999", "too small"),
    ("2e", "'e' is not"),
    ("e5", "'e' is not"),
    ("0x10", "'x' is not"),
    ("1_000", "'_' cannot be part of a number"),
    ("-", "a sign needs a number"),
    ("+", "a sign needs a number"),
    ("--5", "a sign (+ or -) goes only at the start"),
    ("+-5", "a sign (+ or -) goes only at the start"),
    ("1-2", "a sign (+ or -) goes only at the start"),
    ("5-", "a sign (+ or -) goes only at the start"),
    ("million", "write a number before 'million'"),
    ("k", "write a number before 'k'"),
    ("1 million 2 thousand", "use one English multiplier"),
    ("2億 million", "use either 萬/億 or an English multiplier"),
    ("2 thousand萬", "use either 萬/億 or an English multiplier"),
    ("12km", "'km' is not"),
    ("12ks", "'ks' is not"),
    ("2億人", "'人' is not"),
    ("三億", "'三' is a Chinese numeral"),
    ("兩千萬", "'兩' is a Chinese numeral"),
    ("10²", "'²' is a special digit"),
    ("½", "'½' is a special digit"),
    ("①", "'①' is a special digit"),
    ("$5", "'$' cannot be part of a number"),
    ("5 dollars", "'dollars' is not"),
    ("1" * 101, "longer than 100 characters"),
    ("9" * 5000, "longer than 100 characters"),
]


@pytest.mark.parametrize(("text", "reason"), REJECTED)
def test_rejected_forms(text: str, reason: str) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number(text)
    message = str(caught.value)
    assert reason in message
    # What could not be read is quoted, so the player sees which answer went wrong.
    if text.strip():
        assert repr(text.strip()[:30]).rstrip("'") in message


def test_generic_message_says_what_to_write() -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number("2xyz")
    assert str(caught.value) == (
        "Cannot read '2xyz' as a number: 'xyz' is not a number or a multiplier; "
        "write digits with an optional 萬/億, million/billion, k/M/B, or %"
    )


def test_error_is_a_value_error() -> None:
    assert issubclass(NumberFormatError, ValueError)


@pytest.mark.parametrize(
    ("value", "percent", "shown"),
    [
        (76_102_000, False, "76,102,000"),
        (3.8, False, "3.8"),
        (6, True, "6%"),
        (-1234.5, False, "-1,234.5"),
        (0, False, "0"),
    ],
)
def test_parsed_number_str(value: int | float, percent: bool, shown: str) -> None:
    assert str(ParsedNumber(value=value, percent=percent)) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (76_102_000, "76,102,000"),
        (-5, "-5"),
        (10**30, "1,000,000,000,000,000,000,000,000,000,000"),
        (3.8, "3.8"),
        (1e-3, "0.001"),
        (0.1 + 0.2, "0.3"),
        (1.1 * 3, "3.3"),
        (2e8, "200,000,000"),
        (1e25, "10,000,000,000,000,000,000,000,000"),
        (1234567.891, "1,234,567.891"),
        (-0.0, "0"),
        (1e-9, "0.000000001"),
        (1e-12, "1e-12"),
        (1.5e35, "1.5e+35"),
    ],
)
def test_format_plain(value: int | float, shown: str) -> None:
    assert format_plain(value) == shown


@pytest.mark.parametrize(
    ("value", "plain"),
    [
        (200_000_000, 200_000_000),
        (2e8, 200_000_000),
        (3.8, 3.8),
        (0.1 + 0.2, 0.3),
        (1e25, 10**25),
        (Decimal("7610.2") * 10**4, 76_102_000),
        (Decimal("3.80"), 3.8),
        (True, 1),
    ],
)
def test_to_plain_json(value: int | float | Decimal, plain: int | float) -> None:
    result = to_plain_json(value)
    assert result == plain
    assert type(result) is type(plain)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_values_are_refused_for_display_and_json(bad: float) -> None:
    with pytest.raises(ValueError, match="finite|figure"):
        format_plain(bad)
    with pytest.raises(ValueError, match="finite"):
        to_plain_json(bad)
    with pytest.raises(ValueError, match="finite"):
        to_plain_json(Decimal(bad))


@given(st.text())
@example("2億億")
@example("1e" + "9" * 40)
@example("٣\u0660")
@example("\U0001d7d0")  # mathematical bold digit 2
@example("﷽")  # NFKC expands it to 18 characters
def test_any_text_is_a_number_or_a_format_error(text: str) -> None:
    try:
        parsed = parse_number(text)
    except NumberFormatError as error:
        assert str(error)
    else:
        assert isinstance(parsed.value, int | float)
        assert math.isfinite(parsed.value)
        assert abs(parsed.value) <= 1e30


@given(st.text(alphabet="0123456789.,+-eE%萬万億亿兆千百十kKmMbB ", max_size=20))
def test_number_like_text_is_a_number_or_a_format_error(text: str) -> None:
    # st.text() rarely builds near-misses; this alphabet reaches deep into the grammar.
    try:
        parsed = parse_number(text)
    except NumberFormatError:
        return
    assert str(parsed)


INTS = st.integers(min_value=-(10**30), max_value=10**30)


@given(INTS)
def test_integers_read_back_exactly(n: int) -> None:
    assert parse_number(str(n)).value == n
    assert parse_number(format_plain(n)).value == n


@given(
    st.floats(min_value=-1e29, max_value=1e29, allow_nan=False).filter(
        lambda x: x == 0 or abs(x) >= 1e-29  # the parser refuses figures below 10^-30
    )
)
def test_displayed_floats_read_back(x: float) -> None:
    value = parse_number(format_plain(x)).value
    assert math.isclose(value, x, rel_tol=1e-14, abs_tol=1e-300)


MULTIPLIERS = [
    ("萬", 4),
    ("万", 4),
    ("億", 8),
    ("亿", 8),
    ("千", 3),
    ("百", 2),
    ("兆", 12),
    (" million", 6),
    (" billion", 9),
    ("k", 3),
    ("M", 6),
    ("B", 9),
]


@given(
    st.decimals(
        min_value=Decimal("-1e15"),
        max_value=Decimal("1e15"),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.sampled_from(MULTIPLIERS),
)
def test_multiplied_decimals_are_exact(d: Decimal, multiplier: tuple[str, int]) -> None:
    word, power = multiplier
    expected = d.scaleb(power)
    value = parse_number(f"{d:f}{word}").value
    if expected == expected.to_integral_value():
        assert isinstance(value, int)
        assert value == int(expected)
    else:
        assert value == float(expected)


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=9999))
def test_sections_add_up(high: int, low: int) -> None:
    assert parse_number(f"{high}億{low}萬").value == high * 10**8 + low * 10**4


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9))
def test_small_units_follow_large_ones(high: int, digit: int) -> None:
    assert parse_number(f"{high}萬{digit}千").value == high * 10**4 + digit * 1000


@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False))
def test_percent_keeps_the_number(d: Decimal) -> None:
    parsed = parse_number(f"{d:f}%")
    assert parsed.percent
    assert parsed.value == to_plain_json(d)
    assert str(parsed) == format_plain(parsed.value) + "%"
