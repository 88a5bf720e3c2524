"""One rule for a cloze card's blanks, shared by the loader, the lint and the screen: a blank may
run over a line break, so a second blank after one that does is never shown as plain text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import PackError, load_pack
from summitreader.pack.cloze import blanks
from summitreader.study.deck import cloze_parts
from support.packs import CARDS_YAML, replace_once

PROMPT = "Held in {{Hel\nsinki}}, where {{Trump}} sided with Putin."


def test_a_blank_over_a_line_break_counts_so_two_blanks_are_refused(
    make_pack: Callable[..., Path],
) -> None:
    cards = replace_once(
        CARDS_YAML,
        "  prompt: The first point is about {{sanctions}}.\n  answer: sanctions\n",
        '  prompt: "Held in {{Hel\\nsinki}}, where {{Trump}} sided with Putin."\n'
        "  answer: Trump\n",
    )
    with pytest.raises(PackError) as caught:
        load_pack(make_pack({"cards.yaml": cards}))
    messages = [str(p) for p in caught.value.problems]
    assert any("card-cloze" in m and "exactly one {{phrase}}" in m for m in messages), messages


def test_the_screen_splits_by_the_same_rule() -> None:
    assert blanks(PROMPT) == ["Hel\nsinki", "Trump"]
    before, phrase, after = cloze_parts(PROMPT)
    assert after.startswith(", where {{Trump}}")
    assert (before, phrase) == ("Held in ", "Hel\nsinki")
    assert blanks("one {{blank}} only") == ["blank"] and blanks("{{}}") == []
