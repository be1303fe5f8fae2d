"""A pack whose modes are all hidden gives no round (play test G23): PRODUCT.md hides a mode
that cannot give three questions, and `validate` says "modes: none" for it, yet `generate` made
a quick round of the two questions it could. Now a quick or daily round of such a pack is
refused as a round of a hidden kind is: exit 1, a message naming the pack and what it needs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Ran

TWO_QUESTIONS = """\
id: two-questions
title: Two questions
language: en
questions:
  - id: q1
    kind: text
    prompt: What is the capital of France?
    accepted: [Paris]
  - id: q2
    kind: text
    prompt: What is two plus two?
    accepted: ["4", four]
"""


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "two.yaml"
    path.write_text(TWO_QUESTIONS, encoding="utf-8")
    return path


def test_validate_says_every_mode_is_hidden(cli: Callable[..., Ran], pack: Path) -> None:
    ran = cli("validate", str(pack))
    assert ran.status == 0
    assert "modes: none" in ran.out


@pytest.mark.parametrize("mode", ["quick", "daily"])
def test_generate_refuses_a_round_of_a_hidden_mode(
    cli: Callable[..., Ran], pack: Path, mode: str
) -> None:
    ran = cli("generate", "--pack", str(pack), "--mode", mode, "--format", "json")
    assert ran.status == 1
    assert ran.out == ""
    assert "'two-questions' has too few facts for a" in ran.err
    assert f"{mode} round" in ran.err
    assert "Traceback" not in ran.err


def test_play_refuses_it_too(cli: Callable[..., Ran], pack: Path) -> None:
    ran = cli("play", "--plain", "--pack", str(pack), "--seed", "1")
    assert ran.status == 1
    assert "too few facts for a quick round" in ran.err


def test_a_pack_of_three_questions_still_plays(
    cli: Callable[..., Ran], pack: Path, tmp_path: Path
) -> None:
    three = tmp_path / "three.yaml"
    three.write_text(
        TWO_QUESTIONS.replace("two-questions", "three-questions")
        + "  - {id: q3, kind: text, prompt: Which colour is the sky?, accepted: [blue]}\n",
        encoding="utf-8",
    )
    ran = cli("generate", "--pack", str(three), "--format", "json")
    assert ran.status == 0
    assert len(ran.out.splitlines()) == 3
