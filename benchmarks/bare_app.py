"""The baseline of the first-paint and memory figures: a bare Textual app that shows the article
of a pack in a ``Markdown`` widget, and nothing else.

    python benchmarks/bare_app.py PACK_FOLDER

The article is the pack's section files (``sections/*.md``) in the order of their names, read as
they are: no YAML, no checks, no index.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown


class BareApp(App[None]):
    def __init__(self, article: str) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(self.article)


def article(pack: Path) -> str:
    return "\n\n".join(
        path.read_text(encoding="utf-8") for path in sorted((pack / "sections").glob("*.md"))
    )


if __name__ == "__main__":
    BareApp(article(Path(sys.argv[1]))).run()
