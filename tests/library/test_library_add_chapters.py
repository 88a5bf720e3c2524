"""A plain-text book's chapters are its sections: ``CHAPTER I. Title``, ``CHAPTER I.`` over its
title, a bare ``I.``, ``BOOK ONE``, recognised when they recur through the text. A chapter is
kept whole (two Alice chapters of about 2,100 words each were cut into parts of at most 1,500
words); one far longer than can be read at a sitting is cut at paragraph breaks into parts titled
``Chapter 2 (2 of 3)``. A text without such headings is cut as before."""

from __future__ import annotations

import re
from pathlib import Path

from summitreader.authoring import add_article
from summitreader.authoring.split import CHAPTER_WORDS, MAX_WORDS, split_text
from summitreader.pack import load_pack
from summitreader.pack.lint import lint_cards

BOOK = (Path(__file__).parent / "fixtures" / "alice-ch1-2.txt").read_text(encoding="utf-8")
"""Two chapters of Alice's Adventures in Wonderland, headed ``CHAPTER I. Down the Rabbit-Hole``
(see fixtures/SOURCES.md)."""
HEADING = re.compile(r"^CHAPTER (\w+)\. (.*)$", re.MULTILINE)


def titles(text: str) -> list[str]:
    return [s.title for s in split_text(text).sections]


def test_a_book_of_long_chapters_is_added_a_chapter_a_section(tmp_path: Path) -> None:
    source = tmp_path / "alice.txt"
    source.write_text(BOOK, encoding="utf-8")
    pack = load_pack(add_article(source, tmp_path / "library").path)
    assert [s.title for s in pack.sections] == [
        "Introduction",
        "CHAPTER I. Down the Rabbit-Hole",
        "CHAPTER II. The Pool of Tears",
    ]
    first = pack.sections[1].paragraphs
    assert first[0].text.startswith("Alice was beginning to get very tired")
    assert "So she set to work, and very soon finished off the cake." in [p.text for p in first]
    assert sum(len(p.text.split()) for p in first) > MAX_WORDS
    assert lint_cards(pack, pack.cards) == []


def test_a_heading_over_its_title_and_a_bare_number_make_chapters_too() -> None:
    over = HEADING.sub(r"CHAPTER \1.\n\2", BOOK)
    assert titles(over)[1:] == ["CHAPTER I. Down the Rabbit-Hole", "CHAPTER II. The Pool of Tears"]
    bare = HEADING.sub(r"\1.", BOOK)
    assert titles(bare)[1:] == ["I", "II"]
    spelled = HEADING.sub(lambda m: f"BOOK {['ONE', 'TWO'][len(m.group(1)) - 1]}", BOOK)
    assert titles(spelled)[1:] == ["BOOK ONE", "BOOK TWO"]
    titled = HEADING.sub(lambda m: f"Chapter {len(m.group(1))}. {m.group(2)}", BOOK)
    assert titles(titled)[1:] == [
        "Chapter 1. Down the Rabbit-Hole",
        "Chapter 2. The Pool of Tears",
    ]


def test_a_book_over_chapters_heads_its_first_chapter() -> None:
    text = BOOK.replace("CHAPTER I.", "BOOK ONE\n\nCHAPTER I.", 1)
    assert titles(text)[1:] == [
        "BOOK ONE: CHAPTER I. Down the Rabbit-Hole",
        "CHAPTER II. The Pool of Tears",
    ]


def test_a_chapter_far_too_long_to_read_at_a_sitting_is_cut_into_numbered_parts() -> None:
    chapters = HEADING.split(BOOK)
    # Chapter II's text, five times over (about 10,500 words), as the second of three chapters.
    body = chapters[6].strip()
    text = (
        f"Chapter 1\n\n{chapters[3].strip()}\n\nChapter 2\n\n"
        + "\n\n".join([body] * 5)
        + f"\n\nChapter 3\n\n{body}\n"
    )
    article = split_text(text)
    assert [s.title for s in article.sections] == [
        "Chapter 1",
        "Chapter 2 (1 of 2)",
        "Chapter 2 (2 of 2)",
        "Chapter 3",
    ]
    middle = article.sections[1:3]
    assert all(s.words <= CHAPTER_WORDS for s in middle)
    assert abs(middle[0].words - middle[1].words) < 1000  # about equal, cut at paragraph breaks
    assert sum(len(s.blocks) for s in middle) == 5 * len(body.split("\n\n"))


def test_a_lone_numbered_heading_or_numbered_lines_make_no_chapters() -> None:
    # One heading of its kind: as before, a section cut at the usual length.
    once = HEADING.sub("", BOOK, count=0).replace("CHAPTER II. The Pool of Tears", "")
    assert all(not t.startswith("Chapter II") for t in titles(once))
    assert all(s.words <= MAX_WORDS for s in split_text(once).sections)
    # Numbers that do not count on are no chapters.
    lines = "\n\n".join(["12", "Some words of a paragraph here.", "40", "More words here."])
    assert titles(lines) == ["The text"]


def test_a_line_in_capitals_inside_a_chapter_is_its_text() -> None:
    article = split_text(BOOK + "\n\nCHORUS.\n\nAnd so it ended.\n\nTHE END\n")
    assert [s.title for s in article.sections][1:] == [
        "CHAPTER I. Down the Rabbit-Hole",
        "CHAPTER II. The Pool of Tears",
    ]
    assert article.sections[-1].blocks[-3:] == ["CHORUS.", "And so it ended.", "THE END"]
