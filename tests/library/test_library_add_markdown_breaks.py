"""A Markdown thematic break (``* * *``, ``***``, ``---``, ``___``) between paragraphs separates
them and is no text of its own: it was read as a list item and drawn as bullets."""

from __future__ import annotations

import pytest

from summitreader.authoring.split import split_markdown


@pytest.mark.parametrize("rule", ["* * *", "***", "*    *    *", "- - -", "___", "  * * * *"])
def test_a_thematic_break_separates_paragraphs_and_is_no_text(rule: str) -> None:
    article = split_markdown(f"# Part\n\nThe first scene ends here.\n\n{rule}\n\nA second one.\n")
    (section,) = article.sections
    assert section.blocks == ["The first scene ends here.", "A second one."]


def test_a_list_and_a_heading_underline_are_still_what_they_were() -> None:
    article = split_markdown("Title line\n---\n\n* one\n* two\n\nText.\n")
    (section,) = article.sections
    assert section.title == "Title line"
    assert section.blocks == ["* one", "* two", "Text."]
