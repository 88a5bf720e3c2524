"""Real processes on one data folder: two writing at once, and kill -9 at any moment."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from summitreader.pack.model import Pack
from summitreader.progress import open_store
from summitreader.progress.files import DB_NAME
from support.progress_pack import fsrs_state, review_document

CHILD = Path(__file__).parent / "progress_child.py"
DEADLINE = 60.0  # seconds; only to keep a broken run from hanging


class Child:
    """A child process writing progress; its acknowledgements are read line by line, never
    waiting past a deadline. Killed and cleaned up on exit."""

    def __init__(self, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert self.proc.stdout is not None
        self.fd = self.proc.stdout.fileno()
        self.buffer = b""
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.fd, selectors.EVENT_READ)

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=DEADLINE)
        self.selector.close()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"go\n")
        self.proc.stdin.flush()

    def read(self, count: int, deadline: float) -> list[str]:
        lines: list[str] = []
        while len(lines) < count:
            if b"\n" in self.buffer:
                line, self.buffer = self.buffer.split(b"\n", 1)
                lines.append(line.decode())
                continue
            left = deadline - time.monotonic()
            assert left > 0, f"the child wrote only {lines}"
            if self.selector.select(timeout=left):
                chunk = os.read(self.fd, 65536)
                assert chunk, f"the child ended after {lines}: {self.errors()}"
                self.buffer += chunk
        return lines

    def errors(self) -> bytes:
        if self.proc.poll() is None:
            return b""
        assert self.proc.stderr is not None
        return self.proc.stderr.read()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_two_processes_writing_at_once_lose_nothing(data_dir: Path, pack: Pack) -> None:
    count = 100
    deadline = time.monotonic() + DEADLINE
    with (
        Child("writer", str(data_dir), "a", str(count)) as a,
        Child("writer", str(data_dir), "b", str(count)) as b,
    ):
        assert a.read(1, deadline) == b.read(1, deadline) == ["ready"]
        a.go()
        b.go()
        for child, tag in ((a, "a"), (b, "b")):
            assert child.read(count, deadline) == [f"{tag}-{n}" for n in range(count)]
            assert child.proc.wait(timeout=DEADLINE) == 0
            assert child.errors() == b""  # no traceback

    assert integrity(data_dir / DB_NAME) == "ok"
    with open_store(data_dir, pack) as store:
        texts = sorted(n.text for n in store.notes())
        assert texts == sorted(f"{tag}-{n}" for tag in ("a", "b") for n in range(count))
        answers = sorted(r.answer or "" for r in store.review_log("card-one"))
        assert answers == texts
        assert store.get_setting("last") in {f"a-{count - 1}", f"b-{count - 1}"}


def test_kill_9_loses_at_most_the_write_in_flight(data_dir: Path, pack: Pack) -> None:
    rng = random.Random(20260302)
    acknowledged: list[str] = []
    first = 0
    deadline = time.monotonic() + DEADLINE
    for _ in range(10):
        with Child("endless", str(data_dir), str(first)) as child:
            lines = child.read(rng.randint(1, 40), deadline)
            time.sleep(rng.random() / 200)  # land the kill somewhere in a later write
            child.proc.send_signal(signal.SIGKILL)
            assert child.proc.wait(timeout=DEADLINE) == -signal.SIGKILL
        assert all(line.startswith("ack-") for line in lines), lines
        acknowledged += lines
        first += 1000

        assert integrity(data_dir / DB_NAME) == "ok"
        with open_store(data_dir, pack) as store:
            assert store.persistent and store.notices == []
            notes = {n.text for n in store.notes()}
            reviews = {r.answer for r in store.review_log("card-one")}
        assert set(acknowledged) <= notes
        assert set(acknowledged) <= reviews


def test_two_processes_creating_the_store_at_once(tmp_path: Path, pack: Pack) -> None:
    deadline = time.monotonic() + DEADLINE
    for round_ in range(8):
        data_dir = tmp_path / f"round-{round_}"
        with (
            Child("writer", str(data_dir), "a", "2") as a,
            Child("writer", str(data_dir), "b", "2") as b,
        ):
            assert a.read(1, deadline) == b.read(1, deadline) == ["ready"]
            a.go()
            b.go()
            for child, tag in ((a, "a"), (b, "b")):
                assert child.read(2, deadline) == [f"{tag}-0", f"{tag}-1"]
                assert child.proc.wait(timeout=DEADLINE) == 0
        with open_store(data_dir, pack) as store:
            assert store.notices == []
            assert len(store.notes()) == 4


def test_another_process_saves_a_rating_while_a_large_import_is_under_way(
    data_dir: Path, pack: Pack, tmp_path: Path
) -> None:
    count, batch = 3000, 1000
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    document = tmp_path / "large.json"
    document.write_text(json.dumps(review_document(pack.id, count, start)), encoding="utf-8")
    with open_store(data_dir, pack) as store:
        store.mark_read("opening")  # the file exists before either process writes
    deadline = time.monotonic() + DEADLINE
    with Child("importer", str(data_dir), str(document), str(batch)) as importer:
        assert importer.read(1, deadline) == [f"batch {batch} {count}"]
        # The importer is half-way, between two transactions: this instance is not kept waiting
        # (a save that waited past the busy timeout would raise ProgressNotSaved).
        with open_store(data_dir, pack) as store:
            now = dt.datetime.now(dt.UTC)
            store.save_review("card-two", fsrs_state(now, 1), 3, now)
            assert len(store.review_log("card-one")) == batch  # the first batch is in
        for done in range(2 * batch, count + 1, batch):
            importer.go()
            if done < count:
                assert importer.read(1, deadline) == [f"batch {done} {count}"]
        importer.go()
        assert importer.read(2, deadline) == [f"batch {count} {count}", f"imported {count}"]
        assert importer.proc.wait(timeout=DEADLINE) == 0
    with open_store(data_dir, pack) as store:
        assert len(store.review_log("card-one")) == count
        assert len(store.review_log("card-two")) == 1
