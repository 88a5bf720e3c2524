"""Code listings (``<pre>`` in a page, fenced blocks in Markdown) are kept whole as fenced code
blocks: every line, blank ones too, no Markdown escaping, one paragraph of the pack apart from
the text around it, and never made a card."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.authoring.split import CODE_BLANK_LINE
from summitreader.pack import load_pack

WORDS = "Ownership is a set of rules that govern how a program manages memory in 2015. " * 3
PAGE = f"""<html><head><title>Ownership</title></head><body><nav>Home | Docs</nav><article>
<h1>What is ownership?</h1>
<p>{WORDS}</p>
<pre><code class="language-rust"><span class="kw">fn</span> main() {{
    <span class="kw">let</span> s = String::from("hello");

    takes_ownership(s);   // s's value moves into the function
}}</code></pre>
<p>Here the string moves into the function and is no longer valid afterwards, as of 2015.</p>
<pre>plain   pre
   indented *not emphasis* and _under_ [x](y)

last line</pre>
<p>{WORDS}</p>
</article></body></html>
"""


def _paragraphs(folder: Path) -> list[str]:
    pack = load_pack(folder)
    return [p.markdown for s in pack.sections for p in s.paragraphs]


def test_pre_listings_in_a_page_are_fenced_code_blocks_kept_whole(tmp_path: Path):
    source = tmp_path / "ownership.html"
    source.write_text(PAGE, encoding="utf-8")
    added = add_article(source, tmp_path / "library")
    paragraphs = _paragraphs(added.path)
    rust = "\n".join(
        (
            "```",
            "fn main() {",
            '    let s = String::from("hello");',
            CODE_BLANK_LINE,
            "    takes_ownership(s);   // s's value moves into the function",
            "}",
            "```",
        )
    )
    plain = "\n".join(
        (
            "```",
            "plain   pre",
            "   indented *not emphasis* and _under_ [x](y)",
            CODE_BLANK_LINE,
            "last line",
            "```",
        )
    )
    assert rust in paragraphs
    assert plain in paragraphs
    after = paragraphs[paragraphs.index(rust) + 1]
    assert after.startswith("Here the string moves")
    pack = load_pack(added.path)
    assert not any("```" in card.prompt or "fn main" in card.prompt for card in pack.cards)


def test_a_fenced_block_with_blank_lines_in_markdown_stays_one_paragraph(tmp_path: Path):
    source = tmp_path / "code.md"
    source.write_text(
        "# Code\n\n"
        f"{WORDS}\n\n"
        "```python\ndef first():\n    return 1\n\n\ndef second():\n    return 2\n```\n"
        "The text right after the listing, in 2015, is a paragraph of its own here.\n",
        encoding="utf-8",
    )
    paragraphs = _paragraphs(add_article(source, tmp_path / "library").path)
    code = "\n".join(
        (
            "```python",
            "def first():",
            "    return 1",
            CODE_BLANK_LINE,
            CODE_BLANK_LINE,
            "def second():",
            "    return 2",
            "```",
        )
    )
    assert code in paragraphs
    assert paragraphs[paragraphs.index(code) + 1].startswith("The text right after")


def test_a_listing_inside_a_paragraph_leaves_its_words_not_a_placeholder():
    from summitreader.authoring.html import _with_listings

    text = _with_listings(
        "Run summitreaderlisting0x now.\nsummitreaderlisting1x", ["make  all\ntest", "a\n\nb"]
    )
    assert text == "Run make all test now.\n\n```\na\n\nb\n```\n"
    assert "summitreaderlisting" not in text
