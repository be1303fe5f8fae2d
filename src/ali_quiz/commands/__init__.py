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
from ali_quiz.commands.history import cmd_history, cmd_import_gift, cmd_report
from ali_quiz.commands.packs import cmd_new_pack, cmd_packs, cmd_validate
from ali_quiz.commands.rounds import cmd_audit, cmd_generate, cmd_show

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "HANDLERS",
    "CommandError",
    "Handler",
    "fail",
    "resolve_from_args",
    "warn",
]


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
