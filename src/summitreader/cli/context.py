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


def hint(text: str) -> None:
    """A line for the user on stderr (stdout keeps the tables and JSON)."""
    import sys

    from summitreader.text import clean_text

    print(f"summitreader: {clean_text(text)}", file=sys.stderr)


class Context:
    def __init__(
        self,
        pack_path: str | None = None,
        data_dir: str | None = None,
        cache_dir: str | None = None,
    ) -> None:
        self.data_dir = paths.data_dir(data_dir)
        self.pack_given = bool(pack_path)
        """Whether ``--pack`` was given: without it, commands work on the pack read last, as
        the app opens it (the shipped pack when none was read yet, or when it is gone or does
        not load; stderr says so)."""
        self._read_last = False
        """Whether the pack is the one read last, taken for want of ``--pack``."""
        self._pack_spec = pack_path
        self._pack_path: Path | None = None
        self.cache_parsed_pack = False
        """Whether the parsed pack is kept in (and read from) the cache folder: for the app, whose
        start it speeds up; commands write nothing there."""
        self.cache_dir = paths.cache_dir(cache_dir)
        self._opened: list[object] = []

    @property
    def pack_path(self) -> Path:
        """The folder of ``--pack`` (a library id or a folder), else of the pack read last."""
        from summitreader.library import LibraryError, find_pack, last_pack_read

        if self._pack_path is None:
            if not self._pack_spec:
                self._pack_path, gone = last_pack_read(self.data_dir)
                self._read_last = self._pack_path.resolve() != paths.default_pack_dir().resolve()
                if gone:
                    hint(
                        f"the pack read last ({gone}) is no longer in the library: "
                        "working on the pack that ships"
                    )
            else:
                try:
                    self._pack_path = find_pack(self.data_dir, self._pack_spec)
                except LibraryError as error:
                    raise CliError(str(error)) from None
        return self._pack_path

    @pack_path.setter
    def pack_path(self, folder: Path) -> None:
        """Work on the pack in ``folder`` (before the pack is first used)."""
        self._pack_path = folder
        self._read_last = False
        self.__dict__.pop("pack", None)

    @cached_property
    def pack(self) -> Pack:
        from summitreader.library import reserved_id_problem
        from summitreader.pack import PackError, load_pack
        from summitreader.pack.cache import cache_key, load_pack_cached

        try:
            if self.cache_parsed_pack:
                pack = load_pack_cached(self.pack_path, self.cache_dir, cache_key(self.data_dir))
            else:
                pack = load_pack(self.pack_path)
            problem = reserved_id_problem(self.data_dir, self.pack_path, pack.id)
            if problem is not None:
                raise CliError(problem)
        except (PackError, CliError) as error:
            if not self._read_last:
                raise CliError(
                    error.report() if isinstance(error, PackError) else str(error)
                ) from None
            from summitreader.library import validate_command

            failed = self.pack_path
            hint(
                f"the pack read last ({failed}) cannot be loaded "
                f"({validate_command(self.data_dir, failed)} says why): "
                "working on the pack that ships"
            )
            self.pack_path = paths.default_pack_dir()
            return load_pack(self.pack_path)
        if self._read_last:
            hint(f"on {pack.title} ({pack.id}), the pack read last; --pack chooses another")
        return pack

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
