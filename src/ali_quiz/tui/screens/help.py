"""Help: every key of the screen below (and of the widget in focus there), in two columns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from ali_quiz.i18n import STRINGS, Translator
from ali_quiz.textwidth import pad, width
from ali_quiz.tui.screens.base import QuizModal
from ali_quiz.tui.texts import catalogue_key


@dataclass(frozen=True)
class KeyHelp:
    """One line of help: the keys as shown, and what they do."""

    keys: str
    what: str


def screen_keys(screen: Screen[object], tr: Translator) -> list[KeyHelp]:
    """The keys that work on a screen now, each action once, with every key that runs it.

    Only bindings whose description is in the catalogue are listed (Textual's own widget
    keys such as a list's home/end carry English descriptions and are left out).
    """
    seen: dict[str, list[str]] = {}
    app = screen.app
    for key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        if not active.enabled:
            continue
        untranslated = untranslated_description(active.node, key, binding)
        if catalogue_key(untranslated) not in STRINGS:
            continue
        what = tr(catalogue_key(untranslated))
        shown = app.get_key_display(binding)
        if shown[:1] == "f" and shown[1:].isdigit():
            shown = shown.upper()  # F1 as printed on the key
        keys = seen.setdefault(what, [])
        if shown not in keys:
            keys.append(shown)
    return [KeyHelp(joined_keys(keys, tr), what) for what, keys in seen.items()]


def joined_keys(keys: list[str], tr: Translator) -> str:
    """The keys of one action as a player reads them: `a–d or 1–4`, `shift+↑ / ctrl+↑`.

    Letters and digits (an option's letter or number) are each told as a range when they run
    on (0 is the tenth digit, after 9); a letter bound in both cases is told once.
    """
    letters: list[str] = []
    digits: list[str] = []
    others: list[str] = []
    for key in keys:
        if len(key) == 1 and key.isascii() and key.isalpha():
            if key.lower() not in (known.lower() for known in letters):
                letters.append(key)
        elif len(key) == 1 and key.isdigit():
            digits.append(key)
        else:
            others.append(key)
    groups = [
        *([key_run(letters, lambda key: ord(key.lower()))] if letters else []),
        *([key_run(digits, lambda key: int(key) or 10)] if digits else []),
        *([" / ".join(others)] if others else []),
    ]
    return tr("help.keys_or").join(groups)


def key_run(keys: list[str], place: Callable[[str], int]) -> str:
    """`a–d` for three or more keys in a row, else the keys one by one (`a / c`)."""
    places = [place(key) for key in keys]
    in_a_row = places == list(range(places[0], places[0] + len(places)))
    if len(keys) >= 3 and in_a_row:
        return f"{keys[0]}–{keys[-1]}"
    return " / ".join(keys)


def untranslated_description(node: object, key: str, binding: Binding) -> str:
    """The catalogue key behind a binding whose description was already translated."""
    original = getattr(node, "untranslated_bindings", None)
    if original is not None:
        for candidate in original.key_to_bindings.get(key, []):
            if candidate.action == binding.action:
                return str(candidate.description)
    return binding.description


class HelpScreen(QuizModal[None]):
    """The keys of the screen below; any of escape, q, F1 or ? closes it."""

    BINDINGS = [Binding("escape,q,f1,question_mark", "close", "key.close")]

    def __init__(self, title: str, lines: list[KeyHelp], extra: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.lines = lines
        self.extra = extra

    def compose_dialog(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help-dialog"):
            yield Static(
                Content.from_markup("[b]$title[/b]", title=self.title_text),
                classes="dialog-title",
            )
            with VerticalScroll(id="help-keys"):
                yield Static(self.help_content(), id="help-lines")
            if self.extra:
                yield Static(self.extra, id="help-extra", markup=False)
            yield Static(self.tr("help.close"), id="help-close", markup=False)

    def help_content(self) -> Content:
        key_width = max((width(line.keys) for line in self.lines), default=0) + 2
        return Content("\n").join(
            Content.from_markup(
                "[b $text-accent]$keys[/]$what", keys=pad(line.keys, key_width), what=line.what
            )
            for line in self.lines
        )

    def help_text(self) -> str:
        """Everything the help shows, as plain text (for tests and screen readers)."""
        lines = [self.title_text, *(f"{line.keys}  {line.what}" for line in self.lines)]
        if self.extra:
            lines.append(self.extra)
        return "\n".join(lines)

    def action_close(self) -> None:
        self.dismiss()
