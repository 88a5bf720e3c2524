"""A paragraph with brackets by the thousand (a hostile pack: ``"[x]["`` or ``"!["`` repeated)
keeps its links and images as the text written, so parsing it stays linear: markdown-it looks
for a closing ``]`` from each ``[``. Checked on what is parsed, not on a clock."""

from __future__ import annotations

from summitreader.pack.markdown import MAX_INLINE_MARKS, inline_runs


def test_links_are_parsed_in_an_ordinary_paragraph():
    runs = inline_runs("See [the text](https://example.org) and **this** [" * 3)
    assert [r.url for r in runs if r.url] == ["https://example.org"] * 3


def test_a_paragraph_with_too_many_brackets_keeps_its_links_as_written():
    """Past the bound on inline marks, a paragraph is shown as written: its links (and its
    emphasis and code, which the bound counts too) are not parsed."""
    block = "See [the text](https://example.org), **bold** `code` " + "[" * MAX_INLINE_MARKS
    runs = inline_runs(block)
    assert not any(r.url or r.strong or r.code for r in runs)
    assert "".join(r.text for r in runs) == block


def test_brackets_and_images_by_the_ten_thousand_are_plain_text():
    for unit in ("![", "[x]["):
        runs = inline_runs(unit * 20000)
        assert "".join(r.text for r in runs) == unit * 20000
        assert not any(r.url for r in runs)
