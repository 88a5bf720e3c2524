"""What the library knows of the articles its packs were made from, to find an article added
twice: each pack made by ``add`` keeps its source's SHA-256 in ``origin.json``. A pack whose
record is missing or damaged is compared by its text instead (its title and its section files,
which ``add`` writes from the article alone: the pack's id is not in them), so a damaged record
never lets the same article in twice. A damaged record is only read: never rewritten,
never deleted. No Textual here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from summitreader.library.jsonfile import read_json_object
from summitreader.pack.yamlsafe import Problem, read_text

ORIGIN_FILE = "origin.json"
SECTIONS_FOLDER = "sections"
PACK_FILE = "pack.yaml"


@dataclass(frozen=True, slots=True)
class Origins:
    """The library's packs by the source they were made from."""

    by_digest: dict[str, str] = field(default_factory=dict)
    """A source's SHA-256 -> the id of the pack made from it."""
    unknown: tuple[Path, ...] = ()
    """The folders of packs whose source is not known (no record, or a damaged one)."""
    damaged: tuple[Path, ...] = ()
    """The origin records there that cannot be read (not JSON, or without a SHA-256)."""


def read_origins(library: Path) -> Origins:
    """The origin record of every pack in the folder ``library`` (those being added or removed,
    whose names start with a dot, left out)."""
    by_digest: dict[str, str] = {}
    unknown: list[Path] = []
    damaged: list[Path] = []
    if not library.is_dir():
        return Origins()
    for folder in sorted(library.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        record = folder / ORIGIN_FILE
        origin = read_json_object(record)
        digest = None if origin is None else origin.get("sha256")
        if isinstance(digest, str) and digest:
            by_digest.setdefault(digest, folder.name)
            continue
        unknown.append(folder)
        if record.exists() or record.is_symlink():
            damaged.append(record)
    return Origins(by_digest, tuple(unknown), tuple(damaged))


def same_text(folder: Path, files: Mapping[str, str]) -> bool:
    """Whether the pack in ``folder`` has the title and the very section files of ``files``
    (by name, as text), and no others: the same article, cut the same way."""
    wanted = {name: text for name, text in files.items() if name.startswith(f"{SECTIONS_FOLDER}/")}
    if not wanted:
        return False
    try:
        present = sorted(
            f"{SECTIONS_FOLDER}/{p.name}" for p in (folder / SECTIONS_FOLDER).glob("*.md")
        )
        if present != sorted(wanted):
            return False
    except OSError:
        return False
    problems: list[Problem] = []
    if _title(read_text(folder / PACK_FILE, PACK_FILE, problems)) != _title(files.get(PACK_FILE)):
        return False
    return all(read_text(folder / name, name, problems) == text for name, text in wanted.items())


def _title(text: str | None) -> str | None:
    """The title in the text of a ``pack.yaml``; None when it has none, or cannot be read."""
    if text is None:
        return None
    try:
        head = yaml.safe_load(text)
    except yaml.YAMLError:
        return None
    title = head.get("title") if isinstance(head, dict) else None
    return title if isinstance(title, str) else None
