"""Which article a removed pack was (the setting ``removed_pack``) is the library's record,
kept under the pack's id: it is not the reader's progress, so an export leaves it out and an
import never takes it. Real progress file, real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summitreader.cli import main
from summitreader.library import REMOVED_SETTING, record_removed
from summitreader.pack import load_pack
from summitreader.progress import open_store
from summitreader.progress.exchange import export_progress, import_progress

ARTICLE = "# Alpha\n\nThe alpha article talks about one thing.\n\n## Part\n\nSecond alpha text.\n"


def test_the_removed_record_is_not_exported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    folder = tmp_path / "article.md"
    folder.write_text(ARTICLE, encoding="utf-8")
    assert (
        main(
            [
                "--data-dir",
                str(data),
                "--cache-dir",
                str(tmp_path / "c"),
                "add",
                str(folder),
                "--id",
                "alpha",
            ]
        )
        == 0
    )
    pack = load_pack(data / "library" / "alpha")
    with open_store(data, pack) as store:
        store.mark_read(pack.sections[0].id)
        store.set_setting("theme", "dark")
        record_removed(store, data / "library" / "alpha")
        assert store.get_setting(REMOVED_SETTING) is not None  # it is kept, for the library
        keys = [s["key"] for s in export_progress(store)["settings"]]
    assert "theme" in keys
    assert REMOVED_SETTING not in keys


def test_an_import_does_not_take_the_removed_record(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    folder = tmp_path / "article.md"
    folder.write_text(ARTICLE, encoding="utf-8")
    main(
        [
            "--data-dir",
            str(data),
            "--cache-dir",
            str(tmp_path / "c"),
            "add",
            str(folder),
            "--id",
            "alpha",
        ]
    )
    pack = load_pack(data / "library" / "alpha")
    with open_store(data, pack) as store:
        document = export_progress(store)
        stamp = store.now().isoformat(timespec="seconds")
    document["settings"] = [
        {
            "key": REMOVED_SETTING,
            "value": {"sha256": "0" * 64, "content_hash": "x"},
            "updated": stamp,
        },
        {"key": "theme", "value": "dark", "updated": stamp},
    ]
    target = tmp_path / "progress.json"
    target.write_text(json.dumps(document), encoding="utf-8")
    with open_store(data, pack) as store:
        import_progress(store, json.loads(target.read_text(encoding="utf-8")))
        assert store.get_setting("theme") == "dark"
        assert store.get_setting(REMOVED_SETTING) is None
