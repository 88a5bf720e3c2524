"""The index screen, driven with Pilot: tables, filter, sort, timeline, links."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from summitreader.tui.messages import OpenEntry
from summitreader.tui.screens.index import IndexScreen
from summitreader.tui.widgets.entry_detail import EntryDetail
from support.pilot import wait_until


async def open_index(app, pilot) -> IndexScreen:
    await pilot.press("2")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, IndexScreen)
    return screen


async def test_meetings_table_lists_every_meeting_and_sorts_by_column(build_app, pack):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        table = screen.query_one("#meetings", DataTable)
        ids = [row.value for row in table.rows]
        assert sorted(ids) == sorted(m.id for m in pack.meetings)
        dates = [str(table.get_row_at(n)[1]) for n in range(table.row_count)]
        assert dates == sorted(dates)
        await pilot.press("s")  # by setting
        settings = [str(table.get_row_at(n)[2]).casefold() for n in range(table.row_count)]
        assert settings == sorted(settings)
        await pilot.click(DataTable, offset=(3, 0))  # the header of the name column
        await pilot.pause()
        names = [str(table.get_row_at(n)[0]).casefold() for n in range(table.row_count)]
        assert names == sorted(names)
        await pilot.click(DataTable, offset=(3, 0))  # again: the other way
        await pilot.pause()
        names = [str(table.get_row_at(n)[0]).casefold() for n in range(table.row_count)]
        assert names == sorted(names, reverse=True)


async def test_filter_narrows_every_list_as_you_type(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        await pilot.press("f", *"helsinki")
        await pilot.pause()
        table = screen.query_one("#meetings", DataTable)
        assert [row.value for row in table.rows] == ["helsinki"]
        issues = screen.query_one("#issues", OptionList)
        assert issues.option_count < 8
        await pilot.press(*["backspace"] * 8, *"zzzz-nothing")
        await pilot.pause()
        assert table.row_count == 0


async def test_timeline_groups_by_year_and_sets_apart_the_named_meetings(build_app, pack):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        timeline = screen.query_one("#timeline", OptionList)
        labels = [str(timeline.get_option_at_index(n).prompt) for n in range(timeline.option_count)]
        years = [label for label in labels if label.strip().isdigit()]
        assert years == ["2017", "2018", "2019", "2025"]
        named = [label for label in labels if "★" in label]
        assert len(named) == sum(1 for m in pack.meetings if m.in_article) == 3
        assert all("named in the article" in label for label in named)


async def test_issue_detail_shows_summary_timeline_sources_and_meetings(build_app, pack):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.post_message(OpenEntry("arms-control"))
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, IndexScreen)
            and app.screen.query_one(EntryDetail).entry_id == "arms-control",
            "the issue's detail",
        )
        screen = app.screen
        assert isinstance(screen, IndexScreen)
        facts = str(screen.query_one(EntryDetail).facts)
        issue = pack.issue("arms-control")
        assert issue.summary[:40] in facts.replace("\n", " ")
        assert "Timeline" in facts and "Sources" in facts
        links = screen.query_one("#detail-links", OptionList)
        prompts = [str(links.get_option_at_index(n).prompt) for n in range(links.option_count)]
        for meeting in pack.meetings_on("arms-control"):
            assert any(meeting.title in p for p in prompts)
        assert any(p.startswith("Passage · ") for p in prompts)


def _cursor_id(table: DataTable) -> str | None:
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


async def test_after_sorting_the_detail_shows_the_highlighted_row_and_enter_follows_its_links(
    build_app, pack
):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        table = screen.query_one("#meetings", DataTable)
        detail = screen.query_one(EntryDetail)
        for _ in range(3):  # by setting, then by name, then by date again
            await pilot.press("s")
            await pilot.pause()
            assert detail.entry_id == _cursor_id(table)
            await pilot.press("down")
            await pilot.pause()
            assert detail.entry_id == _cursor_id(table)
        shown = _cursor_id(table)
        await pilot.press("enter")
        await pilot.pause()
        links = screen.query_one("#detail-links", OptionList)
        assert app.focused is links
        meeting = pack.meeting(shown)
        first = str(links.get_option_at_index(0).prompt)
        related = [pack.issue(i).title for i in meeting.issues if pack.issue(i)]
        assert any(title in first for title in related) or first.startswith("Passage")


async def test_switching_tabs_shows_the_entry_highlighted_in_the_new_list(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        detail = screen.query_one(EntryDetail)
        for list_id in ("#timeline", "#issues", "#takeaways", "#meetings"):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            if list_id == "#meetings":
                table = screen.query_one("#meetings", DataTable)
                assert detail.entry_id == _cursor_id(table)
            else:
                options = screen.query_one(list_id, OptionList)
                assert options.highlighted_option is not None
                assert detail.entry_id == options.highlighted_option.id


async def test_sort_is_only_offered_on_the_meetings_tab(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        assert screen.check_action("sort", ()) is True
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.check_action("sort", ()) is False
        before = screen.sort_column
        await pilot.press("s")
        await pilot.pause()
        assert screen.sort_column == before
        assert not any("sorted" in str(n.message) for n in app._notifications)


async def test_the_table_leads_with_the_name_and_never_cuts_a_word(build_app, pack):
    """At every width the meeting's name shows; a column is whole, gone, or cut at a word."""
    for width in (130, 100, 80, 60):
        app = build_app()
        async with app.run_test(size=(width, 30)) as pilot:
            screen = await open_index(app, pilot)
            table = screen.query_one("#meetings", DataTable)
            keys = [column.key.value for column in table.ordered_columns]
            assert keys[0] == "meeting"
            order = ("meeting", "date", "setting", "place", "outcome")
            assert keys == [k for k in order if k in keys]
            for meeting in pack.meetings:
                row = table.get_row(meeting.id)
                assert str(row[0]) == meeting.title
                for cell, key in zip(row, keys, strict=True):
                    text = str(cell)
                    if text.endswith("…"):
                        full = {"place": meeting.place, "outcome": meeting.outcome}[key]
                        kept = text[:-1]
                        assert full.startswith(kept) and full[len(kept)] in " ,;:(", (width, text)
            if width == 100:
                assert keys == ["meeting", "date", "setting"]
                helsinki = table.get_row("helsinki")
                assert str(helsinki[0]) == "Helsinki summit"


async def test_a_new_entry_is_shown_from_its_top(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        detail = screen.query_one(EntryDetail)
        detail.scroll_end(animate=False)
        await pilot.pause()
        assert detail.scroll_y > 0
        await pilot.press("down")
        await pilot.pause()
        assert detail.scroll_y == 0


async def test_a_filter_that_matches_nothing_says_so(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        nothing = screen.query_one("#index-nothing")
        assert not nothing.display
        await pilot.press("f", *"zzzq")
        await pilot.pause()
        assert nothing.display
        assert "Nothing matches “zzzq”" in str(nothing.render())
        assert "Nothing matches" in str(screen.query_one(EntryDetail).facts)
        await pilot.press(*["backspace"] * 4, *"helsinki")
        await pilot.pause()
        assert not nothing.display
        assert screen.query_one(EntryDetail).entry_id == "helsinki"


async def test_the_timeline_says_called_off_once_and_wraps_under_the_name(build_app, pack):
    from rich.console import Console

    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        timeline = screen.query_one("#timeline", OptionList)
        labels = [timeline.get_option_at_index(n).prompt for n in range(timeline.option_count)]
        called_off = [str(label) for label in labels if "called off" in str(label).casefold()]
        assert called_off and all(label.casefold().count("called off") == 1 for label in called_off)
        named = next(label for label in labels if "★" in str(label))
        console = Console(width=36, record=True)
        console.print(named)
        lines = console.export_text().rstrip("\n").split("\n")
        assert len(lines) > 1
        indent = len(lines[1]) - len(lines[1].lstrip())
        assert indent == len(" ★ ") + 16  # under the name, not at the edge


async def test_the_detail_pane_shows_when_it_has_focus(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_index(app, pilot)
        detail = screen.query_one(EntryDetail)
        before = detail.styles.background_tint
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is detail
        assert detail.styles.background_tint != before


async def test_in_a_narrow_terminal_d_shows_the_detail_in_place_of_the_lists(build_app):
    app = build_app()
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await open_index(app, pilot)
        detail = screen.query_one(EntryDetail)
        lists = screen.query_one("#index-lists")
        assert not detail.display or detail.region.width == 0
        assert screen.check_action("toggle_detail", ()) is True
        await pilot.press("d")
        await pilot.pause()
        assert detail.region.width > 0 and lists.region.width == 0
        await pilot.press("d")
        await pilot.pause()
        assert lists.region.width > 0 and detail.region.width == 0
        await pilot.press("enter")  # choosing a meeting shows its detail
        await pilot.pause()
        assert detail.region.width > 0
