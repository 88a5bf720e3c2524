"""An HTML page's main text as Markdown, through trafilatura's main-content extraction.

Navigation, advertising, comment forms and other page furniture are left out; the page's scripts
are never run (trafilatura parses the HTML with lxml and does not fetch anything). trafilatura is
imported here only, on first use: the rest of summitreader never pays for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from summitreader.authoring.source import AuthoringError

MIN_CHARACTERS = 200
"""Less main text than this is no article (a page of links, a login form)."""


@dataclass(frozen=True, slots=True)
class Extracted:
    markdown: str
    title: str
    url: str


def html_to_markdown(name: str, html: str) -> Extracted:
    """The main text of the page ``html`` as Markdown (headings, emphasis, lists, links and
    quotes kept), with its title and address when the page gives them."""
    try:
        import trafilatura
    except ImportError as error:  # an installation without it
        raise AuthoringError(
            f"reading HTML needs trafilatura, which cannot be imported ({error})"
        ) from None
    markdown = trafilatura.extract(
        html,
        output_format="markdown",
        include_formatting=True,
        include_links=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
    )
    text = (markdown or "").strip()
    if len(" ".join(text.split())) < MIN_CHARACTERS:
        raise AuthoringError(
            f"{name}: no article text was found in this page (only navigation or page "
            "furniture); save the article's own page, or its text as a .txt or .md file"
        )
    metadata = trafilatura.extract_metadata(html)
    title = str(getattr(metadata, "title", "") or "") if metadata is not None else ""
    url = str(getattr(metadata, "url", "") or "") if metadata is not None else ""
    return Extracted(text, " ".join(title.split()), url)
