"""The Packs screen with a long title holding an escape sequence: the table keeps every column
in view, and the title reads the same in the table, the detail and on the home screen."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.screens.packs import PacksScreen
from hostile_corpus import hostile_pack
from test_tui_support import make_test_app, settle, sync

TITLE_END = "came after it \x1b[31mred\x1b[0m end"


def screen_text(app: QuizApp) -> str:
    """What the terminal shows, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def shown_when(pilot: Pilot[Any], app: QuizApp, ready: Callable[[str], bool]) -> str:
    """The screen's text once `ready` holds of it, polled for up to about 10 s of real time
    (as `settle` polls): 200 bare pauses could all pass, on a loaded machine, before a
    worker or a timer had run, and the test went on to read a screen not yet redrawn."""
    shown = ""
    for _ in range(1000):
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        if ready(shown):
            return shown
        await asyncio.sleep(0.01)
    raise AssertionError(f"the screen never showed what was awaited:\n{shown}")


def detail_after(shown: str, line: str) -> str:
    """The Packs screen's detail: the lines from the table's row `line` down."""
    lines = shown.splitlines()
    return "".join(lines[lines.index(line) :]) if line in lines else ""


def pack_row(shown: str) -> str:
    return next((line for line in shown.splitlines() if line.startswith(" hostile ")), "")


@sync
async def test_a_long_title_is_clipped_and_its_escape_shown_alike(tmp_path: Path) -> None:
    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True)
    title = f"A very long pack title about the Space Race and everything that {TITLE_END}"
    text = hostile_pack("x").replace('title: "Pack x"', f'title: "{title}"'.replace("\x1b", "\\e"))
    (packs / "long.yaml").write_text(text, encoding="utf-8")
    app = make_test_app(tmp_path, pack="hostile")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        home = await shown_when(pilot, app, lambda shown: "red" in shown)
        assert "\\x1b[31mred" in home.replace("\n", "")  # the home screen's "About this pack"
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PacksScreen)
        assert app.catalog is not None
        row = next(i for i, e in enumerate(app.catalog) if e.id == "hostile")
        app.screen.query_one("#packs-table").move_cursor(row=row)  # type: ignore[attr-defined]
        # The table is filled again once it has its width, and the detail follows the cursor.
        shown = await shown_when(
            pilot,
            app,
            lambda shown: (
                "✓ valid" in pack_row(shown) and "red" in detail_after(shown, pack_row(shown))
            ),
        )
        line = pack_row(shown)
        # Language, facts and status stay in the table: the title gives way, with an ellipsis.
        assert "A very long" in line and "…" in line
        assert "English" in line and "✓ valid" in line
        # The detail shows the escape as the table and the toasts do (`\x1b`), never `[31m`
        # with its ESC dropped.
        detail = detail_after(shown, line)
        assert "\\x1b[31mred\\x1b[0m end" in detail
        assert "[31m" not in detail.replace("\\x1b[31m", "")


@sync
async def test_every_column_shows_whole_at_60_columns(tmp_path: Path) -> None:
    """At 60x18 the Status column was cut (`✓ b`): a language is then given by its tag, and the
    title gives way; at 80 columns languages are named again."""
    app = make_test_app(tmp_path)
    async with app.run_test(size=(60, 18)) as pilot:
        await settle(app)
        await pilot.press("p")
        shown = await shown_when(pilot, app, lambda shown: "dingtalk-2020 " in shown)
        row = next(line for line in shown.splitlines() if line.startswith(" dingtalk-2020 "))
        assert "zh-Hant" in row and row.rstrip().endswith("✓ built in"), row
        await pilot.resize_terminal(80, 24)
        shown = await shown_when(pilot, app, lambda shown: "Traditional Chinese  " in shown)
        row = next(line for line in shown.splitlines() if line.startswith(" dingtalk-2020 "))
        assert row.rstrip().endswith("✓ built in"), row
