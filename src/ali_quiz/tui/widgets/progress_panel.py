"""The home screen's progress panel: the streak of days played and the facts due for review;
on a wide terminal also the rounds played and the latest scores. A new player is welcomed
instead of being shown zeros."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from ali_quiz.i18n import Translator
from ali_quiz.textwidth import clip, pad, width

if TYPE_CHECKING:  # the history is read after the first frame: not imported before it
    from ali_quiz.history.progress import ModeScores, Progress, RecentRound

#: Columns the panel's text may use on a wide terminal (its width less border and padding).
WIDE_TEXT = 40
#: Recent rounds listed when the panel keeps its own height; a tall one fills with more.
RECENT_SHOWN = 5


def when_text(tr: Translator, started: datetime, today: date) -> str:
    """When a round was played, as a player reads it: `today 14:05`, `yesterday 09:30`, `11-28`."""
    day = started.date()
    clock = started.strftime("%H:%M")
    if day == today:
        return tr("home.today", time=clock)
    if day == today - timedelta(days=1):
        return tr("home.yesterday", time=clock)
    return day.strftime("%m-%d") if day.year == today.year else day.isoformat()


class ProgressPanel(Static):
    """Streak and reviews due (every width); rounds played and recent scores (wide). Given the
    height of the column (`-fill`, on a tall terminal), it lists as many rounds as fit."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)
        self.display = False  # until the history is read: no empty box, no zeros
        self.shown: tuple[Progress, Translator, bool, date, Callable[[str], str], str | None]
        self.shown_room = -1
        self.resuming = False  # a round to resume: the player is not new, though nothing is done
        self.returning = False  # a round left, which may not resume (its pack has changed)

    def on_resize(self) -> None:
        # Filling the column, the room for rounds is known once laid out: list what fits.
        if self.has_class("-fill") and self.room() != self.shown_room and hasattr(self, "shown"):
            progress, tr, wide, today, pack_title, pack_in_play = self.shown
            self.show(
                progress,
                tr,
                wide=wide,
                today=today,
                pack_title=pack_title,
                pack_in_play=pack_in_play,
                resuming=self.resuming,
                returning=self.returning,
            )

    def room(self) -> int:
        """Lines the panel has for its text when it fills the column (0: unknown yet)."""
        return self.content_size.height if self.has_class("-fill") else 0

    def show(
        self,
        progress: Progress,
        tr: Translator,
        *,
        wide: bool,
        today: date,
        pack_title: Callable[[str], str],
        pack_in_play: str | None,
        resuming: bool = False,
        returning: bool = False,
    ) -> None:
        """Fill the panel (`pack_title` gives a pack id's title, for the recent rounds;
        `returning`: the player has a round left, so is welcomed back, not as new; `resuming`:
        one that can go on, which the welcome points to)."""
        self.display = True
        self.resuming = resuming
        self.returning = returning
        self.shown = (progress, tr, wide, today, pack_title, pack_in_play)
        self.shown_room = self.room()
        if progress.is_new_player:
            key = "home.welcome_back" if resuming else "home.welcome_again" if returning else ""
            welcome = Content(tr(key or "home.welcome"))
            if wide:
                welcome = Content("\n\n").join(
                    [welcome, Content(tr("home.welcome_more")).stylize("dim")]
                )
            self.update(welcome)
            return
        lines = [self.streak_line(progress, tr, wide=wide), self.due_line(progress, tr)]
        if wide:
            played = (
                tr("home.rounds_played_one")
                if progress.rounds == 1
                else tr("home.rounds_played", count=progress.rounds)
            )
            lines.append(Content(played).stylize("dim"))
            if progress.recent:
                lines.append(Content(""))
                lines.append(Content.from_markup("[b]$title[/b]", title=tr("home.recent")))
                room = self.shown_room - len(lines)
                recent = progress.recent if room > 0 else progress.recent[:RECENT_SHOWN]
                rounds = self.recent_lines(recent, tr, today, pack_title, pack_in_play)
                if room > 0:  # whole rounds only: a pack's title line stays with its round
                    while len(rounds) > room:
                        rounds.pop()
                    if rounds and rounds[-1].plain.startswith("      "):
                        rounds.pop()
                lines.extend(rounds)
        self.update(Content("\n").join(lines))

    @staticmethod
    def streak_line(progress: Progress, tr: Translator, *, wide: bool) -> Content:
        if progress.streak == 0:
            return Content(tr("home.streak_none")).stylize("dim")
        streak = tr("home.streak", days=progress.streak)
        if not wide:
            return Content.from_markup("[b]$streak[/b]", streak=streak)
        state = tr("home.streak_today") if progress.played_today else tr("home.streak_keep")
        return Content.from_markup(
            "[b]$streak[/b] [dim]· $state[/dim]",
            streak=streak,
            state=state,
        )

    @staticmethod
    def due_line(progress: Progress, tr: Translator) -> Content:
        if progress.due == 0:
            return Content(tr("home.due_none")).stylize("dim")
        text = tr("home.due_one") if progress.due == 1 else tr("home.due", count=progress.due)
        return Content.from_markup("[$text-warning]$text[/]", text=text)

    @staticmethod
    def recent_lines(
        recent: tuple[RecentRound, ...],
        tr: Translator,
        today: date,
        pack_title: Callable[[str], str],
        pack_in_play: str | None,
    ) -> list[Content]:
        # Here, not at the top: the number parser it sits beside is not needed before the
        # first frame, and a new player's panel never shows a score.
        from ali_quiz.percents import percent_text

        modes = [played_mode(tr, entry.mode) for entry in recent]
        mode_width = min(max(width(mode) for mode in modes), 16)
        lines = []
        for entry, mode in zip(recent, modes, strict=True):
            percent = 100.0 * entry.score / entry.max_score if entry.max_score else None
            lines.append(
                Content.from_markup(
                    "[b]$percent[/b]  $mode  [dim]$when[/dim]",
                    percent=percent_text(percent).rjust(4),
                    mode=pad(clip(mode, mode_width), mode_width),
                    when=when_text(tr, entry.started_at, today),
                )
            )
            if entry.pack != pack_in_play:
                title = clip(pack_title(entry.pack), WIDE_TEXT - 6)
                lines.append(Content.from_markup("      [dim]$title[/dim]", title=title))
        return lines


class ModeScoresPanel(Static):
    """The player's scores with the pack in play, mode by mode (a tall, wide home shows it)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", markup=False, id=id)
        self.display = False

    def show(self, scores: tuple[ModeScores, ...], tr: Translator) -> None:
        from ali_quiz.percents import percent_text

        self.display = bool(scores)
        if not scores:
            return
        titles = [played_mode(tr, entry.mode) for entry in scores]
        title_width = max(width(title) for title in titles) + 2
        self.update(
            Content("\n").join(
                Content.from_markup(
                    "[b]$title[/b]$rounds [dim]·[/dim] $best [dim]·[/dim] $average",
                    title=pad(title, title_width),
                    rounds=(
                        tr("home.scores.rounds_one")
                        if entry.rounds == 1
                        else tr("home.scores.rounds", count=entry.rounds)
                    ),
                    best=tr("home.scores.best", percent=percent_text(entry.best)),
                    average=tr("home.scores.average", percent=percent_text(entry.average)),
                )
                for entry, title in zip(scores, titles, strict=True)
            )
        )


def played_mode(tr: Translator, mode: str) -> str:
    """The name of a round played in this mode: "Review" for a review round (as History
    calls it), not home's entry for starting one ("Due for review")."""
    return tr("mode.review_played" if mode == "review" else f"mode.{mode}")
