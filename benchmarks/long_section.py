"""Time to first paint of the reader on a pack whose first section is about 4 MiB of text, at its
top and at a reading position restored far down it, against the default pack's first section in
the same run; and how long hostile inline Markdown takes to parse.

    python benchmarks/long_section.py [--rounds N]

The long pack is the default one with its first section's paragraphs repeated until the file holds
:data:`SECTION_BYTES` bytes (just under the loader's limit of 4 MiB). The app starts in a
pseudo-terminal (:mod:`paint`) with fresh data and cache folders (so the pack is loaded cold), and
is timed until the words of the place shown appear. Far down, the progress file holds the
position of the last paragraph that has :data:`PHRASE`, as a reader who stopped there would leave
it. Each case is also given as a ratio to the default pack's time, measured in the same run.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import paint  # noqa: E402
from summitreader.pack.markdown import inline_runs  # noqa: E402
from summitreader.paths import default_pack_dir  # noqa: E402

SECTION_BYTES = 4 * 1024 * 1024 - 64 * 1024
PHRASE = "relationship between"
HOSTILE = {"emphasis": "*a ", "strong": "**a ", "link": "[a ", "mixed": "**[_`a "}


def long_pack(target: Path) -> Path:
    source = default_pack_dir()
    shutil.copytree(source, target)
    first = target / "sections" / "01-introduction.md"
    text = first.read_text(encoding="utf-8").strip()
    copies = [text]
    size = len(text.encode())
    while size < SECTION_BYTES:
        copies.append(text)
        size += len(text.encode()) + 2
    first.write_text("\n\n".join(copies[:-1]) + "\n", encoding="utf-8")
    return target


def far_paragraph(pack: Path) -> tuple[str, int]:
    """The first section's id and the number of its last paragraph that has :data:`PHRASE`."""
    from summitreader.pack import load_pack

    section = load_pack(pack).sections[0]
    last = max(p.number for p in section.paragraphs if PHRASE in p.text)
    return section.id, last


def remember_position(pack: Path, data: Path, section: str, paragraph: int) -> None:
    """Leave a progress file in ``data`` whose reading position is ``paragraph``."""
    from summitreader.pack import load_pack
    from summitreader.progress import open_store

    with open_store(data, load_pack(pack)) as store:
        store.set_position(section, paragraph, 0.0)


def paint_seconds(
    pack: Path, work: Path, rounds: int, position: tuple[str, int] | None = None
) -> list[float]:
    seconds = []
    for number in range(rounds):
        data, cache = work / f"data{number}", work / f"cache{number}"
        shutil.rmtree(data, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        if position is not None:
            remember_position(pack, data, *position)
        argv = [
            sys.executable, "-m", "summitreader", "--pack", str(pack),
            "--data-dir", str(data), "--cache-dir", str(cache),
        ]
        result = paint.first_paint(argv, PHRASE, env=paint.environment(), timeout=120.0)
        seconds.append(result.seconds)
        print(f"  round {number + 1}: first paint in {result.seconds:.2f} s", flush=True)
    return seconds


def markdown_seconds() -> None:
    for name, unit in HOSTILE.items():
        for size in (60_000, 900_000):
            text = unit * (size // len(unit))
            started = time.perf_counter()
            inline_runs(text)
            print(f"  {name:9} {size:>7,} bytes: {time.perf_counter() - started:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-markdown", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        print("first paint of the default pack's first section:")
        base = statistics.median(paint_seconds(default_pack_dir(), work, options.rounds))
        print(f"  median {base:.2f} s")
        pack = long_pack(work / "pack")
        size = (pack / "sections" / "01-introduction.md").stat().st_size
        far = far_paragraph(pack)
        for title, position in (("at its top", None), (f"restored at ¶{far[1]}", far)):
            print(f"first paint with a section of {size:,} bytes, {title}:")
            median = statistics.median(paint_seconds(pack, work, options.rounds, position))
            print(f"  median {median:.2f} s, {median / base:.2f}× the default pack's")
    if not options.no_markdown:
        print("inline Markdown of unclosed openers:")
        markdown_seconds()


if __name__ == "__main__":
    main()
