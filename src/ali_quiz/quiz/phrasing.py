"""How generated questions are worded, in the pack's language (English for any other language).

Every template is listed, with an example sentence per language, in docs/questions.md; a fact's
own `ask:` wording replaces the template of the question that asks for its date or figure.
"""

from __future__ import annotations

import re

from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import Version

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "order_timeline": "Put these in order, earliest first.",
        "order_sequence": "{title}: put these in order, earliest first.",
        "match_dates": "Match each event with its date.",
        "match_highlights": "Match each release with its highlight.",
        "match_figures": "Match each figure with its value.",
        "estimate": "{label}: how many {unit}?",
        "estimate_percent": "{label}: what percentage?",
        "when_event": "When did this happen? {title}.",
        "when_version": "When was {title} released?",
        "what_on": "What happened on {date}?",
        "what_in": "What happened in {date}?",
        "before": "Which of these happened before {date}?",
        "after": "Which of these happened after {date}?",
        "first_event": "Which of these happened first?",
        "last_event": "Which of these happened last?",
        "first_sequence": "{title}: which of these came first?",
        "last_sequence": "{title}: which of these came last?",
        "next": "{title}: which of these came right after {item}?",
        "previous": "{title}: which of these came right before {item}?",
        "figure": "{label}: which figure is right?",
        "small": "{label}: which is right?",
        "largest": "Which of these figures is the largest?",
        "smallest": "Which of these figures is the smallest?",
        "release": "Which release had this highlight: {highlight}?",
        "codename": "Which release was code-named {codename}?",
        "brought": "What was a highlight of {title}?",
        "state": "As of which date does the source report this? {title}.",
        "released": "{title} is released",
    },
    "zh-Hant": {
        "order_timeline": "請依時間先後排列，最早的在前。",
        "order_sequence": "請依先後排列{title}，最早的在前。",
        "match_dates": "請將每件事與它的日期配對。",
        "match_highlights": "請將每個版本與它的亮點配對。",
        "match_figures": "請將每項數據與它的數值配對。",
        "estimate": "{label}是多少{unit}？",
        "estimate_percent": "{label}是百分之多少？",
        "when_event": "{title}是在什麼時候發生的？",
        "when_version": "{title}是在什麼時候釋出的？",
        "what_on": "{date}發生了什麼事？",
        "what_in": "{date}發生了什麼事？",
        "before": "以下哪一件事發生在{date}之前？",
        "after": "以下哪一件事發生在{date}之後？",
        "first_event": "以下哪一件事最早發生？",
        "last_event": "以下哪一件事最晚發生？",
        "first_sequence": "以下{title}中，哪一個最早？",
        "last_sequence": "以下{title}中，哪一個最晚？",
        "next": "以下{title}中，哪一個緊接在{item}之後？",
        "previous": "以下{title}中，哪一個緊接在{item}之前？",
        "figure": "{label}是多少？",
        "small": "{label}是多少？",
        "largest": "以下哪一項數據的數值最大？",
        "smallest": "以下哪一項數據的數值最小？",
        "release": "以下哪一個版本的亮點是：{highlight}？",
        "codename": "代號“{codename}”的是哪一個版本？",
        "brought": "以下哪一項是{title}的亮點？",
        "state": "根據資料，截至哪一天{title}？",
        "released": "{title}釋出",
    },
}


def language_key(language: str) -> str:
    """The template language for a pack language: zh-Hant for any Chinese, else English."""
    found = _LANGUAGE_KEYS.get(language)
    if found is None:
        found = "zh-Hant" if language.lower().startswith("zh") else "en"
        if len(_LANGUAGE_KEYS) < 64:  # a few tags in a process: a round asks thousands of times
            _LANGUAGE_KEYS[language] = found
    return found


_LANGUAGE_KEYS: dict[str, str] = {}
_VALUE = re.compile(r"\{(\w+)\}")


def _beside_chinese(template: str, *, after: bool) -> tuple[str, ...]:
    """The names of the template's values followed at once by a Chinese character (U+3400 to
    U+9FFF), or with `after`, that come right after one.

    Looked at character by character: a character class of that range in a pattern costs
    more to compile than every template takes to scan (about 3 ms of each start)."""
    names = []
    for match in _VALUE.finditer(template):
        start, end = match.span()
        beside = template[start - 1 : start] if after else template[end : end + 1]
        if "\u3400" <= beside <= "\u9fff":
            names.append(match.group(1))
    return tuple(names)


#: Per Chinese template, the values followed at once by a Chinese character.
_BEFORE_CHINESE = {
    key: _beside_chinese(template, after=False) for key, template in PHRASES["zh-Hant"].items()
}
#: Per Chinese template, the values that come right after a Chinese character.
_AFTER_CHINESE = {
    key: _beside_chinese(template, after=True) for key, template in PHRASES["zh-Hant"].items()
}
#: English templates that end a sentence after a value: no second stop after its `?` or `.`.
_STOP_AFTER_VALUE = frozenset(k for k, t in PHRASES["en"].items() if t.endswith("}."))


def phrase(language: str, key: str, **values: str) -> str:
    """The wording of one question template in the pack's language.

    In Chinese a value that ends in Latin letters or digits is set off by a space from the
    Chinese word after it, as the space before it already is (`釘釘 4.0 釋出`, not
    `釘釘 4.0釋出`); a value that ends in a Chinese character or a quote joins on. Likewise a
    value that starts with a Latin letter after a Chinese word (`截至哪一天 Python…`).
    In English a value that ends a sentence by itself (`…in 1991?`) takes no second stop.
    """
    found = language_key(language)
    if found == "zh-Hant":
        for name in _BEFORE_CHINESE[key]:
            values[name] = spaced_before_chinese(values[name])
        for name in _AFTER_CHINESE[key]:
            text = values[name]
            if text and text[0].isascii() and text[0].isalpha():  # not a date: 在2019年之前
                values[name] = f" {text}"
        return PHRASES[found][key].format(**values)
    text = PHRASES[found][key].format(**values)
    if key in _STOP_AFTER_VALUE and text[-2:-1] in (".", "?", "!", "…"):
        return text[:-1]
    return text


def spaced_before_chinese(text: str) -> str:
    """`釘釘 4.0` → `釘釘 4.0 `: the text, with a space when it ends in a Latin letter or digit,
    to stand before a Chinese word."""
    return f"{text} " if text and text[-1].isascii() and text[-1].isalnum() else text


def format_date(value: PartialDate, language: str) -> str:
    """2016年9月 / September 2016, as precise as the date is."""
    if language_key(language) == "zh-Hant":
        text = f"{value.year}年"
        if value.month is not None:
            text += f"{value.month}月"
        if value.day is not None:
            text += f"{value.day}日"
        return text
    if value.month is None:
        return str(value.year)
    month = MONTHS_EN[value.month - 1]
    if value.day is None:
        return f"{month} {value.year}"
    return f"{value.day} {month} {value.year}"


def what_happened(value: PartialDate, language: str) -> str:
    """`What happened on 18 November 2015?`: on a day, in a month or a year."""
    key = "what_on" if value.day is not None else "what_in"
    return phrase(language, key, date=format_date(value, language))


def format_figure(written: str, unit: str, language: str) -> str:
    """A figure as the source writes it, with its unit: 7610.2萬人, 11.51 billion accounts, 6%."""
    if unit == "%" or written.endswith("%"):
        return written if written.endswith("%") else f"{written}%"
    if language_key(language) == "zh-Hant":
        return f"{written}{unit}"
    return f"{written} {singular(unit) if written.strip() == '1' else unit}"


def format_count(value: int, unit: str, language: str, *, rank: bool) -> str:
    """A small whole number or a rank with its unit: 第58位 / 58th place, 1 year, 4種."""
    number = f"{value:,}"  # a whole number, grouped as format_plain groups it
    if language_key(language) == "zh-Hant":
        return f"第{number}{unit}" if rank else f"{number}{unit}"
    if rank:
        return f"{ordinal(value)} {unit}" if unit.strip() else ordinal(value)
    return f"{number} {singular(unit) if value == 1 else unit}"


def ordinal(value: int) -> str:
    """1st, 2nd, 3rd, 11th, 58th."""
    teens = 10 <= value % 100 <= 20
    suffix = "th" if teens else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


def singular(unit: str) -> str:
    """`years` → `year`, for a count of one (English units only)."""
    if unit.endswith("ies") and len(unit) > 4:
        return unit[:-3] + "y"
    if unit.endswith("s") and not unit.endswith("ss"):
        return unit[:-1]
    return unit


def embedded(phrase_text: str, language: str) -> str:
    """A capitalised English phrase set inside a sentence: `Online office` → `online office`.

    A word in capitals (`DingTalk`, `QR`) keeps them; Chinese is left as it is.
    """
    if language_key(language) != "en" or len(phrase_text) < 2:
        return phrase_text
    first_word = phrase_text.split(" ", 1)[0]
    if first_word[0].isupper() and first_word[1:] == first_word[1:].lower():
        return phrase_text[0].lower() + phrase_text[1:]
    return phrase_text


def version_title(version: Version, language: str) -> str:
    """`釘釘 5.0“巴顏喀拉”` / `DingTalk 5.0 “Bayan Har”`, quoted as the article quotes names."""
    name = version_name(version)
    if not version.codename:
        return name
    if language_key(language) == "zh-Hant":
        return f"{name}“{version.codename}”"
    return f"{name} “{version.codename}”"


def version_name(version: Version) -> str:
    """Product and version without the codename: `釘釘 5.0`, `釘釘測試版` (Chinese words join)."""
    product, number = version.product, version.version
    if product and number and _is_cjk(product[-1]) and _is_cjk(number[0]):
        return f"{product}{number}"
    return f"{product} {number}"


def _is_cjk(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def headline(title: str, when: str, language: str, *, as_of: bool = False) -> str:
    """The line an explanation starts with: what, and when (or as of when)."""
    if language_key(language) == "zh-Hant":
        return f"{title}（{'截至' if as_of else ''}{when}）"
    return f"{title} ({'as of ' if as_of else ''}{when})"


def labelled(label: str, value: str, language: str) -> str:
    """`釘釘月活躍人數：7610.2萬人` / `DingTalk's monthly active people: 76.102 million people`."""
    if language_key(language) == "zh-Hant":
        return f"{label}：{value}"
    return f"{label}: {value}"
