"""The command line: exit statuses, JSON shapes, packs add, new-pack, --version, ALI_QUIZ_HOME.

Most tests call `ali_quiz.cli.main` in this process (the `cli` fixture); a few run
`python -m ali_quiz` to check what a shell sees.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import ali_quiz
from ali_quiz.packs.dates import PartialDate
from ali_quiz.packs.model import Pack
from ali_quiz.packs.starter import starter_text
from ali_quiz.roundspec import round_code_for
from conftest import FIXTURES, QUESTIONS, Ran, run_ali_quiz

Cli = Callable[..., Ran]
GOOD = FIXTURES / "packs" / "good.yaml"
TEN = FIXTURES / "packs" / "ten-mistakes.yaml"
COMMON_KEYS = {"id", "kind", "prompt", "facts", "explanation", "source", "max_points"}
KIND_KEYS = {
    "order": {"items", "answer"},
    "match": {"left", "right", "answer"},
    "choice": {"options", "answer"},
    "text": {"accepted"},
}


def json_lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


# -- exit statuses -------------------------------------------------------------------------------


def test_validate_good_packs(cli: Cli) -> None:
    ran = cli(
        "validate",
        str(QUESTIONS / "dingtalk-2020.yaml"),
        str(QUESTIONS / "dingtalk-2020-en.yaml"),
        str(GOOD),
    )
    assert ran.status == 0, ran.err
    assert ran.err == ""
    assert len([line for line in ran.out.splitlines() if ": valid: " in line]) == 3


def test_validate_says_a_title_of_several_lines_on_one(cli: Cli, tmp_path: Path) -> None:
    """The verdict is one line: a line break in the title is shown as `\\n` (play test G21)."""
    pack = tmp_path / "nl.yaml"
    pack.write_text(
        'id: nl\ntitle: "Title\\nwith\\tbreaks"\nlanguage: en\nquestions:\n'
        "  - {id: q1, kind: text, prompt: Say x, accepted: [x]}\n",
        encoding="utf-8",
    )
    ran = cli("validate", str(pack))
    assert ran.status == 0, ran.err
    verdict = [line for line in ran.out.splitlines() if ": valid: " in line]
    assert verdict and '"Title\\nwith\\tbreaks"' in verdict[0]


def test_validate_a_folder(cli: Cli, tmp_path: Path) -> None:
    assert cli("validate", str(QUESTIONS)).status == 0
    empty = tmp_path / "empty"
    empty.mkdir()
    ran = cli("validate", str(empty))
    assert ran.status == 1 and "no pack files" in ran.err


def test_validate_ten_mistakes_gives_ten_located_lines_on_stderr(cli: Cli) -> None:
    ran = cli("validate", str(TEN))
    assert ran.status == 1
    located = [line for line in ran.err.splitlines() if line.startswith(f"{TEN}:")]
    located = [line for line in located if line.split(":")[1].isdigit()]
    assert len(located) == 10, ran.err
    assert [tuple(int(n) for n in line.split(":")[1:3]) for line in located] == [
        (6, 1), (11, 5), (15, 12), (17, 11), (20, 11), (22, 9), (28, 12), (34, 13), (37, 11),
        (42, 5),
    ]  # fmt: skip
    assert ran.out == ""


def test_validate_good_and_bad_together(cli: Cli) -> None:
    ran = cli("validate", str(GOOD), str(TEN))
    assert ran.status == 1
    assert ": valid: good-pack" in ran.out
    assert "ten-mistakes.yaml:6:1:" in ran.err


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (("validate",), 2),
        (("validate", "missing.yaml"), 1),
        (("generate", "--mode", "bogus"), 2),
        (("generate", "--pack", "no-such-pack"), 1),
        (("generate", "--pack", "missing/file.yaml"), 1),
        (("generate", "--seed", "1", "--code", "7Q3K-9MXA-2TBC"), 2),
        (("generate", "--mode", "daily", "--seed", "1"), 2),
        (("generate", "--count", "0"), 2),
        (("generate", "--count", "ten"), 2),
        (("generate", "--seed", "-1"), 2),
        (("generate", "--date", "2024-02-30"), 2),
        (("generate", "--format", "pdf"), 2),
        (("generate", "--code", "0000-0000-0000"), 1),
        (("generate", "--mode", "review"), 1),
        (("generate", "--mode", "review", "--seed", "3"), 2),
        (("show", "no-such-pack"), 1),
        (("show",), 2),
        (("packs", "add"), 2),
        (("packs", "add", "missing.yaml"), 1),
        (("new-pack",), 2),
        (("no-such-command",), 2),
        (("--no-such-option",), 2),
    ],
)
def test_exit_status(cli: Cli, args: tuple[str, ...], status: int) -> None:
    ran = cli(*args)
    assert ran.status == status, (ran.out, ran.err)
    assert ran.err.strip(), "an error says why on stderr"
    assert "Traceback" not in ran.err


def test_generate_with_an_invalid_pack_file(cli: Cli) -> None:
    ran = cli("generate", "--pack", str(TEN))
    assert ran.status == 1
    assert f"{TEN}:6:1:" in ran.err


def test_review_without_history_says_so(cli: Cli) -> None:
    ran = cli("generate", "--mode", "review")
    assert ran.status == 1 and "nothing is due" in ran.err and ran.out == ""


# -- generate ------------------------------------------------------------------------------------


def test_generate_twenty_order_questions_agree_with_the_dates(cli: Cli) -> None:
    questions = []
    for seed in ("7", "8", "9"):
        ran = cli(
            "generate", "--mode", "order", "--count", "20", "--seed", seed, "--format", "json"
        )
        assert ran.status == 0, ran.err
        # An order round asks no two items whose order it has shown: the pack gives fewer than
        # twenty, and says so.
        given = json_lines(ran.out)
        assert 5 <= len(given) < 20 and f"gives {len(given)} of the 20 questions" in ran.err
        questions += given
    shown = json.loads(cli("show", "dingtalk-2020", "--json").out)
    dates = {f["id"]: f["date"] for f in shown["events"] + shown["versions"]}
    ranks = {i["id"]: i["rank"] for s in shown["sequences"] for i in s["items"]}
    for question in questions:
        assert question["kind"] == "order"
        assert sorted(question["answer"]) == sorted(i["id"] for i in question["items"])
        if all(i in dates for i in question["answer"]):
            parsed = [PartialDate.parse(dates[i]) for i in question["answer"]]
            assert all(a.before(b) for a, b in zip(parsed, parsed[1:], strict=False)), question[
                "answer"
            ]
        else:
            order = [ranks[i] for i in question["answer"]]
            assert order == sorted(order) and len(set(order)) == len(order)


def test_generate_json_shapes(cli: Cli) -> None:
    seen: set[str] = set()
    builtin_pack = (QUESTIONS / "dingtalk-2020.yaml").read_text(encoding="utf-8")
    # The built-in pack's text questions are rare in a round (much of it gives them away):
    # a pack of one of everything shows that shape too.
    runs = [("--count", "12", "--seed", str(seed)) for seed in range(8)]
    runs += [("--pack", str(GOOD), "--count", "60", "--seed", str(seed)) for seed in range(3)]
    for extra in runs:
        ran = cli("generate", *extra)
        assert ran.status == 0
        if "--pack" not in extra:
            assert "\\u" not in ran.out and "釘釘" in ran.out  # UTF-8, not ASCII-escaped
        for question in json_lines(ran.out):
            kind = question["kind"]
            seen.add(kind)
            assert isinstance(question.pop("source_en", ""), str)  # a pack with translations
            if "--pack" not in extra and question["facts"]:
                # The source sentences alone, as the pack (the article) writes them.
                sentences = question["source"].splitlines()
                assert sentences and all(line in builtin_pack for line in sentences), question
                assert len(set(sentences)) == len(sentences)
            if kind == "estimate":
                scoring_keys = {"tolerance"} if question["scoring"] == "log" else {"range"}
                assert set(question) == COMMON_KEYS | {"unit", "answer", "scoring"} | scoring_keys
                assert type(question["answer"]) in (int, float)
                assert all(m not in question["unit"] for m in ("萬", "億", "million"))
                if question["scoring"] == "log":
                    assert type(question["tolerance"]) in (int, float)
            elif kind == "choice":
                assert set(question) - {"weights"} == COMMON_KEYS | KIND_KEYS["choice"]
                assert isinstance(question["answer"], str)
            else:
                assert set(question) == COMMON_KEYS | KIND_KEYS[kind], kind
            assert type(question["max_points"]) is int
            assert isinstance(question["facts"], list) and isinstance(question["id"], str)
            for key in ("items", "options", "left", "right"):
                for entry in question.get(key, []):
                    assert set(entry) == {"id", "text"}
            if kind == "match":
                assert isinstance(question["answer"], dict)
    assert seen == {"order", "match", "estimate", "choice", "text"}


def test_generate_json_of_the_english_edition_carries_the_translations(cli: Cli) -> None:
    """The article's sentences verbatim as `source`, their translations as `source_en`."""
    edition = (QUESTIONS / "dingtalk-2020-en.yaml").read_text(encoding="utf-8")
    ran = cli("generate", "--pack", "dingtalk-2020-en", "--seed", "3")
    assert ran.status == 0
    sourced = [q for q in json_lines(ran.out) if q["facts"]]
    assert sourced
    for question in sourced:
        originals, translations = question["source"], question["source_en"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in originals)
        assert all(line in edition for line in translations.splitlines())
        assert len(originals.splitlines()) == len(translations.splitlines())
        assert all(line in edition for line in originals.splitlines())


def test_generate_by_code_equals_generate_by_seed(cli: Cli, pack_zh: Any) -> None:
    code = round_code_for(pack_zh, "choice", 6, 4242)
    assert code is not None
    by_seed = cli("generate", "--mode", "choice", "--count", "6", "--seed", "4242")
    by_code = cli("generate", "--code", code)
    assert by_seed.status == by_code.status == 0
    assert by_code.out == by_seed.out


def test_generate_from_a_pack_file(cli: Cli) -> None:
    ran = cli("generate", "--pack", str(GOOD), "--count", "15", "--seed", "3")
    assert ran.status == 0, ran.err
    # A small pack gives fewer than asked under the rules of a good round, and says so.
    given = len(json_lines(ran.out))
    assert 3 <= given < 15
    assert f"gives {given} of the 15 questions" in ran.err


# -- show ----------------------------------------------------------------------------------------


def _raw_ids(path: Path) -> dict[str, set[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    ids = {
        kind: {fact["id"] for fact in data[kind]}
        for kind in ("events", "states", "versions", "metrics")
    }
    ids["sequences"] = {s["id"] for s in data["sequences"]}
    ids["items"] = {i["id"] for s in data["sequences"] for i in s["items"]}
    ids["questions"] = {q["id"] for q in data["questions"]}
    return ids


@pytest.mark.parametrize("name", ["dingtalk-2020", "dingtalk-2020-en"])
def test_show_json_lists_every_fact_with_plain_numbers(cli: Cli, name: str) -> None:
    ran = cli("show", name, "--json")
    assert ran.status == 0
    assert "\\u" not in ran.out
    data = json.loads(ran.out)
    assert set(data) == {"id", "title", "language", "events", "states", "versions", "metrics",
                         "sequences", "questions"}  # fmt: skip
    # Every fact of the pack file is there.
    raw = _raw_ids(QUESTIONS / f"{name}.yaml")
    for kind in ("events", "states", "versions", "metrics", "sequences", "questions"):
        assert {f["id"] for f in data[kind]} == raw[kind], kind
    assert {i["id"] for s in data["sequences"] for i in s["items"]} == raw["items"]
    # Keys as PRODUCT.md lists them; an English edition adds each sentence's translation, and a
    # metric carries the ids of the figures `alike` it.
    extra = {"source_en"} if name.endswith("-en") else set()
    # A fact with its own question wording adds `ask`.
    for event in data["events"]:
        assert set(event) - {"ask"} == {"id", "date", "title", "detail", "source"} | extra
        assert PartialDate.parse(event["date"]).iso() == event["date"]
    for state in data["states"]:
        assert set(state) - {"ask"} == {"id", "as_of", "title", "detail", "source"} | extra
        assert PartialDate.parse(state["as_of"]).iso() == state["as_of"]
    for version in data["versions"]:
        assert set(version) - {"ask"} == {"id", "product", "version", "date", "codename",
                                          "highlights", "source"} | extra  # fmt: skip
        assert (
            version["date"] is None or PartialDate.parse(version["date"]).iso() == version["date"]
        )
    for metric in data["metrics"]:
        assert set(metric) - {"ask"} == {"id", "label", "value", "written", "unit", "as_of",
                                         "tolerance", "source", "alike"} | extra  # fmt: skip
        assert type(metric["value"]) in (int, float) and type(metric["tolerance"]) is float
    for sequence in data["sequences"]:
        assert {"id", "title", "items"} <= set(sequence) <= {"id", "title", "items", "source",
                                                             "source_en", "ask"}  # fmt: skip
        for item in sequence["items"]:
            assert {"id", "text", "rank"} <= set(item) <= {"id", "text", "rank", "source",
                                                           "source_en", "gap_before"}  # fmt: skip
            assert type(item["rank"]) is int
            assert item.get("gap_before", True) is True  # only where set
    values = {m["id"]: m["value"] for m in data["metrics"]}
    written = {m["id"]: m["written"] for m in data["metrics"]}
    assert written["dingtalk-mau-2020-01"] == (
        "76.102 million" if name.endswith("-en") else "7610.2萬"
    )
    assert values["dingtalk-mau-2020-01"] == 76102000
    assert type(values["dingtalk-mau-2020-01"]) is int
    assert values["wechat-mau-growth-2019-09"] == 6
    assert values["dingtalk-users-2019-06"] == 200_000_000
    assert values["dingtalk-orgs-2019-06"] == 10_000_000
    assert values["wechat-mau-accounts-2019-09"] == 1_151_000_000
    assert values["wechat-mau-2020-01"] == 975_638_000
    assert values["diandianchong-score"] == 3.8
    dates = {v["id"]: v["date"] for v in data["versions"]}
    assert dates["dingtalk-2-0"] is None  # the article gives no date for 2.0
    assert dates["dingtalk-beta"] == "2014-12-01"


def test_show_in_words(cli: Cli) -> None:
    ran = cli("show", "dingtalk-2020")
    assert ran.status == 0
    assert "76102000" in ran.out.replace(",", "") and "7610.2萬" in ran.out


def test_show_a_pack_file(cli: Cli) -> None:
    ran = cli("show", str(GOOD), "--json")
    assert ran.status == 0 and json.loads(ran.out)["id"] == "good-pack"


# -- packs ---------------------------------------------------------------------------------------

PACK_KEYS = {"id", "title", "language", "path", "builtin", "counts", "errors", "warnings"}
COUNT_KEYS = {"events", "states", "versions", "metrics", "sequences", "questions"}


def test_packs_json_shape(cli: Cli, data_dir: Path) -> None:
    (data_dir / "packs").mkdir()
    shutil.copy(TEN, data_dir / "packs" / "ten-mistakes.yaml")
    ran = cli("packs", "--json")
    assert ran.status == 0
    assert "\\u" not in ran.out
    entries = json.loads(ran.out)
    assert isinstance(entries, list)
    by_id = {e["id"]: e for e in entries}
    for entry in entries:
        assert set(entry) == PACK_KEYS
        assert set(entry["counts"]) == COUNT_KEYS
        assert all(type(n) is int for n in entry["counts"].values())
        assert isinstance(entry["builtin"], bool)
    assert by_id["dingtalk-2020"]["builtin"] and by_id["dingtalk-2020-en"]["builtin"]
    assert by_id["dingtalk-2020"]["counts"]["events"] > 0
    assert by_id["dingtalk-2020"]["errors"] == [] and by_id["dingtalk-2020"]["warnings"] == []
    broken = by_id["ten-mistakes"]
    assert not broken["builtin"] and len(broken["errors"]) == 10
    for error in broken["errors"]:
        assert set(error) == {"path", "line", "column", "message"}
        assert type(error["line"]) is int and type(error["column"]) is int


def test_packs_add_copies_a_valid_pack(cli: Cli, data_dir: Path) -> None:
    ran = cli("packs", "add", str(GOOD))
    assert ran.status == 0, ran.err
    target = data_dir / "packs" / "good-pack.yaml"
    assert target.read_bytes() == GOOD.read_bytes()
    listed = {e["id"]: e for e in json.loads(cli("packs", "--json").out)}
    assert listed["good-pack"]["builtin"] is False and listed["good-pack"]["errors"] == []
    assert Path(listed["good-pack"]["path"]) == target
    # Adding the same pack again updates it.
    assert cli("packs", "add", str(GOOD)).status == 0
    # Now it plays by id.
    assert cli("generate", "--pack", "good-pack", "--count", "3", "--seed", "1").status == 0


def test_packs_add_refuses_an_invalid_pack(cli: Cli, data_dir: Path) -> None:
    ran = cli("packs", "add", str(TEN))
    assert ran.status == 1
    assert f"{TEN}:6:1:" in ran.err
    assert not (data_dir / "packs").exists() or not list((data_dir / "packs").iterdir())


def test_packs_add_refuses_a_built_in_id(cli: Cli, data_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "my-copy.yaml"
    shutil.copy(QUESTIONS / "dingtalk-2020.yaml", copy)
    ran = cli("packs", "add", str(copy))
    assert ran.status == 1
    assert "built-in" in ran.err and f"{copy}:" in ran.err
    assert not (data_dir / "packs").exists() or not list((data_dir / "packs").iterdir())


def test_packs_add_again_asks_for_replace_then_updates_the_installed_pack(
    cli: Cli, tmp_path: Path
) -> None:
    assert cli("packs", "add", str(GOOD)).status == 0
    edited = tmp_path / "edited.yaml"
    edited.write_text(
        GOOD.read_text(encoding="utf-8").replace("title: Every field", "title: Edited"),
        encoding="utf-8",
    )
    refused = cli("packs", "add", str(edited))
    assert refused.status == 1 and "--replace" in refused.err
    assert cli("packs", "add", str(edited), "--replace").status == 0
    listed = {e["id"]: e for e in json.loads(cli("packs", "--json").out)}
    assert listed["good-pack"]["title"] == "Edited"
    assert cli("packs", "add", str(edited)).status == 0  # the same content again: nothing lost


def test_packs_add_of_the_installed_file_itself_changes_nothing(cli: Cli, data_dir: Path) -> None:
    """It asked for --replace, then said its round codes no longer work: the same file is the
    same version, and every code of it still plays."""
    assert cli("packs", "add", str(GOOD)).status == 0
    installed = data_dir / "packs" / "good-pack.yaml"
    for extra in ((), ("--replace",)):
        ran = cli("packs", "add", str(installed), *extra)
        assert ran.status == 0, ran.err
        assert "Added good-pack" in ran.out and "no longer work" not in ran.out
    assert installed.read_bytes() == GOOD.read_bytes()


def test_packs_add_refuses_an_id_another_file_holds(cli: Cli, data_dir: Path) -> None:
    (data_dir / "packs").mkdir()
    shutil.copy(GOOD, data_dir / "packs" / "custom-name.yaml")
    ran = cli("packs", "add", str(GOOD))
    assert ran.status == 1 and "good-pack" in ran.err and "custom-name.yaml" in ran.err
    assert not (data_dir / "packs" / "good-pack.yaml").exists()


def test_a_user_pack_reusing_a_built_in_id_is_listed_with_an_error(
    cli: Cli, data_dir: Path
) -> None:
    (data_dir / "packs").mkdir()
    shutil.copy(QUESTIONS / "dingtalk-2020-en.yaml", data_dir / "packs" / "mine.yaml")
    entries = json.loads(cli("packs", "--json").out)
    mine = [e for e in entries if e["path"].endswith("mine.yaml")]
    assert len(mine) == 1 and mine[0]["errors"] and not mine[0]["builtin"]
    assert "built-in" in mine[0]["errors"][0]["message"]
    # The built-in pack is still the one played.
    assert cli("generate", "--pack", "dingtalk-2020-en", "--count", "2", "--seed", "1").status == 0


# -- new-pack ------------------------------------------------------------------------------------


def test_new_pack_validates_and_plays_every_mode_it_lists(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "class-pack.yaml"
    ran = cli("new-pack", str(path))
    assert ran.status == 0, ran.err
    assert path.read_text(encoding="utf-8") == starter_text(path)
    assert "id: class-pack" in path.read_text(encoding="utf-8")
    checked = cli("validate", str(path))
    assert checked.status == 0 and "warning" not in checked.out
    modes = checked.out.rsplit("modes: ", 1)[1].strip().split(", ")
    assert {"quick", "order", "match", "estimate", "choice", "daily"} <= set(modes)
    for mode in modes:
        extra = ("--date", "2024-06-01") if mode == "daily" else ("--seed", "5")
        generated = cli("generate", "--pack", str(path), "--mode", mode, "--count", "6", *extra)
        assert generated.status == 0, (mode, generated.err)
        # Every mode it lists gives at least 3; fewer than asked is said on stderr.
        given = len(json_lines(generated.out))
        assert 3 <= given <= 6, mode
        assert (given < 6) == ("of the 6 questions asked" in generated.err), mode


def test_new_pack_refuses_to_overwrite(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my own work\n", encoding="utf-8")
    ran = cli("new-pack", str(path))
    assert ran.status == 1 and "already exists" in ran.err
    assert path.read_text(encoding="utf-8") == "my own work\n"


def test_new_pack_adds_the_suffix_and_says_where(cli: Cli, tmp_path: Path) -> None:
    ran = cli("new-pack", str(tmp_path / "lesson"))
    assert ran.status == 0
    written = tmp_path / "lesson.yaml"
    assert written.is_file() and str(written) in ran.out
    assert cli("validate", str(written)).status == 0


def test_new_pack_named_after_a_built_in_gets_its_own_id(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "dingtalk-2020.yaml"
    assert cli("new-pack", str(path)).status == 0
    assert cli("packs", "add", str(path)).status == 0


# -- --version, --data-dir, ALI_QUIZ_HOME, and a real process --------------------------------------


def test_version(cli: Cli) -> None:
    ran = cli("--version", data=None)
    assert ran.status == 0
    assert ran.out.strip() == f"ali-quiz {ali_quiz.__version__}"


def test_ali_quiz_home_replaces_the_user_folders(tmp_path: Path) -> None:
    home = tmp_path / "home"
    added = run_ali_quiz("packs", "add", str(GOOD), env={"ALI_QUIZ_HOME": str(home)})
    assert added.status == 0, added.err
    assert (home / "packs" / "good-pack.yaml").is_file()
    listed = run_ali_quiz("packs", "--json", env={"ALI_QUIZ_HOME": str(home)})
    assert "good-pack" in {e["id"] for e in json.loads(listed.out)}
    # --data-dir wins over ALI_QUIZ_HOME.
    other = tmp_path / "other"
    listed = run_ali_quiz("--data-dir", str(other), "packs", "--json",
                          env={"ALI_QUIZ_HOME": str(home)})  # fmt: skip
    assert "good-pack" not in {e["id"] for e in json.loads(listed.out)}


def test_in_a_real_process(tmp_path: Path) -> None:
    data = ("--data-dir", str(tmp_path))
    assert run_ali_quiz(*data, "validate", *map(str, sorted(QUESTIONS.glob("*.yaml")))).status == 0
    usage = run_ali_quiz(*data, "generate", "--seed", "1", "--code", "X")
    assert usage.status == 2 and "not allowed" in usage.err
    bad = run_ali_quiz(*data, "validate", str(TEN))
    assert bad.status == 1 and len([x for x in bad.err.splitlines() if x.count(":") >= 3]) >= 10
    generated = run_ali_quiz(*data, "generate", "--mode", "order", "--count", "5", "--seed", "7",
                             "--format", "json")  # fmt: skip
    assert generated.status == 0
    assert [q["kind"] for q in json_lines(generated.out)] == ["order"] * 5
    version = run_ali_quiz("--version")
    assert version.status == 0 and version.out.strip() == f"ali-quiz {ali_quiz.__version__}"


def test_an_exact_copy_of_a_built_in_pack_validates(cli: Cli, tmp_path: Path) -> None:
    """The checkout's questions/ validates even when ali-quiz is installed elsewhere (a wheel)."""
    copy = tmp_path / "dingtalk-2020.yaml"
    shutil.copy(QUESTIONS / "dingtalk-2020.yaml", copy)
    assert cli("validate", str(copy)).status == 0
    edited = tmp_path / "edited.yaml"
    edited.write_text(
        copy.read_text(encoding="utf-8").replace("title: 釘釘的崛起", "title: 我的版本"),
        encoding="utf-8",
    )
    ran = cli("validate", str(edited))
    assert ran.status == 1 and "built-in" in ran.err


def _script(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> tuple[object, list[bool]]:
    """Run the `ali-quiz` script's entry with `argv`: its exit code, and whether it froze the
    collector (recorded, not done: this test process goes on)."""
    import gc
    import sys

    from ali_quiz.cli import run

    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["ali-quiz", *argv])
    with pytest.raises(SystemExit) as leave:
        run()
    return leave.value.code, frozen


def test_the_script_leaves_a_command_s_objects_to_the_system(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After a command the script exits at once, its objects frozen (shutting down would walk
    them all); `main` as a library call leaves the collector alone."""
    data = ["--data-dir", str(data_dir)]
    assert _script(monkeypatch, [*data, "show", "dingtalk-2020", "--json"]) == (0, [True])
    assert json.loads(capsys.readouterr().out)["id"] == "dingtalk-2020"
    assert _script(monkeypatch, [*data, "validate", str(TEN)]) == (1, [True])
    from ali_quiz.cli import main

    assert main([*data, "show", "dingtalk-2020", "--json"]) == 0


def test_the_script_lets_a_front_end_shut_down_as_usual(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`play` (like the TUI and `serve`) holds the history until shutdown closes it: the
    script does not freeze what that needs to walk."""
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("skip\n" * 3))
    argv = ["--data-dir", str(data_dir), "play", "--plain", "--count", "3", "--seed", "1"]
    assert _script(monkeypatch, argv) == (0, [])
    assert "3" in capsys.readouterr().out


def test_every_command_has_its_function() -> None:
    """Each command the parser knows (but the front ends) finds its function; nothing else does."""
    from ali_quiz.cli import build_parser, front_end
    from ali_quiz.commands import handler

    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands is not None
    for name in commands:
        assert (front_end(name) is None) == callable(handler(name)), name
    assert handler("nonsense") is None and handler(None) is None


def test_generate_follows_the_settings_file_and_its_defaults_without_one(
    cli: Cli, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a settings file a round is the default pack's for the login name; with one, the
    pack it names (the defaults are found without the settings module: the same values)."""
    from ali_quiz.commands.base import _settings
    from ali_quiz.config import Settings, default_settings, save_settings
    from ali_quiz.paths import AppPaths

    monkeypatch.setenv("LOGNAME", "  Ann \n Lee ")
    paths = AppPaths.resolve(data_dir)
    assert _settings(paths) == (None, "Ann Lee") == (None, default_settings().player)
    plain = json_lines(cli("generate", "--count", "3", "--seed", "5").out)
    save_settings(paths.config_path, Settings(player="Bo", pack="dingtalk-2020-en"))
    assert _settings(paths) == ("dingtalk-2020-en", "Bo")
    english = json_lines(cli("generate", "--count", "3", "--seed", "5").out)
    assert plain != english
    assert english == json_lines(
        cli("generate", "--count", "3", "--seed", "5", "--pack", "dingtalk-2020-en").out
    )


def test_a_pack_chosen_in_the_settings_and_since_removed_falls_back_with_a_warning(
    cli: Cli, data_dir: Path
) -> None:
    """As the TUI does: the built-in pack, and a warning naming the settings file."""
    from ali_quiz.config import Settings, save_settings
    from ali_quiz.paths import AppPaths

    plain = json_lines(cli("generate", "--count", "3", "--seed", "5").out)
    paths = AppPaths.resolve(data_dir)
    save_settings(paths.config_path, Settings(player="Bo", pack="my-deleted-pack"))
    ran = cli("generate", "--count", "3", "--seed", "5")
    assert ran.status == 0
    assert json_lines(ran.out) == plain
    assert "'my-deleted-pack'" in ran.err and str(paths.config_path) in ran.err
    assert "not installed" in ran.err
    # Asked for by name, a missing pack is still an error.
    assert cli("generate", "--pack", "my-deleted-pack").status == 1


def test_the_packs_table_counts_states_too(cli: Cli) -> None:
    """The table's counts were events/versions/metrics/sequences/questions: a pack's states
    (two in the built-in packs) were in no column."""
    listed = {e["id"]: e["counts"] for e in json.loads(cli("packs", "--json").out)}
    counts = listed["dingtalk-2020"]
    assert counts["states"] > 0
    keys = ("events", "states", "versions", "metrics", "sequences", "questions")
    shown = "/".join(str(counts[key]) for key in keys)
    table = cli("packs").out
    assert "ev/st/ver/met/seq/q" in table
    assert any(line.startswith("dingtalk-2020 ") and shown in line for line in table.splitlines())


def test_a_code_with_another_pack_chosen_names_the_pack_it_is_for(cli: Cli, pack_zh: Pack) -> None:
    """`--pack dingtalk-2020-en --code <a code of dingtalk-2020>` said "no installed pack
    matches this round code: install the pack it was made for", which is installed."""
    code = round_code_for(pack_zh, "quick", 3, 1)
    assert code is not None
    assert cli("generate", "--code", code).status == 0
    ran = cli("generate", "--code", code, "--pack", "dingtalk-2020-en")
    assert ran.status == 1
    assert "install" not in ran.err
    assert f"{code} is for the pack dingtalk-2020, not dingtalk-2020-en" in ran.err
