"""Progress belongs to a pack's id. A pack edited in place or moved keeps it; a copy of its
folder (the same contents) shares it, and is told so; another pack with the same id (other
contents, the first still there) is told, each time it is opened, that it mixes its progress
with the first one's, and how to keep them apart. On a real library and progress file, and in
the real app."""

from __future__ import annotations

import shutil
from pathlib import Path

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import CLAIM_SETTING, check_claim, library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.tui.factory import make_app
from summitreader.tui.screens.library import LibraryScreen
from summitreader.tui.screens.read import ReadScreen
from support.clock import START
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"


def claimed(data: Path, folder: Path) -> str | None:
    """Open the pack in ``folder`` as the app does: record the claim; return the notice."""
    with open_store(data, load_pack(folder), clock=lambda: START) as store:
        claim = check_claim(store, folder)
        if claim.record is not None:
            store.set_setting(CLAIM_SETTING, claim.record)
        return claim.notice


def added(data: Path) -> Path:
    return add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids()).path


def edit(folder: Path) -> None:
    section = next((folder / "sections").iterdir())
    section.write_text(section.read_text() + "\n\nA paragraph added by hand.\n")


def test_the_first_folder_claims_the_id_and_keeps_it_when_edited(tmp_path):
    folder = added(tmp_path)
    assert claimed(tmp_path, folder) is None
    edit(folder)
    assert claimed(tmp_path, folder) is None


def test_a_copy_shares_the_progress_and_is_told_so(tmp_path):
    folder = added(tmp_path)
    assert claimed(tmp_path, folder) is None
    copy = shutil.copytree(folder, library_dir(tmp_path) / "photosynthesis-copy")
    notice = claimed(tmp_path, copy)
    assert notice is not None and "is a copy of the one in" in notice
    assert "share their progress" in notice


def test_another_pack_with_the_same_id_is_told_every_time(tmp_path):
    folder = added(tmp_path)
    assert claimed(tmp_path, folder) is None
    other = shutil.copytree(folder, tmp_path / "elsewhere" / "photosynthesis")
    edit(other)
    for _ in range(2):
        notice = claimed(tmp_path, other)
        assert notice is not None
        assert f"has the id 'photosynthesis' of another pack, in {folder}" in notice
        assert "give this one an id of its own" in notice
    assert claimed(tmp_path, folder) is None  # the first keeps its claim


def test_a_moved_pack_takes_its_claim_along(tmp_path):
    folder = added(tmp_path)
    assert claimed(tmp_path, folder) is None
    moved = tmp_path / "moved"
    shutil.move(folder, moved)
    edit(moved)
    assert claimed(tmp_path, moved) is None
    assert claimed(tmp_path, moved) is None


async def test_the_app_says_when_the_pack_switched_to_mixes_its_progress(tmp_path):
    data = tmp_path / "data"
    folder = added(data)
    assert claimed(data, folder) is None
    copy = shutil.copytree(folder, library_dir(data) / "photosynthesis-notes")
    edit(copy)
    pack = load_pack(paths.default_pack_dir())
    store = open_store(data, pack, clock=lambda: START)
    app = make_app(pack, store, tmp_path / "cache", clock=lambda: START, data_dir=data)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, ReadScreen))
        await pilot.press("6")
        await wait_until(pilot, lambda: isinstance(app.screen, LibraryScreen) and app.screen.loaded)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        [index] = [n for n, info in enumerate(screen.packs) if info.path == copy]
        screen.query_one("OptionList").highlighted = index  # type: ignore[attr-defined]
        await pilot.press("enter")
        await wait_until(pilot, lambda: Path(app.services.pack.root).resolve() == copy.resolve())
        await wait_until(
            pilot,
            lambda: any(
                "has the id 'photosynthesis' of another pack" in str(n.message)
                for n in app._notifications
            ),
            "the app to say the packs mix their progress",
        )
    app.services.store.close()
