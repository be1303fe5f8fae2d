"""KinTitles (quiz.kinship) worked out on first use gives what the whole table gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ali_quiz.packs.loader import load_pack
from ali_quiz.paths import builtin_packs_dir
from ali_quiz.quiz.kinship import KinTitles, key_words, product_words

Release = tuple[str, str, tuple[str, ...]]


def eager(releases: list[Release]) -> dict[str, set[str]]:
    """The plain definition: a highlight's releases, and those of every highlight akin to it
    within the same product."""
    found: dict[str, set[str]] = {}
    for _, title, highlights in releases:
        for highlight in highlights:
            found.setdefault(highlight, set()).add(title)
    for product, _, highlights in releases:
        names = product_words(product)
        for highlight in highlights:
            words = key_words(highlight, names)
            for other_product, other_title, others in releases:
                if other_product != product:
                    continue
                if any(key_words(o, product_words(other_product)) & words for o in others):
                    found[highlight].add(other_title)
    return found


def check(releases: list[Release]) -> None:
    kin = KinTitles(releases)
    expected = eager(releases)
    titles = frozenset(title for _, title, _ in releases)
    for highlight, found in expected.items():
        # `brought` answers before the highlight's set is built, and after
        assert all(kin.brought(highlight, title) == (title in found) for title in titles)
        assert kin.covers(highlight, titles) == found.issuperset(titles)
        assert kin[highlight] == found
        assert all(kin.brought(highlight, title) == (title in found) for title in titles)


def test_the_builtin_packs_kin_titles_match_the_plain_definition() -> None:
    for path in sorted(builtin_packs_dir().glob("*.yaml")):
        pack = load_pack(path)
        check([(v.product, v.title, v.highlights) for v in pack.versions])


WORDS = st.sampled_from(
    ["feature", "features", "fix", "chat", "enterprise", "協同", "企業", "群聊"]
)
HIGHLIGHT = st.lists(WORDS, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["DingTalk", "Laiwang"]),
            st.sampled_from(["1.0", "2.0", "3.0", "4.0"]),
            st.lists(HIGHLIGHT, max_size=3).map(tuple),
        ),
        max_size=8,
    )
)
def test_kin_titles_match_the_plain_definition(releases: list[Release]) -> None:
    check([(product, f"{product} {title}", highlights) for product, title, highlights in releases])
