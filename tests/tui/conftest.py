"""The app tests' clock stands at half past nine (the snapshots were drawn at that moment); the
app itself is built by the shared ``build_app`` fixture of ``tests/conftest.py``."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from support.clock import Clock

FIXED_NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    return Clock(FIXED_NOW)
