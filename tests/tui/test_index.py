"""The index screen, driven with Pilot: tables, filter, sort, timeline, links."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList

from summitreader.tui.screens.index import IndexScreen


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
        dates = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert dates == sorted(dates)
        await pilot.press("s")  # by place
        places = [str(table.get_row_at(n)[1]).casefold() for n in range(table.row_count)]
        assert places == sorted(places)
        await pilot.click(DataTable, offset=(30, 0))  # the header of the place column
        await pilot.pause()
        places = [str(table.get_row_at(n)[1]).casefold() for n in range(table.row_count)]
        assert places == sorted(places, reverse=True)


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
        app.post_message(
            __import__("summitreader.tui.messages", fromlist=["OpenEntry"]).OpenEntry(
                "arms-control"
            )
        )
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, IndexScreen)
        facts = str(screen.query_one("#detail-facts").render())
        issue = pack.issue("arms-control")
        assert issue.summary[:40] in facts.replace("\n", " ")
        assert "Timeline" in facts and "Sources" in facts
        links = screen.query_one("#detail-links", OptionList)
        prompts = [str(links.get_option_at_index(n).prompt) for n in range(links.option_count)]
        for meeting in pack.meetings_on("arms-control"):
            assert any(meeting.title in p for p in prompts)
        assert any(p.startswith("Passage · ") for p in prompts)
