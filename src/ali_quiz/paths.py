"""Where ali-quiz keeps things: platformdirs, or one folder given by --data-dir / ALI_QUIZ_HOME."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ali_quiz.record import Record

APP_NAME = "ali-quiz"
HOME_ENV = "ALI_QUIZ_HOME"


@dataclass(frozen=True, eq=False, repr=False)
class AppPaths(Record):
    """The folders and files of one installation (or of one test's temporary folder)."""

    data_dir: Path
    config_dir: Path
    cache_root: Path | None = None  # None: `<data_dir>/cache`

    @property
    def cache_dir(self) -> Path:
        """What ali-quiz may rebuild at any time (the parsed built-in packs): safe to delete."""
        return self.cache_root if self.cache_root is not None else self.data_dir / "cache"

    @classmethod
    def resolve(cls, data_dir: Path | str | None = None) -> AppPaths:
        """--data-dir wins, then ALI_QUIZ_HOME, then the platform's user folders."""
        chosen = data_dir if data_dir is not None else os.environ.get(HOME_ENV) or None
        if chosen is not None:
            root = expand_user(chosen)
            return cls(data_dir=root, config_dir=root)
        # Imported here: platformdirs is only needed when no folder is given.
        import platformdirs

        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            cache_root=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )

    @property
    def packs_dir(self) -> Path:
        return self.data_dir / "packs"

    @property
    def history_path(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def config_path(self) -> Path:
        return self.config_dir / "config.yaml"


#: What a pack file's name ends with.
PACK_SUFFIXES = (".yaml", ".yml")


def looks_like_path(spec: str) -> bool:
    """Whether a `--pack` value names a file (`week3.yaml`, `packs/x`) rather than a pack id."""
    if spec.endswith(PACK_SUFFIXES) or "/" in spec or "\\" in spec:
        return True
    try:
        return Path(spec).is_file()
    except OSError:  # a name the system refuses (too long): a path, whose reading says why
        return True


def expand_user(path: Path | str) -> Path:
    """`~` and `~name` at the start made the home folder; a `~name` of no such user (for which
    pathlib raises RuntimeError) stays as written, so that reading it says "no such file"."""
    try:
        return Path(path).expanduser()
    except RuntimeError:
        return Path(path)


def builtin_packs_dir() -> Path:
    """The built-in packs: inside the installed package, or the checkout's questions/ folder."""
    here = Path(__file__).resolve().parent
    installed = here / "questions"
    if installed.is_dir():
        return installed
    return here.parent.parent / "questions"
