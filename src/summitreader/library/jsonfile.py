"""The library's small JSON files (``last.json``, a pack's ``origin.json``), read as records
from outside: whatever they hold, reading one never raises."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from summitreader.pack.yamlsafe import MAX_BYTES, Problem, read_text


def read_json_object(path: Path, limit: int = MAX_BYTES) -> dict[str, Any] | None:
    """The JSON object in ``path``; None when the file is missing, not a regular file, over
    ``limit`` bytes, not UTF-8, not JSON, nested too deep to read (a file of 100,000 ``[``
    makes the parser raise RecursionError) or not an object."""
    problems: list[Problem] = []
    text = read_text(Path(path), Path(path).name, problems, limit)
    if text is None:
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None
