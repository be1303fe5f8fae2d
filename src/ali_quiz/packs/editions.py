"""Which built-in edition a first run plays: the one in the interface language.

Kept free of imports so the TUI and the CLI can ask before any pack is loaded.
"""

from __future__ import annotations

#: The built-in edition for each interface language, offered until the player picks a pack.
EDITIONS = {"en": "dingtalk-2020-en", "zh-Hant": "dingtalk-2020"}
#: The default pack (packs.model's DEFAULT_PACK), for those that must not load the model.
DEFAULT_EDITION = "dingtalk-2020"


def default_pack_for(language: str) -> str:
    """The pack a first run plays (no pack in the settings): the edition in this language."""
    return EDITIONS.get(language, DEFAULT_EDITION)
