"""The search index of a pack: :class:`SearchIndex`.

The rest of summitreader uses this and the result types only; whoosh stays behind them. Opening is
blocking (the app calls it in a worker thread); after that, every search runs against an index held
in memory, and :meth:`SearchIndex.search` can be called from any thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from summitreader.search.results import Hit, SearchResult

if TYPE_CHECKING:
    from whoosh.index import Index
    from whoosh.searching import Searcher

    from summitreader.pack.model import Pack
    from summitreader.search.documents import Document
    from summitreader.search.ranking import Postings
    from summitreader.search.vocabulary import Vocabulary

Progress = Callable[[int, int], None]

MAX_LIMIT = 1000


class SearchIndex:
    """Full-text search over a pack and the user's notes.

    Use :meth:`open`, not the constructor. ``source`` says where the main index came from:
    ``"cache"`` (read from the cache folder), ``"built"`` (built and saved to it) or ``"memory"``
    (built, but the cache folder could not be written: nothing is saved).
    """

    def __init__(self, pack: Pack, index: Index, vocabulary: Vocabulary, source: str) -> None:
        self.pack = pack
        self.source = source
        self._index = index
        self._pack_vocabulary = vocabulary
        self._vocabulary = vocabulary
        self._notes_index: Index | None = None
        self._notes: dict[str, Document] = {}
        self._documents: dict[str, Document] = {}
        """The pack's documents made so far for hits, by key."""
        self._searcher: Searcher | None = None
        self._postings: Postings | None = None
        """The searcher's scored postings, kept across searches (dropped with the searcher)."""
        self._lock = threading.RLock()
        self._closed = False

    @classmethod
    def open(cls, pack: Pack, cache_dir: Path, *, progress: Progress | None = None) -> SearchIndex:
        """The index of ``pack``: read from the cache under ``cache_dir`` if a good one is there,
        else built (``progress(done, total)`` is called meanwhile) and saved there if possible."""
        from summitreader.search import cache
        from summitreader.search.build import build_index
        from summitreader.search.documents import count_documents, pack_documents

        key = cache.Key(pack_id=pack.id, content_hash=pack.content_hash)
        folder = cache.root(Path(cache_dir)) / key.folder_name
        total = count_documents(pack)
        with cache.folder_lock(folder):
            loaded = cache.load(folder, key, total)
            if loaded is not None:
                return cls(pack, loaded.index, loaded.vocabulary, "cache")
            built = build_index(pack_documents(pack), total, progress)
            saved = cache.save(folder, key, built.storage, built.vocabulary, built.doc_count)
        if saved:
            cache.prune(folder, key)
        return cls(pack, built.index, built.vocabulary, "built" if saved else "memory")

    # Notes

    def set_notes(
        self,
        notes: Iterable[tuple[int, str, int, str]],
        cards: Iterable[tuple[str, str, int, str]] = (),
    ) -> None:
        """Replace the user's notes that are searched by ``notes``: tuples of (note id, section id,
        paragraph number, text); and the user's own cards by ``cards`` (uid, section id,
        paragraph number, text)."""
        from summitreader.search.build import build_index
        from summitreader.search.documents import card_document, note_document

        documents = [note_document(note, self.pack) for note in notes]
        documents.extend(card_document(card, self.pack) for card in cards)
        built = build_index(documents, len(documents)) if documents else None
        with self._lock:
            self._notes = {document.key: document for document in documents}
            self._notes_index = built.index if built else None
            self._vocabulary = (
                self._pack_vocabulary.merged(built.vocabulary) if built else self._pack_vocabulary
            )
            self._drop_searcher()

    # Searching

    def search(
        self,
        query: str,
        *,
        kinds: Collection[str] | None = None,
        limit: int = 20,
        as_you_type: bool = False,
    ) -> SearchResult:
        """The best ``limit`` documents for ``query``, restricted to ``kinds`` if given.

        Never raises for anything in ``query``: what cannot be used as written is explained in
        :attr:`SearchResult.message`.
        """
        from summitreader.search.answer import answer_query
        from summitreader.search.schema import normalise_kind

        with self._lock:
            if self._closed:
                return SearchResult(query=query if isinstance(query, str) else "")
            wanted = None
            if kinds is not None:
                wanted = sorted(
                    {normalise_kind(k) or "" for k in kinds if isinstance(k, str)} - {""}
                )
            return answer_query(
                self._get_postings(),
                self._vocabulary,
                self._hit,
                query,
                kinds=wanted,
                limit=max(0, min(limit, MAX_LIMIT)),
                as_you_type=as_you_type,
            )

    def _hit(self, key: str, score: float, marked: Collection[str]) -> Hit | None:
        from summitreader.search.documents import document_for_key
        from summitreader.search.highlight import snippet

        document = self._documents.get(key)
        if document is None:
            document = document_for_key(self.pack, key, self._notes)
            if document is None:
                return None
            if document.kind not in ("note", "card"):
                self._documents[key] = document
        return Hit(
            kind=document.kind,
            id=document.id,
            title=document.title,
            section=document.section,
            paragraph=document.paragraph,
            score=float(score),
            snippet=snippet(document.text, marked),
            where=document.where,
        )

    def _get_searcher(self) -> Searcher:
        if self._searcher is None:
            from whoosh.reading import MultiReader
            from whoosh.searching import Searcher

            from summitreader.search.weighting import CachedLengthBM25F

            if self._notes_index is None:
                self._searcher = self._index.searcher(weighting=CachedLengthBM25F())
            else:
                reader = MultiReader([self._index.reader(), self._notes_index.reader()])
                self._searcher = Searcher(reader, weighting=CachedLengthBM25F())
        return self._searcher

    def _get_postings(self) -> Postings:
        from summitreader.search.ranking import Postings

        searcher = self._get_searcher()
        if self._postings is None or self._postings.searcher is not searcher:
            self._postings = Postings(searcher)
        return self._postings

    def _drop_searcher(self) -> None:
        self._postings = None
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def close(self) -> None:
        with self._lock:
            self._drop_searcher()
            self._closed = True

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
