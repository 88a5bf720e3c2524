"""A save that lands while the reader is being taken down: Textual removes a screen's widgets
before the screen's own unmount (where the reader stops listening to the reading count), so a
retry landing then counts again for a reader whose panel is gone. The app goes on."""

from __future__ import annotations

from summitreader.progress import ProgressNotSaved
from summitreader.tui.screens.read import ReadScreen
from support.pilot import wait_until


async def test_a_retry_landing_while_the_reader_is_taken_down_is_no_error(build_app):
    app = build_app(retry_delay=0.01)
    store = app.services.store
    saves = app.services.saves
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen), "the reader")
        reader = app.screen
        tries: list[int] = []

        def busy_once() -> None:  # another process holds the file the first time
            tries.append(1)
            if len(tries) == 1:
                raise ProgressNotSaved("The progress file is busy.")
            store.set_setting("kept", 1)

        saves.save(busy_once)
        assert saves.waiting
        # The reader's widgets go first, as when Textual prunes the screen: the retry lands after.
        await reader.query_one("#read-progress").remove()
        await wait_until(pilot, lambda: not saves.waiting, "the retry to save the change")
        await wait_until(pilot, lambda: app._saves.waiting == 0, "the app to hear of it")
        assert app.is_running and store.get_setting("kept") == 1
