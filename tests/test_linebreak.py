"""Line breaking of mixed Chinese and Latin text (ali_quiz.linebreak)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ali_quiz.linebreak import analyse, break_offsets, wrap
from ali_quiz.packs.loader import load_pack
from ali_quiz.textwidth import width as cells
from linebreak_checks import bad_breaks

BUILTIN = "questions/dingtalk-2020.yaml"


def lines_of(text: str, columns: int) -> list[str]:
    offsets = [0, *break_offsets(text, columns), len(text)]
    return [text[a:b] for a, b in zip(offsets, offsets[1:], strict=False)]


# --- The breaks the issue saw ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "whole", "from_columns"),
    [
        ("此後,釘釘不斷更新升級,到2.0版本釋出時,釘釘被定義為“一個工作方式”。", "2.0版", 5),
        ("截至2019年9月,微信月活躍賬戶數量已達到11.51億,同比增長6%。", "11.51億,", 8),
        ("微信以97563.8萬的月活躍人數位居第一,而釘釘排名為第58位。", "97563.8萬", 9),
        ("微信以97563.8萬的月活躍人數位居第一,而釘釘排名為第58位。", "第58位。", 8),
        ("每回合 5 題", "5 題", 4),
        ("公佈“人、財、物、事”全鏈路數字化解決方案(2018年12月1日)", "2018年12月1日)", 16),
        ("同比增長6%。", "6%。", 4),
        # A Latin phrase inside Chinese text stays whole when it takes a third of the line.
        ("2月5日,釘釘下載量首次超越微信,躍居蘋果App Store免費APP排行榜第一。", "App Store", 27),
    ],
)
def test_a_number_a_latin_phrase_or_a_figure_is_never_split(
    text: str, whole: str, from_columns: int
) -> None:
    for columns in range(from_columns, cells(text) + 2):
        lines = lines_of(text, columns)
        assert any(whole in line for line in lines), (columns, lines)


def test_closing_punctuation_never_starts_a_line() -> None:
    text = "不過,令人尷尬的是,上線至今,“點點蟲”累計僅擁有156個評分,分數為3.8,念念不忘。"
    for columns in range(6, cells(text) + 1):  # 今,“點 is 6 columns that hold together
        for line in lines_of(text, columns)[1:]:
            assert line[0] not in "。,、“”", (columns, line)


def test_a_lone_full_stop_takes_the_character_before_it_along() -> None:
    # 14 characters and a full stop at a width of 28: the 。 cannot start the second line.
    text = "完成了自身軟體和硬體的融合好。"
    assert wrap(text, 28) == ["完成了自身軟體和硬體的融", "合好。"]


def test_opening_punctuation_never_ends_a_line() -> None:
    text = "釘釘5.0「巴顏喀拉」新品線上直播發表會上,(花名:無招)表示理解。"
    for columns in range(6, cells(text) + 1):
        for line in lines_of(text, columns):
            assert line.rstrip()[-1] not in "「(（", (columns, line)


def test_a_lone_last_character_takes_one_more_along() -> None:
    assert wrap("一二三四五", 8) == ["一二三", "四五"]
    assert wrap("並稱“會接受小朋友們意見”。", 24) == ["並稱“會接受小朋友們", "意見”。"]


def test_latin_text_breaks_at_spaces_only() -> None:
    text = (
        "The quick brown fox jumps over dingtalk-2020 in round 7Q3K-9MXA-2T4B, e.g. 1,000.5 of 3/4"
    )
    for columns in range(16, 60):
        for line in wrap(text, columns):
            assert line == line.strip()
            assert all(word in text.split() for word in line.split()), (columns, line)


def test_a_latin_phrase_breaks_at_its_spaces_when_it_is_long_for_the_line() -> None:
    title = "書名是 The Rise and Fall of the Third Reich 的中譯本"
    assert wrap(title, 30) == ["書名是 The Rise and Fall of", "the Third Reich 的中譯本"]
    assert wrap("躍居蘋果App Store免費", 12) == ["躍居蘋果App", "Store免費"]


def test_a_number_gives_up_its_counter_only_when_it_must() -> None:
    assert wrap("每回合 5 題", 8) == ["每回合", "5 題"]
    assert wrap("7610.2萬", 6) == ["7610.2", "萬"]


def test_a_word_longer_than_the_line_is_folded() -> None:
    assert wrap("supercalifragilistic", 8) == ["supercal", "ifragili", "stic"]
    assert wrap("到123456789", 4) == ["到", "1234", "5678", "9"]


def test_folding_avoids_closing_punctuation_at_a_line_start() -> None:
    assert wrap("abcdefgh.", 4) == ["abcd", "efg", "h."]


def test_newlines_are_kept_and_trailing_spaces_dropped() -> None:
    assert wrap("一二 \n三", 10) == ["一二", "三"]
    assert wrap("", 10) == [""]


def test_same_offsets_as_rich_for_plain_english() -> None:
    from rich._wrap import divide_line

    text = "Every answer is followed by the sentence of the source that it comes from."
    for columns in range(10, 80):
        assert break_offsets(text, columns) == divide_line(text, columns), columns


# --- Hostile input -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x1b[31m紅色\x07\x00文字",
        "e\u0301e\u0301e\u0301 naïve",
        "👨\u200d👩\u200d👧\u200d👦👍🏽🇹🇼🇯🇵☺\ufe0f",
        "\ud800孤立\udfff",
        "\u200b\u2060\ufeff\u00a0",
        "\u0301開頭的組合符號",
        "ا" * 50 + " עברית",
        "\t分\t隔\t",
        "x" * 5000,
        "中" * 5000,
        "。" * 100,
        "「" * 100,
        "1" * 100 + "。",
    ],
)
@pytest.mark.parametrize("columns", [-3, 0, 1, 2, 3, 7, 80])
def test_hostile_text_never_crashes_and_every_line_fits(text: str, columns: int) -> None:
    offsets = break_offsets(text, columns)
    assert offsets == sorted(set(offsets))
    assert all(0 < o < len(text) for o in offsets)
    starts = set(analyse(text).starts)
    assert set(offsets) <= starts  # never inside a character and its marks
    for line in lines_of(text, columns):
        clusters = analyse(line.rstrip()).clusters
        assert cells(line.rstrip()) <= max(columns, 1) or len(clusters) == 1, line


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list("釘釘的崛起版本。，、「」（）“”…%： abcXYZ0123456789.,-/!?\u0301👍\u200d")
        ),
        max_size=80,
    ),
    st.integers(min_value=1, max_value=40),
)
def test_any_text_is_cut_into_lines_that_fit(text: str, columns: int) -> None:
    lines = lines_of(text, columns)
    assert "".join(lines) == text
    for index, line in enumerate(lines):
        fits = cells(line.rstrip()) <= columns or len(analyse(line.rstrip()).clusters) == 1
        assert fits, (columns, lines)
        if index:
            assert not line[0].isspace()


# --- The built-in pack -------------------------------------------------------------------


def pack_texts() -> list[str]:
    pack = load_pack(BUILTIN)
    texts: set[str] = set()
    for group in (pack.events, pack.states, pack.versions, pack.metrics):
        for fact in group:
            texts.update(v for v in vars(fact).values() if isinstance(v, str) and v)
    return sorted(texts)


def test_no_bad_break_in_any_sentence_of_the_builtin_pack_at_any_width() -> None:
    found = []
    for text in pack_texts():
        for columns in range(12, 81):
            for reason in bad_breaks(text, break_offsets(text, columns), longest=columns):
                found.append(f"{columns}: {reason}")
    assert not found, found[:20]


def test_rich_wrapping_breaks_the_builtin_pack_badly() -> None:
    """The check above can fail: Rich's own wrapping, on the same texts, breaks them badly."""
    from rich._wrap import divide_line

    bad = [
        reason
        for text in pack_texts()
        for columns in range(20, 81)
        for reason in bad_breaks(text, divide_line(text, columns), longest=columns)
    ]
    assert len(bad) > 100


def test_the_class_report_wraps_prompts_with_the_line_breaker() -> None:
    from ali_quiz.teach.report_output import wrap as report_wrap

    prompt = "此後,釘釘不斷更新升級,到2.0版本釋出時,釘釘被定義為“一個工作方式”。"
    for columns in range(6, 40):
        assert any("2.0版" in line for line in report_wrap(prompt, columns)), columns


def test_key_hints_break_between_hints_never_inside_one() -> None:
    assert wrap("enter 開始 · tab 換區塊 · ^p 指令 · ? 按鍵說明", 44)[-1] == "? 按鍵說明"
    assert wrap("enter plays · tab next panel · ^p commands · ? keys", 44)[-1] == "? keys"


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        (
            "後來又推出“千牛”和手機版“旺信”,大家更愛用它來和店家砍價,對“一星事件”表示理解。",
            "“一星事件”",
        ),
        (
            "後來又推出“千牛”和手機版“旺信”,大家更愛用它來和店家砍價,對“一星事件”表示理解。",
            "“千牛”",
        ),
        (
            "Diandianchong was renamed in the app stores (5 February 2020) after the update",
            "(5 February 2020)",
        ),
    ],
)
def test_a_short_quoted_or_bracketed_term_stays_on_one_line(text: str, whole: str) -> None:
    for columns in range(max(3 * cells(whole), 12), cells(text) + 1):
        assert any(whole in line for line in wrap(text, columns)), columns
