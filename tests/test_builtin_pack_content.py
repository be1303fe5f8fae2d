"""Content rules of the two built-in packs, checked on the raw YAML (independent of the loader).

The sources must be verbatim substrings of the article; that check needs the article text,
found at $ALI_QUIZ_ARTICLE or the shared source folder, and is skipped where neither exists.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from ali_quiz.numbers import parse_number
from ali_quiz.packs.dates import PartialDate

QUESTIONS = Path(__file__).resolve().parent.parent / "questions"
ZH = QUESTIONS / "dingtalk-2020.yaml"
EN = QUESTIONS / "dingtalk-2020-en.yaml"
ARTICLE_CANDIDATES = (
    os.environ.get("ALI_QUIZ_ARTICLE", ""),
    "/work/shared/source/article.zh-Hant.txt",
)
ID_RE = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
VALUE_RE = re.compile(r"^\d+(?:\.\d+)?(?:萬|億|%)?$")
MULTIPLIERS = ("萬", "億", "万", "亿", "百", "千", "million", "billion", "thousand")


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def zh() -> dict[str, Any]:
    return _load(ZH)


@pytest.fixture(scope="module")
def en() -> dict[str, Any]:
    return _load(EN)


@pytest.fixture(scope="module")
def article() -> str:
    for candidate in ARTICLE_CANDIDATES:
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    pytest.skip("the article text is not available (set ALI_QUIZ_ARTICLE)")


def _facts(pack: dict[str, Any]) -> list[dict[str, Any]]:
    """Every sourced fact: events, states, versions, metrics, sequences and their items."""
    found: list[dict[str, Any]] = [
        *pack["events"],
        *pack["states"],
        *pack["versions"],
        *pack["metrics"],
    ]
    for seq in pack["sequences"]:
        found.append(seq)
        found.extend(seq["items"])
    return found


def _ids(pack: dict[str, Any]) -> list[str]:
    return [f["id"] for f in _facts(pack)] + [q["id"] for q in pack["questions"]]


def _by_id(pack: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["id"]: f for f in _facts(pack)}


def _date(value: Any) -> PartialDate:
    # safe_load turns 2015-01-16 into a date and 2017 into an int; the loader reads raw text.
    return PartialDate.parse(str(value))


def test_metadata(zh: dict[str, Any], en: dict[str, Any]) -> None:
    assert (zh["id"], zh["language"]) == ("dingtalk-2020", "zh-Hant")
    assert (en["id"], en["language"]) == ("dingtalk-2020-en", "en")
    assert zh["title"] and en["title"]


@pytest.mark.parametrize("path", [ZH, EN], ids=["zh", "en"])
def test_ids_unique_and_well_formed(path: Path) -> None:
    ids = _ids(_load(path))
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    assert all(ID_RE.match(i) for i in ids), [i for i in ids if not ID_RE.match(i)]


def test_editions_share_ids_and_sources(zh: dict[str, Any], en: dict[str, Any]) -> None:
    assert _ids(zh) == _ids(en)
    en_facts = _by_id(en)
    for fact in _facts(zh):
        twin = en_facts[fact["id"]]
        assert twin["source"] == fact["source"], fact["id"]
        assert twin.get("source_en"), f"{fact['id']} has no source_en"
        assert "source_en" not in fact, f"{fact['id']}: the zh-Hant edition needs no translation"
    for a, b in zip(zh["events"], en["events"], strict=True):
        assert str(a["date"]) == str(b["date"])
    for a, b in zip(zh["versions"], en["versions"], strict=True):
        assert (str(a.get("date")), a["version"][:1].isdigit()) == (
            str(b.get("date")),
            b["version"][:1].isdigit(),
        )
    for a, b in zip(zh["metrics"], en["metrics"], strict=True):
        # The English edition may write a figure the English way (200 million for 2億).
        assert (
            parse_number(str(a["value"])),
            str(a.get("as_of")),
            a.get("alike"),
            a.get("tolerance"),
        ) == (
            parse_number(str(b["value"])),
            str(b.get("as_of")),
            b.get("alike"),
            b.get("tolerance"),
        )
    for sa, sb in zip(zh["sequences"], en["sequences"], strict=True):
        assert [i["rank"] for i in sa["items"]] == [i["rank"] for i in sb["items"]]


def test_sources_are_verbatim(zh: dict[str, Any], article: str) -> None:
    for fact in _facts(zh):
        assert fact.get("source"), f"{fact['id']} has no source"
        assert fact["source"] in article, f"{fact['id']}: source is not verbatim"
    for question in zh["questions"]:
        assert question["explanation"] in article, question["id"]


def test_english_explanations_quote_the_article(zh: dict[str, Any], en: dict[str, Any]) -> None:
    for a, b in zip(zh["questions"], en["questions"], strict=True):
        assert b["explanation"].endswith(f"\n「{a['explanation']}」"), b["id"]


def test_source_typos_kept(zh: dict[str, Any]) -> None:
    assert "依據霸佔" in _by_id(zh)["dingtalk-still-top"]["source"]


def test_dates(zh: dict[str, Any]) -> None:
    events = {e["id"]: str(e["date"]) for e in zh["events"]}
    assert events["dingtalk-tops-app-store"] == "2020-02-05"
    # First place from 5 to 28 February: a state reported as of 28 February, not a happening.
    states = {s["id"]: str(s["as_of"]) for s in zh["states"]}
    assert states == {
        "dingtalk-still-top": "2020-02-28",
        "diandianchong-site-redirects": "2020-02-28",
    }
    assert "dingtalk-still-top" not in events
    assert events["dingtalk-taobao-interop"] == "2018-06"
    assert events["dingtalk-alipay"] == "2018-12"
    assert events["dingtalk-autumn-winter-launch"] == "2018-12"
    assert events["dingtalk-joins-alibaba-cloud"] == "2019-06"
    assert events["wechat-circles-launch"] == "2019"
    for value in events.values():
        _date(value)
    versions = {v["id"]: v for v in zh["versions"]}
    assert {k: str(v.get("date")) for k, v in versions.items()} == {
        "dingtalk-beta": "2014-12-01",
        "dingtalk-official-release": "2015-01-16",
        "dingtalk-2-0": "None",  # the article gives no date for 2.0
        "dingtalk-3-0": "2016-09",
        "dingtalk-4-0": "2017",
        "dingtalk-5-0": "2020-02-25",
        "laiwang-6-2": "2015-11-18",
    }
    assert versions["dingtalk-5-0"]["codename"] == "巴顏喀拉"
    assert all(v["version"] != "1.0" for v in versions.values())
    assert all(isinstance(v["version"], str) for v in versions.values())
    assert any("點點蟲" in h for h in versions["laiwang-6-2"]["highlights"])


def test_release_stored_once(zh: dict[str, Any]) -> None:
    """No event repeats a release: none names a version's number or shares its source."""
    version_sources = {v["source"] for v in zh["versions"]}
    for event in zh["events"]:
        assert event["source"] not in version_sources, event["id"]
        for version in zh["versions"]:
            if version["version"][:1].isdigit():
                assert f"{version['version']}版本" not in event["title"], event["id"]


def test_metrics(zh: dict[str, Any], en: dict[str, Any]) -> None:
    ids = set(_ids(zh))
    metrics = {m["id"]: m for m in zh["metrics"]}
    expected = {
        "dingtalk-users-2019-06": ("2億", "人", "2019-06-30"),
        "dingtalk-orgs-2019-06": ("1000萬", "家", "2019-06-30"),
        "wechat-mau-accounts-2019-09": ("11.51億", "賬戶", "2019-09"),
        "wechat-mau-growth-2019-09": ("6%", "%", "2019-09"),
        "wechat-mau-2020-01": ("97563.8萬", "人", "2020-01"),
        "dingtalk-mau-2020-01": ("7610.2萬", "人", "2020-01"),
        "dingtalk-rank-2020-01": ("58", "位", "2020-01"),
        "wechat-rank-2020-01": ("1", "位", "2020-01"),
        "diandianchong-ratings": ("156", "個", "2020-02-28"),
        "diandianchong-score": ("3.8", "分", "2020-02-28"),
        "dingtalk-circle-modes": ("4", "種", "None"),
    }
    for key, (value, unit, as_of) in expected.items():
        got = metrics[key]
        assert (got["value"], got["unit"], str(got.get("as_of"))) == (value, unit, as_of), key
    for metric in zh["metrics"]:
        assert isinstance(metric["value"], str) and VALUE_RE.match(metric["value"])
    for pack in (zh, en):
        for metric in pack["metrics"]:
            assert not any(m in metric["unit"] for m in MULTIPLIERS), metric["id"]
            assert set(metric.get("alike", [])) <= ids, metric["id"]
    alike = metrics["wechat-mau-accounts-2019-09"].get("alike", [])
    assert "wechat-mau-2020-01" in alike
    # The English edition's units must group figures exactly as the Chinese ones do.
    zh_groups = sorted(
        sorted(m["id"] for m in zh["metrics"] if m["unit"] == u)
        for u in {m["unit"] for m in zh["metrics"]}
    )
    en_groups = sorted(
        sorted(m["id"] for m in en["metrics"] if m["unit"] == u)
        for u in {m["unit"] for m in en["metrics"]}
    )
    assert zh_groups == en_groups


def test_social_apps_sequence(zh: dict[str, Any]) -> None:
    (seq,) = zh["sequences"]
    rank = {i["text"]: i["rank"] for i in seq["items"]}
    assert not {"陌陌", "千牛", "旺信"} & set(rank)
    assert rank["阿里旺旺"] < rank["淘江湖"] < rank["來往"] < rank["點點蟲"] < rank["Real 如我"]
    assert rank["Real 如我"] == max(rank.values())
    assert sorted(set(rank.values())) == list(range(1, max(rank.values()) + 1))


@pytest.mark.parametrize("path", [ZH, EN], ids=["zh", "en"])
def test_authored_questions(path: Path) -> None:
    pack = _load(path)
    facts = {f["id"] for f in _facts(pack)}
    questions = pack["questions"]
    assert 5 <= len(questions) <= 30
    kinds = {q["kind"] for q in questions}
    assert {"text", "choice"} <= kinds
    for question in questions:
        assert question.get("explanation"), question["id"]
        assert set(question.get("facts", [])) <= facts, question["id"]
        if question["kind"] == "choice":
            options = question["options"]
            assert 2 <= len(options) <= 6
            assert sum(1 for o in options if o.get("correct")) == 1, question["id"]
            assert all(isinstance(o["text"], str) for o in options)
        if question["kind"] == "text":
            assert question["accepted"] and all(isinstance(a, str) for a in question["accepted"])


#: Half-width punctuation beside a Chinese character: Chinese text takes ，？：；！（）.
_CHINESE = "[\u3400-\u9fff“”《》]"
_HALF_WIDTH_IN_CHINESE = re.compile(rf"{_CHINESE}[,?:;!()]|[,?:;!()]{_CHINESE}")


def _written_texts(pack: dict[str, Any]) -> list[str]:
    """The texts the pack writes itself (not the article's verbatim sentences): titles,
    details, labels, questions, options."""
    texts = [pack["title"], pack["description"], pack["citation"]]
    for fact in _facts(pack):
        texts += [fact.get(key) or "" for key in ("title", "detail", "label", "ask", "text")]
        texts += fact.get("highlights", [])
    for question in pack["questions"]:
        texts.append(question["prompt"])
        texts += [o["text"] for o in question.get("options", [])]
    return texts


def test_the_chinese_pack_writes_full_width_punctuation(zh: dict[str, Any]) -> None:
    """Play test G4: 「釘釘測試版是在什麼時候上線的?」 had a half-width ? beside ？ elsewhere.
    The article's own sentences (source, explanation) stay verbatim."""
    found = [t for t in _written_texts(zh) if _HALF_WIDTH_IN_CHINESE.search(t)]
    assert found == []


@pytest.mark.parametrize("path", [ZH, EN], ids=["zh", "en"])
def test_every_event_has_its_own_question(path: Path) -> None:
    """A teacher's question for each event ("When did DingTalk join…?"), not the template's
    "When did this happen? …" (play test G4)."""
    pack = _load(path)
    assert [e["id"] for e in pack["events"] if not e.get("ask")] == []
    for event in pack["events"]:
        assert event["ask"].endswith("?" if path == EN else "？"), event["id"]
