"""The study modules have no Textual in them, and importing them creates nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

MODULES = (
    "summitreader.study",
    "summitreader.study.deck",
    "summitreader.study.generated_cards",
    "summitreader.study.card_passages",
    "summitreader.study.choices",
    "summitreader.study.grading",
    "summitreader.study.schedule",
    "summitreader.study.session",
    "summitreader.study.plan",
    "summitreader.study.mastery",
    "summitreader.cli.study_commands",
)


def test_study_modules_do_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in MODULES)
        + "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        + "print(','.join(bad))\n"
    )
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "SUMMITREADER_DATA_DIR": str(tmp_path / "data"),
        "SUMMITREADER_CACHE_DIR": str(tmp_path / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []
