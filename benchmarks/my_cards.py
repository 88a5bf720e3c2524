"""The reader's own cards: saving one from the card editor, and exporting a large deck to Anki.

    python benchmarks/my_cards.py [--rounds N] [--cards N]

1. Card save: the real app under Textual's headless driver, the real progress file. Time from
   ``ctrl+s`` in the card editor until the reader is the screen again (the card written and its
   mark drawn), against the same measure for the note dialog's ``enter`` (a note saved the same
   way) in the same process. The key is sent as the terminal would send it
   (``App.simulate_key``), not through Pilot's ``press``, which waits for the app to be idle.
2. Anki export: 10,000 cards of the reader's (cloze with two blanks, and question and answer)
   with the default pack's deck, written as an ``.apkg``; against genanki alone writing the
   same number of bare Basic notes, in the same process.

Used by ``benchmarks/run.py``; run alone, prints the figures as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import genanki

from summitreader.anki import write_package
from summitreader.pack import Pack, load_pack
from summitreader.paths import default_pack_dir
from summitreader.progress import open_store
from summitreader.progress.my_cards import MyCard
from summitreader.study.deck import build_deck

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
SAVE_GOAL_MS = 50.0
EXPORT_GOAL_S = 5.0


# -- saving a card from the dialog -------------------------------------------------------------


async def _save_rounds(pack: Pack, rounds: int) -> dict[str, list[float]]:
    from textual.widgets import Input, TextArea

    from summitreader.tui.factory import make_app
    from summitreader.tui.screens.card_editor import CardEditorScreen
    from summitreader.tui.screens.note import NoteScreen
    from summitreader.tui.screens.read import ReadScreen

    folder = Path(tempfile.mkdtemp(prefix="summit-bench-cards-"))
    store = open_store(folder / "data", pack, clock=lambda: START)
    app = make_app(pack, store, folder / "cache", clock=lambda: START)
    times: dict[str, list[float]] = {"card": [], "note": []}

    async def until(pilot: object, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 30
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError("the app did not get there in 30 s")
            await asyncio.sleep(0)

    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await until(pilot, lambda: isinstance(app.screen, ReadScreen))
            await until(pilot, lambda: bool(app.screen.passages()))  # type: ignore[attr-defined]
            for n in range(rounds):
                # A card: the dialog opened, a blank made, then ctrl+s timed until it is closed.
                await pilot.press("c")
                await until(pilot, lambda: isinstance(app.screen, CardEditorScreen))
                area = app.screen.query_one("#card-front", TextArea)
                area.load_text(f"Round {n}: the {{{{relationship}}}} between two states")
                await pilot.pause()
                started = time.perf_counter()
                app.simulate_key("ctrl+s")
                await until(pilot, lambda: isinstance(app.screen, ReadScreen))
                times["card"].append(time.perf_counter() - started)
                # The baseline: a note saved from the note dialog, the same way.
                await pilot.press("n")
                await until(pilot, lambda: isinstance(app.screen, NoteScreen))
                box = app.screen.query_one(Input)
                box.value = f"Note {n}"
                await pilot.pause()
                started = time.perf_counter()
                app.simulate_key("enter")
                await until(pilot, lambda: isinstance(app.screen, ReadScreen))
                times["note"].append(time.perf_counter() - started)
            assert len(store.my_cards()) == rounds
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    return times


def card_save_figures(pack: Pack, rounds: int = 20) -> dict[str, object]:
    times = asyncio.run(_save_rounds(pack, rounds))
    card = [1000 * t for t in times["card"]]
    note = [1000 * t for t in times["note"]]
    return {
        "rounds": rounds,
        "card_p50_ms": statistics.median(card),
        "card_max_ms": max(card),
        "note_p50_ms": statistics.median(note),
        "ratio_to_note": statistics.median(card) / statistics.median(note),
    }


# -- exporting to Anki -------------------------------------------------------------------------


def many_cards(pack: Pack, count: int) -> list[MyCard]:
    paragraphs = [p for s in pack.sections for p in s.paragraphs]
    cards = []
    for n in range(count):
        paragraph = paragraphs[n % len(paragraphs)]
        words = paragraph.text.split()
        if n % 2:
            cards.append(
                MyCard(
                    f"{n:016x}",
                    paragraph.section,
                    paragraph.number,
                    "qa",
                    f"What does ¶{paragraph.number} say ({n})?",
                    paragraph.text,
                    START,
                    START,
                )
            )
        else:
            text = " ".join(f"{{{{{w}}}}}" if i in (1, 5) else w for i, w in enumerate(words[:40]))
            cards.append(
                MyCard(
                    f"{n:016x}",
                    paragraph.section,
                    paragraph.number,
                    "cloze",
                    text,
                    "",
                    START,
                    START,
                )
            )
    return cards


def anki_export_figures(pack: Pack, count: int = 10_000) -> dict[str, object]:
    mine = many_cards(pack, count)
    deck = build_deck(pack, mine)
    folder = Path(tempfile.mkdtemp(prefix="summit-bench-anki-"))
    try:
        started = time.perf_counter()
        notes = write_package(pack, deck, mine, folder / "deck.apkg", START)
        ours = time.perf_counter() - started

        model = genanki.Model(
            1_000_001,
            "Bare",
            fields=[{"name": "F"}, {"name": "B"}],
            templates=[{"name": "1", "qfmt": "{{F}}", "afmt": "{{B}}"}],
        )
        bare = genanki.Deck(1_000_002, "Bare")
        started = time.perf_counter()
        for n in range(notes):
            bare.add_note(
                genanki.Note(
                    model=model, fields=[f"front {n}", f"back {n}"], guid=genanki.guid_for(n)
                )
            )
        genanki.Package(bare).write_to_file(str(folder / "bare.apkg"), timestamp=0)
        baseline = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {
        "cards_of_yours": count,
        "notes": notes,
        "seconds": ours,
        "bare_genanki_seconds": baseline,
        "ratio_to_bare_genanki": ours / baseline,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20, help="cards saved from the dialog")
    parser.add_argument("--cards", type=int, default=10_000, help="cards exported to Anki")
    args = parser.parse_args(argv)
    pack = load_pack(default_pack_dir())
    save = card_save_figures(pack, args.rounds)
    export = anki_export_figures(pack, args.cards)
    print(json.dumps({"card_save": save, "anki_export": export}, indent=1))
    ok = save["card_p50_ms"] <= SAVE_GOAL_MS and export["seconds"] <= EXPORT_GOAL_S
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
