"""What each command does, over the core; cli.py parses and dispatches here.

Each command imports only what it needs, when it runs. A command that cannot do what was asked
returns its exit status after `fail` has said why, or raises `CommandError` (main() prints it
and exits with its status): 0 success, 1 invalid input, 2 wrong usage. The commands live in one
module per subject: `rounds` (generate, show, audit), `packs` (packs, validate, new-pack),
`history` (history, import-gift, report); `base` holds what they share.
"""

from __future__ import annotations

from ali_quiz.commands.base import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    CommandError,
    Handler,
    fail,
    resolve_from_args,
    warn,
)

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "CommandError",
    "Handler",
    "fail",
    "handler",
    "resolve_from_args",
    "warn",
]


def handler(command: str | None) -> Handler | None:
    """A command's function (None for no such command), importing only its own module."""
    match command:
        case "generate":
            from ali_quiz.commands.rounds import cmd_generate

            return cmd_generate
        case "show":
            from ali_quiz.commands.rounds import cmd_show

            return cmd_show
        case "audit":
            from ali_quiz.commands.rounds import cmd_audit

            return cmd_audit
        case "packs":
            from ali_quiz.commands.packs import cmd_packs

            return cmd_packs
        case "validate":
            from ali_quiz.commands.packs import cmd_validate

            return cmd_validate
        case "new-pack":
            from ali_quiz.commands.packs import cmd_new_pack

            return cmd_new_pack
        case "history":
            from ali_quiz.commands.history import cmd_history

            return cmd_history
        case "import-gift":
            from ali_quiz.commands.history import cmd_import_gift

            return cmd_import_gift
        case "report":
            from ali_quiz.commands.history import cmd_report

            return cmd_report
    return None
