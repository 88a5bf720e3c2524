"""An article made a pack in the library: read, cut into sections, takeaways and cards found,
written to a temporary folder, checked by the pack loader and the card lint, then renamed into
place. Nothing is left half-written: on any failure the temporary folder goes."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from summitreader.authoring.cards import (
    MAX_CARDS,
    PER_SECTION,
    CardDraft,
    Chooser,
    paragraph_cards,
    spread,
    takeaway_card,
)
from summitreader.authoring.source import MAX_BYTES, AuthoringError, Source, read_source
from summitreader.authoring.split import Article, Draft, split_markdown, split_text
from summitreader.authoring.takeaways import TakeawayDraft, find_takeaways, is_takeaway_heading
from summitreader.library import read_small_text
from summitreader.pack.load import MAX_SECTION_BYTES
from summitreader.pack.yamlsafe import MAX_BYTES as MAX_YAML_BYTES

if TYPE_CHECKING:
    from summitreader.pack import Pack

ORIGIN_FILE = "origin.json"
"""What a pack made by ``add`` keeps about its source (not part of the pack format: the loader
ignores it): the source's name, format, encoding, SHA-256 and when it was added."""
ID_LENGTH = 40
MAX_ID_LENGTH = 64
"""The longest id ``--id`` may give (an id names the pack's folder, and is typed)."""
BUG = "the pack made does not load, which is a bug of summitreader: please report it"
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


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
    warnings: tuple[str, ...] = ()
    """What the user should know about how the article was read."""
    pack: Pack | None = field(default=None, compare=False, repr=False)
    """The pack as the loader read it in the library."""

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
            "warnings": list(self.warnings),
        }


def slug(text: str, fallback: str = "pack") -> str:
    """``text`` as an id: ASCII lower-case words joined by hyphens, starting with a letter."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    value = ""
    for word in words:
        if len(value) + len(word) + 1 > ID_LENGTH:
            break
        value = f"{value}-{word}" if value else word
    if not value or not value[0].isalpha():
        value = f"{fallback}-{value}" if value else fallback
    return value


def is_id(value: str) -> bool:
    return len(value) <= MAX_ID_LENGTH and bool(_ID.match(value))


def id_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a pack id, or None."""
    if len(value) > MAX_ID_LENGTH:
        return f"the id given is {len(value)} characters long: an id has at most {MAX_ID_LENGTH}"
    if not _ID.match(value):
        return (
            f"'{value}' is not a valid id (lower-case letters, digits and hyphens, "
            "starting with a letter)"
        )
    return None


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
    existing = _existing(library)
    for other_id, origin in existing.items():
        if origin.get("sha256") == digest:
            raise AuthoringError(
                f"{path.name} is already in the library, as '{other_id}' "
                f"(remove it first with: summitreader remove {other_id})"
            )
    article, url = _article(source)
    title = " ".join((title or article.title or _title_from(path)).split())
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
        plan = _Plan(pack_id, title, article)
        plan.write(work, _source_line(path, url), digest, source, now)
        pack, dropped = plan.check(work)
        target = library / pack_id
        try:
            os.rename(work, target)
        except OSError as error:
            raise AuthoringError(
                f"the pack could not be put in the library ({error.strerror or error})"
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
        warnings=source.warnings,
        pack=replace(pack, root=str(target)),
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


def _title_from(path: Path) -> str:
    return " ".join(re.sub(r"[_-]+", " ", path.stem).split()).capitalize() or "An article"


def _source_line(path: Path, url: str) -> str:
    return f"{url} (added from {path.name})" if url else f"Added from {path.name}"


def _existing(library: Path) -> dict[str, dict[str, Any]]:
    """The origin record of every pack in the library, by id."""
    found: dict[str, dict[str, Any]] = {}
    if not library.is_dir():
        return found
    for folder in sorted(library.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        text = read_small_text(folder / ORIGIN_FILE)
        try:
            origin = json.loads(text) if text is not None else {}
        except ValueError:
            origin = {}
        found[folder.name] = origin if isinstance(origin, dict) else {}
    return found


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """libyaml's emitter when PyYAML has it (a book's pack.yaml in a tenth of the time)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 // 10 else f"{size / 1024:.0f} KiB"


def too_large(name: str, size: int, limit: int, plan: _Plan) -> str:
    """What to tell the user when the pack's file ``name`` would be over the loader's limit."""
    over = f"{_megabytes(size)}, over the {_megabytes(limit)} the pack loader takes"
    if name == "pack.yaml":
        return (
            f"the article has {len(plan.sections):,} sections: their list (pack.yaml) would be "
            f"{over}; give it fewer headings (join short sections), or add it in parts"
        )
    if name.startswith("sections/"):
        number = int(name.split("/")[1].split("-")[0]) - 1
        section = plan.sections[number]
        longest = max(len(block.encode()) for block in section.blocks)
        return (
            f"the section '{section.title}' would be {over} (it holds a paragraph of "
            f"{_megabytes(longest)}): break its text into paragraphs with blank lines"
        )
    what = {"takeaways.yaml": "the takeaways", "cards.yaml": "the cards"}.get(name, name)
    return f"{what} ({name}) would be {over}: shorten them in the article, or add it in parts"


class _Plan:
    """The pack to write: sections with ids, takeaways, card drafts."""

    def __init__(self, pack_id: str, title: str, article: Article) -> None:
        self.pack_id = pack_id
        self.title = title
        self.sections: list[Draft] = article.sections
        used = {pack_id}
        self._next: dict[str, int] = {}
        """For each id's base, the number to try next (so a thousand equal headings are
        numbered in one pass, not by counting up from 2 for each)."""
        self.section_ids = [self._unique(slug(s.title, "section"), used) for s in self.sections]
        self.takeaways: list[TakeawayDraft] = []
        self.takeaway_section: int | None = None
        for index, section in enumerate(self.sections):
            if is_takeaway_heading(section.title):
                others = [(i, s.blocks) for i, s in enumerate(self.sections) if i != index]
                found = find_takeaways(section.blocks, others)
                if found:
                    self.takeaways, self.takeaway_section = found, index
                    break
        self.takeaway_ids = [self._unique(slug(t.title, "takeaway"), used) for t in self.takeaways]
        self.cards = self._cards()
        self.card_ids = [self._card_id(card, used) for card in self.cards]

    def _unique(self, base: str, used: set[str]) -> str:
        n = self._next.get(base, 1)
        value = base if n == 1 else f"{base}-{n}"
        while value in used:
            n += 1
            value = f"{base}-{n}"
        self._next[base] = n + 1
        used.add(value)
        return value

    def _card_id(self, card: CardDraft, used: set[str]) -> str:
        if card.rule == "takeaway":
            return self._unique(f"card-{self.takeaway_ids[int(card.about)]}", used)
        return self._unique(f"card-{self.section_ids[card.section]}", used)

    def _cards(self) -> list[CardDraft]:
        chooser = Chooser()
        own: list[CardDraft] = []
        if self.takeaway_section is not None:
            for index, takeaway in enumerate(self.takeaways):
                card = takeaway_card(
                    index,
                    takeaway.title,
                    takeaway.text,
                    self.takeaway_section,
                    takeaway.paragraph,
                    takeaway.joiner,
                )
                if chooser.take(card):
                    own.append(card)
        candidates: list[list[CardDraft]] = []
        for index, section in enumerate(self.sections):
            if index == self.takeaway_section:
                continue
            per_section = 0
            for number, block in enumerate(section.blocks, start=1):
                if per_section >= PER_SECTION:
                    break
                if block.lstrip().startswith(("```", "~~~")):
                    continue  # a code listing holds no sentences to make cards of
                found = paragraph_cards(block, index, number)
                if found:
                    candidates.append(found)
                    per_section += 1
        chosen = []
        for options in spread(candidates, max(0, MAX_CARDS - len(own))):
            pick = next((c for c in options if chooser.take(c)), None)
            if pick is not None:
                chosen.append(pick)
        return own + chosen

    def _about(self, card: CardDraft) -> list[str]:
        if card.rule == "takeaway":
            return [self.takeaway_ids[int(card.about)]]
        argued = [
            self.takeaway_ids[i] for i, t in enumerate(self.takeaways) if card.section in t.sections
        ]
        return argued[:1] or [self.section_ids[card.section]]

    # -- writing ------------------------------------------------------------------------------
    def write(
        self,
        folder: Path,
        source_line: str,
        digest: str,
        source: Source,
        now: dt.datetime | None,
    ) -> None:
        files = self.files(source_line)
        for name, text in files.items():
            limit = MAX_SECTION_BYTES if name.startswith("sections/") else MAX_YAML_BYTES
            size = len(text.encode())
            if size > limit:
                raise AuthoringError(too_large(name, size, limit, self))
        (folder / "sections").mkdir()
        for name, text in files.items():
            with open(folder / name, "w", encoding="utf-8") as handle:
                handle.write(text)
        origin = {
            "file": source.path.name,
            "format": source.format,
            "encoding": source.encoding,
            "sha256": digest,
            "added": (now or dt.datetime.now(dt.UTC)).isoformat(timespec="seconds"),
        }
        (folder / ORIGIN_FILE).write_text(json.dumps(origin, indent=2) + "\n", encoding="utf-8")

    def files(self, source_line: str) -> dict[str, str]:
        """The pack's files by name, as text: what :meth:`write` checks against the loader's
        limits before it writes anything."""
        files: dict[str, str] = {}
        entries = []
        for number, (section, section_id) in enumerate(
            zip(self.sections, self.section_ids, strict=True), start=1
        ):
            file = f"sections/{number:04d}-{section_id}.md"
            files[file] = "\n\n".join(section.blocks) + "\n"
            entries.append({"id": section_id, "title": section.title, "file": file})
        head: dict[str, Any] = {"id": self.pack_id, "title": self.title}
        head["source"] = source_line
        head["sections"] = entries
        files["pack.yaml"] = _yaml(head)
        if self.takeaways:
            files["takeaways.yaml"] = _yaml(
                [
                    {
                        "id": takeaway_id,
                        "title": t.title,
                        "text": t.text,
                        "passage": {
                            "section": self.section_ids[self.takeaway_section or 0],
                            "paragraph": t.paragraph,
                        },
                        "sections": [self.section_ids[i] for i in t.sections],
                    }
                    for takeaway_id, t in zip(self.takeaway_ids, self.takeaways, strict=True)
                ]
            )
        cards = self._cards_yaml(set(self.card_ids))
        if cards:
            files["cards.yaml"] = cards
        return files

    def _write_cards(self, folder: Path, keep: set[str]) -> None:
        target = folder / "cards.yaml"
        text = self._cards_yaml(keep)
        if text:
            target.write_text(text, encoding="utf-8")
        elif target.exists():
            target.unlink()

    def _cards_yaml(self, keep: set[str]) -> str:
        cards = [
            {
                "id": card_id,
                "kind": "cloze",
                "prompt": card.prompt,
                "answer": card.answer,
                "about": self._about(card),
                "passage": {"section": self.section_ids[card.section], "paragraph": card.paragraph},
                **({"explanation": card.explanation} if card.explanation else {}),
            }
            for card_id, card in zip(self.card_ids, self.cards, strict=True)
            if card_id in keep
        ]
        return _yaml(cards) if cards else ""

    def check(self, folder: Path) -> tuple[Pack, int]:
        """Load the written pack as ``validate`` does; leave out the cards the card lint finds
        anything wrong with; return the pack as loaded and how many cards were left out. A pack
        that does not load is a bug of ours."""
        from summitreader.pack import PackError, load_pack
        from summitreader.pack.lint import lint_cards
        from summitreader.study.deck import build_deck

        try:
            pack = load_pack(folder)
        except PackError as error:
            raise AuthoringError(f"{BUG}: {error}") from None
        flagged = {finding.card for finding in lint_cards(pack, build_deck(pack))}
        bad = flagged & set(self.card_ids)
        if not bad:
            return pack, 0
        self._write_cards(folder, set(self.card_ids) - bad)
        try:
            pack = load_pack(folder)
        except PackError as error:
            raise AuthoringError(f"{BUG}: {error}") from None
        return pack, len(bad)
