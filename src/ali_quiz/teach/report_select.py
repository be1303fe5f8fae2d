"""What the class report counts: the pack, its version, the class round and each student's attempts.

1. The pack is the one most files have rounds of; files without rounds of it are left out.
2. Its version is the `pack_hash` most of those files last played; files that only played another
   version are left out (their answers would be to other questions), and rounds of another
   version inside a kept file are left out with a note.
3. The class round is the one given (`--code`), else the (mode, count, seed) most files played,
   when at least two files and half of them played it (or the only file does). A student's
   attempts are their rounds of it; students who never played it are listed. With no shared round
   (everyone played their own), each student's rounds of the pack are their attempts.
4. Files of the same player (not duplicates: other rounds) are one student: their attempts add up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ali_quiz.teach.report_files import FileProblem, HistoryFile

__all__ = ["RoundKey", "Selection", "StudentRounds", "select"]

RoundKey = tuple[str, int, int | None]  # (mode, count, seed)


@dataclass(frozen=True)
class StudentRounds:
    """One student's attempts at the class round (earliest first), each with the file it is in."""

    player: str
    rounds: tuple[Mapping[str, Any], ...]
    files: tuple[str, ...]  # aligned with `rounds`


@dataclass
class Selection:
    pack: str | None = None
    pack_hash: str | None = None
    round: RoundKey | None = None
    code: str | None = None
    students: list[StudentRounds] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


def _most_common(counter: Counter[Any], order: list[Any]) -> Any:
    """The most counted key; ties go to the one met first."""
    return max(counter, key=lambda key: (counter[key], -order.index(key)))


def _started(entry: Mapping[str, Any]) -> str:
    return str(entry["started_at"])


def _key(entry: Mapping[str, Any]) -> RoundKey:
    return (entry["mode"], entry["count"], entry["seed"])


_Rounds = list[tuple[HistoryFile, list[Mapping[str, Any]]]]


def _of_the_pack(files: list[HistoryFile], chosen: Selection, pack: str | None) -> _Rounds:
    order: list[str] = []
    packs: Counter[str] = Counter()
    for f in files:
        for name in dict.fromkeys(r["pack"] for r in f.rounds):
            packs[name] += 1
            if name not in order:
                order.append(name)
    chosen.pack = pack = pack or _most_common(packs, order)
    found: _Rounds = []
    for f in files:
        rounds: list[Mapping[str, Any]] = [r for r in f.rounds if r["pack"] == pack]
        if rounds:
            found.append((f, rounds))
        else:
            held = ", ".join(dict.fromkeys(r["pack"] for r in f.rounds))
            chosen.problems.append(
                FileProblem(f.name, f"has no rounds of the pack {pack} ({held})")
            )
    return found


def _of_the_version(of_pack: _Rounds, chosen: Selection) -> _Rounds:
    order: list[str] = []
    hashes: Counter[str] = Counter()
    for _, rounds in of_pack:
        latest = max(rounds, key=_started)["pack_hash"]
        hashes[latest] += 1
        if latest not in order:
            order.append(latest)
    if not hashes:
        return []
    chosen.pack_hash = pack_hash = _most_common(hashes, order)
    found: _Rounds = []
    for f, rounds in of_pack:
        same = [r for r in rounds if r["pack_hash"] == pack_hash]
        if not same:
            theirs = str(max(rounds, key=_started)["pack_hash"])[:12]
            chosen.problems.append(
                FileProblem(
                    f.name,
                    f"played another version of the pack {chosen.pack} (version {theirs}, the "
                    f"class played {pack_hash[:12]}): its questions may differ",
                )
            )
            continue
        if len(same) < len(rounds):
            chosen.problems.append(
                FileProblem(
                    f.name,
                    f"{len(rounds) - len(same)} round(s) of another version of the pack left out",
                )
            )
        found.append((f, sorted(same, key=_started)))
    return found


def _class_round(current: _Rounds, forced: RoundKey | None) -> RoundKey | None:
    if forced is not None:
        return forced
    order: list[RoundKey] = []
    keys: Counter[RoundKey] = Counter()
    for _, rounds in current:
        for key in dict.fromkeys(_key(r) for r in rounds):
            keys[key] += 1
            if key not in order:
                order.append(key)
    if not keys:
        return None
    top: RoundKey = _most_common(keys, order)
    alone = len(current) == 1
    shared = alone or (keys[top] >= 2 and 2 * keys[top] >= len(current))
    return top if shared and top[2] is not None and top[0] != "review" else None


def select(
    files: list[HistoryFile], *, pack: str | None = None, round_key: RoundKey | None = None
) -> Selection:
    """What counts in the report; `pack` and `round_key` fix them (a round code gives both)."""
    chosen = Selection()
    if not files:
        return chosen
    current = _of_the_version(_of_the_pack(files, chosen, pack), chosen)
    chosen.round = top = _class_round(current, round_key)
    players: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    for f, rounds in current:
        attempts = rounds if top is None else [r for r in rounds if _key(r) == top]
        player = str(rounds[-1]["player"])
        if not attempts:
            chosen.problems.append(FileProblem(f.name, f"{player} has not played the class round"))
            continue
        chosen.code = chosen.code or next((r.get("code") for r in attempts if r.get("code")), None)
        kept = players.setdefault(player, [])
        if kept:
            chosen.problems.append(
                FileProblem(
                    f.name,
                    f"holds other rounds of {player}, like {kept[0][0]}: their attempts are "
                    "counted together",
                )
            )
        kept.extend((f.name, r) for r in attempts)
    for player, kept in players.items():
        kept.sort(key=lambda found: _started(found[1]))
        chosen.students.append(
            StudentRounds(player, tuple(r for _, r in kept), tuple(name for name, _ in kept))
        )
    return chosen
