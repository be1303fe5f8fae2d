"""The live board in the teacher's terminal, drawn by the serving process.

It runs the class's web server on its own event loop and reads the board from the history once
a second (in a thread). `q` or Ctrl+C (or SIGINT / SIGTERM from outside) ends the class: every
tab is closed, and every answer is already in the history.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.filter import LineFilter
from textual.message import Message
from textual.widgets import DataTable, Footer, Static

from ali_quiz.classroom.board import BoardView, QuestionLine, bar
from ali_quiz.classroom.classround import ClassFacts, ServerEvent
from ali_quiz.classroom.qr import qr_rows
from ali_quiz.i18n import Translator
from ali_quiz.textwidth import clip, pad
from ali_quiz.tui.linefilter import NoControlCharacters
from ali_quiz.tui.serve.session import ClassSession

POLL_SECONDS = 1.0
EVENTS_SHOWN = 3
QR_MIN_HEIGHT = 36  # below this the QR code would push the board off the screen


class BoardRead(Message):
    """A fresh board (from a worker)."""

    def __init__(self, view: BoardView) -> None:
        super().__init__()
        self.view = view


def question_text(line: QuestionLine, tr: Translator, width: int) -> Text:
    """One question: its prompt, then a bar per option (the right ones marked)."""
    text = Text()
    text.append(f"{line.position}. ", style="bold")
    text.append(clip(line.prompt.replace("\n", " "), max(20, width - 6)))
    text.append(f"  ({tr('serve.board.answers', count=line.answered)})", style="dim")
    most = max((b.count for b in line.bars), default=0)
    label_width = max(12, min(36, width // 3))
    for option in line.bars:
        text.append("\n   ")
        text.append("✓ " if option.right else "  ", style="green" if option.right else "")
        text.append(pad(clip(option.label.replace("\n", " "), label_width), label_width))
        text.append(" " + bar(option.count, most), style="green" if option.right else "cyan")
        text.append(f" {option.count}")
    return text


_NO_CONTROL_CHARACTERS = NoControlCharacters()


class BoardApp(App[None]):
    """Who joined, the question each is on, scores, how the class answered each question."""

    CSS_PATH = Path(__file__).resolve().parent / "board.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("q", "end_class", "serve.key.end", priority=True),
        Binding("ctrl+c", "end_class", "serve.key.end", show=False, priority=True),
        Binding("j", "toggle_qr", "serve.key.qr"),
    ]

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then one that keeps control characters in names off the terminal."""
        return [*super().get_line_filters(), _NO_CONTROL_CHARACTERS]

    def __init__(self, session: ClassSession, facts: ClassFacts, tr: Translator) -> None:
        super().__init__()
        self.session = session
        self.facts = facts
        self.tr = tr
        self.view: BoardView | None = None
        self.events: list[str] = []
        self.ending = False
        self.title = "ali-quiz"

    def compose(self) -> ComposeResult:
        tr = self.tr
        facts = self.facts
        yield Static(
            tr(
                "serve.board.title",
                code=facts.code,
                pack=facts.pack_title,
                mode=tr(f"mode.{facts.mode}"),
                count=facts.count,
            ),
            id="board-title",
            markup=False,
        )
        url = tr("serve.intro.url", url=facts.url)
        if facts.lan:
            url += "\n" + tr("serve.intro.lan_warning")
        yield Static(url, id="board-url", markup=False)
        yield Static(id="board-counts", markup=False)
        with Horizontal(id="board-main"):
            yield DataTable(id="board-players", cursor_type="none", zebra_stripes=True)
            yield Static(
                Text("\n".join(qr_rows(facts.url)), style="bright_white on black"), id="board-qr"
            )
        with VerticalScroll(id="board-questions"):
            yield Static(id="board-bars", markup=False)
        yield Static(id="board-events", markup=False)
        yield Footer()

    async def on_mount(self) -> None:
        tr = self.tr
        table: DataTable[str | Text] = self.query_one("#board-players", DataTable)
        for key in ("name", "question", "score", "state"):
            table.add_column(tr(f"serve.board.col.{key}"), key=key)
        self.query_one("#board-bars", Static).update(tr("serve.board.waiting"))
        self.bindings_in_language()
        if self.size.height < QR_MIN_HEIGHT:
            self.query_one("#board-qr").display = False  # `j` shows it
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            with suppress(NotImplementedError, RuntimeError):  # not on Windows
                loop.add_signal_handler(sig, lambda: self.call_later(self.action_end_class))
        await self.session.start()
        self.show_counts()
        self.set_interval(POLL_SECONDS, self.poll)

    def bindings_in_language(self) -> None:
        from ali_quiz.tui.texts import translate_bindings

        translate_bindings(self, self.tr)

    # --- Reading ---------------------------------------------------------------------

    def poll(self) -> None:
        if not self.ending:
            self.read_board()

    @work(exclusive=True, group="board", exit_on_error=False)
    async def read_board(self) -> None:
        self.post_message(BoardRead(await self.session.read()))

    @on(BoardRead)
    def board_read(self, message: BoardRead) -> None:
        self.view = message.view
        self.show_view(message.view)

    def server_event(self, event: ServerEvent) -> None:
        """The server said something (joined, left, full…): shown under the board."""
        self.events.append(self.tr(f"serve.event.{event.kind}", name=event.name))
        del self.events[:-EVENTS_SHOWN]
        if self.is_running:
            self.query_one("#board-events", Static).update("\n".join(self.events))
            self.read_board()

    # --- Drawing ---------------------------------------------------------------------

    def show_counts(self) -> None:
        view = self.view
        self.query_one("#board-counts", Static).update(
            self.tr(
                "serve.board.counts",
                joined=view.joined if view else 0,
                connected=view.connected if view else 0,
                finished=view.finished if view else 0,
                max=self.session.server.settings.max_players,
            )
        )

    def show_view(self, view: BoardView) -> None:
        tr = self.tr
        self.show_counts()
        table: DataTable[str | Text] = self.query_one("#board-players", DataTable)
        table.clear()
        for player in view.players:
            if player.finished:
                state = Text(tr("serve.board.finished"), style="green")
            elif player.connected:
                state = Text(tr("serve.board.playing"))
            else:
                state = Text(tr("serve.board.away"), style="dim")
            table.add_row(
                Text(player.name),
                f"{player.on_question if not player.finished else player.total}/{player.total}",
                f"{player.score}/{player.max_score}",
                state,
            )
        if view.players:
            width = self.query_one("#board-questions").size.width or self.size.width
            bars = Text("\n\n").join(question_text(q, tr, width) for q in view.questions)
            self.query_one("#board-bars", Static).update(bars)

    # --- Keys ------------------------------------------------------------------------

    def action_toggle_qr(self) -> None:
        qr = self.query_one("#board-qr")
        qr.display = not qr.display

    async def action_end_class(self) -> None:
        """End the class: close every tab (the answers are already kept), then quit."""
        if self.ending:
            return
        self.ending = True
        self.query_one("#board-events", Static).update(self.tr("serve.board.ending"))
        await self.session.stop()
        self.exit()
