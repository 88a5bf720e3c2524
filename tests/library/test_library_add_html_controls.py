"""An HTML page whose title or headings hold control characters written as character references
(``&#x1b;``): the page is cleaned as all text from outside is, not refused."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.authoring.html import cleaned_html
from summitreader.pack import load_pack

BODY = "<p>" + "The tower was finished in 1889 for the fair held in Paris that year. " * 6 + "</p>"


def page(title: str, first: str, second: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article>"
        f"<h1>{first}</h1>{BODY}<h2>{second}</h2>{BODY}</article></body></html>"
    )


def test_control_references_in_title_and_headings_are_cleaned_not_refused(tmp_path: Path):
    source = tmp_path / "controls.html"
    source.write_text(
        page(
            "Iron &#x1b;[31mtower", "The &#x1b;]0;owned&#7;iron tower", "Its &#27;[2Jbuilding&#0;"
        ),
        encoding="utf-8",
    )
    added = add_article(source, tmp_path / "library")
    pack = load_pack(added.path)
    assert pack.title == "The iron tower"
    assert [s.title for s in pack.sections] == ["Introduction", "Its building"]
    for text in (pack.title, *(s.title for s in pack.sections)):
        assert text.isprintable()


def test_literal_control_characters_in_a_page_are_cleaned_too(tmp_path: Path):
    source = tmp_path / "literal.html"
    source.write_text(page("A\x1b[1m page", "Iron\x07 tower", "Its\x1b[0m building"))
    pack = load_pack(add_article(source, tmp_path / "library").path)
    assert pack.title == "Iron tower"
    assert [s.title for s in pack.sections] == ["Introduction", "Its building"]


def test_references_to_c1_codes_read_as_cp1252_and_others_are_kept():
    assert cleaned_html("&#x93;quoted&#x94; &#x9b;31m") == "“quoted” ›31m"
    assert cleaned_html("&amp; &#65; &#x2014; &lt;") == "&amp; &#65; &#x2014; &lt;"
    assert cleaned_html("&#x110000;") == "\ufffd"


def test_a_markdown_heading_of_nothing_that_shows_is_no_section_title(tmp_path: Path):
    body = "The tower was finished in 1889 for the fair held in Paris that year."
    source = tmp_path / "invisible.md"
    source.write_text(
        f"# Iron\x1b[31m tower\n\n{body}\n\n## \u200b\u200b\n\n{body} Again.\n\n"
        f"## \x1b[2J\x07\n\n{body} Once more.\n",
        encoding="utf-8",
    )
    pack = load_pack(add_article(source, tmp_path / "library").path)
    assert pack.title == "Iron tower"
    assert [s.title for s in pack.sections] == ["The text"]
