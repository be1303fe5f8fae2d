"""Quick answers that must be the plain ones: what a round has shown (quiz.giveaway.Shown), found
however the texts were joined, and the figure views of plain units (quiz.figure_views)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ali_quiz.packs.loader import load_pack_text
from ali_quiz.packs.model import Metric
from ali_quiz.quiz.facts import PackFacts
from ali_quiz.quiz.giveaway import Shown, _occurs_folded, fold
from ali_quiz.quiz.kinds import ChoiceQuestion, entry

# Few characters, so that keys often stand in the texts, at word and date edges or inside words.
_TEXT = st.text(alphabet=st.sampled_from("12 0.a年月一十bMarch\x00"), max_size=12)


def _question(prompt: str, explanation: str, answer: str) -> ChoiceQuestion:
    return ChoiceQuestion(
        id="choice-test",
        prompt=prompt,
        facts=(),
        explanation=explanation,
        options=(entry("a", answer), entry("b", "wrong")),
        answer="a",
    )


@given(
    shown=st.lists(st.tuples(_TEXT, _TEXT, _TEXT), max_size=12),
    keys=st.lists(_TEXT.filter(lambda key: fold(key) != ""), min_size=1, max_size=4),
)
def test_reveals_finds_what_each_text_read_alone_finds(
    shown: list[tuple[str, str, str]], keys: list[str]
) -> None:
    """Shown.reveals looks for a key in the joined texts first, then in the texts it stands in:
    the key it returns is the first one some shown text holds as a whole word or date."""
    round_shown = Shown()
    for prompt, explanation, answer in shown:
        round_shown.add(_question(prompt, explanation, answer))
    expected = next(
        (key for key in keys if any(_occurs_folded(fold(key), text) for text in round_shown.texts)),
        None,
    )
    assert round_shown.reveals(keys) == expected


# -- figure views: the quick answer for plain units is the answer of the search -----------------


@given(
    figures=st.lists(
        st.tuples(
            st.sampled_from(["people", "%", "place"]),
            st.sampled_from([0, 1, 2, 3, 7.5, 12, 1200.0, 35000, -4]),
            st.booleans(),  # written as its value, or as a word two figures may share
            st.booleans(),  # alike the figure before it
        ),
        max_size=9,
    )
)
@example(figures=[("people", 12, True, False), ("people", 35000, True, False)])  # two: no choice
@settings(max_examples=300)
def test_plain_units_give_the_figure_views_of_the_search(
    figures: list[tuple[str, float, bool, bool]],
) -> None:
    """PackFacts answers choosable_figures and pairable_figures at once for a unit whose figures
    all differ in value and writing, none alike another: the same figures, in the same order,
    as asking each figure's nearest (figure_distractors, near_in_value)."""
    metrics = [
        Metric(
            id=f"m{i}",
            label=f"Figure {i}",
            value=value,
            written=str(value) if own else "about that",
            unit=unit,
            alike=frozenset({f"m{i - 1}"}) if alike and i else frozenset(),
        )
        for i, (unit, value, own, alike) in enumerate(figures)
    ]
    base = load_pack_text(
        "id: t\ntitle: T\nlanguage: en\nevents: [{id: e, title: E, date: 2020}]\n", "t"
    )
    pack = replace(base, metrics=metrics)
    views = PackFacts(pack)
    assert views.choosable_figures == [
        m for m in views.estimable if len(views.figure_distractors(m, most=2)) == 2
    ]
    assert views.pairable_figures == [m for m in pack.metrics if views.near_in_value(m, 1)]
