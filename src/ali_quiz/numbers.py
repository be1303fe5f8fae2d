"""Reading a figure the way people write it: 2億, 200 million, 7610.2萬, 76.1M, ３.８, 6%.

The arithmetic is done in Decimal so that 7610.2萬 is exactly 76,102,000 and never
76,101,999.99999999; the result is handed out as an int when it is whole, else a float.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, localcontext

from ali_quiz.i18n import Translator
from ali_quiz.numberformat import MAX_MAGNITUDE, MIN_MAGNITUDE, format_plain, to_plain_json
from ali_quiz.record import Record

ENGLISH = Translator("en")

__all__ = ["NumberFormatError", "ParsedNumber", "parse_number"]

#: An estimate is short; a cap keeps every input cheap to read.
MAX_LENGTH = 100


#: Chinese multipliers that close a four-digit section (1億2000萬), as powers of ten.
#: 萬億/万亿 is the mainland way to write 10^12; 兆 is 10^12 as in Taiwan.
_LARGE_UNITS = {"萬億": 12, "万亿": 12, "兆": 12, "億": 8, "亿": 8, "萬": 4, "万": 4}
#: Chinese multipliers inside a section (3千5百萬).
_SMALL_UNITS = {"千": 3, "百": 2, "十": 1}
#: English multipliers; a lone m is million (as in 76.1M), never milli or metres, unless the
#: question's unit is metres (see units.strip_unit).
_ENGLISH_UNITS = {
    "hundred": 2,
    "thousand": 3,
    "million": 6,
    "billion": 9,
    "trillion": 12,
    "k": 3,
    "m": 6,
    "mn": 6,
    "b": 9,
    "bn": 9,
}

_TOKEN = re.compile(
    r"""
    (?P<number>
        (?:[0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+(?:\.[0-9]*)?   # 200,000,000 and 1,234.5
          | [0-9]+(?:\.[0-9]*)?                             # 7610.2 and 5.
          | \.[0-9]+                                        # .5
        )
        (?P<exponent>e[+-]?[0-9]+)?                         # 2e8
    )
    | (?P<cn>萬億|万亿|[萬万億亿兆千百十])
    | (?P<en>(?:hundred|thousand|million|billion|trillion)s?(?![a-z])|(?:mn|bn|[kmb])(?![a-z]))
    | (?P<percent>%|per\s?cent(?![a-z])|pct(?![a-z]))     # 6%, 6 percent, 6 per cent, 6 pct
    | (?P<space>\s+)
    """,
    re.VERBOSE | re.ASCII | re.IGNORECASE,
)


class NumberFormatError(ValueError):
    """A figure that cannot be read: why, as an interface-string key (`number.<reason>`) and its
    values, so each front end words it in its language; str() is the English wording."""

    def __init__(self, reason: str, shown: str | None = None, /, **values: object) -> None:
        self.reason, self.shown, self.values = reason, shown, values
        super().__init__(self.message(ENGLISH))

    def message(self, tr: Translator) -> str:
        """The problem in the interface language."""
        why = tr(f"number.{self.reason}", hint=tr("number.hint"), **self.values)
        if self.shown is None:
            return why
        return tr("number.cannot_read", shown=self.shown, reason=why)

    def words(self, tr: Translator, /) -> str:
        """The problem in the interface language (as a value of another sentence)."""
        return self.message(tr)


@dataclass(frozen=True, eq=False, repr=False)
class ParsedNumber(Record):
    """A figure as typed: its plain value (int when whole) and whether it was a percentage."""

    value: int | float
    percent: bool

    def __str__(self) -> str:
        return format_plain(self.value) + ("%" if self.percent else "")


@dataclass(frozen=True, eq=False, repr=False)
class _Token(Record):
    """A piece of a figure as written: digits, a Chinese or English multiplier, or a percent."""

    kind: str  # "number", "cn", "en" or "percent"
    text: str
    spaced: bool  # whitespace came before it
    exponent: str | None = None


def parse_number(text: str) -> ParsedNumber:
    """Read a figure written the way people write numbers; raise NumberFormatError if unreadable.

    The text is NFKC-normalised first, so full-width digits, points, commas and ％ work
    (`３.８`, `６％`, `７６１０．２萬`). Letters are case-insensitive; spaces around the
    figure and between a number and its multiplier are ignored.

    ====================  ===================  ===========================================
    written               value                notes
    ====================  ===================  ===========================================
    200000000, +5, -5     200000000, 5, -5     a leading sign is kept; grading decides
    200,000,000           200000000            commas only between groups of three digits
    3.8, .5, 5.           3.8, 0.5, 5          a point for decimals, at most one
    2e8, 2E8, 1.5e-3      200000000, 0.0015    an exponent stands alone (no multiplier)
    2億, 2 億, 2亿         200000000            億/亿 = 10^8
    7610.2萬, 2,000万      76102000, 20000000   萬/万 = 10^4, exact (Decimal arithmetic)
    3千, 5百, 3十          3000, 500, 30        千 = 10^3, 百 = 10^2, 十 = 10
    2兆, 2萬億, 2万亿       2000000000000        兆 = 萬億 = 10^12
    1億2000萬              120000000            sections go from large to small
    3千5百萬, 千萬, 十萬     35000000, ...        a leading multiplier alone means one of it
    200 million, 1.5bn    200000000, ...       hundred, thousand, million, billion,
    3 thousand            3000                 trillion (plural s allowed), one per figure
    12k, 12K              12000                k = 10^3
    76.1M, 76.1m, 5mn     76100000, ...        m/M/mn = million (never milli or metres)
    1.2B, 1.2bn           1200000000           b/B/bn = billion
    6%, 6 %, ６％          6 (percent=True)     % follows a plain number
    6 percent, 6 pct      6 (percent=True)     so do percent, per cent and pct
    ====================  ===================  ===========================================

    Rejected: empty text, unknown letters or units (`2xyz`, `nan`, `inf`), a multiplier out
    of order or repeated (`2億億`, `1萬2億`), a bare number after a multiplier (`1萬5`:
    write `1.5萬` or `1萬5000`), `1.2.3`, `1,2`, `2 000`, `%5`, an exponent with a
    multiplier, Chinese numerals (`三億`), special digits (`²`, `½`), anything longer than
    100 characters, and magnitudes above 10^30 or (non-zero) below 10^-30.
    """
    shown = _show(text)
    if len(text) > 10 * MAX_LENGTH:
        raise _error(shown, "too_long", max=MAX_LENGTH)
    for char in text:
        # NFKC would turn ² into 2 and ½ into 1⁄2, silently reading 10² as 102.
        if unicodedata.category(char) == "No":
            raise _error(shown, "special_digit", char=repr(char))
    normalised = unicodedata.normalize("NFKC", text).replace("\u2212", "-")
    # Decimal digits of other scripts (٣, २) are still digits; spell them in ASCII.
    normalised = "".join(
        _ascii_digit(char) if char.isdecimal() and not char.isascii() else char
        for char in normalised
    ).strip()
    if not normalised:
        raise NumberFormatError("empty")
    if len(normalised) > MAX_LENGTH:
        raise _error(shown, "too_long", max=MAX_LENGTH)

    negative = normalised[0] == "-"
    body = normalised[1:] if normalised[0] in "+-" else normalised
    tokens = _scan(body, shown)
    if not tokens:
        raise _error(shown, "sign_alone")

    # Exact products of up to 100 typed digits need far more than Decimal's default 28 digits.
    with localcontext() as context:
        context.prec = 4 * MAX_LENGTH
        percent = any(token.kind == "percent" for token in tokens)
        if percent:
            amount = _read_percent(tokens, shown)
        elif any(token.kind == "en" for token in tokens):
            amount = _read_english(tokens, shown)
        elif tokens[0].exponent is not None:
            if len(tokens) > 1:
                raise _error(shown, "exponent_and_multiplier")
            amount = _decimal(tokens[0], shown)
        else:
            amount = _read_chinese(tokens, shown)
        if negative:
            amount = -amount
        if abs(amount) > MAX_MAGNITUDE:
            raise _error(shown, "too_large")
        if amount and abs(amount) < MIN_MAGNITUDE:
            raise _error(shown, "too_small")
        return ParsedNumber(value=to_plain_json(amount), percent=percent)


def _ascii_digit(char: str) -> str:
    value = unicodedata.decimal(char, None)
    return char if value is None else str(value)


def _show(text: str) -> str:
    """The player's text quoted for a message, shortened when long."""
    text = text.strip()
    return repr(text if len(text) <= 30 else text[:30] + "…")


def _error(shown: str, reason: str, **values: object) -> NumberFormatError:
    return NumberFormatError(reason, shown, **values)


def _scan(body: str, shown: str) -> list[_Token]:
    """Split the text after the sign into numbers, multipliers and %."""
    tokens: list[_Token] = []
    position = 0
    spaced = False
    while position < len(body):
        match = _TOKEN.match(body, position)
        if match is None:
            reason, values = _unknown(body, position)
            raise _error(shown, reason, **values)
        kind = match.lastgroup
        text = match.group()
        position = match.end()
        if kind == "space":
            spaced = True
            continue
        assert kind is not None
        if kind == "number" and tokens and tokens[-1].kind == "number":
            previous = tokens[-1].text
            if text.startswith(".") and not spaced:
                raise _error(shown, "two_points")
            raise _error(shown, "two_numbers", previous=repr(previous), text=repr(text))
        tokens.append(_Token(kind, text, spaced, match.group("exponent")))
        spaced = False
    return tokens


def _unknown(body: str, position: int) -> tuple[str, dict[str, object]]:
    """Why the text at position is not part of a figure: a reason and its values."""
    char = body[position]
    if char == ",":
        return "comma", {}
    if char == ".":
        return "point", {}
    if char in "+-":
        return "sign_inside", {}
    if unicodedata.numeric(char, None) is not None and unicodedata.category(char) == "Lo":
        return "chinese_numeral", {"char": repr(char)}
    if char.isascii() and char.isalpha():
        word = re.match(r"[A-Za-z]+", body[position:])
        assert word is not None
        return "not_a_number", {"text": repr(word.group())}
    if unicodedata.numeric(char, None) is not None:
        return "special_digit", {"char": repr(char)}
    if char.isalpha():
        # One character at a time: in 2億人 the trouble is 人, whatever follows it.
        return "not_a_number", {"text": repr(char)}
    return "not_in_a_number", {"char": repr(char)}


def _decimal(token: _Token, shown: str) -> Decimal:
    """The exact value of a number token, exponent included."""
    mantissa_text = token.text if token.exponent is None else token.text[: -len(token.exponent)]
    mantissa = Decimal(mantissa_text.replace(",", ""))
    if token.exponent is None or mantissa == 0:
        return mantissa
    exponent = int(token.exponent[1:])
    # Checked before scaling so that 1e999999999 never reaches Decimal's exponent limits.
    if exponent > 100:
        raise _error(shown, "too_large")
    if exponent < -100:
        raise _error(shown, "too_small")
    return mantissa.scaleb(exponent)


def _plain_number(token: _Token, shown: str) -> Decimal:
    if token.exponent is not None:
        raise _error(shown, "exponent_and_multiplier")
    return _decimal(token, shown)


def _read_percent(tokens: list[_Token], shown: str) -> Decimal:
    if [token.kind for token in tokens] != ["number", "percent"]:
        if tokens[0].kind == "percent":
            raise _error(shown, "percent_first")
        raise _error(shown, "percent_shape")
    return _plain_number(tokens[0], shown)


def _read_english(tokens: list[_Token], shown: str) -> Decimal:
    kinds = [token.kind for token in tokens]
    if "cn" in kinds:
        raise _error(shown, "mixed_multipliers")
    if kinds[0] != "number":
        word = tokens[0].text
        raise _error(shown, "word_needs_number", quoted=repr(word), word=word)
    if kinds != ["number", "en"]:
        raise _error(shown, "one_english_multiplier")
    word = tokens[1].text.lower()
    power = _ENGLISH_UNITS.get(word, _ENGLISH_UNITS.get(word.removesuffix("s"), 0))
    return _plain_number(tokens[0], shown).scaleb(power)


def _read_chinese(tokens: list[_Token], shown: str) -> Decimal:
    """Combine digits and 萬/億/千/百/十 the way Chinese does: 1億2000萬, 3千5百萬, 2,000萬."""
    total = Decimal(0)
    section = Decimal(0)  # the part not yet closed by 萬/億/兆
    section_used = False
    pending: _Token | None = None  # a number still waiting for its multiplier
    last_large: tuple[str, int] | None = None
    last_small: tuple[str, int] | None = None
    for index, token in enumerate(tokens):
        if token.kind == "number":
            pending = token
            continue
        unit = token.text
        large = unit in _LARGE_UNITS
        power = _LARGE_UNITS[unit] if large else _SMALL_UNITS[unit]
        before = last_large if large else last_small
        if before is not None and power >= before[1]:
            raise _error(shown, "multiplier_order", unit=unit, before=before[0])
        amount = Decimal(0)
        if pending is not None:
            amount = _plain_number(pending, shown)
        elif index == 0:
            amount = Decimal(1)  # 十萬, 千萬, 萬: a leading multiplier alone is one of it
        elif not (large and section_used):
            raise _error(shown, "unit_needs_number", unit=unit)
        pending = None
        if large:
            section += amount
            closed = section.scaleb(power)
            _check_fits(closed, last_large, shown)
            total += closed
            section, section_used, last_small = Decimal(0), False, None
            last_large = (unit, power)
        else:
            section += amount.scaleb(power)
            section_used = True
            last_small = (unit, power)
    if pending is not None:
        if last_large is not None or last_small is not None:
            unit = (last_small or last_large or ("", 0))[0]
            raise _error(shown, "bare_after_multiplier", number=pending.text, unit=unit)
        section += _plain_number(pending, shown)
    _check_fits(section, last_large, shown)
    return total + section


def _check_fits(amount: Decimal, last_large: tuple[str, int] | None, shown: str) -> None:
    """A section after 億 must be below one 億, as 2000萬 is in 1億2000萬."""
    if last_large is not None and amount >= Decimal(1).scaleb(last_large[1]):
        raise _error(shown, "part_too_large", unit=last_large[0])
