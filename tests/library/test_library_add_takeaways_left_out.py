"""A takeaways list too long for one section is cut into parts, and only its first part gives
takeaways: ``add`` says how many items were left out and why, in its summary and its JSON
(it said nothing: 20,000 items gave about 80 takeaways, silently)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.cli import main

ITEMS = 600


def _article(tmp_path: Path) -> Path:
    items = "".join(
        f"- **Point number {n}:** the harvest of field {n} was weighed and recorded carefully.\n"
        for n in range(1, ITEMS + 1)
    )
    text = (
        "# Harvests\n\n## Overview\n\n"
        "Every field of the farm was harvested by hand and its grain weighed and recorded.\n\n"
        "## Key takeaways\n\n" + items
    )
    source = tmp_path / "harvests.md"
    source.write_text(text, encoding="utf-8")
    return source


def _add(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> tuple[int, str]:
    data = tmp_path / "data"
    code = main(["--data-dir", str(data), "--cache-dir", str(tmp_path / "cache"), "add", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return code, out


def test_the_json_says_how_many_takeaway_items_were_left_out_and_why(capsys, tmp_path):
    _, out = _add(capsys, tmp_path, "--json", str(_article(tmp_path)))
    added = json.loads(out)
    kept = added["takeaways"]
    assert 0 < kept < ITEMS
    assert added["takeaways_left_out"] == ITEMS - kept
    why = added["takeaways_left_out_why"]
    assert "'Key takeaways' is too long for one section" in why
    assert f"only the {kept} items of its first part" in why


def test_the_summary_says_it_too(capsys, tmp_path):
    _, out = _add(capsys, tmp_path, str(_article(tmp_path)))
    line = next(line for line in out.splitlines() if "left out:" in line)
    assert "items of the takeaways list left out: the list 'Key takeaways'" in line


def test_a_list_that_fits_leaves_nothing_out(capsys, tmp_path):
    source = tmp_path / "short.md"
    source.write_text(
        "# Short\n\n## Overview\n\nThe grain of every field was weighed and recorded.\n\n"
        "## Key takeaways\n\n- **Weighing:** the grain of every field was weighed.\n",
        encoding="utf-8",
    )
    _, out = _add(capsys, tmp_path, "--json", str(source))
    added = json.loads(out)
    assert (added["takeaways"], added["takeaways_left_out"]) == (1, 0)
    assert added["takeaways_left_out_why"] is None
