"""Benchmark-only launcher: start ali-quiz's TUI, or a minimal Textual app, and leave as soon as
its first screen is drawn.

    python benchmarks/tui_launch.py quiz --data-dir DIR     # exactly what `ali-quiz` runs
    python benchmarks/tui_launch.py minimal                  # one Static and a Footer
    python benchmarks/tui_launch.py replica                  # home's widgets, no ali-quiz code
    python benchmarks/tui_launch.py static                   # a Static redrawn by a key

Textual is told (through its TEXTUAL_DRIVER variable) to use `FrameProbe` below: a driver that
renders every frame to terminal escape sequences like the real one, but into memory instead of
a tty, at 80x24. It strips the escapes and looks for the marker strings given in
ALI_BENCH_MARKERS (groups separated by `|`, strings of a group by `&`). When every string of
the next group has been drawn, it writes one line to file descriptor 1 (bypassing Textual's
capture of print):

    mark <group index> <process CPU seconds> <VmHWM kB>

With ALI_BENCH_KEYS (one entry per group, `|`-separated, empty for none), the key given for a
group is pressed once that group is drawn and the screen has then been still (no frame drawn)
for 50 ms, as the terminal would send it, and the output seen so far is forgotten, so the next
group must be drawn anew. Still, because a player answers a question they have read: a key
pressed while the app is still drawing the frames that follow its marker (the Footer's new
keys, the focus) waits for Textual's next frame slot, up to 1/60 s, and on a busy machine,
where those frames come late, that wait is most of what was timed:

    key <group index> <perf_counter seconds> <process CPU seconds>
    mark <group index> <process CPU seconds> <VmHWM kB> <perf_counter seconds>

With ALI_BENCH_FOCUS (one entry per group, `|`-separated, empty for none), the key of a group
waits, besides the still screen, until the focused widget is the one of that id or inside it (so a
key is never pressed before the widget that takes it has the focus, however busy the
machine). A group not drawn within 20 s of its key ends the run with `stuck <group index>`.

After the last group it waits until the app's workers are done (so the peak memory includes
the packs scanned and the history read), writes `idle <CPU s> <VmHWM kB>`, and exits the
app. The product's code is not changed: ali-quiz runs through its own `ali_quiz.cli.main`.
"""

from __future__ import annotations

import os
import re
import sys
import time
from functools import partial
from typing import Any

# This folder holds other scripts (cli.py, packs.py...): keep them from shadowing anything.
sys.path.pop(0)
if os.environ.get("ALI_BENCH_MARKERS"):
    # Resolved by Textual when the app is built (see __getattr__), so Textual is imported
    # when the product imports it, not earlier.
    os.environ["TEXTUAL_DRIVER"] = "__main__:FrameProbe"

ESCAPE = re.compile(r"\x1b(?:\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
WIDTH, HEIGHT = 80, 24
#: Seconds the screen stays still (no frame drawn) before a key is pressed.
STILL = 0.05


def peak_rss_kb() -> int:
    """VmHWM of this process: the most resident memory it has had so far."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def report(line: str) -> None:
    """One line to the benchmark, straight to fd 1 (Textual captures sys.stdout)."""
    os.write(1, (line + "\n").encode())


def __getattr__(name: str) -> object:
    if name == "FrameProbe":
        return frame_probe_class()
    raise AttributeError(name)


def frame_probe_class() -> type:
    """The driver: renders frames as a terminal driver would, into memory, watching markers."""
    import asyncio

    from textual import events
    from textual.driver import Driver
    from textual.geometry import Size

    class FrameProbe(Driver):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # The size a terminal would report from the start (Rich would guess 80x25).
            self._size = (WIDTH, HEIGHT)
            groups = os.environ.get("ALI_BENCH_MARKERS", "")
            self.groups = [group.split("&") for group in groups.split("|") if group]
            self.drawn = ""
            self.next_group = 0
            keys = os.environ.get("ALI_BENCH_KEYS", "")
            self.keys = keys.split("|") if keys else []
            focus = os.environ.get("ALI_BENCH_FOCUS", "")
            self.focus = focus.split("|") if focus else []
            self.pending = False  # a key is about to be pressed: nothing is matched meanwhile
            self.last_frame = 0.0  # when the last frame was written (perf_counter)

        def write(self, data: str) -> None:
            self.last_frame = time.perf_counter()
            if self.next_group >= len(self.groups) or self.pending:
                return
            # A frame writes whole lines of each changed region: the text of a widget's line
            # stays contiguous once the escapes are gone.
            self.drawn += ESCAPE.sub("\n", data)
            while self.next_group < len(self.groups) and all(
                marker in self.drawn for marker in self.groups[self.next_group]
            ):
                now = time.perf_counter()
                report(
                    f"mark {self.next_group} {time.process_time():.6f} {peak_rss_kb()} {now:.6f}"
                )
                key = self.keys[self.next_group] if self.next_group < len(self.keys) else ""
                self.next_group += 1
                if key:
                    self.pending = True
                    group = self.next_group - 1
                    focus = self.focus[group] if group < len(self.focus) else ""
                    deadline = time.perf_counter() + 5
                    press = partial(self.press_when_ready, key, focus, deadline)
                    self._app.set_timer(STILL, press)
                    return
            if self.next_group == len(self.groups):
                self._app.call_later(self.wait_for_workers)

        def press_when_ready(self, key: str, focus: str, deadline: float) -> None:
            """Press once the widget that takes the key has the focus and the screen has been
            still for STILL seconds (or at the deadline, whatever the app is doing)."""
            now = time.perf_counter()
            unfocused = focus and not self.has_focus(focus)
            if now < deadline and (unfocused or now - self.last_frame < STILL):
                wait = 0.01 if unfocused else STILL - (now - self.last_frame)
                self._app.set_timer(wait, partial(self.press_when_ready, key, focus, deadline))
                return
            self.press(key)

        def has_focus(self, widget_id: str) -> bool:
            node = self._app.focused
            while node is not None:
                if node.id == widget_id:
                    return True
                node = node.parent
            return False

        def press(self, key: str) -> None:
            self.drawn, self.pending = "", False
            group = self.next_group
            report(f"key {group - 1} {time.perf_counter():.6f} {time.process_time():.6f}")
            self._app.post_message(events.Key(key, key))
            self._app.set_timer(20, partial(self.stuck, group))

        def stuck(self, group: int) -> None:
            if self.next_group == group:  # still not drawn: say so and end the run
                report(f"stuck {group}")
                self._app.exit()

        def wait_for_workers(self) -> None:
            app = self._app
            if any(not worker.is_finished for worker in app.workers):
                app.set_timer(0.01, self.wait_for_workers)
                return
            report(f"idle {time.process_time():.4f} {peak_rss_kb()}")
            app.exit()

        def start_application_mode(self) -> None:
            size = Size(WIDTH, HEIGHT)
            asyncio.run_coroutine_threadsafe(
                self._app._post_message(events.Resize(size, size)),
                loop=asyncio.get_running_loop(),
            )

        def disable_input(self) -> None:
            """No input: nothing to disable."""

        def stop_application_mode(self) -> None:
            """No terminal: nothing to restore."""

    return FrameProbe


def run_minimal() -> int:
    """The floor: a Textual app with one Static and a Footer (with one key to show)."""
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Static

    class Minimal(App[None]):
        BINDINGS = [("q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            yield Static("Minimal Textual app")
            yield Footer()

    Minimal().run()
    return 0


def run_static() -> int:
    """The floor of a redraw: Statics laid out as the play screen's (status line, prompt, four
    options, help line, feedback, Footer keys), in plain Textual. `a` writes a feedback of
    three lines into one Static and empties the help line; `n` brings the next prompt back."""
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, VerticalScroll
    from textual.widgets import Footer, Static

    options = "\n".join(f"{letter}  Option {letter} of the question" for letter in "ABCD")
    feedback = (
        "✓ Right  100/100 points\nThe answer: Option A of the question\n"
        "The sentence of the source that the answer comes from, long enough to wrap once on "
        "a terminal of eighty columns."
    )

    class Redraw(App[None]):
        BINDINGS = [
            ("a", "show", "reveal"),
            ("n", "next", "next"),
            ("ctrl+s", "nothing", "skip"),
            ("q", "nothing", "back"),
        ]
        CSS = """
        #status { height: 1; }
        #body { height: 1fr; padding: 0 1; }
        #prompt { text-style: bold; margin: 1 0 0 0; }
        #help { color: $text-muted; margin-bottom: 1; }
        #options { border: round $primary; height: auto; }
        #feedback { margin: 1 0 0 0; height: auto; }
        """

        def compose(self) -> ComposeResult:
            with Horizontal(id="status"):
                yield Static("Choice · Benchmark pack", id="title")
                yield Static("■■□□□□  Question 1 of 13  0/0", id="progress")
            with VerticalScroll(id="body"):
                yield Static("Question 0: which of these came first?", id="prompt")
                yield Static("Press a letter to answer", id="help")
                yield Static(options, id="options")
                yield Static("", id="feedback")
            yield Footer()

        def action_show(self) -> None:
            self.count = getattr(self, "count", 0) + 1
            self.query_one("#help", Static).update("")
            self.query_one("#feedback", Static).update(f"Answer {self.count}\n{feedback}")

        def action_next(self) -> None:
            self.query_one("#feedback", Static).update("")
            self.query_one("#help", Static).update("Press a letter to answer")
            prompt = f"Question {self.count}: which of these came first?"
            self.query_one("#prompt", Static).update(prompt)

        def action_nothing(self) -> None:
            """Keys shown in the Footer, as on the play screen."""

    Redraw().run()
    return 0


def run_replica() -> int:
    """A reference, not ali-quiz: the home screen's widgets, keys and stylesheet in plain
    Textual, with no ali-quiz code (but its Footer, which rebuilds its keys once where Textual's
    would three times), no settings, packs or history. What Textual itself takes to draw a
    screen like home's; the gap from it to ali-quiz is ali-quiz's own work.

    Faithful to home as it is drawn first: the title bar, the Pack and More lists in the left
    column with the progress panel under them (hidden until the history is read, as on home),
    the Play list, the pack's About box and the hint in the right column, the hidden too-small
    message, the same keys and app.tcss. The Footer's module is loaded from its file alone:
    importing it through the `ali_quiz.tui` package would install ali-quiz's line breaking
    (tui/linebreaking.py), which is ali-quiz's own work and made this reference do it too.
    """
    from importlib.util import find_spec, module_from_spec, spec_from_file_location

    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical
    from textual.content import Content
    from textual.screen import Screen
    from textual.widgets import OptionList, Static
    from textual.widgets.option_list import Option

    spec = find_spec("ali_quiz")  # finds the package without running ali_quiz.tui
    assert spec is not None and spec.submodule_search_locations
    tui = os.path.join(spec.submodule_search_locations[0], "tui")
    stylesheet = os.path.join(tui, "app.tcss")
    footer_spec = spec_from_file_location(
        "replica_footer", os.path.join(tui, "widgets", "footer.py")
    )
    assert footer_spec is not None and footer_spec.loader is not None
    footer = module_from_spec(footer_spec)
    footer_spec.loader.exec_module(footer)
    keys = (("t", "Timeline"), ("h", "History"), ("p", "Packs"), ("s", "Settings"))
    keys += (("c", "Play a code"), ("q", "Quit"))

    class Home(Screen[None]):
        AUTO_FOCUS = "#mode-list"
        # One action each, as home has: the Footer shows one key per action.
        BINDINGS = [Binding(key, f"app.nothing('{key}')", label) for key, label in keys]

        def compose(self) -> ComposeResult:
            too_small = Static("", classes="too-small")  # home's TooSmall, hidden at 80x24
            too_small.display = False
            yield too_small
            title = "[b]ali-quiz[/b]  $pack  [dim]·[/dim]  $player"
            yield Static(
                Content.from_markup(title, pack="…", player="Player: bench"), id="title-bar"
            )
            with Horizontal(id="home-body"):
                with Vertical(id="home-left"):
                    packs = OptionList(id="pack-list")
                    packs.border_title = "Pack"
                    yield packs
                    more = OptionList(
                        *(
                            Option(Content.from_markup("[b]$k[/b]  $t", k=k, t=t), id=k)
                            for k, t in keys[:5]
                        ),
                        id="more-list",
                    )
                    more.border_title = "More"
                    yield more
                    progress = Static("", id="home-progress")  # home's ProgressPanel
                    progress.border_title = "Your progress"
                    progress.display = False
                    yield progress
                with Vertical(id="home-right"):
                    modes = OptionList(id="mode-list")
                    modes.border_title = "Play"
                    yield modes
                    about = Static("Looking for packs…", id="pack-about")
                    about.border_title = "About this pack"
                    yield about
                    hint = "enter plays · tab next panel · ^p commands · ? keys"
                    yield Static(hint, id="home-hint")
            yield footer.QuizFooter()

    class Replica(App[None]):
        CSS_PATH = stylesheet
        HORIZONTAL_BREAKPOINTS = [(0, "-too-narrow"), (60, "-wide-enough")]
        VERTICAL_BREAKPOINTS = [(0, "-too-short"), (18, "-tall-enough")]

        def get_default_screen(self) -> Screen[None]:
            return Home()

        def action_nothing(self, key: str) -> None:
            """The keys do nothing: only drawing them is measured."""

    Replica().run()
    return 0


def main() -> int:
    which, rest = sys.argv[1], sys.argv[2:]
    if which == "minimal":
        return run_minimal()
    if which == "replica":
        return run_replica()
    if which == "static":
        return run_static()
    from ali_quiz.cli import main as quiz_main

    if os.environ.get("ALI_BENCH_KEYS") or os.environ.get("ALI_BENCH_MARKERS"):
        # `ali-quiz` and `play` pick the TUI only on a terminal (without one they play a plain
        # round); the frames go to the probe driver anyway, and the markers to the pipe.
        sys.stdin, sys.stdout = _Terminal(sys.stdin), _Terminal(sys.stdout)  # type: ignore[assignment]
    return quiz_main(rest)


class _Terminal:
    """A stream that says it is a terminal, for `ali-quiz` and `play` to choose the TUI."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


if __name__ == "__main__":
    sys.exit(main())
