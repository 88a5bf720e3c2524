"""A takeaway's card hides what the takeaway says (a defined term, a date or a number of its
text, by the sentence cards' rules), its bold label shown as the cue; a takeaway with nothing to
hide gives a flip card (label → text). It hid the label: ``{{Origins}}: the oldest known
European tide mill, at Nendrum, dates to about 619 AD.``, which no one can recall."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.pack import Pack, load_pack
from summitreader.pack.cloze import blanks
from summitreader.pack.lint import lint_cards

CANAL = """# The Panama Canal

## The French attempt

In 1881 a French company led by Ferdinand de Lesseps began digging a sea-level canal. Disease,
landslides and money problems ended the effort by 1889.

## The American canal

The canal opened on 15 August 1914. Ships are raised 26 metres to Gatun Lake by three sets of
locks.

## Handover

Under the Torrijos–Carter Treaties of 1977, control passed to Panama on 31 December 1999.

## Key takeaways

- **French failure**: the French sea-level attempt (1881–1889) failed through disease and
  landslides.
- **Lock design**: the American canal used locks to lift ships 26 metres to Gatun Lake.
- **Handover**: Panama took full control of the canal on 31 December 1999.
- **Mosquitoes**: fighting *yellow fever* made the digging possible at last.
- **Sluice gates:** they trapped the rising tide in a pond and released it to drive the wheel.
"""


def added(tmp_path: Path) -> Pack:
    source = tmp_path / "canal.md"
    source.write_text(CANAL, encoding="utf-8")
    return load_pack(add_article(source, tmp_path / "library").path)


def takeaway_cards(pack: Pack) -> dict[str, tuple[str, str, str]]:
    """Each takeaway's own card, by the takeaway's title."""
    titles = {t.id: t.title for t in pack.takeaways}
    return {
        titles[card.about[0]]: (card.card_kind, card.prompt, card.answer)
        for card in pack.cards
        if card.about and card.about[0] in titles and card.id == f"card-{card.about[0]}"
    }


def test_a_takeaway_card_hides_a_fact_of_its_text_and_shows_its_label(tmp_path: Path) -> None:
    cards = takeaway_cards(added(tmp_path))
    assert cards["French failure"] == (
        "cloze",
        "French failure: the French sea-level attempt ({{1881–1889}}) failed through disease "
        "and landslides.",
        "1881–1889",
    )
    assert cards["Lock design"][1:] == (
        "Lock design: the American canal used locks to lift ships {{26}} metres to Gatun Lake.",
        "26",
    )
    assert cards["Handover"][1:] == (
        "Handover: Panama took full control of the canal on {{31 December 1999}}.",
        "31 December 1999",
    )
    # A defined term (in italics) is hidden, shown without its Markdown.
    assert cards["Mosquitoes"][1] == (
        "Mosquitoes: fighting {{yellow fever}} made the digging possible at last."
    )
    for kind, prompt, _ in cards.values():
        if kind == "cloze":
            label = prompt.split(":")[0]
            assert label not in blanks(prompt)[0] and "{{" not in label


def test_a_takeaway_with_nothing_to_hide_is_a_flip_card(tmp_path: Path) -> None:
    pack = added(tmp_path)
    assert takeaway_cards(pack)["Sluice gates"] == (
        "recall",
        "Sluice gates: …",
        "they trapped the rising tide in a pond and released it to drive the wheel.",
    )
    assert lint_cards(pack, pack.cards) == []


def test_no_takeaway_card_hides_its_label(tmp_path: Path) -> None:
    pack = added(tmp_path)
    labels = {t.title for t in pack.takeaways}
    assert len(takeaway_cards(pack)) == len(labels) == 5
    assert not any(card.answer in labels for card in pack.cards)


def test_a_decimal_number_is_a_fact_a_takeaway_card_hides(tmp_path: Path) -> None:
    # "7.4 metres" gave a flip card of the whole text; a section number such as 2.3 stays shown.
    source = tmp_path / "tides.md"
    source.write_text(
        "# Tides\n\n## The harbour\n\nThe spring tidal range at Kelmouth reaches 7.4 metres, "
        "as section 2.3 of the survey records for the outer harbour.\n\n## Key takeaways\n\n"
        "- **Spring range**: the spring tidal range at Kelmouth reaches 7.4 metres.\n"
        "- **Survey**: section 2.3 of the survey gives the outer harbour's range.\n",
        encoding="utf-8",
    )
    pack = load_pack(add_article(source, tmp_path / "library").path)
    cards = takeaway_cards(pack)
    kind, prompt, answer = cards["Spring range"]
    assert kind == "cloze" and answer == "7.4" and "{{7.4}}" in prompt, cards
    assert "{{2.3}}" not in " ".join(c.prompt for c in pack.cards)
