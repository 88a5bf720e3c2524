"""An HTML page's quotes stay quotes: trafilatura's Markdown drops the ``>`` of a
``<blockquote>``, so ``add`` marks each quoted paragraph before extraction and makes it a
Markdown quote after."""

from __future__ import annotations

from summitreader.authoring.html import html_to_markdown

BODY = (
    "The Bell Rock light was completed in 1810 after four years of work on a reef that is "
    "covered by the sea for most of the day. "
) * 3

PAGE = f"""<html><head><title>Bell Rock</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bell Rock</h1>
<p>{BODY}</p>
<blockquote>The work was carried out in the worst of conditions.</blockquote>
<p>{BODY}</p>
<blockquote><p>First quoted paragraph, with <em>emphasis</em>.</p>
<p>Second quoted paragraph.</p></blockquote>
<p>{BODY}</p>
</article><footer>Copyright</footer></body></html>"""


def test_a_blockquote_becomes_a_markdown_quote() -> None:
    markdown = html_to_markdown("page.html", PAGE).markdown
    lines = markdown.splitlines()
    assert "> The work was carried out in the worst of conditions." in lines
    assert "> First quoted paragraph, with *emphasis*." in lines
    assert "> Second quoted paragraph." in lines
    assert "summitreaderquote" not in markdown
    # the paragraphs around the quotes are not quoted
    assert not any(line.startswith(">") and "Bell Rock light" in line for line in lines)
