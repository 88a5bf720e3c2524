"""What the CLI says when there is nothing: a list of a kind the pack has none of says so (it
printed a table header alone), and a query of nothing but invisible characters is told, not
answered "No results."."""

from __future__ import annotations

from pathlib import Path

from summitreader.authoring import add_article
from summitreader.cli import main
from summitreader.library import library_dir, shipped_ids

FIXTURES = Path(__file__).parent / "library" / "fixtures"


def run(capsys, data: Path, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["--data-dir", str(data), "--cache-dir", str(data / "cache"), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_list_of_nothing_says_so(capsys, tmp_path):
    chapter = FIXTURES / "pride-and-prejudice-ch1.txt"
    added = add_article(chapter, library_dir(tmp_path), taken=shipped_ids())
    code, out, err = run(capsys, tmp_path, "--pack", added.pack_id, "list", "takeaways")
    assert code == 0
    assert out == ""  # no header over nothing
    assert "This pack has no takeaways." in err
    code, out, _ = run(capsys, tmp_path, "--pack", added.pack_id, "list", "takeaways", "--json")
    assert code == 0 and out.strip() == "[]"


def test_a_query_of_invisible_characters_is_told(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "search", "\u202e\u200b")
    assert code == 0
    assert "No matches" not in out and "No results" not in out
    assert "holds nothing to look for" in out
    code, out, _ = run(capsys, tmp_path, "search", "\u202e\u200b", "--json")
    assert code == 0 and out.strip() == "[]"
