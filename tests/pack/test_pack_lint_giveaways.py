"""The card lint on what one card gives away: its own answer in a choice prompt, another card's
answer in its text, a generated card asking what a written one asks; and the shipped cards free
of those give-aways."""

from __future__ import annotations

import shutil
from pathlib import Path

from summitreader import paths
from summitreader.pack import Pack, load_pack
from summitreader.pack.lint import lint_cards
from summitreader.pack.model import Card, PassageRef
from summitreader.study.deck import build_deck

HERE = PassageRef("opening", 1)


def _default() -> Pack:
    return load_pack(paths.default_pack_dir())


def _copy_of_default(tmp_path: Path) -> Path:
    return Path(shutil.copytree(paths.default_pack_dir(), tmp_path / "pack"))


def test_a_template_that_prints_the_date_it_asks_for_is_warned_about(tmp_path: Path) -> None:
    root = _copy_of_default(tmp_path)
    templates = root / "templates.yaml"
    text = templates.read_text(encoding="utf-8")
    old = 'prompt: "When did the {title} take place?"'
    assert old in text
    templates.write_text(
        text.replace(old, 'prompt: "When did the {title} take place, at {where} on {date}?"'),
        encoding="utf-8",
    )
    pack = load_pack(root)
    messages = [f.message for f in lint_cards(pack, build_deck(pack)) if f.card == "gen-when-osaka"]
    assert messages == ["the prompt holds its own answer '28 Jun 2019'"]


def test_a_card_holding_another_cards_answer_is_warned_about() -> None:
    pack = _default()
    asked = Card("asked", "typed", "What did he call it?", "seriously flawed law", (), HERE)
    telling = Card("telling", "recall", "Why a seriously flawed law, he asked?", "x", (), HERE)
    short = Card("short", "typed", "How many?", "60", (), HERE)
    naming = Card("naming", "recall", "Were 60 sent home?", "yes", (), HERE)
    findings = [str(f) for f in lint_cards(pack, [asked, telling, short, naming])]
    assert any(
        "card 'telling': its text gives away the answer of card 'asked'" in f for f in findings
    )
    assert not any("'short'" in f for f in findings)  # too short an answer to tell


def test_a_generated_card_asking_what_a_written_one_asks_is_not_generated() -> None:
    deck = {card.id for card in build_deck(_default())}
    for written, generated in [
        ("helsinki-date", "gen-when-helsinki"),
        ("hamburg-first-meeting-date", "gen-when-hamburg-bilateral"),
        ("da-nang-city", "gen-where-da-nang"),
        ("order-syria", "gen-order-syria"),
        ("order-election-interference", "gen-order-election-interference"),
    ]:
        assert written in deck and generated not in deck, generated
    assert {"gen-when-osaka", "gen-where-osaka", "gen-order-arms-control"} <= deck


def test_no_card_of_the_shipped_deck_shows_another_cards_answer() -> None:
    deck = build_deck(_default())
    shown = {c.id: " ".join((c.prompt, *c.items)) for c in deck}
    for card_id, phrase in [
        ("gen-order-sanctions", "419-3"),
        ("gen-order-sanctions", "seriously flawed"),
        ("gen-order-sanctions", "60 Russian diplomats"),
        ("gen-order-arms-control", "5 February 2026"),
        ("gen-order-cybersecurity", "to the Russian military"),
        ("gen-order-cybersecurity", "may be China"),
        ("gen-outcome-da-nang", "Geneva process"),
        ("gen-outcome-da-nang", "defeating ISIS"),
        ("gen-outcome-da-nang", "11 November"),
        ("gen-outcome-alaska", "no deal until there's a deal"),
        ("gen-controversy-alaska", "2025"),
        ("gen-controversy-helsinki", "12"),
        ("gen-controversy-helsinki", "three days"),
        ("gen-controversy-helsinki", "wouldn't"),
        ("gen-controversy-helsinki", "incredible offer"),
        ("hamburg-bilateral-duration", "30 minutes"),
        ("paris-occasion", "11 November"),
        ("order-2025", "ceasefire first"),
        ("order-late-2018", "Armistice"),
        ("new-start-fate", "5 February 2026"),
    ]:
        assert phrase not in shown[card_id], (card_id, phrase)


def test_the_sanctions_order_card_asks_about_sanctions_events() -> None:
    (card,) = [c for c in build_deck(_default()) if c.id == "gen-order-sanctions"]
    assert len(card.items) == 5
    assert any("oil companies" in item for item in card.items)
    assert not any("Financial Times" in item for item in card.items)


def test_a_card_about_a_meeting_the_article_never_names_rereads_its_overview() -> None:
    pack = _default()
    (card,) = [c for c in pack.cards if c.id == "osaka-duration-tass"]
    paragraph = pack.paragraph(card.passage)
    assert paragraph is not None and "other international gatherings" in paragraph.text
    assert not pack.mentions_of("osaka")


def test_the_alaska_record_names_where_its_quotes_come_from() -> None:
    alaska = _default().meeting("alaska")
    assert alaska is not None
    assert "Times of India" not in alaska.note
    assert not any("aajtak.in" in s or "menafn.com" in s for s in alaska.sources)
