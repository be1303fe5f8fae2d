"""What round to play or list, described once (`RoundSpec`) and resolved once (`resolve_round`).

Every front end goes through `resolve_round`: `play` and `generate` on the command line, plain
mode, the TUI (a new round, a resumed one, a round code, a replay) and the worksheets. That is
what makes a played round the same as the listed one, and what makes every front end record the
same seed and code for the same round (a daily round's seed is the one the date gives).

Errors split as the command line's exit status does: `UsageError` (2) for options that do not
fit together, `RoundSpecError` (1) for input that is wrong (a pack, a code, nothing to review).
A `RoundSpecError` carries an interface-string key and its values, so each front end words it
in its own language. What a player's history gives a round (the facts due, what was met
lately, a recorded round's spec) is read in `roundhistory`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date as Date
from pathlib import Path

from ali_quiz.catalog import discover, resolve_pack
from ali_quiz.clock import Now, local_now
from ali_quiz.i18n import Translator
from ali_quiz.packs.model import DEFAULT_PACK, Pack
from ali_quiz.packs.problems import PackError, PackNotFound
from ali_quiz.paths import AppPaths
from ali_quiz.quiz.codes import (
    CODE_MODES,
    CodeError,
    UnknownPack,
    decode_round_code,
    encode_round_code,
    resolve_code,
)
from ali_quiz.quiz.generate import RoundError, daily_seed, generate_round, random_seed
from ali_quiz.quiz.kinds import Question
from ali_quiz.quiz.modes import DEFAULT_COUNT, MAX_COUNT, MAX_SEED, MODES
from ali_quiz.record import Record

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol


ENGLISH = Translator("en")

#: The facts of a pack due for review on a date, most urgent first (fact id -> weight; empty:
#: nothing is due).
ReviewWeights = Callable[[Pack, Date], dict[str, float]]
#: What a player met lately in a pack (fact or question id -> 1 just now, fading with time).
MetLately = Callable[[Pack], dict[str, float]]


class _KeyedError(ValueError):
    """An error that names an interface string: `key` and `values`; str() is its English."""

    def __init__(self, key: str, /, **values: object) -> None:
        self.key = key
        self.values = values
        super().__init__(self.message(ENGLISH))

    def message(self, tr: Translator) -> str:
        """The error in the interface language (a code's or a pack's own problem included)."""
        return tr(self.key, **self.values)


class UsageError(_KeyedError):
    """Options that do not fit together (exit status 2); worded as RoundSpecError is."""


class RoundSpecError(_KeyedError):
    """Input that is wrong: a broken or missing pack, a bad code, nothing to review (exit 1).

    `key` and `values` name an interface string; str() is its English wording.
    """


@dataclass(frozen=True, eq=False, repr=False)
class RoundSpec(Record):
    """A round as a front end asks for it; what is left out, `resolve_round` decides.

    `pack` is an id or a path, or a Pack the front end already holds; None is the default
    pack. `seed` and `code` are exclusive; without either the seed is fresh (daily: the
    date's). `date` is the day the round is for (today when None).
    """

    pack: str | Pack | None = None
    mode: str | None = None
    count: int | None = None
    seed: int | None = None
    code: str | None = None
    date: Date | None = None


@dataclass(frozen=True, eq=False, repr=False)
class ResolvedRound(Record):
    """A round fully decided: its pack, mode, count, seed, date, code and questions.

    `seed` is None only for a round made of chosen questions (a round of mistakes), which
    has no code either.
    """

    pack: Pack
    mode: str
    count: int
    seed: int | None
    date: Date
    code: str | None
    questions: tuple[Question, ...]
    mistakes: bool = False  # a round of another's mistakes: recorded as a review
    fresh: bool = False  # its seed also drew the facts it puts off (quiz/fresh.py)

    @property
    def label(self) -> str:
        """What the round is called on screen (`mode.<label>`): its mode, or `mistakes`."""
        return "mistakes" if self.mistakes else self.mode

    @property
    def spec(self) -> RoundSpec:
        """The spec that resolves to this round again (the same questions)."""
        if self.fresh:
            return RoundSpec(pack=self.pack, code=self.code, date=self.date)
        return RoundSpec(
            pack=self.pack, mode=self.mode, count=self.count, seed=self.seed, date=self.date
        )

    def shorter_notice(self, tr: Translator | None = None) -> str | None:
        """What to tell a player whose round holds fewer questions than asked, if it does
        (in `tr`'s language; without one, the English the commands print)."""
        if len(self.questions) >= self.count:
            return None
        if tr is not None:
            return tr("play.shorter", n=len(self.questions), count=self.count)
        return (
            f"note: the pack {self.pack.id!r} gives {len(self.questions)} of the {self.count} "
            "questions asked: no more fit the rules of a good round"
        )

    def of_questions(self, questions: Sequence[Question], shuffle: int) -> ResolvedRound:
        """A round of some of these questions (the mistakes): mode review, no seed, no code;
        their options, items and sides in a new order drawn from `shuffle`."""
        from ali_quiz.quiz.reshuffle import reshuffled
        from ali_quiz.quiz.rng import Rng

        rng = Rng(shuffle)
        return replace(
            self,
            mode="review",
            count=len(questions),
            seed=None,
            code=None,
            questions=tuple(reshuffled(question, rng) for question in questions),
            mistakes=True,
        )


if TYPE_CHECKING:

    class PackSource(Protocol):
        """Where `resolve_round` finds packs: by id or path, and every one installed (for codes)."""

        def find(self, spec: str) -> Pack: ...

        def installed(self) -> Sequence[Pack]: ...


class DiskPacks:
    """Packs read from disk as they are asked for (the command line)."""

    def __init__(self, paths: AppPaths, extra: Sequence[Path] = ()) -> None:
        self.paths = paths
        self.extra = tuple(extra)

    def find(self, spec: str) -> Pack:
        try:
            return resolve_pack(spec, self.paths, self.extra)
        except PackNotFound as err:
            raise RoundSpecError("round.pack_missing", reason=err) from None
        except PackError as err:
            raise RoundSpecError("round.pack_invalid", pack=spec, problems=err) from None

    def installed(self) -> Sequence[Pack]:
        return [e.pack for e in discover(self.paths, self.extra) if e.pack is not None]


class ListedPacks:
    """Packs already loaded (the TUI's catalog)."""

    def __init__(self, packs: Sequence[Pack]) -> None:
        self.packs = tuple(packs)

    def find(self, spec: str) -> Pack:
        for pack in self.packs:
            if spec in (pack.id, str(pack.path)):
                return pack
        known = ", ".join(sorted({p.id for p in self.packs})) or "-"
        raise RoundSpecError(
            "round.pack_missing", reason=PackNotFound("no_id", id=repr(spec), known=known)
        )

    def installed(self) -> Sequence[Pack]:
        return self.packs


def parse_date(text: str | None) -> Date | None:
    """`--date YYYY-MM-DD` (None when not given: the round is for today)."""
    if text is None:
        return None
    try:
        return Date.fromisoformat(text)
    except ValueError:
        raise UsageError("round.usage.date", date=repr(text)) from None


def round_code_for(
    pack: Pack, mode: str, count: int, seed: int | None, *, fresh: bool = False
) -> str | None:
    """The code of a round, or None when it cannot have one (a review round)."""
    if seed is None or mode not in CODE_MODES:
        return None
    try:
        return encode_round_code(pack.content_hash, mode, count, seed, pack_id=pack.id, fresh=fresh)
    except CodeError:
        return None


def check_spec(spec: RoundSpec) -> None:
    """Options that do not fit together, whatever the packs: UsageError."""
    if spec.seed is not None and spec.code is not None:
        raise UsageError("round.usage.seed_and_code")
    if spec.seed is not None and not 0 <= spec.seed <= MAX_SEED:
        raise UsageError("round.usage.seed", max=f"{MAX_SEED:,}")
    if spec.count is not None and not 1 <= spec.count <= MAX_COUNT:
        raise UsageError("round.usage.count", max=MAX_COUNT)
    if spec.mode is not None and spec.mode not in MODES:
        raise UsageError("round.usage.mode", mode=repr(spec.mode), modes=", ".join(MODES))
    if spec.code is not None:
        if spec.mode is not None:
            raise UsageError("round.usage.code_mode")
        if spec.count is not None:
            raise UsageError("round.usage.code_count")
    if spec.mode == "daily" and spec.seed is not None:
        raise UsageError("round.usage.daily_seed")
    if spec.mode == "review" and spec.seed is not None:
        raise UsageError("round.usage.review_seed")


def resolve_round(
    spec: RoundSpec,
    packs: PackSource,
    *,
    default_pack: str | Pack | None = None,
    review: ReviewWeights | None = None,
    seed_source: Callable[[], int] = random_seed,
    now: Now = local_now,
    met: MetLately | None = None,
) -> ResolvedRound:
    """Check a spec and decide everything it leaves open, questions included.

    `review` gives the weights of a review round (None: no history, nothing to review);
    `seed_source` draws the seed of a round nobody fixed; with `met` (what the player met
    lately) that round is a fresh one (quiz/fresh.py): of many seeds, the one whose put-off
    facts best match what the player met is kept, and its code is a fresh code.
    """
    check_spec(spec)
    day = spec.date or now().date()
    if spec.code is not None:
        return _from_code(spec.code, spec.pack, packs, day)
    mode = spec.mode or "quick"
    chosen = spec.pack or default_pack or DEFAULT_PACK
    pack = chosen if isinstance(chosen, Pack) else packs.find(chosen)
    count = spec.count or DEFAULT_COUNT
    weights = None
    fresh = False
    if mode == "review":
        weights = review(pack, day) if review is not None else None
        if not weights:
            raise RoundSpecError("round.no_review")
    if mode == "daily":
        seed = daily_seed(pack, day)
    elif spec.seed is not None:
        seed = spec.seed
    elif met is not None and mode != "review":
        from ali_quiz.quiz.fresh import fresh_seed

        found = fresh_seed(pack, met(pack), seed_source)
        fresh = found is not None
        seed = seed_source() if found is None else found
    else:
        seed = seed_source()
    return ResolvedRound(
        pack=pack,
        mode=mode,
        count=count,
        seed=seed,
        date=day,
        code=round_code_for(pack, mode, count, seed, fresh=fresh),
        questions=_questions(pack, mode, count, seed, day, weights, fresh),
        fresh=fresh,
    )


def _questions(
    pack: Pack,
    mode: str,
    count: int,
    seed: int,
    day: Date,
    weights: dict[str, float] | None,
    fresh: bool = False,
) -> tuple[Question, ...]:
    try:
        questions = generate_round(pack, mode, count, seed, date=day, weights=weights, fresh=fresh)
    except RoundError as err:
        raise RoundSpecError("round.cannot_make", reason=str(err)) from None
    if not questions:
        raise RoundSpecError("round.no_questions", pack=pack.id, mode=mode)
    return tuple(questions)


def _from_code(text: str, pack: str | Pack | None, packs: PackSource, day: Date) -> ResolvedRound:
    try:
        parsed = decode_round_code(text)
    except CodeError as err:
        raise RoundSpecError("code.error", reason=err) from None
    if isinstance(pack, Pack):
        candidates: Sequence[Pack] = [pack]
    elif pack is not None:
        candidates = [packs.find(pack)]
    else:
        candidates = packs.installed()
    try:
        chosen = resolve_code(parsed, candidates)
    except UnknownPack as err:
        if pack is None:
            raise RoundSpecError("code.error", reason=err) from None
        # `--pack P --code C` for a code of another installed pack: "install the pack it was
        # made for" would send the player to install what they have.
        try:
            other = resolve_code(parsed, packs.installed())
        except CodeError:
            raise RoundSpecError("code.error", reason=err) from None
        given = candidates[0].id
        raise RoundSpecError("code.other_pack", code=text, pack=other.id, given=given) from None
    except CodeError as err:
        raise RoundSpecError("code.error", reason=err) from None
    return ResolvedRound(
        pack=chosen,
        mode=parsed.mode,
        count=parsed.count,
        seed=parsed.seed,
        date=day,
        code=round_code_for(chosen, parsed.mode, parsed.count, parsed.seed, fresh=parsed.fresh),
        # A daily round is a quick round with the day's seed: its code gives it on any date.
        questions=_questions(
            chosen,
            "quick" if parsed.mode == "daily" else parsed.mode,
            parsed.count,
            parsed.seed,
            day,
            None,
            parsed.fresh,
        ),
        fresh=parsed.fresh,
    )
