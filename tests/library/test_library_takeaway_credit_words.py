"""Crediting a sentence card to a takeaway reads a plural as its singular (``tides`` and ``ponds``
are the takeaway's ``tide`` and ``pond``: the card was about its section), and asks for telling
overlap: a card hiding a defined term is credited only to a takeaway that names the term (a
*breastshot wheel* card sharing "wheel" and "pond" with the sluice gates' takeaway was credited
to it), and a long sentence must share a quarter of its telling words."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.authoring.takeaways import Crediting, TakeawayDraft
from summitreader.authoring.words import singular, telling_words
from summitreader.pack import Pack, load_pack

MILLS = """# The Tidal Mills of Europe

## Origins

The earliest known tidal mill was excavated at Nendrum Monastery in Northern Ireland, and its
timbers have been dated to 619 AD.

## The ponds

In 1170 the monks of Eling let the tides fill two ponds behind their dam.

The stored water then turned a wheel of the kind called a *breastshot wheel* at the height of
the pond.

## Key takeaways

- **Nendrum:** the oldest known tidal mill, dated to 619 AD, stands in Northern Ireland.
- **Sluice gates:** they trapped the rising tide in a pond and released it to drive the wheel.
"""


def added(tmp_path: Path) -> Pack:
    source = tmp_path / "mills.md"
    source.write_text(MILLS, encoding="utf-8")
    return load_pack(add_article(source, tmp_path / "library").path)


def test_a_plural_is_its_singular_and_a_term_must_be_named(tmp_path: Path) -> None:
    pack = added(tmp_path)
    about = {c.answer: c.about for c in pack.cards}
    sluice = next(t.id for t in pack.takeaways if t.title == "Sluice gates")
    assert about["1170"] == (sluice,)  # tides, ponds: the takeaway's tide and pond
    assert about["breastshot wheel"] == ("the-ponds",)  # "wheel" and "pond" are not the term


def test_a_term_named_by_a_takeaway_is_credited_to_it() -> None:
    takeaways = [
        TakeawayDraft("Sluice gates", "they drove the wheel from the pond.", 1, ()),
        TakeawayDraft("Breastshot wheels", "the water met them at the height of the pond.", 2, ()),
    ]
    crediting = Crediting(takeaways, "The Tidal Mills of Europe")
    sentence = "The stored water then turned a breastshot wheel at the height of the pond."
    assert crediting.find(sentence, "breastshot wheel") == 1


def test_two_words_in_common_with_a_long_sentence_are_chance() -> None:
    takeaways = [TakeawayDraft("Sluice gates", "they trapped the tide in a pond.", 1, ())]
    crediting = Crediting(takeaways, "")
    short = "The monks let the tide fill the pond."
    assert crediting.find(short) == 0
    long = (
        "The monks let the tide fill the pond while masons rebuilt the chapel, carpenters "
        "replaced rotten timbers, and merchants weighed grain bought from distant farms."
    )
    assert crediting.find(long) is None


def test_simple_plurals_fold() -> None:
    assert [singular(w) for w in ("ponds", "colonies", "churches", "boxes", "glass", "status")] == [
        "pond", "colony", "church", "box", "glass", "status",
    ]
    assert telling_words("Scouts and scout") == {"scout"}
