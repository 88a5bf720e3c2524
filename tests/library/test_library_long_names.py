"""A pack named by a name longer than the system takes (in ``--pack`` or in the record of the
pack read last) is a pack that is not there, not an internal error of every command."""

from __future__ import annotations

import json

from summitreader import paths
from summitreader.cli import main
from summitreader.library import LAST_FILE, last_pack_read, library_dir

LONG = "a" * 300


def test_a_long_name_in_the_record_of_the_pack_read_last_opens_the_shipped_pack(tmp_path):
    library_dir(tmp_path).mkdir(parents=True)
    (library_dir(tmp_path) / LAST_FILE).write_text(json.dumps({"pack": LONG}))
    folder, gone = last_pack_read(tmp_path)
    assert folder == paths.default_pack_dir()
    assert gone == LONG


def test_a_long_pack_name_on_the_command_line_is_told(capsys, tmp_path):
    code = main(["--data-dir", str(tmp_path), "--pack", LONG, "stats"])
    err = capsys.readouterr().err
    assert code != 0
    assert "internal error" not in err
    assert "is neither a pack of the library nor a folder" in err
