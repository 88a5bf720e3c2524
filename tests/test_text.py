"""Shortening text for one-line displays."""

from summitreader.text import shorten


def test_short_text_is_kept_on_one_line():
    assert shorten("two\n  lines", 20) == "two lines"


def test_long_text_is_cut_with_an_ellipsis_within_the_width():
    assert shorten("abcdefghij", 5) == "abcd…"
    assert len(shorten("x" * 500, 90)) == 90


def test_zero_width_gives_only_the_ellipsis():
    assert shorten("abc", 0) == "…"
