"""The history screen's filters: one pack, one mode, the last days; their buttons and chooser."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.content import Content
from textual.widgets import Button

from ali_quiz.quiz.modes import MODES
from ali_quiz.tui.screens.dialogs import ChooseScreen
from ali_quiz.tui.screens.history.changes import DeleteAndExport
from ali_quiz.tui.screens.history.view import PERIODS, Filters, mode_name


class Filtering(DeleteAndExport):
    """The history screen's filter keys and buttons (a base class of HistoryScreen)."""

    filters: Filters
    pack_ids: list[str]
    history_packs: list[str]

    def reload(self) -> None:
        """Read the rounds again under the filters (HistoryScreen knows how)."""
        raise NotImplementedError

    def filter_options(self, which: str) -> list[tuple[str, str | int | None]]:
        """The choices of one filter ("pack", "mode" or "period"), labelled."""
        tr = self.tr
        if which == "pack":
            ids = sorted(dict.fromkeys([*self.pack_ids, *self.history_packs]))
            return [(tr("history.all_packs"), None)] + [
                (self.pack_titles.get(i, i), i) for i in ids
            ]
        if which == "mode":
            return [(tr("history.all_modes"), None)] + [(mode_name(tr, m), m) for m in MODES]
        return [(tr(f"history.period_{d}"), d) for d in PERIODS]

    def _filter_value(self, which: str) -> str | int | None:
        return {"pack": self.filters.pack, "mode": self.filters.mode}.get(which, self.filters.days)

    def _filter_label(self, which: str) -> Content:
        value = self._filter_value(which)
        label = next((text for text, v in self.filter_options(which) if v == value), str(value))
        name = self.tr(f"history.filter_{which}")
        # A pack title is data: shown as written, never as markup.
        return Content(self.tr("history.filter_label", name=name, value=label))

    def set_filter(self, which: str, value: str | int | None) -> None:
        """Show only one pack, one mode (None: all) or the last `value` days (0: all time)."""
        text = None if value is None else str(value)
        if which == "period":
            filters = replace(self.filters, days=int(value or 0))
        elif which == "pack":
            filters = replace(self.filters, pack=text)
        else:
            filters = replace(self.filters, mode=text)
        if filters != self.filters:
            self.filters = filters
            self.query_one(f"#{which}", Button).label = self._filter_label(which)
            self.reload()

    def action_choose(self, which: str) -> None:
        """Open the chooser of one filter."""

        def chosen(picked: tuple[str | int | None] | None) -> None:
            if picked is not None:
                self.set_filter(which, picked[0])

        title = self.tr(f"history.filter_{which}")
        options = self.filter_options(which)
        self.app.push_screen(ChooseScreen(title, options, self._filter_value(which)), chosen)

    @on(Button.Pressed, "#filters Button")
    def filter_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(str(event.button.id))
