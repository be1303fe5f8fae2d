"""Control characters shown, never sent: terminal output that no text can take over.

A pack, a player name or a student's hand-in may hold escape sequences (clear the screen,
write the clipboard with OSC 52, change the title, ring the bell). Every human-readable line
ali-quiz prints goes through `visible`, which shows C0 and C1 control characters other than
newline and tab (and DEL, and lone surrogates, which no terminal encoding can carry) as
escapes: ESC becomes the four characters `\\x1b`. JSON output keeps its data exact: there they
become JSON escapes (`\\u001b`), which any JSON reader turns back into the character.

`visible_output()` puts this on sys.stdout and sys.stderr for the length of a command, so no
print of any module can bypass it.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, TextIO

_CONTROLS = [c for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)) if c not in (0x09, 0x0A)]
#: Bidirectional embeddings, overrides and isolates: raw, they reorder what follows them on
#: the line (the "Trojan source" trick), so a terminal output shows them as escapes too.
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_VISIBLE = str.maketrans({c: f"\\x{c:02x}" for c in _CONTROLS} | {c: f"\\u{c:04x}" for c in _BIDI})
_DROPPED = str.maketrans(dict.fromkeys((*_CONTROLS, *_BIDI, 0x09, 0x0A)))
_JSON = str.maketrans({c: f"\\u{c:04x}" for c in (*_CONTROLS, *_BIDI)})
_SURROGATE = re.compile("[\ud800-\udfff]")
_RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _surrogate_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def visible(text: str) -> str:
    """The text with every control character but newline and tab, and every bidirectional
    control, shown as an escape."""
    if not _RAW.search(text):
        return text  # the usual case: nothing to change, no copy made
    return _SURROGATE.sub(_surrogate_escape, text.translate(_VISIBLE))


def json_visible(text: str) -> str:
    """JSON text with every raw control character (C1 and DEL included) as a JSON escape.

    json.dumps(ensure_ascii=False) escapes only C0: C1 characters (an 8-bit CSI) and lone
    surrogates would reach the terminal raw. Inside a JSON string both escapes are exact.
    """
    if not _RAW.search(text):
        return text
    return _SURROGATE.sub(_surrogate_escape, text.translate(_JSON))


def without_controls(text: str) -> str:
    """The text with every control character (tab and newline too), bidirectional control and
    lone surrogate removed.

    For a TUI line already laid out: there control characters take no cell, so removing them
    keeps the layout, and none reaches the terminal.
    """
    if not _RAW.search(text) and "\t" not in text and "\n" not in text:
        return text
    return _SURROGATE.sub("", text.translate(_DROPPED))


def has_raw_controls(text: str) -> bool:
    """Whether `visible` would change the text."""
    return _RAW.search(text) is not None


def visible_width_char(ch: str) -> int:
    """How many characters `visible` turns one character into (1 for ordinary text)."""
    return len(visible(ch))


class OutputFailed(Exception):
    """Standard output or error could not be written: closed (`>&-`), a full disk, a device
    that refuses; str() says which, for the command line's stderr. A closed pipe is not one:
    BrokenPipeError goes up as it is (the reader stopped on purpose, `| head`)."""

    def __init__(self, stream: str, error: OSError) -> None:
        super().__init__(stream, error)
        self.stream = stream
        self.error = error

    @property
    def closed(self) -> bool:
        return self.error.errno == errno.EBADF

    def __str__(self) -> str:
        what = "standard output" if self.stream == "stdout" else "standard error"
        if self.closed:
            return f"{what} is closed: nothing could be shown (run without >&-)"
        return f"cannot write to {what}: {self.error.strerror or self.error}"


class VisibleStream:
    """A text stream that passes every write through an escaping function first; a write to
    standard output that fails (but for a closed pipe) raises OutputFailed."""

    def __init__(
        self, stream: TextIO, escape: Callable[[str], str] = visible, name: str = "stdout"
    ) -> None:
        self.stream = stream
        self.escape = escape
        self.name = name

    def write(self, text: str) -> int:
        try:
            self.stream.write(self.escape(text))
        except BrokenPipeError:
            raise
        except OSError as error:
            self._failed(error)
        return len(text)

    def _failed(self, error: OSError) -> None:
        # Standard error that cannot be written (closed, full) has nowhere to say so: its
        # warnings are lost, and the command goes on (its output may still be read).
        if self.name != "stderr":
            raise OutputFailed(self.name, error) from None

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            self._failed(error)

    def __getattr__(self, name: str) -> Any:
        # encoding, isatty, fileno, buffer...: those of the stream underneath.
        return getattr(self.stream, name)


def _unwrapped(stream: TextIO) -> TextIO:
    while isinstance(stream, VisibleStream):
        stream = stream.stream
    return stream


@contextmanager
def visible_output(*, json_stdout: bool = False) -> Iterator[None]:
    """sys.stdout and sys.stderr escape control characters until the block ends.

    `json_stdout`: stdout carries JSON, so its control characters become JSON escapes
    (stderr, which carries messages for people, always shows them as `\\x1b`).
    """
    out, err = sys.stdout, sys.stderr
    sys.stdout = VisibleStream(_unwrapped(out), json_visible if json_stdout else visible, "stdout")
    sys.stderr = VisibleStream(_unwrapped(err), visible, "stderr")
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


class _Closed:
    """What stands for a standard stream the process was started without (`>&-`): Python
    makes it None, which any print would crash on; every write here fails with EBADF."""

    encoding = "utf-8"
    errors = "strict"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


@contextmanager
def standard_streams() -> Iterator[None]:
    """sys.stdin, sys.stdout and sys.stderr usable until the block ends, even when the
    process was started with one of them closed: no input reads as the end of input, and
    output fails with OutputFailed (through `visible_output`) instead of a crash on None."""
    saved = sys.stdin, sys.stdout, sys.stderr
    opened = None
    if sys.stdin is None:
        opened = sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - closed below
    if sys.stdout is None:
        sys.stdout = _Closed()
    if sys.stderr is None:
        sys.stderr = _Closed()
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        if opened is not None:
            opened.close()
