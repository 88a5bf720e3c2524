"""The progress package imports without Textual and without touching the disk."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from summitreader.study.deck import build_deck
from support.progress_pack import make_pack


def test_importing_the_progress_modules_loads_no_textual_and_creates_nothing(
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    code = textwrap.dedent(
        """
        import sys
        import summitreader.progress
        import summitreader.progress.exchange
        import summitreader.figures
        import summitreader.cli.progress_commands
        assert "textual" not in sys.modules, "textual was imported"
        print("ok")
        """
    )
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    env.pop("SUMMITREADER_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"
    assert list(home.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home"]


def test_the_deck_is_the_packs_cards_first() -> None:
    pack = make_pack()
    ids = [card.id for card in build_deck(pack)]
    assert ids[: len(pack.cards)] == [card.id for card in pack.cards]
    assert len(ids) == len(set(ids))
