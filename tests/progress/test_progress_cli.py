"""`summitreader stats | export | import | notes | reset`, run through the CLI's main()."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.text import clean_text
from support.progress_pack import fsrs_state


class Run:
    def __init__(self, pack_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.pack_dir, self.data_dir, self.capsys = pack_dir, data_dir, capsys

    def __call__(self, *args: str, data_dir: Path | None = None) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(
            ["--pack", str(self.pack_dir), "--data-dir", str(data_dir or self.data_dir), *args]
        )
        out, err = self.capsys.readouterr()
        assert "Traceback" not in err and "internal error" not in err
        return code, out, err


@pytest.fixture
def run(pack_dir: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    return Run(pack_dir, data_dir, capsys)


@pytest.fixture
def with_progress(pack_dir: Path, data_dir: Path) -> None:
    pack = load_pack(pack_dir)
    now = dt.datetime.now(dt.UTC)
    with open_store(data_dir, pack) as store:
        store.mark_read("opening")
        store.queue_reread("closing")
        store.add_bookmark("opening", 2)
        store.add_note("opening", 1, "A note \x1b[31mwith\x1b]0;title\x07 escapes\nand two lines")
        store.save_review(
            "first-card",
            fsrs_state(now - dt.timedelta(hours=1), 2),
            3,
            now - dt.timedelta(days=3),
        )
        store.save_review(
            "second-card",
            fsrs_state(now + dt.timedelta(days=2), 1),
            1,
            now,
            4000,
            "a guess",
        )


def test_stats_json_on_an_empty_folder_creates_nothing(run: Run, data_dir: Path) -> None:
    code, out, err = run("stats", "--json")
    assert code == 0 and err == ""
    figures = json.loads(out)
    assert figures == {
        "pack": {"id": "progress-mini", "title": "A Small Article [b]with markup[/b]"},
        "reading": {
            "sections_read": 0,
            "sections_total": 2,
            "percent_read": 0.0,
            "reread_queue": 0,
        },
        "bookmarks": 0,
        "notes": 0,
        "cards": {"total": 2, "new": 2, "learning": 0, "review": 0, "relearning": 0},
        "reviews": {"today": 0, "total": 0},
        "true_retention": {"percent": None, "reviews": 0},
        "streak_days": 0,
        "due": {"now": 0, "next_7_days": 0},
        "my_cards": 0,
        "saved": True,
    }
    assert not data_dir.exists()


@pytest.mark.usefixtures("with_progress")
def test_stats(run: Run) -> None:
    code, out, _ = run("stats", "--json")
    figures = json.loads(out)
    assert code == 0
    assert figures["reading"] == {
        "sections_read": 1,
        "sections_total": 2,
        "percent_read": 50.0,
        "reread_queue": 1,
    }
    assert (figures["bookmarks"], figures["notes"]) == (1, 1)
    assert figures["cards"] == {"total": 2, "new": 0, "learning": 1, "review": 1, "relearning": 0}
    assert figures["reviews"] == {"today": 1, "total": 2}
    assert figures["due"] == {"now": 1, "next_7_days": 1}

    code, out, _ = run("stats")
    assert code == 0
    assert "1 of 2 sections (50%); 1 to re-read" in out
    assert "1 today, 2 in all" in out


@pytest.mark.usefixtures("with_progress")
def test_notes_in_text_markdown_and_json(run: Run) -> None:
    code, out, _ = run("notes")
    assert code == 0
    assert "Opening ¶2" in out and "with [brackets] in it" in out
    assert "\x1b" not in out and "\x07" not in out
    assert "> A note with escapes" in out and "> and two lines" in out

    code, out, _ = run("notes", "--markdown")
    assert code == 0
    assert out.startswith("# Bookmarks and notes: A Small Article [b]with markup[/b]\n")
    assert "## Bookmarks" in out and "### Opening ¶1" in out and "\x1b" not in out

    code, out, _ = run("notes", "--json")
    shown = json.loads(out)
    assert [b["paragraph"] for b in shown["bookmarks"]] == [2]
    assert shown["notes"][0]["passage"] == "The first paragraph of the opening."
    assert set(shown["notes"][0]) == {
        "id",
        "section",
        "section_title",
        "paragraph",
        "passage",
        "text",
        "created",
        "updated",
    }


def test_notes_when_there_are_none(run: Run, data_dir: Path) -> None:
    code, out, _ = run("notes")
    assert (code, out) == (0, "No bookmarks or notes yet.\n")
    assert not data_dir.exists()


@pytest.mark.usefixtures("with_progress")
def test_export_then_import_into_an_empty_folder(run: Run, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    code, out, err = run("export", str(first))
    assert code == 0 and out == "" and "Exported" in err
    elsewhere = tmp_path / "elsewhere"
    code, out, _ = run("import", str(first), data_dir=elsewhere)
    assert code == 0 and "2 reviews" in out
    code, out, _ = run("import", str(first), data_dir=elsewhere)
    assert (code, out.strip()) == (0, f"Imported from {first}: nothing new.")
    assert run("export", str(second), data_dir=elsewhere)[0] == 0
    assert second.read_bytes() == first.read_bytes()

    code, out, _ = run("export", "-")
    assert code == 0 and json.loads(out) == json.loads(first.read_text())


@pytest.mark.usefixtures("with_progress")
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01garbage", "not UTF-8|not valid JSON"),
        (b'{"format": "summitreader-progress", "version": 99}', "newer summitreader"),
        (
            b'{"format": "summitreader-progress", "version": 1, "pack": {"id": "else"}}',
            "for the pack 'else'",
        ),
        (b"[]", "not a summitreader progress file"),
    ],
)
def test_a_bad_import_changes_nothing(
    run: Run, tmp_path: Path, content: bytes, message: str
) -> None:
    before = tmp_path / "before.json"
    run("export", str(before))
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    code, out, err = run("import", str(bad))
    assert code == 1 and out == ""
    assert err.startswith("summitreader: nothing imported: ")
    assert re.search(message, err)
    after = tmp_path / "after.json"
    run("export", str(after))
    assert after.read_bytes() == before.read_bytes()


def test_import_of_a_missing_file(run: Run, tmp_path: Path) -> None:
    code, _, err = run("import", str(tmp_path / "nope.json"))
    assert code == 1 and "cannot read" in err


def test_export_to_an_impossible_place(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    code, _, err = run("export", str(tmp_path / "a-file" / "out.json"))
    assert code == 1 and err.startswith("summitreader: cannot write")


@pytest.mark.usefixtures("with_progress")
def test_reset_asks_then_backs_up_and_clears(run: Run, data_dir: Path) -> None:
    code, _, err = run("reset")
    assert code == 1 and "--yes" in err
    assert json.loads(run("stats", "--json")[1])["notes"] == 1

    code, out, _ = run("reset", "--yes")
    assert code == 0 and "cleared" in out
    backups = list((data_dir / "backups").iterdir())
    assert len(backups) == 1 and str(backups[0]) in out
    figures = json.loads(run("stats", "--json")[1])
    assert (figures["notes"], figures["reviews"]["total"]) == (0, 0)


def test_reset_with_nothing_to_clear(run: Run, data_dir: Path) -> None:
    code, out, _ = run("reset", "--yes")
    assert (code, out) == (0, "There is no progress to clear.\n")
    assert not data_dir.exists()


def test_a_damaged_file_is_reported_and_the_command_works(run: Run, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "progress.sqlite3").write_bytes(os.urandom(3000))
    code, out, err = run("stats", "--json")
    assert code == 0 and json.loads(out)["saved"] is True
    assert err.startswith("summitreader: The progress file was damaged. It has been kept as ")


def test_an_impossible_data_folder(run: Run, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    impossible = tmp_path / "a-file" / "data"
    code, out, err = run("stats", "--json", data_dir=impossible)
    assert code == 0 and json.loads(out)["saved"] is False
    assert "will not be saved" in err
    export = tmp_path / "export.json"
    export.write_text(json.dumps({"format": "summitreader-progress", "version": 1}))
    code, _, err = run("import", str(export), data_dir=impossible)
    assert code == 1 and "nothing was imported" in err
    code, _, err = run("reset", "--yes", data_dir=impossible)
    assert code == 1 and "nothing was cleared" in err


@pytest.mark.usefixtures("with_progress")
def test_export_counts_in_the_singular_when_there_is_one(run: Run, tmp_path: Path) -> None:
    code, _, err = run("export", str(tmp_path / "out.json"))
    assert code == 0
    assert "(1 read section, 1 bookmark, 1 note, 2 reviews)" in err


def test_notes_markdown_cuts_a_long_passage_at_a_word(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from summitreader.paths import default_pack_dir

    pack = load_pack(default_pack_dir())
    paragraph = pack.section("context-and-background").paragraph(2)
    assert paragraph is not None and len(paragraph.text) > 400
    with open_store(data_dir, pack) as store:
        store.add_bookmark("context-and-background", 2)
    code, out, _ = Run(default_pack_dir(), data_dir, capsys)("notes", "--markdown")
    assert code == 0
    quoted = next(line for line in out.splitlines() if line.startswith("  > "))[4:]
    assert quoted.endswith("…") and len(quoted) <= 400
    kept = quoted[:-1]
    words = paragraph.text.split()
    assert kept.split() == words[: len(kept.split())]  # whole words only


HOSTILE = (
    "Note \x1b]0;owned-title\x07 \x1b]52;c;b3duZWQ=\x07 \x1b[6n \x1b[2J \x9b31m \x9d0;x\x9c "
    "\u202eevil\u202c \u2066iso\u2069 \x85end"
)


def assert_plain(text: str) -> None:
    assert clean_text(text) == text
    assert "owned" not in text and "\x9b" not in text and "\u202e" not in text


@pytest.mark.usefixtures("with_progress")
def test_export_to_standard_output_writes_no_terminal_controls(run: Run, data_dir: Path) -> None:
    conn = sqlite3.connect(data_dir / "progress.sqlite3")  # as an older version kept a note
    with conn:
        conn.execute("UPDATE notes SET text = ?", (HOSTILE,))
    conn.close()
    code, out, _ = run("export", "-")
    assert code == 0
    assert clean_text(out) == out  # escaped in the JSON ...
    assert json.loads(out)["notes"][0]["text"] == HOSTILE  # ... and not lost


def test_an_imported_hostile_note_is_printed_clean(
    run: Run, tmp_path: Path, data_dir: Path
) -> None:
    now = dt.datetime.now(dt.UTC).isoformat()
    document = {
        "format": "summitreader-progress",
        "version": 1,
        "pack": {"id": "progress-mini"},
        "notes": [
            {
                "uid": "u1",
                "section": "opening",
                "paragraph": 1,
                "text": HOSTILE,
                "created": now,
                "updated": now,
            }
        ],
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run("import", str(path))
    assert code == 0 and "1 note." in out
    for args in (("notes",), ("notes", "--markdown"), ("notes", "--json"), ("export", "-")):
        code, out, err = run(*args)
        assert code == 0
        assert_plain(out)
        assert_plain(err)
        assert "evil" in out and "end" in out
