"""Key events are used as marked; ``validate``'s lint warns when the marks cannot be used."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from summitreader.pack import load_pack
from summitreader.pack.lint import lint_cards
from summitreader.study.deck import build_deck, find_card
from support.packs import ISSUES_YAML, replace_once


def _issues(events: list[tuple[str, str, bool]]) -> str:
    lines = "".join(
        f'    - date: "{date}"\n      text: {text}\n' + ("      key: true\n" if key else "")
        for date, text, key in events
    )
    return replace_once(
        ISSUES_YAML,
        '    - date: "2019-08-02"\n      text: The United States leaves the INF Treaty.\n'
        "      sources: [https://example.org/inf]\n",
        lines,
    )


def _order_items(
    make_pack: Callable[..., Path], events: list[tuple[str, str, bool]]
) -> tuple[tuple[str, ...], list[str]]:
    pack = load_pack(make_pack({"issues.yaml": _issues(events)}))
    deck = build_deck(pack)
    card = find_card(deck, "gen-order-arms-control")
    assert card is not None
    warnings = [str(f) for f in lint_cards(pack, deck) if "issue 'arms-control'" in str(f)]
    return card.items, warnings


def test_a_key_event_sharing_a_date_with_an_earlier_event_is_used(
    make_pack: Callable[..., Path],
) -> None:
    items, warnings = _order_items(
        make_pack,
        [
            ("2001-01-01", "Plain one.", False),
            ("2001-01-01", "Key one.", True),
            ("2002-01-01", "Plain two.", False),
            ("2003-01-01", "Key two.", True),
            ("2004-01-01", "Key three.", True),
        ],
    )
    assert items == ("Key one.", "Key two.", "Key three.")
    assert warnings == []


def test_six_marks_are_not_used_and_validate_warns(make_pack: Callable[..., Path]) -> None:
    events = [(f"200{n}-01-01", f"Event {n}.", True) for n in range(6)]
    items, warnings = _order_items(make_pack, events)
    assert len(items) == 5
    assert len(warnings) == 1 and "6 timeline events are marked key" in warnings[0]
    assert warnings[0].startswith("issues.yaml:1:3: warning:")


def test_two_marks_and_marks_on_one_date_are_warned_about(make_pack: Callable[..., Path]) -> None:
    two = [(f"200{n}-01-01", f"Event {n}.", n < 2) for n in range(4)]
    assert "2 timeline events are marked key" in _order_items(make_pack, two)[1][0]
    same = [("2001-01-01", "A.", True), ("2001-01-01", "B.", True), ("2002-01-01", "C.", True)]
    assert "share a date" in _order_items(make_pack, [*same, ("2003-01-01", "D.", False)])[1][0]
