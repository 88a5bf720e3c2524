"""``summitreader add`` on real articles (see fixtures/SOURCES.md), the bad inputs, and the
library commands, through the command line's own entry point and the real pack loader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.authoring import AuthoringError, add_article
from summitreader.authoring.cards import cloze, hideable
from summitreader.authoring.split import split_markdown, split_text
from summitreader.cli import main
from summitreader.library import library_dir, list_packs, shipped_ids
from summitreader.pack import load_pack
from summitreader.pack.lint import lint_cards

FIXTURES = Path(__file__).parent / "fixtures"


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def add_json(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> dict[str, object]:
    code, out, err = run(capsys, data, "add", "--json", *args)
    assert code == 0, err
    result: dict[str, object] = json.loads(out)
    return result


def checked(folder: Path) -> None:
    """The pack loads and the card lint finds nothing: what ``validate`` checks."""
    pack = load_pack(folder)
    assert lint_cards(pack, pack.cards) == []


def test_a_markdown_article_gives_sections_takeaways_and_cards(capsys, tmp_path):
    added = add_json(capsys, tmp_path, str(FIXTURES / "photosynthesis.md"))
    assert added["id"] == "photosynthesis"
    folder = Path(str(added["path"]))
    pack = load_pack(folder)
    assert pack.title == "Photosynthesis"
    assert [s.title for s in pack.sections] == [
        "Introduction",
        "Overview",
        "History",
        "Efficiency",
        "Key takeaways",
    ]
    assert [t.title for t in pack.takeaways] == [
        "Light becomes chemical energy",
        "Chloroplasts do the work",
        "Oxygen is a by-product",
    ]
    assert "overview" in pack.takeaway("chloroplasts-do-the-work").sections  # type: ignore[union-attr]
    # Markdown is kept: the list items are paragraphs of their own, their bold leads runs.
    overview = pack.section("overview")
    assert overview is not None and overview.paragraphs[-1].markdown.startswith(
        "- **Light-independent reactions:**"
    )
    answers = {c.answer for c in pack.cards}
    assert {"photoautotrophs", "1640s"} <= answers
    # A takeaway with no date, number or term to hide is a flip card: its label asks.
    flip = pack.card("card-light-becomes-chemical-energy")
    assert flip is not None and flip.card_kind == "recall"
    assert flip.prompt == "Light becomes chemical energy: …"
    assert flip.answer.startswith("photosynthesis stores the energy of light")
    clozes = [c for c in pack.cards if c.card_kind == "cloze"]
    assert len(clozes) == len(pack.cards) - 3
    assert all(f"{{{{{c.answer}}}}}" in c.prompt for c in clozes)
    checked(folder)
    code, out, _ = run(capsys, tmp_path, "validate", "photosynthesis")
    assert code == 0 and "photosynthesis: ok" in out


def test_an_html_page_keeps_the_article_and_leaves_the_furniture_out(capsys, tmp_path):
    added = add_json(capsys, tmp_path, str(FIXTURES / "eiffel-tower.html"))
    pack = load_pack(Path(str(added["path"])))
    text = "\n".join(s.markdown for s in pack.sections)
    assert pack.title == "The Eiffel Tower"
    assert [s.title for s in pack.sections] == ["Introduction", "Design", "Construction"]
    assert "**Eiffel Tower**" in text and "*La dame de fer*" in text
    assert "330 metres" in text
    for furniture in ("Advertisement", "Log in", "Leave a comment", "Copyright", "alert("):
        assert furniture not in text
    assert pack.source.startswith("https://travel.example.org/paris/eiffel-tower")
    assert {"28 January 1887", "June 1884"} <= {c.answer for c in pack.cards}
    checked(Path(str(added["path"])))


def test_a_plain_text_chapter_is_unwrapped_under_its_heading(capsys, tmp_path):
    added = add_json(capsys, tmp_path, str(FIXTURES / "pride-and-prejudice-ch1.txt"))
    pack = load_pack(Path(str(added["path"])))
    assert pack.title == "PRIDE AND PREJUDICE"  # a title in capitals is kept as written
    chapter = pack.sections[-1]
    assert chapter.title == "Chapter 1"
    first = chapter.paragraphs[0].text
    assert first == (
        "It is a truth universally acknowledged, that a single man in possession of a good "
        "fortune, must be in want of a wife."
    )
    checked(Path(str(added["path"])))


def test_a_text_without_headings_is_cut_into_parts_at_paragraph_breaks():
    paragraphs = [f"Paragraph {n} " + "word " * 120 for n in range(40)]
    article = split_text("\n\n".join(paragraphs))
    assert len(article.sections) > 1
    assert all(s.title.startswith("Part ") for s in article.sections)
    assert sum(len(s.blocks) for s in article.sections) == 40
    assert all(s.words <= 1500 for s in article.sections)


def test_a_heading_straight_over_another_gives_it_its_title():
    article = split_markdown("# Book\n\n## Part One\n\n### The start\n\nText here.\n")
    assert article.title == "Book"
    assert [s.title for s in article.sections] == ["Part One: The start"]


def test_a_card_never_hides_a_stop_word():
    assert not hideable("the")
    assert not hideable("of Paris")
    assert hideable("Gustave Eiffel")
    assert cloze("You want to tell me about the tower and Paris.", "You") is None
    assert cloze("It opened in 1889 and closed in 1889.", "1889") is None  # twice: ambiguous
    assert cloze("It opened in 1889.", "1889") == "It opened in {{1889}}."


def test_the_same_article_twice_is_said_to_be_there(capsys, tmp_path):
    add_json(capsys, tmp_path, str(FIXTURES / "photosynthesis.md"))
    copy = tmp_path / "copy.md"
    copy.write_text((FIXTURES / "photosynthesis.md").read_text().replace("\n", "\r\n"))
    code, _, err = run(capsys, tmp_path, "add", str(copy))
    assert code == 1
    assert "already in the library, as 'photosynthesis'" in err
    assert sorted(p.name for p in library_dir(tmp_path).iterdir()) == ["photosynthesis"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n\t ", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary file"),
        ("Caf\u00e9 cr\u00e8me, a long text. ".encode("cp1252") * 20, "--encoding cp1252"),
        (b"<html><body><nav><a href='/'>Home</a></nav><p>Hi.</p></body></html>", "no article"),
    ],
    ids=["empty", "blank", "binary", "cp1252", "html-without-text"],
)
def test_bad_input_gets_a_message_and_leaves_nothing(capsys, tmp_path, content, message):
    name = "page.html" if b"<html" in content else "article.txt"
    source = tmp_path / name
    source.write_bytes(content)
    code, out, err = run(capsys, tmp_path, "add", str(source))
    assert code == 1 and out == ""
    assert message in err and "Traceback" not in err
    library = library_dir(tmp_path)
    assert not library.exists() or list(library.iterdir()) == []


def test_a_file_over_the_size_limit_is_refused(tmp_path):
    source = tmp_path / "big.txt"
    source.write_text("word " * 1000)
    with pytest.raises(AuthoringError, match="the largest article accepted"):
        add_article(source, tmp_path / "library", taken=shipped_ids(), max_bytes=1000)
    assert not (tmp_path / "library").exists() or not list((tmp_path / "library").iterdir())


def test_an_encoding_named_is_used(capsys, tmp_path):
    source = tmp_path / "latin.txt"
    source.write_bytes(
        "Le caf\u00e9 de la gare ouvrit en 1921, face au quai.\n".encode("cp1252") * 3
    )
    added = add_json(capsys, tmp_path, "--encoding", "cp1252", "--title", "Le café", str(source))
    pack = load_pack(Path(str(added["path"])))
    assert pack.title == "Le café" and "café" in pack.sections[0].text
    assert added["encoding"] == "cp1252"


def test_a_utf16_file_with_its_mark_is_read(capsys, tmp_path):
    source = tmp_path / "wide.txt"
    source.write_bytes("The bridge opened in 1932 after six years of work.\n".encode("utf-16"))
    added = add_json(capsys, tmp_path, str(source))
    assert added["encoding"] == "utf-16"


def test_an_id_taken_or_invalid_is_refused(capsys, tmp_path):
    source = str(FIXTURES / "photosynthesis.md")
    code, _, err = run(capsys, tmp_path, "add", "--id", "trump-putin-summits", source)
    assert code == 1 and "there is a pack 'trump-putin-summits' already" in err
    code, _, err = run(capsys, tmp_path, "add", "--id", "Not An Id", source)
    assert code == 1 and "is not a valid id" in err


def test_packs_lists_the_shipped_pack_and_yours_and_pack_takes_an_id(capsys, tmp_path):
    add_json(capsys, tmp_path, str(FIXTURES / "photosynthesis.md"))
    code, out, _ = run(capsys, tmp_path, "packs", "--json")
    assert code == 0
    listed = json.loads(out)
    assert [p["id"] for p in listed] == ["trump-putin-summits", "photosynthesis"]
    assert listed[1]["read_percent"] == 0 and listed[1]["cards_due"] == 0
    assert [p.id for p in list_packs(tmp_path)] == ["trump-putin-summits", "photosynthesis"]
    code, out, _ = run(capsys, tmp_path, "--pack", "photosynthesis", "list", "sections")
    assert code == 0 and "Efficiency" in out
    code, _, err = run(capsys, tmp_path, "--pack", "nowhere", "list", "sections")
    assert code == 1 and "'nowhere' is neither a pack of the library nor a folder" in err


def test_remove_backs_up_the_progress_and_never_removes_the_shipped_pack(capsys, tmp_path):
    add_json(capsys, tmp_path, str(FIXTURES / "photosynthesis.md"))
    code, _, err = run(capsys, tmp_path, "remove", "--yes", "trump-putin-summits")
    assert code == 1 and "ships with summitreader" in err
    from summitreader.progress import open_store

    folder = library_dir(tmp_path) / "photosynthesis"
    store = open_store(tmp_path, load_pack(folder))
    store.mark_read("overview")
    store.close()
    code, _out, _ = run(capsys, tmp_path, "remove", "--yes", "photosynthesis")
    assert code == 0 and not folder.exists()
    backups = list((tmp_path / "library-backups").iterdir())
    assert len(backups) == 1
    assert "overview" in backups[0].read_text()
    code, _, err = run(capsys, tmp_path, "remove", "--yes", "photosynthesis")
    assert code == 1 and "there is no pack 'photosynthesis'" in err
