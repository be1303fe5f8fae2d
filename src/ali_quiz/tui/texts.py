"""Interface strings inside the TUI: the app's Translator, and Footer keys in its language."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode

from ali_quiz.i18n import Translator, lookup

ENGLISH = Translator("en")

#: ctrl+q on a modal screen (a dialog, the palette), which hides the App's own bindings.
QUIT_BINDING = Binding("ctrl+q", "app.quit", "key.quit", show=False)


def translator_of(node: DOMNode) -> Translator:
    """The Translator of the app a node belongs to (English for an app of another kind)."""
    tr = getattr(node.app, "tr", None)
    return tr if isinstance(tr, Translator) else ENGLISH


#: Descriptions that Textual's own bindings carry, and the catalogue keys that say them.
TEXTUAL_DESCRIPTIONS = {"palette": "key.palette", "Dismiss menu": "key.dismiss_menu"}


def translate_bindings(node: DOMNode, tr: Translator) -> None:
    """Give a node's Footer keys descriptions in the interface language.

    BINDINGS hold i18n keys (`"key.skip"`) as descriptions. Textual reads a node's bindings
    from its `_bindings` map, which it copies from the class's merged BINDINGS at __init__;
    replacing that map with translated copies is the one way to change what the Footer says
    without a Footer of our own. Called again after a language change. Bindings Textual
    added at run time (the App's ctrl+p for the command palette) are kept, translated too.
    """
    source = type(node)._merged_bindings
    if source is None:
        return
    original = getattr(node, "untranslated_bindings", None)
    if not isinstance(original, BindingsMap):
        original = BindingsMap()
        for key, bindings in source.key_to_bindings.items():
            original.key_to_bindings[key] = list(bindings)
        for key, bindings in node._bindings.key_to_bindings.items():
            if key not in original.key_to_bindings:
                original.key_to_bindings[key] = list(bindings)
        node.untranslated_bindings = original  # type: ignore[attr-defined]
    translated = BindingsMap()
    for key, bindings in original.key_to_bindings.items():
        translated.key_to_bindings[key] = [
            replace(
                binding,
                description=_translated(binding.description, tr),
                group=_translated_group(binding.group, tr),
            )
            for binding in bindings
        ]
    node._bindings = translated
    if node.is_attached:
        node.refresh_bindings()


def catalogue_key(description: str) -> str:
    """The catalogue key for a binding's description (ours are keys already)."""
    return TEXTUAL_DESCRIPTIONS.get(description, description)


def _translated(text: str, tr: Translator) -> str:
    key = catalogue_key(text)
    # Only what looks like a key is looked up: a miss reads every table of the catalogue, and
    # Textual's own descriptions ("Focus Next") are sentences, not keys.
    if "." in key and " " not in key and lookup(key) is not None:
        return tr(key)
    return text


def _translated_group(group: Binding.Group | None, tr: Translator) -> Binding.Group | None:
    if group is None:
        return None
    return Binding.Group(_translated(group.description, tr), group.compact)


def tone_text(app: App[object], text: str, tone: str) -> Text:
    """A table cell in a theme colour: tone is success, warning, error or muted.

    DataTable measures Rich renderables correctly (Content cells come out one column wide),
    so coloured cells are Rich Text in the current theme's colours.
    """
    theme = app.current_theme
    colour = {
        "success": theme.success or "green",
        "warning": theme.warning or "yellow",
        "error": theme.error or "red",
    }.get(tone)
    return Text(text, style=colour or "dim")


def display_path(path: Path) -> str:
    """A path as short as it can be read: relative to the current folder, or from ~."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        pass
    try:
        return "~/" + str(path.resolve().relative_to(Path.home().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(path)
