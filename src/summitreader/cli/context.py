"""What a CLI command works on: the pack, the progress store and the search index, each opened on
first use (so ``summitreader --version`` touches nothing)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from summitreader import paths

if TYPE_CHECKING:
    from summitreader.pack.model import Pack
    from summitreader.progress import Store
    from summitreader.search import SearchIndex


class CliError(Exception):
    """A problem the user can fix, printed as one line."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class Context:
    def __init__(
        self,
        pack_path: str | None = None,
        data_dir: str | None = None,
        cache_dir: str | None = None,
    ) -> None:
        self.pack_path = Path(pack_path) if pack_path else paths.default_pack_dir()
        self.data_dir = paths.data_dir(data_dir)
        self.cache_dir = paths.cache_dir(cache_dir)
        self._opened: list[object] = []

    @cached_property
    def pack(self) -> Pack:
        from summitreader.pack import PackError, load_pack

        try:
            return load_pack(self.pack_path)
        except PackError as error:
            raise CliError(error.report()) from None

    @cached_property
    def store(self) -> Store:
        from summitreader.progress import open_store

        store = open_store(self.data_dir, self.pack)
        self._opened.append(store)
        return store

    @cached_property
    def search_index(self) -> SearchIndex:
        from summitreader.search import SearchIndex

        index = SearchIndex.open(self.pack, self.cache_dir)
        self._opened.append(index)
        return index

    def close(self) -> None:
        for thing in reversed(self._opened):
            close = getattr(thing, "close", None)
            if close is not None:
                close()
        self._opened.clear()
