"""The deck: authored plus generated cards, stable ids, and a passage for every card."""

from __future__ import annotations

import re
from collections.abc import Callable

from packfactory import MEETINGS_YAML

from summitreader.pack import Pack
from summitreader.progress import open_store
from summitreader.study.deck import build_deck, cards_of_takeaway, cloze_parts


def test_deck_holds_the_pack_cards_first_then_generated_ones(pack: Pack) -> None:
    deck = build_deck(pack)
    assert deck[: len(pack.cards)] == pack.cards
    generated = deck[len(pack.cards) :]
    assert generated and all(card.generated for card in generated)
    assert len({card.id for card in deck}) == len(deck)


def test_generated_ids_name_the_entry_and_the_question(pack: Pack) -> None:
    ids = {card.id for card in build_deck(pack)}
    for expected in (
        "gen-when-helsinki",
        "gen-where-helsinki",
        "gen-outcome-helsinki",
        "gen-controversy-helsinki",
        "gen-when-paris",
        "gen-order-meetings",
        "gen-order-arms-control",
    ):
        assert expected in ids
    # A meeting that did not take place has no when/where card; the same place on the same day
    # is asked once.
    assert "gen-when-budapest" not in ids and "gen-outcome-budapest" in ids
    assert "gen-where-hamburg-bilateral" in ids and "gen-where-hamburg-dinner" not in ids


def test_the_deck_is_the_same_every_time(pack: Pack) -> None:
    assert build_deck(pack) == build_deck(pack)


def test_every_card_has_a_passage_that_exists(pack: Pack) -> None:
    for card in build_deck(pack):
        assert pack.paragraph(card.passage) is not None, card.id


def test_choice_cards_offer_four_different_options_with_the_answer(pack: Pack) -> None:
    for card in build_deck(pack):
        if card.card_kind == "choice":
            assert len(card.choices) == 4 and len(set(card.choices)) == 4, card.id
            assert card.answer in card.choices, card.id


def test_order_cards_have_three_to_five_distinct_items(pack: Pack) -> None:
    for card in build_deck(pack):
        if card.card_kind == "order":
            assert 3 <= len(card.items) <= 5, card.id
            assert len(set(card.items)) == len(card.items), card.id


def test_generated_meeting_order_is_chronological(pack: Pack) -> None:
    card = next(c for c in build_deck(pack) if c.id == "gen-order-meetings")
    meetings = [pack.meeting(m) for m in card.about]
    starts = [m.date.start for m in meetings if m]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert card.items == tuple(m.title for m in meetings if m)


def test_a_named_meeting_points_at_a_paragraph_that_names_it(pack: Pack) -> None:
    card = next(c for c in build_deck(pack) if c.id == "gen-when-helsinki")
    assert any(m.ref == card.passage for m in pack.mentions_of("helsinki"))
    assert card.answer == "16 Jul 2018"


def test_an_unnamed_meeting_points_where_the_pack_cards_about_it_do(pack: Pack) -> None:
    assert not pack.mentions_of("paris")
    card = next(c for c in build_deck(pack) if c.id == "gen-when-paris")
    authored = {c.passage for c in pack.cards_about("paris")}
    assert card.passage in authored
    assert card.passage.section == "context-and-background"


def _meeting(meeting_id: str, title: str, date: str, place: str) -> str:
    return f"""
- id: {meeting_id}
  title: {title}
  date: "{date}"
  place: {place}
  setting: informal
  duration: Brief.
  issues: []
  outcome: Nothing concrete at {title}.
  in_article: false
  held: true
  sources: ["https://example.org/{meeting_id}"]
"""


FOUR_MEETINGS = (
    MEETINGS_YAML
    + _meeting("osaka", "Osaka bilateral", "2019-06-28", "Osaka, Japan")
    + _meeting("paris", "Paris meeting", "2018-11-11", "Paris, France")
)


def test_without_cards_an_unnamed_meeting_points_at_the_overview_of_meetings(
    mini_pack: Callable[..., Pack],
) -> None:
    pack = mini_pack({"cards.yaml": None, "meetings.yaml": FOUR_MEETINGS})
    card = next(c for c in build_deck(pack) if c.id == "gen-outcome-budapest")
    assert not pack.mentions_of("budapest")
    # The paragraph that names the most meetings: the opening's first.
    assert (card.passage.section, card.passage.paragraph) == ("opening", 1)


def test_which_meeting_cards_blank_out_the_meeting_names(pack: Pack) -> None:
    names = [name for m in pack.meetings for name in m.names]
    for card in build_deck(pack):
        if card.id.startswith(("gen-outcome-", "gen-controversy-")):
            fact = card.prompt.split("\n\n", 1)[1]
            for name in names:
                assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", fact, re.I), (
                    card.id,
                    name,
                )


def test_ids_survive_an_edit_of_the_pack(mini_pack: Callable[..., Pack]) -> None:
    before = {c.id: c for c in build_deck(mini_pack({"meetings.yaml": FOUR_MEETINGS}))}
    assert {"gen-outcome-osaka", "gen-outcome-paris", "gen-outcome-helsinki"} <= set(before)
    more = FOUR_MEETINGS + _meeting("hanoi", "Hanoi visit", "2019-02-27", "Hanoi, Vietnam")
    after = {c.id: c for c in build_deck(mini_pack({"meetings.yaml": more}))}
    assert set(before) <= set(after)
    assert "gen-when-hanoi" in after and "gen-where-hanoi" in after
    assert after["card-recall"] == before["card-recall"]
    assert after["gen-outcome-paris"].answer == before["gen-outcome-paris"].answer


def test_an_authored_id_is_never_generated_again(mini_pack: Callable[..., Pack]) -> None:
    cards = """\
- id: gen-outcome-helsinki
  kind: recall
  prompt: What came out of Helsinki?
  answer: Nothing.
  about: [helsinki]
  passage: {section: opening, paragraph: 1}
"""
    deck = build_deck(mini_pack({"cards.yaml": cards}))
    same = [c for c in deck if c.id == "gen-outcome-helsinki"]
    assert len(same) == 1 and not same[0].generated


def test_the_store_knows_the_generated_cards(pack: Pack, data_dir, clock) -> None:  # noqa: ANN001
    with open_store(data_dir, pack, clock=clock) as store:
        assert {c.id for c in build_deck(pack)} <= store.known_cards()


def test_cards_of_a_takeaway_list_it_in_about(pack: Pack) -> None:
    deck = build_deck(pack)
    for takeaway in pack.takeaways:
        cards = cards_of_takeaway(deck, takeaway.id)
        assert cards, takeaway.id
        assert all(takeaway.id in card.about for card in cards)


def test_cloze_parts() -> None:
    assert cloze_parts("In {{Helsinki}}, in 2018.") == ("In ", "Helsinki", ", in 2018.")
    assert cloze_parts("No blank.") == ("No blank.", "", "")
