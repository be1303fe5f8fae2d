"""The html worksheet in a real headless browser (Debian's chromium): questions and key render.

Skipped when chromium is not installed (`apt-get install chromium poppler-utils
fonts-noto-cjk` gives everything these tests use). Printing to PDF and reading the PDF back
with pdftotext checks what a printed sheet shows: every question before the key, and the key
starting on a page of its own, Chinese text included.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from ali_quiz.packs.loader import load_pack
from ali_quiz.quiz.answers import compact_answer
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.kinds import Question
from ali_quiz.roundspec import ResolvedRound
from ali_quiz.teach.worksheet import to_html

PACKS = Path(__file__).parent.parent / "questions"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed"),
]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}", *args,
    ]  # fmt: skip
    return subprocess.run(
        command, capture_output=True, text=True, timeout=180, check=True,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def _squash(text: str) -> str:
    """Text without whitespace: a printed line may wrap anywhere."""
    return re.sub(r"\s+", "", text)


def _sheet(tmp_path: Path, pack_file: str) -> tuple[Path, list[Question], str]:
    pack = load_pack(PACKS / pack_file)
    questions = generate_round(pack, "quick", 10, 2020)
    page = tmp_path / "sheet.html"
    info = ResolvedRound(
        pack=pack,
        mode="quick",
        count=10,
        seed=2020,
        date=date(2020, 3, 2),
        code="0AZC-PQ20-C1SQ",
        questions=tuple(questions),
    )
    page.write_text(
        to_html(questions, pack_title=pack.title, language=pack.language, info=info),
        encoding="utf-8",
    )
    key_title = "答案與出處" if pack.language.startswith("zh") else "Answer key"
    return page, questions, key_title


@pytest.mark.parametrize("pack_file", ["dingtalk-2020.yaml", "dingtalk-2020-en.yaml"])
def test_the_browser_shows_questions_and_key(tmp_path: Path, pack_file: str) -> None:
    page, questions, key_title = _sheet(tmp_path, pack_file)
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert dom.count('class="question"') == len(questions)
    questions_part, key_part = dom.split('<section class="key">')
    for question in questions:
        first_line = question.prompt.splitlines()[0]
        assert first_line.replace("&", "&amp;") in questions_part
    assert key_title in key_part
    for question in questions:
        assert compact_answer(question) in key_part


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("pack_file", ["dingtalk-2020.yaml", "dingtalk-2020-en.yaml"])
def test_the_printed_sheet_puts_the_key_on_its_own_page(tmp_path: Path, pack_file: str) -> None:
    page, questions, key_title = _sheet(tmp_path, pack_file)
    pdf = tmp_path / "sheet.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert PDFTOTEXT is not None
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    key_pages = [n for n, p in enumerate(pages) if p.strip().startswith(key_title)]
    assert len(key_pages) == 1, [p.strip()[:40] for p in pages]
    before = _squash("".join(pages[: key_pages[0]]))
    after = _squash("".join(pages[key_pages[0] :]))
    assert key_title not in before
    for question in questions:
        # The prompt is printed (CJK glyphs included) before the key, the answer after it.
        assert _squash(question.prompt)[:12] in before, question.prompt
        assert _squash(compact_answer(question)) in after, question.id
    assert _squash(questions[0].explanation.splitlines()[0])[:20] in after
