"""What a round has shown (quiz.giveaway.Shown): a key is found where the plain reading of each
shown text finds it, however the texts were joined."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
        (
            key
            for key in keys
            if any(_occurs_folded(fold(key), text) for text in round_shown.texts)
        ),
        None,
    )
    assert round_shown.reveals(keys) == expected
