"""What a round of a pack holds, in words: home's "10 questions per round" only when it does."""

from __future__ import annotations

from ali_quiz.i18n import Translator


def size_text(tr: Translator, size: tuple[int, int] | None, count: int) -> str:
    """` · 10 questions per round`, ` · 5–6 questions per round (too few facts for 10)` (rounds
    of different seeds hold different numbers), or nothing while the rounds are measured: a
    figure that may be wrong is not shown."""
    if size is None or size[1] == 0:  # no quick round at all: the modes say what there is
        return ""
    low, high = size
    if low >= count:
        return tr("home.count", count=count)
    held = str(high) if low == high else f"{low}–{high}"
    return tr("home.count_fewer", held=held, count=count)
