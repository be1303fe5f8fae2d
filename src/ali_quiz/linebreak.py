"""Lines of mixed Chinese and Latin text that fit a width, broken where a reader expects.

Chinese has no spaces between words: a line may break between any two characters, except that a
number (`2.0`, `9.7563`, `1,000`, `6%`), a Latin word (`Store`) or a code (`7Q3K-9MXA`) is never
split, closing punctuation (`。，、；：？！）」』》〉…%`) never starts a line and opening
punctuation (`（「『《〈`) never ends one. `linebreak_classes` holds the rules (a documented subset
of UAX #14 with the JIS X 4051 line-start and line-end rules). Latin text breaks at spaces
only, as before.

A line is filled greedily: it breaks at the last place that fits, preferring, in order, an
ordinary break; a soft one (between a number and its counter, `5 題`, and at the spaces of a
short Latin phrase inside Chinese text, `App Store`, when that phrase takes at most a third of
the width); and only when one run is longer than the whole line, inside it (between the letters
of a word or the digits of a number), and last of all before closing punctuation. A single
character wider than the line gets a line of its own.

The results are cached per text and width: the TUI asks again for every repaint.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ali_quiz import linebreak_classes as lb
from ali_quiz.textwidth import width as text_width

#: Cells a cluster of characters takes in a terminal.
Measure = Callable[[str], int]

#: A short Latin phrase inside Chinese text stays on one line when it takes at most this
#: fraction of the width: `App Store` is a name; a long English title may still break.
PHRASE_SHARE = 3
#: ... and at most this many cells (a quoted term, a key hint: `“阿里雲開發者社群”` is 18).
GLUE_MAX = 24
_SEPARATORS = ("·", "•")  # between key hints: `enter 開始 · tab 換區塊`
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "〈": "〉"}
_REGIONAL_INDICATOR = re.compile("[\U0001f1e6-\U0001f1ff]")
_WORD_START = frozenset({lb.AL, lb.NU})
_PUNCTUATION = lb.LINE_START_PROHIBITED | {lb.SP, lb.QU}


@dataclass(frozen=True)
class Analysis:
    """A line of text cut into clusters, with how breakable the place before each one is."""

    clusters: tuple[str, ...]
    classes: tuple[str, ...]  # the line-breaking class of each cluster
    starts: tuple[int, ...]  # the code point offset of each cluster
    spaces: tuple[bool, ...]
    breaks: tuple[int, ...]  # breaks[k]: the place before cluster k (breaks[0] is NEVER)
    # Runs of clusters (first, end) kept on one line when short: Latin phrases, quoted or
    # bracketed terms, key hints between ` · `.
    phrases: tuple[tuple[int, int], ...]


def clusters_of(text: str) -> tuple[list[str], list[int]]:
    """The text cut into clusters that never break: a character and what belongs to it."""
    if not any(map(lb.is_extender, text)) and not _REGIONAL_INDICATOR.search(text):
        return list(text), list(range(len(text)))  # the usual case: a cluster a character
    clusters: list[str] = []
    starts: list[int] = []
    joined = False  # the previous character was a zero-width joiner
    for index, ch in enumerate(text):
        last = clusters[-1] if clusters else ""
        attach = bool(last) and last[0] not in lb.SPACE_CHARACTERS and last[0] != "\u200b"
        if attach and (
            joined
            or lb.is_extender(ch)
            or (lb.is_regional_indicator(ch) and len(last) == 1 and lb.is_regional_indicator(last))
        ):
            clusters[-1] = last + ch
        else:
            clusters.append(ch)
            starts.append(index)
        joined = ch == "\u200d"
    return clusters, starts


@lru_cache(maxsize=4096)
def analyse(text: str) -> Analysis:
    """Clusters, classes and break places of one line of text (no width involved)."""
    clusters, starts = clusters_of(text)
    classes = [lb.line_class(c[0]) for c in clusters]
    for k in range(1, len(clusters) - 1):
        if clusters[k] in ("?", "!") and clusters[k - 1] == clusters[k + 1] == " ":
            classes[k] = lb.AL  # a key or a symbol standing alone (`· ? keys`), no punctuation
    wide = [lb.is_wide(c[0]) for c in clusters]
    spaces = [cls == lb.SP for cls in classes]
    breaks = [lb.NEVER] * len(clusters)
    for k in range(1, len(clusters)):
        if spaces[k]:
            continue
        p = k - 1
        while p >= 0 and spaces[p]:
            p -= 1
        if p < 0:
            breaks[k] = lb.KINSOKU  # after an indent: only to fold what cannot fit
            continue
        if p == k - 1:
            before2 = classes[p - 1] if p > 0 else None
            keeper = lb.keeps_next_number(clusters[p][0])
            breaks[k] = lb.direct_break(classes[p], before2, classes[k], keeper, (wide[p], wide[k]))
        else:
            breaks[k] = lb.spaced_break(classes[p], classes[k], k - 1 - p)
    return Analysis(
        tuple(clusters),
        tuple(classes),
        tuple(starts),
        tuple(spaces),
        tuple(breaks),
        (*_phrases(clusters, classes, wide), *_spans(clusters)),
    )


def _phrases(
    clusters: Sequence[str], classes: Sequence[str], wide: Sequence[bool]
) -> list[tuple[int, int]]:
    """Latin phrases of two or more words inside Chinese text: `App Store` in `在蘋果App Store搜尋`.

    A phrase is words (each starting with a letter or a digit) joined by single spaces, with a
    wide character next to it (touching it or across one space) on at least one side.
    """
    n = len(clusters)
    found: list[tuple[int, int]] = []
    k = 0
    while k < n:
        if wide[k] or classes[k] not in _WORD_START or clusters[k] in _SEPARATORS:
            k += 1
            continue
        first, inside = k, []
        while True:
            while k < n and not wide[k] and clusters[k][0] not in lb.SPACE_CHARACTERS:
                k += 1  # one word
            nxt = k + 1
            if (
                k < n
                and clusters[k] == " "
                and nxt < n
                and not wide[nxt]
                and classes[nxt] in _WORD_START
                and clusters[nxt] not in _SEPARATORS
            ):
                inside.append(nxt)
                k = nxt
                continue
            break
        if inside and (
            _wide_near(clusters, wide, first - 1, -1) or _wide_near(clusters, wide, k, 1)
        ):
            found.append((first, k))
    return found


def _spans(clusters: Sequence[str]) -> list[tuple[int, int]]:
    """Quoted or bracketed terms (`“一星事件”`, `(5 February 2020)`) and key hints between
    ` · ` separators (`? 按鍵說明`)."""
    n = len(clusters)
    found: list[tuple[int, int]] = []
    for k, opener in enumerate(clusters):
        closer = _PAIRS.get(opener)
        for j in range(k + 1, min(n, k + 1 + GLUE_MAX)) if closer else ():
            if clusters[j] == opener:
                break
            if clusters[j] == closer:
                found.append((k, j + 1))
                break
    separators = [
        k
        for k in range(1, n - 1)
        if clusters[k] in _SEPARATORS and clusters[k - 1] == clusters[k + 1] == " "
    ]
    if separators:
        bounds = [-2, *separators, n + 1]
        found += [(a + 2, b - 1) for a, b in itertools.pairwise(bounds) if b - a > 4]
    return found


def _wide_near(clusters: Sequence[str], wide: Sequence[bool], k: int, step: int) -> bool:
    """Whether cluster k, or the one past it when k is a single space, is wide."""
    if 0 <= k < len(clusters) and clusters[k] == " ":
        k += step
    return 0 <= k < len(clusters) and wide[k]


@lru_cache(maxsize=4096)
def _widths(text: str, measure: Measure) -> tuple[int, ...]:
    return tuple(measure(cluster) for cluster in analyse(text).clusters)


@lru_cache(maxsize=8192)
def _line_starts(text: str, width: int, fold: bool, measure: Measure) -> tuple[int, ...]:
    info = analyse(text)
    widths = _widths(text, measure)
    breaks = list(info.breaks)
    for first, end in info.phrases:
        run = sum(widths[first:end])
        if run * PHRASE_SHARE <= width and run <= GLUE_MAX:
            for k in range(first + 1, end):
                breaks[k] = min(breaks[k], lb.SOFT)
    starts = _fit(breaks, widths, info.spaces, width, fold)
    if starts:
        _no_lone_character(starts, breaks, widths, info.classes, width)
    return tuple(info.starts[k] for k in starts)


def _fit(
    breaks: Sequence[int], widths: Sequence[int], spaces: Sequence[bool], width: int, fold: bool
) -> list[int]:
    """The clusters that start a line after the first, filling each line greedily."""
    n = len(widths)
    result: list[int] = []
    start = 0
    while True:
        best = [0] * (lb.NORMAL + 1)  # the last place of each kind that fits
        used = 0
        k = start
        while k < n:
            if k > start and breaks[k] > lb.NEVER:
                best[breaks[k]] = k
            used += widths[k]
            if used > width and not spaces[k]:
                break
            k += 1
        else:
            return result  # the rest fits on this line
        end = best[lb.NORMAL] or best[lb.SOFT]
        if not end and fold:
            end = best[lb.INSIDE] or best[lb.KINSOKU] or _next_place(breaks, start, lb.NEVER)
        elif not end:
            # The run overflows its line, which the caller crops.
            end = _next_place(breaks, max(k - 1, start), lb.INSIDE)
        if not end:
            return result
        result.append(end)
        start = end


def _no_lone_character(
    starts: list[int],
    breaks: Sequence[int],
    widths: Sequence[int],
    classes: Sequence[str],
    width: int,
) -> None:
    """A last line of one Chinese character (and its punctuation) takes the one before it along.

    `按鍵說` / `明` becomes `按鍵` / `說明`, `融` / `合。` becomes `融合。`: a lone character
    at the end of a paragraph reads as a mistake.
    """
    last = starts[-1]
    tail = [cls for cls in classes[last:] if cls not in _PUNCTUATION]
    if tail != [lb.ID]:
        return
    previous = starts[-2] if len(starts) > 1 else 0
    place = last - 1
    while place > previous and breaks[place] != lb.NORMAL:
        place -= 1
    if place > previous and sum(widths[place:]) - _trailing(widths, classes) <= width:
        starts[-1] = place


def _trailing(widths: Sequence[int], classes: Sequence[str]) -> int:
    """The width of the spaces at the end of the text."""
    total = 0
    for w, cls in zip(reversed(widths), reversed(classes), strict=True):
        if cls != lb.SP:
            break
        total += w
    return total


def _next_place(breaks: Sequence[int], after: int, better_than: int) -> int:
    """The first place after cluster `after` where a line may start (0: none)."""
    for k in range(after + 1, len(breaks)):
        if breaks[k] > better_than:
            return k
    return 0


def break_offsets(
    text: str, width: int, *, fold: bool = True, measure: Measure = text_width
) -> list[int]:
    """Where each line after the first starts, as code point offsets into one line of text.

    The lines fit `width` cells (`measure` says how many a cluster takes) but for trailing
    spaces, which stay at the end of their line, and a single character wider than `width`.
    Without `fold`, a run longer than the width is not broken inside: its line overflows.
    """
    if not text:
        return []
    return list(_line_starts(text, max(width, 1), fold, measure))


def wrap(text: str, width: int, *, measure: Measure = text_width) -> list[str]:
    """The text in lines of at most `width` cells, trailing spaces removed; newlines kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        offsets = [0, *break_offsets(paragraph, width, measure=measure), len(paragraph)]
        lines += [paragraph[a:b].rstrip(" \t\u3000") for a, b in itertools.pairwise(offsets)]
    return lines
