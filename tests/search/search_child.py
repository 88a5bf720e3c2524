"""Run by the process tests: wait for a start signal, open the test pack's index, search, report.

Usage: ``python search_child.py CACHE_DIR GO_FILE``. Prints one JSON line:
``{"source": ..., "total": ..., "first": [kind, id]}``.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))  # tests: the support package

from summitreader.search import SearchIndex
from support.search_pack import make_pack


def main() -> int:
    cache_dir, go = Path(sys.argv[1]), Path(sys.argv[2])
    pack = make_pack()
    deadline = time.monotonic() + 30
    while not go.exists():
        if time.monotonic() > deadline:
            return 3
        time.sleep(0.001)
    index = SearchIndex.open(pack, cache_dir)
    result = index.search("helsinki")
    index.close()
    first = [result.hits[0].kind, result.hits[0].id] if result.hits else None
    print(json.dumps({"source": index.source, "total": result.total, "first": first}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
