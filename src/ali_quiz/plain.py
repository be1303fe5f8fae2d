"""Plain mode: a round as lines of text on stdin and stdout (screen readers, pipes, scripts).

The answer grammar (labels, parsing, the wording of answers) is `quiz.answers`, shared with the
TUI; this module runs the round: it prints each question, reads answer lines, prints feedback.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TextIO

from ali_quiz.history.recorder import HistoryRecorder
from ali_quiz.i18n import Translator
from ali_quiz.quiz.answers import (
    AnswerError,
    answer_lines,
    command_of,
    compact_answer,
    parse_answer,
    question_lines,
)
from ali_quiz.quiz.kinds import feedback_for
from ali_quiz.quiz.rounds import Outcome, Round
from ali_quiz.roundspec import ResolvedRound


def outcome_lines(outcome: Outcome, tr: Translator) -> list[str]:
    """After an answer: the verdict and points, a near miss named, the correct answer, the
    source sentence."""
    question = outcome.question
    verdict = tr(f"feedback.{outcome.verdict}")
    lines = [tr("plain.result", verdict=verdict, points=outcome.points, max=outcome.max_points)]
    coaching = outcome.coaching
    if coaching is not None:
        lines.append(tr(coaching.key, **coaching.args_in(tr.language)))
    answer = answer_lines(question, tr)
    if len(answer) == 1:
        lines.append(tr("plain.answer", answer=answer[0]))
    else:
        lines.append(tr("plain.answer", answer=compact_answer(question)))
        lines += [f"  {line}" for line in answer]
    for option, feedback in feedback_for(question, outcome.response):
        lines.append(tr("plain.feedback", option=option, feedback=feedback))
    if question.explanation:
        source_lines = question.explanation.splitlines()
        lines.append(tr("plain.source", source=source_lines[0]))
        lines += [f"  {line}" for line in source_lines[1:]]
    return lines


@dataclass(frozen=True)
class PlainResult:
    """How a plain round ended."""

    finished: bool  # every question answered or skipped (not quit, not end of input)
    score: int
    max_score: int


def play_plain(
    game: Round,
    *,
    stdin: TextIO,
    stdout: TextIO,
    tr: Translator,
    header: Sequence[str] = (),
    echo: bool = False,
) -> PlainResult:
    """Play a round on text streams; `echo` repeats each answer line (when stdin is no terminal).

    Every answer goes through `game.answer`/`game.skip`, so the round's `on_answer` (the
    history) sees it at once.
    """

    def say(*lines: str) -> None:
        for line in lines:
            stdout.write(line + "\n")
        stdout.flush()

    count = len(game.questions)
    say(*header, tr("plain.instructions"))
    stopped = False
    while not game.done and not stopped:
        question = game.current
        assert question is not None
        say("", *question_lines(question, game.position, count, tr))
        while True:
            stdout.write("> ")
            stdout.flush()
            line = stdin.readline()
            if not line:  # end of input
                stdout.write("\n")
                stopped = True
                break
            if echo:
                stdout.write(line.rstrip("\r\n") + "\n")
            command = command_of(line)
            if command == "quit":
                stopped = True
                break
            if command == "skip":
                say(*outcome_lines(game.skip(), tr))
                break
            try:
                response = parse_answer(question, line)
            except AnswerError as error:
                say(error.message(tr))
                continue
            say(*outcome_lines(game.answer(response), tr))
            break
    if stopped:
        ended = "plain.ended_one" if count == 1 else "plain.ended"
        say("", tr(ended, done=len(game.outcomes), count=count))
    contract = f"Score: {game.score}/{game.max_score}"
    said = tr("plain.score", score=game.score, max_score=game.max_score)
    if said != contract:
        say(said)
    say(contract)
    return PlainResult(finished=game.done, score=game.score, max_score=game.max_score)


def round_header(chosen: ResolvedRound, tr: Translator) -> list[str]:
    """The first lines: pack, mode, count, and the round code when there is one."""
    count = len(chosen.questions)
    mode = tr(f"mode.{chosen.mode}")
    key = "plain.header_one" if count == 1 else "plain.header"
    lines = [tr(key, pack=chosen.pack.title, mode=mode, count=count)]
    if chosen.code:
        lines.append(tr("plain.code", code=chosen.code))
    return lines


def play_plain_round(
    chosen: ResolvedRound,
    recorder: HistoryRecorder,
    *,
    tr: Translator,
    player: str,
    stdin: TextIO,
    stdout: TextIO,
) -> PlainResult:
    """Play a resolved round in plain mode, recording it in the history as it goes."""
    questions = list(chosen.questions)
    recorder.start(chosen, questions, player=player, ui_language=tr.language)
    game = Round(questions, on_answer=recorder.record)
    result = play_plain(
        game,
        stdin=stdin,
        stdout=stdout,
        tr=tr,
        header=round_header(chosen, tr),
        echo=not stdin.isatty(),
    )
    if result.finished:
        recorder.finish()
    return result
