"""Questions on releases: what each release brought (both ways), and which release a codename
names.

A wrong option is always a release of the same product (a question about DingTalk never offers
Laiwang 6.2), and never one that brought the same highlight.
"""

from __future__ import annotations

from ali_quiz.packs.model import Version
from ali_quiz.quiz.kinds import Question
from ali_quiz.quiz.makers.base import MakerBase, by_id
from ali_quiz.quiz.phrasing import embedded, phrase, version_name, version_title

_NEAREST = 7  # wrong options are looked for among the releases this near in the product's list


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

        chosen = self.picker.pick(versions, by_id, size, fits)
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
        # Another highlight of the same releases is another question (its id says which).
        detail = ",".join(
            f"{v.id}:{v.highlights.index(claimed[v.id])}"
            for v in sorted(chosen, key=lambda v: v.id)
            if v.highlights.index(claimed[v.id])
        )
        return self.match("highlights", [v.id for v in chosen], pairs, [], prompt, detail)

    def choice_release(self) -> Question | None:
        anchor = self.anchor(self.facts.choosable_releases, by_id)
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

    def choice_brought(self) -> Question | None:
        """Which of these a release brought: one of its highlights among those of other releases
        of its product, none akin to any of its own (each would be right too)."""
        anchor = self.anchor(self.facts.versions_with_highlights, by_id)
        if anchor is None:
            return None
        releases = self.facts.releases_of[anchor.product]
        here = self.facts.release_position[anchor.id]
        kin = self.facts.titles_with_highlight
        own = set(anchor.highlights)
        # The nearest releases first (a bounded look on a large pack); highlights of releases
        # the round has not asked come first: were every wrong option's release shown already,
        # the answer would be found by elimination.
        nearest = [
            i
            for step in range(1, _NEAREST)
            for i in (here - step, here + step)
            if 0 <= i < len(releases)
        ]
        fresh: list[str] = []
        known: list[str] = []
        for i in nearest:
            other = releases[i]
            place = known if self.picker.used.get(other.id, 0) else fresh
            place += [
                h
                for h in other.highlights
                if h not in own and not kin.brought(h, anchor.title) and other.title != anchor.title
            ]
        wrong = list(dict.fromkeys(self.rng.shuffled(fresh)[:3]))
        if not wrong:
            return None
        wrong += [h for h in self.rng.shuffled(known) if h not in wrong][: 3 - len(wrong)]
        index = self.rng.below(len(anchor.highlights))
        return self.choice(
            "brought",
            [anchor.id],
            anchor.highlights[index],
            wrong,
            phrase(self.language, "brought", title=version_title(anchor, self.language)),
            self.facts.explain([anchor.id]),
            detail=str(index),
        )

    def choice_codename(self) -> Question | None:
        """Which release a codename belongs to."""
        anchor = self.anchor(self.facts.codenamed, by_id)
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
