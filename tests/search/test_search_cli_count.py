"""``summitreader search`` always ends with how many matches it found: when every hit is shown
("3 matches.") as when --limit leaves some out. Real pack folder, real index, real command."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.cli import main

PACK_YAML = """\
id: counttest
title: A Pack for Counting Matches
subtitle: Its standfirst.
source: Written for the tests.
sections:
  - {id: one, title: One, file: sections/01-one.md}
  - {id: two, title: Two, file: sections/02-two.md}
"""

ONE_MD = "Zeppelins over the bay.\n\nMore zeppelins at dusk.\n"
TWO_MD = "A last word on zeppelins.\n\nNothing here of them.\n"


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = tmp_path / "pack"
    (folder / "sections").mkdir(parents=True)
    (folder / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (folder / "sections" / "01-one.md").write_text(ONE_MD, encoding="utf-8")
    (folder / "sections" / "02-two.md").write_text(TWO_MD, encoding="utf-8")

    def run_search(*args: str) -> tuple[int, str]:
        code = main(
            [
                "--pack",
                str(folder),
                "--cache-dir",
                str(tmp_path / "cache"),
                "--data-dir",
                str(tmp_path / "data"),
                "search",
                *args,
            ]
        )
        return code, capsys.readouterr().out

    return run_search


def test_every_hit_shown_still_says_how_many(run) -> None:
    code, out = run("zeppelins")
    assert code == 0
    assert out.rstrip().splitlines()[-1] == "3 matches."


def test_one_hit_is_one_match(run) -> None:
    code, out = run("dusk")
    assert code == 0
    assert out.rstrip().splitlines()[-1] == "1 match."


def test_hits_left_out_by_the_limit_say_so(run) -> None:
    code, out = run("zeppelins", "--limit", "2")
    assert code == 0
    assert out.rstrip().splitlines()[-1] == "2 of 3 matches; --limit shows more."
