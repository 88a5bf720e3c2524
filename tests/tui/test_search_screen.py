"""The search screen, driven with Pilot on the real whoosh index in a temporary cache."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Input, OptionList

from summitreader.tui.screens.help import HelpScreen
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.screens.search import SearchScreen
from support.pilot import wait_until


async def wait_for_index(app, pilot) -> None:
    await wait_until(pilot, lambda: app.services.search.index is not None, "the index")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_for_screen(app, pilot, kind: type) -> None:
    await wait_until(pilot, lambda: isinstance(app.screen, kind), kind.__name__)


async def test_typing_shows_ranked_hits_and_enter_opens_the_passage(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press(*"intelligence agencies")
        await wait_until(pilot, lambda: screen.shown_query == "intelligence agencies", "the hits")
        assert screen.hits
        paragraph_hits = [h for h in screen.hits if h.kind == "paragraph"]
        assert paragraph_hits
        results = screen.query_one("#results", OptionList)
        await pilot.press("enter")
        assert app.focused is results
        target = screen.hits[results.highlighted or 0]
        await pilot.press("enter")
        if target.kind == "paragraph":
            await wait_for_screen(app, pilot, ReadScreen)
            await pilot.pause()
        reader = app.screen
        if target.kind == "paragraph":
            assert isinstance(reader, ReadScreen)
            assert reader.section.id == target.section
            passage = reader._passage(target.paragraph)
            assert passage is not None and passage.marks


async def test_a_typo_still_finds_helsinki_and_digits_type_into_the_box(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        await pilot.press(*"Helsinky 2018")
        await wait_until(pilot, lambda: screen.shown_query == "Helsinky 2018", "the hits")
        assert isinstance(app.screen, SearchScreen)
        assert screen.query_one("#query").value == "Helsinky 2018"
        assert any(
            "Helsinki" in h.title or any("Helsinki" in s.text for s in h.snippet)
            for h in screen.hits
        )


async def test_a_query_that_cannot_be_parsed_gets_a_message_not_a_crash(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        await pilot.press(*'"unbalanced (quote AND')
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await wait_until(pilot, lambda: screen.shown_query == '"unbalanced (quote AND', "answer")
        message = str(app.screen.query_one("#search-message").render())
        assert message  # the screen says something: a message, matches or no matches
        assert isinstance(app.screen, SearchScreen)


async def test_a_note_written_in_the_reader_is_found_by_search(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("n", *"zanzibar reminder", "enter")
        await pilot.pause()
        await pilot.press("3", *"zanzibar")
        screen = app.screen
        expected = [("note", "introduction", 1)]
        await wait_until(pilot, lambda: screen.shown_query == "zanzibar", "the hits")
        assert [(h.kind, h.section, h.paragraph) for h in screen.hits] == expected
        await pilot.press("enter", "enter")
        await wait_for_screen(app, pilot, ReadScreen)
        assert app.screen.section.id == "introduction"


async def search_for(app, pilot, text: str) -> SearchScreen:
    """Opens the search screen, types ``text`` and waits until its hits or message show."""
    await wait_for_index(app, pilot)
    await pilot.press("3")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    await pilot.press(*text)
    await wait_until(pilot, lambda: screen.shown_query == text, "the hits of the whole query")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def test_the_kind_key_does_not_erase_the_query(build_app):
    """ctrl+k is the box's own delete-to-end: the kind is picked with ctrl+t."""
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await search_for(app, pilot, "helsinki")
        query = screen.query_one("#query")
        await pilot.press("home", "ctrl+t")
        await pilot.pause()
        assert query.value == "helsinki"
        assert screen.query_one("#kind").value == "paragraph"
        assert app.focused is query


async def test_the_footer_says_how_to_leave_the_box(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await search_for(app, pilot, "helsinki")
        shown = {
            key: active.binding.description
            for key, active in screen.active_bindings.items()
            if active.binding.show and active.enabled
        }
        assert shown.get("down") == "Results" and shown.get("escape") == "Leave the box"
        await pilot.press("escape")
        await pilot.pause()
        results = screen.query_one("#results", OptionList)
        assert app.focused is results and results.highlighted == 0
        await pilot.press("1")  # out of the box, digits switch screens again
        await pilot.pause()
        assert isinstance(app.screen, ReadScreen)


async def test_escape_in_an_empty_box_leaves_it_and_a_second_goes_back(build_app):
    """As the footer says ("esc Leave the box"): once out, ? opens the help (in the box it is
    typed, and the hint's "? lists the query syntax" could not be followed); it went back at
    once, and the next key went to the screen left."""
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_index(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await wait_until(pilot, lambda: isinstance(app.focused, Input), "the box")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        assert app.focused is screen.query_one("#results")
        assert screen.query_one("#query", Input).value == ""
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "the search again")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")


async def test_a_corrected_query_says_whose_results_it_shows_and_long_messages_wrap(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(app, pilot, "(helsinkk interfering")
        message = screen.query_one("#search-message")
        said = str(message.render())
        assert "The brackets did not match" in said
        assert "Showing results for “helsinki interfering”." in said
        assert "Did you mean" not in said
        assert message.region.height >= 2  # wrapped, not cut at the edge


async def test_a_snippet_wraps_under_itself(build_app):
    from rich.console import Console

    from summitreader.tui.screens.search import hit_label

    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await search_for(app, pilot, "interfering")
        console = Console(width=40, record=True)
        console.print(hit_label(screen.hits[0]))
        lines = console.export_text().rstrip("\n").split("\n")
        assert len(lines) > 3
        assert all(text.startswith("  ") and text[2] != " " for text in lines[1:])


async def test_a_query_typed_while_the_index_is_built_is_answered_once_it_is_ready(
    build_app, tmp_path
):
    app = build_app(cache_dir=tmp_path / "cache")  # empty: the index is built at start
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("3", *"helsinki")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        for _ in range(3):  # the build, the message that it is ready, the search it starts
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert app.services.search.index is not None
        assert not screen.query_one("#search-progress").display
        assert screen.hits and "match" in str(screen.query_one("#search-message").render())


async def test_the_message_line_grows_and_shrinks_with_what_it_says(build_app):
    # The message is laid out again only when its wrapped height changes: a long one wraps, a
    # short one after it takes one line again, and a long one wraps again.
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(app, pilot, "helsinki")
        message = screen.query_one("#search-message")
        query = screen.query_one("#query", Input)
        assert message.region.height == 1
        long = "(helsinkk interfering"
        for text, tall in ((long, True), ("helsinki", False), (long, True)):
            query.value = text
            await wait_until(pilot, lambda text=text: screen.shown_query == text)
            await app.workers.wait_for_complete()
            await pilot.pause()
            lines = len(Content(str(message.render())).wrap(message.region.width))
            assert message.region.height == lines
            assert (lines >= 2) is tall, str(message.render())


async def test_the_results_footer_says_enter_opens_a_hit(build_app):
    """Out of the box, in the results, the footer showed only the box's keys: nothing said how
    to open a hit."""
    from support.pilot import footer_keys

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await search_for(app, pilot, "helsinki")
        await pilot.press("down")
        await wait_until(pilot, lambda: app.focused is screen.query_one("#results"), "results")

        def shown() -> dict[str, str]:
            keys, palette = footer_keys(screen)
            return {k.key: k.description for k in keys if k.region.right <= palette}

        await wait_until(pilot, lambda: shown().get("enter") == "Open hit", "⏎ Open hit")
