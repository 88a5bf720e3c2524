"""Fixtures of the pack tests: a small valid pack in a temporary folder (see ``packfactory``)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from packfactory import write_pack


@pytest.fixture
def make_pack(tmp_path: Path) -> Callable[..., Path]:
    """``make_pack({"meetings.yaml": "..."})`` writes the small pack, with those files' text
    instead, into a fresh folder under ``tmp_path`` and returns the folder."""
    count = 0

    def make(overrides: Mapping[str, str | bytes | None] | None = None) -> Path:
        nonlocal count
        count += 1
        return write_pack(tmp_path / f"pack{count}", overrides)

    return make
