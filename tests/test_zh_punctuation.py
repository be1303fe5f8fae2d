"""Chinese sentences of the interface use full-width punctuation (：，？！；（）).

Traditional Chinese typesetting puts full-width marks in a Chinese sentence; half-width ones
belong only inside Latin text and numbers (`2,000`, `10^-30`), in code (`` `鍵: 值` ``,
`?token=`) and where a mark is itself the thing named (the key `?`, the answer `「?」`).
The check runs over every 繁體中文 catalogue string, every Chinese question template and the
Chinese worksheet's words.
"""

from __future__ import annotations

import re

import pytest

from ali_quiz.i18n import Translator, strings
from ali_quiz.quiz.phrasing import PHRASES, headline, labelled
from ali_quiz.teach.sheets import words_for

HALF_WIDTH = ":,?!;()"
CJK = re.compile(
    r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)
#: What is code or a name, not punctuation: `code` spans, a query string, Rich's [b] tags.
CODE = re.compile(r"`[^`]*`|\?\w+=|\[/?b\]")
#: `{name}`, and argparse's own `%(name)s`, `%r`, `%s` (the command line words its messages).
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)[rs]|%[rs]")


def misplaced(text: str) -> list[str]:
    """The half-width marks of a Chinese text that should be full-width, each with its context.

    A mark is in its place between two ASCII letters or digits (`2,000`), standing alone
    between spaces (the key `?`) or quoted alone (`「?」`), and in code. A placeholder counts
    as neither Latin nor Chinese: `{path}:{error}` in a Chinese sentence is Chinese.
    """
    if not CJK.search(text):
        return []
    masked = CODE.sub(lambda m: "\x01" * len(m.group()), text)
    masked = PLACEHOLDER.sub(lambda m: "\x00" * len(m.group()), masked)
    found = []
    for i, char in enumerate(masked):
        if char not in HALF_WIDTH:
            continue
        before = masked[i - 1] if i else " "
        after = masked[i + 1] if i + 1 < len(masked) else " "
        inside_latin = before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
        alone = before.isspace() and after.isspace()
        quoted = before == "「" and after == "」"
        if not (inside_latin or alone or quoted):
            found.append(text[max(0, i - 6) : i + 7])
    return found


def test_the_check_finds_half_width_marks_in_chinese_and_leaves_latin_alone() -> None:
    """The rule itself: what it flags and what it keeps."""
    assert len(misplaced("玩家:{player}")) == 1
    assert len(misplaced("{path}:{error};改用預設值")) == 2
    assert len(misplaced("視窗太小,放不下 ali-quiz")) == 1
    assert len(misplaced("以下哪一件事最早發生?")) == 1
    assert len(misplaced("至少 {w}×{h}(目前是 {n})")) == 2
    assert misplaced("{a}，例如 2,000 或 10^-30（超過）") == []
    assert misplaced("按 escape、q、F1 或 ? 關閉") == []
    assert misplaced("「skip」或「?」跳過") == []
    assert misplaced("這裡不能再有 `鍵: 值`，token（?token= 之後）") == []
    assert misplaced("Round code: {code} (afterwards)") == []  # not Chinese


def test_the_catalogue_uses_full_width_punctuation_in_chinese() -> None:
    """No 繁體中文 interface string has a half-width mark in a Chinese sentence."""
    wrong = {key: marks for key, (_, zh) in strings().items() if (marks := misplaced(zh))}
    assert wrong == {}


def test_full_width_marks_take_no_spaces_beside_them() -> None:
    """A full-width mark carries its own space: `答對了！100/100 分。`, not `答對了！ 100`."""
    beside = re.compile(r"[，：；？！（）。、] | [，：；？！（）。、]")
    wrong = [key for key, (_, zh) in strings().items() if beside.search(zh)]
    assert wrong == []
    verdict = Translator("zh-Hant")("feedback.right")
    result = Translator("zh-Hant")("plain.result", verdict=verdict, points=100, max=100)
    assert result == "答對了！100/100 分。"


@pytest.mark.parametrize("key", sorted(PHRASES["zh-Hant"]))
def test_chinese_question_templates_use_full_width_punctuation(key: str) -> None:
    """Generated Chinese questions read as Chinese sentences: `以下哪一件事最早發生？`."""
    assert misplaced(PHRASES["zh-Hant"][key]) == []


def test_chinese_worksheets_use_full_width_punctuation() -> None:
    """A printed worksheet's instructions: `寫出數字（單位：{unit}）。`."""
    wrong = {key: marks for key, text in words_for("zh-Hant").items() if (marks := misplaced(text))}
    assert wrong == {}


def test_chinese_explanations_use_full_width_punctuation() -> None:
    """An explanation's headline and a figure's label: `釘釘月活躍人數：7610.2萬人`."""
    assert headline("釘釘測試版發布", "2014年12月", "zh-Hant", as_of=True) == (
        "釘釘測試版發布（截至2014年12月）"
    )
    assert labelled("釘釘月活躍人數", "7610.2萬人", "zh-Hant") == "釘釘月活躍人數：7610.2萬人"


def test_lists_are_joined_as_each_language_joins_them() -> None:
    """A list given to a sentence is joined with `、` in Chinese and `, ` in English."""
    letters = ("A", "B", "C")
    assert Translator("zh-Hant")("answer.choice.one", letters=letters) == (
        "請只回答一個字母，從 A、B、C 中選。"
    )
    assert Translator("en")("answer.choice.one", letters=letters) == (
        "Answer with one letter from A, B, C."
    )
