"""A hostile pack, player name and history on every screen: shown as written, nothing acts.

Pack text and names are data. Read as Textual markup, `[/]` crashes a screen and
`[@click=app.quit]x[/]` becomes a clickable action; sent raw, an escape sequence clears the
terminal; here every screen and question widget
meets them (and a broken pack whose problems quote them) and must show them as written.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.pilot import Pilot

from ali_quiz.tui.app import QuizApp
from ali_quiz.tui.screens.history.screen import HistoryScreen
from ali_quiz.tui.screens.home import HomeScreen
from ali_quiz.tui.screens.packs import PacksScreen
from ali_quiz.tui.screens.play import PlayScreen
from ali_quiz.tui.screens.results import ResultsScreen
from ali_quiz.tui.screens.settings import SettingsScreen
from ali_quiz.tui.screens.timeline import TimelineScreen
from hostile_corpus import MARKUP, RAW_CONTROL, hostile_pack, yaml_text
from test_history_support import settle as settle_history
from test_tui_support import make_test_app, sync
from test_tui_support import settle as settle_workers

SIZE = (100, 45)  # below the history screen's wide layout (WIDE)
PAYLOAD = " ".join(MARKUP) + " \x1b[2J\x1b]52;c;aGVsbG8=\x07 \u202eevil\u202c"
SHORT = ("[/]", "[@click=app.quit]x[/]")
#: Bidirectional controls: raw, they reorder the rest of the line on the terminal.
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def broken_pack() -> str:
    key = yaml_text("[link=file:///etc/passwd]x[/link]")
    return (
        f"id: broken\ntitle: {yaml_text('Broken ' + PAYLOAD)}\nlanguage: en\n{key}: 1\n"
        f"events:\n  - {{id: e1, date: {yaml_text('x[i][/j]')}, title: t}}\n"
    )


def screen_text(app: QuizApp) -> str:
    """What the terminal shows, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(app: QuizApp, pilot: Pilot[int]) -> None:
    await settle_workers(app)
    await pilot.pause()


def shows_literally(app: QuizApp, *texts: str) -> None:
    shown = screen_text(app)
    assert not RAW_CONTROL.search(shown), f"{type(app.screen).__name__} sends a control character"
    assert not BIDI.search(shown), f"{type(app.screen).__name__} sends a bidirectional control"
    missing = [t for t in texts if t not in shown]
    assert not missing, f"{type(app.screen).__name__} does not show {missing}:\n{shown}"


@sync
async def test_hostile_text_shows_literally_on_every_screen(tmp_path: Path) -> None:
    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True)
    (packs / "hostile.yaml").write_text(hostile_pack(PAYLOAD), encoding="utf-8")
    (packs / "broken.yaml").write_text(broken_pack(), encoding="utf-8")
    # Seed 48's quick round of five holds one question of each kind.
    app = make_test_app(tmp_path, player=MARKUP[1], pack="hostile", count=5, seed=48)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        shows_literally(app, "Pack [/] [@click=app.quit]x[/]")

        await pilot.press("c")  # the round-code dialog quotes what was typed
        await pilot.pause()
        app.screen.query_one("#code-input").value = "[/]x[i]"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        shows_literally(app, "[/]x[i]")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)

        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PacksScreen)
        shows_literally(app, *SHORT)
        assert app.catalog is not None
        for entry_id in ("hostile", "broken"):
            row = next(i for i, e in enumerate(app.catalog) if e.id == entry_id)
            app.screen.query_one("#packs-table").move_cursor(row=row)  # type: ignore[attr-defined]
            await pilot.pause()
        shows_literally(app, "[link=file:///etc/passwd]x[/link]", "x[i][/j]")
        hostile_row = next(i for i, e in enumerate(app.catalog) if e.id == "hostile")
        app.screen.query_one("#packs-table").move_cursor(row=hostile_row)  # type: ignore[attr-defined]
        await pilot.press("v")
        await pilot.pause()
        shows_literally(app, *SHORT)
        # The preview's questions show control characters as escapes (they were dropped,
        # leaving "[2J"), as the play screen shows the same questions.
        assert screen_text(app).count("\\x1b[2J") > 1
        await pilot.press("escape", "escape")
        await pilot.pause()

        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        for tab in ("1", "2", "3", "4"):
            await pilot.press(tab)
            await pilot.pause()
            shows_literally(app, "[/]")
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        shows_literally(app, MARKUP[1])
        await pilot.press("escape")
        await pilot.pause()

        await pilot.press("enter")  # a quick round of the hostile pack
        await pilot.pause()
        kinds = set()
        escapes_seen = 0  # control characters are shown as escapes, as on other screens
        for _ in range(60):
            screen = app.screen
            if not isinstance(screen, PlayScreen):
                break
            kinds.add(type(screen.query_one("#answer")).__name__)
            shows_literally(app, "[/]")
            escapes_seen += screen_text(app).count("\\x1b[2J")
            await pilot.press("ctrl+s")
            await pilot.pause()
            shows_literally(app, "[/]")  # the feedback: the answer and its source
            escapes_seen += screen_text(app).count("\\x1b[2J")
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        kinds_met = {"OrderAnswer", "MatchAnswer", "EstimateAnswer", "ChoiceAnswer", "TextAnswer"}
        assert kinds == kinds_met, kinds
        assert escapes_seen >= 10, escapes_seen
        shows_literally(app, *SHORT)
        await pilot.press("h")  # home
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("h")  # history
        await settle_history(pilot)  # the history screen reads in workers of its own
        assert isinstance(app.screen, HistoryScreen)
        shows_literally(app, MARKUP[1], "Pack [/]")
        await pilot.press("enter")
        await pilot.pause()
        shows_literally(app, "[/]")
        # A round's answers show control characters as escapes (they were dropped).
        assert "\\x1b[2J" in screen_text(app)
        await pilot.press("escape", "p")
        await pilot.pause()
        shows_literally(app, "[/]")
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running  # no markup acted (app.quit), nothing crashed


@sync
async def test_a_pack_description_of_any_length_stays_inside_its_border(tmp_path: Path) -> None:
    """A 3,000-character title ran the About panel past the footer at 80x24, its bottom
    border off the screen."""
    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True)
    (packs / "long.yaml").write_text(hostile_pack("long text " * 300, "long"), encoding="utf-8")
    app = make_test_app(tmp_path, pack="long")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        about = app.screen.query_one("#pack-about").region
        assert about.bottom <= 23  # the footer is the last line
        bottom = screen_text(app).splitlines()[about.bottom - 1]
        assert bottom[about.x] == "╰" and bottom[about.right - 1] == "╯"


@sync
async def test_the_palette_shows_a_pack_title_as_written(tmp_path: Path) -> None:
    """Its help lines are read as markup: escaped, `\\x1b[2J … [b]x[/b]` came out as
    `[2J … \\[b]x[/b]`, a backslash added and the escape dropped."""
    from ali_quiz.tui.commands import app_commands

    packs = tmp_path / "data" / "packs"
    packs.mkdir(parents=True)
    (packs / "hostile.yaml").write_text(hostile_pack(PAYLOAD), encoding="utf-8")
    app = make_test_app(tmp_path, pack="hostile")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        helps = [c.help.plain for c in app_commands(app) if "Pack" in c.help.plain]
        assert helps
        for help_text in helps:
            assert "Pack " + " ".join(MARKUP) + " \\x1b[2J" in help_text, help_text
        await pilot.press("ctrl+p")
        await pilot.press(*"quick")
        await pilot.pause(0.3)
        shows_literally(app, "[/] [@click=app.quit]x[/]")
        assert "\\x1b[2J" in screen_text(app)
