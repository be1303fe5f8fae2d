"""Snapshots of every screen and question widget, at 80x24 and 120x40, in English and 繁體中文.

Each picture is deterministic: a temporary data folder, seed 7 for rounds from home, rounds of
fixed seeds, a fixed clock. Look at snapshot_report.html (or the SVGs) before accepting a
change with `--snapshot-update`; each test's docstring says what its picture must show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from ali_quiz.tui.app import QuizApp
from test_tui_support import make_test_app, round_start, settle, text_round, typed

SIZES = [(80, 24), (120, 40)]
LANGUAGES = ["en", "zh-Hant"]
VARIANTS = [
    pytest.param(language, size, id=f"{language}-{size[0]}x{size[1]}")
    for language in LANGUAGES
    for size in SIZES
]

Snap = Callable[..., bool]


async def settled(pilot: Pilot[Any]) -> None:
    """Wait for the pack scan and the history (workers), then for the screen to settle."""
    app = pilot.app
    assert isinstance(app, QuizApp)
    await settle(app)
    await pilot.pause()


def shoot(
    snap_compare: Snap,
    app: QuizApp,
    size: tuple[int, int],
    press: Iterable[str] = (),
) -> bool:
    async def before(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        for key in press:
            await pilot.press(key)
            await pilot.pause()
        await settled(pilot)
        # A blinking cursor is shown or hidden depending on when the picture is taken.
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return bool(snap_compare(app, terminal_size=size, run_before=before))


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_home(snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]) -> None:
    """Home: title bar with the pack and player; the Pack list (both built-in packs, 釘釘的崛起
    highlighted), its fact counts and questions per round; the More list (t h p s c); the Play
    list with every mode aligned, Quick round highlighted and Due for review greyed out; under
    More, the Your progress panel welcoming a new player (no zeros); the Footer's keys in the
    interface language. (Results and home with a history: test_results_snapshots.py.)"""
    assert shoot(snap_compare, make_test_app(tmp_path, language=language), size)


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_play_order(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """An order question: status line (mode, pack, progress, score), the prompt, the help line,
    the numbered list with letters, the second item grabbed (↕, highlighted) after space and
    down; the Footer shows space, enter, ^s and esc."""
    app = make_test_app(tmp_path, language=language, start=round_start("order", 3))
    assert shoot(snap_compare, app, size, ["space", "down"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_play_match(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """A match question: numbered items left, lettered items right, each with a hanging
    indent; 1 paired with B (both ends show the link and share a colour bar), 2 chosen and
    waiting for a letter (amber)."""
    app = make_test_app(tmp_path, language=language, start=round_start("match", 3))
    assert shoot(snap_compare, app, size, ["1", "b", "2"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_play_estimate(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """An estimate question with `7610.2萬` typed: below the box, in green, how it reads the
    number with the question's unit (`7610.2萬 = 76,102,000 …`)."""
    app = make_test_app(tmp_path, language=language, start=round_start("estimate", 3))
    assert shoot(snap_compare, app, size, typed("7610.2萬"))


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_play_estimate_unreadable(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """An estimate with `2xyz` typed: an amber line says plainly it cannot read the number,
    why, and the unit the question counts in."""
    app = make_test_app(tmp_path, language=language, start=round_start("estimate", 3))
    assert shoot(snap_compare, app, size, typed("2xyz"))


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_play_choice(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """A choice question: options labelled A-D in a bordered list, none highlighted yet, the
    help line naming letters, numbers, arrows and clicks."""
    app = make_test_app(tmp_path, language=language, start=round_start("choice", 3))
    assert shoot(snap_compare, app, size)


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_play_text(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """A text (authored) question: the prompt 釘釘5.0版本的代號是什麼? and an empty answer
    box with its placeholder."""
    app = make_test_app(tmp_path, language=language, start=text_round())
    assert shoot(snap_compare, app, size)


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_feedback_order_partly_right(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """Feedback after an order submitted as shown: each item keeps its place, marked as the
    report grades it (✓ all its pairs right, ◐ some, ✗ none; → its right place) with its date
    beside it; an amber-barred panel (under the list at 80 columns, beside it at 120) with the
    one-line verdict and points, the source sentences and "press enter for the next question";
    no correct-order list repeated; the strip shows ◐ for the first question."""
    app = make_test_app(tmp_path, language=language, start=round_start("order", 3))
    assert shoot(snap_compare, app, size, ["enter"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_feedback_choice_wrong(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """Feedback after a wrong choice: the chosen option ✗, the right one ✓ in the list; a
    red-barred panel with ✗ Wrong and 0/100 points on one line, then the source sentence and
    "press enter"; the strip starts with ✗."""
    start = round_start("choice", 3)
    question = start.questions[0]
    wrong = next(i for i, o in enumerate(question.options) if o.id != question.answer)  # type: ignore[attr-defined]
    app = make_test_app(tmp_path, language=language, start=start)
    assert shoot(snap_compare, app, size, ["abcdef"[wrong]])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_feedback_match_right(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """Feedback after a fully right match: every left item → its letter ✓ (marks in one
    column), a green-barred panel with ✓ Right! and 100/100, the sources, "press enter";
    progress shows 1/3 and the strip ✓."""
    from test_tui_support import right_keys

    start = round_start("match", 3)
    app = make_test_app(tmp_path, language=language, start=start)
    assert shoot(snap_compare, app, size, right_keys(start.questions[0]))


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_feedback_estimate_wrong(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """Feedback after a far-off estimate (1): under the greyed box, in red, the answer as the
    source writes it with its plain value and what was said; the panel says ✗ Wrong and 0/100
    points, "far too low" in words (not a count of times), then the source and "press enter"."""
    app = make_test_app(tmp_path, language=language, start=round_start("estimate", 3))
    assert shoot(snap_compare, app, size, ["1", "enter"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_feedback_text_wrong(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """Feedback after a wrong text answer (`nope`): under the greyed box, in red, the accepted
    answers and what was said; the panel says ✗ Wrong, then the source and "press enter"."""
    assert shoot(
        snap_compare,
        make_test_app(tmp_path, language=language, start=text_round()),
        size,
        typed("nope") + ["enter"],
    )


def test_feedback_long_english_order_at_80x24(snap_compare: Snap, tmp_path: Path) -> None:
    """The English pack's longest order of seeds 1-8, answered as shown, at 80x24: every
    item (wrapped) with its mark, right place and date, the verdict, the first lines of the
    source with a scroll bar, and "Press enter to see the results · ↑↓ scroll the source"
    above the Footer."""
    from test_tui_play_layout import longest

    app = make_test_app(tmp_path, start=longest("order"))
    assert shoot(snap_compare, app, (80, 24), ["enter"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_feedback_streak_and_strip_at_60x20(
    snap_compare: Snap, tmp_path: Path, language: str
) -> None:
    """At the smallest size (60x20), a five-question choice round after two right answers:
    the strip ✓✓ then three dots, "2 in a row" in the status line and in the verdict line,
    the options with ✓, the source and "press enter" all on screen."""
    from test_tui_support import right_keys

    start = round_start("choice", 5)
    first, second = start.questions[:2]
    app = make_test_app(tmp_path, language=language, start=start)
    keys = [*right_keys(first), "enter", *right_keys(second)]
    assert shoot(snap_compare, app, (60, 20), keys)


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_packs(snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]) -> None:
    """Packs: a table of both built-in packs (id, title, language, fact count, ✓ built in), the
    pack in play highlighted, and its detail: path, counts, modes."""
    assert shoot(snap_compare, make_test_app(tmp_path, language=language), size, ["p"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_pack_preview(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """Preview of 釘釘的崛起: for each kind a heading (Order: 2 generated …), then questions
    with their labelled items and ✓ answer lines; the Footer offers Back and Play this pack."""
    assert shoot(snap_compare, make_test_app(tmp_path, language=language), size, ["p", "v"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_timeline(snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]) -> None:
    """Timeline tab: dated events and releases from 2014-12-01 on, earliest first, and the
    first row's source sentence below; the Footer names the four tabs 1-4."""
    assert shoot(snap_compare, make_test_app(tmp_path, language=language), size, ["t"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_timeline_figures(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """Figures tab: each figure as written (2億, 7610.2萬) and as a plain number, its unit and
    date; below, the highlighted figure with its source."""
    assert shoot(snap_compare, make_test_app(tmp_path, language=language), size, ["t", "2"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_timeline_versions_and_sequences(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """Sequences tab: the social apps in rank order with the sequence title, and the first
    item's source sentence below."""
    assert shoot(snap_compare, make_test_app(tmp_path, language=language), size, ["t", "4"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_settings(snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]) -> None:
    """Settings: player name (ann), interface language, theme (textual-dark), questions per
    round (10) in a two-column form, and the help line for the count."""
    assert shoot(snap_compare, make_test_app(tmp_path, language=language), size, ["s"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_code_dialog(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """The Play a code dialog over the dimmed home screen, with `7Q3K` typed and the message
    for a code too short to read."""
    app = make_test_app(tmp_path, language=language)
    assert shoot(snap_compare, app, size, ["c", *typed("7Q3K"), "enter"])


@pytest.mark.parametrize(("language", "size"), VARIANTS)
def test_leave_round_dialog(
    snap_compare: Snap, tmp_path: Path, language: str, size: tuple[int, int]
) -> None:
    """Escape in the middle of a round: a dialog asks whether to leave, says answers are kept
    and the round can be resumed, with Leave and Keep playing (focused) buttons."""
    app = make_test_app(tmp_path, language=language, start=round_start("choice", 3))
    assert shoot(snap_compare, app, size, ["escape"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_too_small(snap_compare: Snap, tmp_path: Path, language: str) -> None:
    """At 40x12 the home screen shows only a centred message asking for at least 60×18 and
    saying the size now (40×12)."""
    assert shoot(snap_compare, make_test_app(tmp_path, language=language), (40, 12))
