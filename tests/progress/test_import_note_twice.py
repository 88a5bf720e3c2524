"""A progress file giving two notes the same uid is refused, naming the second: one of them was
kept and the other lost without a word, and the import counted both."""

from __future__ import annotations

import copy

import pytest

from summitreader.progress import Store
from summitreader.progress.exchange import ExchangeError, export_progress, import_progress
from support.clock import Clock


def test_two_notes_with_one_uid_are_refused(store: Store, clock: Clock) -> None:
    store.add_note("opening", 1, "one")
    document = export_progress(store)
    second = copy.deepcopy(document["notes"][0])
    second.update(paragraph=2, text="two")
    document["notes"].append(second)
    before = [(n.paragraph, n.text) for n in store.notes()]
    with pytest.raises(ExchangeError, match=r"notes\[1\]\.uid: the same note is given twice"):
        import_progress(store, document)
    assert [(n.paragraph, n.text) for n in store.notes()] == before
