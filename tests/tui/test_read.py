"""The reader, driven with Pilot: sections, resume, bookmarks, notes, mentions, find."""

from __future__ import annotations

import pytest
from textual import events
from textual.containers import VerticalScroll
from textual.notifications import Notification
from textual.widgets import Input

from summitreader.pack.model import PassageRef
from summitreader.progress import ProgressNotSaved
from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.widgets.passage import Passage
from support.pilot import type_text, wait_until


def reader(app) -> ReadScreen:
    screen = app.screen
    assert isinstance(screen, ReadScreen)
    return screen


def at(app, section: str, paragraph: int) -> bool:
    """Whether the reader is on top with ``section``'s ``paragraph`` at the top of the view."""
    screen = app.screen
    if not isinstance(screen, ReadScreen) or screen.section.id != section:
        return False
    top = screen.top_paragraph()
    return top is not None and top.paragraph.number == paragraph


def saved_at(app, section: str, paragraph: int) -> bool:
    """Whether the store holds ``section``'s ``paragraph`` as the reader's position."""
    position = app.services.store.get_position()
    return position is not None and (position.section, position.paragraph) == (section, paragraph)


async def arrive(pilot, section: str, paragraph: int) -> None:
    await wait_until(pilot, lambda: at(pilot.app, section, paragraph), f"{section} ¶{paragraph}")


async def test_opens_on_the_first_section_and_moves_between_sections(build_app, pack):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert reader(app).section.id == "introduction"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert reader(app).section.id == "context-and-background"
        passages = list(reader(app).passages())
        assert [p.paragraph.number for p in passages] == [1, 2, 3, 4]
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert reader(app).section.id == "in-depth-analysis"
        await pilot.press("left_square_bracket", "left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert reader(app).section.id == "introduction"


async def test_resumes_at_the_same_paragraph_after_a_restart(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await reader(app).go_to(PassageRef("in-depth-analysis", 4))
        await wait_until(pilot, lambda: saved_at(app, "in-depth-analysis", 4), "the save")
        top = reader(app).top_paragraph()
        assert top is not None and top.paragraph.number == 4
    again = build_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await arrive(pilot, "in-depth-analysis", 4)
        screen = reader(again)
        assert screen.section.id == "in-depth-analysis"
        top = screen.top_paragraph()
        assert top is not None and top.paragraph.number == 4


async def test_a_section_is_marked_read_once_its_end_is_on_screen(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        store = app.services.store
        assert "introduction" not in store.read_sections()
        text = reader(app).query_one("#text", VerticalScroll)
        text.scroll_end(animate=False, immediate=True)
        await wait_until(pilot, lambda: "introduction" in store.read_sections(), "the read mark")
        await pilot.pause()
        assert "1/7 sections read" in app.sub_title


async def test_bookmark_and_note_survive_a_restart_and_are_listed(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await reader(app).go_to(PassageRef("pros-and-cons", 3))
        await arrive(pilot, "pros-and-cons", 3)
        await pilot.press("b")
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"worth quoting", "enter")
        await pilot.pause()
        passage = reader(app).query_one("#p-3", Passage)
        assert passage.bookmarked
        assert passage.note == "worth quoting"
    again = build_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        store = again.services.store
        assert [(b.section, b.paragraph) for b in store.bookmarks()] == [("pros-and-cons", 3)]
        assert [(n.section, n.paragraph, n.text) for n in store.notes()] == [
            ("pros-and-cons", 3, "worth quoting")
        ]
        await reader(again).go_to(PassageRef("introduction", 1))
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("enter")
        await arrive(pilot, "pros-and-cons", 3)
        screen = reader(again)
        assert screen.section.id == "pros-and-cons"
        assert screen.top_paragraph().paragraph.number == 3


async def test_b_twice_removes_the_bookmark(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("b")
        assert len(app.services.store.bookmarks()) == 1
        await pilot.press("b")
        assert app.services.store.bookmarks() == []


async def test_a_mention_leads_to_the_index_and_a_passage_back_to_the_reader(build_app, pack):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await reader(app).go_to(PassageRef("context-and-background", 2))
        await arrive(pilot, "context-and-background", 2)
        await pilot.press("m")
        await pilot.pause()
        picker = app.screen
        labels = [str(item[1]) for item in picker.items]
        assert "helsinki" in labels and "hamburg-bilateral" in labels
        await pilot.press(*(["down"] * labels.index("helsinki")), "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, IndexScreen), "the index")
        await pilot.pause()
        index = app.screen
        assert isinstance(index, IndexScreen)
        detail = index.query_one("#detail")
        assert detail.entry_id == "helsinki"
        # The detail lists the issues first, then the passages that name Helsinki.
        links = index.query_one("#detail-links")
        links.focus()
        first_passage = next(
            n for n, target in enumerate(detail._targets) if isinstance(target, PassageRef)
        )
        links.highlighted = first_passage
        await pilot.press("enter")
        target = detail._targets[first_passage]
        await arrive(pilot, target.section, target.paragraph)
        screen = reader(app)
        assert screen.section.id == target.section
        assert screen.top_paragraph().paragraph.number == target.paragraph


async def test_find_in_section_steps_through_hits_and_closes(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await reader(app).go_to(PassageRef("context-and-background", 1))
        await pilot.pause()
        await pilot.press("ctrl+f", *"russia")
        await pilot.pause()
        count = str(reader(app).query_one("#find-count").render())
        assert count.startswith("1 of ")
        total = int(count.split(" of ")[1])
        assert total >= 5
        await pilot.press("enter")
        await pilot.pause()
        assert str(reader(app).query_one("#find-count").render()) == f"2 of {total}"
        await pilot.press("escape")
        await pilot.pause()
        assert all(not p.marks for p in reader(app).passages())
        assert app.screen is reader(app)


async def test_typing_in_the_find_box_does_not_trigger_screen_keys(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f", "2", "b", "q", "]")
        await pilot.pause()
        assert isinstance(app.screen, ReadScreen)
        assert app.services.store.bookmarks() == []
        assert reader(app).section.id == "introduction"
        assert reader(app).query_one("#find-input").value == "2bq]"


async def test_tiny_terminal_does_not_crash_and_the_layout_returns(build_app):
    app = build_app()
    async with app.run_test(size=(20, 5)) as pilot:
        await pilot.pause()
        assert reader(app).has_class("-narrow")
        await pilot.resize_terminal(1, 1)
        await pilot.pause()
        await pilot.press("2", "1", "right_square_bracket")
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert not reader(app).has_class("-narrow")
        assert reader(app).query_one("#sidebar").display


async def test_no_color_gives_a_monochrome_app_with_marks_that_are_not_colour(
    build_app, monkeypatch
):
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app()
    assert app.no_color
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        store = app.services.store
        store.mark_read("introduction")
        store.queue_reread("context-and-background")
        reader(app).refresh_contents()
        toc = reader(app).query_one("#toc")
        labels = [str(toc.get_option_at_index(n).prompt) for n in range(toc.option_count)]
        assert labels[0].startswith("✓ ") and labels[1].startswith("↻ ")
        assert labels[2].startswith("  ")


async def test_a_scroll_just_before_quitting_is_kept(build_app):
    app = build_app(real_delays=True)  # the position's save timer has not run when it quits
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await reader(app).go_to(PassageRef("pros-and-cons", 1))
        await wait_until(pilot, lambda: saved_at(app, "pros-and-cons", 1), "the save")
        text = reader(app).query_one("#text", VerticalScroll)
        text.scroll_to(y=text.max_scroll_y // 2, animate=False, immediate=True)
        await pilot.pause()
        expected = reader(app).top_paragraph().paragraph.number
        assert expected > 1
        # Quit at once, before the position's save timer has run.
    again = build_app()
    async with again.run_test(size=(100, 30)) as pilot:
        await arrive(pilot, "pros-and-cons", expected)
        assert reader(again).section.id == "pros-and-cons"
        assert reader(again).top_paragraph().paragraph.number == expected


async def test_a_remembered_paragraph_the_section_no_longer_has_opens_its_top(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    # As if the pack had changed since: the section has fewer paragraphs now.
    app.services.store.set_position("in-depth-analysis", 99, 500.0)
    again = build_app()
    async with again.run_test(size=(100, 30)) as pilot:
        # It opens the section's top, and remembers that.
        await wait_until(pilot, lambda: saved_at(again, "in-depth-analysis", 1), "the top")
        screen = reader(again)
        assert screen.section.id == "in-depth-analysis"
        assert screen.query_one("#text", VerticalScroll).scroll_y == 0
        await pilot.press("pagedown")
        await wait_until(pilot, lambda: not saved_at(again, "in-depth-analysis", 1), "the save")
        position = again.services.store.get_position()
        assert (position.section, position.paragraph) == (
            "in-depth-analysis", screen.top_paragraph().paragraph.number
        )
        assert position.paragraph > 1


async def test_a_full_disk_is_told_once_and_the_reader_goes_on(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        store = app.services.store
        store.add_note("introduction", 3, "kept")  # the file exists from here on
        pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
        store._conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        for size in (20_000, 2_000, 200, 20, 1):  # fill what space is left, to the last byte
            with pytest.raises(ProgressNotSaved):
                for _ in range(1_000):
                    store.add_note("future-outlook", 1, "z" * size)
        notes_before = store.notes()
        the_reader = app.screen

        def told() -> list[Notification]:
            return [n for n in app._notifications if n.title == "Not saved"]

        # The app hears of a write kept through a message, after the note box has closed; and
        # a notice expires (on the wall clock), so each is looked for as soon as it is due.
        for n, letter in enumerate("xy", start=1):
            await pilot.press("n")
            await type_text(pilot, letter * 30, "enter")
            await wait_until(pilot, lambda: app.screen is the_reader, "the note box to close")
            await wait_until(pilot, lambda n=n: app._saves.waiting == n, f"{n} notes kept")
            if n == 1:
                await wait_until(pilot, told, "the notice")
                (first,) = told()
                assert "disk is full" in first.message
        assert [notice for notice in told() if notice is not first] == []
        assert store.notes() == notes_before
        await pilot.press("right_square_bracket")
        await wait_until(
            pilot, lambda: reader(app).section.id == "context-and-background", "the next section"
        )


async def test_an_impossible_data_folder_still_opens_and_says_progress_is_not_saved(
    pack, tmp_path
):
    from summitreader.progress import open_store
    from summitreader.tui.factory import make_app

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = open_store(blocker / "data", pack)
    try:
        app = make_app(pack, store, tmp_path / "cache")
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            told = [n.message for n in app._notifications if n.title == "Progress"]
            assert told and any("not be saved" in message for message in told), told
            await pilot.press("b")
            await pilot.pause()
            assert reader(app).top_paragraph().bookmarked  # works for this session
        assert not (blocker / "data").exists() and blocker.read_text() == "not a folder"
    finally:
        store.close()


async def test_flipping_sections_quickly_marks_none_read(build_app):
    """A section counts as read once its end has been on screen: pressing ] without waiting
    shows no section's end, so none is marked, and the title and the panel agree."""
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = reader(app)
        # The presses as they come when the keys are quicker than the screen: each section is
        # shown before the previous one's deferred work (arrival, batches) has run.
        for _ in range(6):
            await screen.action_next_section()
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = reader(app).section.id
        store = app.services.store
        assert set(store.read_sections()) - {shown} == set()
        done = len(store.read_sections())
        assert f"{done}/7 sections read" in app.sub_title
        assert f"Read {done} of 7" in str(reader(app).query_one("#read-progress").render())


async def test_keys_typed_right_after_ctrl_f_go_to_the_find_box(build_app):
    """Keys that come together (typed quickly) are all handed out before ctrl+f's binding
    would run: posted at once here, none may reach the reader (b bookmarks, n opens a note)."""
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for key, char in [("ctrl+f", None), *((c, c) for c in "bank")]:
            app.post_message(events.Key(key, char))
        await pilot.pause()
        screen = reader(app)
        assert screen.query_one("#find-input", Input).value == "bank"
        assert app.focused is screen.query_one("#find-input", Input)
        assert app.services.store.bookmarks() == []
