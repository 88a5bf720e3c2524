"""An imported card of yours has a uid of the form the app makes, once per document, and blanks
a typed answer can match: a crafted uid (``abc`` beside ``abc-c1``) made two deck cards with one
id, sharing one schedule; ``{{!!!}}`` was accepted though typing ``!!!`` was graded wrong."""

from __future__ import annotations

import pytest

from summitreader.progress import Store
from summitreader.progress.exchange import ExchangeError, export_progress, import_progress
from summitreader.progress.my_cards import MyCardError, checked_card
from support.clock import Clock


@pytest.mark.parametrize(
    "uid", ["abc", "abc-c1", "mine-0123456789abcdef", "0123456789ABCDEF", "x" * 1_000_000, "a b"]
)
def test_an_imported_card_with_a_uid_the_app_never_makes_refuses_the_document(
    store: Store, clock: Clock, uid: str
) -> None:
    store.add_my_card("opening", 1, "cloze", "A {{b}}")
    document = export_progress(store)
    document["my_cards"][0]["uid"] = uid
    with pytest.raises(ExchangeError, match=r"my_cards\[0\]\.uid: expected 16 hexadecimal"):
        import_progress(store, document)
    assert [c.front for c in store.my_cards()] == ["A {{b}}"]


def test_the_same_card_twice_in_a_document_refuses_it(store: Store, clock: Clock) -> None:
    store.add_my_card("opening", 1, "cloze", "A {{b}}")
    document = export_progress(store)
    document["my_cards"].append(dict(document["my_cards"][0]))
    with pytest.raises(ExchangeError, match=r"my_cards\[1\]\.uid: the same card is given twice"):
        import_progress(store, document)


@pytest.mark.parametrize("blank", ["!!!", "\u200b", "\u00ad", "…"])
def test_a_blank_no_typing_can_match_is_refused(blank: str) -> None:
    # A zero-width space is cleaned away where text enters: its blank is then empty.
    with pytest.raises(MyCardError, match=r"no letter or digit|is empty"):
        checked_card("cloze", f"Hide {{{{{blank}}}}} here")
