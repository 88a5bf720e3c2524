"""Which folder's pack the progress of an id is: the progress of each pack records the folder
that claimed its id first and that folder's content hash (the setting :data:`CLAIM_SETTING`);
:func:`check_claim` tells a copy, or another pack with the same id, that it shares that
progress."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summitreader.progress import Store

CLAIM_SETTING = "pack_folder"
"""The setting that records which folder's pack the progress of an id is (a path of this
machine: the progress exchange never exports it, see ``progress.exchange.LOCAL_SETTINGS``)."""


@dataclass(frozen=True, slots=True)
class Claim:
    """What :func:`check_claim` found: what to tell the user, and the record to write (None when
    it stays as it is)."""

    notice: str | None
    record: dict[str, str] | None


def check_claim(store: Store, root: Path) -> Claim:
    """Whether the pack in ``root`` (the store's pack) is the one whose progress ``store`` holds
    for its id: the same folder (edited or not), or a folder that took the place of one gone
    (moved) take the record over; a copy (the same contents) shares the progress, said; another
    pack (other contents, the first folder still there) is told it mixes its progress with that
    one's, and the record stays the first's. The shipped pack is never checked (its id is
    reserved)."""
    from summitreader.library import shipped_ids

    pack = store.pack
    here = str(Path(root).resolve())
    record = {"folder": here, "content_hash": pack.content_hash}
    if pack.id in shipped_ids():
        return Claim(None, None)
    claimed = store.get_setting(CLAIM_SETTING)
    if not isinstance(claimed, dict) or not isinstance(claimed.get("folder"), str):
        return Claim(None, record)  # none, or malformed: ignored and written anew
    if claimed["folder"] == here:
        return Claim(None, record if claimed != record else None)
    if not _pack_folder_there(claimed["folder"]):
        return Claim(None, record)  # moved: the folder recorded is gone
    first = Path(claimed["folder"])
    if claimed.get("content_hash") == pack.content_hash:
        return Claim(
            f"This pack is a copy of the one in {first} (the same id, '{pack.id}', and the same "
            "contents): they share their progress.",
            None,
        )
    return Claim(
        f"This pack has the id '{pack.id}' of another pack, in {first}, and shares its "
        "progress (reading, cards, notes): what you do here changes that pack's progress too. "
        f"To keep them apart, give this one an id of its own (the id: line of {here}/pack.yaml).",
        None,
    )


def _pack_folder_there(folder: str) -> bool:
    """Whether ``folder`` (as recorded) still holds a pack. A path that cannot be probed (too
    long, not absolute, a NUL in it, a folder that cannot be entered) counts as gone."""
    path = Path(folder)
    if not path.is_absolute():
        return False
    try:
        return (path / "pack.yaml").is_file()
    except (OSError, ValueError):
        return False
