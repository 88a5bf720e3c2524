"""The parsed pack read back from the cache is the pack parsed: every record, every field (those
left out of comparisons too: a paragraph's runs, where an entry was written), and its lookups."""

from __future__ import annotations

import shutil
from pathlib import Path

from summitreader import paths
from summitreader.pack import load_pack
from summitreader.pack.cache import cache_key, load_pack_cached


def test_the_cached_pack_round_trips_exactly(tmp_path: Path) -> None:
    folder = tmp_path / "pack"
    shutil.copytree(paths.default_pack_dir(), folder)
    key = cache_key(tmp_path / "data")
    assert key is not None
    cache = tmp_path / "cache"
    parsed = load_pack(folder)
    load_pack_cached(folder, cache, key)  # parsed and kept
    assert len(list((cache / "packs").glob("*.pickle"))) == 1
    cached = load_pack_cached(folder, cache, key)  # read back
    assert cached is not parsed
    assert cached == parsed
    # repr shows the fields that equality leaves out (runs, locations).
    assert repr(cached) == repr(parsed)
    assert any(p.runs for s in cached.sections for p in s.paragraphs)
    assert any(m.location is not None for m in cached.meetings)
    assert cached._by_id == parsed._by_id
    ref = parsed.takeaways[0].passage
    assert cached.paragraph(ref) == parsed.paragraph(ref)
    assert cached.section(parsed.sections[-1].id) == parsed.sections[-1]
