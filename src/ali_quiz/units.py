"""The unit a question names, as a player may write it after a figure: `9.7563億人` for 人,
`5 years` for years, `110 m` or `110 meters` for metres.

A pack's unit is a word (`metres`, `km`, `人`), never a multiplier; a player writes it in any of
its usual spellings, so each unit of the table below stands for all of its spellings.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["figure_before_lone_m", "figure_before_unit", "strip_unit"]

#: Chinese classifiers a figure may carry before its unit (11.5億個賬戶) or instead of it.
_CLASSIFIERS = ("個", "个")
#: What a figure may end in before its unit: a digit, a letter (`million`), or one of these.
_FIGURE_ENDS = "萬万億亿兆千百十%"
#: The spellings of one unit: a question naming any of them reads any of them after a figure
#: (a question in metres takes `110 m`, which would otherwise read as 110 million).
_SPELLINGS = (
    ("m", "metre", "metres", "meter", "meters", "公尺", "米"),
    ("km", "kilometre", "kilometres", "kilometer", "kilometers", "公里"),
    ("cm", "centimetre", "centimetres", "centimeter", "centimeters", "公分", "釐米", "厘米"),
    ("mm", "millimetre", "millimetres", "millimeter", "millimeters", "毫米", "公釐"),
    ("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes", "公斤"),
    ("g", "gram", "grams", "gramme", "grammes", "公克", "克"),
    ("l", "litre", "litres", "liter", "liters", "公升"),
    ("s", "sec", "secs", "second", "seconds", "秒"),
    ("min", "mins", "minute", "minutes", "分鐘", "分钟"),
    ("h", "hr", "hrs", "hour", "hours", "小時", "小时"),
    ("yr", "yrs", "year", "years", "年"),
)
#: Every spelling of the table but those that are also multipliers (`m`: 76.1m is million).
_UNIT_WORDS = frozenset(form for forms in _SPELLINGS for form in forms) - {"m"}
#: A bare figure (digits, points, commas, spaces), as before a lone m: one character class, so
#: that a long line is read in linear time.
_BARE_FIGURE = re.compile(r"[\d.,\s]+")


def strip_unit(text: str, unit: str) -> str:
    """The figure without the unit a question names after it: `9.7563億人` -> `9.7563億` for
    人, `1.5 years` -> `1.5` for years (singular or plural, any case), `800 m` -> `800` for m
    or metres.

    The question's unit wins over a multiplier of the same letters: a pack's unit is never a
    multiplier, so for a unit in metres `800m` is 800 of it, not 800 million. A Chinese
    unit may come with the classifier 個/个 before it or in its place (`11.5億個賬戶`,
    `11.5億個` for 賬戶), as a question asking 多少個 invites. Text without the unit comes
    back unchanged."""
    unit = unicodedata.normalize("NFKC", unit).strip()
    if not unit or unit == "%":
        return text
    forms = {unit}
    if unit.isascii() and unit.isalpha():
        forms |= {unit + "s", unit.removesuffix("s")}
    elif not unit.isascii():
        forms |= {word + unit for word in _CLASSIFIERS} | set(_CLASSIFIERS)
    folded_unit = unit.casefold()
    for spellings in _SPELLINGS:
        if folded_unit in spellings:
            forms |= set(spellings)
    split = _split(text, forms)
    return text if split is None else split


def figure_before_unit(text: str) -> str | None:
    """The figure of `330 metres` or `330公尺` (a figure, then a unit of the table, not a
    multiplier), for a question that names no unit; None when the text ends in no unit."""
    return _split(text, _UNIT_WORDS)


def figure_before_lone_m(text: str) -> str | None:
    """The figure of `330 m` or `330m`: a bare figure, then a lone lower-case m, which a
    question that names no unit cannot read (metres or million?); None for any other text."""
    if not text.endswith("m"):
        return None
    figure = text[:-1].rstrip()
    if _BARE_FIGURE.fullmatch(figure) and any(char.isdigit() for char in figure):
        return figure
    return None


def _split(text: str, forms: set[str] | frozenset[str]) -> str | None:
    """The text before the longest of `forms` it ends with, after a figure; else None."""
    body = text.rstrip()
    folded = body.casefold()
    for form in sorted(forms, key=len, reverse=True):
        if form and folded.endswith(form.casefold()) and len(body) > len(form):
            rest = body[: -len(form)].rstrip()
            if rest and (rest[-1].isdigit() or rest[-1] in _FIGURE_ENDS or rest[-1].isalpha()):
                if form.isascii() and form[0].isalpha() and body[-len(form) - 1].isalpha():
                    continue  # `2billions`: the unit must stand as a word of its own
                return rest
    return None
