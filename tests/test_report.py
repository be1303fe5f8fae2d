"""The class report: a ten-student class with every kind of file a teacher gets back."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from ali_quiz.history.export import to_json
from ali_quiz.history.records import AnswerRecord, RoundStart
from ali_quiz.history.store import HistoryStore
from ali_quiz.packs.loader import load_pack
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.grading import grade
from ali_quiz.quiz.kinds import MatchQuestion, OrderQuestion, Question
from ali_quiz.teach.report import BUCKETS, Report, build_report, report_json
from ali_quiz.teach.report_output import format_report, report_csv
from conftest import QUESTIONS

OLD_FIXTURES = Path(__file__).parent / "fixtures" / "report"
SEED = 4242
START = datetime(2020, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(QUESTIONS / "dingtalk-2020.yaml")


@pytest.fixture(scope="module")
def questions(pack: Pack) -> list[Question]:
    return generate_round(pack, "quick", 10, SEED)


def _wrong_response(question: Question) -> Any:
    """A response worth nothing (or little): the answer turned around."""
    answer = question.answer_json()
    if isinstance(answer, list):
        return list(reversed(answer))
    if isinstance(answer, dict):
        values = list(answer.values())
        return dict(zip(answer, values[1:] + values[:1], strict=True))
    if isinstance(answer, int | float):
        return answer * 100
    return "nothing like it"


def _play(
    tmp: Path,
    pack: Pack,
    questions: list[Question],
    player: str,
    rounds: list[tuple[list[bool | None], bool]],
) -> Path:
    """A student's `history --json` export: each round a list of right/wrong/skipped answers."""
    data_dir = tmp / f"home-{player}"
    data_dir.mkdir()
    opened = HistoryStore.open(data_dir)
    assert opened.store is not None
    with opened.store as store:
        for number, (answers, finished) in enumerate(rounds):
            started = START + timedelta(hours=number)
            round_id = store.start_round(
                RoundStart(
                    player=player,
                    pack=pack.id,
                    pack_hash=pack.content_hash,
                    mode="quick",
                    count=10,
                    seed=SEED,
                    code=None,
                    date="2020-03-02",
                    ui_language="en",
                    started_at=started,
                ),  # fmt: skip
                questions=10,
            )
            for position, (question, right) in enumerate(
                zip(questions, answers, strict=False), start=1
            ):
                response = (
                    None
                    if right is None
                    else question.answer_json()
                    if right
                    else _wrong_response(question)
                )
                store.record_answer(round_id, AnswerRecord(
                    position=position, question_id=question.id, kind=question.kind,
                    facts=question.facts, prompt=question.prompt, response=response,
                    answer=question.answer_json(), points=grade(question, response),
                    max_points=question.max_points, skipped=response is None, seconds=6.0,
                    answered_at=started + timedelta(seconds=10 * position),
                ))  # fmt: skip
            if finished:
                store.finish_round(round_id, started + timedelta(minutes=5))
        path = tmp / f"{player}.json"
        path.write_text(to_json([r.to_json() for r in store.rounds()]), encoding="utf-8")
    return path


ALL = [True] * 10


@pytest.fixture(scope="module")
def class_files(
    tmp_path_factory: pytest.TempPathFactory, pack: Pack, questions: list[Question]
) -> list[Path]:
    tmp = tmp_path_factory.mktemp("class")
    play = lambda name, rounds: _play(tmp, pack, questions, name, rounds)  # noqa: E731
    files = [
        play("Ann", [(ALL, True)]),
        play("Ben", [([True, False] * 5, True)]),
        play("Cai", [([True] * 5, False)]),  # stopped after 5 of 10
        play("Dee", [([False] * 10, True), (ALL, True)]),  # retried: 2 attempts
        play("Eve", [([True, None] * 5, True)]),  # skipped every other question
        play("Fay", [([False] * 10, True)]),
        play("Gus", [([True] * 8 + [False] * 2, True)]),
        play("Hal", [([False] * 10, True)]),  # forged below
        play("Ivy", [([True, True, False] * 3 + [True], True)]),
    ]
    forged = json.loads(files[7].read_text(encoding="utf-8"))
    for answer in forged[0]["answers"]:
        answer["points"] = answer["max_points"]
    forged[0]["score"] = forged[0]["max_score"]
    files[7].write_text(json.dumps(forged, ensure_ascii=False), encoding="utf-8")
    copy = tmp / "Ann-again.json"
    copy.write_bytes(files[0].read_bytes())  # a duplicate
    broken = tmp / "Jo.json"
    broken.write_text('[{"id": 1, "player": "Jo", ', encoding="utf-8")  # cut short
    return [*files, copy, broken]


def _finder(pack: Pack) -> Callable[[str, str], Pack | None]:
    return lambda pack_id, pack_hash: (
        pack if (pack_id, pack_hash) == (pack.id, pack.content_hash) else None
    )


@pytest.fixture(scope="module")
def report(class_files: list[Path], pack: Pack) -> Report:
    return build_report(class_files, find_pack=_finder(pack))


def _score(questions: list[Question], answers: list[bool | None]) -> int:
    return sum(
        grade(q, None if a is None else q.answer_json() if a else _wrong_response(q))
        for q, a in zip(questions, answers, strict=False)
    )


def test_gradebook_rows(report: Report, questions: list[Question]) -> None:
    total = sum(q.max_points for q in questions)
    rows = {s.player: s for s in report.students}
    assert list(rows) == ["Ann", "Ben", "Cai", "Dee", "Eve", "Fay", "Gus", "Hal", "Ivy"]
    ann, cai, dee, hal = rows["Ann"], rows["Cai"], rows["Dee"], rows["Hal"]
    assert (ann.score, ann.max_score, ann.percent, ann.answered, ann.count) == (
        total,
        total,
        100.0,
        10,
        10,
    )
    # Stopped after 5 of 10: the percent is of the whole round, never perfect.
    assert (cai.score, cai.max_score, cai.answered, cai.finished) == (
        _score(questions, [True] * 5),
        total,
        5,
        False,
    )
    assert cai.percent == round(100 * cai.score / total, 1) <= 50
    # Retried: two attempts, the best counts by default.
    assert (dee.attempts, dee.score) == (2, total)
    # Forged: the points written in the file are not believed.
    assert hal.score == _score(questions, [False] * 10) < total
    assert rows["Eve"].answered == 10 and rows["Eve"].seconds == 60.0
    assert all(s.attempts == 1 for s in report.students if s.player != "Dee")


def test_problems_name_the_forged_duplicate_and_broken_files(report: Report) -> None:
    problems = {Path(p.name).name: p.reason for p in report.problems}
    assert set(problems) == {"Hal.json", "Ann-again.json", "Jo.json"}
    assert "disagree" in problems["Hal.json"] and "re-graded points count" in problems["Hal.json"]
    assert "duplicate of" in problems["Ann-again.json"]
    assert "not JSON" in problems["Jo.json"]


@pytest.mark.parametrize(("attempt", "expected"), [("first", 0), ("last", 1), ("best", 1)])
def test_attempt_choice(
    class_files: list[Path], pack: Pack, questions: list[Question], attempt: str, expected: int
) -> None:
    report = build_report(class_files, find_pack=_finder(pack), attempt=attempt)
    dee = next(s for s in report.students if s.player == "Dee")
    scores = [_score(questions, [False] * 10), _score(questions, ALL)]
    assert dee.score == scores[expected]


def test_class_figures(report: Report) -> None:
    assert report.round == ("quick", 10, SEED)
    assert report.finished == 8
    assert report.average_percent == pytest.approx(sum(s.percent for s in report.students) / 9)
    distribution = report.distribution
    assert list(distribution) == list(BUCKETS) and sum(distribution.values()) == 9
    assert distribution["90-100"] == 2  # Ann and Dee


def test_questions_graded_one_by_one(report: Report, questions: list[Question]) -> None:
    by_id = {q.question_id: q for q in report.questions}
    assert list(by_id) == [q.id for q in questions]
    first = by_id[questions[0].id]
    assert first.answered == 9 and first.skipped == 0
    second = by_id[questions[1].id]
    assert second.skipped == 1  # Eve
    sixth = by_id[questions[5].id]
    assert sixth.answered == 8  # Cai stopped after five


def test_facts_are_graded_pair_by_pair_and_item_by_item(pack: Pack, tmp_path: Path) -> None:
    """In a match each pair is its fact's answer; an order item is graded by its pairs."""
    match = next(q for s in range(50) for q in generate_round(pack, "match", 1, s)
                 if isinstance(q, MatchQuestion))  # fmt: skip
    order = next(q for s in range(50) for q in generate_round(pack, "order", 1, s)
                 if isinstance(q, OrderQuestion) and len(q.items) >= 4)  # fmt: skip
    key = match.answer_json()
    lefts = [e.id for e in match.left]
    # Only the first pair right: the others swapped among themselves.
    rest = [key[left] for left in lefts[1:]]
    response = {lefts[0]: key[lefts[0]], **dict(zip(lefts[1:], rest[1:] + rest[:1], strict=True))}
    entries = []
    for question, given in ((match, response), (order, [*order.answer[1:], order.answer[0]])):
        entries.append({
            "position": len(entries) + 1, "question_id": question.id, "kind": question.kind,
            "facts": list(question.facts), "prompt": question.prompt, "response": given,
            "answer": question.answer_json(), "points": grade(question, given),
            "max_points": question.max_points, "skipped": False, "seconds": 1.0,
        })  # fmt: skip
    history = [{
        "id": 1, "player": "P", "pack": pack.id, "pack_hash": pack.content_hash, "mode": "quick",
        "count": 2, "seed": 1, "code": None, "date": "2020-03-02", "ui_language": "en",
        "started_at": "2020-03-02T09:00:00+08:00", "finished_at": None, "finished": True,
        "score": 0, "max_score": 0, "answers": entries,
    }]  # fmt: skip
    path = tmp_path / "p.json"
    path.write_text(json.dumps(history), encoding="utf-8")
    report = build_report([path])  # no pack given: recorded points, facts from the answer key
    facts = {f.fact: f for f in report.facts}
    assert (facts[match.facts[0]].right, facts[match.facts[0]].wrong) == (1, 0)
    assert all(facts[f].wrong == 1 for f in match.facts[1:])
    # The first item went last: every pair of it is wrong; the others keep their pairs
    # among themselves right and lose only the one with the first item.
    assert set(order.answer) == set(order.facts)  # a generated order's items are its facts
    assert facts[order.answer[0]].wrong == 1
    assert all(facts[f].partial == 1 for f in order.answer[1:])


def test_json_shape(report: Report) -> None:
    data = report_json(report)
    assert list(data) == ["round", "class", "students", "questions", "facts", "problems"]
    assert list(data["round"]) == ["pack", "pack_hash", "mode", "count", "seed", "code"]
    assert list(data["class"]) == ["students", "finished", "average_percent", "distribution"]
    assert list(data["students"][0]) == [
        "player", "file", "score", "max_score", "percent", "answered", "count", "finished",
        "attempts", "seconds",
    ]  # fmt: skip
    assert list(data["questions"][0]) == [
        "question_id", "prompt", "answered", "right", "partial", "wrong", "skipped", "average",
    ]  # fmt: skip
    assert list(data["facts"][0]) == ["fact", "label", "answered", "right", "partial", "wrong"]
    assert list(data["problems"][0]) == ["file", "message"]
    json.dumps(data)


def test_csv_gradebook_opens_in_a_spreadsheet(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert [r["player"] for r in rows] == [s.player for s in report.students]
    assert rows[0]["percent"] == "100.0" and rows[2]["finished"] == "no"
    questions = list(csv.DictReader(io.StringIO(report_csv(report, "questions"))))
    assert len(questions) == 10
    facts = list(csv.DictReader(io.StringIO(report_csv(report, "facts"))))
    assert {"fact", "label", "right"} <= set(facts[0])


def test_text_report_wraps_instead_of_cutting(report: Report) -> None:
    text = format_report(report)
    assert "…" not in text
    for question in report.questions:
        for word in question.prompt.split()[-2:]:
            assert word[:10] in text
    assert "Students (percent of the whole round)" in text
    assert "Hal.json" in text


def test_files_without_the_pack_count_recorded_points() -> None:
    names = ["alice.json", "bob.json", "broken.json", "not-history.json", "alice-copy.json"]
    report = build_report([OLD_FIXTURES / n for n in names])
    assert not report.checked
    assert [s.player for s in report.students] == ["Alice", "Bob"]
    assert "not checked" in format_report(report)
    assert {Path(p.name).name for p in report.problems} == {
        "broken.json",
        "not-history.json",
        "alice-copy.json",
    }


def test_formula_cells_are_defused(tmp_path: Path) -> None:
    data = json.loads((OLD_FIXTURES / "alice.json").read_text(encoding="utf-8"))[:1]
    for entry in data:
        entry["player"] = "=HYPERLINK(1)"
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    rows = list(csv.reader(io.StringIO(report_csv(build_report([path])))))
    assert rows[1][0] == "'=HYPERLINK(1)"
    assert rows[1][2] == "400"


def test_cli_report_formats(cli: Callable[..., Any], class_files: list[Path]) -> None:
    names = [str(p) for p in class_files]
    text = cli("report", *names)
    assert text.status == 0 and "Students (percent of the whole round)" in text.out
    data = json.loads(cli("report", *names, "--json").out)
    assert data["class"]["students"] == 9
    assert data["round"]["seed"] == SEED
    assert any(p["file"].endswith("Hal.json") for p in data["problems"])  # the built-in pack
    gradebook = cli("report", *names, "--csv")
    assert gradebook.out.startswith("player,file,score,max_score,percent")
    facts = cli("report", *names, "--csv", "--table", "facts", "--attempt", "first")
    assert facts.out.startswith("fact,label,")
    assert cli("report").status == 2
    assert cli("report", "--json", "--csv", names[0]).status == 2


def test_cli_report_code_reads_this_machines_history(
    cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A class that played through `serve`: their rounds are in this machine's history."""
    monkeypatch.setattr("sys.stdin", io.StringIO("skip\n" * 9))
    played = cli("play", "--plain", "--count", "3", "--seed", "77", "--player", "Mo")
    code = next(
        line.split(":", 1)[1].strip() for line in played.out.splitlines() if "code" in line.lower()
    )
    for player in ("Ana", "Bo"):
        run = cli("play", "--code", code, "--plain", "--player", player)
        assert run.status == 0
    report = cli("report", "--code", code, "--json")
    assert report.status == 0, report.err
    data = json.loads(report.out)
    assert sorted(s["player"] for s in data["students"]) == ["Ana", "Bo", "Mo"]
    assert data["round"]["code"] == code
    assert cli("report", "--code", "0000-0000-0000").status == 1


def test_a_class_of_one_is_one_student(report: Report) -> None:
    from dataclasses import replace

    one = replace(report, students=report.students[:1])
    assert "Class: 1 student, " in format_report(one)  # was "1 students"
    assert f"Class: {len(report.students)} students, " in format_report(report)


def test_without_the_pack_the_round_is_as_long_as_the_history_recorded(tmp_path: Path) -> None:
    """A teacher's pack gives 4 of the 10 questions asked: 3 answered is 3 of 4, not of 10."""
    answers = [
        {"position": n, "question_id": f"q{n}", "kind": "choice", "facts": [], "prompt": "?",
         "response": "a", "answer": "a", "points": 100, "max_points": 100, "skipped": False,
         "seconds": 1.0}
        for n in (1, 2, 3)
    ]  # fmt: skip
    history = [{
        "id": 1, "player": "P", "pack": "teachers-own", "pack_hash": "x" * 64, "mode": "choice",
        "count": 10, "seed": 1, "code": None, "date": "2020-03-02", "ui_language": "en",
        "started_at": "2020-03-02T09:00:00+08:00", "finished_at": None, "finished": False,
        "score": 300, "max_score": 300, "questions": 4, "answers": answers,
    }]  # fmt: skip
    path = tmp_path / "p.json"
    path.write_text(json.dumps(history), encoding="utf-8")
    (student,) = build_report([path]).students
    assert (student.score, student.max_score, student.answered, student.count) == (300, 400, 3, 4)
    del history[0]["questions"]  # a file from before: the number asked, as before
    path.write_text(json.dumps(history), encoding="utf-8")
    (student,) = build_report([path]).students
    assert (student.max_score, student.count) == (1000, 10)


@pytest.mark.parametrize("seconds", [1e308, -5, True])
def test_impossible_answer_times_count_as_unknown(tmp_path: Path, seconds: object) -> None:
    """1e308 seconds on two answers added up to infinity: the text report crashed and the JSON
    said `Infinity`, which no JSON reader takes."""
    data = json.loads((OLD_FIXTURES / "alice.json").read_text(encoding="utf-8"))[:1]
    for answer in data[0]["answers"]:
        answer["seconds"] = seconds
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    report = build_report([path])
    assert [s.seconds for s in report.students] == [0]
    assert "0:00" in format_report(report)

    def refuse(constant: str) -> None:
        raise ValueError(constant)

    json.loads(json.dumps(report_json(report)), parse_constant=refuse)


def test_the_round_line_says_how_many_questions_the_round_held(
    cli: Callable[..., Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pack that gives 6 of the 8 asked: the report said "quick, 8 questions" above a table
    of 6 (play test H8)."""
    import io
    import sys

    starter = tmp_path / "starter.yaml"
    assert cli("new-pack", str(starter)).status == 0
    assert cli("packs", "add", str(starter)).status == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("quit\n"))
    assert cli("play", "--plain", "--pack", "starter", "--count", "40", "--seed", "2").status == 0
    handin = tmp_path / "me.json"
    handin.write_text(cli("history", "--json").out, encoding="utf-8")
    data = json.loads(handin.read_text(encoding="utf-8"))
    assert data[0]["count"] == 40
    text = cli("report", str(handin)).out
    line = next(line for line in text.splitlines() if line.startswith("Round: "))
    assert "(40 asked)" in line and "40 questions" not in line, line


def test_fact_names_read_as_the_play_screen_writes_them(tmp_path: Path) -> None:
    """The facts table named an English pack's facts `… (2018-12)` and `DingTalk 5.0
    「Bayan Har (巴顏喀拉)」`: dates are written as the play screen writes them, and an English
    release's codename is quoted as English quotes it."""
    english = load_pack(QUESTIONS / "dingtalk-2020-en.yaml")
    entries = []
    for seed in range(1, 30):
        for question in generate_round(english, "quick", 10, seed):
            entries.append({
                "position": len(entries) + 1, "question_id": question.id,
                "kind": question.kind, "facts": list(question.facts), "prompt": question.prompt,
                "response": question.answer_json(), "answer": question.answer_json(),
                "points": question.max_points, "max_points": question.max_points,
                "skipped": False, "seconds": 1.0,
            })  # fmt: skip
    history = [{
        "id": 1, "player": "P", "pack": english.id, "pack_hash": english.content_hash,
        "mode": "quick", "count": len(entries), "seed": 1, "code": None, "date": "2020-03-02",
        "ui_language": "en", "started_at": "2020-03-02T09:00:00+08:00", "finished_at": None,
        "finished": True, "score": 0, "max_score": 0, "answers": entries,
    }]  # fmt: skip
    path = tmp_path / "p.json"
    path.write_text(json.dumps(history), encoding="utf-8")
    labels = {f.fact: f.label for f in build_report([path], find_pack=_finder(english)).facts}
    assert labels["dingtalk-alipay"].endswith("(December 2018)")
    assert labels["dingtalk-5-0"] == "DingTalk 5.0 “Bayan Har (巴顏喀拉)” (25 February 2020)"
    for label in labels.values():
        assert "「" not in label and not re.search(r"\(\d{4}-\d\d", label), label
