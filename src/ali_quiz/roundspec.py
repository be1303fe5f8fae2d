"""What round to play or list: pack, mode, count, seed (or code) and date, resolved once.

`play` and `generate` both go through `resolve_round`, which is what makes a played round the
same as the listed one. Errors split as the command line's exit status does: UsageError (2) for
options that do not fit together, RoundSpecError (1) for input that is wrong (a pack, a code, no
mistakes to review).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from pathlib import Path

from ali_quiz.packs.catalog import DEFAULT_PACK, discover, resolve_pack
from ali_quiz.packs.model import Pack
from ali_quiz.packs.problems import PackError, PackNotFound
from ali_quiz.paths import AppPaths
from ali_quiz.quiz.codes import (
    CODE_MODES,
    MAX_CODE_COUNT,
    MAX_CODE_SEED,
    CodeError,
    decode_round_code,
    encode_round_code,
    resolve_code,
)
from ali_quiz.quiz.generate import MAX_COUNT, RoundError, generate_round, random_seed
from ali_quiz.quiz.kinds import Question
from ali_quiz.quiz.modes import MODES

DEFAULT_COUNT = 10


class UsageError(ValueError):
    """Options that do not fit together (exit status 2)."""


class RoundSpecError(ValueError):
    """Input that is wrong: a broken or missing pack, a bad code, nothing to review (exit 1)."""


@dataclass(frozen=True)
class RoundSpec:
    """A fully resolved round: generating it always gives the same questions."""

    pack: Pack
    mode: str
    count: int
    seed: int
    date: Date
    code: str | None  # the round code, when this round has one
    weights: dict[str, float] | None = None  # review rounds only

    def questions(self) -> list[Question]:
        """The round's questions; RoundSpecError when the pack cannot give any."""
        try:
            questions = generate_round(
                self.pack, self.mode, self.count, self.seed, date=self.date, weights=self.weights
            )
        except RoundError as err:
            raise RoundSpecError(str(err)) from None
        if not questions:
            raise RoundSpecError(
                f"the pack {self.pack.id!r} gives no {self.mode} question: "
                "add facts (see `ali-quiz validate` for what each kind needs)"
            )
        return questions


def shorter_notice(spec: RoundSpec, questions: list[Question]) -> str | None:
    """What to tell a player whose round holds fewer questions than asked, if it does."""
    if len(questions) >= spec.count:
        return None
    return (
        f"note: the pack {spec.pack.id!r} gives {len(questions)} of the {spec.count} "
        "questions asked: no more fit the rules of a good round"
    )


def parse_date(text: str | None) -> Date:
    """`--date YYYY-MM-DD`, today (local time) when not given."""
    if text is None:
        return datetime.now().astimezone().date()
    try:
        return Date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text!r} is not a date: write YYYY-MM-DD") from None


def round_code_for(pack: Pack, mode: str, count: int, seed: int) -> str | None:
    """The code of a round, or None when it cannot have one (review, daily, a large seed)."""
    if mode not in CODE_MODES or not 0 <= seed <= MAX_CODE_SEED or count > MAX_CODE_COUNT:
        return None
    try:
        return encode_round_code(pack.content_hash, mode, count, seed, pack_id=pack.id)
    except CodeError:
        return None


def load_pack_spec(spec: str, paths: AppPaths, extra: Sequence[Path] = ()) -> Pack:
    """A pack by id or path, with its problems turned into a RoundSpecError."""
    try:
        return resolve_pack(spec, paths, extra)
    except PackNotFound as err:
        raise RoundSpecError(str(err)) from None
    except PackError as err:
        raise RoundSpecError(f"the pack {spec} is not valid:\n{err}") from None


def resolve_round(
    paths: AppPaths,
    *,
    pack: str | None,
    mode: str | None,
    count: int | None,
    seed: int | None,
    code: str | None,
    date: str | None,
    default_pack: str | None = None,
    review_weights: dict[str, float] | None = None,
    player: str | None = None,
) -> RoundSpec:
    """Check the options together and resolve them into a RoundSpec.

    Without a seed or a code, the seed is drawn for `player`: the freshest of a few for them.
    """
    day = parse_date(date)
    if seed is not None and code is not None:
        raise UsageError("give --seed or --code, not both")
    if seed is not None and seed < 0:
        raise UsageError("--seed takes a whole number of 0 or more")
    if count is not None and not 1 <= count <= MAX_COUNT:
        raise UsageError(f"--count takes a number from 1 to {MAX_COUNT}")
    if mode is not None and mode not in MODES:
        raise UsageError(f"unknown mode {mode!r}: use one of {', '.join(MODES)}")
    if code is not None:
        if mode is not None:
            raise UsageError("a round code fixes the mode: leave out --mode")
        if count is not None:
            raise UsageError("a round code fixes the number of questions: leave out --count")
        return _from_code(paths, code, pack, day)
    mode = mode or "quick"
    if mode == "daily" and seed is not None:
        raise UsageError("the daily round is the same for everyone on a date: leave out --seed")
    if mode == "review" and seed is not None:
        raise UsageError("a review round is built from your history: leave out --seed")
    chosen = load_pack_spec(pack or default_pack or DEFAULT_PACK, paths)
    count = count or DEFAULT_COUNT
    if mode == "review" and not review_weights:
        raise RoundSpecError(
            "no mistakes to review yet: play a few rounds first, then review what you missed"
        )
    if seed is None:
        seed = 0 if mode == "daily" else _fresh(paths, chosen, mode, count, day, player)
    spec = RoundSpec(
        pack=chosen,
        mode=mode,
        count=count,
        seed=seed,
        date=day,
        code=round_code_for(chosen, mode, count, seed),
        weights=review_weights if mode == "review" else None,
    )
    return spec


def _fresh(
    paths: AppPaths, pack: Pack, mode: str, count: int, day: Date, player: str | None
) -> int:
    """A random seed, the one of a few whose round holds least of what the player met lately."""
    if player is None or mode == "review":
        return random_seed()
    from ali_quiz.quiz.fresh import fresh_seed

    return fresh_seed(pack, mode, count, recently_met(paths, player, pack.id), day=day)


def recently_met(paths: AppPaths, player: str, pack_id: str) -> dict[str, float]:
    """What the player met lately in this pack, from the history (empty without one)."""
    from ali_quiz.history.recent import recently_met as from_store
    from ali_quiz.history.store import HistoryStore

    if not paths.history_path.exists():
        return {}
    opened = HistoryStore.open(paths.data_dir)
    if opened.store is None:
        return {}
    try:
        return from_store(opened.store, player, pack_id, datetime.now().astimezone())
    finally:
        opened.store.close()


def _from_code(paths: AppPaths, text: str, pack: str | None, day: Date) -> RoundSpec:
    try:
        parsed = decode_round_code(text)
    except CodeError as err:
        raise RoundSpecError(str(err)) from None
    if pack is not None:
        candidates = [load_pack_spec(pack, paths)]
    else:
        candidates = [e.pack for e in discover(paths) if e.pack is not None]
    try:
        chosen = resolve_code(parsed, candidates)
    except CodeError as err:
        raise RoundSpecError(str(err)) from None
    return RoundSpec(
        pack=chosen,
        mode=parsed.mode,
        count=parsed.count,
        seed=parsed.seed,
        date=day,
        code=round_code_for(chosen, parsed.mode, parsed.count, parsed.seed),
    )


def review_weights(
    paths: AppPaths, player: str, pack_id: str, date: str | None
) -> dict[str, float]:
    """Fact id -> weight of the player's mistakes in this pack, from the history (empty if none)."""
    from ali_quiz.history.review import mistake_weights
    from ali_quiz.history.store import HistoryStore

    day = parse_date(date)
    now = datetime.now().astimezone()
    if day != now.date():
        now = datetime.combine(day, now.timetz())
    opened = HistoryStore.open(paths.data_dir)
    if opened.store is None:
        return {}
    try:
        return mistake_weights(opened.store, player, pack_id, now)
    finally:
        opened.store.close()
