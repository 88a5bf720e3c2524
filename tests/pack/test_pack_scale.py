"""Deck building and the card lint grow linearly with the pack: a structural check (the number of
Python function calls made), never a timing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from summitreader.pack import load_pack
from summitreader.pack.lint import lint_cards
from summitreader.study.deck import build_deck
from support.packs import MEETINGS_YAML


def _meetings(count: int) -> str:
    lines = [MEETINGS_YAML]
    for n in range(count):
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        year = 1950 + n // 336
        lines.append(
            f"- {{id: q{n}, title: Meet {n}, date: '{year}-{month:02}-{day:02}', "
            f"place: 'Town {n}, Land', setting: summit, duration: d, issues: [], "
            f"outcome: 'o Meet {n + 1}', controversy: 'c Meet {n + 2}', in_article: false, "
            f"held: true, sources: ['https://example.org/{n}']}}\n"
        )
    return "\n".join(lines)


def _calls(make_pack: Callable[..., Path], count: int) -> tuple[int, int]:
    pack = load_pack(make_pack({"meetings.yaml": _meetings(count)}))
    calls = 0

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(profile)
    try:
        deck = build_deck(pack)
        lint_cards(pack, deck)
    finally:
        sys.setprofile(None)
    return calls, len(deck)


def test_deck_and_lint_work_grows_linearly_with_the_meetings(
    make_pack: Callable[..., Path],
) -> None:
    small, small_deck = _calls(make_pack, 100)
    large, large_deck = _calls(make_pack, 400)
    assert large_deck > 3 * small_deck
    # Four times the meetings: linear work is about four times as many calls; quadratic, sixteen.
    assert large < 6 * small, (small, large)
