"""An article saved as UTF-16 or UTF-32 without a byte-order mark is read as such (it used to be
called a binary file); a file whose NUL bytes fall anywhere is still refused as binary, with the
encodings to name if it is text."""

from __future__ import annotations

from pathlib import Path

import pytest

from summitreader.authoring import AuthoringError, add_article
from summitreader.authoring.source import read_source
from summitreader.pack import load_pack

ARTICLE = Path(__file__).parent / "fixtures" / "photosynthesis.md"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_wide_encoding_without_a_byte_order_mark_is_detected(tmp_path: Path, encoding: str):
    text = ARTICLE.read_text(encoding="utf-8")
    source = tmp_path / "photosynthesis.md"
    source.write_bytes(text.encode(encoding))
    read = read_source(source)
    assert read.encoding == encoding
    assert read.text == text.replace("\r\n", "\n")
    added = add_article(source, tmp_path / "library")
    assert added.encoding == encoding
    assert load_pack(added.path).title == "Photosynthesis"


def test_a_binary_file_is_still_refused_and_the_wide_encodings_are_named(tmp_path: Path):
    source = tmp_path / "picture.txt"
    source.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(AuthoringError, match=r"binary file.*--encoding utf-16-le"):
        read_source(source)
