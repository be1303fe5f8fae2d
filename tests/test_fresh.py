"""Fresh rounds: without a seed or a code, a round asks first what the player has not met lately,
and its code (a fresh code) gives anyone the same questions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from ali_quiz.history.recent import recently_met
from ali_quiz.history.store import HistoryStore
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.codes import FRESH_CODE_LENGTH, decode_round_code, is_fresh_code
from ali_quiz.quiz.fresh import fresh_keys, fresh_seed, put_off
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.kinds import Question
from ali_quiz.roundhistory import resume_spec
from ali_quiz.roundspec import ListedPacks, RoundSpec, resolve_round


def _facts(questions: tuple[Question, ...] | list[Question]) -> set[str]:
    return {fact for q in questions for fact in (q.facts or (q.id,))}


def test_a_fresh_round_asks_first_what_it_does_not_put_off(pack_en: Pack) -> None:
    later = put_off(pack_en, 77)
    assert later and set(later.values()) <= {1, 2}
    keys, _ = fresh_keys(pack_en)
    assert set(later) <= set(keys)
    assert put_off(pack_en, 77) == later != put_off(pack_en, 78)
    questions = generate_round(pack_en, "quick", 10, 77, fresh=True)
    assert generate_round(pack_en, "quick", 10, 77, fresh=True) == questions  # reproducible
    levels = [max((later.get(f, 0) for f in q.facts or (q.id,)), default=0) for q in questions]
    assert levels[0] == 0
    # What it puts off comes after what it does not, and what it puts off most, last.
    assert levels.index(max(levels)) >= levels.count(0) - 1 or max(levels) == 0
    plain = generate_round(pack_en, "quick", 10, 77)
    assert len([f for f in _facts(questions) if not later.get(f)]) > len(
        [f for f in _facts(plain) if not later.get(f)]
    ) * len(_facts(questions)) // len(_facts(plain)) or not set(later) & _facts(plain)


def test_nothing_met_gives_a_plain_round(pack_zh: Pack) -> None:
    assert fresh_seed(pack_zh, {}, lambda: 42) is None
    plain = resolve_round(
        RoundSpec(), ListedPacks([pack_zh]), seed_source=lambda: 42, met=lambda pack: {}
    )
    assert not plain.fresh and plain.seed == 42
    assert plain.questions == tuple(generate_round(pack_zh, "quick", 10, 42))
    assert plain.code is not None and len(plain.code.replace("-", "")) == 12


def _round_one_met(pack: Pack, seed: int) -> tuple[list[Question], dict[str, float]]:
    first = generate_round(pack, "quick", 10, seed)
    return first, {key: 1.0 for key in _facts(first)} | {q.id: 1.0 for q in first}


def test_the_round_after_leads_with_what_round_one_did_not_ask(pack_en: Pack) -> None:
    """Round 2 asks mostly facts round 1 did not: far fewer repeats than a plain round."""
    fresh_repeats = plain_repeats = fresh_leads = plain_leads = 0
    for trial in range(6):
        first, met = _round_one_met(pack_en, 100 + trial)
        asked = _facts(first)
        chosen = resolve_round(
            RoundSpec(pack=pack_en),
            ListedPacks([pack_en]),
            seed_source=lambda trial=trial: 5000 + 37 * trial,
            met=lambda pack, met=met: met,
        )
        assert chosen.fresh
        fresh = chosen.questions
        plain = generate_round(pack_en, "quick", 10, 5000 + 37 * trial)
        fresh_repeats += len(_facts(fresh) & asked) * 100 // len(_facts(fresh))
        plain_repeats += len(_facts(plain) & asked) * 100 // len(_facts(plain))
        fresh_leads += len(_facts(fresh[:4]) & asked)
        plain_leads += len(_facts(plain[:4]) & asked)
    assert fresh_repeats < plain_repeats * 3 // 4
    # Its first questions ask mostly facts round 1 did not.
    assert fresh_leads < plain_leads // 3


def test_a_fresh_code_gives_the_same_round_without_the_history(pack_en: Pack) -> None:
    _, met = _round_one_met(pack_en, 3)
    chosen = resolve_round(
        RoundSpec(pack=pack_en),
        ListedPacks([pack_en]),
        seed_source=lambda: 1234,
        met=lambda pack: met,
    )
    assert chosen.fresh and chosen.code is not None and chosen.seed is not None
    code = decode_round_code(chosen.code)
    assert len(chosen.code.replace("-", "")) == FRESH_CODE_LENGTH
    assert code.fresh and code.seed == chosen.seed and code.mode == "quick" and code.count == 10
    again = resolve_round(RoundSpec(code=chosen.code), ListedPacks([pack_en]))
    assert again.questions == chosen.questions and again.fresh
    assert again.code == chosen.code
    assert resolve_round(chosen.spec, ListedPacks([pack_en])).questions == chosen.questions
    # The same seed given as a seed is the plain round of that seed, as before.
    plain = resolve_round(RoundSpec(pack=pack_en, seed=chosen.seed), ListedPacks([pack_en]))
    assert not plain.fresh and plain.questions == tuple(
        generate_round(pack_en, "quick", 10, chosen.seed)
    )


def test_recently_met_fades_with_each_round_played_since(tmp_path: Path) -> None:
    done = _play(tmp_path, "--seed", "5", "--player", "ann", "--pack", "dingtalk-2020-en")
    assert done.returncode == 0, done.stderr
    again = _play(tmp_path, "--seed", "6", "--player", "ann", "--pack", "dingtalk-2020-en")
    assert again.returncode == 0, again.stderr
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None
    with opened.store as store:
        met = recently_met(store, "ann", "dingtalk-2020-en", datetime.now().astimezone())
        rows = store.query("SELECT a.question_id, a.round_id FROM answers a ORDER BY round_id")
    first_round = min(round_id for _, round_id in rows)
    only_first = {q for q, r in rows if r == first_round} - {q for q, r in rows if r != first_round}
    only_last = {q for q, r in rows if r != first_round} - {q for q, r in rows if r == first_round}
    assert only_first and only_last
    assert all(0.9 < met[q] <= 1.0 for q in only_last)
    assert all(0.7 < met[q] < 0.85 for q in only_first)


def _play(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ALI_QUIZ_HOME"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "ali_quiz", "--data-dir", str(data), "play", "--plain", *args],
        input="skip\n" * 10,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )


def test_a_played_round_is_met_and_the_next_unseeded_round_leads_with_the_rest(
    tmp_path: Path, pack_zh: Pack
) -> None:
    """Through the command line: round 1 recorded in a data folder, round 2 without a seed
    asks first what round 1 did not, and `generate --code` lists round 2 again."""
    done = _play(tmp_path, "--seed", "5", "--player", "ann")
    assert done.returncode == 0, done.stderr
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None
    with opened.store as store:
        now = datetime.now().astimezone()
        met = recently_met(store, "ann", "dingtalk-2020", now)
        assert recently_met(store, "bob", "dingtalk-2020", now) == {}
        later = recently_met(store, "ann", "dingtalk-2020", now + timedelta(days=2))
    played = generate_round(pack_zh, "quick", 10, 5)
    assert {q.id for q in played} <= set(met)
    assert all(0.9 < met[q.id] <= 1.0 for q in played)
    assert all(abs(later[q.id] - met[q.id] / 2) < 0.05 for q in played)  # half after two days
    fresh = _play(tmp_path, "--player", "ann", "--count", "10")
    assert fresh.returncode == 0, fresh.stderr
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None
    with opened.store as store:
        ((round_id, code),) = store.query("SELECT id, code FROM rounds ORDER BY id DESC LIMIT 1")
        saved = store.round(round_id)
    assert saved is not None and decode_round_code(code).fresh
    listed = subprocess.run(
        [sys.executable, "-m", "ali_quiz", "--data-dir", str(tmp_path / "other"), "generate"]
        + ["--code", code, "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    round_two = [json.loads(line) for line in listed.stdout.splitlines()]
    asked_before = _facts(played)
    fresh_share = sum(
        1 for q in round_two for f in (q["facts"] or [q["id"]]) if f in asked_before
    ) / sum(len(q["facts"] or [q["id"]]) for q in round_two)
    plain = generate_round(pack_zh, "quick", 10, int(saved.seed or 0))
    plain_share = len(_facts(plain) & asked_before) / len(_facts(plain))
    assert fresh_share < plain_share
    # Resuming it from the history gives the same round.
    resumed = resolve_round(resume_spec(saved, pack_zh), ListedPacks([pack_zh]))
    assert resumed.fresh and [q.id for q in resumed.questions] == [q["id"] for q in round_two]


def test_fresh_rounds_break_no_rule_of_a_good_round(pack_zh: Pack, pack_en: Pack) -> None:
    """Holding facts back changes which questions come, never the rules they keep."""
    from ali_quiz.quiz.audit import Audit, check_round

    for pack in (pack_zh, pack_en):
        audit = Audit(pack=pack, rounds=8)
        for mode in ("quick", "order", "match", "estimate", "choice"):
            for seed in range(1, 9):
                questions = generate_round(pack, mode, 10, seed * 7919, fresh=True)
                assert len(questions) >= 3
                check_round(audit, mode, questions)
        broken = {rule: report.examples for rule, report in audit.rules.items() if report.broken}
        assert not broken, (pack.id, broken)


def test_a_fresh_round_is_graded_and_printed_as_itself_not_as_its_seed(pack_en: Pack) -> None:
    """A class report remakes a fresh round from its code, and a worksheet shows no seed that
    would make another round (play test H14)."""
    from ali_quiz.teach.report_grade import Regrader
    from ali_quiz.teach.sheets import meta_of, words_for

    _, met = _round_one_met(pack_en, 3)
    chosen = resolve_round(
        RoundSpec(pack=pack_en), ListedPacks([pack_en]), seed_source=lambda: 1234, met=lambda _: met
    )
    assert chosen.fresh and chosen.code is not None and chosen.seed is not None
    entry = {
        "pack_hash": pack_en.content_hash, "mode": "quick", "count": 10, "seed": chosen.seed,
        "code": chosen.code, "date": chosen.date.isoformat(),
    }  # fmt: skip
    remade = Regrader(pack_en).questions_of(entry)
    assert remade is not None and list(remade) == [q.id for q in chosen.questions]
    plain = Regrader(pack_en).questions_of({**entry, "code": None})
    assert plain is not None and list(plain) != list(remade)  # the seed alone: another round
    assert is_fresh_code(chosen.code) and not is_fresh_code(None) and not is_fresh_code("0AZF")
    meta = meta_of(chosen, 10, words_for("en"))
    assert chosen.code in " ".join(meta) and str(chosen.seed) not in " ".join(meta)
