"""How generated questions are worded, in the pack's language (English for any other language)."""

from __future__ import annotations

from ali_quiz.packs.dates import PartialDate

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip

_PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "order_timeline": "Put these in order, earliest first.",
        "order_sequence": "{title}: put these in order, earliest first.",
        "match_dates": "Match each happening with its date.",
        "match_highlights": "Match each release with what it brought.",
        "match_figures": "Match each figure with its value.",
        "estimate": "{label}: how much? (in {unit})",
        "choice_when": "When did this happen: {title}?",
        "choice_what": "What happened in {date}?",
        "choice_figure": "{label}: which figure is right?",
        "choice_first": "{title}: which of these came first?",
        "choice_release": "Which release brought this: {highlight}?",
    },
    "zh-Hant": {
        "order_timeline": "請依時間先後排列,最早的在前。",
        "order_sequence": "{title}:請依先後排列,最早的在前。",
        "match_dates": "請將每件事與它的日期配對。",
        "match_highlights": "請將每個版本與它帶來的新功能配對。",
        "match_figures": "請將每項數據與它的數值配對。",
        "estimate": "{label}是多少?(單位:{unit})",
        "choice_when": "「{title}」是在什麼時候?",
        "choice_what": "{date}發生了什麼事?",
        "choice_figure": "{label}是多少?",
        "choice_first": "{title}:以下哪一個最早?",
        "choice_release": "哪一個版本帶來了「{highlight}」?",
    },
}


def _language(language: str) -> str:
    return "zh-Hant" if language.lower().startswith("zh") else "en"


def phrase(language: str, key: str, **values: str) -> str:
    """The wording of one question template in the pack's language."""
    return _PHRASES[_language(language)][key].format(**values)


def format_date(value: PartialDate, language: str) -> str:
    """2016年9月 / September 2016, as precise as the date is."""
    if _language(language) == "zh-Hant":
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


def format_figure(written: str, unit: str, language: str) -> str:
    """A figure as the source writes it, with its unit: 7610.2萬人, 11.51 billion accounts, 6%."""
    if unit == "%" or written.endswith("%"):
        return written if written.endswith("%") else f"{written}%"
    if _language(language) == "zh-Hant":
        return f"{written}{unit}"
    return f"{written} {unit}"
