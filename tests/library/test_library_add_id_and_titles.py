"""``add --id`` is refused, before the article is read, when it is longer than an id may be; a
title in capitals keeps its acronyms; numbered plain-text headings stay as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.authoring import AuthoringError, add_article
from summitreader.authoring.build import MAX_ID_LENGTH
from summitreader.authoring.split import split_markdown, split_text


def test_an_id_longer_than_the_limit_is_refused_with_its_length(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# A\n\nSome text of the article.\n", "utf-8")
    with pytest.raises(
        AuthoringError, match=f"300 characters long: an id has at most {MAX_ID_LENGTH}"
    ):
        add_article(article, tmp_path / "library", pack_id="a" * 300)
    assert not (tmp_path / "library").exists()


def test_an_id_at_the_limit_is_taken(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# A\n\nSome text of the article.\n", "utf-8")
    added = add_article(article, tmp_path / "library", pack_id="a" * MAX_ID_LENGTH)
    assert added.path == tmp_path / "library" / ("a" * MAX_ID_LENGTH)


def test_the_id_is_checked_before_the_file_is_read(tmp_path):
    with pytest.raises(AuthoringError, match="an id has at most"):
        add_article(Path(tmp_path / "missing.md"), tmp_path / "library", pack_id="b" * 100)


def test_a_markdown_title_in_capitals_is_kept_as_written_and_headings_are_title_cased():
    article = split_markdown(
        "# GNU GENERAL PUBLIC LICENSE\n\nPreamble.\n\n## THE TERMS AND CONDITIONS\n\nText.\n"
    )
    assert article.title == "GNU GENERAL PUBLIC LICENSE"
    assert [s.title for s in article.sections][-1] == "The Terms and Conditions"


def test_a_numbered_plain_text_heading_stays_as_written():
    article = split_text("A BOOK\n\nThe opening words.\n\nCHAPTER IV\n\nThe chapter's words.\n")
    assert "CHAPTER IV" in [s.title for s in article.sections]
