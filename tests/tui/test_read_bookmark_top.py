"""``b`` bookmarks the paragraph the reader is at: the first that starts in the view, not the
tail of one scrolled mostly past."""

from __future__ import annotations

from textual.containers import VerticalScroll

from support.pilot import wait_until


async def test_b_bookmarks_the_paragraph_that_starts_in_view(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        await wait_until(pilot, lambda: len(screen.passages()) > 2, "the paragraphs")
        text = screen.query_one("#text", VerticalScroll)
        first, second = screen.passages()[:2]
        await wait_until(pilot, lambda: second.virtual_region_with_margin.y > 0, "the layout")
        # ¶1's last lines are at the top, ¶2 starts a few lines down.
        start = second.virtual_region_with_margin.y
        text.scroll_to(y=start - 3, animate=False, immediate=True)
        await pilot.pause()
        assert first.virtual_region_with_margin.y < text.scroll_y
        await pilot.press("b")
        store = app.services.store
        await wait_until(pilot, lambda: store.bookmarks(), "the bookmark")
        assert [b.paragraph for b in store.bookmarks()] == [second.paragraph.number]
