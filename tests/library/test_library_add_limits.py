"""``add`` writes only packs the loader takes: every limit of the pack loader (the size of each
YAML file, of a section's file; the YAML nesting depth) is checked on the files before anything
is written, and an article over one is refused with what to do. Nothing is left in the library."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from summitreader.authoring import AuthoringError, add_article
from summitreader.pack import load_pack
from summitreader.pack.load import MAX_SECTION_BYTES
from summitreader.pack.yamlsafe import MAX_BYTES, MAX_DEPTH


def _word(rng: random.Random, length: int) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(length))


def _refused(tmp_path: Path, name: str, text: str, message: str) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    library = tmp_path / "library"
    with pytest.raises(AuthoringError, match=message):
        add_article(source, library)
    assert not library.exists() or list(library.iterdir()) == []


def test_an_article_whose_list_of_sections_is_over_the_pack_yaml_limit_is_refused(tmp_path):
    headings = "".join(
        f"## Heading number {n} of a document with very many headings\n\nText {n}.\n\n"
        for n in range(12_000)
    )
    _refused(
        tmp_path,
        "headings.md",
        "# Headings\n\n" + headings,
        r"12,000 sections: their list \(pack\.yaml\) would be .* MiB, over the 1\.0 MiB",
    )


def test_many_sections_under_the_limit_are_added_and_load(tmp_path):
    headings = "".join(f"## Part {n}\n\nThe text of part {n}.\n\n" for n in range(3_000))
    source = tmp_path / "parts.md"
    source.write_text("# Parts\n\n" + headings, encoding="utf-8")
    added = add_article(source, tmp_path / "library")
    assert (added.path / "pack.yaml").stat().st_size <= MAX_BYTES
    assert len(load_pack(added.path).sections) == 3_000


def test_a_paragraph_over_the_section_file_limit_is_refused(tmp_path):
    rng = random.Random(1)
    words = [_word(rng, 8) for _ in range(500)]
    count = MAX_SECTION_BYTES // 9 + 1000
    paragraph = " ".join(words[n % 500] for n in range(count)) + ".\n"
    _refused(
        tmp_path,
        "paragraph.txt",
        paragraph,
        r"the section 'The text' would be 4\.0 MiB, over the 4\.0 MiB .* break its text into "
        "paragraphs",
    )


def test_takeaways_over_the_takeaways_yaml_limit_are_refused(tmp_path):
    rng = random.Random(2)
    items = "".join(
        f"- **Lead number {n}:** " + " ".join(_word(rng, 900) for _ in range(400)) + "\n"
        for n in range(3)
    )
    text = (
        "# Takeaways\n\n## Overview\n\n"
        + "The overview says what the article is about. " * 20
        + "\n\n## Key takeaways\n\n"
        + items
    )
    _refused(tmp_path, "takeaways.md", text, r"the takeaways \(takeaways\.yaml\) would be")


def test_cards_over_the_cards_yaml_limit_are_refused(tmp_path):
    rng = random.Random(3)
    sections = []
    for s in range(150):
        paragraphs = [
            " ".join(_word(rng, 300) for _ in range(30)) + f" in {1800 + s}." for _ in range(3)
        ]
        sections.append(f"## Part {_word(rng, 8)}\n\n" + "\n\n".join(paragraphs))
    text = "# Cards\n\n" + "\n\n".join(sections) + "\n"
    _refused(tmp_path, "cards.md", text, r"the cards \(cards\.yaml\) would be")


def test_deeply_nested_markdown_gives_yaml_well_under_the_depth_limit(tmp_path):
    nested = "\n".join("  " * n + f"- item {n} of the list" for n in range(60))
    quoted = "\n".join(">" * n + f" quoted {n} times over" for n in range(1, 60))
    source = tmp_path / "nested.md"
    source.write_text(f"# Nested\n\n## Lists\n\n{nested}\n\n## Quotes\n\n{quoted}\n")
    added = add_article(source, tmp_path / "library")
    load_pack(added.path)
    for name in ("pack.yaml", "cards.yaml", "takeaways.yaml"):
        if (added.path / name).exists():
            depth = max(level for level, _ in _levels(added.path / name))
            assert depth < MAX_DEPTH


def _levels(path: Path) -> list[tuple[int, yaml.Event]]:
    level, found = 0, []
    for event in yaml.parse(path.read_text(encoding="utf-8")):
        if isinstance(event, yaml.CollectionStartEvent):
            level += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            level -= 1
        found.append((level, event))
    return found
