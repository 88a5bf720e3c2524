"""A planned pack written to a folder, then loaded as ``validate`` loads it, with the cards the
card lint finds anything wrong with left out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from summitreader.authoring.source import AuthoringError, Source

if TYPE_CHECKING:
    from summitreader.authoring.plan import Plan
    from summitreader.pack import Pack

ORIGIN_FILE = "origin.json"
"""What a pack made by ``add`` keeps about its source (not part of the pack format: the loader
ignores it): the source's name, format, encoding, SHA-256 and when it was added."""
BUG = "the pack made does not load, which is a bug of summitreader: please report it"


def write(
    folder: Path, files: dict[str, str], source: Source, digest: str, now: dt.datetime | None
) -> None:
    """Write ``files`` (by name, as text, checked already) and the origin record into
    ``folder``."""
    (folder / "sections").mkdir()
    for name, text in files.items():
        with open(folder / name, "w", encoding="utf-8") as handle:
            handle.write(text)
    origin = {
        "file": source.path.name,
        "format": source.format,
        "encoding": source.encoding,
        "sha256": digest,
        "added": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
    }
    (folder / ORIGIN_FILE).write_text(json.dumps(origin, indent=2) + "\n", encoding="utf-8")


def check(plan: Plan, folder: Path) -> tuple[Pack, int]:
    """Load the pack written in ``folder`` as ``validate`` does; leave out the cards the card
    lint finds anything wrong with; return the pack as loaded and how many cards were left out.
    A pack that does not load is a bug of ours."""
    from summitreader.pack import PackError, load_pack
    from summitreader.pack.lint import lint_cards
    from summitreader.study.deck import build_deck

    try:
        pack = load_pack(folder)
    except PackError as error:
        raise AuthoringError(f"{BUG}: {error}") from None
    flagged = {finding.card for finding in lint_cards(pack, build_deck(pack))}
    bad = flagged & set(plan.card_ids)
    if not bad:
        return pack, 0
    _write_cards(plan, folder, set(plan.card_ids) - bad)
    try:
        pack = load_pack(folder)
    except PackError as error:
        raise AuthoringError(f"{BUG}: {error}") from None
    return pack, len(bad)


def _write_cards(plan: Plan, folder: Path, keep: set[str]) -> None:
    target = folder / "cards.yaml"
    text = plan.cards_yaml(keep)
    if text:
        target.write_text(text, encoding="utf-8")
    elif target.exists():
        target.unlink()
