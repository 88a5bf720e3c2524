"""`validate` builds the deck and lints it: each text the card lint compares (a prompt, an answer)
is normalised once, not once per card it is compared with, so a long paragraph (a hostile 200 KB
one, say) costs work in proportion to its length once. A structural check (Python calls made,
generator steps included), never a timing."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from types import FrameType
from typing import Any

from summitreader.pack import lint, load_pack
from summitreader.pack.lint import lint_cards
from summitreader.paths import default_pack_dir
from summitreader.study.deck import build_deck


def _calls(folder: Path, length: int) -> int:
    """Calls made to build and lint the deck of the default pack, with a paragraph of
    ``length`` characters of unclosed bold openers before its first section's text."""
    shutil.copytree(default_pack_dir(), folder)
    first = sorted((folder / "sections").iterdir())[0]
    if length:
        first.write_text("**a " * (length // 4) + "\n\n" + first.read_text(encoding="utf-8"))
    pack = load_pack(folder)
    clear = getattr(lint._normal, "cache_clear", None)
    if clear is not None:
        clear()  # each run from nothing
    calls = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profile)
    try:
        lint_cards(pack, build_deck(pack))
    finally:
        sys.setprofile(None)
    return calls


def test_a_long_paragraph_is_normalised_once_by_the_card_lint(tmp_path: Path) -> None:
    without = _calls(tmp_path / "plain", 0)
    length = 40_000
    extra = _calls(tmp_path / "long", length) - without
    # Each text compared is normalised once, not once per card it is compared with (which took
    # about 4.9 million calls for the default pack alone).
    assert without < 1_000_000, without
    # A few steps per character of the long paragraph, once.
    assert extra < 8 * length, (without, extra)
