"""Shortening text for one-line displays, and cleaning text from outside."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from summitreader.text import shorten


def test_short_text_is_kept_on_one_line():
    assert shorten("two\n  lines", 20) == "two lines"


def test_long_text_is_cut_with_an_ellipsis_within_the_width():
    assert shorten("abcdefghij", 5) == "abcd…"
    assert len(shorten("x" * 500, 90)) == 90


def test_zero_width_gives_only_the_ellipsis():
    assert shorten("abc", 0) == "…"


def test_a_c1_control_sequence_goes_whole():
    from summitreader.text import clean_text

    assert clean_text("a\x9b31mred\x9b0m b") == "ared b"
    assert clean_text("a\x9d0;title\x9c b") == "a b"


def test_an_escape_string_that_never_ends_loses_only_its_introducer():
    from summitreader.text import clean_text

    assert clean_text("before \x1b]0;no end, and the rest of the paragraph") == (
        "before 0;no end, and the rest of the paragraph"
    )
    assert clean_text("a \x1b]0;t\x07b \x1bP1$r\x1b\\c") == "a b c"


def test_shorten_at_word_keeps_whole_words():
    from summitreader.text import shorten_at_word

    assert shorten_at_word("Joint Base Elmendorf-Richardson, Anchorage", 25) == "Joint Base…"
    assert shorten_at_word("Hamburg, Germany (on the sidelines)", 20) == "Hamburg, Germany…"
    assert shorten_at_word("short enough", 20) == "short enough"
    assert shorten_at_word("onelongword", 5) == "onel…"  # no word fits: cut inside it


def test_plural():
    from summitreader.text import plural

    assert plural(1, "bookmark") == "1 bookmark"
    assert plural(0, "bookmark") == "0 bookmarks"
    assert plural(2, "match", "matches") == "2 matches"


def test_lone_surrogates_go():
    from summitreader.text import clean_text

    assert clean_text("a\ud800b\udfffc") == "abc"
    assert clean_text("a\ud800b").encode("utf-8") == b"ab"


ESCAPE_PARTS = st.sampled_from(list("\x1b[]PX^_\\\x07\x9b\x9c\x9d\x90;0m\r\n\u202e"))


@given(st.text(alphabet=st.one_of(st.characters(codec=None, categories=None), ESCAPE_PARTS)))
@settings(max_examples=300, deadline=None)
def test_cleaned_text_has_nothing_that_drives_a_terminal_and_cleans_to_itself(value):
    from summitreader.text import UNSAFE_CHARACTERS, clean_text

    cleaned = clean_text(value)
    assert not re.search(f"[{UNSAFE_CHARACTERS}]", cleaned)
    assert "\x1b" not in cleaned and "\r" not in cleaned
    assert clean_text(cleaned) == cleaned
    cleaned.encode("utf-8")
