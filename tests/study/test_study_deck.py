"""The deck: authored plus generated cards, stable ids, and a passage for every card."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable

import pytest

from summitreader.pack import Pack, PackError
from summitreader.progress import open_store
from summitreader.study.deck import build_deck, cards_of_takeaway, cloze_parts
from summitreader.study.grading import GOOD
from summitreader.study.schedule import Schedule
from support.packs import MEETINGS_YAML


def test_deck_holds_the_pack_cards_first_then_generated_ones(pack: Pack) -> None:
    deck = build_deck(pack)
    assert [c.id for c in deck[: len(pack.cards)]] == [c.id for c in pack.cards]
    generated = deck[len(pack.cards) :]
    assert generated and all(card.generated for card in generated)
    assert len({card.id for card in deck}) == len(deck)


def test_generated_ids_name_the_entry_and_the_question(pack: Pack) -> None:
    ids = {card.id for card in build_deck(pack)}
    for expected in (
        "gen-where-helsinki",
        "gen-outcome-helsinki",
        "gen-controversy-helsinki",
        "gen-when-paris",
        "gen-order-meetings",
        "gen-order-arms-control",
    ):
        assert expected in ids
    # A meeting that did not take place is not asked about; the same day, and the same place on
    # the same day, are asked once.
    assert not any(card_id.endswith("-budapest") for card_id in ids)
    assert "gen-where-hamburg-bilateral" in ids and "gen-where-hamburg-dinner" not in ids
    assert "gen-when-hamburg-dinner" not in ids
    # A date a written card asks already (hamburg-first-meeting-date, helsinki-date) is not
    # asked again by a generated card.
    assert "gen-when-hamburg-bilateral" not in ids and "gen-when-helsinki" not in ids


# Builds the shipped pack's deck and prints it as JSON: run in two interpreters whose string hashes
# differ (PYTHONHASHSEED), so an order that came from a set or a hash would show.
BUILD_DECK = """
import dataclasses, json
from summitreader.pack import load_pack
from summitreader.paths import default_pack_dir
from summitreader.study.deck import build_deck
deck = build_deck(load_pack(default_pack_dir()))
print(json.dumps([dataclasses.asdict(card) for card in deck], default=str))
"""


def _deck_in_a_process(seed: str) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", BUILD_DECK], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    built: list[dict[str, object]] = json.loads(done.stdout)
    return built


def test_the_deck_is_the_same_every_time(pack: Pack) -> None:
    first, second = _deck_in_a_process("1"), _deck_in_a_process("2")
    assert first == second
    assert [card["id"] for card in first] == [card.id for card in build_deck(pack)]


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
    card = next(c for c in build_deck(pack) if c.id == "gen-where-helsinki")
    assert any(m.ref == card.passage for m in pack.mentions_of("helsinki"))
    assert card.answer == "Helsinki, Finland"


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
    + _meeting("vienna", "Vienna talk", "2020-03-01", "Vienna, Austria")
)
"""Four meetings held (Budapest was called off): enough for choice cards of four choices."""


def test_without_cards_an_unnamed_meeting_points_at_the_overview_of_meetings(
    mini_pack: Callable[..., Pack],
) -> None:
    pack = mini_pack({"cards.yaml": None, "meetings.yaml": FOUR_MEETINGS})
    card = next(c for c in build_deck(pack) if c.id == "gen-outcome-osaka")
    assert not pack.mentions_of("osaka")
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


def test_an_authored_card_with_a_generated_id_is_refused(mini_pack: Callable[..., Pack]) -> None:
    """It would silently replace the generated card: the pack names it instead."""
    cards = """\
- id: gen-outcome-helsinki
  kind: recall
  prompt: What came out of Helsinki?
  answer: Nothing.
  about: [helsinki]
  passage: {section: opening, paragraph: 1}
"""
    with pytest.raises(PackError) as caught:
        mini_pack({"cards.yaml": cards})
    assert [str(p) for p in caught.value.problems] == [
        "cards.yaml:1:3: card 'gen-outcome-helsinki': ids starting 'gen-outcome' are made by the "
        "template 'outcome'; give the card another id"
    ]


def test_the_store_keeps_generated_cards_it_is_asked_for(pack: Pack, data_dir, clock) -> None:
    deck = build_deck(pack)
    generated = next(c for c in deck if c.generated)
    state = Schedule().review(generated.id, None, GOOD, clock())
    with open_store(data_dir, pack, clock=clock) as store:
        store.save_review(generated.id, state, GOOD, clock())
        store.save_review("gone-from-the-pack", state, GOOD, clock())
        assert set(store.card_states(c.id for c in deck)) == {generated.id}
        assert [r.card_id for r in store.review_log(card_ids=[c.id for c in deck])] == [
            generated.id
        ]


def test_cards_of_a_takeaway_list_it_in_about(pack: Pack) -> None:
    deck = build_deck(pack)
    for takeaway in pack.takeaways:
        cards = cards_of_takeaway(deck, takeaway.id)
        assert cards, takeaway.id
        assert all(takeaway.id in card.about for card in cards)


def test_cloze_parts() -> None:
    assert cloze_parts("In {{Helsinki}}, in 2018.") == ("In ", "Helsinki", ", in 2018.")
    assert cloze_parts("No blank.") == ("No blank.", "", "")


# -- what the generated cards ask -------------------------------------------------------------


def test_no_two_generated_cards_ask_the_same_question(pack: Pack) -> None:
    # Two meetings on one day (the Hamburg bilateral and dinner) once gave two date cards with
    # the same answer among the same choices.
    seen: dict[tuple[object, str, frozenset[str]], str] = {}
    for card in build_deck(pack):
        if card.generated and card.card_kind == "choice":
            key = (card.location, card.answer, frozenset(card.choices))
            assert key not in seen, (card.id, seen.get(key))
            seen[key] = card.id


def test_the_meetings_order_card_holds_held_meetings_up_to_the_latest(pack: Pack) -> None:
    card = next(c for c in build_deck(pack) if c.id == "gen-order-meetings")
    meetings = [pack.meeting(m) for m in card.about]
    assert all(m is not None and m.held for m in meetings), card.about
    latest = max((m for m in pack.meetings if m.held), key=lambda m: m.date.start)
    assert card.about[-1] == latest.id == "alaska"
    assert "(or were planned)" not in card.prompt


def test_the_arms_control_order_card_spans_the_treaties(pack: Pack) -> None:
    # The INF Treaty's end has its own written order card: this one spans INF, Open Skies and
    # New START.
    card = next(c for c in build_deck(pack) if c.id == "gen-order-arms-control")
    assert sum("INF Treaty" in item for item in card.items) == 1, card.items
    assert any("Open Skies" in item for item in card.items), card.items
    assert any("New START expires" in item for item in card.items), card.items


def test_key_events_make_the_issue_order_card(mini_pack: Callable[..., Pack]) -> None:
    events = "".join(
        f"""
    - date: "{year}-01-01"
      text: Event of {year}.{"" if year % 2 else chr(10) + "      key: true"}"""
        for year in range(2010, 2020)
    )
    issues = f"""\
- id: arms-control
  title: Arms control
  summary: Treaties.
  timeline:{events}
  sources: [https://example.org/arms]

- id: sanctions
  title: Sanctions
  summary: Measures against Russia.
  sources: [https://example.org/sanctions]
"""
    deck = build_deck(mini_pack({"issues.yaml": issues}))
    card = next(c for c in deck if c.id == "gen-order-arms-control")
    assert card.items == tuple(f"Event of {year}." for year in range(2010, 2020, 2))


def test_a_place_answer_has_the_form_of_its_choices(pack: Pack) -> None:
    for card in build_deck(pack):
        if card.id.startswith("gen-where-"):
            forms = {choice.count(",") for choice in card.choices}
            assert forms == {1}, card.choices
    alaska = next(c for c in build_deck(pack) if c.id == "gen-where-alaska")
    assert alaska.answer == "Anchorage, United States"


def test_which_meeting_facts_do_not_give_their_answer_away(pack: Pack) -> None:
    # "The summit came three days after..." among a dinner, a photo and a handshake.
    for card in build_deck(pack):
        if not card.id.startswith(("gen-outcome-", "gen-controversy-")):
            continue
        fact = card.prompt.split("\n\n", 1)[1].casefold()
        others = {w for c in card.choices if c != card.answer for w in c.casefold().split()}
        for word in card.answer.casefold().split():
            if len(word) > 3 and word not in others:
                assert not re.search(rf"(?<!\w){re.escape(word)}", fact), (card.id, word)
    helsinki = next(c for c in build_deck(pack) if c.id == "gen-controversy-helsinki")
    assert "press conference" not in helsinki.prompt


def test_generated_cards_take_their_wording_from_the_pack(
    mini_pack: Callable[..., Pack],
) -> None:
    templates = """\
- id: when
  ask: meeting-date
  prompt: "Quand a eu lieu la rencontre « {title} » ?"
  explanation: "{title} : {date}."
"""
    deck = build_deck(mini_pack({"meetings.yaml": FOUR_MEETINGS, "templates.yaml": templates}))
    generated = [c for c in deck if c.generated]
    assert [c.id for c in generated] == [
        "gen-when-helsinki", "gen-when-osaka", "gen-when-paris", "gen-when-vienna"
    ]
    assert generated[0].prompt == "Quand a eu lieu la rencontre « Helsinki summit » ?"
    assert generated[0].explanation == "Helsinki summit : 16 Jul 2018."
    assert generated[0].location is not None and generated[0].location.file == "templates.yaml"
    without = build_deck(mini_pack({"meetings.yaml": FOUR_MEETINGS, "templates.yaml": None}))
    assert not any(card.generated for card in without)


def test_no_sentence_about_the_article_in_the_code() -> None:
    from pathlib import Path

    import summitreader

    root = Path(summitreader.__file__).parent
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in ("Trump", "Putin"):
            assert name not in text, (path.relative_to(root), name)


def test_written_choice_cards_do_not_keep_the_file_order(pack: Pack) -> None:
    written = [c for c in pack.cards if c.card_kind == "choice"]
    deck = {c.id: c for c in build_deck(pack)}
    assert written
    first_is_answer = [c.id for c in written if deck[c.id].choices[0] == c.answer]
    assert len(first_is_answer) <= len(written) // 2, first_is_answer
    for card in written:
        assert sorted(deck[card.id].choices) == sorted(card.choices)
    assert [c.choices for c in build_deck(pack)] == [c.choices for c in build_deck(pack)]
