"""Settings (player name, language, theme, pack, questions per round) kept in `config.yaml`.

A broken file never stops the program: what can be read is kept, the rest falls back to the
defaults, and the problems come back as text for the front end to report.
"""

from __future__ import annotations

import getpass
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from ali_quiz.i18n import LANGUAGES, system_language
from ali_quiz.quiz.modes import DEFAULT_COUNT, MAX_COUNT

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DEFAULT_THEME = "textual-dark"
MAX_PLAYER_LENGTH = 40
_THEME_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


@dataclass(frozen=True)
class Settings:
    """What the player chose; `language` None means "follow the system locale"."""

    player: str
    language: str | None = None
    theme: str = DEFAULT_THEME
    count: int = DEFAULT_COUNT
    pack: str | None = None

    @property
    def effective_language(self) -> str:
        """The interface language: the chosen one, else the system locale's."""
        return self.language or system_language()

    def to_yaml_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"player": self.player}
        if self.language:
            data["language"] = self.language
        data["theme"] = self.theme
        data["questions_per_round"] = self.count
        if self.pack:
            data["pack"] = self.pack
        return data


@dataclass(frozen=True)
class LoadedSettings:
    """Settings as read, and the problems met reading them (empty when the file was fine)."""

    settings: Settings
    problems: tuple[str, ...] = ()


def default_player() -> str:
    """The login name, which is the most likely name of whoever plays in this terminal."""
    try:
        name = getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers): fall back to a word
        name = ""
    return clean_player(name) or "player"


def clean_player(text: str) -> str:
    """A player name as stored: one line, trimmed, at most MAX_PLAYER_LENGTH characters."""
    return " ".join(text.split())[:MAX_PLAYER_LENGTH]


def default_settings() -> Settings:
    return Settings(player=default_player())


def load_settings(path: Path) -> LoadedSettings:
    """Read `config.yaml`: missing gives the defaults; broken gives them plus the problems."""
    settings = default_settings()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedSettings(settings)
    except (OSError, UnicodeDecodeError) as error:
        return LoadedSettings(settings, (f"{path}: cannot be read ({error}); using the defaults",))
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark is not None else str(path)
        reason = getattr(error, "problem", None) or "not valid YAML"
        return LoadedSettings(
            settings, (f"{where}: {reason}; using the defaults (fix or delete the file)",)
        )
    if data is None:
        return LoadedSettings(settings)
    if not isinstance(data, dict):
        return LoadedSettings(
            settings, (f"{path}: expected keys such as `player: ann`; using the defaults",)
        )
    return _read_fields(path, data, settings)


def _read_fields(path: Path, data: dict[Any, Any], settings: Settings) -> LoadedSettings:
    problems: list[str] = []
    known = {"player", "language", "theme", "questions_per_round", "pack"}
    for key in data:
        if key not in known:
            problems.append(
                f"{path}: unknown setting {key!r} ignored (known: {', '.join(sorted(known))})"
            )
    if "player" in data:
        player = clean_player(str(data["player"])) if data["player"] is not None else ""
        if player:
            settings = replace(settings, player=player)
        else:
            problems.append(f"{path}: player: the name is empty; using {settings.player!r}")
    if data.get("language") is not None:
        language = str(data["language"])
        if language in LANGUAGES:
            settings = replace(settings, language=language)
        else:
            problems.append(
                f"{path}: language: {language!r} is not one of {', '.join(LANGUAGES)}; "
                "following the system locale"
            )
    if data.get("theme") is not None:
        theme = str(data["theme"])
        if _THEME_RE.match(theme):
            settings = replace(settings, theme=theme)
        else:
            problems.append(f"{path}: theme: {theme!r} is not a theme name; using {DEFAULT_THEME}")
    if "questions_per_round" in data:
        count = data["questions_per_round"]
        if isinstance(count, int) and not isinstance(count, bool) and 1 <= count <= MAX_COUNT:
            settings = replace(settings, count=count)
        else:
            problems.append(
                f"{path}: questions_per_round: {count!r} is not a whole number from 1 to "
                f"{MAX_COUNT}; using {DEFAULT_COUNT}"
            )
    if data.get("pack") is not None:
        pack = str(data["pack"]).strip()
        if pack:
            settings = replace(settings, pack=pack)
    return LoadedSettings(settings, tuple(problems))


def save_settings(path: Path, settings: Settings) -> None:
    """Write `config.yaml` atomically (a crash mid-write leaves the old file whole)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# ali-quiz settings, written by its Settings screen\n" + yaml.safe_dump(
        settings.to_yaml_data(), allow_unicode=True, sort_keys=False
    )
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
