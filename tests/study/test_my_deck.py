"""The reader's own cards in the deck: one card per blank, graded like the pack's cloze cards."""

from __future__ import annotations

from summitreader.pack import Pack
from summitreader.progress import Store
from summitreader.study.deck import build_deck, find_card
from summitreader.study.grading import grade_typed
from summitreader.study.my_deck import cloze_for, is_mine, uid_of


def test_each_blank_is_a_card_and_a_question_is_a_flip_card(pack: Pack, store: Store) -> None:
    section = pack.sections[0].id
    cloze = store.add_my_card(section, 1, "cloze", "{{Helsinki}} in {{2018}}, then {{Osaka}}")
    qa = store.add_my_card(section, 2, "qa", "Who hosted?", "Finland")
    plain = build_deck(pack)
    deck = build_deck(pack, store.my_cards())
    assert deck[: len(plain)] == plain
    mine = deck[len(plain) :]
    assert [c.id for c in mine] == [
        f"mine-{cloze.uid}-c1",
        f"mine-{cloze.uid}-c2",
        f"mine-{cloze.uid}-c3",
        f"mine-{qa.uid}",
    ]
    second = mine[1]
    assert second.card_kind == "cloze" and second.answer == "2018"
    assert second.prompt == "Helsinki in {{2018}}, then Osaka"
    assert grade_typed(second, "2018").verdict == "right"
    assert grade_typed(second, "2017").verdict == "wrong"
    assert mine[3].card_kind == "recall" and mine[3].answer == "Finland"
    assert all(is_mine(c) for c in mine) and not any(is_mine(c) for c in plain)
    assert {uid_of(c.id) for c in mine} == {cloze.uid, qa.uid}
    assert find_card(deck, mine[0].id) == mine[0]


def test_cloze_for_keeps_only_the_blank_asked() -> None:
    text = "a {{b}} c {{d}}"
    assert cloze_for(text, 1) == "a {{b}} c d"
    assert cloze_for(text, 2) == "a b c {{d}}"


def test_forgetting_a_card_whose_passage_is_gone_does_not_fail(
    pack: Pack, store: Store, clock
) -> None:
    import dataclasses

    from summitreader.study.grading import AGAIN
    from summitreader.study.schedule import Schedule
    from summitreader.study.session import Session

    made = store.add_my_card(pack.sections[0].id, 1, "qa", "Asked?", "Yes")
    gone = dataclasses.replace(made, section="a-section-the-pack-lost", paragraph=7)
    [card] = [c for c in build_deck(pack, [gone]) if is_mine(c)]
    session = Session([card], store, Schedule(), clock, "Mine")
    session.reveal()
    session.rate(AGAIN)
    assert session.phase == "reread" and session.reread_saved
    assert store.review_log(card.id)[0].rating == AGAIN
    assert store.reread_queue() == set()
