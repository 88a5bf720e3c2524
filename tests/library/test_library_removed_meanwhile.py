"""A pack removed from the command line while the Library is open, then chosen there: the app
says it was removed (not that it "has 1 problem", which validate would deny), and lists the
library again without it. The real app through Pilot, the real ``remove`` command."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.cli import main
from summitreader.library import library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.tui.screens.library import LibraryScreen
from support.app import build_app
from support.clock import START
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"


def messages(app: object) -> str:
    return " ".join(str(n.message) for n in app._notifications)  # type: ignore[attr-defined]


async def test_choosing_a_pack_removed_meanwhile_says_so_and_lists_again(tmp_path, capsys):
    data = tmp_path / "data"
    add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids())
    pack = load_pack(paths.default_pack_dir())
    app, store = build_app(pack, data, lambda: START, tmp_path / "cache", library=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        options = screen.query_one(OptionList)
        assert [p.id for p in screen.packs] == [paths.DEFAULT_PACK_ID, "photosynthesis"]
        code = main(
            [
                "--data-dir",
                str(data),
                "--cache-dir",
                str(tmp_path / "c"),
                "remove",
                "--yes",
                "photosynthesis",
            ]
        )
        assert code == 0, capsys.readouterr().err
        options.highlighted = 1
        await pilot.press("enter")
        await wait_until(pilot, lambda: "removed meanwhile" in messages(app), "the notice")
        assert "problem" not in messages(app)
        await wait_until(
            pilot, lambda: screen.loaded and [p.id for p in screen.packs] == [paths.DEFAULT_PACK_ID]
        )
        await wait_until(pilot, lambda: options.option_count == 1 and not options.disabled)
        assert app.screen is screen
    store.close()
