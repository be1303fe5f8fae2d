"""A pack's language is named in the interface's language (a 繁體中文 screen shows 英文)."""

from __future__ import annotations

import pytest

from ali_quiz.i18n import Translator, language_label

ZH = Translator("zh-Hant")
EN = Translator("en")


@pytest.mark.parametrize(
    ("tag", "english", "chinese"),
    [
        ("en", "English", "英文"),
        ("en-GB", "English", "英文"),
        ("zh-Hant", "Traditional Chinese", "繁體中文"),
        ("zh-TW", "Traditional Chinese", "繁體中文"),
        ("zh-Hans", "Simplified Chinese", "簡體中文"),
        ("zh-CN", "Simplified Chinese", "簡體中文"),
        ("zh", "Chinese", "中文"),
        ("ja", "Japanese", "日文"),
        ("fr-CA", "French", "法文"),
        ("tlh", "tlh", "tlh"),  # a language the catalogue does not name: its tag
    ],
)
def test_pack_languages_are_named_in_the_interface_language(
    tag: str, english: str, chinese: str
) -> None:
    assert language_label(tag, EN) == english
    assert language_label(tag, ZH) == chinese
