"""What the history screen changes on disk: deleting rounds, exporting them as `history --json`.

Both run in thread workers and report with a `Done` message the screen handles (a notification,
and a reload after a delete).
"""

from __future__ import annotations

import io
from pathlib import Path

from textual import work
from textual.message import Message

from ali_quiz.clock import Now
from ali_quiz.history import export, stream
from ali_quiz.history.describe import export_path
from ali_quiz.history.records import RoundRow
from ali_quiz.history.store import HistoryStore
from ali_quiz.safety.files import atomic_open
from ali_quiz.tui.screens.base import QuizScreen
from ali_quiz.tui.screens.dialogs import ConfirmScreen
from ali_quiz.tui.screens.history.view import score_cell


class Done(Message):
    """A delete or an export finished: what to tell the player, and whether to reload."""

    def __init__(self, text: str, *, reload: bool, error: bool = False) -> None:
        super().__init__()
        self.text, self.reload, self.error = text, reload, error


class DeleteAndExport(QuizScreen[None]):
    """The history screen's delete and export keys (the base class of HistoryScreen)."""

    store: HistoryStore | None
    player: str
    now: Now
    rows: dict[int, RoundRow]
    player_total: int
    pack_titles: dict[str, str]

    def cursor_round(self) -> int | None:
        """The id of the round under the table's cursor (HistoryScreen knows its table)."""
        raise NotImplementedError

    def confirm(self, title: str, question: str, store: HistoryStore, round_id: int | None) -> None:
        """Ask before deleting, with a way to export first."""
        tr = self.tr

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(store, round_id)

        dialog = ConfirmScreen(
            title,
            question,
            yes=tr("history.delete"),
            no=tr("history.cancel"),
            first=tr("history.export_first"),
            on_first=lambda: self.export(store, round_id),
        )
        self.app.push_screen(dialog, answered)

    def action_delete_round(self) -> None:
        round_id = self.cursor_round()
        if self.store is None or round_id is None:
            return
        row = self.rows[round_id]
        question = self.tr(
            "history.confirm_round",
            id=round_id,
            date=row.started_at.strftime("%Y-%m-%d %H:%M"),
            pack=self.pack_titles.get(row.pack, row.pack),
            score=score_cell(row),
        )
        self.confirm(self.tr("history.key_delete"), question, self.store, round_id)

    def action_delete_all(self) -> None:
        if self.store is None or not self.player_total:
            return
        question = self.tr("history.confirm_all", n=self.player_total, player=self.player)
        self.confirm(self.tr("history.key_delete_all"), question, self.store, None)

    def action_export(self) -> None:
        if self.store is not None:
            self.export(self.store, None)

    @work(thread=True, exit_on_error=False, group="history-write")
    def delete(self, store: HistoryStore, round_id: int | None) -> None:
        """Delete one round (or all the player's rounds when None), then reload."""
        tr = self.tr
        try:
            if round_id is None:
                text = tr("history.deleted_all", n=store.delete_all(self.player))
            else:
                store.delete_round(round_id)
                text = tr("history.deleted_round", id=round_id)
        except Exception as error:  # a HistoryError, or the file gone bad meanwhile
            self.post_message(Done(str(tr.worded(error)), reload=True, error=True))
        else:
            self.post_message(Done(text, reload=True))

    @work(thread=True, exit_on_error=False, group="history-write")
    def export(self, store: HistoryStore, round_id: int | None) -> None:
        """Write the player's rounds (or one round) as `history --json` into the data folder."""
        tr = self.tr
        path: Path = export_path(store.path.parent, self.player, self.now())
        try:
            # Whole or not at all: a full disk leaves no half export behind.
            with atomic_open(path) as raw:
                out = io.TextIOWrapper(raw, encoding="utf-8")
                if round_id is None:  # streamed: a long history is never held whole
                    rows = stream.answer_rows(store, export.JSON_SELECT, player=self.player)
                    export.write_json(rows, out)
                else:
                    rounds = [r.to_json() for r in [store.round(round_id)] if r is not None]
                    out.write(export.to_json(rounds) + "\n")
                out.flush()
                out.detach()  # the raw file is synced and renamed by atomic_open
        except Exception as error:  # OSError, or a damaged history
            text = tr("history.export_failed", path=path, error=error)
            self.post_message(Done(text, reload=False, error=True))
        else:
            self.post_message(Done(tr("history.exported", path=path), reload=False))
