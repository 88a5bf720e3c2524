"""A sentence card is credited to a takeaway only when they share telling words (at least two
stems, not counting the article's title's, and more than with any other takeaway); else it is
about its section. Every card of a section was credited to the first takeaway arguing that
section: "Nendrum" listed five cards, one about Nendrum. A takeaway is argued in a second
section only when that one shares about as many words as the first."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.pack import Pack, load_pack
from summitreader.study.deck import cards_of_takeaway

TIDAL = """# The Tidal Mills of Europe

## Origins

The earliest known tidal mill was excavated at Nendrum Monastery in Northern Ireland, and its
timbers have been dated to 619 AD. The miller then let the stored water out through a wheel,
which is called an *undershot wheel* when the water strikes the bottom of it.

By the eleventh century the Domesday Book of 1086 recorded a tidal mill at the entrance to
Dover harbour.

## How they worked

The dam held back about 3,000 cubic metres of water in a typical English mill.

The tide comes about fifty minutes later each day. This practice is known as *tide-following*
in the old accounts.

## The swarm

When about 15 scouts gather at one site, the swarm of the old mill lifts off.

## Key takeaways

- **Nendrum:** the oldest known tidal mill, dated to 619 AD, stands in Northern Ireland.
- **Sluice gates:** they trapped the rising tide in a pond and released it to drive the wheel.
- **Quorum sensing:** the swarm moves once enough scouts agree on one site.
"""


def added(tmp_path: Path, text: str) -> Pack:
    source = tmp_path / "article.md"
    source.write_text(text, encoding="utf-8")
    return load_pack(add_article(source, tmp_path / "library").path)


def test_a_takeaway_is_credited_only_the_cards_that_share_its_words(tmp_path: Path) -> None:
    pack = added(tmp_path, TIDAL)
    by_title = {t.title: t.id for t in pack.takeaways}
    nendrum = cards_of_takeaway(pack.cards, by_title["Nendrum"])
    assert [c.id for c in nendrum] == ["card-nendrum"]
    quorum = cards_of_takeaway(pack.cards, by_title["Quorum sensing"])
    assert [c.answer for c in quorum][1:] == ["15"]  # scouts, swarm, site
    # The cards that share at most one telling word with every takeaway ("known", "mill") are
    # about their sections.
    about = {c.answer: c.about for c in pack.cards}
    assert about["1086"] == ("origins",)
    assert about["3,000"] == ("how-they-worked",)
    assert about["tide-following"] == ("how-they-worked",)


def test_a_takeaway_is_argued_in_a_second_section_only_when_it_shares_as_much(
    tmp_path: Path,
) -> None:
    pack = added(tmp_path, TIDAL)
    sections = {t.title: t.sections for t in pack.takeaways}
    assert sections["Nendrum"] == ("origins",)
    assert sections["Quorum sensing"] == ("the-swarm",)
