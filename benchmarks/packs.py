"""Large packs made from the default one, deterministically: its article recombined to ``scale``
times its size.

A pack of scale ``k`` keeps the default pack's sections as they are and adds ``k - 1`` copies of
the article. Copy ``c`` is the article's paragraphs rotated by ``c × 11`` places and cut into
sections of the original sizes, so every copy holds every paragraph once, in another order and
under other section ids. The meetings, issues, takeaways, cards and notes are the default pack's:
what they point at (the original sections) is still there, and the mentions of meetings and issues
are found in every copy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from summitreader.pack.markdown import split_paragraphs

ROTATION = 11
INDEX_FILES = ("meetings.yaml", "issues.yaml", "takeaways.yaml", "cards.yaml", "notes.yaml")


def scaled_pack(source: Path, scale: int, target: Path) -> Path:
    """Write the pack of ``source`` at ``scale`` times its size to folder ``target``; return it."""
    if scale < 1:
        raise ValueError("the scale is at least 1")
    head = yaml.safe_load((source / "pack.yaml").read_text(encoding="utf-8"))
    originals = head["sections"]
    blocks: list[list[str]] = []
    for section in originals:
        text = (source / section["file"]).read_text(encoding="utf-8")
        blocks.append([p.markdown for p in split_paragraphs(section["id"], text)])
    flat = [block for section_blocks in blocks for block in section_blocks]
    if target.exists():
        shutil.rmtree(target)
    (target / "sections").mkdir(parents=True)
    sections = []
    for copy in range(scale):
        shift = copy * ROTATION
        position = 0
        for number, (section, own) in enumerate(zip(originals, blocks, strict=True), start=1):
            chosen = [flat[(position + i + shift) % len(flat)] for i in range(len(own))]
            position += len(own)
            if copy == 0:
                section_id, title = section["id"], section["title"]
            else:
                section_id = f"{section['id']}-copy-{copy}"
                title = f"{section['title']} (copy {copy})"
            file = f"sections/{copy:03d}-{number:02d}-{section['id']}.md"
            (target / file).write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
            sections.append({"id": section_id, "title": title, "file": file})
    for name in INDEX_FILES:
        if (source / name).exists():
            shutil.copyfile(source / name, target / name)
    head = {
        **head,
        "id": head["id"] if scale == 1 else f"{head['id']}-x{scale}",
        "sections": sections,
    }
    lines = [
        f"{key}: {json.dumps(value, ensure_ascii=False)}"
        for key, value in head.items()
        if key != "sections"
    ]
    lines.append("sections:")
    lines += [f"  - {json.dumps(section, ensure_ascii=False)}" for section in sections]
    (target / "pack.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def article_bytes(pack: Path) -> int:
    """The size of a pack's article: its section files."""
    return sum(path.stat().st_size for path in (pack / "sections").glob("*.md"))
