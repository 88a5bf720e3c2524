"""The Index at 80×24 (at 100×30: ``test_snapshots.test_index_screen``): the detail pane has the
room the meetings table leaves."""

from __future__ import annotations


def test_index_at_80_columns(snap_compare, build_app):
    assert snap_compare(build_app(), terminal_size=(80, 24), press=["2"])
