"""The commands about pack files: `packs` (list, add), `validate` (once or watching), `new-pack`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from ali_quiz.commands.base import EXIT_INVALID, EXIT_OK, fail, interface, print_json
from ali_quiz.paths import AppPaths

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from ali_quiz.i18n import Translator

#: `packs`' columns, named in the interface language (`cli.packs.col.<name>`).
PACKS_COLUMNS = ("id", "title", "language", "counts", "state", "path")


def cmd_packs(args: argparse.Namespace, paths: AppPaths) -> int:
    from ali_quiz.catalog import discover

    if args.packs_command == "add":
        return _packs_add(args.file, paths, replace=args.replace)
    entries = discover(paths)
    if args.json:
        print_json([e.to_json() for e in entries])
        return EXIT_OK
    from ali_quiz.textwidth import table

    tr = interface(paths)
    rows = []
    for entry in entries:
        counts = entry.pack.counts() if entry.pack else None
        facts = (
            f"{counts['events']}/{counts['states']}/{counts['versions']}/{counts['metrics']}/"
            f"{counts['sequences']}/{counts['questions']}"
            if counts
            else "-"
        )
        state = "builtin" if entry.builtin else ("ok" if entry.valid else "invalid")
        rows.append(
            [
                entry.id,
                entry.title,
                entry.language,
                facts,
                tr(f"cli.packs.{state}"),
                str(entry.path),
            ]
        )
    print(table([tr(f"cli.packs.col.{name}") for name in PACKS_COLUMNS], rows))
    for entry in entries:
        for problem in entry.errors:
            print(f"  {problem.located(tr)}")
        for warning in entry.warnings:
            print("  " + tr("cli.packs.warning", path=entry.path, warning=warning))
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
        folder = paths.packs_dir
        if (folder.exists() or folder.is_symlink()) and not folder.is_dir():
            return fail(
                f"could not copy {file}: {folder} is not a folder (ali-quiz keeps the packs you"
                " add there): move it away"
            )
        return fail(f"could not copy {file} into {folder}: {err.strerror or err}")
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


#: A line of `validate` and whether it goes to stdout (a valid pack's summary, a warning) or,
#: a problem, to stderr when any pack is invalid.
Line = tuple[str, bool]


def _validate_once(
    targets: list[Path], cache_dir: Path | None, tr: Translator
) -> tuple[bool, list[Line]]:
    from ali_quiz.catalog import load_entry, pack_files
    from ali_quiz.packs.problems import problem_count
    from ali_quiz.paths import PACK_SUFFIXES
    from ali_quiz.quiz.describe import summary_line

    files: list[Path] = []
    lines: list[Line] = []
    ok = True
    for target in targets:
        try:
            folder = target.is_dir()
        except OSError:  # a name too long, say: reading it as a file says so, located
            folder = False
        if folder:
            found = pack_files(target)
            if not found:
                ok = False
                suffixes = ", ".join(f"*{suffix}" for suffix in PACK_SUFFIXES)
                lines.append(
                    (tr("cli.validate.no_files", where=f"{target}:1:1", suffixes=suffixes), False)
                )
            files.extend(found)
        else:
            files.append(target)
    for path in files:
        entry = load_entry(path, cache_dir)
        if entry.pack is None:
            ok = False
            lines.extend((p.located(tr), False) for p in entry.errors)
            count = problem_count(entry.errors)
            key = "cli.validate.invalid_one" if count == 1 else "cli.validate.invalid"
            lines.append((tr(key, path=path, count=f"{count:,}"), False))
            continue
        lines.extend((tr("cli.packs.warning", path=path, warning=w), True) for w in entry.warnings)
        lines.append((summary_line(entry.pack, path, tr), True))
    return ok, lines


def cmd_validate(args: argparse.Namespace, paths: AppPaths) -> int:
    tr = interface(paths)
    ok, lines = _validate_once(args.paths, paths.cache_dir, tr)
    if not args.watch:
        _print_lines(lines, ok)
        return EXIT_OK if ok else EXIT_INVALID
    return _watch(args.paths, ok, lines, tr)


def _print_lines(lines: list[Line], ok: bool) -> None:
    stream = sys.stdout if ok else sys.stderr
    for line, out in lines:
        # Problems go to stderr; summaries of valid packs and warnings to stdout.
        print(line, file=sys.stdout if out else stream, flush=True)


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


def _watch(
    targets: list[Path], ok: bool, lines: list[Line], tr: Translator, interval: float = 0.5
) -> int:
    """Check again whenever a file changes (polling: it works on every system and editor)."""
    _print_lines(lines, ok)
    print(tr("cli.validate.watching"), flush=True)
    last = _stamp(targets)
    try:
        while True:
            time.sleep(interval)
            now = _stamp(targets)
            if now == last:
                continue
            last = now
            ok, lines = _validate_once(targets, None, tr)
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
