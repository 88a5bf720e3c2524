"""A takeaway's card sends the reader to a paragraph that holds what it hides, when one does:
not to the paragraph sharing the most words with it when that one lacks the answer. Real
command line, real pack loaded from the library."""

from __future__ import annotations

from summitreader.cli import main
from summitreader.pack import load_pack

ARTICLE = """\
# The lighthouse keepers

## Introduction

Keepers tended the lights of Scotland through a long tradition: keepers lived beside
the lights, tended the lamps every night and kept the long tradition of the lights alive.

## The end of an era

The last keepers left Fair Isle in 1998, after 212 years of service on the rocks of the coast.

## Key takeaways

- **A long tradition:** Keepers tended Scotland's lights for 212 years.
- **Nothing hidden here:** Keepers tended the lamps of the lights every night.
"""


def test_a_takeaway_card_points_at_the_paragraph_holding_its_answer(capsys, tmp_path):
    article = tmp_path / "keepers.md"
    article.write_text(ARTICLE, encoding="utf-8")
    data = tmp_path / "data"
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), "add", str(article)])
    _, err = capsys.readouterr()
    assert code == 0, err
    (folder,) = (data / "library").iterdir()
    pack = load_pack(folder)
    cards = {card.answer: card for card in pack.cards}
    card = cards["212"]
    assert "A long tradition" in card.prompt
    section = pack.section(card.passage.section)
    assert section.title == "The end of an era"
    assert "212 years" in pack.paragraph(card.passage).text
    # A flip card (nothing hidden) still goes to the paragraph arguing it.
    flip = next(c for c in pack.cards if "Nothing hidden here" in c.prompt)
    assert pack.section(flip.passage.section).title == "Introduction"
