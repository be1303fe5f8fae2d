"""The interface strings of the command palette that Textual would otherwise say in English:
its search box, "No matches found", and the system commands ali-quiz keeps (theme, help, quit).
"""

from __future__ import annotations

# key -> (English, 繁體中文)
STRINGS: dict[str, tuple[str, str]] = {
    "palette.search": ("Search for commands…", "搜尋指令…"),
    "palette.search_themes": ("Search for themes…", "搜尋佈景主題…"),
    "palette.no_matches": ("No matches found", "找不到符合的指令"),
    "palette.theme": ("Theme", "佈景主題"),
    "palette.theme.help": ("Change the current theme", "更換目前的佈景主題"),
    "palette.help": ("Keys", "按鍵"),
    "palette.help.help": ("Every key of this screen", "這個畫面的所有按鍵"),
    "palette.quit": ("Quit", "離開"),
    "palette.quit.help": (
        "Quit ali-quiz (in a round, it asks first)",
        "離開 ali-quiz（回合進行中會先確認）",
    ),
}
