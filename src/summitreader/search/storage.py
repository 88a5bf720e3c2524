"""How whoosh keeps an index: in memory, with two small corrections.

- :class:`MemoryStorage` keeps a writer's temporary files in memory too. whoosh's own
  ``RamStorage`` puts them in a folder of a fixed name in the system's temporary directory
  (``/tmp/MAIN.tmp``), which every whoosh writer on the machine shares and each one deletes when it
  is done: two builds at once, in two threads or two processes, then break each other.
- :class:`Codec` writes the postings of rare words inside the term table instead of in a block of
  their own, as whoosh's ``inlinelimit`` option means to (a misnamed method call breaks it in the
  released code). Most words of an article occur in a few paragraphs only, so this makes building
  faster and the index smaller.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter
from whoosh.filedb.filestore import RamStorage

INLINE_LIMIT = 16
"""Words in fewer documents than this have their postings kept in the term table."""


class MemoryStorage(RamStorage):
    """A ``RamStorage`` whose temporary storage is another in-memory storage."""

    def temp_storage(self, name: str | None = None) -> RamStorage:
        return RamStorage()


class _PostingsWriter(W3PostingsWriter):
    _terminfo: Any

    def finish_postings(self) -> Any:
        if not self.written() and len(self) < self._inlinelimit:
            terminfo: Any = self._terminfo
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()


class Codec(W3Codec):
    """whoosh's codec, with postings inlining that works."""

    def __init__(self) -> None:
        super().__init__(inlinelimit=INLINE_LIMIT)

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> _PostingsWriter:
        return _PostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )
