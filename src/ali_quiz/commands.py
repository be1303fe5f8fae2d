"""What each command does, over the core; cli.py parses and dispatches here.

Each command imports only what it needs, when it runs. A command that cannot do what was asked
returns its exit status after `fail` has said why, or raises `CommandError` (main() prints it
and exits with its status): 0 success, 1 invalid input, 2 wrong usage.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ali_quiz.paths import AppPaths

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

    from ali_quiz.history.store import HistoryStore
    from ali_quiz.roundspec import ResolvedRound

Handler = Callable[[argparse.Namespace, AppPaths], int]
EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class CommandError(Exception):
    """What a command says when it cannot go on, with the exit status to leave with."""

    def __init__(self, message: str, status: int = EXIT_INVALID) -> None:
        super().__init__(message)
        self.status = status


def fail(message: str, status: int = EXIT_INVALID) -> int:
    """Print an error to stderr and return the exit status."""
    print(f"ali-quiz: {message}", file=sys.stderr)
    return status


def warn(message: str) -> None:
    """A warning on stderr: the command goes on."""
    print(f"ali-quiz: warning: {message}", file=sys.stderr, flush=True)


def print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _settings(paths: AppPaths) -> tuple[str | None, str]:
    """The pack and player chosen in the settings (a broken file is reported, not fatal)."""
    from ali_quiz.config import load_settings

    loaded = load_settings(paths.config_path)
    for problem in loaded.problems:
        warn(str(problem))
    return loaded.settings.pack, loaded.settings.player


def resolve_from_args(
    args: argparse.Namespace, paths: AppPaths, player: str | None = None
) -> ResolvedRound:
    """The round the options of `play` or `generate` describe; CommandError when there is none."""
    from ali_quiz.roundspec import (
        DiskPacks,
        RoundSpec,
        RoundSpecError,
        UsageError,
        met_from_disk,
        parse_date,
        resolve_round,
        review_from_disk,
    )

    default_pack, settings_player = _settings(paths)
    try:
        spec = RoundSpec(
            pack=args.pack,
            mode=args.mode,
            count=args.count,
            seed=args.seed,
            code=args.code,
            date=parse_date(args.date),
        )
        return resolve_round(
            spec,
            DiskPacks(paths),
            default_pack=default_pack,
            review=review_from_disk(paths, player or settings_player),
            met=met_from_disk(paths, player or settings_player),
        )
    except UsageError as err:
        raise CommandError(str(err), EXIT_USAGE) from None
    except RoundSpecError as err:
        raise CommandError(str(err)) from None


def cmd_generate(args: argparse.Namespace, paths: AppPaths) -> int:
    chosen = resolve_from_args(args, paths)
    questions = list(chosen.questions)
    notice = chosen.shorter_notice()
    if notice:
        print(notice, file=sys.stderr)
    if args.format == "anki":
        return _write_anki(args.output, questions, chosen)
    if args.format == "json":
        text = "".join(
            json.dumps(question.to_json(), ensure_ascii=False) + "\n" for question in questions
        )
    else:
        from ali_quiz.teach import worksheet
        from ali_quiz.teach.gift_export import export_gift

        language = chosen.pack.language
        if args.format == "gift":
            text = export_gift(questions, title=chosen.pack.title, language=language)
        else:
            render = worksheet.to_markdown if args.format == "markdown" else worksheet.to_html
            text = render(questions, pack_title=chosen.pack.title, language=language, info=chosen)
    if args.output is None:
        sys.stdout.write(text)
        return EXIT_OK
    from ali_quiz.safety.files import FileRefused, atomic_write

    try:
        # Whole or not at all; a symbolic link is followed only into the data folder.
        atomic_write(args.output, text, overwrite=True, inside=paths.data_dir)
    except FileRefused as err:
        return fail(f"{err}; nothing was written")
    except OSError as err:
        return fail(f"cannot write {args.output}: {err.strerror or err}; nothing was written")
    return EXIT_OK


def _write_anki(output: Path | None, questions: list[Any], spec: Any) -> int:
    from ali_quiz.teach.anki_export import AnkiUnavailable, write_deck

    if output is None:
        return fail("--format anki writes a deck file: add -o FILE.apkg", EXIT_USAGE)
    name = f"{spec.pack.title} · {spec.code}" if spec.code else spec.pack.title
    try:
        notes = write_deck(
            questions, output, pack_id=spec.pack.id, deck_name=name, language=spec.pack.language
        )
    except AnkiUnavailable as err:
        return fail(str(err))
    except OSError as err:
        return fail(f"cannot write {output}: {err.strerror or err}")
    print(f"Wrote {output}: an Anki deck of {notes} notes (import it with File > Import).")
    return EXIT_OK


def cmd_packs(args: argparse.Namespace, paths: AppPaths) -> int:
    from ali_quiz.catalog import discover

    if args.packs_command == "add":
        return _packs_add(args.file, paths, replace=args.replace)
    entries = discover(paths)
    if args.json:
        print_json([e.to_json() for e in entries])
        return EXIT_OK
    from ali_quiz.textwidth import table

    rows = []
    for entry in entries:
        counts = entry.pack.counts() if entry.pack else None
        facts = (
            f"{counts['events']}/{counts['versions']}/{counts['metrics']}/"
            f"{counts['sequences']}/{counts['questions']}"
            if counts
            else "-"
        )
        state = "built in" if entry.builtin else ("ok" if entry.valid else "INVALID")
        rows.append([entry.id, entry.title, entry.language, facts, state, str(entry.path)])
    print(table(["id", "title", "language", "ev/ver/met/seq/q", "state", "path"], rows))
    for entry in entries:
        for problem in entry.errors:
            print(f"  {problem}")
        for warning in entry.warnings:
            print(f"  {entry.path}: warning: {warning}")
    return EXIT_OK


def _packs_add(file: Path, paths: AppPaths, *, replace: bool = False) -> int:
    from ali_quiz.catalog import NeedsReplace, add_pack
    from ali_quiz.packs.problems import PackError

    try:
        added = add_pack(file, paths, replace=replace)
    except PackError as err:
        return fail(f"{file} was not added:\n{err}")
    except NeedsReplace as err:
        codes = _codes_of(paths, err.pack_id, err.old_hash)
        lost = f"\nRound codes that would stop working: {', '.join(codes)}" if codes else ""
        return fail(f"{file} was not added: {err}{lost}")
    except OSError as err:
        return fail(f"could not copy {file} into {paths.packs_dir}: {err.strerror or err}")
    if added.replaced:
        print(f"Replaced {added.pack.id} ({added.pack.title}) in {added.path}")
        codes = _codes_of(paths, added.pack.id, added.old_hash)
        if codes:
            print(
                f"These round codes no longer work (made with the old version): {', '.join(codes)}"
            )
        else:
            print("Round codes made with the old version no longer work (none is in your history).")
    else:
        print(f"Added {added.pack.id} ({added.pack.title}) to {added.path}")
    return EXIT_OK


def _codes_of(paths: AppPaths, pack_id: str, pack_hash: str | None) -> list[str]:
    """The round codes in this history made with one version (content hash) of a pack."""
    if pack_hash is None or not paths.history_path.is_file():
        return []
    import sqlite3

    from ali_quiz.history.store import HistoryStore

    opened = HistoryStore.open(paths.data_dir, read_only=True)
    if opened.store is None:
        return []
    try:
        with opened.store as store:
            rows = store.query(
                "SELECT DISTINCT code FROM rounds WHERE pack = ? AND pack_hash = ?"
                " AND code IS NOT NULL ORDER BY code",
                (pack_id, pack_hash),
            )
    except sqlite3.Error:
        return []
    return [str(code) for (code,) in rows]


def cmd_show(args: argparse.Namespace, paths: AppPaths) -> int:
    # The pack alone: not the round machinery of `roundspec`, which `show` never uses.
    from ali_quiz.catalog import resolve_pack
    from ali_quiz.packs.model import pack_to_json
    from ali_quiz.packs.problems import PackError, PackNotFound

    try:
        pack = resolve_pack(args.pack, paths)
    except PackNotFound as err:
        return fail(str(err))
    except PackError as err:
        return fail(f"the pack {args.pack} is not valid:\n{err}")
    if args.json:
        print_json(pack_to_json(pack))
        return EXIT_OK
    from ali_quiz.quiz.describe import describe_pack

    print(describe_pack(pack))
    return EXIT_OK


def cmd_audit(args: argparse.Namespace, paths: AppPaths) -> int:
    from ali_quiz.quiz.audit import MAX_ROUNDS, audit_builtin_modes, describe_audit
    from ali_quiz.roundspec import DiskPacks, RoundSpecError

    if not 1 <= args.rounds <= MAX_ROUNDS:
        return fail(f"--rounds takes a number from 1 to {MAX_ROUNDS}", EXIT_USAGE)
    try:
        pack = DiskPacks(paths).find(args.pack)
    except RoundSpecError as err:
        return fail(str(err))
    audit = audit_builtin_modes(pack, args.rounds)
    if args.json:
        print_json(audit.to_json())
    else:
        print(describe_audit(audit))
    return EXIT_INVALID if audit.broken else EXIT_OK


def _validate_once(targets: list[Path], cache_dir: Path | None) -> tuple[bool, list[str]]:
    from ali_quiz.catalog import PACK_SUFFIXES, load_entry, pack_files
    from ali_quiz.packs.problems import problem_count
    from ali_quiz.quiz.describe import summary_line

    files: list[Path] = []
    lines: list[str] = []
    for target in targets:
        if target.is_dir():
            found = pack_files(target)
            if not found:
                lines.append(f"{target}:1:1: no pack files (*{', *'.join(PACK_SUFFIXES)}) here")
            files.extend(found)
        else:
            files.append(target)
    ok = all(not line.endswith("here") for line in lines)
    for path in files:
        entry = load_entry(path, cache_dir)
        if entry.pack is None:
            ok = False
            lines.extend(str(p) for p in entry.errors)
            count = problem_count(entry.errors)
            lines.append(f"{path}: invalid ({count:,} problem{'s' if count != 1 else ''})")
            continue
        lines.extend(f"{path}: warning: {w}" for w in entry.warnings)
        lines.append(summary_line(entry.pack, path))
    return ok, lines


def cmd_validate(args: argparse.Namespace, paths: AppPaths) -> int:
    ok, lines = _validate_once(args.paths, paths.cache_dir)
    if not args.watch:
        _print_lines(lines, ok)
        return EXIT_OK if ok else EXIT_INVALID
    return _watch(args.paths, ok, lines)


def _print_lines(lines: list[str], ok: bool) -> None:
    stream = sys.stdout if ok else sys.stderr
    for line in lines:
        # Problems go to stderr; summaries of valid packs to stdout.
        target = sys.stdout if ": valid" in line or ": warning:" in line else stream
        print(line, file=target, flush=True)


def _stamp(targets: list[Path]) -> tuple[tuple[str, float, int], ...]:
    stamps = []
    for target in targets:
        candidates = sorted(target.iterdir()) if target.is_dir() else [target]
        for path in candidates:
            try:
                stat = path.stat()
                stamps.append((str(path), stat.st_mtime, stat.st_size))
            except OSError:
                stamps.append((str(path), -1.0, -1))
    return tuple(stamps)


def _watch(targets: list[Path], ok: bool, lines: list[str], interval: float = 0.5) -> int:
    """Check again whenever a file changes (polling: it works on every system and editor)."""
    _print_lines(lines, ok)
    print("Watching for changes (Ctrl+C to stop)…", flush=True)
    last = _stamp(targets)
    try:
        while True:
            time.sleep(interval)
            now = _stamp(targets)
            if now == last:
                continue
            last = now
            ok, lines = _validate_once(targets, None)
            print(f"\n── {time.strftime('%H:%M:%S')} ──", flush=True)
            _print_lines(lines, ok)
    except KeyboardInterrupt:
        return EXIT_OK if ok else EXIT_INVALID


def cmd_new_pack(args: argparse.Namespace, paths: AppPaths) -> int:
    from ali_quiz.packs.starter import write_starter
    from ali_quiz.safety.files import FileRefused

    try:
        written = write_starter(args.path)
    except FileExistsError as err:
        where = err.filename or args.path
        return fail(f"{where} already exists: choose another name (nothing was overwritten)")
    except FileRefused as err:
        return fail(f"{err}; nothing was written")
    except OSError as err:
        return fail(f"could not write {args.path}: {err.strerror or err}; nothing was written")
    print(f"Wrote {written}: edit it, then check it with `ali-quiz validate {written}`")
    return EXIT_OK


def cmd_history(args: argparse.Namespace, paths: AppPaths) -> int:
    import sqlite3

    from ali_quiz.history.database import after_query_failure

    # The table shows the newest 50 unless told; the exports give every round unless limited.
    limit = args.limit if args.limit is not None else (0 if args.json or args.csv else 50)
    store = None
    if paths.history_path.exists() or paths.history_path.is_symlink():
        from ali_quiz.history.store import HistoryStore

        # Read-only: a history in a folder that cannot be written is still shown.
        opened = HistoryStore.open(paths.data_dir, read_only=True)
        if opened.warning:
            warn(opened.warning)
        if opened.store is None and opened.unreadable:
            return fail("the score history cannot be read (see the warning above)")
        store = opened.store
    try:
        return _print_history(args, store, limit or None)
    except sqlite3.Error as err:
        if store is not None:
            store.close()
            store = None
        # Damaged pages (PRAGMA quick_check): the file is moved aside, as at opening.
        return fail(after_query_failure(paths.history_path, err))
    finally:
        if store is not None:
            store.close()


def _print_history(args: argparse.Namespace, store: HistoryStore | None, limit: int | None) -> int:
    """Stream the rounds chosen as a table, JSON or CSV, a row at a time."""
    from ali_quiz.history import export, stream

    out = sys.stdout
    player, pack = args.player, args.pack
    if args.json or args.csv:
        select, write = (
            (export.JSON_SELECT, export.write_json)
            if args.json
            else (export.CSV_SELECT, export.write_csv)
        )
        functions = None if args.json else export.CSV_FUNCTIONS
        rows = (
            ()
            if store is None
            else stream.answer_rows(
                store, select, player=player, pack=pack, limit=limit, functions=functions
            )
        )
        write(rows, out)
    elif store is None or not export.write_table(store, out, player=player, pack=pack, limit=limit):
        print("No rounds yet: play one with `ali-quiz` or `ali-quiz play`.")
    return EXIT_OK


def cmd_import_gift(args: argparse.Namespace, paths: AppPaths) -> int:
    from ali_quiz.packs.checker import LANGUAGE_RE
    from ali_quiz.packs.loader import load_pack
    from ali_quiz.packs.problems import PackError
    from ali_quiz.safety.files import FileRefused, read_capped, write_target
    from ali_quiz.safety.limits import PACK_BYTES
    from ali_quiz.teach.gift_import import (
        GiftImportError,
        guess_language,
        import_gift,
        pack_id_from_path,
        write_pack_yaml,
    )

    source: Path = args.file
    target: Path = args.output
    try:
        text = read_capped(source, PACK_BYTES, "GIFT file").decode("utf-8-sig")
        write_target(target)  # a symbolic link is refused before any work is done
    except FileRefused as err:
        return fail(str(err))
    except UnicodeDecodeError as err:
        return fail(f"{source} is not UTF-8 text (byte {err.start}): save it as UTF-8 and retry")
    if target.exists() or target.is_symlink():
        return fail(f"{target} already exists: choose another name (nothing was overwritten)")
    language = args.language or guess_language(text)
    if not LANGUAGE_RE.match(language):
        return fail(f"--language {language!r} is not a language tag such as en, fr or zh-Hant", 2)
    imported = import_gift(text, source_name=str(source), language=language)
    for line, column, message in imported.errors:
        print(f"{source}:{line}:{column}: {message}", file=sys.stderr)
    for line, reason in imported.skipped:
        print(f"{source}:{line}: skipped: {reason}", file=sys.stderr)
    for line, note in imported.notes:
        print(f"{source}:{line}: note: {note}", file=sys.stderr)
    if not imported.questions:
        return fail(f"{source}: no question could be imported, so no pack was written")
    try:
        write_pack_yaml(
            imported,
            pack_id=pack_id_from_path(target),
            title=source.stem,
            language=language,
            path=target,
        )
    except GiftImportError as err:
        return fail(str(err))
    except FileExistsError:
        return fail(f"{target} already exists: choose another name (nothing was overwritten)")
    except FileRefused as err:
        return fail(f"{err}; nothing was written")
    except OSError as err:
        return fail(f"cannot write {target}: {err.strerror or err}; nothing was written")
    try:
        load_pack(target)
    except PackError as err:  # a bug if it happens: say so plainly, keep the file to look at
        return fail(f"the pack written to {target} does not validate:\n{err}")
    problems = len(imported.errors)
    print(
        f"Wrote {target}: {len(imported.questions)} questions"
        f"{f', {len(imported.skipped)} skipped' if imported.skipped else ''}"
        f"{f', {problems} could not be read (listed above)' if problems else ''}."
    )
    return EXIT_INVALID if problems else EXIT_OK


def cmd_report(args: argparse.Namespace, paths: AppPaths) -> int:
    from ali_quiz.teach.report_command import run_report

    return run_report(args, paths)


HANDLERS: dict[str, Handler] = {
    "generate": cmd_generate,
    "packs": cmd_packs,
    "show": cmd_show,
    "validate": cmd_validate,
    "new-pack": cmd_new_pack,
    "audit": cmd_audit,
    "history": cmd_history,
    "import-gift": cmd_import_gift,
    "report": cmd_report,
}
