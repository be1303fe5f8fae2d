"""The command palette in a round: the round's keys, each with what it does in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_tui_support import make_test_app, round_start, sync
from test_tui_zh_hant import english_runs


@pytest.mark.parametrize("language", ["en", "zh-Hant"])
@pytest.mark.parametrize("mode", ["match", "order", "choice"])
@sync
async def test_mid_round_every_palette_command_says_what_it_does(
    tmp_path: Path, mode: str, language: str
) -> None:
    """Skip and Back had their key ("^s", "esc") for a description: each has a sentence."""
    from ali_quiz.tui.commands import app_commands

    app = make_test_app(tmp_path, start=round_start(mode, 2), language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        commands = app_commands(app)
        assert len(commands) >= 2
        for command in commands:
            help_text = command.help.plain
            words, _, key = help_text.replace("（", "(").replace("）", ")").partition("(")
            assert len(words.strip()) >= 4 and key.endswith(")"), (command.title, help_text)
        helps = {c.title: c.help.plain for c in commands}
        skip = helps["Skip" if language == "en" else "跳過"]
        assert skip.startswith("Give up" if language == "en" else "放棄")
        for help_text in helps.values():
            assert help_text.count("(") + help_text.count("（") == 1, help_text  # no (…) (…)
        if language == "zh-Hant":
            assert all(english_runs(help_text) == [] for help_text in helps.values())
