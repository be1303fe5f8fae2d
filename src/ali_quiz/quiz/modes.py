"""The names of the round modes, in a module of their own: the command line's parser lists them
without importing the generator (and the pack model with it), so `ali-quiz --version`,
`validate`, `show` and `history` start faster."""

from __future__ import annotations

MODES = ("quick", "order", "match", "estimate", "choice", "daily", "review")
