"""`ali-quiz serve` without a server: names and seats, the board's data and log, the QR code,
and the command's refusals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ali_quiz.classroom.board import EMPTY_BOARD, SeatSnapshot, bar, log_lines, read_board
from ali_quiz.classroom.qr import qr_matrix, qr_rows
from ali_quiz.classroom.seats import MAX_NAME, MAX_WRONG_CODES, Refusal, Seats, sanitise_name
from ali_quiz.history.records import AnswerRecord, RoundStart
from ali_quiz.history.store import HistoryStore
from ali_quiz.i18n import translator
from ali_quiz.packs.model import Pack
from ali_quiz.quiz.generate import generate_round
from ali_quiz.quiz.kinds import ChoiceQuestion
from conftest import Ran

TR = translator("en")
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))


# --- Names and seats ---------------------------------------------------------------------


def test_names_are_sanitised() -> None:
    assert sanitise_name("  Ａｌｉｃｅ \t  Wong ") == "Alice Wong"
    assert sanitise_name("\x1b[31mred\x07") == "[31mred"
    assert sanitise_name("a\u202eb\u200bc") == "abc"  # no bidi overrides or zero-width spaces
    assert sanitise_name("\n\t ") == ""
    assert len(sanitise_name("x" * 100)) == MAX_NAME
    assert sanitise_name("陳 小明") == "陳 小明"


def test_a_name_is_taken_and_given_back_only_with_its_code() -> None:
    seats = Seats()
    first = seats.claim("tab1", "Alice")
    assert first.refusal is None and len(first.rejoin_code) == 4
    # While Alice's tab is connected: no one else, with or without a code.
    assert seats.claim("tab2", "alice").refusal is Refusal.TAKEN
    assert seats.claim("tab2", "ALICE", "0000").refusal is Refusal.WRONG_CODE
    assert seats.claim("tab2", "Alice", first.rejoin_code).refusal is Refusal.OPEN_ELSEWHERE
    assert seats.set_round("tab1", 7)
    seats.release("tab1")
    # Closed: the name alone still never takes it over.
    assert seats.claim("tab3", "Alice").refusal is Refusal.TAKEN
    back = seats.claim("tab3", "alice", first.rejoin_code.lower())
    assert back.refusal is None and back.rejoined and back.round_id == 7
    assert back.name == "Alice"
    assert seats.claim("tab3", "Bob").refusal is Refusal.SEATED
    assert [seat.name for seat in seats.connected()] == ["Alice"]


def test_guessing_rejoin_codes_stops() -> None:
    seats = Seats()
    code = seats.claim("tab1", "Alice").rejoin_code
    seats.release("tab1")
    for _ in range(MAX_WRONG_CODES):
        assert seats.claim("tab2", "Alice", "ZZZZ" if code != "ZZZZ" else "YYYY").refusal is (
            Refusal.WRONG_CODE
        )
    assert seats.claim("tab2", "Alice", code).refusal is Refusal.TOO_MANY_TRIES
    assert seats.claim("tab2", "  ").refusal is Refusal.EMPTY


# --- The board ---------------------------------------------------------------------------


def record(store: HistoryStore, player: str, pack: Pack, questions: list, picks: list[int]) -> int:
    round_id = store.start_round(
        RoundStart(
            player=player, pack=pack.id, pack_hash=pack.content_hash, mode="choice",
            count=len(questions), seed=5, code="CODE", date="2026-03-02", ui_language="en",
            started_at=NOW,
        ),
        len(questions),
    )  # fmt: skip
    for position, (question, pick) in enumerate(zip(questions, picks, strict=False), start=1):
        option = question.options[pick].id
        points = 100 if option == question.answer_json() else 0
        store.record_answer(
            round_id,
            AnswerRecord(
                position=position, question_id=question.id, kind="choice",
                facts=question.facts, prompt=question.prompt, response=option,
                answer=question.answer_json(), points=points, max_points=100, skipped=False,
                seconds=3.0, answered_at=NOW,
            ),
        )  # fmt: skip
    return round_id


def test_the_board_counts_players_and_options(data_dir: Path, pack_en: Pack) -> None:
    questions = generate_round(pack_en, "choice", 3, 5)
    assert all(isinstance(q, ChoiceQuestion) for q in questions)
    right = [
        q.options.index(next(o for o in q.options if o.id == q.answer_json())) for q in questions
    ]
    store = HistoryStore.open(data_dir).store
    assert store is not None
    with store:
        ann = record(store, "Ann", pack_en, questions, right)
        ben = record(store, "Ben", pack_en, questions, [(right[0] + 1) % len(questions[0].options)])
        seats = [
            SeatSnapshot("Ann", False, ann),
            SeatSnapshot("Ben", True, ben),
            SeatSnapshot("Cy", True, None),
        ]
        view = read_board(store, seats, questions, TR)
    assert (view.joined, view.connected, view.finished) == (3, 2, 1)
    ann_line, ben_line, cy_line = view.players  # most answered first
    assert (ann_line.name, ann_line.score, ann_line.finished) == ("Ann", 300, True)
    assert (ben_line.on_question, ben_line.score, ben_line.max_score) == (2, 0, 100)
    assert (cy_line.answered, cy_line.on_question) == (0, 1)
    first = view.questions[0]
    assert first.answered == 2
    assert [b.count for b in first.bars if b.right] == [1]
    assert sum(b.count for b in first.bars) == 2
    assert first.bars[right[0]].label.startswith("ABCD"[right[0]] + ". ")
    lines = log_lines(EMPTY_BOARD, view, TR)
    assert "Ann answered question 3: 100/100" in lines
    assert "Ben answered question 1: 0/100" in lines
    assert lines[-1] == "Ann finished: 300/300"
    assert log_lines(view, view, TR) == []


def test_bars_scale_to_the_most_answered_option() -> None:
    assert bar(4, 4, 10) == "█" * 10
    assert bar(1, 4, 10) == "██▌"
    assert bar(0, 4, 10) == bar(3, 0, 10) == ""


def test_the_qr_code_has_a_quiet_border_and_two_rows_a_line() -> None:
    url = "http://192.0.2.7:8000/?token=abcdefghijklmnopqrstuvwx"
    matrix = qr_matrix(url)
    assert len(matrix) == len(matrix[0]) and not any(matrix[0]) and not any(matrix[-1])
    rows = qr_rows(url)
    assert len(rows) == (len(matrix) + 1) // 2
    assert set("".join(rows)) <= set(" ▀▄█")
    assert rows[0] == "█" * len(matrix)  # the quiet border is drawn as light ink


# --- The command's refusals ----------------------------------------------------------------


def test_serve_refuses_rounds_a_class_cannot_share(cli: Callable[..., Ran]) -> None:
    ran = cli("serve", "--mode", "review")
    assert ran.status == 1 and "cannot be served" in ran.err
    ran = cli("serve", "--code", "0000-0000-0000")
    assert ran.status == 1 and "ali-quiz:" in ran.err and "Traceback" not in ran.err
    ran = cli("serve", "--max-players", "0")
    assert ran.status == 2 and "--max-players" in ran.err
    ran = cli("serve", "--code", "X", "--seed", "3")
    assert ran.status == 2


def test_serve_says_how_to_install_what_is_missing(
    cli: Callable[..., Ran], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ali_quiz.serve.command as command

    monkeypatch.setattr(command, "missing_extra", lambda: "textual-serve")
    ran = cli("serve")
    assert ran.status == 1
    assert "pip install 'ali-quiz[class]'" in ran.err and "textual-serve" in ran.err


def test_serve_on_a_port_in_use_says_so(cli: Callable[..., Ran]) -> None:
    from ali_quiz.serve.command import bind

    taken = bind("127.0.0.1", 0)
    try:
        ran = cli("serve", "--port", str(taken.getsockname()[1]))
    finally:
        taken.close()
    assert ran.status == 1 and "cannot listen on 127.0.0.1:" in ran.err
