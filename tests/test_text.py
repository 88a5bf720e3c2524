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


def test_bidirectional_marks_and_invisible_characters_are_removed():
    # LRM, RLM and ALM reorder what is around them; zero-width spaces, word joiners, the
    # zero-width no-break space and tag characters hide text or shift a border out of line.
    from summitreader.text import clean_text

    hidden = "a\u200eb\u200fc\u061cd\u200be\u2060f\ufeffg\U000e0041\U000e0042h"
    assert clean_text(hidden) == "abcdefgh"
    assert clean_text("evil title\u200f") == "evil title"


def test_joiners_that_scripts_and_emoji_need_are_kept():
    from summitreader.text import clean_text

    persian = "می\u200cخواهم"  # the zero-width non-joiner is part of the word
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined
    assert clean_text(persian) == persian
    assert clean_text(family) == family


def test_an_exported_document_writes_characters_beyond_the_basic_plane_as_valid_json():
    import json

    from summitreader.progress.exchange_document import dump

    document = {"note": "tag \U000e0041 and rlm \u200f and emoji \U0001f600"}
    text = dump(document)
    assert "\U000e0041" not in text and "\u200f" not in text  # escaped, never raw
    assert "\\udb40\\udc41" in text
    assert json.loads(text) == document
