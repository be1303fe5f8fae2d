"""The ways to write a figure shown under an estimate, chosen away from its answer.

An estimate's hint teaches the forms a figure may take (`3.5億`, `8.3M`, `12k`, `15%`), in the
interface language's ways first; it must never teach the figure itself.
"""

from __future__ import annotations

from ali_quiz.quiz.kinds import EstimateQuestion

#: How figures may be written, shown under an estimate, in the order the hint offers them:
#: (text, its value). None is the answer of a built-in pack, and a hint leaves out any example
#: near the answer of the question it is shown under (see estimate_examples).
EXAMPLES = {
    "en": (("3.5 million", 3.5e6), ("8.3M", 8.3e6), ("12k", 12_000.0), ("4e6", 4e6),
           ("1.2 billion", 1.2e9), ("350", 350.0), ("42700", 42_700.0)),
    "zh-Hant": (("3.5億", 3.5e8), ("42.7萬", 427_000.0), ("8.3M", 8.3e6), ("1200", 1200.0),
                ("4e6", 4e6), ("12億", 1.2e9), ("35", 35.0)),
}  # fmt: skip
PERCENT_EXAMPLES = {
    "en": (("15%", 15.0), ("12.5 percent", 12.5), ("40", 40.0), ("3%", 3.0), ("80%", 80.0),
           ("0.5%", 0.5), ("150%", 150.0), ("1.2 percent", 1.2)),
    "zh-Hant": (("15%", 15.0), ("12.5%", 12.5), ("40", 40.0), ("3%", 3.0), ("80%", 80.0),
                ("0.5%", 0.5), ("150%", 150.0), ("1.2%", 1.2)),
}  # fmt: skip
#: An example within this factor of the answer would hint at it: it is left out.
NEAR = 3.0


def estimate_examples(question: EstimateQuestion, language: str, count: int) -> list[str]:
    """Ways to write a figure for this question, none near its answer: `3.5億`, `42.7萬`.

    The examples teach the forms a figure may take; they must not teach the figure. So none
    is a built-in pack's answer, and any within a factor of three of this question's answer
    (or of its accepted range) is passed over for the next one."""
    table = PERCENT_EXAMPLES if question.unit == "%" else EXAMPLES
    examples = table.get(language, table["en"])
    if question.scoring == "band" and question.range is not None:
        targets = [abs(value) for value in question.range]
    else:
        targets = [abs(question.answer)]

    def far(value: float) -> bool:
        return all(target == 0 or not (1 / NEAR < value / target < NEAR) for target in targets)

    return [text for text, value in examples if far(value)][:count]
