"""What facts say in words: each one's line with its date or figure, its source sentences,
and several facts explained together after an answer.

Part of PackFacts (facts.py), as FigureViews is: each view is computed once per pack, and a
fact's line is worked out only when a question explains it.
"""

from __future__ import annotations

from functools import cached_property

from ali_quiz.packs.model import Event, Metric, SequenceItem, Sourced, State, Version
from ali_quiz.quiz.figure_views import FigureViews
from ali_quiz.quiz.phrasing import format_date, headline, labelled, version_title

#: A fact of any kind, as its id names it.
Fact = Event | State | Version | Metric | SequenceItem


class FactTexts(FigureViews):
    """The fact texts of PackFacts."""

    _lines: dict[str, str]  # headline_of's, set by PackFacts

    @cached_property
    def sources(self) -> dict[str, str]:
        """Each fact's source sentence alone (with its translation)."""
        return self.pack.fact_explanations()

    @cached_property
    def _facts_by_id(self) -> dict[str, Fact]:
        found: dict[str, Fact] = {}
        found.update((e.id, e) for e in self.pack.events)
        found.update((s.id, s) for s in self.pack.states)
        found.update((v.id, v) for v in self.pack.versions)
        found.update((m.id, m) for m in self.pack.metrics)
        for sequence in self.pack.sequences:
            for item in sequence.items:
                found[item.id] = item
        return found

    def _headline(self, fact: Fact) -> str:
        language = self.pack.language
        match fact:
            case Event():
                return headline(fact.title, format_date(fact.date, language), language)
            case State():
                when = format_date(fact.as_of, language)
                return headline(fact.title, when, language, as_of=True)
            case Version():
                title = version_title(fact, language)
                if fact.date is None:
                    return title
                return headline(title, format_date(fact.date, language), language)
            case Metric():
                return labelled(fact.label, self.figure_text(fact), language)
            case _:
                return f"{fact.rank}. {fact.text}"

    @cached_property
    def headlines(self) -> dict[str, str]:
        """What each fact says in one line, with its date or figure (a release: its date)."""
        return {fact_id: self._headline(fact) for fact_id, fact in self._facts_by_id.items()}

    def headline_of(self, fact_id: str) -> str | None:
        """The fact's line of `headlines`, worked out for it alone: a round explains a few
        facts of the pack, and checking which kinds a pack can make explains only a dozen."""
        found = self._lines.get(fact_id)
        if found is None:
            fact = self._facts_by_id.get(fact_id)
            if fact is None:
                return None
            found = self._lines[fact_id] = self._headline(fact)
        return found

    @cached_property
    def _sequence_of(self) -> dict[str, str]:
        """The sequence each sequence item belongs to."""
        return {item.id: seq.id for seq in self.pack.sequences for item in seq.items}

    def _places(self, fact_ids: list[str] | tuple[str, ...]) -> dict[str, str]:
        """Sequence items explained together, numbered by their place among themselves (1, 2, 3
        for three items ranked 1, 2 and 4 in the whole sequence; ties share a number): the
        question shows those items alone, and their ranks in the sequence would read as a
        slip (and tell where the others stand). One item of its sequence is not numbered."""
        groups: dict[str, list[SequenceItem]] = {}
        sequence_of = self._sequence_of
        for fact_id in dict.fromkeys(fact_ids):
            if fact_id not in sequence_of:
                continue  # not a sequence item (each of those is in _sequence_of)
            fact = self._facts_by_id.get(fact_id)
            if isinstance(fact, SequenceItem):
                groups.setdefault(sequence_of[fact_id], []).append(fact)
        lines: dict[str, str] = {}
        for items in groups.values():
            ranks = sorted({item.rank for item in items})
            for item in items:
                place = ranks.index(item.rank) + 1
                lines[item.id] = f"{place}. {item.text}" if len(items) > 1 else item.text
        return lines

    def explain(self, fact_ids: list[str] | tuple[str, ...]) -> str:
        """Several facts explained together: each one's line, each source sentence once."""
        lines: list[str] = []
        sources: set[str] = set()
        explanations = self.sources
        # Most questions hold no sequence item: no numbering to work out then.
        places = self._places(fact_ids) if self._sequence_of else None
        known = self._lines
        for fact_id in fact_ids:
            line = places and places.get(fact_id)
            line = line or known.get(fact_id) or self.headline_of(fact_id)
            if line:
                lines.append(line)
            source = explanations.get(fact_id, "")
            if source and source not in sources:
                sources.add(source)
                lines.append(source)
        return "\n".join(lines)

    def source_sentences(self, fact_ids: list[str] | tuple[str, ...]) -> dict[str, str]:
        """The source sentences of some facts alone, verbatim, each once, a line each: as
        `"source"`, and their translations as `"source_en"` when the pack carries them (the
        `generate --format json` fields). A sequence item without its own sentence has its
        sequence's."""
        sequence_of = self._sequence_of
        sequences = {seq.id: seq for seq in self.pack.sequences}
        originals: dict[str, None] = {}
        translations: dict[str, None] = {}
        for fact_id in fact_ids:
            fact = self._facts_by_id.get(fact_id)
            if fact is None:
                continue
            sourced: Sourced = fact
            if not (fact.source or fact.source_en) and fact_id in sequence_of:
                sourced = sequences[sequence_of[fact_id]]
            if sourced.source:
                originals[sourced.source] = None
            if sourced.source_en:
                translations[sourced.source_en] = None
        found = {"source": "\n".join(originals)}
        if translations:
            found["source_en"] = "\n".join(translations)
        return found
