"""A long study history: a progress document of many reviews imported into a real SQLite file,
then the first paint of the Progress and Study screens timed in the real app (under Textual's
headless driver, 100×30), from the key press to the screen showing its figures."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from summitreader.pack.model import Pack
from summitreader.progress import open_store
from summitreader.progress.exchange import export_progress, import_progress
from summitreader.study.deck import build_deck
from summitreader.study.schedule import Schedule

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
DAYS = 730


def history_document(
    pack: Pack, folder: Path, reviews: int, prior_state: int | None = 2
) -> dict[str, object]:
    """A progress document of ``reviews`` reviews of the deck's cards over the two years before
    :data:`NOW` (one in ten rated Again), with each card's state after its last review.
    ``prior_state`` None: the reviews are logged without it (as schema 1 did)."""
    deck = [card.id for card in build_deck(pack)]
    with open_store(folder / "empty", pack, clock=lambda: NOW) as store:
        document = export_progress(store)
    step = dt.timedelta(days=DAYS) / reviews
    start = NOW - dt.timedelta(days=DAYS)
    log = []
    last: dict[str, dt.datetime] = {}
    for i in range(reviews):
        card_id = deck[i % len(deck)]
        at = start + i * step
        last[card_id] = at
        log.append(
            {
                "card_id": card_id,
                "rating": 1 if i % 10 == 0 else 3,
                "reviewed_at": at.isoformat(),
                "duration_ms": 4000,
                "answer": None,
                "prior_state": prior_state,
                "due": (at + dt.timedelta(days=3)).isoformat(),
            }
        )
    schedule = Schedule()
    document["reviews"] = log
    document["card_states"] = [
        {
            "card_id": card_id,
            "state": schedule.review(card_id, None, 4, at),
            "updated": at.isoformat(),
        }
        for card_id, at in last.items()
    ]
    return document


def screen_paints(
    pack: Pack, reviews: int, cache_dir: Path, prior_state: int | None = 2
) -> dict[str, float]:
    """Seconds to import the history, and to the first paint of the Progress and Study screens
    (each opened from the Read screen) with that history and, as the baseline measured in turn,
    with no progress at all; and each screen's ratio of the two (``*_history_ratio``)."""
    folder = Path(tempfile.mkdtemp(prefix="summit-bench-history-"))
    try:
        document = history_document(pack, folder, reviews, prior_state)
        with open_store(folder / "data", pack, clock=lambda: NOW) as store:
            started = time.perf_counter()
            import_progress(store, document)
            imported = time.perf_counter() - started
        del document
        result = {"import_seconds": imported}
        for key, name in (("5", "progress"), ("4", "study")):
            for data, label in ((folder / "empty-data", "empty"), (folder / "data", "history")):
                with open_store(data, pack, clock=lambda: NOW) as store:
                    seconds = asyncio.run(_paint(pack, store, cache_dir, key, name))
                result[f"{name}_{label}_seconds"] = seconds
            # The history's cost, apart from the machine's load: 1.0 is none at all.
            result[f"{name}_history_ratio"] = round(
                result[f"{name}_history_seconds"] / result[f"{name}_empty_seconds"], 2
            )
        return result
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def _paint(pack: Pack, store: object, cache_dir: Path, key: str, name: str) -> float:
    from summitreader.tui.factory import make_app

    app = make_app(pack, store, cache_dir, clock=lambda: NOW)  # type: ignore[arg-type]
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await app.workers.wait_for_complete()  # the search index, opened at start
            started = time.perf_counter()
            await pilot.press(key)
            while not _painted(app, name):
                await pilot.pause()
            return time.perf_counter() - started
    finally:
        app.services.search.close()


def _painted(app: object, name: str) -> bool:
    """Whether the screen ``name`` is up with its figures drawn."""
    screen = app.screen  # type: ignore[attr-defined]
    if type(screen).__name__ != f"{name.capitalize()}Screen":
        return False
    target = "#progress-figures" if name == "progress" else "#study-today"
    widgets = screen.query(target)
    return bool(widgets) and bool(str(widgets.first().render()).strip())


def main(argv: list[str] | None = None) -> int:
    """``python benchmarks/history.py [REVIEWS] [--no-prior-state]``: the figures as JSON."""
    import argparse
    import json

    from summitreader.pack import load_pack
    from summitreader.paths import default_pack_dir

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reviews", type=int, nargs="?", default=600_000)
    parser.add_argument(
        "--no-prior-state", action="store_true", help="log the reviews without their prior state"
    )
    args = parser.parse_args(argv)
    cache = Path(tempfile.mkdtemp(prefix="summit-bench-history-cache-"))
    try:
        figures = screen_paints(
            load_pack(default_pack_dir()),
            args.reviews,
            cache,
            None if args.no_prior_state else 2,
        )
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    print(json.dumps({"reviews": args.reviews, **figures}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
