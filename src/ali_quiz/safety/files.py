"""Files read with a cap and written whole: the only way ali-quiz opens what a user names.

`read_capped` refuses at once what is not a regular file (a FIFO would block forever,
/dev/zero never ends, a folder has no bytes) and reads at most the cap, so a 20 GB file costs
no more than the cap. `atomic_write` writes a temporary file beside the destination, syncs it
to disk and renames it into place: a full disk or a crash leaves the old file (or nothing),
never half a file; and it never writes through a symbolic link it was not told to expect.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ali_quiz.safety.limits import size_text

# typing is not imported at run time: it is a good share of a short command's start.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import BinaryIO


class FileRefused(OSError):
    """A file that cannot be read or written as asked; `reason` says why, for people.

    `code` and `values` say it again for the interface strings (`file.<code>` in
    i18n/files.py), so each front end words it in its language: `words(tr)`.
    """

    def __init__(
        self,
        path: Path | str,
        reason: str,
        code: int = errno.EINVAL,
        *,
        said: tuple[str, dict[str, object]],
    ) -> None:
        super().__init__(code, reason, str(path))
        self.path = str(path)
        self.reason = reason
        self.said = said

    def words(self, tr: Callable[..., str], /) -> str:
        """The reason in a Translator's language (English: `reason`)."""
        key, values = self.said
        return tr(f"file.{key}", **values)

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True)
class FileKind:
    """What a file was read as ("pack file"), worded by a Translator (`file.kind.<slug>`)."""

    name: str

    def words(self, tr: Callable[..., str], /) -> str:
        return tr(f"file.kind.{self.name.replace(' ', '_')}")


_KINDS = {
    stat.S_IFDIR: ("folder", "is a folder, not a file"),
    stat.S_IFIFO: (
        "fifo",
        "is a FIFO (named pipe), not a file: save the content to a file and give that",
    ),
    stat.S_IFCHR: ("device", "is a device, not a file"),
    stat.S_IFBLK: ("device", "is a device, not a file"),
    stat.S_IFSOCK: ("socket", "is a socket, not a file"),
}


def _kind(mode: int) -> tuple[str, str] | None:
    """What a non-regular file is (its code, in words), None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return _KINDS.get(stat.S_IFMT(mode), ("not_regular", "is not a regular file"))


def _reason(err: OSError) -> tuple[str, str, dict[str, object]]:
    """Why a file cannot be read: a code, the English, and the values of the code."""
    if isinstance(err, FileNotFoundError):
        return "no_such_file", "no such file", {}
    if isinstance(err, PermissionError):
        return "permission", "permission denied: this file cannot be read by you", {}
    if isinstance(err, IsADirectoryError):
        return "folder", "is a folder, not a file", {}
    return "cannot_read", f"cannot be read: {err.strerror or err}", {"error": err}


def _refused(path: Path | str, err: OSError) -> FileRefused:
    code, reason, values = _reason(err)
    return FileRefused(path, reason, err.errno or errno.EIO, said=(code, values))


def read_capped(path: Path | str, cap: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `cap` bytes; FileRefused saying why otherwise.

    Opened without blocking (a FIFO with no writer would wait forever) and checked with
    fstat on the open descriptor, so what is read is what was checked.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        raise _refused(path, err) from None
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind is not None:
            raise FileRefused(path, kind[1], said=(kind[0], {}))
        too_large = FileRefused(
            path,
            f"is larger than {size_text(cap)}, the limit for a {what}: is this the right file?",
            errno.EFBIG,
            said=("too_large", {"limit": size_text(cap), "what": FileKind(what)}),
        )
        if info.st_size > cap:
            raise too_large
        chunks, total = [], 0
        while total <= cap:
            chunk = os.read(fd, min(cap + 1 - total, 1 << 20) or 1)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > cap:  # a file that grew while read, or that lies about its size
            raise too_large
        return b"".join(chunks)
    except FileRefused:
        raise
    except OSError as err:
        raise _refused(path, err) from None
    finally:
        os.close(fd)


#: Byte order marks that name another encoding than UTF-8; UTF-32 LE's begins with UTF-16
#: LE's, so it is looked for first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> str:
    """The text of a file: UTF-8 (a byte order mark dropped), or UTF-16 or UTF-32 when its
    byte order mark says so, as Windows saves "Unicode" text and PowerShell 5 writes `>`.
    UnicodeDecodeError (its `start` a byte offset) for anything else."""
    if data[:1] in (b"\xff", b"\xfe", b"\x00"):
        for bom, codec in _BOMS:
            if data.startswith(bom):
                return data.decode(codec)
    return data.decode("utf-8-sig")


def file_to_read_problem(path: Path) -> FileRefused | None:
    """Why `path` cannot be read as a file (nothing there, a folder, a FIFO...), or None; it
    only looks (stat), so a FIFO is never opened."""
    try:
        info = path.stat()
    except OSError as err:
        return _refused(path, err)
    kind = _kind(info.st_mode)
    return FileRefused(path, kind[1], said=(kind[0], {})) if kind is not None else None


def regular_or_absent(path: Path) -> FileRefused | None:
    """Why `path` cannot be written as a file (a folder, a FIFO...), or None: a file, or
    nothing."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as err:
        return _refused(path, err)
    kind = _kind(info.st_mode)
    if kind is not None and kind[0] == "fifo":
        # Written to, not read: the advice for an input file would not fit.
        kind = ("fifo_output", "is a FIFO (named pipe), not a file to write: give a file's name")
    return FileRefused(path, kind[1], said=(kind[0], {})) if kind is not None else None


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.is_relative_to(folder.resolve())
    except OSError:
        return False


def write_target(path: Path, *, inside: Path | None = None) -> Path:
    """Where a write to `path` lands: the path, or the file its link points to inside `inside`.

    A symbolic link is followed only when it points inside the `inside` folder (the data
    folder); any other link is refused, so writing never lands somewhere unexpected.
    """
    if not path.is_symlink():
        return path
    target = path.resolve()
    if inside is not None and _inside(target, inside):
        return target
    raise FileRefused(
        path,
        f"is a symbolic link (to {target}): not written through; remove the link or "
        "choose another name",
        errno.ELOOP,
        said=("symlink", {"target": str(target)}),
    )


def _sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (where the system lets a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_open(
    path: Path, *, overwrite: bool = False, inside: Path | None = None
) -> Iterator[BinaryIO]:
    """A binary file to write that appears at `path` whole when the block ends, or not at all.

    `overwrite` False: an existing file is never replaced (FileExistsError). A symbolic link
    is refused unless it points inside `inside` (see `write_target`). The temporary file is
    removed whatever goes wrong (a full disk, an error in the block, Ctrl+C).
    """
    target = write_target(Path(path), inside=inside)
    problem = regular_or_absent(target)
    if problem is not None:
        raise FileRefused(path, problem.reason, problem.errno or errno.EINVAL, said=problem.said)
    if not overwrite and target.exists():
        raise FileExistsError(errno.EEXIST, "already exists", str(path))
    folder = target.parent
    temporary = folder / f".{target.name}.{os.urandom(4).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temporary, flags, 0o666)
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if overwrite:
            os.replace(temporary, target)
        else:
            _link_new(temporary, target, path)
        _sync_folder(folder)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        raise


def atomic_write(
    path: Path, data: bytes | str, *, overwrite: bool = False, inside: Path | None = None
) -> Path:
    """Write the whole of `data` to `path`, or nothing at all; return the file written.

    See `atomic_open` for `overwrite` and `inside`.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_open(path, overwrite=overwrite, inside=inside) as stream:
        stream.write(payload)
    return write_target(Path(path), inside=inside)


def _link_new(temporary: Path, target: Path, asked: Path) -> None:
    """Put the temporary file at `target` only if nothing is there (a hard link is atomic)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "already exists", str(asked)) from None
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        # A file system without hard links: check, then rename (a narrow race, no overwrite
        # of anything that was there when we looked).
        if target.exists():
            raise FileExistsError(errno.EEXIST, "already exists", str(asked)) from None
        os.replace(temporary, target)
        return
    temporary.unlink()
