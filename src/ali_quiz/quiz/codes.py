"""Round codes: one short code gives a whole class the same round.

Every round `generate` or the TUI can make has a code (every seed from 0 to 999,999 and every
count from 1 to 200), except review rounds, which are made from one player's history. Most
rounds get a short code of 12 characters of Crockford base32, grouped for reading aloud:
`7Q3K-9MXA-2TBC`; a round whose seed or count does not fit in it gets a long one of 14
characters: `7Q3K-9MXA2-TBC4X`. The length tells them apart.

Short codes: the first 11 characters carry 55 bits, most significant first:

=========  ====  ==========================================================================
field      bits  meaning
=========  ====  ==========================================================================
mode          3  index in CODE_MODES (6 and 7 are unused: a code holding one is malformed)
count         7  questions in the round, 1 to 99
pack id       8  first byte of sha256(pack id): tells "another version of pack X" from
                 "a pack you do not have"
pack hash    18  the top 18 bits of the pack's content hash (sha256 hex): another version of
                 the pack has another hash, so the code says so instead of giving other questions
seed         19  the round's seed, 0 to 524,287
=========  ====  ==========================================================================

Long codes: the first 13 characters carry 65 bits: mode 3, count 8 (1 to 200), pack id 8,
pack hash 26 (the top 26 bits), seed 20 (0 to 999,999).

Fresh codes, of 13 characters (`7Q3K-9MXA-2TBC4`), are those of fresh rounds (quiz/fresh.py): a
round started without a seed or a code, whose seed also drew which facts it puts off. Their
first 12 characters carry 60 bits: mode 3, count 8, pack id 8, pack hash 21, seed 20. The same
seed in a short or long code gives the plain round of that seed, as `--seed` does.

The last character of any code is a check character. Crockford's own check symbol is the value
mod 37, which needs five extra symbols (`*~$=U`) that are awkward to read aloud; this check stays in
the 32 symbols: reading each symbol as an element of GF(32), the weighted sum of all 12
symbols, weights α^(n-1) … α^0 (α primitive), is zero. A substitution of one symbol changes the
sum by a non-zero multiple of a non-zero weight, so every single-character typo is caught,
and since the weights are all different, so is every swap of two different characters.

Reading is forgiving: lowercase, spaces, hyphens and full-width characters are accepted, and
Crockford's aliases O → 0 and I, L → 1.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ali_quiz.i18n import Translator
from ali_quiz.packs.model import Pack
from ali_quiz.record import Record

ENGLISH = Translator("en")

__all__ = [
    "CODE_LENGTH",
    "CODE_MODES",
    "FRESH_CODE_LENGTH",
    "LONG_CODE_LENGTH",
    "MAX_CODE_COUNT",
    "MAX_CODE_SEED",
    "MAX_SHORT_SEED",
    "CodeError",
    "MalformedCode",
    "MistypedCode",
    "OtherPackVersion",
    "RoundCode",
    "UnknownPack",
    "decode_round_code",
    "encode_round_code",
    "format_code",
    "pack_id_matches",
    "pack_matches",
    "resolve_code",
]

#: A daily round's code holds mode daily and that day's seed: the same round on any date.
#: Review rounds (made from one player's history) have no code.
CODE_MODES = ("quick", "order", "match", "estimate", "choice", "daily")
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 11 data characters and the check character
LONG_CODE_LENGTH = 14  # 13 data characters and the check character
FRESH_CODE_LENGTH = 13  # a fresh round's: 12 data characters and the check character
_DATA_LENGTH = CODE_LENGTH - 1
_GROUPS = {CODE_LENGTH: (4, 4, 4), FRESH_CODE_LENGTH: (4, 4, 5), LONG_CODE_LENGTH: (4, 5, 5)}

_MODE_BITS = 3
_COUNT_BITS = 7
_ID_BITS = 8
_HASH_BITS = 18
_SEED_BITS = 19
assert _MODE_BITS + _COUNT_BITS + _ID_BITS + _HASH_BITS + _SEED_BITS == 5 * _DATA_LENGTH

MAX_SHORT_COUNT = 99
MAX_SHORT_SEED = (1 << _SEED_BITS) - 1  # 524287

#: The long code's fields (bits) and limits: every round the command line can ask for.
_LONG_FIELDS = (3, 8, 8, 26, 20)
assert sum(_LONG_FIELDS) == 5 * (LONG_CODE_LENGTH - 1)
MAX_CODE_COUNT = 200
MAX_CODE_SEED = 999_999
_FRESH_FIELDS = (3, 8, 8, 21, 20)
assert sum(_FRESH_FIELDS) == 5 * (FRESH_CODE_LENGTH - 1)
_SHORT_FIELDS = (_MODE_BITS, _COUNT_BITS, _ID_BITS, _HASH_BITS, _SEED_BITS)
_FIELDS = {CODE_LENGTH: _SHORT_FIELDS, FRESH_CODE_LENGTH: _FRESH_FIELDS}

#: Crockford's reading rules: these letters stand for the digits they look like.
_ALIASES = {"O": "0", "I": "1", "L": "1"}
_IGNORED = frozenset(" -_\u2010\u2011\u2012\u2013\u2014\u2212\u3000")
_VALUES = {symbol: index for index, symbol in enumerate(ALPHABET)}


# -- GF(32) arithmetic for the check character --------------------------------------------------

_POLY = 0b100101  # x^5 + x^2 + 1, primitive: x generates all 31 non-zero elements


def _gf_tables() -> tuple[tuple[int, ...], tuple[int, ...]]:
    exp = [0] * 62
    log = [0] * 32
    value = 1
    for power in range(31):
        exp[power] = exp[power + 31] = value
        log[value] = power
        value <<= 1
        if value & 0b100000:
            value ^= _POLY
    return tuple(exp), tuple(log)


_EXP, _LOG = _gf_tables()


def _gf_mul(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[_LOG[a] + _LOG[b]]


def _check_sum(values: Iterable[int]) -> int:
    """The weighted GF(32) sum of symbols; the last one gets weight α^0 = 1."""
    symbols = list(values)
    total = 0
    for position, value in enumerate(symbols):
        total ^= _gf_mul(value, _EXP[len(symbols) - 1 - position])
    return total


# -- errors -------------------------------------------------------------------------------------


class CodeError(ValueError):
    """A round code that cannot be used: what is wrong and what to do, as an interface-string
    key (`code.<reason>`) and its values, so each front end words it; str() is the English."""

    def __init__(self, reason: str, /, **values: object) -> None:
        self.reason, self.values = reason, values
        super().__init__(self.message(ENGLISH))

    def message(self, tr: Translator) -> str:
        """The problem in the interface language."""
        return tr(f"code.{self.reason}", **self.values)

    def words(self, tr: Translator, /) -> str:
        """The problem in the interface language (as a value of another sentence)."""
        return self.message(tr)


class MalformedCode(CodeError):
    """Not a round code at all: wrong length, a character codes never use, impossible fields."""


class MistypedCode(CodeError):
    """The check character does not match: a character was mistyped or two were swapped."""


class OtherPackVersion(CodeError):
    """The code was made for another version (other content) of a pack that is installed."""

    def __init__(self, pack_id: str, title: str, *, builtin: bool = False) -> None:
        # A built-in pack cannot be replaced by the teacher's copy: it changes with ali-quiz.
        reason = "other_builtin_version" if builtin else "other_version"
        super().__init__(reason, pack=repr(pack_id), title=title)
        self.pack_id = pack_id


class UnknownPack(CodeError):
    """No installed pack matches the code."""


# -- the code -----------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class RoundCode(Record):
    """What a round code holds. `pack_hash_prefix` is the top 18 bits of the content hash."""

    pack_hash_prefix: int
    mode: str
    count: int
    seed: int
    pack_id_tag: int  # first byte of sha256(pack id)
    hash_bits: int = _HASH_BITS  # 18 in a short code, 21 in a fresh one, 26 in a long one
    fresh: bool = False  # a fresh round's code: the seed also drew what the round puts off


def _hash_prefix(pack_hash: str, bits: int = _HASH_BITS) -> int:
    text = pack_hash.strip().lower()
    try:
        value = int(text[:8], 16)
    except ValueError:
        raise CodeError("bad_hash", hash=repr(pack_hash)) from None
    if len(text) < 8:
        raise CodeError("short_hash", hash=repr(pack_hash))
    return value >> (32 - bits)


def _id_tag(pack_id: str) -> int:
    from ali_quiz.digest import sha256

    return sha256(pack_id.encode("utf-8")).digest()[0]


def format_code(symbols: str) -> str:
    """Group symbols for reading aloud: `7Q3K9MXA2TBC` -> `7Q3K-9MXA-2TBC`."""
    groups = []
    start = 0
    for size in _GROUPS.get(len(symbols), (4,) * (len(symbols) // 4 + 1)):
        groups.append(symbols[start : start + size])
        start += size
    return "-".join(groups)


def encode_round_code(
    pack_hash: str, mode: str, count: int, seed: int, *, pack_id: str, fresh: bool = False
) -> str:
    """The round code for this pack version, mode, count and seed, e.g. `7Q3K-9MXA-2TBC`
    (`fresh`: of the fresh round of that seed, 13 characters)."""
    if mode not in CODE_MODES:
        raise CodeError("no_code_mode", mode=repr(mode), modes=CODE_MODES)
    if not 1 <= count <= MAX_CODE_COUNT:
        raise CodeError("count_too_large", max=MAX_CODE_COUNT, count=count)
    if not 0 <= seed <= MAX_CODE_SEED:
        raise CodeError("seed_too_large", seed=seed, max=MAX_CODE_SEED)
    short = count <= MAX_SHORT_COUNT and seed <= MAX_SHORT_SEED
    length = FRESH_CODE_LENGTH if fresh else CODE_LENGTH if short else LONG_CODE_LENGTH
    widths = _FIELDS.get(length, _LONG_FIELDS)
    fields = (
        CODE_MODES.index(mode),
        count,
        _id_tag(pack_id),
        _hash_prefix(pack_hash, widths[3]),
        seed,
    )
    value = 0
    for width, field in zip(widths, fields, strict=True):
        value = (value << width) | field
    data = length - 1
    digits = [(value >> (5 * (data - 1 - i))) & 31 for i in range(data)]
    check = _check_sum([*digits, 0])  # the check symbol makes the full sum zero
    return format_code("".join(ALPHABET[d] for d in [*digits, check]))


def _normalise(text: str) -> str:
    """Upper-case symbols with the separators removed and Crockford's aliases applied."""
    symbols = []
    for position, char in enumerate(unicodedata.normalize("NFKC", text).upper(), start=1):
        if char in _IGNORED:
            continue
        char = _ALIASES.get(char, char)
        if char not in _VALUES:
            if char == "U":
                raise MalformedCode("letter_u", position=position)
            raise MalformedCode("bad_character", char=repr(char), position=position)
        symbols.append(char)
    return "".join(symbols)


def decode_round_code(text: str) -> RoundCode:
    """Read a code as a person may type it; raise a CodeError subclass saying what is wrong."""
    symbols = _normalise(text)
    if len(symbols) not in (CODE_LENGTH, FRESH_CODE_LENGTH, LONG_CODE_LENGTH):
        shown = text.strip() or "(nothing)"
        raise MalformedCode(
            "length",
            shown=repr(shown),
            count=len(symbols),
            short=CODE_LENGTH,
            long=LONG_CODE_LENGTH,
        )
    values = [_VALUES[s] for s in symbols]
    if _check_sum(values) != 0:
        raise MistypedCode("mistyped", code=format_code(symbols))
    short = len(symbols) == CODE_LENGTH
    value = 0
    for digit in values[:-1]:
        value = (value << 5) | digit
    widths = _FIELDS.get(len(symbols), _LONG_FIELDS)
    fields = []
    for width in reversed(widths):
        fields.append(value & ((1 << width) - 1))
        value >>= width
    seed, hash_prefix, id_tag, count, mode_index = fields
    if (
        mode_index >= len(CODE_MODES)
        or not 1 <= count <= (MAX_SHORT_COUNT if short else MAX_CODE_COUNT)
        or seed > MAX_CODE_SEED
    ):
        raise MalformedCode("not_understood", code=format_code(symbols))
    return RoundCode(
        pack_hash_prefix=hash_prefix,
        mode=CODE_MODES[mode_index],
        count=count,
        seed=seed,
        pack_id_tag=id_tag,
        hash_bits=widths[3],
        fresh=len(symbols) == FRESH_CODE_LENGTH,
    )


def is_fresh_code(text: object) -> bool:
    """True when `text` is a well-formed fresh round's code (its seed alone is another round)."""
    if not isinstance(text, str):
        return False
    try:
        return decode_round_code(text).fresh
    except CodeError:
        return False


def pack_matches(code: RoundCode, pack_hash: str) -> bool:
    """True when the code was made for a pack with this content hash."""
    try:
        return _hash_prefix(pack_hash, code.hash_bits) == code.pack_hash_prefix
    except CodeError:
        return False


def pack_id_matches(code: RoundCode, pack_id: str) -> bool:
    """True when the code was made for a pack with this id (any version)."""
    return _id_tag(pack_id) == code.pack_id_tag


def resolve_code(code: RoundCode, packs: Iterable[Pack]) -> Pack:
    """The installed pack a code was made for; OtherPackVersion or UnknownPack when none is."""
    candidates = list(packs)
    exact = [p for p in candidates if pack_matches(code, p.content_hash)]
    # A hash prefix can collide by chance; the id tag settles it when it can.
    for pack in exact:
        if pack_id_matches(code, pack.id):
            return pack
    if exact:
        return exact[0]
    same_id = [p for p in candidates if pack_id_matches(code, p.id)]
    if same_id:
        pack = same_id[0]
        raise OtherPackVersion(pack.id, pack.title, builtin=pack.builtin)
    raise UnknownPack("unknown_pack")
