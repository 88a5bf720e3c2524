"""A second summitreader writing progress, run by the progress tests as a real process.

    python progress_child.py writer DATA_DIR TAG COUNT   says "ready", waits for a line on stdin,
                                                         then writes
    python progress_child.py endless DATA_DIR FIRST      writes until killed
    python progress_child.py importer DATA_DIR FILE SIZE imports FILE, SIZE records to a
                                                         transaction; after each committed
                                                         batch says "batch DONE TOTAL" and waits
                                                         for a line on stdin

Each write is acknowledged on stdout (one line) only after its transaction has committed.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # tests: the support package

from summitreader.progress import ProgressNotSaved, open_store
from summitreader.progress.exchange import import_progress, read_document
from support.progress_pack import fsrs_state, make_pack


def write_one(store, label: str, number: int) -> None:  # type: ignore[no-untyped-def]
    now = dt.datetime.now(dt.UTC)
    store.add_note("middle", 1 + number % 3, label)
    store.save_review(
        "card-one",
        fsrs_state(now, 2, label=label),
        1 + number % 4,
        now,
        duration_ms=number,
        answer=label,
    )
    store.set_setting("last", label)
    print(label, flush=True)


def main(argv: list[str]) -> int:
    mode, data_dir = argv[0], Path(argv[1])
    store = open_store(data_dir, make_pack())
    if store.notices or not store.persistent:
        print("notice:", *store.notices, flush=True)
        return 3
    if mode == "importer":

        def pause(done: int, total: int) -> None:
            print("batch", done, total, flush=True)
            sys.stdin.readline()

        counts = import_progress(
            store, read_document(argv[2]), batch_size=int(argv[3]), progress=pause
        )
        print("imported", counts["reviews"], flush=True)
        store.close()
        return 0
    if mode == "writer":
        tag, count = argv[2], int(argv[3])
        print("ready", flush=True)
        sys.stdin.readline()
        for number in range(count):
            time.sleep(0.002)  # a pause between actions, as a user makes
            try:
                write_one(store, f"{tag}-{number}", number)
            except ProgressNotSaved as error:
                print(f"failed: {error}", flush=True)
                return 4
        store.close()
        return 0
    number = int(argv[2])
    while True:
        write_one(store, f"ack-{number}", number)
        number += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
