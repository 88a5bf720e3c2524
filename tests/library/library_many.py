"""A library of nine packs, some with long titles, made by ``add`` from small articles: more
than the Library dialog shows at once at 80×24."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids

TITLES = [
    "Alpine Lakes",
    "Bridges of the Rhine",
    "Cartography Before Satellites and the Long Argument About Projections",
    "Desert Winds",
    "Estuaries",
    "Forest Fires and the Ecology of Renewal in Northern Boreal Woodlands",
    "Glaciers",
    "Harbours of the Hanseatic League",
]


def make_library(data: Path, titles: list[str] = TITLES) -> list[Path]:
    """Adds one small article per title to the library in ``data``; returns the packs' folders."""
    sources = data.parent / "articles"
    sources.mkdir(parents=True, exist_ok=True)
    made = []
    for n, title in enumerate(titles):
        source = sources / f"article-{n}.md"
        source.write_text(
            f"# {title}\n\n## Background\n\nThe {title.lower()} were surveyed in {1900 + n} by a "
            f"team of {10 + n} people who walked the whole of it over many seasons.\n",
            encoding="utf-8",
        )
        made.append(add_article(source, library_dir(data), taken=shipped_ids()).path)
    return made
