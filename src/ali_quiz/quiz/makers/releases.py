"""Questions on releases: what each release brought, and which release a codename names.

A wrong option is always a release of the same product (a question about DingTalk never offers
Laiwang 6.2), and never one that brought the same highlight.
"""

from __future__ import annotations

from ali_quiz.packs.model import Version
from ali_quiz.quiz.kinds import Question
from ali_quiz.quiz.makers.base import MakerBase
from ali_quiz.quiz.phrasing import embedded, phrase, version_name, version_title


class ReleaseMakers(MakerBase):
    def match_highlights(self) -> Question | None:
        versions = self.facts.versions_with_highlights
        size = self.size(3, 5, self.facts.matchable_releases, self.told.highlighted)
        if not size:
            return None
        claimed: dict[str, str] = {}  # version id -> the highlight it is matched with
        told = self.told

        def fits(chosen: list[Version], item: Version) -> bool:
            if any(item.title == other.title for other in chosen):
                return False
            # Not a highlight the round has told this release brought: its pair would be given.
            free = [
                h
                for h in item.highlights
                if h not in claimed.values() and not told.highlight(item.id, h)
            ]
            if not free:
                return False
            claimed[item.id] = free[self.rng.below(len(free))]
            return True

        chosen = self.picker.pick(versions, lambda v: v.id, size, fits)
        if len(chosen) < 3:
            # The random draw boxed itself in (a shared highlight went to the wrong release):
            # the greedy pass that counted this pack as matchable always finds three.
            claimed.clear()
            chosen = []
            for version in versions:
                free = [
                    h
                    for h in version.highlights
                    if h not in claimed.values() and not told.highlight(version.id, h)
                ]
                if (
                    free
                    and version.id not in self.picker.blocked
                    and all(version.title != other.title for other in chosen)
                ):
                    claimed[version.id] = free[0]
                    chosen.append(version)
                    if len(chosen) == 3:
                        break
            if len(chosen) < 3:
                return None
        pairs = [(version_title(v, self.language), claimed[v.id]) for v in chosen]
        prompt = phrase(self.language, "match_highlights")
        return self.match("highlights", [v.id for v in chosen], pairs, [], prompt)

    def choice_release(self) -> Question | None:
        anchor = self.anchor(self.facts.choosable_releases, lambda v: v.id)
        if anchor is None:
            return None
        titles = self.facts.titles_with_highlight
        # A release that also brought the highlight would be right too: never a wrong option.
        usable = [
            h
            for h in self.facts.release_highlights[anchor.id]
            if len(self.facts.sibling_names(anchor, titles[h], 2)) == 2
            and not self.told.highlight(anchor.id, h)  # told already: given
        ]
        if not usable:
            return None
        highlight = usable[self.rng.below(len(usable))]
        wrong = self.facts.sibling_names(anchor, titles[highlight])
        return self.choice(
            "release",
            [anchor.id],
            version_name(anchor),
            self.rng.shuffled(wrong)[:3],
            phrase(self.language, "release", highlight=embedded(highlight, self.language)),
            self.facts.explain([anchor.id]),
            detail=str(anchor.highlights.index(highlight)),
        )

    def choice_codename(self) -> Question | None:
        """Which release a codename belongs to."""
        anchor = self.anchor(self.facts.codenamed, lambda v: v.id)
        if anchor is None or anchor.codename is None:
            return None
        same = {v.title for v in self.pack.versions if v.codename == anchor.codename}
        return self.choice(
            "codename",
            [anchor.id],
            version_name(anchor),
            self.rng.shuffled(self.facts.sibling_names(anchor, same))[:3],
            phrase(self.language, "codename", codename=anchor.codename),
            self.facts.explain([anchor.id]),
        )
