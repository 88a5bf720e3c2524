"""Files of the library that are not regular files (a FIFO, a link to ``/dev/zero``) are never
opened: ``packs``, the app's start and the Library list them as broken instead of hanging or
filling the memory. Each case runs in a process of its own, so a hang fails the test instead of
stopping the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from summitreader import paths
from summitreader.authoring import add_article
from summitreader.library import library_dir, shipped_ids
from support.pilot import wait_until

FIXTURES = Path(__file__).parent / "fixtures"
LIMIT = 120  # seconds: only a hang reaches it

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


def library_with_two(data: Path) -> Path:
    library = library_dir(data)
    add_article(FIXTURES / "photosynthesis.md", library, taken=shipped_ids())
    added = add_article(FIXTURES / "eiffel-tower.html", library, taken=shipped_ids())
    return added.path


def summitreader(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "summitreader",
            "--data-dir",
            str(data),
            "--cache-dir",
            str(data / "cache"),
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=LIMIT,
        stdin=subprocess.DEVNULL,
    )


def in_process(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=LIMIT
    )


def test_packs_lists_a_pack_whose_pack_yaml_is_a_fifo_as_broken(tmp_path):
    folder = library_with_two(tmp_path)
    (folder / "pack.yaml").unlink()
    os.mkfifo(folder / "pack.yaml")
    done = summitreader(tmp_path, "packs")
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith(folder.name))
    assert "cannot be loaded" in row


def test_packs_lists_a_pack_yaml_linked_to_an_endless_device_as_broken(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("needs /dev/zero")
    folder = library_with_two(tmp_path)
    (folder / "pack.yaml").unlink()
    (folder / "pack.yaml").symlink_to("/dev/zero")
    done = summitreader(tmp_path, "packs")
    assert done.returncode == 0, done.stderr
    row = next(line for line in done.stdout.splitlines() if line.startswith(folder.name))
    assert "cannot be loaded" in row


def test_a_fifo_as_the_record_of_the_pack_read_last_means_the_shipped_pack(tmp_path):
    library_with_two(tmp_path)
    os.mkfifo(library_dir(tmp_path) / "last.json")
    done = in_process(
        "from pathlib import Path; from summitreader.library import last_pack; "
        f"print(last_pack(Path({str(tmp_path)!r})))"
    )
    assert done.returncode == 0, done.stderr
    assert Path(done.stdout.strip()) == paths.default_pack_dir()


def test_adding_beside_a_pack_whose_origin_record_is_a_fifo_works(tmp_path):
    folder = library_with_two(tmp_path)
    origin = next(p for p in folder.iterdir() if p.suffix == ".json" and "origin" in p.name)
    origin.unlink()
    os.mkfifo(origin)
    article = tmp_path / "note.md"
    article.write_text("# A note\n\nSome text about 1999 and the summit.\n", encoding="utf-8")
    done = summitreader(tmp_path, "add", str(article))
    assert done.returncode == 0, done.stderr
    assert (library_dir(tmp_path) / "a-note").is_dir()


async def test_the_library_screen_lists_the_packs_off_the_ui_thread(tmp_path):
    """Made without reading a file (it says it is loading), the Library lists the packs when
    its worker has: a pack whose pack.yaml is a FIFO is listed as broken."""
    from textual.app import App
    from textual.widgets import OptionList

    from summitreader.tui.screens.library import LOADING, LibraryScreen

    folder = library_with_two(tmp_path)
    (folder / "pack.yaml").unlink()
    os.mkfifo(folder / "pack.yaml")
    screen = LibraryScreen(tmp_path, paths.default_pack_dir())
    assert not screen.loaded and screen.packs == []

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    app = Host()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: screen.is_mounted, "the Library")
        options = screen.query_one(OptionList)
        assert LOADING in str(screen.query_one("#library-loading").render()) or screen.loaded
        await wait_until(pilot, lambda: screen.loaded, "the list of packs")
        assert options.option_count == 3
        index = next(n for n, p in enumerate(screen.packs) if p.path == folder)
        await wait_until(
            pilot,
            lambda: "cannot be loaded" in str(options.get_option_at_index(index).prompt),
            "the broken pack marked",
        )
        assert not screen.query_one("#library-loading").display
