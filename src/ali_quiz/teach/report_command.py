"""`ali-quiz report [FILES...] [--code C] [--json|--csv] [--table T] [--attempt A]`.

FILES are students' `history --json` files. `--code C` fixes the class round (and its pack);
without FILES it reads the rounds of that code from this machine's history, as a class that
played through `serve` left them. The installed pack with the class's content hash grades
every answer again.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ali_quiz.packs.model import Pack
from ali_quiz.paths import AppPaths
from ali_quiz.teach.report import build_report, history_files, report_json
from ali_quiz.teach.report_files import HistoryFile
from ali_quiz.teach.report_output import format_report, report_csv
from ali_quiz.teach.report_select import RoundKey

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


def _fail(message: str, status: int = EXIT_INVALID) -> int:
    print(f"ali-quiz: {message}", file=sys.stderr)
    return status


def _installed(paths: AppPaths, pack_id: str, pack_hash: str) -> Pack | None:
    """The installed pack with this id and content (None when this machine lacks it)."""
    from ali_quiz.catalog import discover

    for entry in discover(paths):
        found = entry.pack
        if found is not None and found.id == pack_id and found.content_hash == pack_hash:
            return found
    return None


def _history_rounds(paths: AppPaths, code: str, pack_id: str | None) -> list[HistoryFile]:
    from ali_quiz.history.store import HistoryStore
    from ali_quiz.quiz.codes import CodeError, decode_round_code

    if not paths.history_path.exists():
        return []
    opened = HistoryStore.open(paths.data_dir)
    if opened.warning:
        print(f"ali-quiz: warning: {opened.warning}", file=sys.stderr)
    if opened.store is None:
        return []
    wanted = decode_round_code(code)

    def same(text: object) -> bool:
        try:
            return isinstance(text, str) and decode_round_code(text) == wanted
        except CodeError:
            return False

    with opened.store as store:
        rounds = [r.to_json() for r in store.rounds(pack=pack_id) if same(r.code)]
    return history_files(rounds, "history")


def _code_round(paths: AppPaths, code: str) -> tuple[str | None, RoundKey]:
    """The pack id (when installed) and the (mode, count, seed) of a round code."""
    from ali_quiz.catalog import discover
    from ali_quiz.quiz.codes import CodeError, decode_round_code, resolve_code

    parsed = decode_round_code(code)  # CodeError: the caller says what is wrong
    candidates = [e.pack for e in discover(paths) if e.pack is not None]
    try:
        pack_id: str | None = resolve_code(parsed, candidates).id
    except CodeError:
        pack_id = None
    return pack_id, (parsed.mode, parsed.count, parsed.seed)


def run_report(args: argparse.Namespace, paths: AppPaths) -> int:
    from ali_quiz.quiz.codes import CodeError

    files: list[Path | HistoryFile] = list(args.files)
    pack_id: str | None = None
    round_key: RoundKey | None = None
    if args.code is not None:
        try:
            pack_id, round_key = _code_round(paths, args.code)
            if not files:
                files = list(_history_rounds(paths, args.code, pack_id))
        except CodeError as err:
            return _fail(str(err))
        if not files:
            return _fail(
                f"no round with the code {args.code} in this machine's history: give the "
                "students' result files (ali-quiz history --json) instead"
            )
    elif not files:
        return _fail(
            "give the students' result files (ali-quiz history --json > NAME.json), "
            "or --code C to read this machine's history",
            EXIT_USAGE,
        )
    report = build_report(
        files,
        find_pack=lambda found_id, found_hash: _installed(paths, found_id, found_hash),
        attempt=args.attempt,
        pack=pack_id,
        round_key=round_key,
    )
    if args.json:
        sys.stdout.write(json.dumps(report_json(report), ensure_ascii=False, indent=2) + "\n")
    elif args.csv:
        sys.stdout.write(report_csv(report, args.table))
        for problem in report.problems:
            print(f"ali-quiz: {problem.name}: {problem.reason}", file=sys.stderr)
    else:
        sys.stdout.write(format_report(report))
    if not report.usable:
        return _fail("no usable result file: nothing to report")
    return EXIT_OK
