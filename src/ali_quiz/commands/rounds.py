"""The commands that make rounds or read one pack: `generate`, `show` and `audit`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ali_quiz.commands.base import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    fail,
    print_json,
    resolve_from_args,
)
from ali_quiz.paths import AppPaths

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

    from ali_quiz.quiz.facts import PackFacts


def with_source(data: dict[str, Any], facts: PackFacts) -> dict[str, Any]:
    """A question's JSON with its facts' source sentences after its explanation."""
    shown: dict[str, Any] = {}
    for key, value in data.items():
        shown[key] = value
        if key == "explanation":
            shown.update(facts.source_sentences(data["facts"]))
    return shown


def cmd_generate(args: argparse.Namespace, paths: AppPaths) -> int:
    chosen = resolve_from_args(args, paths)
    questions = list(chosen.questions)
    notice = chosen.shorter_notice()
    if notice:
        print(notice, file=sys.stderr)
    if args.format == "anki":
        return _write_anki(args.output, questions, chosen)
    if args.format == "json":
        from ali_quiz.quiz.facts import facts_of  # the round has loaded it already

        facts = facts_of(chosen.pack)
        text = "".join(
            json.dumps(with_source(question.to_json(), facts), ensure_ascii=False) + "\n"
            for question in questions
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
    from ali_quiz.safety.text import json_visible, visible

    # A file gets the escapes the terminal would show: a worksheet holds no raw ESC, BEL or
    # NUL (invalid in HTML), JSON Lines escape them as JSON does (the same text when read).
    if args.format in ("markdown", "html"):
        text = visible(text)
    elif args.format == "json":
        text = json_visible(text)
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
    deck = f"{notes} note{'' if notes == 1 else 's'}"
    print(f"Wrote {output}: an Anki deck of {deck} (import it with File > Import).")
    return EXIT_OK


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
