"""Every widget breaks lines of text the way Chinese and Latin text should break.

Textual's Content (Static, Label, OptionList options, Markdown, notifications, tooltips) and
Rich's Text (DataTable cells, Rich renderables) ask one function where a line of text breaks:
Rich's `divide_line`, imported by name into `textual.content` and `rich.text`. It knows only
spaces: a run of Chinese is one "word", folded wherever the width runs out, so `2.0` is cut after
`2.`, `App` is cut off `Store` and a `。` lands alone at the start of a line.

`install()` points both names at `ali_quiz.linebreak.break_offsets` (same arguments, same
result: the offsets where lines start), measured with Rich's own cell widths so that a line is
never wider than Textual thinks. Content asks the same function for a widget's height and for
its lines, so both agree; no widget has to change, and data text stays Content or Text (never
markup). Importing `ali_quiz.tui` installs it, so every app, screen and test harness gets it.
"""

from __future__ import annotations

import rich.text
import textual.content
from rich.cells import cell_len

from ali_quiz.linebreak import analyse, break_offsets


def divide_line(text: str, width: int, fold: bool = True) -> list[int]:
    """Rich's `divide_line`, with ali-quiz's line breaking (cached per text and width)."""
    # Most lines a screen shows fit their width: they need no analysis. Cell widths add up
    # (a line's is the sum of its characters'), so this is exactly break_offsets' answer.
    if cell_len(text) <= width:
        return []
    return break_offsets(text, width, fold=fold, measure=cell_len)


def prepare(text: str) -> None:
    """Work out where the lines of a text may break before it is shown (the part that does
    not depend on the width, cached per line), so that showing it later costs less."""
    for line in text.split("\n"):  # the lines Content wraps one by one
        if line:
            analyse(line)


def install() -> None:
    """Make Textual's Content and Rich's Text break lines with `divide_line` (idempotent)."""
    for module in (textual.content, rich.text):
        if not callable(getattr(module, "divide_line", None)):
            # A Textual or Rich that no longer wraps through divide_line: fail loudly in tests.
            raise RuntimeError(f"{module.__name__} has no divide_line to replace")
    # setattr: neither module exports the name it imported from rich._wrap.
    setattr(textual.content, "divide_line", divide_line)  # noqa: B010
    setattr(rich.text, "divide_line", divide_line)  # noqa: B010


def installed() -> bool:
    """Whether Textual's Content and Rich's Text wrap with `divide_line`."""
    return all(getattr(m, "divide_line", None) is divide_line for m in (textual.content, rich.text))
