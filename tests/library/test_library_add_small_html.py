"""A small HTML page whose article holds two real paragraphs is added, not refused as "no
article text found": two real paragraphs are an article however short, and when the main-content
extraction finds too little the text of the page's ``<article>`` or ``<main>`` is taken, still
without the page's furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.authoring import AuthoringError, add_article
from summitreader.pack import load_pack

FIRST = "A tidal mill is a water mill driven by the rise and fall of the tide."
SECOND = "The earliest tidal mills in Europe date from the early Middle Ages."
NAV = '<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li></ul></nav>'
FOOTER = '<footer>Copyright 2024 Mill Notes. <a href="/privacy">Privacy policy</a></footer>'


def _page(body: str) -> str:
    return (
        "<!doctype html><html><head><title>Tidal mills</title></head><body>"
        f"{NAV}{body}{FOOTER}</body></html>"
    )


def _texts(tmp_path: Path, html: str) -> list[str]:
    source = tmp_path / "mills.html"
    source.write_text(html, encoding="utf-8")
    pack = load_pack(add_article(source, tmp_path / "library").path)
    return [p.text for s in pack.sections for p in s.paragraphs]


def test_an_article_of_two_short_paragraphs_is_added(tmp_path):
    html = _page(f"<main><article><p>{FIRST}</p><p>{SECOND}</p></article></main>")
    texts = _texts(tmp_path, html)
    assert texts == [FIRST, SECOND]


def test_the_text_of_main_is_taken_when_the_extraction_finds_too_little(tmp_path):
    # trafilatura takes a <div id="comments"> for the page's comments and leaves it out.
    html = _page(
        f'<div id="comments"><main><h2>How they work</h2><p>{FIRST}</p>'
        f"<aside>Read also: windmills</aside><p>{SECOND}</p></main></div>"
    )
    texts = _texts(tmp_path, html)
    assert texts == [FIRST, SECOND]
    assert not any("Home" in t or "Copyright" in t or "windmills" in t for t in texts)


def test_a_page_of_links_and_furniture_is_still_refused(tmp_path):
    source = tmp_path / "links.html"
    source.write_text(
        _page('<main><ul><li><a href="/a">Tidal mills</a></li><li><a href="/b">Windmills</a>'
              "</li></ul><p>Sign in to read more.</p></main>"),
        encoding="utf-8",
    )
    with pytest.raises(AuthoringError, match="no article text was found"):
        add_article(source, tmp_path / "library")
