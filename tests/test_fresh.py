"""Fresh rounds: without a seed or a code, a round prefers what the player has not met lately."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from ali_quiz.history.recent import recently_met
from ali_quiz.history.store import HistoryStore
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.fresh import fresh_seed, staleness
from ali_quiz.quiz.generate import generate_round


def test_the_freshest_of_the_seeds_tried_is_kept(pack_zh: Pack) -> None:
    """Against a player who just met round 1's facts, a round with fewer of them wins."""
    first = generate_round(pack_zh, "quick", 10, 1)
    met = {fact: 1.0 for q in first for fact in q.facts} | {q.id: 1.0 for q in first}
    seeds = iter(range(1, 9))
    chosen = fresh_seed(pack_zh, "quick", 10, met, draw=lambda: next(seeds))
    assert chosen != 1
    scores = {s: staleness(generate_round(pack_zh, "quick", 10, s), met) for s in range(1, 9)}
    assert scores[chosen] == min(scores.values()) < scores[1]


def test_nothing_met_keeps_the_first_seed(pack_zh: Pack) -> None:
    seeds = iter([42, 43])
    assert fresh_seed(pack_zh, "quick", 10, {}, draw=lambda: next(seeds)) == 42


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


def test_a_played_round_is_met_and_the_next_fresh_round_avoids_it(
    tmp_path: Path, pack_zh: Pack
) -> None:
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
    # A round without a seed holds less of what was met than that round itself would.
    fresh = _play(tmp_path, "--player", "ann", "--count", "10")
    assert fresh.returncode == 0, fresh.stderr
    opened = HistoryStore.open(tmp_path)
    assert opened.store is not None
    with opened.store as store:
        ((seed,),) = store.query("SELECT seed FROM rounds ORDER BY id DESC LIMIT 1")
    again = generate_round(pack_zh, "quick", 10, int(seed))
    assert staleness(again, met) < staleness(played, met)
