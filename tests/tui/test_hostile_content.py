"""Content that looks like markup or carries terminal controls is shown as text, in every screen."""

from __future__ import annotations

import shutil

import pytest

from summitreader.pack import load_pack
from summitreader.paths import default_pack_dir
from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.screens.link import LinkScreen
from summitreader.tui.widgets.entry_detail import EntryDetail
from summitreader.tui.widgets.passage import Passage
from support.pilot import wait_until

HOSTILE = "Look: [b]bold?[/b] [/] [@click=app.quit]quit[/] [link=http://x]x[/link] back\\slash"


@pytest.fixture
def hostile_pack(tmp_path):
    root = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), root)
    intro = root / "sections" / "01-introduction.md"
    intro.write_text(
        f"{HOSTILE} \x1b]0;owned\x07\x1b[31mred\x1b[0m \u202eevil\n\n"
        "A [javascript link](javascript:alert(1)) and a [web link](https://example.org/a).\n\n"
        + intro.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    manifest = root / "pack.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            "title: Introduction,", 'title: "Intro [/] [b]x[/b] [@click=app.quit]q[/]",', 1
        ),
        encoding="utf-8",
    )
    meetings = root / "meetings.yaml"
    text = meetings.read_text(encoding="utf-8")
    meetings.write_text(
        text.replace("title: Helsinki summit", 'title: "Helsinki [b]summit[/b]"', 1),
        encoding="utf-8",
    )
    return load_pack(root)


async def test_markup_and_controls_are_shown_as_written(build_app, hostile_pack):
    app = build_app(hostile_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = app.screen.query_one("#p-1", Passage)
        shown = str(first.render())
        assert HOSTILE in shown
        assert "\x1b" not in shown and "\u202e" not in shown
        assert "redevil" not in shown and "red evil" in shown
        # Nothing was run: the app is still here after a click on the fake action.
        await pilot.click(Passage, offset=(30, 0))
        await pilot.pause()
        assert app.is_running
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, IndexScreen)
        screen.select_entry("helsinki")
        await pilot.pause()
        assert "Helsinki [b]summit[/b]" in str(screen.query_one(EntryDetail).facts)
        facts = screen.query_one("#detail-facts")
        shown = "".join(
            segment.text for y in range(facts.size.height) for segment in facts.render_line(y)
        )
        assert "[b]summit[/b]" in shown  # as written, not read as markup


async def test_a_link_that_is_not_a_web_address_is_shown_and_never_opened(build_app, hostile_pack):
    app = build_app(hostile_pack)
    opened: list[str] = []
    app.open_url = lambda url, **_: opened.append(url)  # record instead of starting a browser
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        second = app.screen.query_one("#p-2", Passage)
        second.action_link(0)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, LinkScreen)
        assert not dialog.openable
        await pilot.press("o", "enter")
        await pilot.pause()
        assert opened == []
        await pilot.press("escape")
        await pilot.pause()
        second.action_link(1)
        await pilot.pause()
        assert isinstance(app.screen, LinkScreen) and app.screen.openable
        await pilot.press("o")
        await pilot.pause()
        assert opened == ["https://example.org/a"]


async def test_a_notification_quoting_content_shows_it_as_written(build_app, hostile_pack):
    app = build_app(hostile_pack)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        await wait_until(pilot, lambda: app._notifications, "the notification")
        assert app.is_running
        told = [n.message for n in app._notifications]
        assert told == ["Bookmarked: Intro [/] [b]x[/b] [@click=app.quit]q[/] ¶1"]
        assert all(not n.markup for n in app._notifications)
