"""Standard modules that a short command would load and never use, loaded when first used.

`dataclasses` imports `inspect` (and with it `ast`, `dis`, `tokenize` and `linecache`: about a
tenth of the start of `ali-quiz history` or `generate`) only to write a docstring for a
dataclass that has none, and every dataclass of ali-quiz has one. `defer("inspect")` puts a
stand-in in `sys.modules` that imports the real module the first time anything is read from
it, then holds all that the real one holds, so code that does use inspect (Textual, a
dataclass without a docstring) gets it as usual. A module already imported is left as it is.
"""

from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec
from types import ModuleType


class Deferred(ModuleType):
    """Stands for a module not imported yet; the first attribute read imports it."""

    def __getattr__(self, name: str) -> object:
        # Only called for what the stand-in does not hold yet: everything, until it is loaded.
        if sys.modules.get(self.__name__) is self:
            sys.modules.pop(self.__name__, None)  # two threads may both get here
        real = __import__(self.__name__)
        self.__dict__.update(real.__dict__)
        return getattr(real, name)


def defer(name: str) -> None:
    """Import the standard module `name` only when something reads from it (see above)."""
    if name not in sys.modules:
        stand_in = Deferred(name)
        stand_in.__spec__ = ModuleSpec(name, None)
        sys.modules[name] = stand_in
