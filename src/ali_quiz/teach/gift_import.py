"""Moodle GIFT questions into the authored questions of a pack (`ali-quiz import-gift`).

Moodle's own reader (question/format/gift/format.php) is the reference: what it accepts is
imported or listed with its line, never dropped silently. What each form becomes
(docs/packs.md, "Questions of your own"):

==========================================  =====================================================
GIFT                                        pack question
==========================================  =====================================================
`{=right ~wrong ~wrong}`, `{~=right ~wrong}`  choice (2 to 10 options), the right one marked
                                            `correct: true`; `~=` is Moodle's tolerated `=`
`{=best ~%50%close ~wrong}`, `{=a =b ~c}`   choice with `weight:` on every option (percent)
`{~%50%a ~%50%b ~%-100%c}` (no `=`)         multi (select all that apply), the weights kept;
                                            right ones that do not add up to 100% are scaled
`{T}` `{F}` `{TRUE}` `{FALSE}`              choice of two, labelled in the pack's language
                                            (True/False, 對/錯 for zh-Hant...); `{true}` too,
                                            with a note; `{TRUE FALSE}` is skipped, not misread
`{=a =b}`, `{Paris}`                        text, `accepted: [a, b]`
`text {=a} more text` (missing word)        the same kind, the prompt with `_____` in place
`{=left -> right ... = -> decoy}`           match (3 to 10 pairs), `= -> x` lines as decoys
`{=1st -> a =2nd -> b =3rd -> c}`           order, when the left side is the positions 1st...
                                            (or 第1...): how `generate --format gift` writes an
                                            order question
`{#5}`, `{#5:0.5}`, `{#1..10}`              estimate, band scoring: [5, 5], [4.5, 5.5], [1, 10]
`{#=%100%5:0 =%50%5:2}`                     estimate, band scoring, the range of the 100%
                                            alternative; partial ones are listed in `notes`
a text without `{...}` (a description)      the `passage` of the questions after it in its
                                            category (listed in `notes`)
==========================================  =====================================================

`::title::` becomes `title:` (and the id), `$CATEGORY:` becomes `category:`, the general
feedback `####...` becomes the explanation, and each option's `#feedback` becomes that option's
`feedback` (shown only to a player who picks it). Links, images and sounds stay in the text
with their address, and are listed in `notes`. Whatever cannot be a pack question (essays `{}`,
Cloze `{1:MC:...}`, more options than a choice holds) is listed in `skipped` with its line;
malformed GIFT is listed in `errors` with line and column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ali_quiz.teach.gift_questions import Importer, slug, true_false_labels

__all__ = [
    "GiftImport",
    "GiftImportError",
    "guess_language",
    "import_gift",
    "pack_id_from_path",
    "pack_yaml",
    "true_false_labels",
    "write_pack_yaml",
]

PACK_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class GiftImportError(ValueError):
    """Nothing to write, or a pack id that is not valid."""


@dataclass(frozen=True)
class GiftImport:
    """The result of reading a GIFT file: questions, and everything that did not make it."""

    source_name: str
    questions: list[dict[str, Any]]  # in docs/packs.md's authored-question shape
    passages: list[dict[str, str]] = field(default_factory=list)  # {id, title?, text}
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, message)
    notes: list[tuple[int, str]] = field(default_factory=list)  # what changed on the way in


def import_gift(text: str, *, source_name: str, language: str = "en") -> GiftImport:
    """Read GIFT text; true/false labels follow `language` (the pack's language tag)."""
    importer = Importer(language)
    importer.read(text)
    return GiftImport(
        source_name=source_name,
        questions=importer.questions,
        passages=importer.passages,
        skipped=importer.skipped,
        errors=importer.errors,
        notes=importer.notes,
    )


#: Common characters written differently in Simplified and Traditional Chinese.
_SIMPLIFIED = frozenset("这们对说时会国来为个发动过还没问开关应该经样实现与书东车长门见")
_TRADITIONAL = frozenset("這們對說時會國來為個發動過還沒問開關應該經樣實現與書東車長門見")


#: Short words that are frequent in one language and rare in the others.
_STOPWORDS = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "is",
            "in",
            "what",
            "which",
            "who",
            "was",
            "are",
            "with",
            "for",
            "how",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "des",
            "est",
            "une",
            "du",
            "et",
            "quel",
            "quelle",
            "qui",
            "dans",
            "pour",
            "sont",
            "au",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "ein",
            "eine",
            "nicht",
            "mit",
            "welche",
            "wer",
            "wie",
            "den",
            "dem",
            "zu",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "es",
            "una",
            "del",
            "y",
            "que",
            "cuál",
            "quién",
            "en",
            "por",
            "para",
            "son",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "la",
            "gli",
            "le",
            "è",
            "una",
            "del",
            "e",
            "che",
            "quale",
            "chi",
            "di",
            "per",
            "sono",
            "della",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "a",
            "os",
            "as",
            "é",
            "um",
            "uma",
            "do",
            "da",
            "e",
            "que",
            "qual",
            "quem",
            "em",
            "para",
            "são",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "is",
            "van",
            "wat",
            "welke",
            "wie",
            "niet",
            "met",
            "voor",
            "zijn",
        ]
    ),
}
_WORD_RE = re.compile(r"[^\W\d_]+")


#: Another language than English wins only with this many of its frequent words, and twice
#: English's count: a few one-letter words (`a`, `e`, `y`) in short English questions with
#: Chinese names would otherwise make a Portuguese pack, with Verdadeiro/Falso for true/false.
_LATIN_EVIDENCE = 4


def _latin_language(text: str) -> str:
    """The language whose frequent short words the text uses clearly most; English otherwise."""
    words = [w.casefold() for w in _WORD_RE.findall(text)]
    scores = {tag: sum(w in common for w in words) for tag, common in _STOPWORDS.items()}
    best = max(scores, key=lambda tag: (scores[tag], tag == "en"))
    if best == "en" or scores[best] < max(_LATIN_EVIDENCE, 2 * scores["en"]):
        return "en"
    return best


def guess_language(text: str) -> str:
    """A language tag for a pack imported from this text: zh-Hant, zh-Hans, ja, ko, en, fr..."""
    letters = [c for c in text if c.isalpha()]
    if any("\u3040" <= c <= "\u30ff" for c in letters):
        return "ja"
    if any("\uac00" <= c <= "\ud7a3" for c in letters):
        return "ko"
    han = [c for c in letters if "\u4e00" <= c <= "\u9fff"]
    latin = sum(c.isascii() for c in letters)
    # A Han character says about as much as a short English word: a few names in Chinese
    # inside English questions do not make a Chinese pack.
    if not han or 4 * len(han) < latin:
        return _latin_language(text)
    simplified = sum(c in _SIMPLIFIED for c in han)
    traditional = sum(c in _TRADITIONAL for c in han)
    return "zh-Hans" if simplified > traditional else "zh-Hant"


def pack_id_from_path(path: Path | str) -> str:
    """A valid pack id from a file name: `Week 3 Quiz.yaml` -> `week-3-quiz`."""
    stem = slug(Path(path).stem).replace("_", "-").replace(".", "-")
    stem = re.sub(r"-{2,}", "-", stem).strip("-")
    return stem or "imported-gift"


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key and writes multi-line text as `|` blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text_representer)


def _header(imported: GiftImport) -> str:
    lines = [
        f"# Imported from {imported.source_name} by `ali-quiz import-gift`.",
        f"# {len(imported.questions)} question(s) imported, {len(imported.skipped)} skipped, "
        f"{len(imported.errors)} with errors.",
    ]
    for line, reason in imported.skipped:
        lines.append(f"# skipped: {imported.source_name}:{line}: {reason}")
    for line, column, message in imported.errors:
        lines.append(f"# not imported: {imported.source_name}:{line}:{column}: {message}")
    for line, message in imported.notes:
        lines.append(f"# changed: {imported.source_name}:{line}: {message}")
    lines.append("# Check it with `ali-quiz validate` after editing.")
    return "\n".join(" ".join(entry.splitlines()) for entry in lines) + "\n"


def pack_yaml(imported: GiftImport, *, pack_id: str, title: str, language: str) -> str:
    """The text of a complete pack holding the imported questions."""
    if not PACK_ID_RE.match(pack_id):
        raise GiftImportError(
            f"pack id {pack_id!r} may use only lowercase letters, digits and single hyphens "
            "(e.g. week-3-quiz)"
        )
    if not imported.questions:
        raise GiftImportError(
            f"no question of {imported.source_name} could be imported, so there is no pack "
            "to write (see the skipped questions and errors)"
        )
    data: dict[str, Any] = {
        "id": pack_id,
        "title": title,
        "language": language,
        "citation": f"Imported from {imported.source_name} (Moodle GIFT)",
    }
    if imported.passages:
        data["passages"] = imported.passages
    data["questions"] = imported.questions
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return _header(imported) + "\n" + body


def write_pack_yaml(
    imported: GiftImport, *, pack_id: str, title: str, language: str, path: Path
) -> None:
    """Write the imported questions as a pack file that `ali-quiz validate` accepts."""
    from ali_quiz.safety.files import atomic_write

    # Whole or not at all, never over an existing file, never through a symbolic link.
    atomic_write(path, pack_yaml(imported, pack_id=pack_id, title=title, language=language))
