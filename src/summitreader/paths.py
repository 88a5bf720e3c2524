"""Where summitreader keeps things. Functions only: nothing is computed or created on import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "summitreader"
DATA_DIR_ENV = "SUMMITREADER_DATA_DIR"
CACHE_DIR_ENV = "SUMMITREADER_CACHE_DIR"
DEFAULT_PACK_ID = "trump-putin-summits"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The progress folder: ``override``, else ``$SUMMITREADER_DATA_DIR``, else the user data
    folder."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The cache folder (search index): ``override``, else ``$SUMMITREADER_CACHE_DIR``, else the
    user cache folder."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def content_root() -> Path:
    """The folder of the packs that ship with summitreader.

    Inside an installed wheel it is ``summitreader/content``; in a source checkout (an editable
    install) it is the repository's top-level ``content/``.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "content"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "content"


def default_pack_dir() -> Path:
    return content_root() / DEFAULT_PACK_ID
