"""The CLI's tables fit the terminal (COLUMNS), and stdout holds the table alone."""

from __future__ import annotations

import pytest

from summitreader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[str, str]:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    return out, err


@pytest.fixture(autouse=True)
def _private_folders(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SUMMITREADER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SUMMITREADER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.mark.parametrize("group", ["meetings", "cards", "issues", "sections", "takeaways", "notes"])
@pytest.mark.parametrize("columns", [80, 60])
def test_every_list_fits_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, group: str, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    out, _ = run(capsys, "list", group)
    too_wide = [line for line in out.splitlines() if len(line) > columns]
    assert too_wide == []


def test_a_narrow_terminal_wraps_titles_and_drops_columns_in_order(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out, _ = run(capsys, "list", "meetings")
    lines = out.splitlines()
    assert lines[0].split() == ["id", "date", "setting", "title"]  # "held" went first
    # Every word of every title is still there, wrapped under its column.
    column = lines[0].index("title")
    titles = " ".join(line[column:] for line in lines[1:])
    assert "Joint Base" not in titles  # places are not titles
    assert "Hamburg G20 leaders' dinner" in " ".join(titles.split())
    monkeypatch.setenv("COLUMNS", "80")
    out, _ = run(capsys, "list", "cards")
    header = out.splitlines()[0].split()
    assert header == ["id", "generated", "prompt"]  # the kind goes before the generated flag


def test_hints_go_to_stderr_so_stdout_is_the_table_alone(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    for group in ("meetings", "issues"):
        out, err = run(capsys, "list", group)
        assert "full records" not in out
        assert f"list {group} --json" in err
    out, err = run(capsys, "list", "notes")
    assert "summitreader notes" in err and "summitreader notes" not in out
