"""Every string of the interface, in English and Traditional Chinese.

The questions speak their pack's language; these strings are the interface around them (the
TUI, plain mode, the commands' words). Each entry holds both languages side by side so a missing
translation is visible at a glance, and a test checks that both sides use the same
`{placeholders}`. The tables live in one module per area (`app`, `cli`, `packs`, `plain`,
`play`, `history`, `timeline`, `numbers`, `codes`, `serve`, `results`, `coaching`, `problems`,
`files`, `palette`), read as far as the keys asked for need them; STRINGS is all of them.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from ali_quiz.record import Record

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    class Wordable(Protocol):
        """Something the core says that each front end words in its language (a Phrase, a
        NumberFormatError, a CodeError): given as a value to a Translator, it is worded too."""

        def words(self, tr: Translator, /) -> str: ...


LANGUAGES = ("en", "zh-Hant")
LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType({"en": "English", "zh-Hant": "繁體中文"})
DEFAULT_LANGUAGE = "en"
#: Tags of the languages packs are written in that the catalogue names (`language.<tag>`),
#: and the tags that mean one of them (a pack's `language` is a tag; players read names).
PACK_LANGUAGE_ALIASES: Mapping[str, str] = MappingProxyType(
    {
        "zh-TW": "zh-Hant",
        "zh-HK": "zh-Hant",
        "zh-MO": "zh-Hant",
        "zh-CN": "zh-Hans",
        "zh-SG": "zh-Hans",
    }
)


def language_label(tag: str, tr: Translator) -> str:
    """A pack's language named in the interface's language (`en` -> English or 英文,
    `zh-Hant` -> Traditional Chinese or 繁體中文); an unknown tag is shown as it is."""
    tag = PACK_LANGUAGE_ALIASES.get(tag, tag)
    for key in (f"language.{tag}", f"language.{tag.split('-')[0]}"):
        if lookup(key) is not None:
            return tr(key)
    return tag


def normalize_language(text: str | None) -> str | None:
    """`zh_TW.UTF-8`, `zh-Hant`, `zh-hk` -> `zh-Hant`; `en_GB` -> `en`; anything else None."""
    if not text:
        return None
    tag = text.split(".")[0].split("@")[0].replace("_", "-").lower()
    if tag.startswith("zh"):
        # Only a Traditional Chinese interface exists: it serves Simplified readers better
        # than English would.
        return "zh-Hant"
    if tag == "en" or tag.startswith("en-"):
        return "en"
    return None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the system locale asks for (the POSIX variables, in their order)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name)
        if value:
            return normalize_language(value) or DEFAULT_LANGUAGE
    for part in env.get("LANGUAGE", "").split(":"):
        found = normalize_language(part)
        if found:
            return found
    return DEFAULT_LANGUAGE


# key -> (English, 繁體中文)


def _merged(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for table in tables:
        clash = merged.keys() & table.keys()
        assert not clash, f"interface strings defined twice: {sorted(clash)}"
        merged.update(table)
    return merged


#: The tables, in the order a lookup reads them: the TUI's home needs only the first.
TABLES = (
    "app",
    "cli",  # second: the commands' words (validate's summary) need no other table
    "packs",
    "results",
    "play",
    "history",
    "timeline",
    "plain",
    "numbers",
    "codes",
    "serve",
    "coaching",
    "problems",
    "files",
    "palette",
)


@cache
def strings() -> Mapping[str, tuple[str, str]]:
    """Every interface string, key -> (English, 繁體中文), every table read (no key is in two).

    `STRINGS` is the same mapping. A Translator reads the tables only as far as its keys ask
    (`lookup`): a command that words nothing (a `generate`, a `show`) loads none of them.
    """
    from importlib import import_module

    return MappingProxyType(
        _merged(*(import_module(f"ali_quiz.i18n.{name}").STRINGS for name in TABLES))
    )


class _Tables:
    """The tables read one by one, in TABLES' order, until a key is found.

    The TUI's first screen needs only `app`: the others (a pack's problems, the class in the
    browser, plain mode...) are read when one of their strings is first worded. Safe between
    threads without a lock: reading a table again and merging it again changes nothing.
    """

    def __init__(self) -> None:
        self.entries: dict[str, tuple[str, str]] = {}
        self.read = 0

    def get(self, key: str) -> tuple[str, str] | None:
        entry = self.entries.get(key)
        while entry is None and self.read < len(TABLES):
            from importlib import import_module

            index = self.read
            self.entries.update(import_module(f"ali_quiz.i18n.{TABLES[index]}").STRINGS)
            self.read = max(self.read, index + 1)
            entry = self.entries.get(key)
        return entry


_TABLES = _Tables()


def lookup(key: str) -> tuple[str, str] | None:
    """(English, 繁體中文) of a key, or None when no table has it."""
    return _TABLES.get(key)


def __getattr__(name: str) -> Mapping[str, tuple[str, str]]:
    if name == "STRINGS":
        return strings()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, eq=False, repr=False)
class Phrase(Record):
    """An interface text not yet in a language: a catalogue key and its values, which may be
    Phrases themselves (`Phrase.of("pack.needs_key", what=Phrase.of("what.event", n=3))`)."""

    key: str
    values: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, key: str, /, **values: object) -> Phrase:
        return cls(key, tuple(values.items()))

    def words(self, tr: Translator, /) -> str:
        """The text in a Translator's language."""
        return tr(self.key, **dict(self.values))

    def __str__(self) -> str:
        return self.words(Translator(DEFAULT_LANGUAGE))


class WordedError(Exception):
    """An error whose message is a Phrase: str() is the English, `words(tr)` any language."""

    def __init__(self, phrase: Phrase, /) -> None:
        super().__init__(str(phrase))
        self.phrase = phrase

    def words(self, tr: Translator, /) -> str:
        return self.phrase.words(tr)


@dataclass(frozen=True, eq=False, repr=False)
class Translator(Record):
    """The strings of one interface language: `tr("play.score", score=3, max=5)`."""

    language: str

    def __call__(self, key: str, /, **values: object) -> str:
        entry = _TABLES.get(key)
        if entry is None:
            raise KeyError(key)
        english, chinese = entry
        text = chinese if self.language == "zh-Hant" else english
        worded = {name: self.worded(value) for name, value in values.items()}
        return text.format(**worded)

    def worded(self, value: object) -> object:
        """A value as a sentence shows it: Phrases and errors in this language."""
        if isinstance(value, (str, int, float)):  # most values (a type check is quick)
            return value
        if isinstance(value, (tuple, list)):  # a list, joined as the language joins one
            return self.join(value)
        words = getattr(value, "words", None)
        if callable(words):  # a Wordable (a Protocol checked at run time would need typing)
            return words(self)
        if isinstance(value, OSError):
            return self.os_error(value)
        if isinstance(value, Exception) and getattr(value, "sqlite_errorname", None):
            return self.database_error(value)
        return value

    def join(self, items: Iterable[object]) -> str:
        """Items as a list in a sentence: `A, B, C` in English, `A、B、C` in Chinese."""
        return self("list.separator").join(str(self.worded(item)) for item in items)

    def os_error(self, error: OSError) -> str:
        """What the system said went wrong (`Permission denied`), in this language."""
        english = error.strerror or str(error)
        name = errno.errorcode.get(error.errno or 0, "")
        if self.language != "zh-Hant":
            return english
        if lookup(f"os.{name}") is not None:
            return self(f"os.{name}")
        return self("os.other", name=name or type(error).__name__)

    def database_error(self, error: Exception) -> str:
        """What SQLite said went wrong (`database disk image is malformed`), in this language."""
        if self.language != "zh-Hant":
            return str(error)
        name = str(getattr(error, "sqlite_errorname", ""))
        # Extended codes (SQLITE_IOERR_WRITE) are worded as their primary code (SQLITE_IOERR).
        for key in (f"sqlite.{name}", "sqlite." + "_".join(name.split("_")[:2])):
            if lookup(key) is not None:
                return self(key)
        return self("sqlite.other", name=name)

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES.get(self.language, self.language)


def translator(language: str | None) -> Translator:
    """A Translator for a language tag (anything unknown gets English)."""
    chosen = language if language in LANGUAGES else normalize_language(language)
    return Translator(chosen or DEFAULT_LANGUAGE)
