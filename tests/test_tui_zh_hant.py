"""The 繁體中文 interface shows no English sentence: a walk through every screen.

The walk visits home, packs (with a user's pack that does not load, and one it may not read),
a preview, the open-a-pack dialog, a round of every kind with its feedback, results, history,
timeline, settings, help, the command palette and its theme picker, the round-code dialog,
leaving a round, the quit hint and a terminal too small, all in 繁體中文. Each screen's
whole text (the screen below a dialog, toasts and the Footer included) is searched for two or
more English words in a row. What may stay English is listed in ALLOWED, each with its reason.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable

from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.screens.play import PlayScreen
from test_tui_app import settle
from test_tui_support import make_test_app, right_keys, round_start, sync, typed

#: English that a 繁體中文 screen may show, and why.
ALLOWED = (
    # Proper nouns of the article, as the built-in pack writes them.
    "App Store",
    "DingTalk",
    # The program's name and the names of themes (Textual's, shown as they are named).
    "ali-quiz",
)

#: Two or more English words in a row, one space apart (a word: two letters or more; key names
#: like ctrl+p, Esc, Enter and Tab are single words and never match alone; words in two
#: columns of a table are more than a space apart).
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z']+(?: [A-Za-z][A-Za-z']+)+")

ZH_PACK = """\
id: zh-demo
title: 示範題庫
language: zh-Hant
passages:
  - id: p1
    title: 狐狸
    text: 敏捷的狐狸每天早上跳過懶狗。
questions:
  - id: q-multi
    kind: multi
    passage: p1
    prompt: 哪些詞形容狐狸?
    options:
      - {text: 敏捷, correct: true}
      - {text: 懶惰}
      - {text: 每天, correct: true}
  - id: q-text
    kind: text
    prompt: 狐狸跳過什麼?
    accepted: [懶狗]
  - id: q-choice
    kind: choice
    prompt: 狐狸什麼時候跳?
    options:
      - {text: 早上, correct: true}
      - {text: 晚上}
"""
BROKEN_PACK = "id: broken\ntitle: 壞掉\nlanguage: zh-Hant\nevents:\n  - id: e1\n    date: 2020/01\n"


def screen_text(app: QuizApp) -> str:
    """Every line the terminal shows now: the screen, the screens under a dialog, overlays."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        record=True,
        force_terminal=True,
        color_system="truecolor",
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


def english_runs(text: str, data: tuple[str, ...] = ()) -> list[str]:
    """The runs of English words in a text, once the allowed ones and data are taken out.

    Data (a pack's title) may be cut at the edge of a column: any start of it is data too.
    """
    for title in data:
        for end in range(len(title), 3, -1):
            text = text.replace(title[:end], " ")
    for allowed in ALLOWED:
        text = text.replace(allowed, " ")
    return ENGLISH_RUN.findall(text)


class Walk:
    """What every step of the walk showed that is English."""

    def __init__(self, app: QuizApp) -> None:
        self.app = app
        self.found: dict[str, list[str]] = {}

    async def look(self, step: str) -> None:
        await self.app.workers.wait_for_complete()
        for _ in range(3):
            await self.app._animator.wait_until_complete()
        titles = tuple(entry.title for entry in self.app.catalog or ())
        runs = english_runs(screen_text(self.app), titles)
        if runs:
            self.found.setdefault(step, []).extend(r for r in runs if r not in self.found[step])

    def report(self) -> str:
        return "\n".join(f"{step}: {runs}" for step, runs in self.found.items())


async def walk_everything(tmp_path: Path, size: tuple[int, int]) -> Walk:
    data = tmp_path / "data"
    packs = data / "packs"
    packs.mkdir(parents=True)
    (packs / "broken.yaml").write_text(BROKEN_PACK, encoding="utf-8")
    (packs / "zh-demo.yaml").write_text(ZH_PACK, encoding="utf-8")
    (packs / "binary.yaml").write_bytes(b"id: x\x00\xff\n")
    (packs / "reserved.yaml").write_text(ZH_PACK.replace("zh-demo", "dingtalk-2020"), "utf-8")
    (packs / "folder.yaml").mkdir()
    (packs / "loop.yaml").symlink_to(packs / "loop.yaml")
    opened = tmp_path / "opened.yaml"
    opened.write_text("- a list, not a pack\n", encoding="utf-8")
    app = make_test_app(tmp_path, language="zh-Hant")
    walk = Walk(app)
    async with app.run_test(size=size) as pilot:
        await settle(app)
        await pilot.pause()
        await walk.look("home")
        # Packs, with the broken pack selected, then a preview.
        await pilot.press("p")
        await pilot.pause()
        await walk.look("packs")
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*typed(str(tmp_path / "nothing.yaml")), "enter")
        await pilot.pause()
        await walk.look("open a pack: no such file")
        app.screen.query_one("#path-input").value = str(opened)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(app)
        await pilot.pause()
        table = app.screen.query_one("#packs-table", DataTable)
        for row in range(table.row_count):  # every pack, each problem of the broken ones
            table.move_cursor(row=row)
            await pilot.pause()
            await walk.look("packs")
        assert table.row_count >= 7
        await pilot.press("v")
        await pilot.pause()
        await walk.look("preview")
        await pilot.press("escape", "escape")
        await pilot.pause()
        # Timeline, every tab.
        await pilot.press("t")
        await pilot.pause()
        for tab in "1234":
            await pilot.press(tab)
            await pilot.pause()
            await walk.look(f"timeline {tab}")
        await pilot.press("escape")
        # Settings, with a list open.
        await pilot.press("s")
        await pilot.pause()
        await walk.look("settings")
        await pilot.press("tab", "enter")
        await pilot.pause()
        await walk.look("settings: a list open")
        await pilot.press("escape", "escape")
        await pilot.pause()
        # Help, the palette, its theme picker.
        await pilot.press("f1")
        await pilot.pause()
        await walk.look("help")
        await pilot.press("escape", "ctrl+p")
        await palette_listed(pilot)
        await walk.look("palette")
        await pilot.press(*typed("the"))
        await palette_listed(pilot)
        await walk.look("palette: a search")
        await pilot.press(*typed("zzz"))
        await palette_listed(pilot)
        await walk.look("palette: nothing found")
        await pilot.press("escape", "escape")
        await pilot.pause()
        app.action_change_theme()
        await palette_listed(pilot)
        await walk.look("palette: themes")
        await pilot.press("escape")
        await pilot.pause()
        # A round code: a wrong one, then the quit hint.
        await pilot.press("c", *typed("ABCD"), "enter")
        await pilot.pause()
        await walk.look("round code: wrong")
        await pilot.press("escape", "ctrl+c")
        await pilot.pause()
        await walk.look("ctrl+c")
        # A round of each kind: the question, then its feedback.
        for mode in ("order", "match", "estimate", "choice"):
            app.play_round(round_start(mode, 1))
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, PlayScreen)
            await walk.look(f"{mode}: question")
            question = screen.game.current
            assert question is not None
            if mode == "estimate":
                await pilot.press(*typed("2 apples"), "enter")
                await pilot.pause()
                await walk.look("estimate: unreadable")
                screen.query_one("#estimate-input").value = ""  # type: ignore[attr-defined]
            await pilot.press(*right_keys(question))
            await pilot.pause()
            await walk.look(f"{mode}: feedback")
            await pilot.press("enter")
            await pilot.pause()
            await walk.look(f"{mode}: results")
            await pilot.press("escape")
            await pilot.pause()
        # The user's pack: a passage, multi and text answers, leaving half-way.
        zh = next(e for e in app.catalog or () if e.id == "zh-demo")
        app.choose_pack(zh)
        assert zh.pack is not None
        app.new_round(zh.pack, "quick", count=3)
        await pilot.pause()
        for _ in range(3):
            screen = app.screen
            assert isinstance(screen, PlayScreen)
            question = screen.game.current
            assert question is not None
            await walk.look(f"{question.kind}: question")
            await pilot.press(*right_keys_any(question))
            await pilot.pause()
            await walk.look(f"{question.kind}: feedback")
            if question.kind != "choice":
                break
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await walk.look("leave a round")
        await pilot.press("y")
        await pilot.pause()
        # History: rounds, summary, missed, a round opened.
        await pilot.press("h")
        await pilot.pause()
        for tab in "123":
            await pilot.press(tab)
            await pilot.pause()
            await walk.look(f"history {tab}")
        await pilot.press("1", "enter")
        await pilot.pause()
        await walk.look("history: a round")
        await pilot.press("escape", "escape")
        await pilot.pause()
        # Too small.
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await walk.look("too small")
    return walk


async def palette_listed(pilot: Pilot[int]) -> None:
    """Wait until the palette lists what it found (its providers search in workers)."""
    for _ in range(500):  # bounded: a loaded machine may take a while
        await pilot.pause()
        screen = pilot.app.screen
        if isinstance(screen, CommandPalette) and screen.query_one(CommandList).option_count:
            return


def right_keys_any(question: object) -> list[str]:
    """The keys of a right answer, for the kinds right_keys does not know (multi)."""
    from ali_quiz.quiz.answers import letter
    from ali_quiz.quiz.kinds import MultiQuestion, Question

    if isinstance(question, MultiQuestion):
        right = set(question.answer_json())
        picks = [letter(i).lower() for i, o in enumerate(question.options) if o.id in right]
        return [*picks, "enter"]
    assert isinstance(question, Question)
    return right_keys(question)


def test_english_runs_finds_sentences_and_spares_key_names() -> None:
    assert english_runs("按 Enter 送出,ctrl+p 指令,Esc 返回,Tab") == []
    assert english_runs("在 App Store 排名第一") == []
    assert english_runs("問題: Press q to quit the app") == ["to quit the app"]


@sync
async def test_no_english_sentence_in_zh_hant_at_80x24(tmp_path: Path) -> None:
    walk = await walk_everything(tmp_path, (80, 24))
    assert not walk.found, walk.report()


@pytest.mark.slow
@sync
async def test_no_english_sentence_in_zh_hant_at_120x40(tmp_path: Path) -> None:
    """The same walk on a larger terminal (feedback beside the question, wider tables)."""
    walk = await walk_everything(tmp_path, (120, 40))
    assert not walk.found, walk.report()
