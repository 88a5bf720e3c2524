"""A plain text's scene breaks (a line of only ``*``, ``-``, ``~``, ``#`` and spaces) separate
paragraphs: never a list of stars in the reader, never glued to a chapter's title. Real
command line, real pack loaded from the library."""

from __future__ import annotations

from pathlib import Path

from summitreader.cli import main
from summitreader.pack import load_pack

ALICE = Path(__file__).parent / "fixtures" / "alice-ch1-2.txt"
STARS = "  *    *    *    *    *    *    *"


def add(capsys, data: Path, article: Path) -> str:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), "add", str(article)])
    _, err = capsys.readouterr()
    assert code == 0, err
    (folder,) = (data / "library").iterdir()
    return folder.name


def all_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.*")))


def test_the_star_lines_of_alice_are_no_paragraphs(capsys, tmp_path):
    pack_id = add(capsys, tmp_path, ALICE)
    folder = tmp_path / "library" / pack_id
    pack = load_pack(folder)
    paragraphs = [p for s in pack.sections for p in s.paragraphs]
    assert not [p for p in paragraphs if "*    *" in p.text or p.text.strip(" *") == ""]
    assert "*    *" not in all_text(folder)
    # The text on either side of the breaks is still there, each a paragraph of its own.
    texts = [" ".join(p.text.split()) for p in paragraphs]
    assert any(t.startswith("'What a curious feeling!' said Alice") for t in texts)
    assert any(t.startswith("So she set to work, and very soon finished off") for t in texts)


def test_a_break_under_a_chapter_heading_never_joins_its_title(capsys, tmp_path):
    body = (
        "Alice was beginning to get very tired of sitting by her sister on the bank, "
        "and of having nothing to do."
    )
    chapters = []
    for n, roman in enumerate(("I", "II", "III"), start=1):
        chapters.append(
            f"CHAPTER {roman}.\n\nThe Adventure Number {n}\n\n{STARS}\n\n"
            f"{body}\n\n---\n{body}\n~~~~~~\n\n# # #\n\n{body}\n"
        )
    article = tmp_path / "book.txt"
    article.write_text("\n\n".join(chapters), encoding="utf-8")
    pack_id = add(capsys, tmp_path / "data", article)
    folder = tmp_path / "data" / "library" / pack_id
    pack = load_pack(folder)
    assert [s.title for s in pack.sections] == [
        f"CHAPTER {roman}. The Adventure Number {n}"
        for n, roman in enumerate(("I", "II", "III"), start=1)
    ]
    for section in pack.sections:
        assert [" ".join(p.text.split()) for p in section.paragraphs] == [body] * 3
    sections = "\n".join(p.read_text(encoding="utf-8") for p in (folder / "sections").iterdir())
    for mark in ("*    *", "---", "~~~", "# # #"):
        assert mark not in sections
