"""The round modes and the limits of a round, in a module of their own: the command line's
parser lists them without importing the generator (and the pack model with it), so
`ali-quiz --version`, `validate`, `show` and `history` start faster."""

from __future__ import annotations

MODES = ("quick", "order", "match", "estimate", "choice", "daily", "review")
#: The modes a player picks on the home screen (review is offered when something is due).
PLAY_MODES = MODES[:-1]
DEFAULT_COUNT = 10
#: Questions in a round: `--count` and the "questions per round" setting alike.
MAX_COUNT = 200
#: Seeds a player may give (`--seed`).
MAX_SEED = 999_999
