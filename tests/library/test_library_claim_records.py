"""A claim record that cannot be followed (a folder path too long to probe, a folder that cannot
be entered, a record of the wrong shape) counts as a folder gone: the pack opening takes the claim
over, never fails. On a real library and progress file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summitreader.authoring import add_article
from summitreader.library import CLAIM_SETTING, check_claim, library_dir, shipped_ids
from summitreader.pack import load_pack
from summitreader.progress import open_store
from support.clock import START

FIXTURES = Path(__file__).parent / "fixtures"


def added(data: Path) -> Path:
    return add_article(FIXTURES / "photosynthesis.md", library_dir(data), taken=shipped_ids()).path


def claim_over(data: Path, folder: Path, record: object) -> tuple[str | None, object]:
    """Store ``record`` as the claim of the pack in ``folder``, then open it as the app does."""
    pack = load_pack(folder)
    with open_store(data, pack, clock=lambda: START) as store:
        store.set_setting(CLAIM_SETTING, record)
    with open_store(data, pack, clock=lambda: START) as store:
        claim = check_claim(store, folder)
        return claim.notice, claim.record


def test_a_recorded_folder_too_long_to_probe_is_gone(tmp_path):
    folder = added(tmp_path)
    long = "/" + "a" * 300 + "/b"  # one name over the 255 bytes a file name can have
    notice, record = claim_over(tmp_path, folder, {"folder": long, "content_hash": "x"})
    assert notice is None
    assert record == {
        "folder": str(folder.resolve()),
        "content_hash": load_pack(folder).content_hash,
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters any folder")
def test_a_recorded_folder_that_cannot_be_entered_is_gone(tmp_path):
    folder = added(tmp_path)
    closed = tmp_path / "closed"
    (closed / "pack").mkdir(parents=True)
    closed.chmod(0)
    try:
        notice, record = claim_over(tmp_path, folder, {"folder": str(closed / "pack")})
    finally:
        closed.chmod(0o700)
    assert notice is None and record is not None


@pytest.mark.parametrize(
    "malformed",
    [
        "/a/folder",
        ["/a/folder"],
        {"folder": 3},
        {"folder": ""},
        {"folder": "relative/folder"},
        {"folder": "/nul\x00in/it"},
    ],
)
def test_a_malformed_record_is_ignored(tmp_path, malformed):
    folder = added(tmp_path)
    notice, record = claim_over(tmp_path, folder, malformed)
    assert notice is None and record is not None
