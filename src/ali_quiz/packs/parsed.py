"""The built-in packs' parsed form, kept between runs so that most commands skip YAML.

Parsing and checking a pack costs little; importing the loader, the YAML layer and the number
parser to do it costs most of a short command's time. So a built-in pack, once loaded, is
pickled into `<cache dir>/packs/`, under a key made of the file's content (length and two
checksums) and of what turned it into a Pack (ali-quiz's version, Python's, and the size and
time of every module of `packs/` and `quiz/`). A later load of a file with the same key
unpickles it instead. Anything wrong with the cache (missing, unreadable, stale, truncated)
means parsing as before and writing it anew; a folder that cannot be written means no cache.
Only packs with a built-in id are kept, so the folder holds a file or two per ali-quiz version.
"""

from __future__ import annotations

import contextlib
import os
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from ali_quiz import __version__
from ali_quiz.packs.model import BUILTIN_IDS, Pack
from ali_quiz.safety.files import FileRefused, read_capped
from ali_quiz.safety.limits import PACK_BYTES

try:  # the C unpickler alone: the `pickle` module costs a command twice as much to import
    from _pickle import load as _unpickle
except ImportError:  # pragma: no cover - a Python without the C accelerator
    from pickle import load as _unpickle

TYPE_CHECKING = False  # typing is not imported at run time
if TYPE_CHECKING:
    from typing import Any

FORMAT = 1
PROTOCOL = 5  # pickle's newest protocol since Python 3.8
#: A pack file larger than this is left to the loader (which says what is wrong with it).
MAX_BYTES = PACK_BYTES
_QUIZ = Path(__file__).resolve().parent.parent / "quiz"
# The code whose change makes a cached pack stale: the loader, and the generator whose verdicts
# (modes, warnings) are kept beside it, makers included.
_CODE = (Path(__file__).resolve().parent, _QUIZ, _QUIZ / "makers")


def load_pack(
    path: Path,
    cache_dir: Path | None,
    derive: Callable[[Pack], dict[str, Any]] | None = None,
) -> Pack:
    """The pack in `path`, from the cache when this content was loaded before.

    `derive` gives what to keep beside a pack (small, picklable values that only stages above
    this one can work out): it is computed once, when the pack is cached, and is found in
    `pack.derived` whenever the pack comes from the cache.
    """
    data = _read(path) if cache_dir is not None else None
    if cache_dir is None or data is None:
        return _parse(path, None)
    key = _key(data)
    folder = cache_dir / "packs"
    for pack_id in BUILTIN_IDS:
        pack = _cached(folder / f"{pack_id}@{key}.pickle", pack_id)
        if pack is not None:
            object.__setattr__(pack, "path", path)  # the same content may sit elsewhere
            return pack
    pack = _parse(path, data)
    if pack.id in BUILTIN_IDS:
        _store(folder, pack, key, derive(pack) if derive is not None else {})
    return pack


def _read(path: Path) -> bytes | None:
    """The bytes of a regular file of reasonable size, else None (the loader reports it).

    Read without blocking: a FIFO given as a pack would otherwise wait forever here.
    """
    try:
        return read_capped(path, MAX_BYTES)
    except FileRefused:
        return None


def _parse(path: Path, data: bytes | None) -> Pack:
    from ali_quiz.packs import loader

    if data is None:
        return loader.load_pack(path)
    return loader.load_pack_bytes(data, str(path), path=path)


def _key(data: bytes) -> str:
    made_by = [__version__, str(FORMAT), sys.version, str(PROTOCOL)]
    for folder in _CODE:
        try:
            with os.scandir(folder) as found:
                for entry in sorted(found, key=lambda e: e.name):
                    if entry.name.endswith(".py"):
                        info = entry.stat()
                        made_by.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            made_by.append(f"{folder}: unreadable")
    salt = zlib.crc32("\n".join(made_by).encode("utf-8"))
    return f"{len(data)}-{zlib.crc32(data):08x}-{zlib.adler32(data):08x}-{salt:08x}"


def _cached(file: Path, pack_id: str) -> Pack | None:
    try:
        with file.open("rb") as stream:
            pack = _unpickle(stream)
    except FileNotFoundError:
        return None
    except Exception:  # a damaged or foreign file: parse instead, and it is written anew
        return None
    return pack if isinstance(pack, Pack) and pack.id == pack_id else None


def _store(folder: Path, pack: Pack, key: str, kept: dict[str, Any]) -> None:
    """Write the pickle whole or not at all, and drop this pack's older ones."""
    import pickle

    target = folder / f"{pack.id}@{key}.pickle"
    temporary = folder / f".{target.name}.{os.getpid()}.tmp"
    pack.content_hash  # noqa: B018 - computed now, kept in the pickle: later runs skip hashing
    derived = pack.derived
    derived.update(kept)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as stream:
            # Only what was asked to be kept: the generator's own indexes in `derived` would
            # make unpickling import the whole generator, which `validate` and `show` never need.
            object.__setattr__(pack, "derived", dict(kept))
            try:
                pickle.dump(pack, stream, protocol=PROTOCOL)
            finally:
                object.__setattr__(pack, "derived", derived)
        os.replace(temporary, target)
        with os.scandir(folder) as found:
            stale = [
                e.path for e in found if e.name.startswith(f"{pack.id}@") and e.name != target.name
            ]
        for old in stale:
            os.unlink(old)
    except (OSError, pickle.PicklingError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
