"""What a player's history gives a round: the facts due for review, what was met lately, and
the spec of a recorded round to carry it on.

`resolve_round` takes the first two as functions (`ReviewWeights`, `MetLately`), so that
`roundspec` reads no history itself: the command line reads them from the data folder, the TUI
from its open history.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime

from ali_quiz.clock import Now, local_now
from ali_quiz.packs.model import Pack
from ali_quiz.paths import AppPaths
from ali_quiz.roundspec import MetLately, ReviewWeights, RoundSpec, RoundSpecError

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from ali_quiz.history.records import RoundRecord
    from ali_quiz.history.store import HistoryStore


def review_from_store(
    store: HistoryStore | None, player: str, now: Now = local_now
) -> ReviewWeights:
    """The facts due for review, read from an open history (None: history is off, none due).

    With none due but some met, RoundSpecError says when the next one comes due."""

    def weights(pack: Pack, day: Date) -> dict[str, float]:
        if store is None:
            return {}
        from ali_quiz.history.review import due_weights

        moment = now()
        if day != moment.date():
            moment = datetime.combine(day, moment.timetz())
        weights = due_weights(store, player, pack.id, moment)
        if not weights:
            from ali_quiz.history.review import next_due

            upcoming = next_due(store, player, pack.id, moment)
            if upcoming is not None:
                when = upcoming.astimezone(moment.tzinfo).strftime("%Y-%m-%d %H:%M")
                raise RoundSpecError("round.no_review_until", when=when)
        return weights

    return weights


def review_from_disk(paths: AppPaths, player: str, now: Now = local_now) -> ReviewWeights:
    """Review weights read from the history in the data folder (the command line)."""

    def weights(pack: Pack, day: Date) -> dict[str, float]:
        from ali_quiz.history.store import HistoryStore

        opened = HistoryStore.open(paths.data_dir)
        try:
            return review_from_store(opened.store, player, now)(pack, day)
        finally:
            if opened.store is not None:
                opened.store.close()

    return weights


def resume_spec(saved: RoundRecord, pack: Pack) -> RoundSpec:
    """The spec of a recorded round, to carry it on (a daily round's seed is its date's; a
    fresh round is its code's, which alone says what it put off)."""
    if saved.code and saved.mode != "daily":
        from ali_quiz.quiz.codes import CodeError, decode_round_code

        try:
            fresh = decode_round_code(saved.code).fresh
        except CodeError:
            fresh = False
        if fresh:
            return RoundSpec(pack=pack, code=saved.code, date=Date.fromisoformat(saved.date))
    return RoundSpec(
        pack=pack,
        mode=saved.mode,
        count=saved.count,
        # Older histories recorded 0 for a daily round played from the command line.
        seed=None if saved.mode == "daily" else saved.seed,
        date=Date.fromisoformat(saved.date),
    )


def met_from_disk(paths: AppPaths, player: str, now: Now = local_now) -> MetLately:
    """What the player met lately, read from the history in the data folder (the command line)."""

    def met(pack: Pack) -> dict[str, float]:
        from ali_quiz.history.recent import recently_met
        from ali_quiz.history.store import HistoryStore

        if not paths.history_path.exists():
            return {}
        opened = HistoryStore.open(paths.data_dir)
        if opened.store is None:
            return {}
        try:
            return recently_met(opened.store, player, pack.id, now())
        finally:
            opened.store.close()

    return met
