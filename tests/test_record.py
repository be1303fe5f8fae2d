"""`Record` gives frozen dataclasses the `==`, `hash()` and `repr()` dataclasses would generate,
and the classes a short command defines use it (each generated method is compiled at start-up)."""

from __future__ import annotations

import dataclasses
import importlib
import pickle
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ali_quiz import record as record_module
from ali_quiz.packs.dates import PartialDate
from ali_quiz.record import Record


@dataclass(frozen=True, kw_only=True)
class Generated:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    note: str | None = field(default=None, compare=False)
    secret: str = field(default="", repr=False)
    cached: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True, kw_only=True, eq=False, repr=False)
class Written(Record):
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    note: str | None = field(default=None, compare=False)
    secret: str = field(default="", repr=False)
    cached: dict[str, int] = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True, eq=False, repr=False)
class Other(Record):
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False, repr=False)
class One(Record):
    value: int


@dataclass(frozen=True, eq=False, repr=False)
class Nothing(Record):
    pass


values = st.fixed_dictionaries(
    {
        "name": st.text(max_size=5),
        "count": st.integers(-3, 3),
        "tags": st.lists(st.text(max_size=2), max_size=2).map(tuple),
        "note": st.none() | st.text(max_size=3),
        "secret": st.text(max_size=3),
    }
)


@given(values, values)
def test_a_record_compares_hashes_and_shows_as_generated(
    a: dict[str, object], b: dict[str, object]
) -> None:
    generated_a, generated_b = Generated(**a), Generated(**b)  # type: ignore[arg-type]
    written_a, written_b = Written(**a), Written(**b)  # type: ignore[arg-type]
    assert (written_a == written_b) == (generated_a == generated_b)
    assert (written_a != written_b) == (generated_a != generated_b)
    assert hash(written_a) == hash(generated_a)
    assert repr(written_a).removeprefix("Written") == repr(generated_a).removeprefix("Generated")
    assert written_a == Written(**a, cached={"x": 1})  # type: ignore[arg-type]


def test_a_record_equals_only_its_own_class() -> None:
    assert Other("a", 1, ()) != Written(name="a", count=1)
    assert Written(name="a") != ("a", 0, ())
    assert Written(name="a").__eq__(Other("a")) is NotImplemented


def test_records_of_one_field_or_none() -> None:
    assert One(3) == One(3) and One(3) != One(4) and hash(One(3)) == hash((3,))
    assert repr(One(3)) == "One(value=3)"
    assert Nothing() == Nothing() and hash(Nothing()) == hash(()) and repr(Nothing()) == "Nothing()"
    assert {One(1), One(1), One(2)} == {One(1), One(2)}


def test_a_record_stays_frozen_and_a_dataclass() -> None:
    record = Written(name="a", count=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.count = 3  # type: ignore[misc]
    assert dataclasses.replace(record, count=5) == Written(name="a", count=5)
    assert [f.name for f in dataclasses.fields(record)][:2] == ["name", "count"]
    assert PartialDate(2020, 1) == PartialDate(2020, 1) != PartialDate(2020, 2)
    assert repr(PartialDate(2020, 1)) == "PartialDate(year=2020, month=1, day=None)"


@dataclass(frozen=True, kw_only=True, eq=False, repr=False, slots=True)
class Slotted(Record):
    name: str
    count: int = 0


def _outcome(action: Callable[[], object]) -> str:
    try:
        action()
    except Exception as error:  # the kind and the message, as a caller sees them
        return f"{type(error).__name__}: {error}"
    return "done"


@pytest.mark.parametrize(
    ("make", "name"),
    [
        (lambda cls: cls(name="a"), "count"),  # a field
        (lambda cls: cls(name="a"), "extra"),  # not a field, on the class itself
        (lambda cls: type(f"{cls.__name__}Below", (cls,), {})(name="a"), "count"),
        (lambda cls: type(f"{cls.__name__}Below", (cls,), {})(name="a"), "extra"),
    ],
)
def test_a_record_refuses_changes_as_a_generated_frozen_class_does(
    make: Callable[[type], object], name: str
) -> None:
    """Assigning or deleting: the same error and message (or the same success, for a plain
    subclass's own attribute) as the methods dataclasses compiles."""
    written, generated = make(Written), make(Generated)
    for target in (written, generated):
        assert _outcome(lambda t=target: delattr(t, "missing")) != "done"
    said = {
        "set": [_outcome(lambda t=t: setattr(t, name, 1)) for t in (written, generated)],
        "del": [_outcome(lambda t=t: delattr(t, name)) for t in (written, generated)],
    }
    assert said["set"][0] == said["set"][1] and said["del"][0] == said["del"][1]
    if name == "count" or type(written) is Written:
        assert said["set"][0].startswith("FrozenInstanceError: cannot assign to field")
        assert said["del"][0].startswith("FrozenInstanceError: cannot delete field")


def test_a_slotted_record_stays_frozen_and_pickles() -> None:
    record = Slotted(name="a", count=2)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'count'"):
        record.count = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'name'"):
        del record.name  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(record)) == record
    assert pickle.loads(pickle.dumps(Written(name="b", tags=("x",)))) == Written(
        name="b", tags=("x",)
    )


@pytest.mark.skipif(sys.version_info >= (3, 13), reason="3.13 compiles a class's methods at once")
def test_a_records_frozen_methods_are_not_compiled_per_class() -> None:
    """On 3.11 and 3.12, compiling `__setattr__` and `__delattr__` for each frozen record was
    two thirds of defining it: records share code compiled once; other classes keep theirs."""
    shared = {cls.__setattr__.__code__ for cls in (Written, Other, One, Nothing, Slotted)}
    assert len(shared) == 1 and shared.pop().co_filename == record_module.__file__
    assert Generated.__setattr__.__code__.co_filename == "<string>"
    assert Generated.__delattr__.__code__ is not Written.__delattr__.__code__


#: The modules a `generate`, `show`, `validate` or `history` imports at start-up.
READ_PATH = (
    "ali_quiz.paths",
    "ali_quiz.numbers",
    "ali_quiz.history.database",
    "ali_quiz.history.store",
    "ali_quiz.history.records",
    "ali_quiz.history.stats",
    "ali_quiz.history.progress",
    "ali_quiz.i18n",
    "ali_quiz.packs.dates",
    "ali_quiz.packs.model",
    "ali_quiz.packs.problems",
    "ali_quiz.catalog",
    "ali_quiz.config",
    "ali_quiz.roundspec",
    "ali_quiz.quiz.codes",
    "ali_quiz.quiz.kinds",
    "ali_quiz.quiz.makers",
)


@pytest.mark.parametrize("name", READ_PATH)
def test_the_read_commands_frozen_dataclasses_are_records(name: str) -> None:
    """A frozen dataclass of these modules compares, hashes and shows itself through Record,
    not through methods compiled when the module is imported."""
    module = importlib.import_module(name)
    found = [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and value.__module__ == name
        and dataclasses.is_dataclass(value)
        and value.__dataclass_params__.frozen  # type: ignore[attr-defined]
    ]
    assert found, f"{name} has no frozen dataclass: the list above is out of date"
    compiled = [
        cls.__name__
        for cls in found
        if not issubclass(cls, Record) or {"__eq__", "__hash__", "__repr__"} & set(vars(cls))
    ]
    assert compiled == []


def test_the_hand_built_records_of_hot_paths_match_their_dataclasses() -> None:
    """`kinds.entry` builds records without the dataclass `__init__`, and `facts._dated` (and
    the timeline, in place) works out fields of its own: the same record, with every field set
    (a field added to the class fails here until added)."""
    from ali_quiz.quiz.facts import Dated, _dated
    from ali_quiz.quiz.kinds import Entry, entry

    made = entry("a", "Text")
    assert made == Entry(id="a", text="Text")
    assert [f.name for f in dataclasses.fields(Entry)] == ["id", "text", "feedback"]
    assert [getattr(made, f.name) for f in dataclasses.fields(Entry)] == ["a", "Text", None]
    day = PartialDate(2015, 1, 16)
    start, end = day.ordinals()
    for happening, ask in ((None, None), ("Released in 2015", "When?")):
        item = _dated("e1", "An event", day, happening=happening, ask=ask)
        said = happening or "An event"
        expected = Dated(
            "e1", "An event", day, start, end, said, ask, happening is not None, "2015" not in said
        )
        for f in dataclasses.fields(Dated):
            assert getattr(item, f.name) == getattr(expected, f.name), f.name
        assert len(dataclasses.fields(Dated)) == 9


_YEAR_LOOKBEHIND = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


@given(st.text(alphabet=st.sampled_from("0125689 年a٣１"), max_size=14))
def test_names_year_is_the_look_behind_pattern(text: str) -> None:
    """`facts.names_year` looks for a year without a look-behind (faster): it finds one exactly
    where the pattern with one does, Unicode digits (Arabic-Indic ٣, full-width １) included."""
    from ali_quiz.quiz.facts import names_year

    assert names_year(text) == bool(_YEAR_LOOKBEHIND.search(text))
