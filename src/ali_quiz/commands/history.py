"""The commands over histories: `history` (this machine's), `import-gift`, `report` (a class's)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ali_quiz.commands.base import EXIT_INVALID, EXIT_OK, fail, interface, warn
from ali_quiz.paths import AppPaths

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from ali_quiz.history.store import HistoryStore
    from ali_quiz.i18n import Translator


def cmd_history(args: argparse.Namespace, paths: AppPaths) -> int:
    import sqlite3

    from ali_quiz.history.database import after_query_failure

    # The table shows the newest 50 unless told; the exports give every round unless limited.
    limit = args.limit if args.limit is not None else (0 if args.json or args.csv else 50)
    # The table and what is said about the history follow the interface language; the
    # exports (JSON, CSV) are for programs and stay as they are.
    tr = interface(paths)
    if args.pack is not None:
        from ali_quiz.paths import looks_like_path

        if looks_like_path(args.pack):
            # A pack file (`--pack week3.yaml`): the history records its rounds by its id.
            from ali_quiz.catalog import resolve_pack
            from ali_quiz.packs.problems import PackError, PackNotFound

            try:
                args.pack = resolve_pack(args.pack, paths).id
            except PackNotFound as err:
                return fail(err.words(tr))
            except PackError as err:
                return fail(tr("round.pack_invalid", pack=args.pack, problems=err))
    store = None
    if paths.history_path.exists() or paths.history_path.is_symlink():
        from ali_quiz.history.store import HistoryStore

        # Read-only: a history in a folder that cannot be written is still shown.
        opened = HistoryStore.open(paths.data_dir, read_only=True)
        if opened.warning:
            warn(opened.warning.words(tr))
        if opened.store is None and opened.unreadable:
            return fail(tr("cli.history.unreadable"))
        store = opened.store
    try:
        return _print_history(args, store, limit or None, paths, tr)
    except sqlite3.Error as err:
        if store is not None:
            store.close()
            store = None
        # Damaged pages (PRAGMA quick_check): the file is moved aside, as at opening.
        return fail(after_query_failure(paths.history_path, err).words(tr))
    finally:
        if store is not None:
            store.close()


def _print_history(
    args: argparse.Namespace,
    store: HistoryStore | None,
    limit: int | None,
    paths: AppPaths,
    tr: Translator,
) -> int:
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
        functions = None if args.json else export.csv_functions()
        rows = (
            ()
            if store is None
            else stream.answer_rows(
                store, select, player=player, pack=pack, limit=limit, functions=functions
            )
        )
        write(rows, out)
    elif store is None or not export.write_table(
        store, out, player=player, pack=pack, limit=limit, tr=tr
    ):
        return _no_rounds(store, paths, tr, player=player, pack=pack)
    return EXIT_OK


def _no_rounds(
    store: HistoryStore | None,
    paths: AppPaths,
    tr: Translator,
    *,
    player: str | None,
    pack: str | None,
) -> int:
    """The table is empty: say why, naming what the filters could have been."""

    def named(column: str) -> str:
        found = [] if store is None else store.query(f"SELECT DISTINCT {column} FROM rounds")
        return tr.join(sorted(str(value) for (value,) in found)) or tr("cli.history.nothing")

    if pack is not None:
        from ali_quiz.catalog import resolve_pack
        from ali_quiz.packs.problems import PackError, PackNotFound

        try:
            resolve_pack(pack, paths)
        except PackNotFound as err:  # neither installed nor in the history: a wrong name
            return fail(
                tr("cli.history.unknown_pack", pack=repr(pack), error=err, packs=named("pack"))
            )
        except PackError:
            pass  # installed, if broken: simply never played
    if player is not None and (
        store is None or not store.query("SELECT 1 FROM rounds WHERE player = ? LIMIT 1", (player,))
    ):
        print(tr("cli.history.no_player", player=repr(player), players=named("player")))
    elif pack is not None and player is not None:
        said = tr("cli.history.no_pack_player_yet", name=repr(pack), pack=pack, player=repr(player))
        print(said)
    elif pack is not None:
        print(tr("cli.history.no_pack_yet", name=repr(pack), pack=pack))
    else:
        print(tr("cli.history.none"))
    return EXIT_OK


def cmd_import_gift(args: argparse.Namespace, paths: AppPaths) -> int:
    from ali_quiz.packs.checker import LANGUAGE_RE
    from ali_quiz.packs.loader import load_pack
    from ali_quiz.packs.problems import PackError
    from ali_quiz.safety.files import FileRefused, decode_text, read_capped, write_target
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
        text = decode_text(read_capped(source, PACK_BYTES, "GIFT file"))
        write_target(target)  # a symbolic link is refused before any work is done
    except FileRefused as err:
        return fail(str(err))
    except UnicodeDecodeError as err:
        return fail(
            f"{source} is not UTF-8 text (byte 0x{err.object[err.start]:02x} at offset"
            f" {err.start}): save it as UTF-8 and retry"
        )
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
    count = len(imported.questions)
    print(
        f"Wrote {target}: {count} question{'' if count == 1 else 's'}"
        f"{f', {len(imported.skipped)} skipped' if imported.skipped else ''}"
        f"{f', {problems} could not be read (listed above)' if problems else ''}."
    )
    if not args.language:
        print(
            f"Language: {language}, guessed from the text (it names true/false and sets the "
            f"pack's language); give --language TAG to choose another."
        )
    return EXIT_INVALID if problems else EXIT_OK


def cmd_report(args: argparse.Namespace, paths: AppPaths) -> int:
    from ali_quiz.teach.report_command import run_report

    return run_report(args, paths)
