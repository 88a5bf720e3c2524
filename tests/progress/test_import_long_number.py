"""A progress file holding a whole number of thousands of digits is valid JSON that Python will
not read: it is refused as what it is, not as "not valid JSON"."""

from __future__ import annotations

import pytest

from summitreader.progress.exchange import ExchangeError, read_document


def test_a_number_with_too_many_digits_is_named(tmp_path):
    source = tmp_path / "bigint.json"
    source.write_text('{"format": "summitreader-progress", "x": ' + "9" * 5000 + "}")
    with pytest.raises(ExchangeError) as refused:
        read_document(source)
    message = str(refused.value)
    assert "a number with too many digits" in message
    assert "not valid JSON" not in message
