"""Worksheets: numbered questions with room to answer, labels as plain mode, the key at the end."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ali_quiz.packs.loader import load_pack
from ali_quiz.quiz.answers import compact_answer
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    Entry,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
)
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.teach.worksheet import to_html, to_markdown

PACKS = Path(__file__).parent.parent / "questions"


def _entries(*texts: str) -> tuple[Entry, ...]:
    return tuple(Entry(id=f"e{n}", text=t) for n, t in enumerate(texts))


QUESTIONS: list[Question] = [
    ChoiceQuestion(
        id="c", prompt="Which is *bold* <b>here</b> & [there]?", facts=(),
        explanation="Source one.\nSource two.",
        options=_entries("a_b", "c|d", "e#f", "1. not a list"), answer="e2",
    ),
    OrderQuestion(
        id="o", prompt="Order these", facts=(), explanation="Order source.",
        items=_entries("third", "first", "second"), answer=("e1", "e2", "e0"),
    ),
    MatchQuestion(
        id="m", prompt="Match\nthese", facts=(), explanation="Match source.",
        left=(Entry(id="1", text="3.0"), Entry(id="2", text="4.0"), Entry(id="3", text="5.0")),
        right=(Entry(id="a", text="2020"), Entry(id="b", text="2013"), Entry(id="c", text="2016"),
               Entry(id="d", text="2017")),
        answer=(("1", "c"), ("2", "d"), ("3", "a")),
    ),
    EstimateQuestion(id="e", prompt="MAU?", facts=(), explanation="MAU source.", unit="人",
                     answer=76102000, written="7610.2萬", tolerance=0.05),
    EstimateQuestion(id="b", prompt="Ratings?", facts=(), explanation="", unit="ratings",
                     answer=155, written="", scoring="band", tolerance=None,
                     range=(150.0, 160.0), max_points=200),
    EstimateQuestion(id="p", prompt="Growth?", facts=(), explanation="", unit="%",
                     answer=6, written="6%"),
    TextQuestion(id="t", prompt="Codename?", facts=(), explanation="Text source.",
                 accepted=("巴顏喀拉", "Bayan Har")),
    ChoiceQuestion(
        id="w", prompt="Weighted", facts=(), explanation="",
        options=_entries("best", "half", "none"), answer="e0",
        weights=(("e0", 100.0), ("e1", 50.0), ("e2", 0.0)),
    ),
]  # fmt: skip
INFO = ResolvedRound(
    pack=load_pack(PACKS / "dingtalk-2020-en.yaml"),
    mode="quick",
    count=len(QUESTIONS),
    seed=1234,
    date=date(2020, 3, 2),
    code="0AZC-PQ20-C1SQ",
    questions=tuple(QUESTIONS),
)


def test_a_chinese_worksheet_names_the_mode_in_chinese() -> None:
    text = to_markdown(QUESTIONS, pack_title="題庫", language="zh-Hant", info=INFO)
    assert "回合代碼：0AZC-PQ20-C1SQ · 快速回合 · 共 8 題 · 種子 1234 · 2020-03-02" in text


def test_markdown_layout() -> None:
    text = to_markdown(QUESTIONS, pack_title="My pack", language="en", info=INFO)
    questions, key = text.split("## Answer key")
    assert text.startswith("# My pack — Worksheet\n")
    assert "Round code: 0AZC-PQ20-C1SQ · quick · 8 questions · seed 1234 · 2020-03-02" in text
    assert "Name: ____" in questions
    for number in range(1, 9):
        assert f"**{number}.** " in questions
        assert f"**{number}.** " in key
    # Escaped markdown, labels as plain mode shows them.
    assert "Which is \\*bold\\* \\<b\\>here\\</b\\> & \\[there\\]?" in questions
    assert "- **A.** a\\_b\n- **B.** c\\|d\n- **C.** e\\#f\n- **D.** 1\\. not a list" in questions
    assert "Answer: ☐ → ☐ → ☐" in questions
    assert "- **1.** ____ 3.0\n- **2.** ____ 4.0\n- **3.** ____ 5.0" in questions
    assert "- **A.** 2020\n- **B.** 2013\n- **C.** 2016\n- **D.** 2017" in questions
    assert "Match  \nthese" in questions
    assert "Answer: ________________________ 人" in questions
    assert "Ratings? (200 points)" in questions
    # The key: as plain mode types it, in words, and the source.
    assert "**1.** C\n\n- C. e#f".replace("#", "\\#") in key
    assert "> Source one.\n>\n> Source two." in key
    assert "**2.** BCA" in key
    assert "- 1\\. B. first" in key
    assert "**3.** 1C 2D 3A" in key
    assert "- 1C: 3.0 → 2016" in key
    assert "**4.** 7610.2萬\n\n- 7610.2萬 = 76,102,000 人" in key
    assert "**5.** 150 – 160 ratings" in key
    assert "**6.** 6%" in key
    assert "- 巴顏喀拉 / Bayan Har" in key
    assert "- A. best (100%)\n- B. half (50%)" in key
    assert "none" not in key.split("**8.**")[1]


def test_chinese_words_for_a_chinese_pack() -> None:
    text = to_markdown(QUESTIONS[:1], pack_title="釘釘的崛起", language="zh-Hant")
    assert text.startswith("# 釘釘的崛起 — 練習卷")
    assert "## 答案與出處" in text
    assert "*圈出一個字母。*" in text
    assert "共 1 題" in text


class _Balance(HTMLParser):
    """Checks that every element is closed in order (void elements excepted)."""

    VOID = frozenset({"meta", "br", "img", "hr", "link", "input"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_page() -> None:
    page = to_html(QUESTIONS, pack_title="My <pack>", language="en", info=INFO)
    checker = _Balance()
    checker.feed(page)
    checker.close()
    assert checker.stack == []
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<title>My &lt;pack&gt; — Worksheet</title>" in page
    assert "@media print" in page and "page-break-before: always" in page
    assert "Noto Sans CJK TC" in page
    assert "line-break: strict" in page  # kinsoku in the browser, as in the TUI
    assert "http" not in page  # self-contained: nothing fetched
    assert "Which is *bold* &lt;b&gt;here&lt;/b&gt; &amp; [there]?" in page
    assert "Match<br>these" in page
    assert page.count('class="question"') == 8
    assert page.count('<span class="box"></span>') == 3
    questions, key = page.split('<section class="key">')
    assert "7610.2萬 = 76,102,000 人" in key and "7610.2萬 = 76,102,000 人" not in questions
    assert "Source one.<br>Source two." in key
    text = "".join(checker.text)
    assert "1C 2D 3A" in text


@pytest.mark.parametrize("pack_file", ["dingtalk-2020.yaml", "dingtalk-2020-en.yaml"])
def test_labels_and_answers_match_plain_mode(pack_file: str) -> None:
    pack = load_pack(PACKS / pack_file)
    questions = generate_round(pack, "quick", 12, 5)
    text = to_markdown(questions, pack_title=pack.title, language=pack.language)
    key = text.split("\n## ")[-1]
    for number, question in enumerate(questions, start=1):
        shown = compact_answer(question).replace("*", "\\*").replace("_", "\\_")
        assert f"**{number}.** {shown}\n" in key, (number, question.kind)
    page = to_html(questions, pack_title=pack.title, language=pack.language)
    assert f'<html lang="{pack.language}">' in page
    assert page.count('class="question"') == len(questions)
