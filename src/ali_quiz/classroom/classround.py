"""The class's round and how it is served: what the command, the server and the board share."""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MAX_PLAYERS = 60
IDLE_SECONDS = 30 * 60


@dataclass(frozen=True)
class ClassRound:
    """What every tab plays: the pack (id or file) and the round code."""

    pack: str
    code: str


@dataclass(frozen=True)
class ClassFacts:
    """What the teacher is told about the class: the join URL, the round and its code."""

    url: str
    code: str
    pack_title: str
    mode: str
    count: int
    lan: bool = False  # listening beyond this machine: anyone on the network with the URL


@dataclass(frozen=True)
class ServerEvent:
    """Something the board's log tells the teacher (joined, left, refused, ended idle)."""

    kind: str
    name: str = ""
    detail: str = ""


@dataclass
class ServerSettings:
    """How the class is served."""

    host: str
    port: int
    public_host: str
    token: str
    max_players: int = DEFAULT_MAX_PLAYERS
    idle_seconds: float = IDLE_SECONDS
    title: str = "ali-quiz"
    events: Callable[[ServerEvent], None] = field(default=lambda event: None)


def tab_command(class_round: ClassRound, data_dir: Path, language: str, log_path: Path) -> str:
    """The shell command that runs one tab: this Python, the class's round, stderr to a log."""
    words = [
        sys.executable,
        "-m",
        "ali_quiz.serve.tab",
        "--data-dir",
        str(data_dir),
        "--pack",
        class_round.pack,
        "--code",
        class_round.code,
        "--lang",
        language,
    ]
    # The process's stderr would otherwise be copied onto the teacher's board.
    return f"exec {shlex.join(words)} 2>>{shlex.quote(str(log_path))}"


def api_address(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def join_base(host: str, port: int) -> str:
    return f"http://{api_address(host)}:{port}"
