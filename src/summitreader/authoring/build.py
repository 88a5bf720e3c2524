"""An article made a pack in the library: read, cut into sections, takeaways and cards found
(:mod:`~summitreader.authoring.plan`), checked against the pack loader's limits before any card is
made (:mod:`~summitreader.authoring.limits`), written to a temporary folder, checked by the pack
loader and the card lint (:mod:`~summitreader.authoring.write`), then renamed into place. Nothing
is left half-written: on any failure the temporary folder goes."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summitreader.authoring.ids import MAX_ID_LENGTH, id_problem, is_id, slug
from summitreader.authoring.limits import check_sections, check_sizes
from summitreader.authoring.plan import Plan
from summitreader.authoring.source import MAX_BYTES, AuthoringError, Source, read_source
from summitreader.authoring.split import Article, split_markdown, split_text, without_title
from summitreader.authoring.write import BUG, ORIGIN_FILE, check, write
from summitreader.library import os_problem
from summitreader.library.origins import Origins, read_origins, same_text
from summitreader.text import shorten_at_word

if TYPE_CHECKING:
    from summitreader.pack import Pack

__all__ = [
    "BUG",
    "MAX_ID_LENGTH",
    "ORIGIN_FILE",
    "Added",
    "add_article",
    "id_problem",
    "is_id",
    "slug",
    "source_digest",
]


@dataclass(frozen=True, slots=True)
class Added:
    """What ``add`` made."""

    pack_id: str
    title: str
    path: Path
    format: str
    encoding: str
    sections: int
    paragraphs: int
    takeaways: int
    cards: int
    dropped: int
    """Cards the card lint found something wrong with, left out."""
    takeaways_left_out: int = 0
    """Items of the takeaways list that give no takeaway, for the reason below."""
    takeaways_left_out_why: str = ""
    warnings: tuple[str, ...] = ()
    """What the user should know about how the article was read."""
    pack: Pack | None = field(default=None, compare=False, repr=False)
    """The pack as the loader read it in the library."""
    digest: str = ""
    """The SHA-256 of the article's words (:func:`source_digest`, kept in ``origin.json``)."""

    @property
    def few_cards_why(self) -> str:
        """Why so few cards were made, and what the user can do, when there are fewer than one
        a :data:`PARAGRAPHS_A_CARD` paragraphs; else empty."""
        return few_cards_why(self.cards, self.paragraphs, self.takeaways)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.pack_id,
            "title": self.title,
            "path": str(self.path),
            "format": self.format,
            "encoding": self.encoding,
            "sections": self.sections,
            "paragraphs": self.paragraphs,
            "takeaways": self.takeaways,
            "cards": self.cards,
            "cards_left_out": self.dropped,
            "takeaways_left_out": self.takeaways_left_out,
            "takeaways_left_out_why": self.takeaways_left_out_why or None,
            "few_cards_why": self.few_cards_why or None,
            "warnings": list(self.warnings),
        }


PARAGRAPHS_A_CARD = 20
"""Fewer cards than one a this many paragraphs are few: ``add`` says why, and what to do."""


def few_cards_why(cards: int, paragraphs: int, takeaways: int) -> str:
    """Why an article of ``paragraphs`` got only ``cards`` cards, and what the user can do; empty
    when they are not few (:data:`PARAGRAPHS_A_CARD`)."""
    if cards * PARAGRAPHS_A_CARD >= paragraphs:
        return ""
    what = (
        "cards come from the takeaways, and from sentences holding a defined term (bold, "
        "italics, after \"known as\" or \"called\"), a date or a number, which ordinary "
        "prose has few of"
    )
    where = (
        "add a \"Key takeaways\" section of items with a bold lead (- **The lead:** the text)"
        if not takeaways
        else "add items with a bold lead to its takeaways section"
    )
    return (
        f"{what}: {where}, or write cards of your own (summitreader card add, or the pack's "
        "cards.yaml)"
    )


def source_digest(text: str) -> str:
    """The SHA-256 of a source's words: the same article saved again (other line ends,
    whitespace) has the same digest."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def add_article(
    path: Path,
    library: Path,
    *,
    title: str | None = None,
    pack_id: str | None = None,
    encoding: str | None = None,
    taken: frozenset[str] = frozenset(),
    now: dt.datetime | None = None,
    max_bytes: int = MAX_BYTES,
) -> Added:
    """Make the article at ``path`` a pack in folder ``library``. ``taken``: ids no new pack may
    have (the packs that ship). Raises :class:`AuthoringError` with what to do."""
    problem = None if pack_id is None else id_problem(pack_id)
    if problem is not None:
        raise AuthoringError(problem)
    source = read_source(path, encoding=encoding, max_bytes=max_bytes)
    digest = source_digest(source.text)
    origins = read_origins(library)
    if digest in origins.by_digest:
        other_id = origins.by_digest[digest]
        raise AuthoringError(
            f"{path.name} is already in the library, as '{other_id}' "
            f"(remove it first with: summitreader remove {other_id})"
        )
    article, url = _article(source)
    title = " ".join((title or article.title or _title_from(path, source.text)).split())
    if source.format == "html":
        without_title(article, title)
    if pack_id is not None:
        if pack_id in taken or (library / pack_id).exists():
            raise AuthoringError(f"there is a pack '{pack_id}' already: choose another --id")
    else:
        base = slug(title)
        pack_id, n = base, 2
        while pack_id in taken or (library / pack_id).exists():
            pack_id, n = f"{base}-{n}", n + 1
    if not article.sections:
        raise AuthoringError(f"{path.name} has no paragraphs of text to make a pack of")
    library.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".adding-", dir=library))
    try:
        plan = Plan(pack_id, title, article)
        check_sections(plan)
        files = plan.files(_source_line(path, url))
        _refuse_same_text(path, origins, files)
        check_sizes(files, plan)  # before any card is made: a refusal comes at once
        cards = plan.cards_yaml(set(plan.card_ids))
        if cards:
            files["cards.yaml"] = cards
            check_sizes({"cards.yaml": cards}, plan)
        write(work, files, source, digest, now)
        pack, dropped = check(plan, work)
        target = library / pack_id
        try:
            os.rename(work, target)
        except OSError as error:
            raise AuthoringError(
                f"the pack could not be put in the library ({os_problem(error)})"
            ) from None
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return Added(
        pack_id=pack_id,
        title=title,
        path=target,
        format=source.format,
        encoding=source.encoding,
        sections=len(plan.sections),
        paragraphs=sum(len(s.blocks) for s in plan.sections),
        takeaways=len(plan.takeaways),
        cards=len(plan.cards) - dropped,
        dropped=dropped,
        takeaways_left_out=plan.takeaways_left_out,
        takeaways_left_out_why=plan.takeaways_left_out_why,
        warnings=source.warnings + tuple(_damaged_warning(r) for r in origins.damaged),
        pack=replace(pack, root=str(target)),
        digest=digest,
    )


def _article(source: Source) -> tuple[Article, str]:
    if source.format == "html":
        from summitreader.authoring.html import html_to_markdown

        extracted = html_to_markdown(source.path.name, source.text)
        article = split_markdown(extracted.markdown)
        if not article.title:
            article.title = extracted.title
        return article, extracted.url
    if source.format == "markdown":
        return split_markdown(source.text), ""
    return split_text(source.text), ""


STDIN_NAME = "stdin"
"""The name of the file an article read from standard input is kept in while it is added."""


def _title_from(path: Path, text: str) -> str:
    """A title for an article without one: its file's name, or, for an article read from
    standard input (which has no name), its first line, cut at a word."""
    if path.name == STDIN_NAME:
        first = next((line for line in text.splitlines() if line.strip()), "")
        return shorten_at_word(first.lstrip("#> ").strip(), 60) or "An article"
    return " ".join(re.sub(r"[_-]+", " ", path.stem).split()).capitalize() or "An article"


def _source_line(path: Path, url: str) -> str:
    return f"{url} (added from {path.name})" if url else f"Added from {path.name}"


def _refuse_same_text(path: Path, origins: Origins, files: dict[str, str]) -> None:
    """Refuse an article already in the library as a pack whose origin record is missing or
    damaged (found by its text: the record, if any, is named and left as it is)."""
    for folder in origins.unknown:
        if same_text(folder, files):
            record = folder / ORIGIN_FILE
            damaged = (
                f"; found by its text, as its origin record {record} cannot be read"
                if record in origins.damaged
                else ""
            )
            raise AuthoringError(
                f"{path.name} is already in the library, as '{folder.name}'{damaged} "
                f"(remove it first with: summitreader remove {folder.name})"
            )


def _damaged_warning(record: Path) -> str:
    return (
        f"the origin record {record} of the pack '{record.parent.name}' cannot be read (it is "
        "left as it is): that pack was compared with this article by its text"
    )
