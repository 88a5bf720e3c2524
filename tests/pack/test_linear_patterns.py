"""Patterns a hostile file could make slow, checked on what they find for inputs that took
minutes, hours or longer before (each pattern is now linear in its input): a cloze prompt of
``{{`` repeated, a section whose lines of spaces and no-break spaces both ways of reading an
indented block took, an ATX heading of thousands of spaces, a page of thousands of ``<title>``.
Checked on what is found, not on a clock."""

from __future__ import annotations

from summitreader.authoring.html import article_title
from summitreader.authoring.split import split_markdown
from summitreader.pack.cloze import blanks, cloze_parts
from summitreader.pack.markdown import split_paragraphs


def test_blanks_are_found_as_before() -> None:
    assert blanks("The {{Helsinki}} summit, in {{July\n2018}}.") == ["Helsinki", "July\n2018"]
    assert cloze_parts("a {{{b}}} c") == ("a ", "{b", "} c")
    assert blanks("{{}} and {{ }}") == [" "]


def test_a_prompt_of_openings_without_closings_has_no_blank() -> None:
    assert blanks("{{" * 200_000) == []
    assert blanks("{{a}" * 150_000) == []
    assert blanks("x}}" + "{{a}" * 150_000) == []
    assert blanks("{{" * 100_000 + " {{end}}") == ["end"]


def test_a_block_of_spaces_and_no_break_spaces_is_read_in_one_pass() -> None:
    block = "Text here.\n\n    x" + "\n    \u00a0" * 60 + "\nz"
    paragraphs = split_paragraphs("s", block)
    assert [p.code for p in paragraphs] == [False, False]
    code = split_paragraphs("s", "    x" + "\n    \u00a0" * 60 + "\n    y")
    assert [p.code for p in code] == [True]


def test_a_heading_of_thousands_of_spaces() -> None:
    article = split_markdown("# a" + " " * 50_000 + "b\n\nSome text.\n\n## C# ##\n\nMore.\n")
    assert article.title == "a b"
    assert [s.title for s in article.sections] == ["Introduction", "C#"]


def test_a_page_of_thousands_of_title_tags() -> None:
    assert article_title("", "<div>" + "<title>" * 200_000 + "</div>", "Meta", "") == "Meta"
    page = "<html><head><TITLE>Harbour lights</title></head>" + "<title>" * 200_000
    assert article_title("", page, "", "") == "Harbour lights"
