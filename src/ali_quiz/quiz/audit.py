"""`ali-quiz audit`: is every generated round a good one? Each rule checked over many rounds.

The rules are those of a good round (docs/questions.md): no fact twice in a mixed round, no two
questions sharing two facts (three in a one-kind round), no give-away, no choice of fewer than
three generated options, no figure match its units solve, no estimate of a small number or a
rank, no state ordered or dated as a happening, no banned wording; plus the variety figures.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from ali_quiz.packs.model import Pack
from ali_quiz.quiz.dating import date_keys, eliminated
from ali_quiz.quiz.facts import facts_of
from ali_quiz.quiz.giveaway import Shown, alike_keys, answer_keys, is_small
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
    Question,
)
from ali_quiz.quiz.told import Told

AUDIT_MODES = ("quick", "order", "match", "estimate", "choice")
MIXED = ("quick", "daily", "review")
DEFAULT_ROUNDS = 20
ROUND_SIZE = 10
MAX_EXAMPLES = 10

RULES = (
    "fact-twice",
    "shared-facts",
    "give-away",
    "elimination",
    "two-option-choice",
    "unit-solvable-match",
    "small-number-estimate",
    "state-as-happening",
    "banned-wording",
    "variety",
)
# The variety rule, over a class's twenty quick rounds of ten (seeds 1 to 20): at least 160
# different questions (four in five of those held), none in more than 4 of the rounds, and
# every fact asked.
VARIETY_ROUNDS = 20
VARIETY_SHARE = 0.8
VARIETY_MOST = 4

#: Wordings a teacher corrected once: they must never come back (prompts, items, options).
BANNED_WORDINGS = (
    re.compile(r"帶來了「更名為"),
    re.compile(r"帶來了「[^」]*(?:為|了)"),
    re.compile(r"」是在什麼時候"),
    re.compile(r"What happened in \d{1,2} "),
    re.compile(r"how much\? \(in", re.IGNORECASE),
    re.compile(r"(?<![\d.])1 years\b"),
    re.compile(r"\b\d+ place\b"),
)
_CJK_BRACKETS = re.compile("[「」]")


@dataclass
class RuleReport:
    rule: str
    broken: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, *question_ids: str) -> None:
        self.broken += 1
        for question_id in question_ids:
            if question_id not in self.examples and len(self.examples) < MAX_EXAMPLES:
                self.examples.append(question_id)


@dataclass
class Audit:
    """The findings over every round looked at."""

    pack: Pack
    rounds: int
    rules: dict[str, RuleReport] = field(default_factory=dict)
    variety: dict[str, Any] = field(default_factory=dict)
    short_rounds: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rules = {rule: RuleReport(rule) for rule in RULES}

    @property
    def broken(self) -> bool:
        return any(report.broken for report in self.rules.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "pack": self.pack.id,
            "rounds": self.rounds,
            "rules": [
                {"rule": r.rule, "broken": r.broken, "examples": r.examples}
                for r in self.rules.values()
            ],
            "variety": self.variety,
        }


def _state_ids(pack: Pack) -> set[str]:
    return {state.id for state in getattr(pack, "states", ())}


def check_round(
    audit: Audit, mode: str, questions: list[Question], *, states: set[str] | None = None
) -> None:
    """Check one round against every rule, adding what is broken to the audit."""
    pack = audit.pack
    metrics = {m.id: m for m in pack.metrics}
    authored = {q.id for q in pack.questions}
    states = _state_ids(pack) if states is None else states
    english = not pack.language.lower().startswith("zh")
    rules = audit.rules
    mixed = mode in MIXED
    owners: dict[str, str] = {}
    for question in questions:
        for fact in question.facts:
            if mixed and fact in owners:
                rules["fact-twice"].add(owners[fact], question.id)
            owners.setdefault(fact, question.id)
    limit = 2 if mixed else 3
    for first, second in combinations(questions, 2):
        if len(set(first.facts) & set(second.facts)) >= limit:
            rules["shared-facts"].add(first.id, second.id)
    shown = Shown()
    views = facts_of(pack)
    dates = date_keys(views)
    told = Told(views)
    for question in questions:
        # A text shown that states its answer, or a relation it asks that an earlier question
        # told (a pair of a one-kind round's match shown again, two items ordered before).
        keys = answer_keys(question, metrics, dates, alike=False)
        if shown.reveals(keys) is not None or told.given(question):
            rules["give-away"].add(question.id)
        # Elimination: wrong options all dated or shown before, or an alike figure shown.
        if (
            told.eliminated(question)
            or (isinstance(question, ChoiceQuestion) and eliminated(question, views, shown, dates))
            or shown.reveals(alike_keys(question, metrics)) is not None
        ):
            rules["elimination"].add(question.id)
        shown.add(question)
        told.add(question)
        _check_question(audit, question, metrics, authored, states, english)


def _check_question(
    audit: Audit,
    question: Question,
    metrics: dict[str, Any],
    authored: set[str],
    states: set[str],
    english: bool,
) -> None:
    rules = audit.rules
    generated = question.id not in authored
    if isinstance(question, ChoiceQuestion) and generated and len(question.options) < 3:
        rules["two-option-choice"].add(question.id)
    if isinstance(question, MatchQuestion) and generated:
        units = Counter(metrics[f].unit for f in question.facts if f in metrics)
        if units and any(n == 1 for n in units.values()):
            rules["unit-solvable-match"].add(question.id)
    small = any(f in metrics and is_small(metrics[f]) for f in question.facts)
    if isinstance(question, EstimateQuestion) and generated and small:
        rules["small-number-estimate"].add(question.id)
    if generated and states & set(question.facts):
        dated = isinstance(question, OrderQuestion | MatchQuestion) or "-state-" not in question.id
        if dated:
            rules["state-as-happening"].add(question.id)
    texts = [question.prompt, *_entries(question)]
    if generated and any(p.search(t) for p in BANNED_WORDINGS for t in texts):
        rules["banned-wording"].add(question.id)
    if english and generated and any(_CJK_BRACKETS.search(t) for t in texts):
        rules["banned-wording"].add(question.id)


def _entries(question: Question) -> list[str]:
    match question:
        case OrderQuestion():
            return [e.text for e in question.items]
        case MatchQuestion():
            return [e.text for e in (*question.left, *question.right)]
        case ChoiceQuestion():
            return [e.text for e in question.options]
    return []


def all_fact_ids(pack: Pack) -> list[str]:
    """Every fact a round may ask about: events, states, versions, figures, sequence items."""
    ids = [e.id for e in pack.events]
    ids += [s.id for s in getattr(pack, "states", ())]
    ids += [v.id for v in pack.versions] + [m.id for m in pack.metrics]
    for sequence in pack.sequences:
        ids += [item.id for item in sequence.items]
    return ids


def variety(rounds: Iterable[list[Question]], pack: Pack) -> dict[str, Any]:
    """Distinct questions over quick rounds, the first round that repeats one, facts never asked."""
    seen: Counter[str] = Counter()
    asked: set[str] = set()
    first_repeat: int | None = None
    count = held = 0
    for number, questions in enumerate(rounds, start=1):
        count = number
        held += len(questions)
        ids = {q.id for q in questions}
        if first_repeat is None and any(seen[i] for i in ids):
            first_repeat = number
        seen.update(ids)
        for question in questions:
            asked.update(question.facts)
    return {
        "distinct": len(seen),
        "rounds": count,
        "questions": held,
        "first_repeat_round": first_repeat,
        "most_rounds_per_question": max(seen.values(), default=0),
        "repeated": sorted(i for i, n in seen.items() if n > VARIETY_MOST),
        # The questions asked in most rounds, most first: what a more varied pack repeats less.
        "most_asked": [
            i
            for i, n in sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_EXAMPLES]
            if n > 1
        ],
        "facts_never_asked": [f for f in all_fact_ids(pack) if f not in asked],
    }


def check_variety(audit: Audit, quick: list[list[Question]]) -> None:
    """The variety rule over the first twenty quick rounds, when the audit made as many: each
    figure it misses is one break, with the questions that come too often (or the facts never
    asked) as its examples."""
    if len(quick) < VARIETY_ROUNDS:
        return
    found = variety(quick[:VARIETY_ROUNDS], audit.pack)
    report = audit.rules["variety"]
    if found["distinct"] < VARIETY_SHARE * found["questions"]:
        report.add(*found["most_asked"])
    if found["repeated"]:
        report.add(*found["repeated"])
    if found["facts_never_asked"]:
        report.add(*found["facts_never_asked"])


RoundMaker = Callable[[Pack, str, int, int], list[Question]]


def audit_pack(pack: Pack, rounds: int, make: RoundMaker, modes: Iterable[str]) -> Audit:
    """Make `rounds` rounds (seeds 1 to N) of each mode and check them all."""
    audit = Audit(pack=pack, rounds=rounds)
    quick: list[list[Question]] = []
    for mode in modes:
        for seed in range(1, rounds + 1):
            questions = make(pack, mode, ROUND_SIZE, seed)
            if len(questions) < ROUND_SIZE:
                audit.short_rounds.append(f"{mode} {seed}: {len(questions)}")
            check_round(audit, mode, questions)
            if mode == "quick":
                quick.append(questions)
    audit.variety = variety(quick, pack)
    check_variety(audit, quick)
    return audit


MAX_ROUNDS = 1000


def audit_builtin_modes(pack: Pack, rounds: int = DEFAULT_ROUNDS) -> Audit:
    """Every mode the pack offers among quick, order, match, estimate and choice, audited."""
    from ali_quiz.quiz.generate import available_modes, generate_round

    modes = [m for m in AUDIT_MODES if m in available_modes(pack)]
    return audit_pack(pack, rounds, generate_round, modes)


def describe_audit(audit: Audit) -> str:
    """The audit as a teacher reads it: each rule, then how varied the rounds are."""
    lines = [f"{audit.pack.title}  [{audit.pack.id}]: {audit.rounds} rounds of 10 per mode"]
    for report in audit.rules.values():
        if report.broken:
            examples = ", ".join(report.examples)
            lines.append(f"  BROKEN  {report.rule}: {report.broken} times (e.g. {examples})")
            if report.rule == "variety":
                lines.append(
                    f"          needs {VARIETY_SHARE:.0%} of the questions of {VARIETY_ROUNDS} "
                    f"quick rounds different, none in more than {VARIETY_MOST} of them, "
                    "every fact asked"
                )
        else:
            lines.append(f"  ok      {report.rule}")
    variety = audit.variety
    if variety:
        lines.append(
            f"Variety over {variety['rounds']} quick rounds: {variety['distinct']} different "
            f"questions, none in more than {variety['most_rounds_per_question']} rounds"
            + (
                f", the first repeat in round {variety['first_repeat_round']}"
                if variety["first_repeat_round"]
                else ", no repeat"
            )
        )
        never = variety["facts_never_asked"]
        lines.append(f"Facts never asked: {', '.join(never)}" if never else "Every fact was asked.")
    if audit.short_rounds:
        lines.append(
            f"{len(audit.short_rounds)} rounds hold fewer than 10 questions (the pack gives no "
            f"more under these rules): {', '.join(audit.short_rounds[:8])}"
            + (" …" if len(audit.short_rounds) > 8 else "")
        )
    lines.append("Every rule holds." if not audit.broken else "Some rules are broken.")
    return "\n".join(lines)
