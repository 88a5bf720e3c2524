"""``add`` keeps a list as the article has it: a tight list (one item a line) is written one item
a line, so the reader draws it tight (it was written with a blank line between its items, a loose
list); a loose one keeps its blank lines; and an HTML ``<ol start="3">`` is numbered from 3 (it
was numbered from 1), each item still a paragraph of its own to point at."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.pack import Pack, load_pack

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "eiffel-tower.html").read_text(encoding="utf-8")
"""An article set in a web page (see fixtures/SOURCES.md), lists added to it below."""
LISTS = (
    "<p>The work went on in these stages.</p>"
    '<ol start="3"><li>The <b>foundations</b> were dug.</li><li>The iron pieces were made.</li>'
    "<li>The pieces were riveted.</li></ol>"
    "<p>The visitors come for these.</p><ul><li>The view.</li><li>The restaurants.</li></ul>"
)


def added(tmp_path: Path, name: str, text: str) -> tuple[Pack, Path]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    folder = add_article(source, tmp_path / "library").path
    return load_pack(folder), folder


def test_an_html_list_keeps_its_start_and_is_tight(tmp_path: Path) -> None:
    page = PAGE.replace("<h2>Design</h2>", LISTS + "<h2>Design</h2>")
    pack, folder = added(tmp_path, "page.html", page)
    paragraphs = pack.sections[0].paragraphs
    items = [p for p in paragraphs if p.list_item]
    assert [(p.marker, p.text) for p in items] == [
        ("3.", "The foundations were dug."),
        ("4.", "The iron pieces were made."),
        ("5.", "The pieces were riveted."),
        ("•", "The view."),
        ("•", "The restaurants."),
    ]
    assert [p.tight for p in items] == [True, True, False, True, False]
    written = next((folder / "sections").glob("0001-*.md")).read_text(encoding="utf-8")
    assert "3. The **foundations** were dug.\n4. The iron pieces were made.\n5. " in written
    assert "summitreader" not in written


def test_a_markdown_list_stays_tight_or_loose_as_written(tmp_path: Path) -> None:
    article = (FIXTURES / "photosynthesis.md").read_text(encoding="utf-8")
    article += (
        "\n\n## Where it happens\n\nThe parts of a leaf:\n\n- The chloroplasts.\n- The stomata.\n"
        "- The veins, which carry\n  water in.\n\nAnd the loose one:\n\n1. Light.\n\n2. Water.\n"
    )
    pack, _ = added(tmp_path, "photosynthesis.md", article)
    last = pack.sections[-1].paragraphs
    assert [(p.text, p.tight) for p in last if p.list_item] == [
        ("The chloroplasts.", True),
        ("The stomata.", True),
        ("The veins, which carry water in.", False),
        ("Light.", False),
        ("Water.", False),
    ]
