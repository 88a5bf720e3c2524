"""The pack loader's limits, checked on a planned pack's files before anything is written: an
article over one is refused with what to do, not written for the loader to refuse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summitreader.authoring.source import AuthoringError
from summitreader.pack.load import MAX_SECTION_BYTES
from summitreader.pack.yamlsafe import MAX_BYTES as MAX_YAML_BYTES

if TYPE_CHECKING:
    from summitreader.authoring.plan import Plan


_ENTRY = len("- id: \n  title: \n  file: sections/0000-.md\n")
"""The characters of a section's entry in ``pack.yaml`` besides its id (twice) and title."""


def check_sections(plan: Plan) -> None:
    """Raise :class:`AuthoringError` when the list of sections (``pack.yaml``) is sure to be over
    the loader's limit, from a lower bound of its size: an article of tens of thousands of
    headings is refused without writing the list out."""
    least = sum(
        _ENTRY + 2 * len(section_id) + len(section.title)
        for section, section_id in zip(plan.sections, plan.section_ids, strict=True)
    )
    if least > MAX_YAML_BYTES:
        raise AuthoringError(too_large("pack.yaml", least, MAX_YAML_BYTES, plan, at_least=True))


def check_sizes(files: dict[str, str], plan: Plan) -> None:
    """Raise :class:`AuthoringError` when a file of ``files`` (by name, as text) is over the
    loader's limit for it."""
    for name, text in files.items():
        limit = MAX_SECTION_BYTES if name.startswith("sections/") else MAX_YAML_BYTES
        # A character is at most four bytes: most files are far under, and not encoded.
        if len(text) * 4 <= limit:
            continue
        size = len(text.encode())
        if size > limit:
            raise AuthoringError(too_large(name, size, limit, plan))


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 // 10 else f"{size / 1024:.0f} KiB"


def too_large(name: str, size: int, limit: int, plan: Plan, *, at_least: bool = False) -> str:
    """What to tell the user when the pack's file ``name`` would be over the loader's limit
    (``at_least``: ``size`` is a lower bound)."""
    least = "at least " if at_least else ""
    over = f"{least}{megabytes(size)}, over the {megabytes(limit)} the pack loader takes"
    if name == "pack.yaml":
        return (
            f"the article has {len(plan.sections):,} sections: their list (pack.yaml) would be "
            f"{over}; give it fewer headings (join short sections), or add it in parts"
        )
    if name.startswith("sections/"):
        number = int(name.split("/")[1].split("-")[0]) - 1
        section = plan.sections[number]
        longest = max(len(block.encode()) for block in section.blocks)
        return (
            f"the section '{section.title}' would be {over} (it holds a paragraph of "
            f"{megabytes(longest)}): break its text into paragraphs with blank lines"
        )
    what = {"takeaways.yaml": "the takeaways", "cards.yaml": "the cards"}.get(name, name)
    return f"{what} ({name}) would be {over}: shorten them in the article, or add it in parts"
