"""The article in the pack is the article as the user gave it (tests/fixtures/article.txt).

The fixture is the article line by line: the title, the standfirst, then each section's heading
(none for the introduction) and its paragraphs, list items written ``- Lead: text``. Its last two
lines are the page's furniture ("Leave a Reply" and the login line), which are not article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.pack import Pack

ARTICLE = Path(__file__).parent / "fixtures" / "article.txt"
FURNITURE = ("Leave a Reply", "You must be logged in to post a comment.")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    text = ARTICLE.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert tuple(lines[-2:]) == FURNITURE
    return lines


def _pack_as_lines(pack: Pack) -> list[tuple[str, str]]:
    """The pack's article as (what, line) pairs in the fixture's layout: each paragraph's Markdown
    source, less the bold marks the pack adds to list leads (``- **Lead:** text``). The article's
    own Markdown, such as ``_(TIME)_``, must be there as given."""
    result = [("title", pack.title), ("subtitle", pack.subtitle)]
    for section in pack.sections:
        if section.id != "introduction":
            result.append((f"heading of {section.id}", section.title))
        for paragraph in section.paragraphs:
            line = paragraph.markdown.replace("**", "")
            result.append((f"{section.id} ¶{paragraph.number}", line))
    return result


def test_title_and_standfirst(lines: list[str], pack: Pack) -> None:
    assert pack.title == lines[0]
    assert pack.subtitle == lines[1]


def test_section_titles_are_the_headings(lines: list[str], pack: Pack) -> None:
    headings = [s.title for s in pack.sections[1:]]
    assert all(h in lines for h in headings)
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    assert pack.sections[0].title == "Introduction"


def test_the_article_is_reproduced_line_for_line(lines: list[str], pack: Pack) -> None:
    article = lines[:-2]
    ours = _pack_as_lines(pack)
    assert len(ours) == len(article)
    differences = [
        f"{where}:\n  article: {expected}\n  pack:    {actual}"
        for (where, actual), expected in zip(ours, article, strict=True)
        if actual != expected
    ]
    assert not differences, "\n".join(differences)


def test_no_page_furniture_in_the_pack(pack: Pack) -> None:
    root = Path(pack.root)
    for path in root.rglob("*"):
        if path.is_file():
            content = path.read_text(encoding="utf-8")
            for line in FURNITURE:
                assert line not in content, f"{path.relative_to(root)} holds {line!r}"
    everything = [pack.title, pack.subtitle, *(s.title for s in pack.sections)]
    everything += [p.text for s in pack.sections for p in s.paragraphs]
    for line in FURNITURE:
        assert not any(line in text for text in everything)
