"""Finding packs: built in, in the user's packs folder, and at paths given on the command line.

Above the pack loader and the generator: an entry's warnings say which kinds the generator
cannot make from the pack (their modes are hidden), which only the generator knows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ali_quiz.packs import parsed
from ali_quiz.packs.model import BUILTIN_IDS, Pack
from ali_quiz.packs.problems import PackError, PackNotFound, Problem
from ali_quiz.paths import PACK_SUFFIXES, AppPaths, builtin_packs_dir, expand_user, looks_like_path
from ali_quiz.record import Record
from ali_quiz.safety.files import FileRefused, atomic_write, decode_text, read_capped
from ali_quiz.safety.limits import PACK_BYTES

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_ID_LINE = r"^id:\s*['\"]?([^'\"#\s]+)"  # compiled by `re` when first used: rarely


@dataclass(frozen=True, eq=False, repr=False)
class PackEntry(Record):
    """A pack file found, valid (with its Pack) or not (with its problems)."""

    id: str
    title: str
    language: str
    path: Path
    builtin: bool
    pack: Pack | None
    errors: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return self.pack is not None and not self.errors

    def to_json(self) -> dict[str, Any]:
        """PRODUCT.md's `packs --json` object."""
        counts = (
            self.pack.counts()
            if self.pack is not None
            else dict.fromkeys(
                ("events", "states", "versions", "metrics", "sequences", "questions"), 0
            )
        )
        return {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "path": str(self.path),
            "builtin": self.builtin,
            "counts": counts,
            "errors": [p.to_json() for p in self.errors],
            "warnings": list(self.warnings),
        }


def _is_builtin_file(path: Path) -> bool:
    try:
        return path.resolve().parent == builtin_packs_dir().resolve()
    except OSError:
        return False


def _is_builtin_copy(path: Path, pack_id: str) -> bool:
    """A file identical to the built-in pack of that id (the checkout's questions/ folder, say)."""
    try:
        builtin = builtin_packs_dir() / f"{pack_id}.yaml"
        return read_capped(path, PACK_BYTES) == read_capped(builtin, PACK_BYTES)
    except FileRefused:
        return False


def _id_problem(path: Path, pack_id: str, holder: PackEntry | None = None) -> Problem:
    """The pack's id is a built-in's (no `holder`, or a built-in one) or another file's, placed
    on its `id:` line when that can be found."""
    if holder is None or holder.builtin:
        code, values = "pack.builtin_id", {"id": repr(pack_id)}
    else:
        code, values = "pack.taken_id", {"id": repr(pack_id), "path": str(holder.path)}
    try:
        text = decode_text(read_capped(path, PACK_BYTES))
    except (FileRefused, UnicodeDecodeError):
        return Problem.of(str(path), 1, 1, code, **values)
    match = re.search(_ID_LINE, text, re.MULTILINE)
    if match is None:
        return Problem.of(str(path), 1, 1, code, **values)
    line = text.count("\n", 0, match.start()) + 1
    return Problem.of(str(path), line, match.start(1) - match.start() + 1, code, **values)


def load_entry(path: Path, cache_dir: Path | None = None) -> PackEntry:
    """Load one pack file into an entry; a built-in id outside the built-in folder is refused.

    With `cache_dir`, a built-in pack's parsed form is kept there, with what the generator
    says of it, and used again while the file's content is the same (see `packs.parsed`).
    """
    builtin = _is_builtin_file(path)
    try:
        pack = parsed.load_pack(path, cache_dir, _generator_verdicts)
    except PackError as err:
        return PackEntry(
            id=path.stem,
            title=path.name,
            language="?",
            path=path,
            builtin=builtin,
            pack=None,
            errors=tuple(err.problems),
        )
    warnings = pack.derived.get("warnings")
    if warnings is None:
        from ali_quiz.quiz.generate import kind_warnings

        warnings = tuple(kind_warnings(pack))
    if pack.id in BUILTIN_IDS and not builtin and not _is_builtin_copy(path, pack.id):
        problem = _id_problem(path, pack.id)
        return PackEntry(
            id=pack.id,
            title=pack.title,
            language=pack.language,
            path=path,
            builtin=False,
            pack=None,
            errors=(problem,),
            warnings=warnings,
        )
    return PackEntry(
        id=pack.id,
        title=pack.title,
        language=pack.language,
        path=path,
        builtin=builtin,
        pack=pack,
        warnings=warnings,
    )


def offered_modes(pack: Pack) -> tuple[str, ...]:
    """The modes to offer for a pack (`review` aside): kept with a cached built-in pack, so
    showing them loads no generator; asked of the generator for any other pack."""
    modes = pack.derived.get("modes")
    if modes is None:
        from ali_quiz.quiz.generate import available_modes

        modes = pack.derived["modes"] = tuple(available_modes(pack))
    return tuple(modes)


def kept_size(pack: Pack, count: int) -> tuple[int, int] | None:
    """The fewest and most questions a quick round of `count` holds, when already worked out
    (a cached built-in pack keeps it for the default count), else None: `round_size` works it
    out with the generator (trial rounds: a worker's job)."""
    sizes = pack.derived.get("sizes")
    found = sizes.get(count) if isinstance(sizes, dict) else None
    return (int(found[0]), int(found[1])) if isinstance(found, tuple) else None


def round_size(pack: Pack, count: int) -> tuple[int, int]:
    """The fewest and most questions a quick round of `count` holds (trial rounds)."""
    from ali_quiz.quiz.generate import round_size as size

    return size(pack, count)


def _generator_verdicts(pack: Pack) -> dict[str, Any]:
    """What the cache keeps beside a pack: the kinds the generator cannot make, its modes, and
    what the generator itself keeps (so a round on a cached pack skips its trial rounds)."""
    # Imported here: with the cache warm, `validate` and `show` never load the generator.
    from ali_quiz.quiz.generate import available_modes, kept_verdicts, kind_warnings

    return {
        "warnings": tuple(kind_warnings(pack)),
        "modes": tuple(available_modes(pack)),
        **kept_verdicts(pack),
    }


def pack_files(folder: Path) -> list[Path]:
    """The pack files directly in a folder, sorted by name."""
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in PACK_SUFFIXES and p.is_file())
    except OSError:
        return []


def discover(paths: AppPaths, extra: Sequence[Path] = ()) -> list[PackEntry]:
    """Every pack found: built in first, then the user's packs folder, then the paths given."""
    files = pack_files(builtin_packs_dir()) + pack_files(paths.packs_dir)
    for given in extra:
        files.extend(pack_files(given) if given.is_dir() else [given])
    entries: list[PackEntry] = []
    seen: dict[str, PackEntry] = {}
    resolved: set[Path] = set()
    for path in files:
        key = path.resolve()
        if key in resolved:
            continue
        resolved.add(key)
        entry = load_entry(path, paths.cache_dir)
        if entry.valid and entry.id in seen:
            first = seen[entry.id]
            entry = PackEntry(
                id=entry.id,
                title=entry.title,
                language=entry.language,
                path=path,
                builtin=entry.builtin,
                pack=None,
                errors=(_id_problem(path, entry.id, first),),
                warnings=entry.warnings,
            )
        elif entry.valid:
            seen[entry.id] = entry
        entries.append(entry)
    return entries


def resolve_pack(spec: str, paths: AppPaths, extra: Sequence[Path] = ()) -> Pack:
    """A pack by id or file path; PackError when broken, PackNotFound when not there."""
    if looks_like_path(spec):
        path = expand_user(spec)
        try:
            missing = not path.exists()
        except OSError:  # a name too long, say: reading it (below) says so, located
            missing = False
        if missing:
            raise PackNotFound("no_file", path=spec)
        entry = load_entry(path, paths.cache_dir)
    elif spec in BUILTIN_IDS and (builtin_packs_dir() / f"{spec}.yaml").is_file():
        # Reserved ids: no other pack can take one, so the other packs need not be read.
        entry = load_entry(builtin_packs_dir() / f"{spec}.yaml", paths.cache_dir)
    else:
        entries = discover(paths, extra)
        found = [e for e in entries if e.id == spec]
        if not found:
            known = ", ".join(sorted({e.id for e in entries if e.valid})) or "none"
            raise PackNotFound("no_id", id=repr(spec), known=known)
        entry = next((e for e in found if e.valid), found[0])
    if entry.pack is None:
        raise PackError(list(entry.errors))
    return entry.pack


class NeedsReplace(Exception):
    """`packs add` over an installed pack of the same id, without `--replace`."""

    def __init__(self, pack_id: str, installed: Path, old_hash: str | None) -> None:
        super().__init__(
            f"a pack with the id {pack_id!r} is already installed ({installed}); "
            "add --replace to replace it (round codes made with the installed version "
            "will stop working)"
        )
        self.pack_id = pack_id
        self.installed = installed
        self.old_hash = old_hash


@dataclass(frozen=True, eq=False, repr=False)
class Added(Record):
    """A pack copied into the user's packs folder."""

    pack: Pack
    path: Path
    replaced: bool = False
    old_hash: str | None = None  # the content hash of the pack it replaced, when known


def add_pack(source: Path, paths: AppPaths, *, replace: bool = False) -> Added:
    """Validate a pack and copy it into the user's packs folder as `<id>.yaml`.

    The bytes validated are the bytes written (read once, with the size cap), whole or not at
    all. An installed pack of the same id is replaced only with `replace` (NeedsReplace
    otherwise); a built-in id, or an id another file already uses, is refused (PackError).
    """
    from ali_quiz.packs.loader import load_pack_bytes, read_pack_bytes

    data = read_pack_bytes(source)
    pack = load_pack_bytes(data, str(source), path=source)
    if pack.id in BUILTIN_IDS and not _is_builtin_copy(source, pack.id):
        raise PackError([_id_problem(source, pack.id)])
    target = paths.packs_dir / f"{pack.id}.yaml"
    existing = [
        e for e in discover(paths) if e.id == pack.id and e.path.resolve() != source.resolve()
    ]
    clash = [e for e in existing if e.builtin or e.path.resolve() != target.resolve()]
    if clash:
        raise PackError([_id_problem(source, pack.id, clash[0])])
    if source.resolve() == target.resolve():
        return Added(pack, target)  # the installed file itself: installed as it is
    installed = next((e for e in existing if e.path.resolve() == target.resolve()), None)
    old_hash = installed.pack.content_hash if installed and installed.pack else None
    there = target.exists() or target.is_symlink()
    if there and old_hash != pack.content_hash and not replace:
        raise NeedsReplace(pack.id, target, old_hash)
    paths.packs_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data, overwrite=True, inside=paths.data_dir)
    replaced = there and old_hash != pack.content_hash
    return Added(pack, target, replaced=replaced, old_hash=old_hash if replaced else None)
