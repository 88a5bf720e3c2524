"""An HTML page's main text as Markdown, through trafilatura's main-content extraction.

Navigation, advertising, comment forms and other page furniture are left out; the page's scripts
are never run (trafilatura parses the HTML with lxml and does not fetch anything). trafilatura is
imported here only, on first use: the rest of summitreader never pays for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Any

from summitreader.authoring.source import AuthoringError
from summitreader.text import clean_text

MIN_CHARACTERS = 200
"""Less main text than this is no article (a page of links, a login form), unless it holds
:data:`MIN_PARAGRAPHS` real paragraphs."""
MIN_PARAGRAPHS = 2
PARAGRAPH_WORDS = 8
"""A real paragraph: a sentence of at least this many words, ending as a sentence does."""
_FURNITURE = ("nav", "aside", "footer", "header", "form", "script", "style", "noscript", "button")
_BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre", "dd", "dt"}


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
    html = cleaned_html(html)
    tree, listings = _without_listings(html)
    markdown = trafilatura.extract(
        tree if tree is not None else html,
        output_format="markdown",
        include_formatting=True,
        include_links=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_recall=True,
        deduplicate=False,
    )
    text = _with_starts(_with_quotes(_with_listings(clean_text(markdown or ""), listings)))
    text = text.strip()
    if not is_article(text):
        # Recall first: the text of the page's <article> (or <main>), its furniture left out.
        fallback = clean_text(landmark_text(html)).strip()
        if is_article(fallback):
            text = fallback
    if not is_article(text):
        raise AuthoringError(
            f"{name}: no article text was found in this page (only navigation or page "
            "furniture); save the article's own page, or its text as a .txt or .md file"
        )
    metadata = trafilatura.extract_metadata(html)
    title = str(getattr(metadata, "title", "") or "") if metadata is not None else ""
    site = str(getattr(metadata, "sitename", "") or "") if metadata is not None else ""
    url = str(getattr(metadata, "url", "") or "") if metadata is not None else ""
    return Extracted(text, clean_text(article_title(text, html, title, site)), url)


def is_article(text: str) -> bool:
    """Whether the extracted ``text`` is an article: :data:`MIN_CHARACTERS` of text, or
    :data:`MIN_PARAGRAPHS` real paragraphs (a page of links or a login form has neither)."""
    if len(" ".join(text.split())) >= MIN_CHARACTERS:
        return True
    real = [
        block
        for block in text.split("\n\n")
        if not block.lstrip().startswith(("#", "```", "~~~"))
        and len(block.split()) >= PARAGRAPH_WORDS
        and block.rstrip().rstrip("\"”’)*_").endswith((".", "!", "?"))
    ]
    return len(real) >= MIN_PARAGRAPHS


def landmark_text(html: str) -> str:
    """The text of the page's first ``<article>`` (else its first ``<main>``) as Markdown
    paragraphs and headings, without the navigation, asides, headers, footers, forms and
    scripts inside it; empty when the page has neither."""
    try:
        from lxml import etree  # type: ignore[import-untyped]
        from lxml import html as lxml_html

        tree = lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return ""
    found = tree.xpath("//article") or tree.xpath("//main")
    if not found:
        return ""
    root = found[0]
    for tag in _FURNITURE:
        for element in list(root.iter(tag)):
            element.drop_tree()
    blocks: list[str] = []
    for element in root.iter(*_BLOCKS):
        if any(ancestor.tag in _BLOCKS for ancestor in element.iterancestors()):
            continue  # its text is its block's
        words = " ".join(element.text_content().split())
        if not words:
            continue
        tag = str(element.tag)
        if tag[0] == "h" and tag[1:].isdigit():
            blocks.append(f"{'#' * int(tag[1:])} {words}")
        elif tag == "li":
            blocks.append(f"- {words}")
        else:
            blocks.append(words)
    if not blocks:
        blocks = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return "\n\n".join(block for block in blocks if block)


_PLACEHOLDER = "summitreaderlisting{}x"
_PLACEHOLDER_LINE = re.compile(r"^[ \t]*summitreaderlisting(\d+)x[ \t]*$", re.MULTILINE)
_PLACEHOLDER_WORD = re.compile(r"summitreaderlisting(\d+)x")


def _without_listings(html: str) -> tuple[Any, list[str]]:
    """The page parsed, each ``<pre>`` (a code listing, a poem laid out by hand) replaced by a
    paragraph holding a placeholder word, and the listings' text: trafilatura would drop their
    blank lines, escape their Markdown and leave a ``<pre>`` without ``<code>`` unfenced. None
    for the tree when the page cannot be parsed (trafilatura then reads it as it is)."""
    try:
        from lxml import etree
        from lxml import html as lxml_html

        tree = lxml_html.document_fromstring(html)
    except (ValueError, etree.ParserError):
        return None, []
    quotes = _mark_quotes(tree) + _mark_starts(tree)
    listings: list[str] = []
    for pre in list(tree.iter("pre")):
        parent = pre.getparent()
        if parent is None:
            continue
        stand_in = lxml_html.Element("p")
        stand_in.text = _PLACEHOLDER.format(len(listings))
        stand_in.tail = pre.tail
        listings.append(pre.text_content())
        parent.replace(pre, stand_in)
    return (tree if listings or quotes else None), listings


_QUOTE = "summitreaderquotex"
_QUOTE_LINE = re.compile(r"^[ \t]*summitreaderquotex[ \t]*", re.MULTILINE)
_QUOTE_WORD = re.compile(r"[ \t]*summitreaderquotex[ \t]*")


def _mark_quotes(tree: Any) -> int:
    """Start each paragraph of each ``<blockquote>`` with a placeholder word (trafilatura's
    Markdown drops the quote's ``>``); :func:`_with_quotes` makes those paragraphs quotes again.
    Returns how many were marked."""
    marked = 0
    for quote in list(tree.iter("blockquote")):
        paragraphs = list(quote.iter("p")) or [quote]
        for paragraph in paragraphs:
            if paragraph.text_content().strip():
                paragraph.text = f"{_QUOTE} {paragraph.text or ''}"
                marked += 1
    return marked


_START = "summitreaderstart{}x"
_START_ITEM = re.compile(r"^([ \t]*)\d{1,9}([.)])[ \t]+summitreaderstart(\d{1,9})x[ \t]*", re.M)
_START_WORD = re.compile(r"[ \t]*summitreaderstart\d{1,9}x[ \t]*")
_NUMBERED = re.compile(r"^([ \t]*)\d{1,9}([.)])([ \t]+)")
MAX_START = 999
"""The largest first number kept (a list item's number has at most three digits in a pack)."""


def _mark_starts(tree: Any) -> int:
    """Start the first item of each ``<ol start="N">`` (N not 1) with a placeholder word naming
    N: trafilatura's Markdown numbers every list from 1. :func:`_with_starts` numbers those
    lists from N again. Returns how many were marked."""
    marked = 0
    for ordered in list(tree.iter("ol")):
        start = (ordered.get("start") or "").strip()
        if not start.isdigit() or not 0 <= int(start) <= MAX_START or int(start) == 1:
            continue
        first = next(iter(ordered.iter("li")), None)
        if first is None:
            continue
        first.text = f"{_START.format(int(start))} {first.text or ''}"
        marked += 1
    return marked


def _with_starts(markdown: str) -> str:
    """``markdown`` with each marked list numbered from its start, its items one under another
    counting on; a mark that ended up anywhere else is dropped."""
    lines = markdown.split("\n")
    number: int | None = None
    for n, line in enumerate(lines):
        marked = _START_ITEM.match(line)
        if marked is not None:
            indent, delimiter, start = marked.groups()
            number = int(start)
            lines[n] = f"{indent}{number}{delimiter} {line[marked.end():]}"
            continue
        item = _NUMBERED.match(line) if number is not None else None
        if item is None:
            number = None
            continue
        number = (number or 0) + 1
        lines[n] = f"{item.group(1)}{number}{item.group(2)}{item.group(3)}{line[item.end():]}"
    return _START_WORD.sub(" ", "\n".join(lines))


def _with_quotes(markdown: str) -> str:
    """``markdown`` with each marked paragraph made a quote (``> ``); a mark that ended up inside
    a paragraph is dropped."""
    return _QUOTE_WORD.sub(" ", _QUOTE_LINE.sub("> ", markdown)).replace(">  ", "> ")


def _with_listings(markdown: str, listings: list[str]) -> str:
    """``markdown`` with each listing's placeholder made a fenced code block, blank lines
    around it; a placeholder trafilatura left out leaves its listing out."""

    def fenced(match: re.Match[str]) -> str:
        number = int(match.group(1))
        lines = [line.rstrip() for line in listings[number].split("\n")] if number < len(
            listings
        ) else []
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            return ""
        fence = "~~~" if any(line.lstrip().startswith("```") for line in lines) else "```"
        return "\n" + "\n".join((fence, *lines, fence)) + "\n"

    def inline(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return " ".join(listings[number].split()) if number < len(listings) else ""

    # A placeholder that ended up inside a paragraph: the listing's words, on one line.
    return _PLACEHOLDER_WORD.sub(inline, _PLACEHOLDER_LINE.sub(fenced, markdown))


_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def cleaned_html(html: str) -> str:
    """``html`` cleaned as all text from outside is (:func:`~summitreader.text.clean_text`), its
    character references to control characters (``&#x1b;``, ``&#7;``) decoded first, so that
    an escape sequence written as one goes whole. The HTML parser refuses a page that holds
    them; and they are never text. References to 0x80–0x9F are the cp1252 characters HTML
    reads them as (``&#x93;`` is “), references to no character the replacement character."""
    return clean_text(_REFERENCE.sub(_decoded_if_unsafe, html))


def _decoded_if_unsafe(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal is not None else int(decimal)
    if 0x80 <= code <= 0x9F:
        return bytes([code]).decode("cp1252", errors="ignore")
    if code > 0x10FFFF:
        return "\ufffd"
    character = chr(code)
    return character if clean_text(character) != character else match.group()



TITLE_TAG_LENGTH = 2000
"""What is read of a ``<title>``: more is no title (and its tags are taken out by a pattern)."""


def _title_tag(html: str) -> str | None:
    """What the page's first ``<title>`` holds, or None; found by position (a pattern looked for
    the closing tag from every opening one: minutes on a page of many)."""
    lower = html.lower()
    start = lower.find("<title")
    opened = lower.find(">", start) if start != -1 else -1
    end = lower.find("</title", opened) if opened != -1 else -1
    return html[opened + 1 : min(end, opened + 1 + TITLE_TAG_LENGTH)] if end != -1 else None

_TITLE_PARTS = re.compile(r"\s+(?:[-|–—·:]|::)\s+")


def article_title(markdown: str, html: str, metadata_title: str, site: str) -> str:
    """The article's own title, not its site's: the extracted text's first heading; else the
    part of the page's ``<title>`` that is not the site's name (``What Is Ownership? - The Rust
    Programming Language``, where the metadata may give either part: the site's name comes last,
    so a metadata title that is the first part is the article's); else the title the page's
    metadata gives."""
    heading = _first_heading(markdown)
    if heading:
        return heading
    tag = _title_tag(html)
    if tag is not None:
        whole = " ".join(unescape(re.sub(r"<[^>]*>", "", tag)).split())
        parts = [p for p in _TITLE_PARTS.split(whole) if p]
        meta = metadata_title.strip().casefold()
        if len(parts) > 1 and meta and parts[0].casefold() == meta != site.casefold():
            return parts[0]  # the metadata names the first part: the article's (a site's last)
        names = {n.casefold() for n in (site, metadata_title) if n} if len(parts) > 1 else set()
        own = [p for p in parts if p.casefold() not in names]
        if own:
            return own[0]
    return " ".join(metadata_title.split())


def _first_heading(markdown: str) -> str:
    """The text of the first heading of ``markdown`` (outside code blocks), as plain text."""
    fenced = False
    for line in markdown.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced or not stripped.startswith("#"):
            continue
        marks = len(stripped) - len(stripped.lstrip("#"))
        if marks > 6 or not stripped[marks:].startswith((" ", "\t")):
            continue
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", stripped[marks:].strip().rstrip("#"))
        text = " ".join(re.sub(r"[*_`]+", "", text).split())
        if text:
            return text
    return ""
