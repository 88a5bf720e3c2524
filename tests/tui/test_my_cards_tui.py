"""Making, listing, editing and deleting cards of one's own in the reader, driven with Pilot on
the real app, a real progress file and the default pack."""

from __future__ import annotations

from textual.widgets import Label, OptionList, TextArea

from summitreader.tui.screens.card_editor import CardEditorScreen
from summitreader.tui.screens.confirm import ConfirmScreen
from summitreader.tui.screens.marks import MarksScreen
from summitreader.tui.screens.read import ReadScreen
from support.pilot import wait_until


def reader(app) -> ReadScreen:
    screen = app.screen
    assert isinstance(screen, ReadScreen)
    return screen


async def open_editor(pilot) -> CardEditorScreen:
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen) and reader(app).passages())
    app.read_screen = app.screen
    await pilot.press("c")
    await wait_until(pilot, lambda: isinstance(app.screen, CardEditorScreen), "the card editor")
    editor = app.screen
    assert isinstance(editor, CardEditorScreen)
    await wait_until(pilot, lambda: isinstance(app.focused, TextArea), "the text area's focus")
    return editor


async def test_a_cloze_made_in_the_reader_is_saved_marked_and_studied(build_app, pack):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        top = app.read_screen.top_paragraph()
        assert top is not None
        assert editor.front == top.paragraph.text
        area = app.screen.query_one("#card-front", TextArea)
        area.move_cursor((0, 5))  # in "relationship"
        await pilot.press("ctrl+b")
        assert editor.front.startswith("The {{relationship}} between")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the dialog closed")
        [card] = app.services.store.my_cards()
        assert card.kind == "cloze" and card.blanks == ["relationship"]
        assert (card.section, card.paragraph) == (top.paragraph.section, top.paragraph.number)
        assert top.my_cards == 1
        assert "1 card of yours" in str(top.render())
        deck_ids = [c.id for c in app.services.deck]
        assert f"mine-{card.uid}-c1" in deck_ids


async def test_bad_cards_get_a_message_in_the_dialog(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        editor = await open_editor(pilot)
        await pilot.press("ctrl+s")  # the paragraph has no {{…}}
        error = editor.query_one("#card-error", Label)
        await wait_until(pilot, lambda: "needs {{…}}" in str(error.render()), "the message")
        assert error.display and isinstance(app.screen, CardEditorScreen)
        await pilot.press("ctrl+t")  # a question and answer, with no question and no answer
        assert editor.query_one("#card-back", TextArea).display
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "question is empty" in str(error.render()), "the message")
        await pilot.press("Q", "?")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "answer is empty" in str(error.render()), "the message")
        editor.query_one("#card-back", TextArea).load_text("[b]not markup[/b] <i>x</i>")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the dialog closed")
        [card] = app.services.store.my_cards()
        assert card.kind == "qa" and card.back == "[b]not markup[/b] <i>x</i>"


async def test_escape_asks_before_throwing_an_edited_card_away(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_editor(pilot)
        await pilot.press("escape")  # not edited: closes at once
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the dialog closed")
        await open_editor(pilot)
        await pilot.press("x", "escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, CardEditorScreen), "the editor")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
        assert app.services.store.my_cards() == []


async def test_the_list_edits_and_deletes_cards(build_app, pack):
    app = build_app()
    store = app.services.store
    section = pack.sections[0].id
    store.add_my_card(section, 2, "qa", "Old question?", "Old answer")
    store.add_bookmark(section, 1)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, MarksScreen), "the list")
        marks = app.screen
        options = marks.query_one(OptionList)
        assert options.option_count == 2
        options.highlighted = 1
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, CardEditorScreen), "the editor")
        app.screen.query_one("#card-front", TextArea).load_text("New question?")
        await pilot.press("ctrl+s")
        # The list hears of the answer after the dialog has closed (Textual calls it back then).
        await wait_until(
            pilot,
            lambda: (
                app.screen is marks and [c.front for c in store.my_cards()] == ["New question?"]
            ),
            "back to the list, the card edited",
        )
        options.highlighted = 1
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        await pilot.press("y")
        await wait_until(
            pilot,
            lambda: app.screen is marks and store.my_cards() == [] and options.option_count == 1,
            "back to the list, the card deleted",
        )
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")


async def test_the_study_screen_has_a_row_of_your_cards(build_app, pack):
    from summitreader.tui.screens.review import ReviewScreen
    from summitreader.tui.screens.study import StudyScreen

    app = build_app()
    app.services.store.add_my_card(pack.sections[0].id, 1, "cloze", "{{One}} and {{two}}")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
        await pilot.press("4")
        await wait_until(pilot, lambda: isinstance(app.screen, StudyScreen), "the study screen")
        options = app.screen.query_one("#study-list", OptionList)

        def row_ids() -> list[str | None]:
            return [options.get_option_at_index(n).id for n in range(options.option_count)]

        await wait_until(pilot, lambda: "takeaway:mine" in row_ids(), "the row of your cards")
        ids = row_ids()
        row = options.get_option_at_index(ids.index("takeaway:mine"))
        assert "My cards" in str(row.prompt) and "2 cards" in str(row.prompt)
        options.highlighted = ids.index("takeaway:mine")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen), "a session")
        session = app.screen.session
        assert {card.id.rsplit("-", 1)[1] for card in session.cards} == {"c1", "c2"}


async def test_a_selection_is_the_text_of_the_new_card(build_app):
    from textual.geometry import Offset
    from textual.selection import Selection

    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
        read = reader(app)
        await wait_until(pilot, lambda: len(read.passages()) > 2, "the paragraphs")
        second = read.passages()[1]
        read.selections = {second: Selection(Offset(4, 0), Offset(16, 0))}
        await pilot.pause()
        selected = read.get_selected_text()
        assert selected and selected in second.paragraph.text
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CardEditorScreen), "the editor")
        editor = app.screen
        assert editor.front == selected.strip()
        assert f"¶{second.paragraph.number}" in str(editor.query_one("#card-title").render())
