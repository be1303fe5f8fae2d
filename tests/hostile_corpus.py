"""The hostile corpus: packs, names and files written as an attacker would, and what must happen.

PRODUCT.md's "Text is data" is the contract: text shows literally, control characters never
reach a terminal raw, no CSV cell is a live formula, no file hangs or floods memory, no value
ends in a traceback. `tests/test_hostile.py` runs every case in the suite (in process);
`benchmarks/hostile.py` runs them as separate processes with a 10 s and 200 MB budget each.
Small fixtures live in `tests/fixtures/hostile/`; large and special files (a FIFO, 9 MiB of
YAML, a corrupt database) are made by `build()` in a temporary folder.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "hostile"
REPORT_FIXTURES = HERE / "fixtures" / "report"
STARTER_ID = "hostile"

#: Text the TUI must show literally: Textual/Rich markup, actions, links.
MARKUP = (
    "[/]",
    "[@click=app.quit]x[/]",
    "[link=file:///etc/passwd]x[/link]",
    "[citation needed]",
    "x[i][/j]",
)
#: Control characters a terminal acts on: clear screen, OSC 52 clipboard write, bell, an 8-bit
#: CSI, a title change, NUL and DEL.
ESCAPES = (
    "\x1b[2J\x1b[H",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x07bell",
    "\x9b31mred",
    "\x1b]0;owned\x1b\\",
    "nul\x00del\x7f",
)
#: Cells a spreadsheet would run.
FORMULAS = (
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTAB=1",
    "\r=1",
)

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def yaml_text(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text` (JSON's escapes are YAML's too)."""
    return json.dumps(text, ensure_ascii=True)


def hostile_pack(payload: str, pack_id: str = STARTER_ID) -> str:
    """A valid pack with `payload` in its title, facts, options, prompts and sources."""
    p = yaml_text
    return f"""id: {pack_id}
title: {p("Pack " + payload)}
language: en
events:
  - {{id: e1, date: 1957-10-04, title: {p("Sputnik " + payload)}, source: {p("src " + payload)}}}
  - {{id: e2, date: 1961-04-12, title: {p("Gagarin " + payload)}, source: {p(payload)}}}
  - {{id: e3, date: 1962-09-12, title: {p("Speech " + payload)}}}
  - {{id: e4, date: 1969-07-20, title: {p("Landing " + payload)}}}
versions:
  - {{id: v1, product: {p("Apollo" + payload)}, version: "8", date: 1968-12,
      highlights: [{p("around the Moon " + payload)}]}}
  - {{id: v2, product: {p("Apollo" + payload)}, version: "11", date: 1969-07-21,
      highlights: [{p("landing " + payload)}]}}
  - {{id: v3, product: {p("Apollo" + payload)}, version: "17", date: 1972-12,
      highlights: [{p("last " + payload)}]}}
metrics:
  - {{id: m1, label: {p("Moonwalkers " + payload)}, value: "12", unit: people}}
  - {{id: m2, label: {p("Distance " + payload)}, value: 384400, unit: km, tolerance: 0.1}}
  - {{id: m3, label: {p("Mass " + payload)}, value: 7.35e22, unit: kg}}
  - {{id: m4, label: {p("Speed " + payload)}, value: 1022, unit: m/s}}
sequences:
  - id: s1
    title: {p("Programmes " + payload)}
    items:
      - {{id: i1, text: {p("Mercury " + payload)}, rank: 1}}
      - {{id: i2, text: {p("Gemini " + payload)}, rank: 2}}
      - {{id: i3, text: {p("Apollo " + payload)}, rank: 3}}
questions:
  - id: q1
    kind: choice
    prompt: {p("Which " + payload + "?")}
    explanation: {p("Because " + payload)}
    options:
      - {{text: {p("right " + payload)}, correct: true}}
      - {{text: {p("wrong " + payload)}}}
      - {{text: {p(payload)}}}
  - id: q2
    kind: text
    prompt: {p("Name " + payload)}
    accepted: [{p("answer " + payload)}]
"""


def hostile_history(payload: str) -> str:
    """A `history --json` hand-in whose player, prompts and ids carry `payload`."""
    rounds = json.loads((REPORT_FIXTURES / "alice.json").read_text(encoding="utf-8"))
    for entry in rounds:
        entry["player"] = payload
        for answer in entry["answers"]:
            answer["prompt"] = payload + answer["prompt"]
            answer["question_id"] = payload
    return json.dumps(rounds, ensure_ascii=False)


@dataclass(frozen=True)
class Case:
    """One hostile input: the command, the status it must end with, and what else to check."""

    name: str
    category: str
    argv: tuple[str, ...]
    status: int | tuple[int, ...]  # several: any of them is right
    stdin: str = ""
    #: "text": no raw control character may reach the terminal; "csv": no live formula either;
    #: "json": the output is JSON (it escapes controls itself: C1 and DEL must be escaped too).
    output: str = "text"
    #: Extra check on (stdout, stderr, work folder): a message of what is wrong, or None.
    check: Callable[[str, str, Path], str | None] | None = None
    #: Run where permissions hold (as root: without the capabilities that bypass them).
    unprivileged: bool = False
    #: Data folder name under the work folder (each case gets its own unless it shares one).
    data: str = ""
    needs: tuple[str, ...] = field(default=())


def status_ok(case: Case, status: int) -> bool:
    """Whether the exit status is the one (or one of those) the case documents."""
    return status in case.status if isinstance(case.status, tuple) else status == case.status


def problems(stdout: str, stderr: str, output: str) -> list[str]:
    """What is wrong with a command's output, whatever the case."""
    found = []
    for name, text in (("stdout", stdout), ("stderr", stderr)):
        if "Traceback (most recent call last)" in text:
            found.append(f"traceback on {name}")
        if output != "json" and RAW_CONTROL.search(text.replace("\r\n", "\n")):
            found.append(f"raw control character on {name}")
    if output == "json" and re.search("[\x7f-\x9f]", stdout):
        found.append("raw C1 control character in JSON")
    if output == "csv":
        for row in csv.reader(io.StringIO(stdout, newline="")):
            for cell in row:
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(cell):
                    found.append(f"live formula cell {cell[:30]!r}")
                    break
    return found


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _says(*words: str) -> Callable[[str, str, Path], str | None]:
    def check(out: str, err: str, work: Path) -> str | None:
        both = (out + err).lower()
        missing = [w for w in words if w.lower() not in both]
        return f"message lacks {missing}" if missing else None

    return check


def _untouched(relative: str) -> Callable[[str, str, Path], str | None]:
    def check(out: str, err: str, work: Path) -> str | None:
        victim = work / relative
        if victim.exists() and victim.read_text() != "victim\n":
            return f"{relative} was overwritten"
        if not victim.exists() and relative.endswith("absent"):
            return None
        return None if victim.exists() else f"{relative} is gone"

    return check


def _all(*checks: Callable[[str, str, Path], str | None]) -> Callable[[str, str, Path], str | None]:
    def check(out: str, err: str, work: Path) -> str | None:
        return next((found for c in checks if (found := c(out, err, work))), None)

    return check


def _same_size(path: Path, size: int) -> Callable[[str, str, Path], str | None]:
    def check(out: str, err: str, work: Path) -> str | None:
        return None if path.stat().st_size == size else f"{path} changed"

    return check


def _not_created(relative: str) -> Callable[[str, str, Path], str | None]:
    def check(out: str, err: str, work: Path) -> str | None:
        return f"{relative} was written through a symlink" if (work / relative).exists() else None

    return check


def _capped(out: str, err: str, work: Path) -> str | None:
    lines = (out + err).count("\n")
    if lines > 120:
        return f"{lines} lines of problems (at most 100 should be listed)"
    return None if "more" in (out + err) else "no 'and N more' line"


def _shows_history(out: str, err: str, work: Path) -> str | None:
    return None if "quick" in out else "the history is not shown"


def _kept(relative: str) -> Callable[[str, str, Path], str | None]:
    def check(out: str, err: str, work: Path) -> str | None:
        return None if (work / relative).exists() else f"{relative} was moved or deleted"

    return check


def build(work: Path) -> list[Case]:
    """Write the corpus's generated files into `work` and return every case."""
    work.mkdir(parents=True, exist_ok=True)
    (work / "outside").mkdir(exist_ok=True)
    cases: list[Case] = []
    d = "--data-dir"

    # -- 1. text in packs, names and hand-ins shown on a terminal ------------------------------
    payloads = ESCAPES + MARKUP
    for n, payload in enumerate(payloads):
        pack = work / f"pack-{n}.yaml"
        pack.write_text(hostile_pack(payload), encoding="utf-8")
        handin = work / f"handin-{n}.json"
        handin.write_text(hostile_history(payload), encoding="utf-8")
        gift = work / f"quiz-{n}.gift"
        plain = payload.replace("\\", "")  # a backslash escapes in GIFT
        gift.write_text(f"::{plain}::Q {plain}? {{={plain} ~no}}\n", encoding="utf-8")
        data = f"data-text-{n}"
        run = (d, str(work / data))
        tag = f"text[{n}]"
        cases += [
            Case(f"{tag} show", "text", (*run, "show", str(pack)), 0),
            Case(
                f"{tag} show --json", "text", (*run, "show", str(pack), "--json"), 0, output="json"
            ),
            Case(f"{tag} validate", "text", (*run, "validate", str(pack)), 0),
            Case(
                f"{tag} generate markdown",
                "text",
                (*run, "generate", "--pack", str(pack), "--seed", "1", "--format", "markdown"),
                0,
            ),
            Case(
                f"{tag} generate json",
                "text",
                (*run, "generate", "--pack", str(pack), "--seed", "1"),
                0,
                output="json",
            ),
            Case(
                f"{tag} play --plain",
                "text",
                (
                    *run,
                    "play",
                    "--plain",
                    "--pack",
                    str(pack),
                    "--seed",
                    "1",
                    "--count",
                    "3",
                    "--player",
                    payload.replace("\x00", ""),
                ),  # argv holds no NUL
                0,
                stdin="A\nskip\nquit\n",
                data=data,
            ),
            Case(
                f"{tag} history",
                "text",
                (*run, "history"),
                0,
                data=data,
                needs=(f"{tag} play --plain",),
            ),
            Case(f"{tag} report", "text", (*run, "report", str(handin)), 0),
            Case(
                f"{tag} import-gift",
                "text",
                (*run, "import-gift", str(gift), "-o", str(work / f"gift-{n}.yaml")),
                0,
            ),
            Case(f"{tag} packs add", "text", (*run, "packs", "add", str(pack)), 0, data=data),
            Case(
                f"{tag} packs", "text", (*run, "packs"), 0, data=data, needs=(f"{tag} packs add",)
            ),
            Case(
                f"{tag} invalid pack message",
                "text",
                (*run, "validate", str(_invalid_pack(work, n, payload))),
                1,
            ),
            Case(
                f"{tag} --pack missing id",
                "text",
                (*run, "show", "x" + payload.replace("/", "").replace("\x00", "")),
                1,
            ),
        ]

    # -- 2. CSV cells a spreadsheet would run ---------------------------------------------------
    for n, formula in enumerate(FORMULAS):
        pack = work / f"formula-{n}.yaml"
        pack.write_text(hostile_pack(formula, pack_id=f"formula-{n}"), encoding="utf-8")
        handin = work / f"formula-{n}.json"
        handin.write_text(hostile_history(formula), encoding="utf-8")
        data = f"data-csv-{n}"
        run = (d, str(work / data))
        cases += [
            Case(
                f"csv[{n}] play",
                "csv",
                (
                    *run,
                    "play",
                    "--plain",
                    "--pack",
                    str(pack),
                    "--seed",
                    "2",
                    "--count",
                    "2",
                    f"--player={formula}",
                ),
                0,
                stdin="A\nskip\n",
                data=data,
            ),
            Case(
                f"csv[{n}] history --csv",
                "csv",
                (*run, "history", "--csv"),
                0,
                output="csv",
                data=data,
                needs=(f"csv[{n}] play",),
            ),
            Case(
                f"csv[{n}] report --csv",
                "csv",
                (*run, "report", str(handin), "--csv"),
                0,
                output="csv",
            ),
        ]

    # -- 3. files that are not what they claim --------------------------------------------------
    fifo = work / "fifo.yaml"
    if not fifo.exists():
        os.mkfifo(fifo)
    big = work / "big.yaml"
    big.write_text("id: big\ntitle: big\nlanguage: en\n" + "# padding\n" * 900_000)
    big_json = work / "big.json"
    big_json.write_text("[" + " " * (17 * 1024 * 1024) + "]")
    many_nodes = work / "many-nodes.yaml"
    many_nodes.write_text("id: n\ntitle: n\nlanguage: en\nx:\n" + "- a\n" * 300_000)
    many_json = work / "many-nodes.json"
    many_json.write_text("[" + ",".join(["[]"] * 1_500_000) + "]")
    deep_yaml = work / "deep.yaml"
    deep_yaml.write_text("id: d\ntitle: d\nlanguage: en\nx: " + "- " * 20_000 + "a\n")
    deep_flow = work / "deep-flow.yaml"
    deep_flow.write_text("id: d\ntitle: d\nlanguage: en\nx: " + "[" * 50_000 + "]" * 50_000 + "\n")
    deep_json = work / "deep.json"
    deep_json.write_text("[" * 100_000 + "]" * 100_000)
    huge_int_json = work / "huge-int.json"
    rounds = json.loads((REPORT_FIXTURES / "alice.json").read_text(encoding="utf-8"))
    huge_int_json.write_text(
        json.dumps(rounds).replace('"points": 100', '"points": 1' + "0" * 5000, 1)
    )
    digits = "9" * 5000
    starter = hostile_pack("plain", pack_id="digits")
    rank = work / "rank-digits.yaml"
    rank.write_text(starter.replace("rank: 3", f"rank: {digits}"))
    points = work / "points-digits.yaml"
    points.write_text(starter.replace("kind: text", f"kind: text\n    max_points: {digits}"))
    value = work / "value-digits.yaml"
    value.write_text(starter.replace('value: "12"', f"value: {digits}"))
    tolerance = work / "tolerance-digits.yaml"
    tolerance.write_text(starter.replace("tolerance: 0.1", f"tolerance: 0.{digits}"))
    date = work / "date-digits.yaml"
    date.write_text(starter.replace("date: 1968-12", f"date: {digits}"))
    version = work / "version-digits.yaml"
    version.write_text(starter.replace('version: "17"', f"version: {digits}"))
    many = work / "many-problems.yaml"
    many.write_text(
        "id: m\ntitle: m\nlanguage: en\n" + "".join(f"unknown{i}: x\n" for i in range(5000))
    )
    folder = work / "folder.yaml"
    folder.mkdir(exist_ok=True)
    empty_dir = work / "empty-folder"
    empty_dir.mkdir(exist_ok=True)
    run = (d, str(work / "data-files"))
    readers = {
        "validate": lambda f: ("validate", f),
        "show": lambda f: ("show", f),
        "packs add": lambda f: ("packs", "add", f),
        "import-gift": lambda f: ("import-gift", f, "-o", str(work / "out-gift.yaml")),
        "report": lambda f: ("report", f),
        "generate --pack": lambda f: ("generate", "--pack", f, "--seed", "1"),
        "audit": lambda f: ("audit", f, "--rounds", "1"),
    }
    specials = {
        "/dev/zero": "/dev/zero",
        "/dev/urandom": "/dev/urandom",
        "/dev/null": "/dev/null",
        "FIFO": str(fifo),
        "folder": str(folder),
        "missing": str(work / "missing.yaml"),
        # Longer than any file name may be: Path.exists() raised ENAMETOOLONG (a traceback).
        "5000-character name": "a" * 5000,
        "5000-character name.yaml": "a" * 5000 + ".yaml",
        # pathlib's expanduser raised RuntimeError for the home of a user that does not exist.
        "~user that does not exist": "~no-such-user-ali-quiz/pack.yaml",
    }
    for what, path in specials.items():
        for command, argv in readers.items():
            cases.append(Case(f"file {command} {what}", "files", (*run, *argv(path)), 1))
    for name, path in (
        ("9 MiB pack", big),
        ("300k-node pack", many_nodes),
        ("20k-deep block nesting", deep_yaml),
        ("50k-deep flow nesting", deep_flow),
        ("alias bomb", FIXTURES / "alias-bomb.yaml"),
        ("5000-digit rank", rank),
        ("5000-digit max_points", points),
        ("5000-digit metric value", value),
        ("5000-digit tolerance", tolerance),
        ("5000-digit date", date),
        ("5000-digit version", version),
        ("not UTF-8", FIXTURES / "not-utf8.yaml"),
        ("binary", FIXTURES / "binary.yaml"),
    ):
        # A version is a label (text): 5000 digits of it is a long label, not a number.
        status = 0 if name == "5000-digit version" else 1
        for command in ("validate", "show", "packs add"):
            cases.append(
                Case(
                    f"file {command} {name}", "files", (*run, *readers[command](str(path))), status
                )
            )
    cases.append(
        Case(
            "file validate 5000 problems", "files", (*run, "validate", str(many)), 1, check=_capped
        )
    )
    cases.append(Case("file validate empty folder", "files", (*run, "validate", str(empty_dir)), 1))
    for name, path in (
        ("17 MiB hand-in", big_json),
        ("1.5M-node hand-in", many_json),
        ("100k-deep hand-in", deep_json),
        ("5000-digit points", huge_int_json),
    ):
        cases.append(Case(f"file report {name}", "files", (*run, "report", str(path)), 1))
    gift_big = work / "big.gift"
    gift_big.write_text("// x\n" * 2_000_000)
    cases.append(
        Case(
            "file import-gift 10 MiB",
            "files",
            (*run, "import-gift", str(gift_big), "-o", str(work / "o.yaml")),
            1,
        )
    )
    cases.append(
        Case(
            "file import-gift hostile",
            "files",
            (*run, "import-gift", str(FIXTURES / "gift-hostile.gift"), "-o", str(work / "h.yaml")),
            0,
        )
    )

    # -- 4. settings files --------------------------------------------------------------------
    configs = {
        "alias bomb": (FIXTURES / "config-alias-bomb.yaml").read_text(),
        "10k-deep nesting": "player: " + "[" * 10_000 + "]" * 10_000 + "\n",
        "10k-deep block": "player:\n" + "".join(" " * i + "- \n" for i in range(1, 3000)),
        "5000-digit count": f"player: ann\nquestions_per_round: {digits}\n",
        "2 MiB": "player: ann\n" + "#" * (2 * 1024 * 1024) + "\n",
        "markup and escapes": "player: " + yaml_text("[/]\x1b[2J\x07") + "\n",
        "a list": "- a\n- b\n",
        "binary": "player: \x00\n",
        "python tag": "player: !!python/object/apply:os.system ['echo owned']\n",
    }
    for name, text in configs.items():
        folder_name = f"data-config-{len(cases)}"
        (work / folder_name).mkdir(exist_ok=True)
        (work / folder_name / "config.yaml").write_text(text)
        cases.append(
            Case(
                f"config {name}",
                "config",
                (d, str(work / folder_name), "generate", "--seed", "1", "--count", "2"),
                0,
                output="json",
                check=_no_owned,
            )
        )
    fifo_config = work / "data-config-fifo"
    fifo_config.mkdir(exist_ok=True)
    if not (fifo_config / "config.yaml").exists():
        os.mkfifo(fifo_config / "config.yaml")
    cases.append(
        Case(
            "config FIFO",
            "config",
            (d, str(fifo_config), "generate", "--seed", "1", "--count", "2"),
            0,
            output="json",
        )
    )

    # -- 5. command-line values ---------------------------------------------------------------
    run = (d, str(work / "data-usage"))
    usage = [
        ("generate", "--count", "0"),
        ("generate", "--count", "-1"),
        ("generate", "--count", "201"),
        ("generate", "--count", str(10**23)),
        ("generate", "--count", "abc"),
        ("generate", "--count", ""),
        ("generate", "--seed", "-1"),
        ("generate", "--seed", "1000000"),
        ("generate", "--seed", str(10**23)),
        ("generate", "--seed", ""),
        ("generate", "--seed", "1e3"),
        ("generate", "--date", "2020-13-01"),
        ("generate", "--date", "abc"),
        ("generate", "--date", ""),
        ("generate", "--date", "9" * 5000),
        ("generate", "--code", ""),
        ("generate", "--code", "!!!!"),
        ("generate", "--code", "X" * 5000),
        ("generate", "--pack", ""),
        ("generate", "--pack", " "),
        ("play", "--plain", "--pack", ""),
        ("play", "--plain", "--player", ""),
        ("play", "--plain", "--count", str(10**23)),
        ("play", "--plain", "--seed", str(10**23)),
        ("history", "--limit", str(10**23)),
        ("history", "--limit", "-1"),
        ("history", "--limit", "abc"),
        ("history", "--pack", ""),
        ("history", "--player", ""),
        ("show", ""),
        ("audit", ""),
        ("audit", " ", "--rounds", "1"),
        ("serve", "--port", "65536"),
        ("serve", "--max-players", "0"),
        ("serve", "--host", ""),
        ("validate", ""),
        ("new-pack", ""),
        ("import-gift", str(FIXTURES / "gift-hostile.gift"), "-o", ""),
        ("report", ""),
        ("packs", "add", ""),
    ]
    for argv in usage:
        cases.append(
            Case(
                "usage " + " ".join(a or '""' for a in argv)[:60],
                "usage",
                (*run, *argv),
                2,
                stdin="quit\n",
            )
        )
    cases.append(Case('usage --data-dir ""', "usage", ("--data-dir", "", "packs"), 2))
    cases.append(
        Case(
            "usage --data-dir ~user that does not exist",
            "usage",
            ("--data-dir", "~no-such-user-ali-quiz/data", "history"),
            2,
            check=_says("there is no user 'no-such-user-ali-quiz'"),
        )
    )
    not_folder = work / "data-dir-is-a-file"
    not_folder.write_text("a file\n", encoding="utf-8")
    for data_dir in (not_folder, not_folder / "inside"):
        cases.append(
            Case(
                f"usage --data-dir {data_dir.relative_to(work)}",
                "usage",
                ("--data-dir", str(data_dir), "play", "--plain", "--seed", "1", "--count", "1"),
                2,
                check=_says("not a folder"),
            )
        )
    cases.append(
        Case(
            "usage --data-dir \\x1b",
            "usage",
            ("--data-dir", "\x1b[2J", "history", "--limit", "x"),
            2,
        )
    )

    # -- 6. the history database --------------------------------------------------------------
    cases += _history_cases(work)

    # -- 7. writing files: symlinks, replacing packs -----------------------------------------------
    cases += _write_cases(work)
    return cases


def _no_owned(out: str, err: str, work: Path) -> str | None:
    return "a YAML tag ran a command" if "owned" in out and "!!python" not in err else None


def _invalid_pack(work: Path, n: int, payload: str) -> Path:
    path = work / f"invalid-{n}.yaml"
    key = yaml_text("key" + payload)
    path.write_text(
        f"id: {yaml_text('bad id ' + payload)}\ntitle: t\nlanguage: en\n{key}: 1\n"
        f"events:\n  - {{id: e, date: {yaml_text(payload)}, title: t}}\n",
        encoding="utf-8",
    )
    return path


def _history_db(folder: Path, *, rounds: int = 3) -> Path:
    """A real history made by the store itself, `rounds` rounds of one answer."""
    from datetime import datetime

    from ali_quiz.history.store import AnswerRecord, HistoryStore, RoundStart

    folder.mkdir(parents=True, exist_ok=True)
    opened = HistoryStore.open(folder)
    assert opened.store is not None
    with opened.store as store:
        for n in range(rounds):
            start = RoundStart(
                player="ann",
                pack="dingtalk-2020",
                pack_hash="h",
                mode="quick",
                count=1,
                seed=n,
                code=None,
                date="2020-02-28",
                ui_language="en",
                started_at=datetime(2020, 2, 28, 12, n, tzinfo=UTC),
            )
            round_id = store.start_round(start, 1)
            store.record_answer(
                round_id,
                AnswerRecord(
                    position=1,
                    question_id="q",
                    kind="choice",
                    facts=("f",),
                    prompt="p" * 2000,
                    response="a",
                    answer="a",
                    points=100,
                    max_points=100,
                    skipped=False,
                    seconds=1.0,
                ),
            )
            store.finish_round(round_id, datetime(2020, 2, 28, 12, n, 30, tzinfo=UTC))
    return folder / "history.sqlite3"


def _history_cases(work: Path) -> list[Case]:
    cases = []
    d = "--data-dir"

    def folder(name: str) -> Path:
        return work / f"data-history-{name}"

    for version in (-1, -(2**31), 99, 2**31 - 1):
        path = _history_db(folder(f"version{version}"))
        with sqlite3.connect(path) as conn:
            conn.execute(f"PRAGMA user_version = {version}")
        for argv in (("history",), ("history", "--json")):
            cases.append(
                Case(
                    f"history user_version {version} {' '.join(argv)}",
                    "history",
                    (d, str(folder(f"version{version}")), *argv),
                    0,
                    output="json" if "--json" in argv else "text",
                )
            )
        cases.append(
            Case(
                f"history user_version {version} play",
                "history",
                (
                    d,
                    str(folder(f"version{version}")),
                    "play",
                    "--plain",
                    "--seed",
                    "1",
                    "--count",
                    "1",
                ),
                0,
                stdin="skip\n",
            )
        )
    # Corrupt data pages: the schema still reads, a query over the rows does not.
    path = _history_db(folder("pages"), rounds=40)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    raw = bytearray(path.read_bytes())
    page = 4096
    for n in range(3, len(raw) // page):
        raw[n * page + 100 : n * page + 300] = b"\xff" * 200
    path.write_bytes(bytes(raw))
    # Playing writes pages that are whole (no query fails: nothing to detect yet); reading
    # the rounds meets the damage, checks the file and moves it aside.
    for argv in (("play", "--plain", "--seed", "1", "--count", "1"), ("history",)):
        cases.append(
            Case(
                f"history corrupt pages {argv[0]}",
                "history",
                (d, str(folder("pages")), *argv),
                # Found at opening (moved aside, an empty history shown: 0) or while the
                # rounds are read (what was asked cannot be shown: 1).
                (0, 1) if argv[0] == "history" else 0,
                stdin="skip\n",
                check=_says("moved") if argv[0] == "history" else None,
            )
        )
    not_db = folder("garbage")
    not_db.mkdir(exist_ok=True)
    (not_db / "history.sqlite3").write_bytes(b"not a database at all" * 100)
    cases.append(
        Case(
            "history not a database",
            "history",
            (d, str(not_db), "history"),
            0,
            check=_says("moved"),
        )
    )
    as_dir = folder("dir")
    (as_dir / "history.sqlite3").mkdir(parents=True, exist_ok=True)
    cases.append(Case("history file is a folder", "history", (d, str(as_dir), "history"), 1))
    cases.append(
        Case(
            "history file is a folder, play",
            "history",
            (d, str(as_dir), "play", "--plain", "--seed", "1", "--count", "1"),
            0,
            stdin="skip\n",
        )
    )
    for suffix in ("-wal", "-shm", "-journal"):
        # SQLite's own files beside the history, as folders: it said "read-only" or "disk I/O
        # error"; the folder in the way is named, and nothing is moved or lost.
        beside = folder(f"companion{suffix}")
        path = _history_db(beside)
        (beside / f"history.sqlite3{suffix}").mkdir(exist_ok=True)
        size = path.stat().st_size
        for argv in (("history",), ("play", "--plain", "--seed", "1", "--count", "1")):
            cases.append(
                Case(
                    f"history{suffix} is a folder, {argv[0]}",
                    "history",
                    (d, str(beside), *argv),
                    1 if argv[0] == "history" else 0,
                    stdin="skip\n",
                    check=_all(
                        _says(f"history.sqlite3{suffix} is a folder"),
                        _same_size(path, size),
                    ),
                )
            )
    as_fifo = folder("fifo")
    as_fifo.mkdir(exist_ok=True)
    if not (as_fifo / "history.sqlite3").exists():
        os.mkfifo(as_fifo / "history.sqlite3")
    cases.append(Case("history file is a FIFO", "history", (d, str(as_fifo), "history"), 1))
    # Permission denied: reported, never renamed as corrupt (run unprivileged).
    denied = folder("denied")
    path = _history_db(denied)
    os.chmod(path, 0o000)
    os.chmod(denied, 0o777)
    cases.append(
        Case(
            "history permission denied",
            "history",
            (d, str(denied), "history"),
            1,
            unprivileged=True,
            check=_kept("data-history-denied/history.sqlite3"),
        )
    )
    cases.append(
        Case(
            "history permission denied, play",
            "history",
            (d, str(denied), "play", "--plain", "--seed", "1", "--count", "1"),
            0,
            stdin="skip\n",
            unprivileged=True,
            check=_kept("data-history-denied/history.sqlite3"),
        )
    )
    # A read-only folder that holds a history still shows it.
    readonly = folder("readonly")
    path = _history_db(readonly)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    os.chmod(path, 0o644)
    os.chmod(readonly, 0o555)
    cases.append(
        Case(
            "history read-only folder",
            "history",
            (d, str(readonly), "history"),
            0,
            unprivileged=True,
            check=_shows_history,
        )
    )
    cases.append(
        Case(
            "history read-only folder --json",
            "history",
            (d, str(readonly), "history", "--json"),
            0,
            unprivileged=True,
            output="json",
            check=_shows_history,
        )
    )
    return cases


def _write_cases(work: Path) -> list[Case]:
    cases = []
    d = "--data-dir"
    outside = work / "outside"
    victim = outside / "victim.yaml"
    gift = str(FIXTURES / "gift-hostile.gift")
    # new-pack / import-gift onto a symlink to a file elsewhere, or a dangling one.
    for name, make in (
        ("to a file", lambda link: (victim.write_text("victim\n"), link.symlink_to(victim))),
        ("dangling", lambda link: link.symlink_to(outside / "absent.yaml")),
    ):
        for command in ("new-pack", "import-gift", "generate -o"):
            link = work / f"link-{command.replace(' ', '')}-{name.replace(' ', '-')}.yaml"
            if not link.is_symlink():
                make(link)
            argv = {
                "new-pack": ("new-pack", str(link)),
                "import-gift": ("import-gift", gift, "-o", str(link)),
                "generate -o": ("generate", "--seed", "1", "--format", "markdown", "-o", str(link)),
            }[command]
            check = (
                _untouched("outside/victim.yaml")
                if name == "to a file"
                else _not_created("outside/absent.yaml")
            )
            cases.append(
                Case(
                    f"write {command} onto a symlink {name}",
                    "write",
                    (d, str(work / "data-write"), *argv),
                    1,
                    check=check,
                )
            )
    # packs add where the installed file is a symlink pointing out of the data folder.
    data = work / "data-link"
    (data / "packs").mkdir(parents=True, exist_ok=True)
    target = outside / "installed.yaml"
    target.write_text("victim\n")
    link = data / "packs" / f"{STARTER_ID}.yaml"
    if not link.is_symlink():
        link.symlink_to(target)
    pack = work / "pack-plain.yaml"
    pack.write_text(hostile_pack("plain"), encoding="utf-8")
    cases.append(
        Case(
            "write packs add over a symlink out of the data folder",
            "write",
            (d, str(data), "packs", "add", str(pack), "--replace"),
            1,
            check=_untouched("outside/installed.yaml"),
        )
    )
    # The packs folder is a file: said so ("File exists" before).
    packs_file = work / "data-packs-file"
    packs_file.mkdir(exist_ok=True)
    (packs_file / "packs").write_text("not a folder\n", encoding="utf-8")
    cases.append(
        Case(
            "write packs add, the packs folder a file",
            "write",
            (d, str(packs_file), "packs", "add", str(pack)),
            1,
            check=_says("packs is not a folder"),
        )
    )
    # packs add over an installed pack of the same id.
    data = "data-replace"
    changed = work / "pack-changed.yaml"
    changed.write_text(hostile_pack("changed"), encoding="utf-8")
    run = (d, str(work / data))
    cases += [
        Case("write packs add first", "write", (*run, "packs", "add", str(pack)), 0, data=data),
        Case(
            "write play a coded round",
            "write",
            (*run, "play", "--plain", "--pack", STARTER_ID, "--seed", "5", "--count", "2"),
            0,
            stdin="skip\nskip\n",
            data=data,
            needs=("write packs add first",),
        ),
        Case(
            "write packs add same id asks for --replace",
            "write",
            (*run, "packs", "add", str(changed)),
            1,
            data=data,
            needs=("write play a coded round",),
            check=_says("--replace"),
        ),
        Case(
            "write packs add --replace names lost codes",
            "write",
            (*run, "packs", "add", str(changed), "--replace"),
            0,
            data=data,
            needs=("write packs add same id asks for --replace",),
            check=_says("code"),
        ),
    ]
    return cases
