"""A pack's facts seen the way questions use them: timeline items, figures, ranked items.

A dated version counts as an event here; everything keeps its fact id and its source sentence.
Every view is computed once per round and indexed (sorted by date, grouped by unit), so a
question costs the same on a pack of fifty facts and on one of fourteen thousand.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import (
    Pack,
    Sequence,
    State,
    Version,
)
from ali_quiz.quiz.fact_texts import FactTexts
from ali_quiz.quiz.kinship import KinTitles
from ali_quiz.quiz.phrasing import (
    format_date,
    phrase,
    version_name,
    version_title,
)

# A year written out (1800 to 2099): wording that holds one dates itself. Looked for without
# a digit before it (`names_year`): a look-behind in the pattern would make the search try
# every place of the text rather than only those where a 1 or a 2 stands.
_YEAR = re.compile(r"(?:1[89]|20)\d\d(?!\d)")


def names_year(text: str) -> bool:
    """Whether the text writes out a year (1800 to 2099) that no digit runs into."""
    found = _YEAR.search(text)
    while found is not None:
        start = found.start()
        if not (start and text[start - 1].isdecimal()):  # (\d is a decimal digit, as here)
            return True
        found = _YEAR.search(text, start + 1)
    return False


# Not frozen, though nothing changes an item once built: a frozen class's `__init__` sets each
# field through object.__setattr__, and a pack's timeline builds 12,000 items at its first
# round and at each validation (five times the cost of the plain `__init__` here).
@dataclass(slots=True, eq=False)
class Dated:
    """An event or a dated version on the timeline; `start` and `end` are day ordinals."""

    id: str
    text: str
    date: PartialDate
    start: int
    end: int
    happening: str  # the text of "what happened": a release says it was released
    ask: str | None  # the fact's own wording of "when?"
    release: bool
    undated: bool  # `happening` names no year: it cannot give its own date away

    def overlaps(self, other: Dated) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass(frozen=True, slots=True, eq=False)
class Ranked:
    """A sequence item, with its rank (equal ranks are ties)."""

    id: str
    text: str
    rank: int


def _dated(
    fact_id: str,
    text: str,
    date: PartialDate,
    *,
    happening: str | None = None,
    ask: str | None = None,
) -> Dated:
    start, end = date.ordinals()
    said = happening or text
    return Dated(
        fact_id, text, date, start, end, said, ask, happening is not None, not names_year(said)
    )


class PackFacts(FactTexts):
    """Derived views of one pack, each computed on first use."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self._lines: dict[str, str] = {}  # headline_of's
        self._written: dict[Dated, str] = {}  # written's
        #: The picker's indexes of these views, kept for every round (see Picker.indexes).
        self.pick_indexes: dict[tuple[int, object], tuple[object, dict[str, int]]] = {}

    @cached_property
    def timeline(self) -> list[Dated]:
        """Events and dated versions, earliest start first."""
        language = self.pack.language
        items: list[Dated] = []
        add = items.append
        for e in self.pack.events:  # (_dated, in place: 10,000 events on a large pack)
            text = e.title
            start, end = e.date.ordinals()
            add(Dated(e.id, text, e.date, start, end, text, e.ask, False, not names_year(text)))
        for v in self.pack.versions:
            if v.date is not None:
                title = version_title(v, language)
                happening = phrase(language, "released", title=title)
                items.append(_dated(v.id, title, v.date, happening=happening, ask=v.ask))
        items.sort(key=lambda d: (d.start, d.end))
        return items

    def written(self, item: Dated) -> str:
        """A timeline item's date as the questions write it (`format_date`), worked out once:
        a round of 200 writes dates 500 times."""
        found = self._written.get(item)
        if found is None:
            found = self._written[item] = format_date(item.date, self.pack.language)
        return found

    @cached_property
    def by_text(self) -> dict[str, list[Dated]]:
        """Timeline items by their text: two facts may share a title at different dates."""
        found: dict[str, list[Dated]] = {}
        for item in self.timeline:
            found.setdefault(item.text, []).append(item)
        return found

    def text_fits_date(self, text: str, other: Dated) -> bool:
        """False when some item called `text` overlaps `other`: then `other` could be its date."""
        return all(not item.overlaps(other) for item in self.by_text.get(text, ()))

    @cached_property
    def titles_with_highlight(self) -> KinTitles:
        """For each highlight, the titles of the releases that brought it, or a highlight akin
        to it (quiz.kinship): each of them would answer "which release brought this?"."""
        return KinTitles((v.product, v.title, v.highlights) for v in self.pack.versions)

    @cached_property
    def release_highlights(self) -> dict[str, list[str]]:
        """For each release, the highlights that some differently named release lacks.

        Only these can be asked as "which release brought this?": for the others every other
        title would be right too. The scan of other releases is bounded on large packs.
        """
        found: dict[str, list[str]] = {}
        titles = frozenset(list(dict.fromkeys(v.title for v in self.pack.versions))[:500])
        kin = self.titles_with_highlight
        for version in self.versions_with_highlights:
            usable = [h for h in version.highlights if not kin.covers(h, titles)]
            if usable:
                found[version.id] = usable
        return found

    @cached_property
    def matchable_releases(self) -> int:
        """How many releases fit one match: distinct titles, each with a highlight of its own."""
        titles: set[str] = set()
        highlights: set[str] = set()
        for version in self.versions_with_highlights:
            free = [h for h in version.highlights if h not in highlights]
            if version.title not in titles and free:
                titles.add(version.title)
                highlights.add(free[0])
                if len(titles) == 5:
                    break
        return len(titles)

    @cached_property
    def releases_of(self) -> dict[str, list[Version]]:
        """Each product's releases, in the pack's order."""
        found: dict[str, list[Version]] = {}
        for version in self.pack.versions:
            found.setdefault(version.product, []).append(version)
        return found

    @cached_property
    def release_position(self) -> dict[str, int]:
        """Each release's place among its product's releases."""
        return {
            version.id: index
            for releases in self.releases_of.values()
            for index, version in enumerate(releases)
        }

    @cached_property
    def release_names(self) -> dict[str, tuple[list[str], list[str]]]:
        """Each product's releases' names and titles, in the order of `releases_of`."""
        return {
            product: ([version_name(v) for v in releases], [v.title for v in releases])
            for product, releases in self.releases_of.items()
        }

    def sibling_names(self, version: Version, right_titles: set[str], most: int = 12) -> list[str]:
        """Names of other releases of the same product that are not right answers too, nearest
        in the pack first, among the 12 nearest (a bounded look on a large pack); `most` stops
        at that many (whether there are two is all some callers ask)."""
        names, titles = self.release_names[version.product]
        here = self.release_position[version.id]
        own, count = names[here], len(names)
        found: list[str] = []
        # Nearest first, the earlier of two at the same distance first; `here` is the first.
        looked, step = 1, 1
        while looked < 12 and (here - step >= 0 or here + step < count):
            for i in (here - step, here + step):
                if 0 <= i < count and looked < 12:
                    looked += 1
                    name = names[i]
                    if titles[i] not in right_titles and name != own and name not in found:
                        found.append(name)
                        if len(found) >= most:
                            return found
            step += 1
        return found

    @cached_property
    def choosable_releases(self) -> list[Version]:
        """Releases with a highlight of their own and two other releases of their product."""
        return [
            v
            for v in self.versions_with_highlights
            if any(
                len(self.sibling_names(v, self.titles_with_highlight[h], 2)) == 2
                for h in self.release_highlights.get(v.id, ())
            )
        ]

    @cached_property
    def codenamed(self) -> list[Version]:
        """Releases with a codename and two other releases of their product to stand beside."""
        titles: dict[str, set[str]] = {}
        for v in self.pack.versions:
            if v.codename:
                titles.setdefault(v.codename, set()).add(v.title)
        return [
            v
            for v in self.pack.versions
            if v.codename and len(self.sibling_names(v, titles[v.codename], 2)) == 2
        ]

    @cached_property
    def timeline_position(self) -> dict[str, int]:
        return {d.id: i for i, d in enumerate(self.timeline)}

    @cached_property
    def timeline_starts(self) -> list[int]:
        return [d.start for d in self.timeline]

    @cached_property
    def undated_timeline(self) -> list[Dated]:
        """The timeline items whose wording names no year, earliest start first."""
        return [d for d in self.timeline if d.undated]

    @cached_property
    def undated_starts(self) -> list[int]:
        return [d.start for d in self.undated_timeline]

    @cached_property
    def undated_reach(self) -> list[int]:
        """For each undated item, the latest end of it and of the undated items before it."""
        reach: list[int] = []
        for item in self.undated_timeline:
            reach.append(max(item.end, reach[-1]) if reach else item.end)
        return reach

    @cached_property
    def undated_ends(self) -> list[int]:
        """The ends of the undated items, sorted (for counting what ends before a day)."""
        return sorted(d.end for d in self.undated_timeline)

    # What starts after an item's end is a tail of the timeline (sorted by start). What ends
    # before its start lies in the head before its start, all of it up to where the latest end
    # reaches that start: a question costs the same on a timeline of 50 and of 20,000.

    def count_undated_beyond(self, item: Dated, *, before: bool) -> int:
        """How many undated items lie wholly after the item (`before`) or wholly before it."""
        if before:
            return len(self.undated_timeline) - bisect.bisect_right(self.undated_starts, item.end)
        return bisect.bisect_left(self.undated_ends, item.start)

    def undated_beyond(self, item: Dated, *, before: bool) -> Beyond:
        """The undated items wholly after the item (`before`) or wholly before it, nearest first
        (nearest by start, the timeline's order), as a view: nothing is copied."""
        items = self.undated_timeline
        if before:
            start = bisect.bisect_right(self.undated_starts, item.end)
            return Beyond([], items, start, 1, len(items) - start)
        head = bisect.bisect_left(self.undated_starts, item.start)
        clear = min(head, bisect.bisect_left(self.undated_reach, item.start))
        near = [d for d in items[clear:head] if d.end < item.start]
        return Beyond(near[::-1], items, clear - 1, -1, clear)

    def near_in_time(self, anchor: Dated, wanted: int) -> list[Dated]:
        """Up to `wanted` timeline items that do not overlap the anchor, nearest first."""
        timeline = self.timeline
        position = self.timeline_position.get(anchor.id)
        if position is None:  # an anchor off the timeline: a state's as-of date
            after = bisect.bisect_left(self.timeline_starts, anchor.start)
            before = after - 1
        else:
            before, after = position - 1, position + 1
        found: list[Dated] = []
        # Items before the anchor that overlap it can only be close to it: skip a bounded run.
        while len(found) < wanted and (before >= 0 or after < len(timeline)):
            gap_before = anchor.start - timeline[before].start if before >= 0 else None
            gap_after = timeline[after].start - anchor.start if after < len(timeline) else None
            if gap_after is None or (gap_before is not None and gap_before <= gap_after):
                candidate = timeline[before]
                before -= 1
            else:
                candidate = timeline[after]
                after += 1
            if not candidate.overlaps(anchor):
                found.append(candidate)
        return found

    @cached_property
    def by_reach(self) -> list[str]:
        """Every fact id, taking in turn from each level of reach: the facts that fewest forms
        can ask (states, undated releases, figures alone of their unit), then the others."""
        reach: dict[str, int] = {s.id: 1 for s in self.pack.states}
        on_timeline = {d.id for d in self.timeline}
        for v in self.pack.versions:
            reach[v.id] = 6 if v.id in on_timeline else 2 + bool(v.codename)
        for m in self.pack.metrics:
            reach[m.id] = 2 + (len(self.metrics_by_unit[m.unit]) > 1) * 2
        for sequence in self.pack.sequences:
            for item in sequence.items:
                reach[item.id] = 3
        for e in self.pack.events:
            reach[e.id] = 6
        # Round-robin over the levels, fewest forms first: a run of rounds mixes facts of every
        # kind in its leads, rather than leading with all the states and figures at once.
        levels: dict[int, list[str]] = {}
        for fact, level in reach.items():
            levels.setdefault(level, []).append(fact)
        queues = [levels[level] for level in sorted(levels)]
        longest = max((len(q) for q in queues), default=0)
        return [q[position] for position in range(longest) for q in queues if position < len(q)]

    @cached_property
    def states(self) -> list[State]:
        return list(self.pack.states)

    @cached_property
    def versions_with_highlights(self) -> list[Version]:
        return [v for v in self.pack.versions if v.highlights]

    @cached_property
    def highlight_count(self) -> int:
        """How many highlights the releases bring in all: a "brought" question asks each."""
        return sum(len(v.highlights) for v in self.versions_with_highlights)

    @cached_property
    def ranked(self) -> dict[str, list[Ranked]]:
        """Each sequence's items, by sequence id."""
        return {s.id: [Ranked(i.id, i.text, i.rank) for i in s.items] for s in self.pack.sequences}

    def sequences_with_ranks(self, ranks: int) -> list[Sequence]:
        return [s for s in self.pack.sequences if len({i.rank for i in s.items}) >= ranks]

    @cached_property
    def orderable_sequences(self) -> list[Sequence]:
        """Sequences with at least three ranks: enough for an order question."""
        return self.sequences_with_ranks(3)

    @cached_property
    def max_disjoint_dates(self) -> int:
        """How many timeline items can surely stand together: dates apart, titles unique.

        Items whose title another item shares are left out of the count, so a mode is never
        offered on the strength of facts whose questions would be ambiguous.
        """
        count = 0
        last_end = None
        unique = [d for d in self.timeline if len(self.by_text[d.text]) == 1]
        for item in sorted(unique, key=lambda d: d.end):
            if last_end is None or item.start > last_end:
                count += 1
                last_end = item.end
        return count


class Beyond:
    """`head`, then `length` items of `items` from `start` by `step` (1 or -1): a stretch of
    the timeline read in place, since a question looks at a few of its items only."""

    def __init__(self, head: list[Dated], items: list[Dated], start: int, step: int, length: int):
        self.head, self.items, self.start, self.step = head, items, start, step
        self.length = len(head) + length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: int) -> Dated:
        if not 0 <= index < self.length:
            raise IndexError(index)
        if index < len(self.head):
            return self.head[index]
        return self.items[self.start + self.step * (index - len(self.head))]

    def __iter__(self) -> Iterator[Dated]:
        # The items __getitem__ gives, in its order, read by the list's own indexing.
        rest = self.length - len(self.head)
        places = range(self.start, self.start + self.step * rest, self.step)
        return chain(self.head, map(self.items.__getitem__, places))


def state_on_timeline(state: State) -> Dated:
    """A state placed at its as-of date, to find dates near it (never to order it)."""
    return _dated(state.id, state.title, state.as_of, ask=state.ask)


def facts_of(pack: Pack) -> PackFacts:
    """The derived views of a pack, built once and kept with it."""
    views = pack.derived.get("facts")
    if not isinstance(views, PackFacts):
        views = pack.derived["facts"] = PackFacts(pack)
    return views
