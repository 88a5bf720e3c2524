"""Authoring and the library stand without the terminal UI, and trafilatura is imported only when
an HTML page is added. Each check runs in a fresh interpreter."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

CHECK = """
import json, sys
from pathlib import Path
import summitreader.library
from summitreader.authoring import add_article
add_article(Path(sys.argv[1]), Path(sys.argv[2]))
before = sorted({m.split(".")[0] for m in sys.modules} & {"textual", "rich", "trafilatura"})
add_article(Path(sys.argv[3]), Path(sys.argv[2]))
after = sorted({m.split(".")[0] for m in sys.modules} & {"textual", "rich", "trafilatura"})
print(json.dumps([before, after]))
"""


def test_authoring_imports_no_ui_and_trafilatura_only_for_html(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            CHECK,
            str(FIXTURES / "photosynthesis.md"),
            str(tmp_path / "library"),
            str(FIXTURES / "eiffel-tower.html"),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    before, after = json.loads(result.stdout)
    assert before == []
    assert after == ["trafilatura"]
