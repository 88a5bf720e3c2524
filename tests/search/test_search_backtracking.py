"""A query made of one long run of letters that ends in a character no word holds (``kind:``,
``:``) once sent the word pattern into exponential backtracking: 29 letters took 88 s, and the
property test of search took minutes. These run in a child process so that a regression fails at
a generous guard instead of hanging the suite; the guard is a hang check, not a speed goal."""

from __future__ import annotations

import subprocess
import sys

import pytest

LONG_RUNS = [
    "summitANDNOTsummitsummitkind:",
    "a" * 80 + ":",
    "ﬁnlandhelsinki" * 6 + "True:",
    "x" * 40 + "é" * 40 + "-",
]
HANG_GUARD = 120


def run_child(code: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=HANG_GUARD
        )
    except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test exists for
        pytest.fail(f"still running after {HANG_GUARD} s: the word pattern backtracks")


@pytest.mark.parametrize("typed", LONG_RUNS)
def test_a_long_run_of_letters_is_made_a_prefix_or_left_alone_at_once(typed: str) -> None:
    done = run_child(
        "from summitreader.search.query import as_prefix\n"
        f"print(repr(as_prefix({typed!r})))\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == repr(typed)  # it ends in no word: nothing to complete


def test_the_word_pattern_still_reads_dotted_words_as_one() -> None:
    from summitreader.search.schema import WORD

    assert [m.group() for m in WORD.finditer("the U.S. and 9M729, café.")] == [
        "the",
        "U.S",
        "and",
        "9M729",
        "café",
    ]
