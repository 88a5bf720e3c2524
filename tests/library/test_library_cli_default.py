"""Commands without ``--pack`` work on the pack read last, as the app opens it; stderr says which
pack that is when it is not the one that ships (stdout keeps the tables and JSON). Through the
command line's real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.authoring import add_article
from summitreader.cli import main
from summitreader.library import LAST_FILE, library_dir, remember_last, shipped_ids

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("SUMMITREADER_DATA_DIR", str(folder))
    monkeypatch.setenv("SUMMITREADER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SUMMITREADER_DEBUG", raising=False)
    return folder


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit:
        code = exit.code if isinstance(exit.code, int) else 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_without_pack_the_commands_work_on_the_pack_read_last(data, capsys):
    added = add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids())
    remember_last(data, added.path)
    code, out, err = cli(capsys, "list", "sections", "--json")
    assert code == 0
    sections = json.loads(out)
    assert sections and "call-to-action" not in out  # not the shipped pack's
    assert "on Photosynthesis (photosynthesis), the pack read last" in err
    code, out, err = cli(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)
    # --pack still chooses: the shipped pack, said by nothing.
    code, out, err = cli(capsys, "--pack", "trump-putin-summits", "list", "sections")
    assert code == 0 and "call-to-action" in out and err == ""


def test_with_nothing_read_yet_the_commands_work_on_the_shipped_pack_quietly(data, capsys):
    code, out, err = cli(capsys, "list", "sections")
    assert code == 0 and "call-to-action" in out
    assert err == ""


def test_a_pack_read_last_that_is_gone_is_said_and_the_shipped_pack_used(data, capsys):
    (library_dir(data)).mkdir(parents=True)
    (library_dir(data) / LAST_FILE).write_text(json.dumps({"pack": "gone-away"}))
    code, out, err = cli(capsys, "list", "sections")
    assert code == 0 and "call-to-action" in out
    assert "the pack read last (gone-away) is no longer in the library" in err


def test_a_pack_read_last_that_no_longer_loads_is_said_and_the_shipped_pack_used(data, capsys):
    added = add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids())
    remember_last(data, added.path)
    (added.path / "pack.yaml").write_text("id: [\n")
    code, out, err = cli(capsys, "list", "sections")
    assert code == 0 and "call-to-action" in out
    assert "cannot be loaded" in err and "working on the pack that ships" in err


def test_the_help_says_the_default_is_the_pack_read_last(data, capsys):
    code, out, _ = cli(capsys, "--help")
    assert code == 0
    assert "the pack read last" in " ".join(out.split())
