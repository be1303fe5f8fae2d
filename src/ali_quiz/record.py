"""`==`, `hash()` and `repr()` for the core's frozen dataclasses, written once instead of per class.

On Python 3.11 `@dataclass` writes each method it adds as source text and compiles it on its
own, and compiling is most of what defining a dataclass costs: a short command such as
`generate` defines some forty at start-up, and their `__eq__`, `__hash__` and `__repr__` were a
tenth of its time. A class declared `@dataclass(frozen=True, eq=False, repr=False)` over
`Record` keeps all that dataclasses give (frozen fields, `__init__`, `fields()`, `replace()`,
`__match_args__`, pickling) and compares, hashes and shows itself as the generated methods
would: equal to an instance of the same class whose compared fields are equal, hashed on the
same fields, shown as `Name(field=value, ...)`.

`frozen=True` also has dataclasses compile a `__setattr__` and a `__delattr__` per class: two
thirds of what defining a record costs, 5 ms of every `generate`. For a `Record`, they are made
here instead from code compiled once, closing over the same class and field names, with the
same behaviour (see `_frozen_methods`); any other class gets the generated ones.
"""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import FrozenInstanceError, fields
from operator import attrgetter

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Key = Callable[[object], tuple[object, ...]]
    Layout = tuple[Key, Key, tuple[str, ...]]


class Record:
    """The base of a frozen dataclass declared with `eq=False, repr=False` (see the module)."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _layout(self.__class__)[0]
        return compared(self) == compared(other)

    def __hash__(self) -> int:
        return hash(_layout(self.__class__)[1](self))

    def __repr__(self) -> str:
        values = ", ".join(f"{n}={getattr(self, n)!r}" for n in _layout(self.__class__)[2])
        return f"{self.__class__.__qualname__}({values})"


_LAYOUTS: dict[type, Layout] = {}  # a cache: what each class's fields say, read once


def _layout(cls: type) -> Layout:
    """For a record class, from its fields' flags as dataclasses reads them: the tuple `==`
    compares, the tuple `hash()` hashes, and the names `repr()` shows."""
    known = _LAYOUTS.get(cls)
    if known is not None:
        return known
    found = fields(cls)
    compared = [f.name for f in found if f.compare]
    hashed = [f.name for f in found if (f.compare if f.hash is None else f.hash)]
    layout = _getter(compared), _getter(hashed), tuple(f.name for f in found if f.repr)
    _LAYOUTS[cls] = layout
    return layout


def _getter(names: list[str]) -> Key:
    """The tuple of these attributes of a record (attrgetter alone gives one name's value bare)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        (name,) = names
        return lambda record: (getattr(record, name),)
    return lambda record: ()


def _frozen_methods(cls: type, names: tuple[str, ...]) -> tuple[Callable[..., None], ...]:
    """The `__setattr__` and `__delattr__` dataclasses writes for a frozen class, as closures:
    assigning or deleting a field, or anything on an instance of the class itself, raises
    FrozenInstanceError; a subclass's own attributes pass to the class above."""

    def __setattr__(self: object, name: str, value: object) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)  # type: ignore[arg-type]

    def __delattr__(self: object, name: str) -> None:
        if type(self) is cls or name in names:
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)  # type: ignore[arg-type]

    return __setattr__, __delattr__


def _install() -> None:
    """Have dataclasses take a Record's frozen methods from `_frozen_methods`.

    Only where dataclasses compiles them one by one through `_frozen_get_del_attr(cls,
    fields, globals)`, returning both (Pythons 3.11 and 3.12); 3.13 compiles a class's
    methods together, and there, or if that function ever changes, nothing is replaced."""
    generated = getattr(dataclasses, "_frozen_get_del_attr", None)
    code = getattr(generated, "__code__", None)
    if sys.version_info >= (3, 13) or generated is None or code is None:
        return
    if code.co_varnames[: code.co_argcount] != ("cls", "fields", "globals"):
        return

    def frozen_get_del_attr(cls: type, found: list[Any], globals: dict[str, Any]) -> Any:
        if isinstance(cls, type) and issubclass(cls, Record):
            return _frozen_methods(cls, tuple(f.name for f in found))
        return generated(cls, found, globals)

    dataclasses._frozen_get_del_attr = frozen_get_del_attr  # type: ignore[attr-defined]


_install()
