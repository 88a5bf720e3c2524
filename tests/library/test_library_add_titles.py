"""Titles of added articles: an HTML page's own heading rather than its site's name, a plain
text's leading title line, headings in capitals in title case; and the summary ``add``
prints, in good English."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.authoring.html import article_title
from summitreader.authoring.split import split_text, title_case
from summitreader.cli import main

PAGE = """<!doctype html><html><head>
<title>What Is Ownership? - The Rust Programming Language</title>
<meta property="og:title" content="The Rust Programming Language">
</head><body><nav><a href="/">The Rust Programming Language</a></nav>
<main><h2>What Is Ownership?</h2>
<p><em>Ownership</em> is a set of rules that govern how a Rust program manages memory. All
programs have to manage the way they use a computer's memory while running. Some languages have
garbage collection that regularly looks for no-longer-used memory as the program runs.</p>
<p>In other languages, the programmer must explicitly allocate and free the memory. Rust uses a
third approach: memory is managed through a system of ownership with a set of rules that the
compiler checks. If any of the rules are violated, the program will not compile.</p>
</main></body></html>
"""


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_html_page_is_titled_by_its_article_not_its_site(capsys, tmp_path):
    page = tmp_path / "ch04-01.html"
    page.write_text(PAGE, encoding="utf-8")
    code, out, err = run(capsys, tmp_path, "add", str(page))
    assert code == 0, err
    assert out.splitlines()[0] == "Added 'what-is-ownership': What Is Ownership?"


def test_the_title_tag_part_that_is_not_the_site_name():
    html = "<title>Slices &amp; Strings | The Book</title>"
    assert article_title("No heading here.", html, "The Book", "") == "Slices & Strings"
    assert article_title("Text.", "<title>The Book</title>", "The Book", "") == "The Book"
    assert article_title("## [The *Slice* Type](#slices)\n\nText.", html, "", "") == (
        "The Slice Type"
    )
    assert article_title("```sh\n# a comment\n```\n\nText.", "", "Site", "") == "Site"


def test_a_metadata_title_that_is_the_first_part_of_the_title_tag_is_the_articles():
    # A page with no heading, "<title>Tidal mills - Notes</title>": trafilatura's metadata
    # title is "Tidal mills", the article's own; the site's name, last, is left out.
    html = "<title>Tidal mills - Notes</title>"
    assert article_title("Text.", html, "Tidal mills", "") == "Tidal mills"
    assert article_title("Text.", html, "Notes", "") == "Tidal mills"
    assert article_title("Text.", html, "", "Notes") == "Tidal mills"


def test_a_plain_text_opening_with_its_title_over_a_version_line():
    article = split_text(
        "GNU GENERAL PUBLIC LICENSE\n   Version 3, 29 June 2007\n\n"
        "Everyone is permitted to copy and distribute verbatim copies.\n\n"
        "TERMS AND CONDITIONS\n\n  0. Definitions.\n\nThe text of the terms goes here.\n"
    )
    assert article.title == "GNU GENERAL PUBLIC LICENSE"
    assert article.sections[0].blocks[0] == "Version 3, 29 June 2007"
    assert [s.title for s in article.sections] == ["Introduction", "Terms and Conditions"]


def test_title_case_keeps_small_words_lower_case_but_the_first():
    assert title_case("END OF TERMS AND CONDITIONS") == "End of Terms and Conditions"
    assert title_case("THE LAW OF THE SEA") == "The Law of the Sea"


def test_add_says_one_section_and_one_card_in_the_singular(capsys, tmp_path):
    article = tmp_path / "short.md"
    article.write_text(
        "# Short\n\nThe bridge over the river was opened on 16 July 2018 after "
        "a construction that lasted many long years.\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, tmp_path, "add", str(article))
    assert code == 0, err
    summary = out.splitlines()[1]
    assert summary.strip().startswith("1 section, 1 paragraph, 0 takeaways, 1 card"), summary
