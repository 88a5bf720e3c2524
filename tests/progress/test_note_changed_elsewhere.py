"""``set_note`` with the text the editor started from: a note another instance wrote or changed
meanwhile is never overwritten nor removed; both texts are kept, and the caller is told."""

from __future__ import annotations

from pathlib import Path

from summitreader.pack.model import Pack
from summitreader.progress import open_store
from support.clock import Clock


def _texts(data_dir: Path, pack: Pack, clock: Clock) -> list[str]:
    with open_store(data_dir, pack, clock=clock) as store:
        return [n.text for n in store.notes()]


def test_two_instances_write_a_note_on_one_paragraph(
    data_dir: Path, pack: Pack, clock: Clock
) -> None:
    with open_store(data_dir, pack, clock=clock) as a, open_store(data_dir, pack, clock=clock) as b:
        a.mark_read("opening")  # the file exists before either note
        assert a.set_note("opening", 1, "note from A", expected="") is False
        assert b.set_note("opening", 1, "note from B", expected="") is True
    assert sorted(_texts(data_dir, pack, clock)) == ["note from A", "note from B"]


def test_an_edit_from_the_stored_text_changes_it(data_dir: Path, pack: Pack, clock: Clock) -> None:
    with open_store(data_dir, pack, clock=clock) as store:
        store.set_note("opening", 1, "first", expected="")
        assert store.set_note("opening", 1, "second", expected="first") is False
        assert store.set_note("opening", 1, "second", expected="gone by") is False  # same text
    assert _texts(data_dir, pack, clock) == ["second"]


def test_a_removal_keeps_a_note_changed_elsewhere(data_dir: Path, pack: Pack, clock: Clock) -> None:
    with open_store(data_dir, pack, clock=clock) as a, open_store(data_dir, pack, clock=clock) as b:
        a.set_note("opening", 1, "first", expected="")
        a.set_note("opening", 1, "changed by A", expected="first")
        assert b.set_note("opening", 1, "", expected="first") is True
    assert _texts(data_dir, pack, clock) == ["changed by A"]


def test_the_editor_changes_the_newest_note(data_dir: Path, pack: Pack, clock: Clock) -> None:
    with open_store(data_dir, pack, clock=clock) as store:
        store.add_note("opening", 1, "older")
        store.add_note("opening", 1, "newer")
        assert store.set_note("opening", 1, "newer, edited", expected="newer") is False
    assert _texts(data_dir, pack, clock) == ["older", "newer, edited"]
