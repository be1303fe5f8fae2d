"""Settings (config.yaml) and the interface strings behind them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ali_quiz import config as config_module
from ali_quiz.config import (
    DEFAULT_COUNT,
    MAX_COUNT,
    Settings,
    load_settings,
    save_settings,
)
from ali_quiz.i18n import LANGUAGES, STRINGS, Translator, normalize_language, system_language
from ali_quiz.player import clean_player

PLACEHOLDER = re.compile(r"\{(\w+)[^}]*\}")


def test_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "config.yaml")
    assert loaded.problems == ()
    assert loaded.settings.count == DEFAULT_COUNT
    assert loaded.settings.language is None
    assert loaded.settings.player


def test_saved_settings_read_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "config.yaml"
    settings = Settings(
        player="林小美", language="zh-Hant", theme="nord", count=7, pack="dingtalk-2020-en"
    )
    save_settings(path, settings)
    loaded = load_settings(path)
    assert loaded.problems == ()
    assert loaded.settings == settings
    assert "林小美" in path.read_text(encoding="utf-8")  # UTF-8, not escaped


def test_broken_yaml_is_reported_with_its_place_and_the_defaults_used(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("player: ann\nlanguage: [en\n", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.count == DEFAULT_COUNT
    assert len(loaded.problems) == 1
    assert str(loaded.problems[0]).startswith(f"{path}:")
    assert "using the defaults" in str(loaded.problems[0])


def test_bad_values_keep_the_good_ones_and_say_which_were_dropped(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(
        "player: '  ann  '\nlanguage: klingon\ntheme: 'no such; theme'\n"
        "questions_per_round: 500\ncolour: blue\n",
        encoding="utf-8",
    )
    loaded = load_settings(path)
    assert loaded.settings.player == "ann"
    assert loaded.settings.language is None
    assert loaded.settings.count == DEFAULT_COUNT
    text = "\n".join(map(str, loaded.problems))
    for word in ("language", "theme", "questions_per_round", "colour"):
        assert word in text
    assert len(loaded.problems) == 4


@pytest.mark.parametrize("value", ["0", "true", "'ten'", str(MAX_COUNT + 1)])
def test_questions_per_round_must_be_a_whole_number_in_range(tmp_path: Path, value: str) -> None:
    path = tmp_path / "config.yaml"
    path.write_text(f"questions_per_round: {value}\n", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.settings.count == DEFAULT_COUNT
    assert loaded.problems


def test_a_file_that_is_not_a_mapping_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.problems and "expected keys" in str(loaded.problems[0])


def test_player_names_are_one_trimmed_line() -> None:
    assert clean_player("  Ann \n Lee ") == "Ann Lee"
    assert len(clean_player("x" * 100)) == 40


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("zh_TW.UTF-8", "zh-Hant"),
        ("zh-Hant", "zh-Hant"),
        ("zh_HK", "zh-Hant"),
        ("zh_CN.UTF-8", "zh-Hant"),
        ("en_GB.UTF-8", "en"),
        ("C", None),
        ("de_DE", None),
        ("", None),
    ],
)
def test_locale_tags_map_to_an_interface_language(tag: str, expected: str | None) -> None:
    assert normalize_language(tag) == expected


def test_the_system_language_follows_the_posix_variables_in_order() -> None:
    assert system_language({"LANG": "zh_TW.UTF-8"}) == "zh-Hant"
    assert system_language({"LC_ALL": "en_US.UTF-8", "LANG": "zh_TW.UTF-8"}) == "en"
    assert system_language({"LANG": "C"}) == "en"
    assert system_language({"LANGUAGE": "fr:zh_TW"}) == "zh-Hant"
    assert system_language({}) == "en"


def test_the_effective_language_is_the_chosen_one_or_the_systems() -> None:
    assert Settings(player="a", language="zh-Hant").effective_language == "zh-Hant"
    assert Settings(player="a").effective_language in LANGUAGES


def test_every_string_has_both_languages_with_the_same_placeholders() -> None:
    for key, (english, chinese) in STRINGS.items():
        assert english.strip() and chinese.strip(), key
        assert sorted(PLACEHOLDER.findall(english)) == sorted(PLACEHOLDER.findall(chinese)), key


def test_the_chinese_side_is_really_translated() -> None:
    """Only strings made of symbols, codes or names may read the same in both languages."""
    same = [key for key, (english, chinese) in STRINGS.items() if english == chinese]
    # Only a placeholder: the reason inside is translated (a figure's or a code's problem).
    allowed = {"results.col.number", "history.detail_info", "answer.estimate.bad", "code.error"}
    allowed |= {"cli.history.col.id", "cli.history.col.percent"}  # `#` and `%`: symbols
    assert set(same) <= allowed


def test_a_translator_formats_and_fails_loudly_on_unknown_keys() -> None:
    tr = Translator("zh-Hant")
    assert tr("play.score", score=3, max=5) == "得分 3/5"
    assert Translator("en")("play.score", score=3, max=5) == "Score 3/5"
    with pytest.raises(KeyError):
        tr("no.such.key")


def test_every_interface_string_the_code_names_is_in_the_catalogue() -> None:
    """Keys named literally in the source (`tr("…")`, Binding descriptions) exist in both
    languages: a missing one would show a key, or an English sentence, to a reader."""
    source = Path(__file__).resolve().parent.parent / "src" / "ali_quiz"
    # tr("any.key"); a Binding's description and a Binding.Group's (keys have a dot there).
    named = re.compile(r'\btr\(\s*"([a-z_][a-z_.0-9]*)"')
    described = re.compile(r'(?:Binding\([^)]*?,\s*[^,)]*?,\s*|Group\()"([a-z_]+\.[a-z_.0-9]+)"')
    found = {
        (path.name, key)
        for path in source.rglob("*.py")
        for pattern in (named, described)
        for key in pattern.findall(path.read_text(encoding="utf-8"))
    }
    assert len(found) > 150  # the pattern still finds the keys
    assert not {(name, key) for name, key in found if key not in STRINGS}


def test_a_figures_and_a_codes_problem_read_in_the_interface_language() -> None:
    """Core errors carry a key and values: the 繁體中文 interface shows no English sentence."""
    from ali_quiz.numbers import NumberFormatError, parse_number
    from ali_quiz.quiz.codes import CodeError, decode_round_code

    chinese = Translator("zh-Hant")
    problems: list[NumberFormatError | CodeError] = []
    for text in ["", "三億", "2億億", "1萬5", "1,2", "5 million billion", "%5", "2e8億", "abc"]:
        with pytest.raises(NumberFormatError) as number:
            parse_number(text)
        problems.append(number.value)
    for text in ["7Q3K", "7Q3K-9MXA-2TBU", "7Q3K-9MXA-2TBC"]:
        with pytest.raises(CodeError) as code:
            decode_round_code(text)
        problems.append(code.value)
    for problem in problems:
        english, shown = str(problem), problem.message(chinese)
        assert english == problem.message(Translator("en"))
        assert shown != english
        # Quoted input and examples may be Latin; the sentence around them is not English.
        words = re.findall(r"[A-Za-z]{4,}", re.sub(r"'[^']*'|ali-quiz [a-z]+ [A-Z]+", "", shown))
        assert not set(words) - {"million", "billion"}, shown


def test_settings_problems_and_hidden_modes_read_in_the_interface_language(tmp_path: Path) -> None:
    from ali_quiz.packs.loader import load_pack_text
    from ali_quiz.tui.screens.packs import kind_warnings

    chinese, english = Translator("zh-Hant"), Translator("en")
    path = tmp_path / "config.yaml"
    path.write_text("colour: blue\nquestions_per_round: 500\n", encoding="utf-8")
    problems = load_settings(path).problems
    assert len(problems) == 2
    assert [p.message(english) for p in problems] == [str(p) for p in problems]
    assert "不認得的設定" in problems[0].message(chinese)
    assert "不是 1 到 200 的整數" in problems[1].message(chinese)
    text = (
        "id: tiny\ntitle: Tiny\nlanguage: en\nmetrics:\n  - {id: m, label: L, value: 2, unit: u}\n"
    )
    pack = load_pack_text(text, "tiny.yaml")
    hidden = kind_warnings(pack, chinese)
    # A lone figure of 2 is a small whole number: no estimate either (it is asked as a choice).
    assert len(hidden) == 4 and all("模式已隱藏" in line for line in hidden)
    assert all(not re.search(r"[A-Za-z]{3,}", line) for line in hidden)


PLAIN_CASES = [
    "# ali-quiz settings, written by its Settings screen\nplayer: bench\nlanguage: en\n"
    "theme: textual-dark\nquestions_per_round: 10\npack: dingtalk-2020-en\n",
    "player: Ada Lovelace\nlanguage: null\n",
    "player: x\nplayer: y\n",  # a key twice: YAML reports it
    "player: bench\r\nlanguage: en\r\n",
    "player: 'quoted'\n",
    "player: a #comment\n",
    "player: a: b\n",
    "player: ~\nlanguage: NULL\ntheme: Null\n",
    "player: yes\nquestions_per_round: 0x10\ntheme: 1e3\n",
    "player: bench\nunknown_key: 3\nquestions_per_round: 999\n",
    "  player: indented\n",
    "---\nplayer: doc\n",
    "# only a comment\n",
    "",
    "player:\n",
    "player: 陳航\n",
    "player: trailing \n",
    "player: bench",
    "[player, bench]\n",
]


@pytest.mark.parametrize("text", PLAIN_CASES)
def test_settings_read_without_yaml_mean_what_yaml_reads(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The settings file the Settings screen writes is read without loading YAML; whatever
    that reader takes, it reads as the YAML reader does (settings and problems alike)."""
    path = tmp_path / "config.yaml"
    path.write_bytes(text.encode("utf-8"))
    fast = load_settings(path)
    monkeypatch.setattr(config_module, "_plain_settings", lambda data: None)
    assert fast == load_settings(path)


def test_saved_settings_are_read_without_yaml(tmp_path: Path) -> None:
    """What save_settings writes (a usual player name) takes the reader without YAML."""
    path = tmp_path / "config.yaml"
    save_settings(path, Settings(player="bench", language="zh-Hant", count=12, pack="p-1"))
    assert config_module._plain_settings(path.read_bytes()) == {
        "player": "bench",
        "language": "zh-Hant",
        "theme": "textual-dark",
        "questions_per_round": "12",
        "pack": "p-1",
    }


def test_a_file_of_thousands_of_unknown_settings_gives_a_hundred_warnings(tmp_path: Path) -> None:
    """Every unknown key was a warning: a 5,000-line file gave 5,000 (the limit is 100)."""
    path = tmp_path / "config.yaml"
    path.write_text("".join(f"k{i}: 1\n" for i in range(5000)), encoding="utf-8")
    problems = load_settings(path).problems
    assert len(problems) == 101
    assert str(problems[-1]).endswith(
        "and 4900 more unknown settings ignored (is this a settings file?)"
    )
