"""summitreader's benchmark: speed and memory against baselines measured in the same run, and the
goals checked.

    python benchmarks/run.py [--quick] [--json]

Measures, on the default pack (1×) and on packs generated from it at 10× and 100× its size:

1. time to first paint of the app in a pseudo-terminal, with warm caches and with empty cache
   folders, against a bare Textual app showing the article in a ``Markdown`` widget, run
   alternately;
2. search (query + highlighted snippets) p50 and p95 over a fixed set of queries, against SQLite
   FTS5 on the same documents and queries;
3. building the search index, and opening a cached one;
4. saving a review in the progress store; loading and checking the pack;
5. peak memory of the app against the bare app;
6. the first paint of the Progress and Study screens after a history of 600,000 reviews is
   imported;
7. key to paint, in the pseudo-terminal: each screen's first visit and a search keystroke, from
   the key written to the phrase it should show on screen, against a bare Textual app of five
   screens (``bare_screens.py``), run alternately.
8. saving a card of one's own from the card editor (against saving a note), and exporting
   10,000 of them to Anki (against bare genanki): :mod:`my_cards`.

Prints a table (or, with ``--json``, one JSON object with a ``checks`` array and the raw figures).
Exits with 0 when every goal holds, 1 otherwise. Progress goes to standard error.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import history  # noqa: E402
import keys  # noqa: E402
import my_cards  # noqa: E402
import packs  # noqa: E402
import paint  # noqa: E402
import saving  # noqa: E402
import searching  # noqa: E402
from summitreader.pack import load_pack  # noqa: E402
from summitreader.paths import default_pack_dir  # noqa: E402
from summitreader.search import SearchIndex  # noqa: E402

SCALES = (1, 10, 100)
PHRASE = "relationship between"
"""Words of the article's first paragraph, near its start: on one line at any usable width."""
SETTLE = 2.0
"""Seconds the apps run after their first paint before their settled peak memory is read."""


@dataclass(frozen=True)
class Settings:
    key_rounds: int
    paint_rounds: int
    memory_rounds: int
    search_rounds: int
    builds: dict[int, int]
    opens: int
    loads: dict[int, int]
    review_saves: int


QUICK = Settings(
    key_rounds=3,
    paint_rounds=10,
    memory_rounds=1,
    search_rounds=3,
    builds={1: 5, 10: 3, 100: 1},
    opens=10,
    loads={1: 5, 10: 3, 100: 1},
    review_saves=300,
)
FULL = Settings(
    key_rounds=7,
    paint_rounds=20,
    memory_rounds=3,
    search_rounds=10,
    builds={1: 15, 10: 5, 100: 3},
    opens=30,
    loads={1: 15, 10: 5, 100: 3},
    review_saves=1000,
)


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# -- the machine -------------------------------------------------------------------------------


def machine() -> dict[str, object]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    try:
        memory_kib = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        memory_kib = None
    from importlib.metadata import version

    return {
        "cpu": cpu,
        "cores": usable,
        "memory_gib": round(memory_kib / 1024 / 1024, 1) if memory_kib else None,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "textual": version("textual"),
        "whoosh": version("whoosh-reloaded"),
        "sqlite": sqlite3.sqlite_version,
        "load_average": [round(x, 2) for x in os.getloadavg()]
        if hasattr(os, "getloadavg")
        else None,
    }


# -- 7: key to paint -------------------------------------------------------------------------

KEY_PAUSE = 1.0
"""Seconds between keys: a user's pause, the app's idle time."""
FIRST_LOOK = 3.0
"""Seconds between the first paint and the first key: a reader's first look at the article, in
which the app builds the screens not shown yet (a key pressed sooner can wait for one)."""
APP_STEPS = [
    keys.Step("Index, first visit", b"2", "Filter: type to narrow"),
    keys.Step("Study, first visit", b"4", "Study now"),
    keys.Step("Progress, first visit", b"5", "True retention"),
    keys.Step("Search, first visit", b"3", "Search the article, the index"),
    keys.Step("search keystroke", b"h", " matches."),
]
BARE_STEPS = [
    keys.Step("Index, first visit", b"2", "Screen two is shown"),
    keys.Step("Study, first visit", b"4", "Screen four is shown"),
    keys.Step("Progress, first visit", b"5", "Screen five is shown"),
    keys.Step("Search, first visit", b"3", "Screen three is shown"),
    keys.Step("search keystroke", b"h", "found h"),
]
KEY_GOAL_MS = 100.0
KEY_GOAL_RATIO = 1.5
"""A first visit against the bare app's, in the same run: the steadier goal on a loaded machine
(a bare Textual screen itself takes 0.3–0.7 s there)."""


def key_figures(settings: Settings, work: Path) -> dict[str, object]:
    """Medians of each step's key to paint, the app's and the bare app's, in ms; the app with a
    fresh data folder and the search index cached."""
    app: dict[str, list[float]] = {step.label: [] for step in APP_STEPS}
    bare: dict[str, list[float]] = {step.label: [] for step in BARE_STEPS}
    cache = work / "keys-cache"
    bare_app = [sys.executable, str(HERE / "bare_screens.py")]
    for round_number in range(settings.key_rounds):
        say(f"  key to paint, round {round_number + 1} of {settings.key_rounds}")
        data = work / f"keys-data-{round_number}"
        measured = keys.key_paints(
            app_argv(data, cache), app_env(data, cache), PHRASE, APP_STEPS, KEY_PAUSE, FIRST_LOOK
        )
        for label, seconds in measured.items():
            app[label].append(1000 * seconds)
        baseline = keys.key_paints(
            bare_app, paint.environment(), "Screen one is shown", BARE_STEPS, KEY_PAUSE, FIRST_LOOK
        )
        for label, seconds in baseline.items():
            bare[label].append(1000 * seconds)
    return {
        "app_median_ms": {label: median(v) for label, v in app.items()},
        "bare_median_ms": {label: median(v) for label, v in bare.items()},
        "rounds": settings.key_rounds,
    }


# -- 1 and 5: first paint and memory -----------------------------------------------------------


def app_argv(data: Path, cache: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "summitreader",
        "--data-dir",
        str(data),
        "--cache-dir",
        str(cache),
    ]


def app_env(data: Path, cache: Path) -> dict[str, str]:
    return paint.environment(
        {"SUMMITREADER_DATA_DIR": str(data), "SUMMITREADER_CACHE_DIR": str(cache)}
    )


def bare_argv(pack: Path) -> list[str]:
    return [sys.executable, str(HERE / "bare_app.py"), str(pack)]


def first_paints(settings: Settings, work: Path) -> dict[str, object]:
    pack = default_pack_dir()
    warm_data, warm_cache = work / "warm" / "data", work / "warm" / "cache"
    warm = (app_argv(warm_data, warm_cache), app_env(warm_data, warm_cache))
    bare = bare_argv(pack)
    bare_env = paint.environment()

    def manifest_written() -> bool:
        return any((warm_cache / "search").glob("*/manifest.json"))

    # Warm the caches: the app's (its search index built and saved) and the system's (files read,
    # byte code written), for both programs; none of this is counted.
    paint.first_paint(warm[0], PHRASE, env=warm[1], until=manifest_written)
    if not manifest_written():
        raise RuntimeError("the app did not save its search index within the time allowed")
    paint.first_paint(warm[0], PHRASE, env=warm[1])
    paint.first_paint(bare, PHRASE, env=bare_env)

    figures: dict[str, list[float]] = {"app_warm": [], "app_cold": [], "bare": []}
    peaks: dict[str, list[int]] = {"app_warm": [], "app_cold": [], "bare": []}

    def record(name: str, result: paint.Paint) -> None:
        figures[name].append(result.seconds)
        if result.peak_kib:
            peaks[name].append(result.peak_kib)

    for round_number in range(settings.paint_rounds):
        say(f"  first paint, round {round_number + 1} of {settings.paint_rounds}")
        record("app_warm", paint.first_paint(warm[0], PHRASE, env=warm[1]))
        record("bare", paint.first_paint(bare, PHRASE, env=bare_env))
        fresh = Path(tempfile.mkdtemp(prefix="fresh-", dir=work))
        data, cache = fresh / "data", fresh / "cache"
        record(
            "app_cold", paint.first_paint(app_argv(data, cache), PHRASE, env=app_env(data, cache))
        )
        shutil.rmtree(fresh, ignore_errors=True)
        record("bare", paint.first_paint(bare, PHRASE, env=bare_env))

    settled: dict[str, list[int]] = {"app_warm": [], "bare": []}
    for round_number in range(settings.memory_rounds):
        say(f"  memory after {SETTLE:.0f} s, round {round_number + 1} of {settings.memory_rounds}")
        result = paint.first_paint(warm[0], PHRASE, env=warm[1], settle=SETTLE)
        if result.peak_kib:
            settled["app_warm"].append(result.peak_kib)
        result = paint.first_paint(bare, PHRASE, env=bare_env, settle=SETTLE)
        if result.peak_kib:
            settled["bare"].append(result.peak_kib)
    return {
        "seconds": figures,
        "median_seconds": {name: median(values) for name, values in figures.items()},
        "peak_kib_at_first_paint": peaks,
        "peak_kib_settled": settled,
        "median_peak_kib_at_first_paint": {name: median(v) for name, v in peaks.items()},
        "median_peak_kib_settled": {name: median(v) for name, v in settled.items()},
        "terminal": f"{paint.COLUMNS}x{paint.LINES} xterm-256color",
        "phrase": PHRASE,
    }


# -- 2 and 3: search ---------------------------------------------------------------------------


def search_figures(settings: Settings, pack_dirs: dict[int, Path]) -> dict[str, object]:
    result: dict[str, object] = {}
    # Imports and first-use costs out of the way: a throwaway build and search.
    warm_pack = load_pack(pack_dirs[1])
    _, folder = searching.build_times(warm_pack, 1)
    with SearchIndex.open(warm_pack, folder) as index:
        fts = searching.Fts5(warm_pack)
        searching.query_times(index, fts, 1)
        fts.close()
    shutil.rmtree(folder, ignore_errors=True)

    for scale in SCALES:
        say(f"  search at {scale}×")
        pack = load_pack(pack_dirs[scale])
        builds, folder = searching.build_times(pack, settings.builds[scale])
        opens = searching.open_times(pack, folder, settings.opens)
        started = time.perf_counter()
        fts = searching.Fts5(pack)
        fts_build = time.perf_counter() - started
        index = SearchIndex.open(pack, folder)
        started = time.perf_counter()
        index.search("Helsinki", limit=searching.LIMIT)
        first_query = time.perf_counter() - started
        per_query, fts_per_query, totals, fts_totals = searching.query_times(
            index, fts, settings.search_rounds
        )
        index.close()
        fts.close()
        shutil.rmtree(folder, ignore_errors=True)

        samples = [t for values in per_query.values() for t in values]
        fts_samples = [t for values in fts_per_query.values() for t in values]
        by_kind: dict[str, dict[str, float]] = {}
        for kind in dict.fromkeys(q.kind for q in searching.QUERIES):
            texts = [q.text for q in searching.QUERIES if q.kind == kind]
            ours = [t for text in texts for t in per_query[text]]
            theirs = [t for text in texts for t in fts_per_query[text]]
            by_kind[kind] = {
                "p50_ms": 1000 * searching.percentile(ours, 50),
                "p95_ms": 1000 * searching.percentile(ours, 95),
                "fts5_p50_ms": 1000 * searching.percentile(theirs, 50),
                "fts5_p95_ms": 1000 * searching.percentile(theirs, 95),
            }
        result[f"{scale}x"] = {
            "paragraphs": sum(len(s.paragraphs) for s in pack.sections),
            "article_bytes": packs.article_bytes(pack_dirs[scale]),
            "build_seconds": builds,
            "build_median_seconds": median(builds),
            "open_cached_seconds": opens,
            "open_cached_median_seconds": median(opens),
            "first_query_seconds": first_query,
            "queries": len(searching.QUERIES),
            "samples": len(samples),
            "p50_ms": 1000 * searching.percentile(samples, 50),
            "p95_ms": 1000 * searching.percentile(samples, 95),
            "max_ms": 1000 * max(samples),
            "by_kind": by_kind,
            "per_query_median_ms": {k: 1000 * median(v) for k, v in per_query.items()},
            "matches": totals,
            "fts5": {
                "build_seconds": fts_build,
                "p50_ms": 1000 * searching.percentile(fts_samples, 50),
                "p95_ms": 1000 * searching.percentile(fts_samples, 95),
                "per_query_median_ms": {k: 1000 * median(v) for k, v in fts_per_query.items()},
                "matches": fts_totals,
            },
        }
    return result


def open_in_new_process(pack_dir: Path, work: Path) -> float:
    """Seconds to open a cached index in a new process, imports included (as the app does it,
    after its first paint), median of 3."""
    cache = work / "new-process-cache"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from summitreader.pack import load_pack\n"
        "pack = load_pack(sys.argv[1])\n"
        "started = time.perf_counter()\n"
        "from summitreader.search import SearchIndex\n"
        "SearchIndex.open(pack, Path(sys.argv[2])).close()\n"
        "print(time.perf_counter() - started)\n"
    )
    argv = [sys.executable, "-c", script, str(pack_dir), str(cache)]
    subprocess.run(argv, check=True, capture_output=True)  # builds it
    times = [
        float(subprocess.run(argv, check=True, capture_output=True, text=True).stdout)
        for _ in range(3)
    ]
    return median(times)


# -- 4: the store and the pack -----------------------------------------------------------------


def load_figures(settings: Settings, pack_dirs: dict[int, Path]) -> dict[str, object]:
    load_pack(pack_dirs[1])
    result = {}
    for scale in SCALES:
        times = []
        for _ in range(settings.loads[scale]):
            started = time.perf_counter()
            load_pack(pack_dirs[scale])
            times.append(time.perf_counter() - started)
        result[f"{scale}x"] = {"seconds": times, "median_seconds": median(times)}
    return result


def review_figures(settings: Settings) -> dict[str, object]:
    pack = load_pack(default_pack_dir())
    first, times = saving.review_save_times(pack, settings.review_saves)
    return {
        "first_save_seconds": first,
        "saves": len(times),
        "p50_ms": 1000 * searching.percentile(times, 50),
        "p95_ms": 1000 * searching.percentile(times, 95),
        "max_ms": 1000 * max(times),
    }


# -- goals -------------------------------------------------------------------------------------


def check(name: str, value: float, target: float, unit: str) -> dict[str, object]:
    return {"name": name, "value": value, "target": target, "unit": unit, "pass": value <= target}


def checks(figures: dict[str, dict]) -> list[dict[str, object]]:
    paints = figures["first_paint"]["median_seconds"]
    memory = figures["first_paint"]["median_peak_kib_settled"]
    search = figures["search"]
    return [
        check(
            "first paint, warm caches ÷ bare Textual app",
            paints["app_warm"] / paints["bare"],
            1.2,
            "×",
        ),
        check(
            "first paint, empty caches ÷ bare Textual app",
            paints["app_cold"] / paints["bare"],
            1.5,
            "×",
        ),
        check("search p95 at 1×", search["1x"]["p95_ms"], 5.0, "ms"),
        check("search p95 at 100×", search["100x"]["p95_ms"], 15.0, "ms"),
        check(
            "search p95 at 100× ÷ FTS5 p95",
            search["100x"]["p95_ms"] / search["100x"]["fts5"]["p95_ms"],
            20.0,
            "×",
        ),
        check("index build at 1×", 1000 * search["1x"]["build_median_seconds"], 50.0, "ms"),
        check("index build at 100×", search["100x"]["build_median_seconds"], 2.0, "s"),
        check(
            "cached index open (slowest of 1×, 10×, 100×)",
            1000 * max(search[f"{s}x"]["open_cached_median_seconds"] for s in SCALES),
            20.0,
            "ms",
        ),
        check("review save p95", figures["review_save"]["p95_ms"], 5.0, "ms"),
        check(
            "Progress first paint after 600k reviews",
            figures["history"]["progress_history_seconds"],
            1.0,
            "s",
        ),
        check(
            "Study first paint after 600k reviews",
            figures["history"]["study_history_seconds"],
            1.0,
            "s",
        ),
        check("peak memory ÷ bare Textual app", memory["app_warm"] / memory["bare"], 1.5, "×"),
        *(
            check(f"key to paint: {label}", value, KEY_GOAL_MS, "ms")
            for label, value in figures["key_to_paint"]["app_median_ms"].items()
        ),
        *(
            check(
                f"key to paint ÷ bare Textual app: {label}",
                value / figures["key_to_paint"]["bare_median_ms"][label],
                KEY_GOAL_RATIO,
                "×",
            )
            for label, value in figures["key_to_paint"]["app_median_ms"].items()
            if label.endswith("first visit")
        ),
        check(
            "card save, save key to dialog closed (p50)",
            figures["my_cards"]["card_save"]["card_p50_ms"],
            my_cards.SAVE_GOAL_MS,
            "ms",
        ),
        check(
            "10,000 cards of yours to Anki",
            figures["my_cards"]["anki_export"]["seconds"],
            my_cards.EXPORT_GOAL_S,
            "s",
        ),
    ]


# -- output ------------------------------------------------------------------------------------


def number(value: float, unit: str) -> str:
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:.1f} ms" if value >= 10 else f"{value:.2f} ms"
    return f"{value:g} {unit}"


def table(rows: list[list[str]], header: list[str]) -> str:
    """A Markdown table, padded so it also reads as plain text."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "| "
        + " | ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        + " |"
        for row in [header, ["-" * w for w in widths], *rows]
    ]
    return "\n".join(lines)


def report(result: dict[str, object]) -> str:
    m = result["machine"]
    figures = result["figures"]
    out = [
        f"summitreader benchmark ({result['mode']}, {result['seconds']:.0f} s)",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB; {m['os']}; Python "
        f"{m['python']}, Textual {m['textual']}, Whoosh {m['whoosh']}, SQLite {m['sqlite']}; "
        f"load average at start {m['load_average']}, at end {m.get('load_average_at_end')}",
        "",
        "Goals",
        "",
        table(
            [
                [
                    c["name"],
                    number(c["value"], c["unit"]),
                    f"≤ {number(c['target'], c['unit'])}",
                    "pass" if c["pass"] else "FAIL",
                ]
                for c in result["checks"]
            ],
            ["goal", "value", "target", "result"],
        ),
        "",
    ]
    kp = figures["key_to_paint"]
    out += [
        f"Key to paint ({paint.COLUMNS}x{paint.LINES}, from the key written to its screen drawn; "
        f"medians of {kp['rounds']} alternating runs, the first key {FIRST_LOOK:.0f} s after the "
        f"first paint, {KEY_PAUSE:.0f} s between keys)",
        "",
        table(
            [
                [
                    label,
                    number(value, "ms"),
                    number(kp["bare_median_ms"][label], "ms"),
                    f"{value / kp['bare_median_ms'][label]:.1f}×",
                ]
                for label, value in kp["app_median_ms"].items()
            ],
            ["step", "summitreader", "bare Textual app", "ratio"],
        ),
        "",
    ]
    fp = figures["first_paint"]
    ms = fp["median_seconds"]
    peak = fp["median_peak_kib_at_first_paint"]
    settled = fp["median_peak_kib_settled"]

    def mib(kib: float) -> str:
        return "–" if kib != kib else f"{kib / 1024:.1f} MiB"

    out += [
        f"First paint ({fp['terminal']}, until “{fp['phrase']}” is drawn; medians of "
        f"{len(fp['seconds']['app_warm'])} alternating runs)",
        "",
        table(
            [
                [
                    "summitreader, warm caches",
                    f"{1000 * ms['app_warm']:.0f} ms",
                    mib(peak["app_warm"]),
                    mib(settled["app_warm"]),
                ],
                [
                    "summitreader, empty caches",
                    f"{1000 * ms['app_cold']:.0f} ms",
                    mib(peak["app_cold"]),
                    "–",
                ],
                [
                    "bare Textual app (Markdown)",
                    f"{1000 * ms['bare']:.0f} ms",
                    mib(peak["bare"]),
                    mib(settled["bare"]),
                ],
            ],
            [
                "program",
                "first paint",
                "peak memory at first paint",
                f"peak memory {SETTLE:.0f} s later",
            ],
        ),
        "",
        "Search (query + highlighted snippets, top 20 and the count of matches; "
        f"{len(searching.QUERIES)} queries)",
        "",
    ]
    search = figures["search"]
    rows = []
    for scale in SCALES:
        s = search[f"{scale}x"]
        rows.append(
            [
                f"{scale}×",
                f"{s['paragraphs']} ¶, {s['article_bytes'] / 1024:.0f} KiB",
                number(s["p50_ms"], "ms"),
                number(s["p95_ms"], "ms"),
                number(s["fts5"]["p50_ms"], "ms"),
                number(s["fts5"]["p95_ms"], "ms"),
                f"{s['p95_ms'] / s['fts5']['p95_ms']:.1f}×",
                number(1000 * s["build_median_seconds"], "ms"),
                number(1000 * s["open_cached_median_seconds"], "ms"),
            ]
        )
    out += [
        table(
            rows,
            [
                "pack",
                "size",
                "p50",
                "p95",
                "FTS5 p50",
                "FTS5 p95",
                "p95 ÷ FTS5",
                "index build",
                "cached open",
            ],
        ),
        "",
        "Search p95 by kind of query at 100× (summitreader / FTS5)",
        "",
        table(
            [
                [
                    kind,
                    number(v["p50_ms"], "ms"),
                    number(v["p95_ms"], "ms"),
                    number(v["fts5_p95_ms"], "ms"),
                ]
                for kind, v in search["100x"]["by_kind"].items()
            ],
            ["kind", "p50", "p95", "FTS5 p95"],
        ),
        "",
    ]
    loads = figures["pack_load"]
    review = figures["review_save"]
    out += [
        table(
            [
                [
                    "pack load + validate, 1× / 10× / 100×",
                    " / ".join(
                        number(1000 * loads[f"{s}x"]["median_seconds"], "ms") for s in SCALES
                    ),
                ],
                [
                    "review save p50 / p95 / max",
                    " / ".join(number(review[k], "ms") for k in ("p50_ms", "p95_ms", "max_ms")),
                ],
                [
                    "first review save (creates the file)",
                    number(1000 * review["first_save_seconds"], "ms"),
                ],
                [
                    "cached index open in a new process, imports included",
                    number(1000 * figures["open_in_new_process_seconds"], "ms"),
                ],
                [
                    "first query on an opened index, 1×",
                    number(1000 * search["1x"]["first_query_seconds"], "ms"),
                ],
                [
                    f"import of {figures['history']['reviews']} reviews",
                    number(figures["history"]["import_seconds"], "s"),
                ],
                [
                    "Progress first paint, no progress / after the import",
                    " / ".join(
                        number(figures["history"][f"progress_{k}_seconds"], "s")
                        for k in ("empty", "history")
                    ),
                ],
                [
                    "Study first paint, no progress / after the import",
                    " / ".join(
                        number(figures["history"][f"study_{k}_seconds"], "s")
                        for k in ("empty", "history")
                    ),
                ],
            ],
            ["other figures", "median"],
        ),
    ]
    return "\n".join(out)


HISTORY_REVIEWS = 600_000
"""Reviews in the imported study history (a large accepted import)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (under 3 minutes)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    started = time.perf_counter()
    result: dict[str, object] = {"mode": "quick" if args.quick else "full", "machine": machine()}
    figures: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="summit-bench-") as temporary:
        work = Path(temporary)
        say("generating packs")
        pack_dirs = {1: default_pack_dir()}
        for scale in SCALES[1:]:
            pack_dirs[scale] = packs.scaled_pack(default_pack_dir(), scale, work / f"pack-x{scale}")
        say("key to paint")
        figures["key_to_paint"] = key_figures(settings, work)
        say("first paint and memory")
        figures["first_paint"] = first_paints(settings, work)
        say("search")
        figures["search"] = search_figures(settings, pack_dirs)
        figures["open_in_new_process_seconds"] = open_in_new_process(pack_dirs[1], work)
        say("pack load, review saves")
        figures["pack_load"] = load_figures(settings, pack_dirs)
        figures["review_save"] = review_figures(settings)
        say("cards of your own: saving one from the editor, 10,000 exported to Anki")
        default = load_pack(default_pack_dir())
        figures["my_cards"] = {
            "card_save": my_cards.card_save_figures(default, settings.paint_rounds),
            "anki_export": my_cards.anki_export_figures(default, 10_000),
        }
        say(f"a history of {HISTORY_REVIEWS} reviews imported; Progress and Study first paint")
        figures["history"] = {
            "reviews": HISTORY_REVIEWS,
            **history.screen_paints(load_pack(default_pack_dir()), HISTORY_REVIEWS, work / "hc"),
        }
    result["figures"] = figures
    result["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result["checks"] = checks(figures)
    result["seconds"] = time.perf_counter() - started
    result["command"] = "python benchmarks/run.py" + (" --quick" if args.quick else "")
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        print(report(result))
    return 0 if all(c["pass"] for c in result["checks"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
