"""CSV cells that a spreadsheet would run as formulas, neutralised (OWASP's advice).

A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula (`=HYPERLINK(...)` in a player's name becomes a
link; `=cmd|...` may run a program). Such a cell gets a leading `'`, which spreadsheets show
as text. A cell that is a number (`-3`, `+1.5`, `2e8`) stays a number.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, Protocol

    class _Writer(Protocol):
        def writerow(self, row: Iterable[Any], /) -> Any: ...


_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def csv_cell(value: Any) -> Any:
    """The value as a CSV cell that no spreadsheet runs; numbers are left as they are."""
    if isinstance(value, int | float) or value is None:
        return value
    text = str(value)
    if text.startswith(_TRIGGERS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


class SafeCsvWriter:
    """csv.writer whose every cell goes through `csv_cell`."""

    def __init__(self, out: Any, **options: Any) -> None:
        self._writer: _Writer = csv.writer(out, **options)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([csv_cell(cell) for cell in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(out: Any, **options: Any) -> SafeCsvWriter:
    """A CSV writer (rows ending in a line feed unless told otherwise) with safe cells."""
    options.setdefault("lineterminator", "\n")
    return SafeCsvWriter(out, **options)
