"""What `import` says: a clear message naming the record for every refused document (deep
nesting, NaN and Infinity, FSRS fields out of range, a time near year 1), plain English counts,
and the records of sections the pack does not have told rather than silently left unshown."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from summitreader.cli import main
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.progress.exchange import export_progress
from support.progress_pack import fsrs_state

NOW = dt.datetime.now(dt.UTC)
WHEN = (NOW - dt.timedelta(hours=1)).isoformat()


@pytest.fixture
def empty(pack_dir: Path, tmp_path: Path) -> dict[str, Any]:
    with open_store(tmp_path / "empty", load_pack(pack_dir)) as store:
        return export_progress(store)


def run_import(
    pack_dir: Path, data_dir: Path, text: str, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    path = data_dir.parent / "in.json"
    path.write_text(text)
    capsys.readouterr()
    code = main(["--pack", str(pack_dir), "--data-dir", str(data_dir), "import", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "internal error" not in err
    return code, out, err


def card_state(**fields: Any) -> dict[str, Any]:
    return {
        "card_id": "first-card",
        "state": {
            **fsrs_state(NOW + dt.timedelta(days=2), 2, NOW - dt.timedelta(days=1)),
            **fields,
        },
        "updated": WHEN,
    }


def review(**fields: Any) -> dict[str, Any]:
    return {"card_id": "first-card", "rating": 3, "reviewed_at": WHEN, **fields}


@pytest.mark.parametrize(
    ("kind", "record", "message"),
    [
        (
            "settings",
            {"key": "k", "value": "@NEST@", "updated": WHEN},
            "settings[0].value: nested more than 64 lists or objects deep",
        ),
        (
            "reviews",
            review(duration_ms="@NAN@"),
            "reviews[0].duration_ms: expected a whole number",
        ),
        (
            "settings",
            {"key": "k", "value": "@NAN@", "updated": WHEN},
            "settings[0].value: NaN is not a finite number",
        ),
        (
            "settings",
            {"key": "k", "value": ["@INF@"], "updated": WHEN},
            "settings[0].value[0]: -Infinity is not a finite number",
        ),
        (
            "card_states",
            card_state(difficulty=1e308),
            "card_states[0].state.difficulty: expected a number from 1 to 10",
        ),
        (
            "card_states",
            card_state(step=10**18, state=1),
            "card_states[0].state.step: expected a learning step from 0 to 99",
        ),
        (
            "reviews",
            review(prior_state=9),
            "reviews[0].prior_state: expected 1, 2 or 3",
        ),
        (
            "reviews",
            review(reviewed_at="0001-01-01T00:30:00+01:00"),
            "reviews[0].reviewed_at: 0001-01-01T00:30:00+01:00 is before 1970",
        ),
    ],
)
def test_a_refused_record_is_named_with_the_reason(
    pack_dir: Path,
    data_dir: Path,
    empty: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    kind: str,
    record: dict[str, Any],
    message: str,
) -> None:
    text = json.dumps({**empty, kind: [record]})
    text = text.replace('"@NEST@"', "[" * 500 + "]" * 500)
    text = text.replace('"@NAN@"', "NaN").replace('"@INF@"', "-Infinity")
    code, out, err = run_import(pack_dir, data_dir, text, capsys)
    assert code == 1 and out == ""
    assert f"nothing imported: {message}" in err
    assert not data_dir.exists()


def test_counts_are_plain_english_and_unknown_sections_are_told(
    pack_dir: Path, data_dir: Path, empty: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    document = {
        **empty,
        "reread_queue": [{"section": "closing", "queued_at": WHEN}],
        "read_sections": [
            {"section": "opening", "read_at": WHEN},
            {"section": "closing", "read_at": WHEN},
        ],
        "bookmarks": [
            {"section": "opening", "paragraph": 1, "created": WHEN},
            {"section": "gone-section", "paragraph": 2, "created": WHEN},
        ],
        "reviews": [review()],
    }
    code, out, err = run_import(pack_dir, data_dir, json.dumps(document), capsys)
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0].endswith(": 2 sections read, 1 section to re-read, 2 bookmarks, 1 review.")
    assert lines[1] == (
        "The file has 1 bookmark of sections this pack does not have: kept (they come back with "
        "those sections, and export keeps them), but not shown."
    )
