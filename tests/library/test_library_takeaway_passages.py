"""A takeaway card of an added pack sends the reader to the paragraph that argues the takeaway
(the one outside the takeaways sharing the most telling words with it, the earliest of equals),
not to the takeaways list; to the list only when no paragraph shares a word (it sent every
takeaway card to the list)."""

from __future__ import annotations

from summitreader.authoring import add_article
from summitreader.pack import load_pack
from summitreader.pack.model import PassageRef

ARTICLE = """# Penguins

## Huddles

Penguins live in the far south of the world.

Emperor penguins stand together in tight huddles through the polar winter, sharing their
warmth between thousands of birds.

## Eggs

The males keep the single egg warm on their feet for two months, fasting all the while.

Emperor huddles also shelter the fasting males from the polar winter winds.

## Key takeaways

- **Huddles share warmth.** Thousands of emperor penguins huddle through the polar winter.
- **Fasting fathers:** the males keep the egg warm on their feet for two months.
- **Quiet xylophones:** zebras quibble vocally.
"""




def test_each_takeaway_card_points_to_the_paragraph_that_argues_it(tmp_path):
    source = tmp_path / "penguins.md"
    source.write_text(ARTICLE, encoding="utf-8")
    pack = load_pack(add_article(source, tmp_path / "library").path)
    passages = {
        card.about[0]: card.passage
        for card in pack.cards
        if card.id.startswith("card-") and card.about[0] in {t.id for t in pack.takeaways}
        and card.id.removeprefix("card-").startswith(card.about[0])
    }
    # The second paragraph of Huddles shares the most words with the first takeaway (the
    # fourth paragraph, of Eggs, shares fewer).
    assert passages["huddles-share-warmth"] == PassageRef("huddles", 2)
    assert passages["fasting-fathers"] == PassageRef("eggs", 1)
    # No paragraph shares a word with the third: its card points to it in the list.
    assert passages["quiet-xylophones"] == PassageRef("key-takeaways", 3)
