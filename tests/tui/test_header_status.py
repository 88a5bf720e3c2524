"""What is not saved shows in the header beside the pack's title at 80 columns: it came last and
was cut off there ("… 2/5 sections read · 40% ·…")."""

from __future__ import annotations

import pytest

from summitreader.pack import Pack
from summitreader.tui.reading import ReadCount, reading_subtitle

HEADER_ROOM = 80 - 8
"""The header's text room at 80 columns: its icon and padding take the rest."""


def count(done: int, total: int) -> ReadCount:
    ids = [f"s{i}" for i in range(total)]
    return ReadCount(read=frozenset(ids[:done]), reread=frozenset(), total=total)


@pytest.mark.parametrize(("waiting", "persistent"), [(2, True), (123, True), (0, False)])
def test_the_save_status_fits_beside_the_title_at_80_columns(
    pack: Pack, waiting: int, persistent: bool
) -> None:
    title = pack.title.split(":", 1)[0].strip()  # as the app shows it
    subtitle = reading_subtitle(count(2, 7), waiting, persistent)
    assert "not saved" in subtitle.split("·")[0]
    assert len(f"{title} — {subtitle}") <= HEADER_ROOM


def test_without_waiting_changes_the_count_has_its_words_and_percent() -> None:
    assert reading_subtitle(count(2, 7)) == "2/7 sections read · 29%"
