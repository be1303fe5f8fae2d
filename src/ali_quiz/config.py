"""Settings (player name, language, theme, pack, questions per round) kept in `config.yaml`.

A broken file never stops the program: what can be read is kept, the rest falls back to the
defaults, and the problems come back as text for the front end to report.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ali_quiz.i18n import LANGUAGES, Translator, system_language
from ali_quiz.player import clean_player, default_player
from ali_quiz.quiz.modes import DEFAULT_COUNT, MAX_COUNT
from ali_quiz.record import Record
from ali_quiz.safety.files import FileRefused, atomic_write, read_capped
from ali_quiz.safety.limits import CONFIG_BYTES, MAX_PROBLEMS

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

DEFAULT_THEME = "textual-dark"
# Patterns as text: `re` compiles one when first used (most commands read no settings file).
_THEME = r"^[A-Za-z0-9_-]{1,40}$"


@dataclass(frozen=True, eq=False, repr=False)
class Settings(Record):
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


@dataclass(frozen=True, init=False, eq=False, repr=False)
class SettingsProblem(Record):
    """Something wrong in `config.yaml`, as an interface-string key (`config.<reason>`) and its
    values, so each front end words it; str() is the English."""

    reason: str
    values: dict[str, object]

    def __init__(self, reason: str, /, **values: object) -> None:
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "values", values)

    def message(self, tr: Translator) -> str:
        """The problem in the interface language."""
        return tr(f"config.{self.reason}", **self.values)

    def __str__(self) -> str:
        return self.message(Translator("en"))


@dataclass(frozen=True, eq=False, repr=False)
class LoadedSettings(Record):
    """Settings as read, and the problems met reading them (empty when the file was fine)."""

    settings: Settings
    problems: tuple[SettingsProblem, ...] = ()


def default_settings() -> Settings:
    return Settings(player=default_player())


def load_settings(path: Path) -> LoadedSettings:
    """Read `config.yaml`: missing gives the defaults; broken gives them plus the problems.

    Read like a pack: with a size cap (CONFIG_BYTES), no YAML tags or implicit types, the
    node and depth limits counted as it is parsed; every value stays the text it was.
    """
    settings = default_settings()
    if not path.exists() and not path.is_symlink():
        return LoadedSettings(settings)
    try:
        data = read_capped(path, CONFIG_BYTES, "settings file")
    except FileRefused as error:
        if isinstance(error.__cause__, FileNotFoundError) or error.errno == errno.ENOENT:
            return LoadedSettings(settings)
        # The refusal itself, so each front end words it (FileRefused.words).
        return LoadedSettings(settings, (SettingsProblem("unreadable", path=path, error=error),))
    simple = _plain_settings(data)
    if simple is not None:
        return _read_fields(path, simple, settings)
    from ali_quiz.packs.yamlnodes import compose, decode
    from ali_quiz.packs.yamltree import Mapping, Scalar

    text, problems = decode(data, str(path))
    root = None
    if text is not None:
        root, problems = compose(text, str(path))
    if problems:
        first = problems[0]
        if "empty file" in first.message:
            return LoadedSettings(settings)
        return LoadedSettings(settings, (SettingsProblem("bad_yaml", problem=first),))
    if root is None or (isinstance(root, Scalar) and root.is_null):
        return LoadedSettings(settings)
    if not isinstance(root, Mapping):
        return LoadedSettings(settings, (SettingsProblem("not_mapping", path=path),))
    values: dict[str, str | None] = {}
    found: list[SettingsProblem] = []
    for key, node in root.items():
        if isinstance(node, Scalar):
            values[key] = None if node.is_null else node.text
        else:
            line, column = node.line, node.column
            where = f"{path}:{line}:{column}"
            found.append(SettingsProblem("not_one_value", where=where, key=key))
    loaded = _read_fields(path, values, settings)
    return LoadedSettings(loaded.settings, (*found, *loaded.problems))


# A settings file as the Settings screen writes it: a comment, then one `key: value` a line,
# each value a plain YAML scalar that can mean nothing but its own text.
_COMMENT_LINE = r"#[^\n]*"
_PLAIN_LINE = r"([a-z_]+): ([A-Za-z0-9_][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*)"
_NULLS = frozenset({"null", "Null", "NULL"})


def _plain_settings(data: bytes) -> dict[str, str | None] | None:
    """The values of a settings file in that simplest form, read without loading YAML (most
    of the TUI's start-up cost before its first frame); None for anything else, which the
    YAML reader reads (and reports on) as before."""
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        return None
    values: dict[str, str | None] = {}
    for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        if re.fullmatch(_COMMENT_LINE, line):
            continue
        match = re.fullmatch(_PLAIN_LINE, line)
        if match is None or match[1] in values:
            return None
        values[match[1]] = None if match[2] in _NULLS else match[2]
    return values or None


def _read_fields(path: Path, data: dict[str, str | None], settings: Settings) -> LoadedSettings:
    problems: list[SettingsProblem] = []
    known = {"player", "language", "theme", "questions_per_round", "pack"}
    unknown = [key for key in data if key not in known]
    for key in unknown[:MAX_PROBLEMS]:
        names = tuple(sorted(known))
        problems.append(SettingsProblem("unknown_key", path=path, key=repr(key), known=names))
    if len(unknown) > MAX_PROBLEMS:  # a file that is not settings at all: not 5,000 warnings
        problems.append(
            SettingsProblem("more_unknown", path=path, count=len(unknown) - MAX_PROBLEMS)
        )
    if "player" in data:
        player = clean_player(data["player"] or "")
        if player:
            settings = replace(settings, player=player)
        else:
            name = repr(settings.player)
            problems.append(SettingsProblem("empty_player", path=path, player=name))
    if data.get("language") is not None:
        language = str(data["language"])
        if language in LANGUAGES:
            settings = replace(settings, language=language)
        else:
            problems.append(
                SettingsProblem(
                    "bad_language",
                    path=path,
                    language=repr(language[:40]),
                    known=LANGUAGES,
                )
            )
    if data.get("theme") is not None:
        theme = str(data["theme"])
        if re.match(_THEME, theme):
            settings = replace(settings, theme=theme)
        else:
            problems.append(
                SettingsProblem(
                    "bad_theme", path=path, theme=repr(theme[:40]), default=DEFAULT_THEME
                )
            )
    if "questions_per_round" in data:
        raw = (data["questions_per_round"] or "").strip()
        count = int(raw) if re.fullmatch(r"\+?\d{1,6}", raw) else None
        if count is not None and 1 <= count <= MAX_COUNT:
            settings = replace(settings, count=count)
        else:
            shown = raw if len(raw) <= 20 else raw[:20] + "…"
            problems.append(
                SettingsProblem(
                    "bad_count", path=path, count=repr(shown), max=MAX_COUNT, default=DEFAULT_COUNT
                )
            )
    if data.get("pack") is not None:
        pack = str(data["pack"]).strip()
        if pack:
            settings = replace(settings, pack=pack)
    return LoadedSettings(settings, tuple(problems))


def save_settings(path: Path, settings: Settings, *, inside: Path | None = None) -> None:
    """Write `config.yaml` whole or not at all (temporary file, fsync, rename).

    A `config.yaml` that is a symbolic link is written through only when it points inside
    `inside` (the folder the settings live in, by default); FileRefused otherwise.
    """
    import yaml

    path.parent.mkdir(parents=True, exist_ok=True)
    text = "# ali-quiz settings, written by its Settings screen\n" + yaml.safe_dump(
        settings.to_yaml_data(), allow_unicode=True, sort_keys=False
    )
    atomic_write(path, text, overwrite=True, inside=inside or path.parent)
