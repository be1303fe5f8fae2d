"""`==`, `hash()` and `repr()` for the core's frozen dataclasses, written once instead of per class.

On Python 3.11 `@dataclass` writes each method it adds as source text and compiles it on its
own, and compiling is most of what defining a dataclass costs: a short command such as
`generate` defines some forty at start-up, and their `__eq__`, `__hash__` and `__repr__` were a
tenth of its time. A class declared `@dataclass(frozen=True, eq=False, repr=False)` over
`Record` keeps all that dataclasses give (frozen fields, `__init__`, `fields()`, `replace()`,
`__match_args__`, pickling) and compares, hashes and shows itself as the generated methods
would: equal to an instance of the same class whose compared fields are equal, hashed on the
same fields, shown as `Name(field=value, ...)`.
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from collections.abc import Callable

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
