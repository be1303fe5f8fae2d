"""Bad line breaks on the screens of whole rounds: what the TUI pilot tests count.

`python tests/linebreak_survey.py [--rounds N] [--count N] [--width W]` plays rounds of the
built-in zh-Hant pack at a width, once with Textual's own wrapping and once with ali-quiz's line
breaker, and prints the bad breaks of each by kind (the figures of issue 12).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static

sys.path.insert(0, str(Path(__file__).parent))

from linebreak_checks import screen_breaks  # noqa: E402
from test_tui_support import make_test_app, right_keys, round_start  # noqa: E402


def widget_rows(widget: Widget) -> list[str]:
    """The rows of text a widget draws inside its border and padding (all of them, scrolled
    out of view or not, for a Static; the visible ones for an option list)."""
    if widget.size.width <= 0 or widget.size.height <= 0:
        return []
    gutter, inner = widget.gutter, widget.content_size
    lines = widget.render_lines(widget.size.region)[gutter.top : gutter.top + inner.height]
    return [line.crop(gutter.left, gutter.left + inner.width).text.rstrip() for line in lines]


def widget_texts(widget: Widget) -> list[str]:
    """The texts a widget was given to show."""
    if isinstance(widget, OptionList):
        prompts = (widget.get_option_at_index(i).prompt for i in range(widget.option_count))
        return [p.plain if isinstance(p, Content) else str(p) for p in prompts]
    if isinstance(widget, Static):
        visual = widget.visual
        return [visual.plain if isinstance(visual, Content) else str(widget.content)]
    return []


def screen_bad_breaks(screen: Screen[Any]) -> list[str]:
    """Every bad break in the text widgets shown on a screen."""
    found: list[str] = []
    for widget in screen.query("*"):
        if isinstance(widget, Static | OptionList) and widget.display:
            found += screen_breaks(widget_rows(widget), widget_texts(widget))
    return found


async def play_and_look(pilot: Pilot[Any], questions: Iterable[Any]) -> list[str]:
    """Play a round (right answers and skips in turn), looking at every screen on the way."""
    found = screen_bad_breaks(pilot.app.screen)
    for index, question in enumerate(questions):
        await pilot.press(*(right_keys(question) if index % 2 else ["ctrl+s"]))
        await pilot.pause()
        found += screen_bad_breaks(pilot.app.screen)
        await pilot.press("enter")
        await pilot.pause()
        found += screen_bad_breaks(pilot.app.screen)
    return found


async def survey(seeds: Iterable[int], count: int, size: tuple[int, int]) -> list[str]:
    """Bad breaks over quick rounds of the zh-Hant pack in the 繁體中文 interface."""
    found: list[str] = []
    for seed in seeds:
        start = round_start("quick", count, seed=seed)
        with tempfile.TemporaryDirectory() as folder:
            app = make_test_app(Path(folder), language="zh-Hant", start=start)
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                found += await play_and_look(pilot, start.questions)
    return found


def kinds(found: Iterable[str]) -> Counter[str]:
    return Counter(reason.split(":")[0] for reason in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--height", type=int, default=24)
    args = parser.parse_args()
    size = (args.width, args.height)
    seeds = range(1, args.rounds + 1)

    import rich.text
    import textual.content
    from rich._wrap import divide_line as textual_own

    from ali_quiz.tui.linebreaking import divide_line as ours

    for label, function in (("Textual's own wrapping", textual_own), ("ali-quiz", ours)):
        textual.content.divide_line = function  # type: ignore[attr-defined]
        rich.text.divide_line = function  # type: ignore[attr-defined]
        found = asyncio.run(survey(seeds, args.count, size))
        print(f"{label}, {args.rounds} rounds of {args.count} at {args.width}x{args.height}:")
        for kind, n in sorted(kinds(found).items()) or [("no bad break", 0)]:
            print(f"  {kind}: {n}")
        for example in sorted(set(found))[:12]:
            print(f"    {example}")


if __name__ == "__main__":
    main()
