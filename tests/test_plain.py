"""Plain mode: the answer grammar of PRODUCT.md, and `play --plain` driven through stdin."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ali_quiz.i18n import Translator
from ali_quiz.quiz.answers import (
    AnswerError,
    ask_hint,
    command_of,
    estimate_answer_text,
    parse_choice,
    parse_estimate,
    parse_match,
    parse_order,
    parse_text,
)
from ali_quiz.quiz.kinds import (
    ChoiceQuestion,
    Entry,
    EstimateQuestion,
    MatchQuestion,
    OrderQuestion,
)

EN = Translator("en")


def entries(*texts: str, prefix: str = "i") -> tuple[Entry, ...]:
    return tuple(Entry(id=f"{prefix}{n}", text=text) for n, text in enumerate(texts))


CHOICE = ChoiceQuestion(
    id="c", prompt="?", facts=(), explanation="", options=entries("x", "y", "z"), answer="i1"
)
ORDER = OrderQuestion(
    id="o",
    prompt="?",
    facts=(),
    explanation="",
    items=entries("a", "b", "c", "d"),
    answer=("i2", "i0", "i3", "i1"),
)
MATCH = MatchQuestion(
    id="m",
    prompt="?",
    facts=(),
    explanation="",
    left=entries("l1", "l2", "l3", prefix="L"),
    right=entries("r1", "r2", "r3", "r4", prefix="R"),
    answer=(("L0", "R2"), ("L1", "R0"), ("L2", "R1")),
)
ESTIMATE = EstimateQuestion(
    id="e", prompt="?", facts=(), explanation="", unit="人", answer=76102000, written="7610.2萬"
)
PERCENT = EstimateQuestion(
    id="p", prompt="?", facts=(), explanation="", unit="%", answer=6, written="6%"
)


def error_key(call: Any, *args: Any) -> str:
    with pytest.raises(AnswerError) as caught:
        call(*args)
    return caught.value.key


# --- The grammar ------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["B", "b", " b ", "Ｂ", "b,", "b\n"])
def test_choice_takes_one_offered_letter_in_any_form(line: str) -> None:
    assert parse_choice(CHOICE, line) == "i1"


@pytest.mark.parametrize(
    ("line", "key"),
    [("", "answer.empty"), ("D", "answer.not_offered"), ("AB", "answer.choice.one"),
     ("1", "answer.not_offered")],
)  # fmt: skip
def test_choice_refuses_what_is_not_one_offered_letter(line: str, key: str) -> None:
    assert error_key(parse_choice, CHOICE, line) == key


@pytest.mark.parametrize("line", ["CADB", "cadb", "C A D B", "C,A,D,B", "ＣＡＤＢ", "c、a、d、b"])
def test_order_reads_every_letter_once_earliest_first(line: str) -> None:
    assert parse_order(ORDER, line) == ["i2", "i0", "i3", "i1"]


@pytest.mark.parametrize(
    ("line", "key"),
    [("CAD", "answer.order.missing"), ("CADBA", "answer.order.repeated"),
     ("CADE", "answer.not_offered"), ("C1DB", "answer.order.bad"), ("", "answer.empty")],
)  # fmt: skip
def test_order_refuses_missing_repeated_or_unknown_letters(line: str, key: str) -> None:
    assert error_key(parse_order, ORDER, line) == key


@pytest.mark.parametrize("line", ["1C 2A 3B", "1c2a3b", "3b 1c 2a", "１Ｃ ２Ａ ３Ｂ", "1C, 2A, 3B"])
def test_match_reads_each_number_with_a_letter(line: str) -> None:
    assert parse_match(MATCH, line) == {"L0": "R2", "L1": "R0", "L2": "R1"}


@pytest.mark.parametrize(
    ("line", "key"),
    [("1C 2A", "answer.match.number_missing"), ("1C 1A 2B 3D", "answer.match.number_repeated"),
     ("1C 2C 3B", "answer.match.letter_reused"), ("1C 2A 4B", "answer.match.number_not_offered"),
     ("1C 2A 3E", "answer.not_offered"), ("C1 A2 B3", "answer.match.bad"),
     ("1C 2A 3", "answer.match.bad")],
)  # fmt: skip
def test_match_refuses_missing_repeated_or_reused(line: str, key: str) -> None:
    assert error_key(parse_match, MATCH, line) == key


@pytest.mark.parametrize(
    ("line", "value"),
    [("7610.2萬", 76102000), ("76,102,000", 76102000), ("76.1M", 76100000),
     ("２億", 200000000), ("2e8", 200000000), ("200 million", 200000000)],
)  # fmt: skip
def test_estimate_reads_numbers_as_people_write_them(line: str, value: int) -> None:
    assert parse_estimate(ESTIMATE, line) == value


def test_estimate_percentages_only_where_the_unit_is_percent() -> None:
    assert parse_estimate(PERCENT, "6%") == 6
    assert parse_estimate(PERCENT, "6") == 6
    assert parse_estimate(PERCENT, "6 percent") == 6
    assert parse_estimate(PERCENT, "6 per cent") == 6
    assert error_key(parse_estimate, ESTIMATE, "6%") == "answer.estimate.percent"
    assert error_key(parse_estimate, ESTIMATE, "6 percent") == "answer.estimate.percent"


def test_a_percentage_question_asks_for_a_percentage() -> None:
    assert "a bare number is in %" in ask_hint(PERCENT, EN)
    assert "百分比" in ask_hint(PERCENT, Translator("zh-Hant"))


def metres_or_accounts(unit: str) -> EstimateQuestion:
    return EstimateQuestion(
        id="u", prompt="?", facts=(), explanation="", unit=unit, answer=828, written="828"
    )


@pytest.mark.parametrize("line", ["800", "800 m", "800m", "800 M", " 800 m "])
def test_estimate_in_metres_reads_m_as_the_unit_not_million(line: str) -> None:
    # A teacher's pack asks a height in m: "800 m" is 800 metres (it was read as 800 million).
    assert parse_estimate(metres_or_accounts("m"), line) == 800


def test_estimate_m_is_still_million_where_the_unit_is_another() -> None:
    assert parse_estimate(metres_or_accounts("people"), "76.1M people") == 76_100_000
    assert parse_estimate(ESTIMATE, "76.1m") == 76_100_000


@pytest.mark.parametrize("line", ["11.5億", "11.5億賬戶", "11.5億個", "11.5億個賬戶", "11.5億 个"])
def test_estimate_takes_the_classifier_a_prompt_asking_how_many_invites(line: str) -> None:
    # 「…達到了多少個?」 with the unit 賬戶: 11.5億個 is the natural answer.
    assert parse_estimate(metres_or_accounts("賬戶"), line) == 1_150_000_000


def test_estimate_unreadable_says_why() -> None:
    with pytest.raises(AnswerError) as caught:
        parse_estimate(ESTIMATE, "lots")
    assert "lots" in caught.value.message(EN)


def test_text_answers_must_not_be_empty() -> None:
    assert parse_text("  無招 ") == "無招"
    assert error_key(parse_text, "   ") == "answer.empty"


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("skip", "skip"),
        ("?", "skip"),
        ("SKIP", "skip"),
        ("ｓｋｉｐ", "skip"),
        ("quit", "quit"),
        ("B", None),
    ],
)
def test_skip_and_quit_words(line: str, command: str | None) -> None:
    assert command_of(line) == command


def test_estimate_answers_show_written_and_plain_forms() -> None:
    assert estimate_answer_text(ESTIMATE) == "7610.2萬 = 76,102,000 人"
    assert estimate_answer_text(PERCENT) == "6%"


# --- `ali-quiz play --plain` through stdin ------------------------------------------------

LETTERS = "ABCDEFGHIJ"


def run_cli(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "ALI_QUIZ_HOME"}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "ali_quiz", "--data-dir", str(tmp_path / "data"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def generated(tmp_path: Path, *args: str) -> list[dict[str, Any]]:
    result = run_cli(tmp_path, "generate", *args)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def share_points(share: float, max_points: int) -> int:
    return math.floor(max_points * share + 0.5 + 1e-9)


def answer_for(question: dict[str, Any], right: bool) -> tuple[str, int]:
    """An answer line in plain grammar, from the JSON alone, and the points it must score."""
    kind, top = question["kind"], question["max_points"]
    if kind == "choice":
        ids = [o["id"] for o in question["options"]]
        index = ids.index(question["answer"])
        if right:
            return LETTERS[index], top
        return LETTERS[(index + 1) % len(ids)], 0
    if kind == "order":
        ids = [i["id"] for i in question["items"]]
        wanted = question["answer"] if right else list(reversed(question["answer"]))
        # Reversed: every pair is the wrong way round.
        return "".join(LETTERS[ids.index(i)] for i in wanted), top if right else 0
    if kind == "match":
        left = [i["id"] for i in question["left"]]
        right_ids = [i["id"] for i in question["right"]]
        answer = question["answer"]
        targets = [answer[item] for item in left]
        if not right:
            targets = targets[1:] + targets[:1]  # every left item gets another's partner
        line = " ".join(f"{n + 1}{LETTERS[right_ids.index(t)]}" for n, t in enumerate(targets))
        return line, top if right else 0
    if kind == "estimate":
        value = question["answer"]
        if right:
            return str(value), top
        guess = value * 1.5
        tolerance = math.log(1 + question["tolerance"])
        error = math.log(1.5)
        return repr(guess), share_points((math.log(2) - error) / (math.log(2) - tolerance), top)
    if kind == "text":
        return (question["accepted"][0], top) if right else ("no such answer", 0)
    raise AssertionError(kind)


def test_plain_round_scores_exactly_as_generate_predicts(tmp_path: Path) -> None:
    """Answers worked out from `generate --format json` alone; half right, half wrong."""
    questions = generated(tmp_path, "--seed", "3", "--count", "5")
    assert len(questions) == 5
    lines, expected = [], 0
    for number, question in enumerate(questions):
        line, points = answer_for(question, right=number % 2 == 0)
        lines.append(line)
        expected += points
    result = run_cli(
        tmp_path, "play", "--plain", "--seed", "3", "--count", "5", stdin="\n".join(lines) + "\n"
    )
    assert result.returncode == 0, result.stderr
    total = sum(q["max_points"] for q in questions)
    assert result.stdout.splitlines()[-1] == f"Score: {expected}/{total}"
    for question in questions:
        assert question["prompt"] in result.stdout


@pytest.mark.parametrize("mode", ["order", "match", "estimate", "choice", "quick"])
def test_every_kind_all_right_gives_full_marks(tmp_path: Path, mode: str) -> None:
    questions = generated(tmp_path, "--mode", mode, "--seed", "11", "--count", "4")
    lines = [answer_for(q, right=True)[0] for q in questions]
    result = run_cli(
        tmp_path, "play", "--plain", "--mode", mode, "--seed", "11", "--count", "4",
        stdin="\n".join(lines) + "\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    total = sum(q["max_points"] for q in questions)
    assert result.stdout.splitlines()[-1] == f"Score: {total}/{total}"


def test_malformed_lines_are_asked_again_with_a_message(tmp_path: Path) -> None:
    questions = generated(tmp_path, "--mode", "order", "--seed", "5", "--count", "1")
    line, points = answer_for(questions[0], right=True)
    stdin = f"{line[0]}\n{line[0] * len(line)}\nZZZ\n{line}\n"
    result = run_cli(
        tmp_path, "play", "--plain", "--mode", "order", "--seed", "5", "--count", "1", stdin=stdin
    )
    assert result.returncode == 0, result.stderr
    assert "missing: use every letter once" in result.stdout
    assert "appears twice" in result.stdout
    assert "is not offered" in result.stdout
    assert result.stdout.count("> ") == 4  # asked again after each malformed line
    assert result.stdout.splitlines()[-1] == f"Score: {points}/100"


def test_skip_question_mark_and_end_of_input(tmp_path: Path) -> None:
    questions = generated(tmp_path, "--seed", "8", "--count", "4")
    right = answer_for(questions[2], right=True)
    result = run_cli(
        tmp_path, "play", "--plain", "--seed", "8", "--count", "4",
        stdin=f"skip\n?\n{right[0]}\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("Skipped. 0/") == 2
    assert "Round ended after 3 of 4 questions." in result.stdout
    total = sum(q["max_points"] for q in questions)
    assert result.stdout.splitlines()[-1] == f"Score: {right[1]}/{total}"


def test_quit_keeps_what_was_answered_and_the_history_has_it(tmp_path: Path) -> None:
    questions = generated(tmp_path, "--seed", "9", "--count", "3")
    first = answer_for(questions[0], right=True)
    result = run_cli(
        tmp_path, "play", "--plain", "--seed", "9", "--count", "3", "--player", "kim",
        stdin=f"{first[0]}\nquit\nnever read\n",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Round ended after 1 of 3 questions." in result.stdout
    history = run_cli(tmp_path, "history", "--json")
    assert history.returncode == 0, history.stderr
    rounds = json.loads(history.stdout)
    assert len(rounds) == 1
    saved = rounds[0]
    assert saved["player"] == "kim"
    assert saved["finished"] is False
    assert [a["question_id"] for a in saved["answers"]] == [questions[0]["id"]]
    assert saved["answers"][0]["points"] == first[1]


def test_a_finished_plain_round_is_recorded_finished(tmp_path: Path) -> None:
    questions = generated(tmp_path, "--mode", "choice", "--seed", "2", "--count", "2")
    lines = [answer_for(q, right=True)[0] for q in questions]
    run_cli(
        tmp_path, "play", "--plain", "--mode", "choice", "--seed", "2", "--count", "2",
        stdin="\n".join(lines) + "\n",
    )  # fmt: skip
    rounds = json.loads(run_cli(tmp_path, "history", "--json").stdout)
    assert rounds[0]["finished"] is True
    assert rounds[0]["score"] == 200
    assert rounds[0]["code"]  # a seeded choice round has a round code


def test_chinese_interface_in_plain_mode(tmp_path: Path) -> None:
    result = run_cli(
        tmp_path, "play", "--plain", "--seed", "3", "--count", "1", "--lang", "zh-Hant", stdin=""
    )
    assert result.returncode == 0, result.stderr
    assert "第 1/1 題" in result.stdout
    # The score is said in Chinese too; the last line keeps the form scripts read.
    assert result.stdout.splitlines()[-2:] == ["得分：0/100", "Score: 0/100"]


def test_a_code_plays_the_same_round_as_the_seed(tmp_path: Path) -> None:
    questions = generated(tmp_path, "--mode", "match", "--seed", "4", "--count", "2")
    played = run_cli(
        tmp_path, "play", "--plain", "--mode", "match", "--seed", "4", "--count", "2", stdin=""
    )
    code_line = next(line for line in played.stdout.splitlines() if line.startswith("Round code"))
    code = code_line.split(":", 1)[1].strip()
    lines = [answer_for(q, right=True)[0] for q in questions]
    result = run_cli(tmp_path, "play", "--plain", "--code", code, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "Score: 200/200"


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["--pack", "no-such-pack"], 1),
        (["--code", "0000-0000-0000"], 1),
        (["--mode", "review"], 1),
        (["--mode", "daily", "--seed", "3"], 2),
        (["--count", "0"], 2),
        (["--date", "yesterday"], 2),
    ],
)
def test_bad_options_exit_with_the_contract_status(
    tmp_path: Path, args: list[str], status: int
) -> None:
    result = run_cli(tmp_path, "play", "--plain", *args, stdin="")
    assert result.returncode == status
    assert result.stderr.strip()
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_plain_mode_never_imports_textual(tmp_path: Path) -> None:
    """Plain mode is for pipes and screen readers: it must not pay for the TUI."""
    code = (
        "import io, sys\n"
        "sys.stdin = io.StringIO('quit\\n')\n"
        "from ali_quiz.cli import main\n"
        f"status = main(['--data-dir', {str(tmp_path / 'data')!r}, 'play', '--plain',"
        " '--seed', '1', '--count', '2'])\n"
        "assert status == 0, status\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "assert not loaded, loaded\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "ALI_QUIZ_HOME"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_the_header_counts_one_question_in_the_singular(tmp_path: Path) -> None:
    one = run_cli(tmp_path, "play", "--plain", "--seed", "3", "--count", "1", "--lang", "en")
    assert " · 1 question" in one.stdout.splitlines()[0]
    assert "1 questions" not in one.stdout
    two = run_cli(tmp_path, "play", "--plain", "--seed", "3", "--count", "2", "--lang", "en")
    assert two.stdout.splitlines()[0].endswith(" · 2 questions")
