"""Library figures: a book-length article added with ``summitreader add``, loaded, and searched.

The article is the 100× pack's text (see :mod:`packs`) written as one Markdown file, a heading
per section: about 1.8 MB. Run from the repository: ``python benchmarks/library.py``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import paint
from packs import scaled_pack
from searching import QUERIES, percentile
from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import shipped_ids
from summitreader.pack import load_pack
from summitreader.search import SearchIndex

SCALE = 100
REPEAT = 5
PHRASE = "relationship between"
"""In the first section of both packs (the book's first section is the shipped pack's)."""


def paints(folder: Path, book_id: str) -> tuple[float, float]:
    """Median first paint of the app on the shipped pack and on the book, warm caches, runs
    alternating."""
    data, cache = folder, folder / "cache"
    env = paint.environment(
        {"SUMMITREADER_DATA_DIR": str(data), "SUMMITREADER_CACHE_DIR": str(cache)}
    )

    def argv(pack: str) -> list[str]:
        return [sys.executable, "-m", "summitreader", "--pack", pack]

    for pack in (paths.DEFAULT_PACK_ID, book_id):  # warm: the parsed pack kept, files read
        paint.first_paint(argv(pack), PHRASE, env=env)
    shipped, book = [], []
    for _ in range(REPEAT):
        shipped.append(paint.first_paint(argv(paths.DEFAULT_PACK_ID), PHRASE, env=env).seconds)
        book.append(paint.first_paint(argv(book_id), PHRASE, env=env).seconds)
    return statistics.median(shipped), statistics.median(book)


def book(folder: Path) -> Path:
    """The 100× pack's text as one Markdown article."""
    pack = load_pack(scaled_pack(paths.default_pack_dir(), SCALE, folder / "x100"))
    parts = [f"# {pack.title}"]
    for section in pack.sections:
        parts.append(f"## {section.title}")
        parts.extend(p.markdown for p in section.paragraphs)
    target = folder / "book.md"
    target.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return target


def search_times(book: SearchIndex, shipped: SearchIndex) -> tuple[list[float], list[float]]:
    """Milliseconds of each query on the book and on the shipped pack, the two in turn query by
    query, so that a machine's other load weighs on both alike: their ratio is the steady
    figure. The indexes' files are read once first (not counted)."""
    for query in QUERIES:
        book.search(query.text, as_you_type=query.as_you_type)
        shipped.search(query.text, as_you_type=query.as_you_type)
    book_times: list[float] = []
    shipped_times: list[float] = []
    book_cpu: list[float] = []
    shipped_cpu: list[float] = []
    for _ in range(REPEAT):
        for query in QUERIES:
            for index, times, cpus in (
                (book, book_times, book_cpu),
                (shipped, shipped_times, shipped_cpu),
            ):
                start, cpu = time.perf_counter(), time.thread_time()
                index.search(query.text, as_you_type=query.as_you_type)
                times.append((time.perf_counter() - start) * 1000)
                cpus.append((time.thread_time() - cpu) * 1000)
    print(
        f"search, processor time of the searching thread (steadier under load): the book "
        f"p50 {percentile(book_cpu, 50):.1f} ms, p95 {percentile(book_cpu, 95):.1f} ms; the "
        f"shipped pack p50 {percentile(shipped_cpu, 50):.1f} ms, p95 "
        f"{percentile(shipped_cpu, 95):.1f} ms; p95 ratio "
        f"{percentile(book_cpu, 95) / percentile(shipped_cpu, 95):.2f}×"
    )
    return book_times, shipped_times


def by_kind(
    book_times: list[float], shipped_times: list[float]
) -> dict[str, tuple[list[float], list[float]]]:
    """The times of :func:`search_times` by the kind of query (word, phrase, prefix...)."""
    kinds: dict[str, tuple[list[float], list[float]]] = {}
    for number, (mine, theirs) in enumerate(zip(book_times, shipped_times, strict=True)):
        pair = kinds.setdefault(QUERIES[number % len(QUERIES)].kind, ([], []))
        pair[0].append(mine)
        pair[1].append(theirs)
    return kinds


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        source = book(folder)
        print(f"article: {source.stat().st_size / 1e6:.2f} MB")
        start = time.perf_counter()
        added = add_article(source, folder / "library", taken=shipped_ids())
        print(f"add: {time.perf_counter() - start:.2f} s — {added.sections} sections, "
              f"{added.paragraphs} paragraphs, {added.cards} cards")
        loads = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            pack = load_pack(added.path)
            loads.append(time.perf_counter() - start)
        default = []
        for _ in range(REPEAT):
            start = time.perf_counter()
            load_pack(paths.default_pack_dir())
            default.append(time.perf_counter() - start)
        print(f"load: {min(loads):.2f} s (the shipped pack: {min(default):.3f} s)")
        start = time.perf_counter()
        index = SearchIndex.open(pack, folder / "cache")
        print(f"search index build: {time.perf_counter() - start:.1f} s")
        shipped_index = SearchIndex.open(load_pack(paths.default_pack_dir()), folder / "cache")
        book_times, shipped_times = search_times(index, shipped_index)
        index.close()
        shipped_index.close()
        book_p95, shipped_p95 = percentile(book_times, 95), percentile(shipped_times, 95)
        print(
            f"search: the book p50 {percentile(book_times, 50):.1f} ms, p95 {book_p95:.1f} ms; "
            f"the shipped pack p50 {percentile(shipped_times, 50):.1f} ms, p95 "
            f"{shipped_p95:.1f} ms; p95 ratio {book_p95 / shipped_p95:.2f}× "
            f"({len(book_times)} searches each)"
        )
        for kind, (mine, theirs) in by_kind(book_times, shipped_times).items():
            print(f"  {kind:7} p95: the book {percentile(mine, 95):6.1f} ms, the shipped pack "
                  f"{percentile(theirs, 95):5.1f} ms")
        shipped, book_paint = paints(folder, added.pack_id)
        print(f"first paint, warm caches: the book {book_paint:.2f} s, the shipped pack "
              f"{shipped:.2f} s: {book_paint / shipped:.2f}×")


if __name__ == "__main__":
    main()
