"""A pack without takeaways (an article added with none) gets a sentence where the mastery table
would be, not a heading over empty columns."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.tui.screens.progress import ProgressScreen, mastery_text
from support.app import build_app
from support.clock import START
from support.pilot import wait_until

FIXTURES = Path(__file__).parent.parent / "library" / "fixtures"


def test_no_takeaways_is_said_in_words():
    text = str(mastery_text([], 80))
    assert "This pack has no takeaways" in text
    assert "learned" not in text and "recall" not in text


async def test_the_progress_of_a_pack_without_takeaways_says_so(tmp_path):
    chapter = FIXTURES / "pride-and-prejudice-ch1.txt"
    added = add_article(chapter, library_dir(tmp_path / "data"), taken=shipped_ids())
    pack = load_pack(added.path)
    assert not pack.takeaways
    app, store = build_app(pack, tmp_path / "data", lambda: START, tmp_path / "cache")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await wait_until(pilot, lambda: isinstance(app.screen, ProgressScreen))
        await pilot.pause()
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "This pack has no takeaways" in shown
    store.close()
