"""Every cap on what ali-quiz reads, in one place (PRODUCT.md, "Text is data")."""

from __future__ import annotations

MIB = 1024 * 1024

#: A pack file (YAML) or a Moodle GIFT file.
PACK_BYTES = 8 * MIB
#: A history hand-in: a `history --json` file read by `report`.
HISTORY_JSON_BYTES = 16 * MIB
#: The settings file, config.yaml.
CONFIG_BYTES = 1 * MIB
#: YAML or JSON nodes (every scalar, key, list and mapping; aliases expanded), counted as parsed.
MAX_NODES = 200_000
#: Lists and mappings inside each other, in any YAML or JSON read.
MAX_DEPTH = 200
#: Problems listed for one file; the rest are counted ("and N more").
MAX_PROBLEMS = 100
#: Characters in one question of a GIFT file (a hundred pages): the reader keeps a place per
#: character, so one 7 MB line took 1 GB and half a minute.
GIFT_QUESTION_CHARS = 200_000


def size_text(size: int) -> str:
    """`8 MiB`, `512 KiB`: a cap as people read it."""
    if size >= MIB and size % MIB == 0:
        return f"{size // MIB} MiB"
    if size >= MIB:
        return f"{size / MIB:.1f} MiB"
    return f"{max(1, size // 1024)} KiB"
