"""The first section of a pack made from an HTML page does not say the pack's title again: a
heading (of any level) or a paragraph at the top of the article that only repeats the title is
left out. A page whose title was a second-level heading, or one of two first-level headings,
gave a first section headed "The Eiffel Tower" in the pack "The Eiffel Tower"."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.authoring import add_article
from summitreader.pack import Pack, load_pack

PAGE = (Path(__file__).parent / "fixtures" / "eiffel-tower.html").read_text(encoding="utf-8")
"""An article set in a web page with furniture around it (see fixtures/SOURCES.md)."""
OPENING = "The Eiffel Tower is a wrought-iron lattice tower"


def added(tmp_path: Path, html: str, title: str | None = None) -> Pack:
    source = tmp_path / "page.html"
    source.write_text(html, encoding="utf-8")
    return load_pack(add_article(source, tmp_path / "library", title=title).path)


@pytest.mark.parametrize(
    "page",
    [
        PAGE.replace("<h1>The Eiffel Tower</h1>", "<h2>The Eiffel Tower</h2>"),
        PAGE.replace("<h2>Design</h2>", "<h1>Design</h1>"),
    ],
    ids=["second-level", "two-first-level"],
)
def test_a_heading_that_repeats_the_title_heads_no_section(tmp_path: Path, page: str) -> None:
    pack = added(tmp_path, page)
    assert pack.title == "The Eiffel Tower"
    assert [s.title for s in pack.sections] == ["Introduction", "Design", "Construction"]
    assert pack.sections[0].paragraphs[0].text.startswith(OPENING)


def test_a_paragraph_that_repeats_the_title_is_left_out(tmp_path: Path) -> None:
    page = PAGE.replace("<h1>The Eiffel Tower</h1>", "<p><strong>The Eiffel Tower.</strong></p>")
    pack = added(tmp_path, page, title="The Eiffel tower")
    assert pack.sections[0].title == "Introduction"
    assert pack.sections[0].paragraphs[0].text.startswith(OPENING)


def test_a_title_said_inside_a_paragraph_is_kept(tmp_path: Path) -> None:
    page = PAGE.replace("<h1>The Eiffel Tower</h1>", "<h2>The Eiffel Tower at night</h2>")
    pack = added(tmp_path, page, title="The Eiffel Tower")
    assert pack.sections[0].title == "The Eiffel Tower at night"
