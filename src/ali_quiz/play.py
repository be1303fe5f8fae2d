"""Playing a round, whichever front end shows it: the history recording both share, plain mode's
runner, and the entry points `ali-quiz play` and the bare `ali-quiz` call.

Textual is imported only by `run_tui` and by `run_play` when a terminal is attached.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from typing import TYPE_CHECKING, Any, TextIO

from ali_quiz.config import load_settings
from ali_quiz.i18n import Translator, translator
from ali_quiz.paths import AppPaths

if TYPE_CHECKING:
    # Only named in annotations here: importing the pack model and the question kinds (about
    # 20 frozen dataclasses) would delay the TUI's first frame, which needs neither.
    from ali_quiz.packs.model import Pack
    from ali_quiz.quiz.kinds import Question
    from ali_quiz.quiz.rounds import Outcome

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

Now = Callable[[], datetime]


def local_now() -> datetime:
    """The time now, aware, in local time."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class RoundInfo:
    """What the history needs to know of a round besides its questions."""

    pack: Pack
    mode: str
    count: int
    seed: int | None
    date: Date
    code: str | None


class HistoryRecorder:
    """Writes one round to the history as it is played; a failure becomes a warning, once.

    `store` is a HistoryStore or None. Every answer is committed the moment it is given, so a
    round broken off (quit, end of input, a crash) keeps what was answered. A recorder made
    before the history is open (the TUI opens it after its first frame) keeps what happens
    until `attach` hands it the store, then writes it all in order.
    """

    def __init__(
        self,
        store: Any,
        *,
        warn: Callable[[str], None],
        now: Now = local_now,
        round_id: int | None = None,
    ) -> None:
        self.store = store
        self.warn = warn
        self.now = now
        self.round_id = round_id
        self.failed = False
        self.start_record: Any = None  # the RoundStart, until written
        self.question_count = 0
        self.waiting: list[Any] = []  # AnswerRecords given before the store was there
        self.finished_at: datetime | None = None

    def fail(self, error: Exception) -> None:
        if not self.failed:
            self.failed = True
            self.warn(str(error))

    def start(
        self, info: RoundInfo, questions: Sequence[Question], *, player: str, ui_language: str
    ) -> None:
        """Record the round's start."""
        from ali_quiz.history.records import RoundStart

        self.start_record = RoundStart(
            player=player,
            pack=info.pack.id,
            pack_hash=info.pack.content_hash,
            mode=info.mode,
            count=info.count,
            seed=info.seed,
            code=info.code,
            date=info.date.isoformat(),
            ui_language=ui_language,
            started_at=self.now(),
        )
        self.question_count = len(questions)
        self.write_start()

    def write_start(self) -> None:
        if self.store is None or self.start_record is None:
            return
        from ali_quiz.history.records import HistoryError

        record, self.start_record = self.start_record, None
        try:
            self.round_id = self.store.start_round(record, self.question_count)
        except (HistoryError, ValueError) as error:
            self.fail(error)

    def record(self, outcome: Outcome) -> None:
        """Record one answer (Round's on_answer)."""
        from ali_quiz.history.records import AnswerRecord

        question = outcome.question
        record = AnswerRecord(
            position=outcome.position,
            question_id=question.id,
            kind=question.kind,
            facts=question.facts,
            prompt=question.prompt,
            response=outcome.response,
            answer=question.answer_json(),
            points=outcome.points,
            max_points=outcome.max_points,
            skipped=outcome.skipped,
            seconds=outcome.seconds,
            answered_at=self.now(),
        )
        if self.store is None:
            self.waiting.append(record)
            return
        self.write_answer(record)

    def write_answer(self, record: Any) -> None:
        if self.round_id is None:
            return
        from ali_quiz.history.records import HistoryError

        try:
            self.store.record_answer(self.round_id, record)
        except (HistoryError, ValueError) as error:
            self.fail(error)

    def finish(self) -> None:
        """Mark the round finished (every question answered or skipped)."""
        self.finished_at = self.now()
        self.write_finish()

    def write_finish(self) -> None:
        if self.store is None or self.round_id is None or self.finished_at is None:
            return
        from ali_quiz.history.records import HistoryError

        try:
            self.store.finish_round(self.round_id, self.finished_at)
        except (HistoryError, ValueError) as error:
            self.fail(error)

    def attach(self, store: Any) -> None:
        """The history is open now: write what happened so far (None: history is off)."""
        if store is None or self.store is not None:
            return
        self.store = store
        self.write_start()
        waiting, self.waiting = self.waiting, []
        for record in waiting:
            self.write_answer(record)
        self.write_finish()


def outcomes_from_history(
    questions: Sequence[Question], answers: Sequence[dict[str, Any]]
) -> list[Outcome] | None:
    """The outcomes of a resumed round's answers; None when they do not fit these questions."""
    from ali_quiz.quiz.rounds import Outcome

    outcomes: list[Outcome] = []
    for position, answer in enumerate(sorted(answers, key=lambda a: a["position"]), start=1):
        if answer["position"] != position or position > len(questions):
            return None
        question = questions[position - 1]
        if question.id != answer["question_id"]:
            return None
        outcomes.append(
            Outcome(
                position=position,
                question=question,
                response=answer["response"],
                points=int(answer["points"]),
                skipped=bool(answer["skipped"]),
                seconds=float(answer["seconds"]),
            )
        )
    return outcomes


def round_header(info: RoundInfo, count: int, tr: Translator) -> list[str]:
    """Plain mode's first lines: pack, mode, count, and the round code when there is one."""
    lines = [tr("plain.header", pack=info.pack.title, mode=tr(f"mode.{info.mode}"), count=count)]
    if info.code:
        lines.append(tr("plain.code", code=info.code))
    return lines


def play_plain_round(
    info: RoundInfo,
    questions: Sequence[Question],
    recorder: HistoryRecorder,
    *,
    tr: Translator,
    player: str,
    stdin: TextIO,
    stdout: TextIO,
) -> int:
    """Play a round in plain mode, recording it; the exit status (0: ended normally)."""
    from ali_quiz.plain import play_plain
    from ali_quiz.quiz.rounds import Round

    recorder.start(info, questions, player=player, ui_language=tr.language)
    game = Round(list(questions), on_answer=recorder.record)
    result = play_plain(
        game,
        stdin=stdin,
        stdout=stdout,
        tr=tr,
        header=round_header(info, len(questions), tr),
        echo=not stdin.isatty(),
    )
    if result.finished:
        recorder.finish()
    return EXIT_OK


def stderr_warning(message: str) -> None:
    print(f"ali-quiz: warning: {message}", file=sys.stderr, flush=True)


def run_play(args: argparse.Namespace, paths: AppPaths) -> int:
    """`ali-quiz play`: plain text with --plain or without a terminal, else the TUI's round."""
    from ali_quiz.commands import resolve_spec_or_fail
    from ali_quiz.roundspec import RoundSpec, RoundSpecError, shorter_notice

    # A broken settings file is reported by resolve_spec_or_fail (plain mode) or by the app.
    loaded = load_settings(paths.config_path)
    settings = loaded.settings
    language = args.lang or settings.effective_language
    player = (args.player or "").strip() or settings.player
    spec = resolve_spec_or_fail(args, paths, player)
    if isinstance(spec, int):
        return spec  # resolve_spec_or_fail has said what is wrong
    assert isinstance(spec, RoundSpec)
    try:
        questions = spec.questions()
    except RoundSpecError as error:
        print(f"ali-quiz: {error}", file=sys.stderr)
        return EXIT_INVALID
    info = RoundInfo(spec.pack, spec.mode, spec.count, spec.seed, spec.date, spec.code)
    plain = bool(args.plain) or not (sys.stdin.isatty() and sys.stdout.isatty())
    notice = shorter_notice(spec, questions)
    if notice and plain:
        print(notice, file=sys.stderr)
    if not plain:
        from ali_quiz.tui.app import make_app

        app = make_app(
            paths,
            settings=loaded,
            language=args.lang,
            player=player,
            start=(info, tuple(questions), spec.weights),
        )
        app.run()
        return app.return_code or EXIT_OK
    from ali_quiz.history.store import HistoryStore

    opened = HistoryStore.open(paths.data_dir)
    if opened.warning:
        stderr_warning(opened.warning)
    recorder = HistoryRecorder(opened.store, warn=stderr_warning)
    try:
        return play_plain_round(
            info,
            questions,
            recorder,
            tr=translator(language),
            player=player,
            stdin=sys.stdin,
            stdout=sys.stdout,
        )
    finally:
        if opened.store is not None:
            opened.store.close()


def run_tui(args: argparse.Namespace, paths: AppPaths) -> int:
    """The bare `ali-quiz`: the Textual app on its home screen."""
    from ali_quiz.tui.app import make_app

    app = make_app(paths, settings=load_settings(paths.config_path))
    app.run()
    return app.return_code or EXIT_OK
