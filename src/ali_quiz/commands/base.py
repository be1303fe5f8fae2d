"""What the commands share: exit statuses, errors, warnings, JSON, the round the options name."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ali_quiz.paths import AppPaths

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

    from ali_quiz.i18n import Translator
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


def interface(paths: AppPaths) -> Translator:
    """The interface language, for what a person reads: the settings' language, else the
    system locale's (the settings module is not loaded when there is no settings file)."""
    from ali_quiz.i18n import system_language, translator

    if not paths.config_path.exists() and not paths.config_path.is_symlink():
        return translator(system_language())
    from ali_quiz.config import load_settings

    # A broken settings file is reported where the settings are used, not here too.
    return translator(load_settings(paths.config_path).settings.effective_language)


def print_json(data: Any) -> None:
    import json

    print(json.dumps(data, ensure_ascii=False, indent=2))


def _settings(paths: AppPaths) -> tuple[str | None, str]:
    """The pack and player chosen in the settings (a broken file is reported, not fatal)."""
    if not paths.config_path.exists() and not paths.config_path.is_symlink():
        # No settings file: the defaults (no pack chosen, the login name) without loading the
        # settings module, which would say the same.
        from ali_quiz.player import default_player

        return None, default_player()
    from ali_quiz.config import load_settings

    loaded = load_settings(paths.config_path)
    for problem in loaded.problems:
        warn(str(problem))
    return loaded.settings.pack, loaded.settings.player


def resolve_from_args(
    args: argparse.Namespace,
    paths: AppPaths,
    player: str | None = None,
    tr: Translator | None = None,
) -> ResolvedRound:
    """The round the options of `play` or `generate` describe; CommandError when there is none,
    worded in `tr`'s language (`play` speaks the interface language; the other commands,
    English)."""
    from ali_quiz.packs.model import Pack
    from ali_quiz.roundhistory import met_from_disk, review_from_disk
    from ali_quiz.roundspec import (
        ENGLISH,
        DiskPacks,
        RoundSpec,
        RoundSpecError,
        UsageError,
        parse_date,
        resolve_round,
    )

    default_pack, settings_player = _settings(paths)
    packs = DiskPacks(paths)
    chosen: str | Pack | None = default_pack
    if default_pack is not None and args.pack is None and args.code is None:
        # A pack chosen in the settings and since removed: the built-in pack, as in the TUI.
        try:
            chosen = packs.find(default_pack)
        except RoundSpecError as err:
            if err.key != "round.pack_missing":
                raise CommandError(err.message(tr) if tr is not None else str(err)) from None
            wording = tr or ENGLISH
            warn(
                wording(
                    "round.settings_pack_missing",
                    pack=repr(default_pack),
                    file=str(paths.config_path),
                )
            )
            chosen = None
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
            packs,
            default_pack=chosen,
            review=review_from_disk(paths, player or settings_player),
            met=met_from_disk(paths, player or settings_player),
        )
    except UsageError as err:
        raise CommandError(err.message(tr) if tr is not None else str(err), EXIT_USAGE) from None
    except RoundSpecError as err:
        raise CommandError(err.message(tr) if tr is not None else str(err)) from None
