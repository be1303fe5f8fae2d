"""What counts as a bad line break, for the line-breaking unit tests and the TUI pilot tests.

A break is the place between the last character of one line and the first of the next, in the
text as written (`left` ends the first line, spaces included; `right` starts the next).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

CLOSING = set("。，、；：？！）」』》〉】〕…‥%％,.;:!?)]}”’")
OPENING = set("（「『《〈【〔([{“‘")

_NUMBER_END = re.compile(r"[0-9０-９][.,]?$")
_NUMBER_START = re.compile(r"^[.,%％]?[0-9０-９%％]")
_LATIN_END = re.compile(r"[A-Za-z]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


def bad_break(left: str, right: str) -> str | None:
    """Why a line break between `left` and `right` is bad, or None when it is fine."""
    if not right:
        return None
    if right[0] in CLOSING:
        return "closing punctuation starts a line"
    stripped = left.rstrip()
    if stripped and stripped[-1] in OPENING:
        return "opening punctuation ends a line"
    if left != stripped:
        return None  # broken at a space
    if _NUMBER_END.search(left) and _NUMBER_START.search(right):
        return "number split"
    if _LATIN_END.search(left) and _LATIN_START.search(right):
        return "Latin word split"
    return None


def bad_breaks(text: str, offsets: Sequence[int], *, longest: int = 0) -> list[str]:
    """Every bad break of `text` cut at `offsets`, described with the text around it.

    A break inside a run of unbreakable characters longer than `longest` cells is forgiven
    (it had to be folded somewhere).
    """
    found = []
    for offset in offsets:
        reason = bad_break(text[:offset], text[offset:])
        if reason and not _forced(text, offset, longest):
            found.append(
                f"{reason}: {text[max(0, offset - 8) : offset]}|{text[offset : offset + 8]}"
            )
    return found


def _forced(text: str, offset: int, longest: int) -> bool:
    """Whether the run of non-space characters around `offset` is longer than `longest`."""
    start = offset
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = offset
    while end < len(text) and not text[end].isspace():
        end += 1
    run = text[start:end]
    # A run that is all CJK has places to break; only Latin or digit runs can be forced.
    latin = re.findall(r"[A-Za-z0-9.,%\-]+", run)
    return any(len(word) > longest for word in latin)


def screen_breaks(rows: Sequence[str], sources: Iterable[str]) -> list[str]:
    """Bad breaks between consecutive screen rows that continue one of the `sources` texts.

    Rows are the text of a screen region, one per line; two rows continue a text when the end
    of one and the start of the next follow each other in a source (perhaps across spaces).
    """
    texts = [" ".join(source.split()) for source in sources if source.strip()]
    found = []
    for upper, lower in zip(rows, rows[1:], strict=False):
        left, right = upper.rstrip(), lower.lstrip()
        if not left or not right:
            continue
        tail, head = left[-6:], right[:6]
        for text in texts:
            spaced = f"{tail} {head}" in text
            if spaced or tail + head in text:
                reason = bad_break(tail + (" " if spaced else ""), head)
                if reason:
                    found.append(f"{reason}: {tail}|{head}")
                break
    return found
