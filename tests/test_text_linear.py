"""Cleaning takes time in proportion to the text's length: no pattern of :mod:`summitreader.text`
scans past the point where another match could start, so text made of thousands of unterminated
introducers (or of one long run of spaces) is cleaned in one pass. Checked on the patterns'
structure, not on a clock."""

from __future__ import annotations

import pytest

from summitreader.search.query import MAX_LENGTH, MAX_RAW_LENGTH, prepare
from summitreader.text import _ESCAPE_SEQUENCE, _LINE_BREAK, clean_text, one_paragraph

STRING_INTRODUCERS = [
    "\x9d",
    "\x90",
    "\x98",
    "\x9e",
    "\x9f",
    "\x1b]",
    "\x1bP",
    "\x1bX",
    "\x1b^",
    "\x1b_",
]
OTHERS = ["\x9d", "\x90", "\x9b", "\x85", "\x1b"]


@pytest.mark.parametrize("introducer", STRING_INTRODUCERS)
@pytest.mark.parametrize("other", OTHERS)
def test_a_string_sequence_ends_at_the_next_control(introducer, other):
    # The scan for a terminator stops at any other C1 control or ESC: it never crosses a place
    # where another sequence starts, so each character is scanned once.
    text = introducer + "0;title" + other + "more\x07"
    match = _ESCAPE_SEQUENCE.match(text)
    assert match is None or match.end() <= len(introducer) + len("0;title")


def test_a_string_sequence_cut_by_another_loses_its_introducer_only():
    assert clean_text("a\x9d0;title\x90dcs\x9cb") == "a0;titleb"
    assert clean_text("a\x1b]0;t\x9dx\x07b") == "a0;tb"


def test_terminated_sequences_go_whole_as_before():
    assert clean_text("a\x9d0;title\x9c b\x1b]8;;url\x1b\\c\x90q\x07d") == "a bcd"


@pytest.mark.parametrize("unit", ["\x9d", "\x90a", "\x1b]", "\x1b]a", "\x9b0", "\x1bP1"])
def test_many_unterminated_introducers_are_cleaned(unit):
    # 20,000 of them took from 16 to 27 seconds when each scanned to the end of the text.
    cleaned = clean_text(unit * 20000)
    assert cleaned == clean_text(cleaned)
    assert not any("\x80" <= c <= "\x9f" or c == "\x1b" for c in cleaned)


def test_a_line_break_match_starts_only_at_the_first_blank_of_a_run():
    text = "a" + " " * 50 + "b"
    assert _LINE_BREAK.match(text, 2) is None  # not from inside the run of spaces
    assert _LINE_BREAK.match("a   \n  b", 2) is None
    assert _LINE_BREAK.match("a   \n  b", 1) is not None


def test_one_paragraph_joins_lines_as_before():
    assert one_paragraph("a  \n  b \t\n\n c\u2028d\t") == "a b c d"
    assert one_paragraph(" " * 20000 + "x") == "x"  # took 12 s with a match tried from each space


def test_a_query_is_cut_before_it_is_cleaned():
    # A sequence whose terminator lies past the raw cut stays unterminated: only its introducer
    # goes, and what follows is a (too long) query, cut and said so.
    raw = "word \x1b]" + "x" * MAX_RAW_LENGTH + "\x07"
    prepared = prepare(raw)
    assert prepared.text.startswith("word ")
    assert len(prepared.text) <= MAX_LENGTH
    assert any("too long" in m for m in prepared.messages)


def test_a_huge_pasted_query_is_cut_and_said_so():
    prepared = prepare("\x9d" * 1_000_000 + "a")
    assert prepared.text == ""  # the "a" was past the cut
    assert any("too long" in m for m in prepared.messages)
