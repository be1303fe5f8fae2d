"""Helpers for the TUI tests: a deterministic app, and the key presses that answer a question.

Every app here uses a temporary data folder, a fixed seed and a fixed clock, so the screens
(and the snapshots) are the same on every run and every machine.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from ali_quiz.config import LoadedSettings, Settings
from ali_quiz.packs.loader import load_pack
from ali_quiz.packs.model import Pack
from ali_quiz.paths import AppPaths, builtin_packs_dir
from ali_quiz.quiz.answers import letter
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
    TextQuestion,
)
from ali_quiz.roundspec import ListedPacks, ResolvedRound, RoundSpec, resolve_round
from ali_quiz.tui.app import QuizApp, make_app

TAIPEI = timezone(timedelta(hours=8))
FIXED_NOW = datetime(2020, 2, 28, 12, 0, tzinfo=TAIPEI)
FIXED_SEED = 7


def sync(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test body in its own event loop (pytest has no async plugin here)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


async def settle(app: QuizApp) -> None:
    """Wait until the packs are scanned and the history is open or home shows its summary (the
    workers are done).

    It polls with asyncio.sleep, not pilot.pause: each pause draws the screen again.
    """
    for _ in range(6000):  # bounded: a loaded machine may take seconds
        await app.workers.wait_for_complete()
        if app.catalog is not None and (app.history_ready or app.history_deferred):
            break
        await asyncio.sleep(0.01)  # the workers start after the first paint
    await app.workers.wait_for_complete()


async def search_palette(pilot: Pilot[Any], text: str) -> None:
    """Type into the open command palette and wait until its search has listed what it found."""
    await pilot.press(*typed(text))
    await pilot.app.workers.wait_for_complete()  # the palette searches in a worker
    await pilot.pause()


def builtin_pack(pack_id: str = "dingtalk-2020") -> Pack:
    return load_pack(builtin_packs_dir() / f"{pack_id}.yaml")


def make_test_app(
    tmp_path: Path,
    *,
    language: str = "en",
    player: str = "ann",
    pack: str | None = "dingtalk-2020",
    start: ResolvedRound | None = None,
    count: int | None = None,
    seed: int = FIXED_SEED,
    **options: Any,
) -> QuizApp:
    """The app over a temporary data folder, with a fixed seed for its rounds, clock and language
    (and the settings' questions per round when `count` is given)."""
    settings = Settings(player=player, language=language, pack=pack)
    if count is not None:
        settings = replace(settings, count=count)
    return make_app(
        AppPaths.resolve(tmp_path / "data"),
        settings=LoadedSettings(settings),
        seed_source=lambda: seed,
        now=lambda: FIXED_NOW,
        start=start,
        **options,
    )


def round_start(
    mode: str, count: int, seed: int = FIXED_SEED, pack_id: str = "dingtalk-2020"
) -> ResolvedRound:
    """A round as `play --mode M --count N --seed S` starts it (on the fixed clock's day)."""
    pack = builtin_pack(pack_id)
    spec = RoundSpec(pack=pack, mode=mode, count=count, seed=seed, date=FIXED_NOW.date())
    return resolve_round(spec, ListedPacks([pack]))


def text_round(seed: int = 30) -> ResolvedRound:
    """A round of three whose first question is a text (authored) one.

    A quick round holds one in a share of rounds only (a pack has few): seed 30's of ten holds
    釘釘5.0's codename, moved to the front of three.
    """
    start = round_start("quick", 10, seed=seed)
    text = next(q for q in start.questions if q.kind == "text")
    rest = [q for q in start.questions if q is not text][:2]
    return replace(start, count=3, questions=(text, *rest))


def order_keys(question: OrderQuestion, wanted: list[str]) -> list[str]:
    """Keys that put the items in the `wanted` order (item ids), by letter and shift+up."""
    order = [item.id for item in question.items]
    keys: list[str] = []
    for place, item_id in enumerate(wanted):
        index = next(i for i, item in enumerate(question.items) if item.id == item_id)
        keys.append(letter(index).lower())
        now = order.index(item_id)
        keys += ["shift+up"] * (now - place)
        order.insert(place, order.pop(now))
    return keys


def right_keys(question: Question) -> list[str]:
    """The key presses that answer a question with full marks, submit included."""
    if isinstance(question, OrderQuestion):
        return [*order_keys(question, list(question.answer)), "enter"]
    if isinstance(question, MatchQuestion):
        left = {item.id: i for i, item in enumerate(question.left)}
        right = {item.id: i for i, item in enumerate(question.right)}
        keys = []
        for left_id, right_id in question.answer:
            keys += [str(left[left_id] + 1), letter(right[right_id]).lower()]
        return [*keys, "enter"]
    if isinstance(question, ChoiceQuestion):
        index = next(i for i, o in enumerate(question.options) if o.id == question.answer)
        return [letter(index).lower()]
    if isinstance(question, EstimateQuestion):
        return [*typed(str(question.answer)), "enter"]
    if isinstance(question, TextQuestion):
        return [*typed(question.accepted[0]), "enter"]
    raise TypeError(question.kind)


def typed(text: str) -> list[str]:
    """Keys that type a text into an input (Pilot names some characters)."""
    names = {" ": "space", ".": "full_stop", "%": "percent_sign", "-": "minus"}
    return [names.get(char, char) for char in text]
