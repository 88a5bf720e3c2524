"""Building an index in memory from documents."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from whoosh.index import Index

from summitreader.search.documents import Document
from summitreader.search.schema import make_schema
from summitreader.search.storage import Codec, MemoryStorage
from summitreader.search.vocabulary import Vocabulary

Progress = Callable[[int, int], None]


@dataclass
class Built:
    """A freshly built index, held in memory."""

    storage: MemoryStorage
    index: Index
    vocabulary: Vocabulary
    doc_count: int


def build_index(
    documents: Iterable[Document], total: int, progress: Progress | None = None
) -> Built:
    """Index ``documents`` (``total`` of them, for the progress report) into a new in-memory index.

    ``progress(done, total)`` is called as documents are added, and once more when the index is
    written; its ``total`` counts writing the index as half as much work as adding the documents.
    """
    units = total + total // 2 + 1
    step = max(1, total // 40)
    storage = MemoryStorage()
    index = storage.create_index(make_schema())
    writer = index.writer(codec=Codec(), compound=False)
    texts: list[str] = []
    count = 0
    try:
        for document in documents:
            writer.add_document(**document.fields())
            texts.append(document.text)
            texts.append(document.indexed_title)
            count += 1
            if progress is not None and count % step == 0:
                progress(min(count, total), units)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    vocabulary = Vocabulary.from_texts(texts)
    if progress is not None:
        progress(units, units)
    return Built(storage=storage, index=index, vocabulary=vocabulary, doc_count=count)
