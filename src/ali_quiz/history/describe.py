"""Words for what the history holds: answers as text, fact ids as titles, export file names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ali_quiz.history.records import RoundRecord
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.answers import figure_text, letter
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    Entry,
    EstimateQuestion,
    MatchQuestion,
    MultiQuestion,
    OrderQuestion,
    Question,
    entry_text,
)


def response_text(value: Any) -> str:
    """A recorded response or answer as one line: `b → a → c`, `1→x, 2→y`, `76102000`."""
    if value is None:
        return ""
    if isinstance(value, list):
        return " → ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}→{v}" for k, v in value.items())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fact_labels(packs: Iterable[Pack]) -> dict[tuple[str, str], str]:
    """(pack id, fact id) -> what the fact is called: an event's title, a metric's label, …

    An event, a state or a release with its date as the play screen writes it in the pack's
    language (`Alipay (December 2018)`, `支付寶（2018年12月）`, `DingTalk 5.0 “Bayan Har”
    (25 February 2020)`), not as an ISO date nor with a codename in 「」 in an English pack."""
    from ali_quiz.quiz.phrasing import format_date, headline, version_title

    found: dict[tuple[str, str], str] = {}
    for pack in packs:
        found.update(((pack.id, fact), label) for fact, label in pack.fact_labels().items())
        language = pack.language
        for event in pack.events:
            found[pack.id, event.id] = headline(
                event.title, format_date(event.date, language), language
            )
        for state in pack.states:
            when = format_date(state.as_of, language)
            found[pack.id, state.id] = headline(state.title, when, language, as_of=True)
        for version in pack.versions:
            title = version_title(version, language)
            if version.date is not None:
                title = headline(title, format_date(version.date, language), language)
            found[pack.id, version.id] = title
    return found


def round_questions(entry: RoundRecord, packs: Iterable[Pack]) -> dict[str, Question]:
    """The questions of a recorded round, by id, when they can be made again exactly.

    That needs the same pack version (its content hash) and a round fixed by its seed; a review
    round (built from the history of its day) or a changed pack gives nothing, and the answers
    are then shown as recorded.
    """
    if entry.mode == "review" or entry.seed is None:
        return {}
    pack = next(
        (p for p in packs if p.id == entry.pack and p.content_hash == entry.pack_hash), None
    )
    if pack is None:
        return {}
    from ali_quiz.quiz.generate import RoundError, generate_round

    try:
        day = date.fromisoformat(entry.date)
        questions = generate_round(pack, entry.mode, entry.count, entry.seed, date=day)
    except (RoundError, ValueError):
        return {}
    return {q.id: q for q in questions}


@dataclass(frozen=True)
class MatchSides:
    """A generated match's sides as they were shown, as far as its facts tell them: fact id ->
    its left item, and letter -> right item for the letters of the right answer."""

    left: Mapping[str, str]
    right: Mapping[str, str]


def match_sides(
    question_id: str, facts: Sequence[str], answer: Any, pack: Pack | None
) -> MatchSides | None:
    """A generated match's sides, when the round cannot be made again (a review round draws its
    options anew): its items are its facts' names and their dates, figures or highlights,
    worded as the makers word them. A decoy (an extra date or figure) keeps its letter."""
    if pack is None or not isinstance(answer, dict) or not question_id.startswith("match-"):
        return None
    template = question_id.split("-")[1]
    found = _pairs(template, question_id, list(facts), pack)
    if not found:
        return None
    right = {}
    for left, letter_id in answer.items():
        place = int(left) - 1 if str(left).isdigit() else -1
        if 0 <= place < len(facts) and facts[place] in found:
            right[str(letter_id)] = found[facts[place]][1]
    return MatchSides({fact: pair[0] for fact, pair in found.items()}, right)


def _pairs(
    template: str, question_id: str, facts: list[str], pack: Pack
) -> dict[str, tuple[str, str]]:
    """Fact id -> (left item, right item) in a match of this template (the makers' wording)."""
    from ali_quiz.quiz.facts import facts_of
    from ali_quiz.quiz.phrasing import format_date, version_title

    views = facts_of(pack)
    if template == "dates":
        return {
            d.id: (d.text, format_date(d.date, pack.language))
            for d in views.timeline
            if d.id in facts
        }
    if template == "figures":
        return {m.id: (m.label, views.figure_text(m)) for m in pack.metrics if m.id in facts}
    if template == "highlights":
        shown = _highlights(question_id, facts, pack)
        return {
            v.id: (version_title(v, pack.language), shown[v.id])
            for v in pack.versions
            if v.id in shown
        }
    return {}


def _highlights(question_id: str, facts: list[str], pack: Pack) -> dict[str, str]:
    """Which highlight of each release the match showed: the one whose choice gives its id
    (the id names the highlights taken other than the first)."""
    from itertools import product

    from ali_quiz.quiz.makers.base import question_id as id_of

    versions = sorted((v for v in pack.versions if v.id in facts), key=lambda v: v.id)
    if len(versions) != len(facts) or any(not v.highlights for v in versions):
        return {}
    choices = [range(len(v.highlights)) for v in versions]
    for picked in product(*choices):
        detail = ",".join(f"{v.id}:{i}" for v, i in zip(versions, picked, strict=True) if i)
        if id_of("match", "highlights", facts, detail) == question_id:
            return {v.id: v.highlights[i] for v, i in zip(versions, picked, strict=True)}
    return {}


def readable(
    question: Question | None,
    value: Any,
    *,
    facts: Sequence[str] = (),
    labels: Mapping[str, str] | None = None,
    sides: MatchSides | None = None,
) -> str:
    """A response or answer labelled as the question showed it: `C. 1 year`, `B. x → A. y`,
    `1C: left → right`.

    Without the question (a review round, another version of the pack), the letters and
    numbers the player saw, with the facts' names where the ids are facts: an order's items
    (`labels`: fact id -> name) and a match's left side (`facts`, aligned with it), or its
    sides as `match_sides` tells them (`sides`).
    """
    if value is None:
        return ""
    if question is None:
        return _recorded(value, facts, labels or {}, sides)
    if isinstance(question, ChoiceQuestion | MultiQuestion) and isinstance(value, str | list):
        picked = [value] if isinstance(value, str) else [str(v) for v in value]
        return "; ".join(_labelled(question.options, option) for option in picked)
    if isinstance(question, OrderQuestion) and isinstance(value, list):
        return " → ".join(_labelled(question.items, str(v)) for v in value)
    if isinstance(question, MatchQuestion) and isinstance(value, dict):
        numbers = {entry.id: str(i + 1) for i, entry in enumerate(question.left)}
        letters = {entry.id: letter(i) for i, entry in enumerate(question.right)}
        return " · ".join(
            f"{numbers.get(str(left), '?')}{letters.get(str(right), '?')}: "
            f"{entry_text(question.left, str(left))} → {entry_text(question.right, str(right))}"
            for left, right in value.items()
        )
    if (
        isinstance(question, EstimateQuestion)
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        return figure_text(question, value)
    return response_text(value)


def _labelled(entries: tuple[Entry, ...], entry_id: str) -> str:
    """`C. text`: an entry with the letter it was shown under."""
    for i, entry in enumerate(entries):
        if entry.id == entry_id:
            return f"{letter(i)}. {entry.text}"
    return entry_id


def _shown_id(entry_id: str, labels: Mapping[str, str]) -> str:
    """A recorded id as the player saw it: a fact's name, or a letter (`b` was option B)."""
    if entry_id in labels:
        return labels[entry_id]
    return entry_id.upper() if len(entry_id) == 1 and entry_id.isalpha() else entry_id


def _recorded(
    value: Any, facts: Sequence[str], labels: Mapping[str, str], sides: MatchSides | None
) -> str:
    if isinstance(value, list):
        return " → ".join(_shown_id(str(v), labels) for v in value)
    if isinstance(value, dict):
        parts = []
        for left, right in value.items():
            pair = f"{left}{_shown_id(str(right), {})}"
            # Generated matches number their left side 1, 2, 3 in the order of their facts.
            place = int(left) - 1 if str(left).isdigit() else -1
            fact = facts[place] if 0 <= place < len(facts) else ""
            if sides is not None and fact in sides.left:
                pair += f": {sides.left[fact]}"
                if str(right) in sides.right:  # else a decoy, drawn anew: its letter alone
                    pair += f" → {sides.right[str(right)]}"
            elif fact in labels:
                pair += f": {labels[fact]}"
            parts.append(pair)
        return " · ".join(parts)
    if isinstance(value, str):
        return _shown_id(value, {})
    return response_text(value)


def export_path(data_dir: Path, player: str, now: datetime) -> Path:
    """A new file name in the data folder for a JSON export of a player's history."""
    # Keep letters of any script (a Chinese name stays readable), drop what a file system minds.
    safe = re.sub(r"[^\w.-]+", "_", player, flags=re.UNICODE).strip("._") or "player"
    stem = f"history-{safe}-{now.strftime('%Y%m%d-%H%M%S')}"
    path, n = data_dir / f"{stem}.json", 1
    while path.exists():
        n += 1
        path = data_dir / f"{stem}-{n}.json"
    return path
