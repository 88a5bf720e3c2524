"""After the terminal is resized, the paragraph that was at the top of the reader is at the top
still, and it is the reading position saved (it was one paragraph late: the view kept its line,
not its paragraph, as the text reflowed)."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll

from summitreader.pack.model import PassageRef
from support.pilot import settle, wait_until


@pytest.mark.parametrize("new_size", [(140, 40), (70, 24)])
async def test_the_top_paragraph_stays_at_the_top_across_a_resize(build_app, new_size):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        section = max(app.services.pack.sections, key=lambda s: len(s.paragraphs))
        target = min(4, len(section.paragraphs))
        await screen.go_to(PassageRef(section.id, target))
        text = screen.query_one("#text", VerticalScroll)
        await wait_until(
            pilot,
            lambda: screen.top_paragraph() is not None
            and screen.top_paragraph().paragraph.number == target
            and text.scroll_y > 0,
            f"paragraph {target} at the top",
        )
        await pilot.resize_terminal(*new_size)
        await settle(pilot)
        store = app.services.store
        await wait_until(
            pilot,
            lambda: screen.top_paragraph().paragraph.number == target,
            f"paragraph {target} at the top after the resize",
        )
        await wait_until(
            pilot,
            lambda: (p := store.get_position()) is not None and p.paragraph == target,
            "the position saved",
        )
        assert store.get_position().section == section.id
