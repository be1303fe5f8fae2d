"""Who plays: a player's name as it is stored, and the login name when the settings name nobody.

Apart from `config` so that a command run without a settings file (a new user, a script) gets
its player without importing the settings module.
"""

from __future__ import annotations

import os

MAX_PLAYER_LENGTH = 40


def default_player() -> str:
    """The login name, which is the most likely name of whoever plays in this terminal."""
    # What getpass.getuser() does, without importing getpass (and termios) into every command.
    name = next(
        (
            os.environ[key]
            for key in ("LOGNAME", "USER", "LNAME", "USERNAME")
            if os.environ.get(key)
        ),
        "",
    )
    if not name:
        try:
            import pwd

            name = pwd.getpwuid(os.getuid()).pw_name
        except (ImportError, OSError, KeyError):  # no login name (some containers): a word
            name = ""
    return clean_player(name) or "player"


def clean_player(text: str) -> str:
    """A player name as stored: one line, trimmed, at most MAX_PLAYER_LENGTH characters."""
    return " ".join(text.split())[:MAX_PLAYER_LENGTH]
