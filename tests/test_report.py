"""The class report: fixture files computed by hand, problems by name, ten real histories."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from ali_quiz.history.export import to_json
from ali_quiz.history.records import AnswerRecord, RoundStart
from ali_quiz.history.store import HistoryStore
from ali_quiz.packs.loader import load_pack
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.grading import grade
from ali_quiz.teach.report import (
    BUCKETS,
    CSV_COLUMNS,
    ItemStats,
    Report,
    build_report,
    format_report,
    report_csv,
    spread,
)
from ali_quiz.textwidth import width

FIXTURES = Path(__file__).parent / "fixtures" / "report"
#: In the order a teacher might pass them.
CLASS_FILES = [
    "alice.json",
    "bob-before-finishing.json",
    "bob.json",
    "carol.json",
    "dan.json",
    "erin.json",
    "alice-copy.json",
    "frank-old-version.json",
    "gina-other-pack.json",
    "broken.json",
    "hank-wrong-shape.json",
    "not-history.json",
]


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report([FIXTURES / name for name in CLASS_FILES])


def _names(problems: Any) -> list[str]:
    return [Path(p.name).name for p in problems]


def _by_id(items: tuple[ItemStats, ...]) -> dict[str, ItemStats]:
    return {s.id: s for s in items}


def test_the_class_round_is_found(report: Report) -> None:
    assert report.pack == "dingtalk-2020"
    assert report.pack_hash is not None and report.pack_hash.startswith("3f2a9c1b")
    assert report.round == ("quick", 4, 1234)
    assert report.code == "0AZC-PQ20-C1SQ"
    assert [(Path(s.name).name, s.player) for s in report.students] == [
        ("alice.json", "Alice"),
        ("bob.json", "Bob"),
        ("carol.json", "陳小美"),
        ("dan.json", "Dan"),
    ]
    assert [(s.score, s.max_score, s.answered, s.finished) for s in report.students] == [
        (400, 400, 4, True),
        (212, 400, 4, True),
        (133, 200, 2, False),
        (200, 400, 4, True),  # Dan's first finished attempt, not his later perfect one
    ]


def test_problem_files_are_named_not_mixed_in(report: Report) -> None:
    assert _names(report.malformed) == ["broken.json", "hank-wrong-shape.json", "not-history.json"]
    reasons = [p.reason for p in report.malformed]
    assert reasons[0].startswith("is not JSON: line 28, column 17")
    assert reasons[1] == "is not a `history --json` file: [0].answers[2]: `points` is missing"
    assert "expected a list of rounds" in reasons[2] and "found an object" in reasons[2]
    assert _names(report.duplicates) == ["bob-before-finishing.json", "alice-copy.json"]
    assert "duplicate of" in report.duplicates[0].reason
    assert report.duplicates[0].reason.endswith("bob.json (the same rounds)")
    assert report.duplicates[1].reason.endswith("alice.json (the same content)")
    assert _names(report.other_version) == ["frank-old-version.json"]
    assert "another version" in report.other_version[0].reason
    assert _names(report.other_pack) == ["gina-other-pack.json"]
    assert "my-class" in report.other_pack[0].reason


def test_not_finished(report: Report) -> None:
    assert [(n.player, n.reason) for n in report.not_finished] == [
        ("陳小美", "stopped after 2 of 4 questions (2020-03-02)"),
        ("Erin", "has not played the class round"),
    ]


def test_per_question_figures_computed_by_hand(report: Report) -> None:
    stats = report.questions
    assert [s.id for s in stats] == [
        "choice-when-1a", "order-timeline-2b", "estimate-figure-3c", "q-5-0-codename",
    ]  # fmt: skip
    got = [(s.students, s.right, s.partial, s.wrong, s.skipped) for s in stats]
    assert got == [(4, 3, 0, 1, 0), (4, 2, 2, 0, 0), (3, 1, 1, 1, 1), (3, 2, 0, 1, 0)]
    assert [s.average for s in stats] == pytest.approx([75, 75, 145 / 3, 200 / 3])
    assert stats[1].buckets == (0, 1, 0, 1, 0, 2)  # 33, 67, 100, 100
    assert stats[2].buckets == (1, 0, 1, 0, 0, 1)  # 0, 45, 100
    assert stats[0].label == "釘釘測試版是何時上線的?"
    assert stats[0].kind == "choice"


def test_per_fact_figures_computed_by_hand(report: Report) -> None:
    facts = _by_id(report.facts)
    # dingtalk-5-0 is tested by the order (alice 100, bob 67, carol 33, dan 100) and the text
    # question (alice 100, bob 100, dan 0): per student 100, 83.5, 33, 50.
    five = facts["dingtalk-5-0"]
    assert (five.questions, five.students, five.right, five.partial, five.wrong) == (2, 4, 1, 3, 0)
    assert five.average == pytest.approx((100 + 83.5 + 33 + 50) / 4)
    assert five.buckets == (0, 1, 1, 0, 1, 1)
    beta = facts["dingtalk-beta"]  # choice and order: 100, 33.5, 66.5, 100
    assert (beta.right, beta.partial, beta.wrong) == (2, 2, 0)
    assert beta.average == pytest.approx(75)
    assert beta.kind == "choice, order"
    # Weakest first, ties by id.
    assert [s.id for s in report.facts] == [
        "dingtalk-mau-2020-01", "dingtalk-5-0", "dingtalk-beta", "dingtalk-official-release",
    ]  # fmt: skip


def test_fact_labels_are_used() -> None:
    labelled = build_report([FIXTURES / "alice.json"], fact_labels={"dingtalk-beta": "釘釘測試版"})
    assert "釘釘測試版" in {s.label for s in labelled.facts}


def test_text_report_is_aligned_and_complete(report: Report) -> None:
    text = format_report(report)
    assert "Round: quick, 4 questions, seed 1234 (code 0AZC-PQ20-C1SQ)" in text
    for name in ["broken.json", "hank-wrong-shape.json", "alice-copy.json", "frank-old-version",
                 "gina-other-pack.json", "bob-before-finishing.json"]:  # fmt: skip
        assert name in text
    assert "陳小美 (carol.json): stopped after 2 of 4 questions" in text
    # Every row of the questions table ends at the same column, CJK prompts included.
    lines = text.splitlines()
    start = lines.index("Questions (in the order of the round)")
    rows = lines[start + 1 : start + 7]
    assert len({width(row) for row in rows}) == 1, rows
    assert "75%" in rows[2]


def test_csv(report: Report) -> None:
    rows = list(csv.reader(io.StringIO(report_csv(report))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 1 + len(report.questions) + len(report.facts)
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["section"] == "question"
    assert first["id"] == "choice-when-1a"
    assert (first["right"], first["wrong"], first["average"]) == ("3", "1", "75.0")
    assert first["students_100"] == "3"
    estimate = dict(zip(rows[0], rows[3], strict=True))
    assert (estimate["skipped"], estimate["average"]) == ("1", "48.3")


def test_spread() -> None:
    assert spread((0, 0, 0, 0, 0, 4)) == "·····█"
    assert spread((1, 0, 0, 0, 0, 3)) == "▂····▆"
    assert spread((0,) * len(BUCKETS)) == "······"


def test_nothing_usable(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    latin = tmp_path / "latin.json"
    latin.write_bytes(b"\xff\xfe[")
    report = build_report([FIXTURES / "broken.json", empty, latin, tmp_path / "missing.json"])
    assert not report.usable
    assert [p.reason.split(":")[0] for p in report.malformed] == [
        "is not JSON",
        "is not a `history --json` file",
        "is not UTF-8 text (byte 1); export it again",
        "cannot be read",
    ]
    assert "no student file could be used" in format_report(report)


def _round(player: str, seed: int, points: list[int], *, started: str) -> dict[str, Any]:
    answers = [
        {"position": n, "question_id": f"q{n}", "kind": "choice", "facts": [f"f{n}"],
         "prompt": f"Q{n}?", "response": "a", "answer": "a", "points": p, "max_points": 100,
         "skipped": False, "seconds": 1.0}
        for n, p in enumerate(points, start=1)
    ]  # fmt: skip
    return {
        "id": 1, "player": player, "pack": "p", "pack_hash": "ab" * 32, "mode": "quick",
        "count": 3, "seed": seed, "code": None, "date": started[:10], "ui_language": "en",
        "started_at": started, "finished_at": started, "finished": True,
        "score": sum(points), "max_score": 300, "answers": answers,
    }  # fmt: skip


def test_without_a_shared_round_every_round_counts_first_answers_first(tmp_path: Path) -> None:
    files = []
    for n, (player, seeds) in enumerate([("A", (1, 2)), ("B", (3,)), ("C", (4,))]):
        rounds = [
            _round(
                player, seed, [100 * (k % 2), 100, 0], started=f"2020-03-0{k + 1}T09:00:00+00:00"
            )
            for k, seed in enumerate(seeds)
        ]
        rounds[-1]["finished"] = n != 2
        path = tmp_path / f"{player}.json"
        path.write_text(json.dumps(rounds), encoding="utf-8")
        files.append(path)
    report = build_report(files)
    assert report.round is None
    q1 = _by_id(report.questions)["q1"]
    assert (q1.students, q1.right, q1.wrong) == (3, 0, 3)  # A's first answer (0), not the later 100
    assert [n.player for n in report.not_finished] == ["C"]
    assert "no round shared" in format_report(report)


def test_ten_students_from_real_histories(tmp_path: Path) -> None:
    """Ten students play the same round into their own history; the report merges the exports."""
    pack = load_pack(Path(__file__).parent.parent / "questions" / "dingtalk-2020.yaml")
    questions = generate_round(pack, "quick", 10, 4242)
    start = datetime(2020, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    files = []
    expected_right = {q.id: 0 for q in questions}
    for student in range(10):
        data_dir = tmp_path / f"student{student}"
        data_dir.mkdir()
        opened = HistoryStore.open(data_dir)
        assert opened.store is not None
        with opened.store as store:
            round_id = store.start_round(
                RoundStart(
                    player=f"學生{student}",
                    pack=pack.id,
                    pack_hash=pack.content_hash,
                    mode="quick",
                    count=10,
                    seed=4242,
                    code=None,
                    date="2020-03-02",
                    ui_language="zh-Hant",
                    started_at=start,
                ),  # fmt: skip
                questions=10,
            )
            answered = questions if student != 9 else questions[:5]  # the last one stops
            for position, question in enumerate(answered, start=1):
                right = (student + position) % 3 != 0
                response = question.answer_json() if right else None
                points = grade(question, response)
                expected_right[question.id] += points == question.max_points
                store.record_answer(round_id, AnswerRecord(
                    position=position, question_id=question.id, kind=question.kind,
                    facts=question.facts, prompt=question.prompt, response=response,
                    answer=question.answer_json(), points=points, max_points=question.max_points,
                    skipped=response is None, seconds=3.0,
                    answered_at=start + timedelta(seconds=10 * position),
                ))  # fmt: skip
            if student != 9:
                store.finish_round(round_id, start + timedelta(minutes=5))
            path = tmp_path / f"student{student}.json"
            path.write_text(to_json([r.to_json() for r in store.rounds()]), encoding="utf-8")
            files.append(path)
    report = build_report(files)
    assert report.left_out == ()
    assert report.round == ("quick", 10, 4242)
    assert len(report.students) == 10
    assert {q.id: q.right for q in report.questions} == expected_right
    assert [n.player for n in report.not_finished] == ["學生9"]
    all_facts = {f for q in questions for f in q.facts}
    assert {s.id for s in report.facts} == all_facts
    assert format_report(report).count("\n") > 20
