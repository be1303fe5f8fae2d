"""Question wording: every template per language, and wordings that must never come back."""

from __future__ import annotations

import re

import pytest

from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import Pack, Version
from ali_quiz.quiz.audit import BANNED_WORDINGS
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.kinds import ChoiceQuestion, MatchQuestion, OrderQuestion, Question
from ali_quiz.quiz.phrasing import (
    PHRASES,
    format_count,
    format_date,
    format_figure,
    phrase,
    version_name,
    version_title,
    what_happened,
)

VALUES = {
    "title": "DingTalk 3.0",
    "label": "DingTalk's monthly active people",
    "unit": "people",
    "date": "September 2016",
    "highlight": "Online office",
    "codename": "Bayan Har",
    "item": "Laiwang",
}
VALUES_ZH = {
    "title": "釘釘 3.0",
    "label": "釘釘月活躍人數",
    "unit": "人",
    "date": "2016年9月",
    "highlight": "線上辦公室",
    "codename": "巴顏喀拉",
    "item": "來往",
}

#: Every template with the sentence it makes from the values above, per language.
EXPECTED = {
    "order_timeline": ("Put these in order, earliest first.", "請依時間先後排列，最早的在前。"),
    "order_sequence": (
        "DingTalk 3.0: put these in order, earliest first.",
        "請依先後排列釘釘 3.0，最早的在前。",
    ),
    "match_dates": ("Match each event with its date.", "請將每件事與它的日期配對。"),
    "match_highlights": (
        "Match each release with its highlight.",
        "請將每個版本與它的亮點配對。",
    ),
    "match_figures": ("Match each figure with its value.", "請將每項數據與它的數值配對。"),
    "estimate": (
        "DingTalk's monthly active people: how many people?",
        "釘釘月活躍人數是多少人？",
    ),
    "estimate_percent": (
        "DingTalk's monthly active people: what percentage?",
        "釘釘月活躍人數是百分之多少？",
    ),
    "when_event": ("When did this happen? DingTalk 3.0.", "釘釘 3.0 是在什麼時候發生的？"),
    "when_version": ("When was DingTalk 3.0 released?", "釘釘 3.0 是在什麼時候釋出的？"),
    "what_on": ("What happened on September 2016?", "2016年9月發生了什麼事？"),
    "what_in": ("What happened in September 2016?", "2016年9月發生了什麼事？"),
    "before": (
        "Which of these happened before September 2016?",
        "以下哪一件事發生在2016年9月之前？",
    ),
    "after": (
        "Which of these happened after September 2016?",
        "以下哪一件事發生在2016年9月之後？",
    ),
    "first_event": ("Which of these happened first?", "以下哪一件事最早發生？"),
    "last_event": ("Which of these happened last?", "以下哪一件事最晚發生？"),
    "first_sequence": (
        "DingTalk 3.0: which of these came first?",
        "以下釘釘 3.0 中，哪一個最早？",
    ),
    "last_sequence": ("DingTalk 3.0: which of these came last?", "以下釘釘 3.0 中，哪一個最晚？"),
    "figure": (
        "DingTalk's monthly active people: which figure is right?",
        "釘釘月活躍人數是多少？",
    ),
    "small": ("DingTalk's monthly active people: which is right?", "釘釘月活躍人數是多少？"),
    "largest": ("Which of these figures is the largest?", "以下哪一項數據的數值最大？"),
    "smallest": ("Which of these figures is the smallest?", "以下哪一項數據的數值最小？"),
    "release": (
        "Which release had this highlight: Online office?",
        "以下哪一個版本的亮點是：線上辦公室？",
    ),
    "codename": ("Which release was code-named Bayan Har?", "代號“巴顏喀拉”的是哪一個版本？"),
    "brought": ("What was a highlight of DingTalk 3.0?", "以下哪一項是釘釘 3.0 的亮點？"),
    "next": (
        "DingTalk 3.0: which of these came right after Laiwang?",
        "以下釘釘 3.0 中，哪一個緊接在來往之後？",
    ),
    "previous": (
        "DingTalk 3.0: which of these came right before Laiwang?",
        "以下釘釘 3.0 中，哪一個緊接在來往之前？",
    ),
    "state": (
        "As of which date does the source report this? DingTalk 3.0.",
        "根據資料，截至哪一天釘釘 3.0？",
    ),
    "released": ("DingTalk 3.0 is released", "釘釘 3.0 釋出"),
}


def test_every_template_is_in_the_table() -> None:
    assert set(PHRASES["en"]) == set(PHRASES["zh-Hant"]) == set(EXPECTED)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_template_reads_as_expected(key: str) -> None:
    english, chinese = EXPECTED[key]
    assert phrase("en", key, **VALUES) == english
    assert phrase("de", key, **VALUES) == english  # any other language: English
    assert phrase("zh-Hant", key, **VALUES_ZH) == chinese
    assert phrase("zh-Hant", key, **VALUES_ZH) == phrase("zh-TW", key, **VALUES_ZH)


def test_dates_figures_and_counts_read_naturally() -> None:
    day = PartialDate(2015, 11, 18)
    assert what_happened(day, "en") == "What happened on 18 November 2015?"
    assert what_happened(PartialDate(2015, 11), "en") == "What happened in November 2015?"
    assert what_happened(PartialDate(2015), "en") == "What happened in 2015?"
    assert format_date(day, "zh-Hant") == "2015年11月18日"
    assert format_figure("1", "years", "en") == "1 year"
    assert format_figure("2", "years", "en") == "2 years"
    assert format_figure("6%", "%", "en") == "6%"
    assert format_count(1, "years", "en", rank=False) == "1 year"
    assert format_count(58, "place", "en", rank=True) == "58th place"
    assert format_count(1, "place", "en", rank=True) == "1st place"
    assert format_count(12, "place", "en", rank=True) == "12th place"
    assert format_count(23, "place", "en", rank=True) == "23rd place"
    assert format_count(58, "位", "zh-Hant", rank=True) == "第58位"
    assert format_count(4, "種", "zh-Hant", rank=False) == "4種"


def test_release_names_read_as_each_language_writes_them() -> None:
    five = Version(id="v", product="DingTalk", version="5.0", codename="Bayan Har")
    assert version_title(five, "en") == "DingTalk 5.0 “Bayan Har”"
    five_zh = Version(id="v", product="釘釘", version="5.0", codename="巴顏喀拉")
    assert version_title(five_zh, "zh-Hant") == "釘釘 5.0“巴顏喀拉”"
    assert version_name(Version(id="b", product="釘釘", version="測試版")) == "釘釘測試版"
    assert version_name(five_zh) == "釘釘 5.0"


#: Wordings a teacher corrected: they must never appear in a generated question again.
NEVER = [
    "帶來了「更名為",
    "」是在什麼時候",
    "What happened in 18 November",
    "how much? (in",
    "1 years",
    "58 place",
]


def _texts(question: Question) -> list[str]:
    texts = [question.prompt]
    if isinstance(question, ChoiceQuestion):
        texts += [o.text for o in question.options]
    elif isinstance(question, OrderQuestion):
        texts += [i.text for i in question.items]
    elif isinstance(question, MatchQuestion):
        texts += [e.text for e in (*question.left, *question.right)]
    return texts


@pytest.mark.parametrize("which", ["zh", "en"])
def test_banned_wordings_never_come_back(which: str, pack_zh: Pack, pack_en: Pack) -> None:
    pack = pack_zh if which == "zh" else pack_en
    authored = {q.id for q in pack.questions}
    seen = 0
    for mode in ("quick", "order", "match", "estimate", "choice"):
        for seed in range(1, 21):
            for question in generate_round(pack, mode, 10, seed):
                if question.id in authored:
                    continue
                for text in _texts(question):
                    seen += 1
                    assert not any(bad in text for bad in NEVER), (question.id, text)
                    assert not any(p.search(text) for p in BANNED_WORDINGS), (question.id, text)
                    if which == "en":
                        assert not re.search("[「」]", text), (question.id, text)
    assert seen > 1000


def test_a_value_that_ends_its_sentence_takes_no_second_stop() -> None:
    """ "When did this happen? Python 3.0 is released." but no "…released?." (play test G4)."""
    assert phrase("en", "when_event", title="Python 3.0 is released") == (
        "When did this happen? Python 3.0 is released."
    )
    assert phrase("en", "when_event", title="Was it 1991?") == "When did this happen? Was it 1991?"
    assert phrase("en", "state", title="It is 1.0.") == (
        "As of which date does the source report this? It is 1.0."
    )


def test_a_latin_word_after_chinese_is_spaced_but_a_date_is_not() -> None:
    assert phrase("zh-Hant", "state", title="Python 是最常用的語言") == (
        "根據資料，截至哪一天 Python 是最常用的語言？"
    )
    assert phrase("zh-Hant", "before", date="2016年9月") == "以下哪一件事發生在2016年9月之前？"
