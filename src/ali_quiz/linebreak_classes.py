"""The line-breaking classes of characters, and where a line may break between two of them.

A subset of Unicode's line breaking algorithm (UAX #14), with the Chinese and Japanese line-start
and line-end rules (kinsoku, JIS X 4051 §6.1) applied strictly, as Chinese typesetting does:

Classes (UAX #14 names) and what they do here:

- `ID` ideographs, kana, Hangul, full-width forms, emoji (any other wide character): a break
  before and after (LB31).
- `AL` letters and symbols, `NU` decimal digits (full-width too): never broken inside a run of
  them, a Latin word, a number, `5G` (LB23, LB28).
- `IS` `. , : ;`: no break before; none after between digits or letters: `2.0`, `1,000`,
  `12:30`, `e.g.` (LB13, LB25, LB29).
- `PR` `$ ¥ € + ±…` keeps its number; `PO` `% ‰ ° ℃ ′…` never starts a line: `6%` (LB24, LB25).
- `OP` opening brackets `(「『《〈【（…`: never end a line, even before a space (LB14; JIS
  line-end rule).
- `CL` closing brackets `)」』》〉】）…` and `、。，．`: never start a line, even after a space
  (LB13; JIS line-start rule).
- `NS` `？！：；!?`, `…‥`, `ー々ゝゞヽヾ・`, small kana, `‼⁇⁈⁉`: never start a line (JIS X 4051's
  line-start prohibited characters, the strict set).
- `QU` `" '` and curly quotes `“ ” ‘ ’ « »`: glued to what they touch on either side (LB19), so
  `“` never ends a line nor `”` starts one, whichever way a text uses them.
- `HY` `-`: glued on both sides, so `dingtalk-2020`, `7Q3K-9MXA`, `2014-12-01` stay whole
  (stricter than LB21, as terminals wrap); `BA` `‐ –`: a break after; `B2` `— ―`: a break
  before and after, never inside `——` (LB17, LB21).
- `SY` `/`: glued on both sides: `1/2`, `and/or`, paths (stricter than LB13).
- `GL` no-break spaces and the word joiner: no break on either side (LB12); `ZW` zero-width
  space: a break after (LB8).
- `SP` spaces (the ideographic space too): a break after the spaces, never before (LB7, LB18).

Not covered: hyphenation, dictionary breaking of Thai or Lao (their words break at spaces only),
the LB25 refinements for numbers inside brackets.

Combining marks, variation selectors, zero-width joiners (with the character they join), emoji
modifiers, Hangul jamo vowels and tails, paired regional indicators, format and control
characters stay with the character before them (LB9, LB8a, LB30a, LB30b): a cluster.

Two softer rules of ours (a break there only when a line has no other): a number keeps the one
character after it when that is a CJK character (its counter or unit: `5題`, `5 題`, `2億`,
`7610.2萬`, `2.0版`), and `第`, `年` and `月` keep the number after them (`第58`, a date:
`2014年12月1日`). UAX #14 allows these breaks; Chinese readers stumble on them.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

ID, AL, NU, IS, PR, PO, OP, CL, NS = "ID", "AL", "NU", "IS", "PR", "PO", "OP", "CL", "NS"
QU, HY, BA, B2, SY, GL, ZW, SP = "QU", "HY", "BA", "B2", "SY", "GL", "ZW", "SP"

#: Breaks, best first: NORMAL, then SOFT (kept together when possible), then the fallbacks used
#: only to fold a run longer than a line: INSIDE a word or number, then KINSOKU (a line starting
#: with closing punctuation), then NEVER (before a space or inside a cluster).
NORMAL, SOFT, INSIDE, KINSOKU, NEVER = 4, 3, 2, 1, 0

_SPACES = frozenset(
    " \t\n\u3000\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u205f"
)
#: Characters that are spaces to line breaking (a break may follow them).
SPACE_CHARACTERS = _SPACES
_GLUE = frozenset("\u00a0\u2007\u202f\u2060\ufeff\u180e")
_OPENERS_EXTRA = frozenset("¡¿")
_CLOSERS_EXTRA = frozenset("、。，．｡､﹐﹑﹒")
_NON_STARTERS = frozenset(
    "!?！？：；﹔﹕﹖﹗‼⁇⁈⁉…‥・ー々〻ゝゞヽヾ゛゜〳〴〵〜"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯｰ"
)
_INFIX = frozenset(".,:;")
_POSTFIX = frozenset("%‰‱′″‴°℃℉¢％￠")
_PREFIX = frozenset("$£¥€₩₹₽₱+±\\№＄￥￡￦")
_QUOTES = frozenset("\"'“”‘’«»‹›‚„‛‟")
_DASHES = frozenset("‐–")
_LONG_DASHES = frozenset("—―⸺⸻")
_NUMBER_KEEPERS = frozenset("第年月")

#: Classes that never start a line, even after a space.
LINE_START_PROHIBITED = frozenset({CL, NS, IS, PO, SY})
#: Letters, digits and the signs that glue to them into one unbreakable run.
_WORD = frozenset({AL, NU, PR, PO, HY, SY})


@lru_cache(maxsize=8192)
def line_class(ch: str) -> str:
    """The line-breaking class of one character (the base character of a cluster)."""
    if ch in _SPACES:
        return SP
    if ch in _GLUE:
        return GL
    if ch == "\u200b":
        return ZW
    if ch in _QUOTES:
        return QU
    category = unicodedata.category(ch)
    if category == "Ps" or ch in _OPENERS_EXTRA:
        return OP
    if category == "Pe" or ch in _CLOSERS_EXTRA:
        return CL
    if ch in _NON_STARTERS:
        return NS
    if ch in _INFIX:
        return IS
    if ch in _POSTFIX:
        return PO
    if ch in _PREFIX:
        return PR
    if category == "Nd":
        return NU
    if ch == "-":
        return HY
    if ch in _DASHES:
        return BA
    if ch in _LONG_DASHES:
        return B2
    if ch == "/":
        return SY
    return ID if is_wide(ch) else AL


@lru_cache(maxsize=8192)
def is_wide(ch: str) -> bool:
    """A character East Asian typesetting sets on a full square (CJK, kana, Hangul, emoji)."""
    return unicodedata.east_asian_width(ch) in "WF"


@lru_cache(maxsize=8192)
def is_extender(ch: str) -> bool:
    """A character that belongs to the one before it: a mark, a selector, a joiner, a control."""
    code = ord(ch)
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:  # Hangul jamo vowels and tails
        return True
    if 0x1F3FB <= code <= 0x1F3FF:  # emoji skin tones
        return True
    if ch in _SPACES or ch in _GLUE or ch == "\u200b":
        return False
    return unicodedata.category(ch) in ("Mn", "Me", "Mc", "Cf", "Cc", "Cs", "Co")


def is_regional_indicator(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def keeps_next_number(ch: str) -> bool:
    """A character that keeps the number after it: 第 (第58位), and 年 and 月 inside a date
    (2014年12月1日)."""
    return ch in _NUMBER_KEEPERS


@lru_cache(maxsize=4096)
def direct_break(
    before: str, before2: str | None, after: str, keeper: bool, wide: tuple[bool, bool]
) -> int:
    """How breakable the place between two touching clusters is.

    `before` and `after` are the classes on either side, `before2` the class of the cluster
    before `before` (None at the start), `keeper` whether `before` keeps a number after it,
    `wide` whether each of the two is a wide character.
    """
    if after in LINE_START_PROHIBITED:
        return KINSOKU
    if before == OP:
        return KINSOKU
    if before == ZW:
        return NORMAL
    if GL in (before, after) or after == ZW or QU in (before, after):
        return INSIDE
    if after in (HY, BA) or before in (HY, SY):
        return INSIDE
    if before == B2 == after:
        return INSIDE
    if before in _WORD and after in _WORD:
        return INSIDE
    if before == IS and after in (AL, NU) and before2 in (AL, NU):
        return INSIDE  # 2.0, 1,000, 12:30, e.g.
    if before == CL and not wide[0] and after in (AL, NU):
        return INSIDE  # (a)b
    if before in (AL, NU) and after == OP and not wide[1]:
        return INSIDE  # f(x), 5.0(beta); never 5.0「
    if before == NU and after == ID:
        return SOFT  # 5題, 2億, 2.0版
    if keeper and after == NU:
        return SOFT  # 第58, 2014年12月
    return NORMAL


def spaced_break(before: str, after: str, spaces: int) -> int:
    """How breakable the place after `spaces` spaces between two clusters is."""
    if after in LINE_START_PROHIBITED or before == OP:
        return KINSOKU
    if before == NU and after == ID and spaces == 1:
        return SOFT  # 5 題
    return NORMAL
