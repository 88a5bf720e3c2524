"""Loading a pack folder into a :class:`~summitreader.pack.model.Pack`, checking everything.

Every problem found is collected with its file, line and column, and all of them are reported
together in one :class:`PackError`.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from summitreader.pack.fields import FileReader, Missing
from summitreader.pack.links import find_mentions
from summitreader.pack.markdown import split_paragraphs
from summitreader.pack.model import (
    CARD_KINDS,
    Card,
    Issue,
    Location,
    Meeting,
    Note,
    Pack,
    Section,
    Takeaway,
    TimelineEvent,
)
from summitreader.pack.references import check_references
from summitreader.pack.templates import read_template
from summitreader.pack.yamlsafe import MAX_BYTES, Problem, compose, read_text
from summitreader.text import clean_text

T = TypeVar("T")
SETTINGS = ("summit", "bilateral", "informal", "called-off")
INDEX_FILES = (
    "meetings.yaml", "issues.yaml", "takeaways.yaml", "cards.yaml", "notes.yaml", "templates.yaml"
)
MAX_SECTION_BYTES = 4 * MAX_BYTES
REPORTED_PER_FILE = 100
"""How many problems of one file a report lists; the rest are counted."""


class PackError(Exception):
    """The pack could not be loaded; :attr:`problems` lists every reason."""

    def __init__(self, root: Path, problems: list[Problem]) -> None:
        self.root = root
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.column))
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem, one a line; past :data:`REPORTED_PER_FILE` of one file, their count."""
        count = len(self.problems)
        plural = "s" if count != 1 else ""
        head = clean_text(f"the pack at {self.root} has {count:,} problem{plural}:")
        lines = [head]
        by_file: dict[str, list[Problem]] = {}
        for problem in self.problems:
            by_file.setdefault(problem.file, []).append(problem)
        for file, found in by_file.items():
            lines.extend(f"  {problem}" for problem in found[:REPORTED_PER_FILE])
            if len(found) > REPORTED_PER_FILE:
                more = len(found) - REPORTED_PER_FILE
                lines.append(f"  {file}: and {more:,} more problem{'s' if more != 1 else ''}")
        return "\n".join(lines)


def load_pack(root: str | os.PathLike[str]) -> Pack:
    """Load and check the pack in folder ``root``; raise :class:`PackError` listing every
    problem."""
    return _Loader(Path(root)).load()


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.digest = hashlib.sha256()
        # What a reference check cannot know: the kinds of entry whose file (or list) could not be
        # read, and the ids of entries left out for problems of their own. A reference to those is
        # not reported as unknown: the problem that hid them is reported already.
        self.unreadable: set[str] = set()
        self.left_out: set[str] = set()
        self._real_root: Path | None = None

    def _resolved_root(self) -> Path:
        """The pack folder's real path, found once (a book has thousands of sections)."""
        if self._real_root is None:
            self._real_root = self.root.resolve()
        return self._real_root

    # -- files ----------------------------------------------------------------------------
    def _read(self, name: str, limit: int = MAX_BYTES) -> str | None:
        text = read_text(self.root / name, name, self.problems, limit)
        if text is not None:
            self.digest.update(name.encode() + b"\0" + text.encode() + b"\0")
        return text

    def _document(self, name: str, required: bool = False) -> tuple[FileReader, Node] | None:
        """The file's root node; None if it cannot be read or parsed (a problem is recorded) or
        has no document (an empty optional file: no entries; an empty required file: a problem)."""
        text = self._read(name)
        if text is None:
            return None
        before = len(self.problems)
        node = compose(text, name, self.problems)
        if node is None and required and len(self.problems) == before:
            self.problems.append(
                Problem(name, 1, 1, "the file is empty; it needs at least id, title and sections")
            )
        if node is None:
            return None
        return FileReader(name, self.problems), node

    def _entries(
        self, name: str, kind: str, convert: Callable[[FileReader, Node, str], T]
    ) -> tuple[T, ...]:
        file = self.root / name
        if not file.exists():
            if os.path.lexists(file):  # a link to nothing, or a loop of links: say so
                self.problems.append(
                    Problem(name, 1, 1, "the file is a symbolic link that leads to no file")
                )
                self.unreadable.add(kind)
            return ()
        before = len(self.problems)
        document = self._document(name)
        if document is None:
            if len(self.problems) > before:
                self.unreadable.add(kind)
            return ()
        reader, node = document
        result: list[T] = []
        try:
            for path, item in reader.items(node, ""):
                try:
                    result.append(convert(reader, item, path))
                except Missing:
                    self._leave_out(item)
        except Missing:
            self.unreadable.add(kind)
        return tuple(result)

    def _leave_out(self, node: Node) -> None:
        """Note the id of an entry left out for its own problems, if it has one."""
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if (
                    isinstance(key, ScalarNode)
                    and key.value == "id"
                    and isinstance(value, ScalarNode)
                ):
                    self.left_out.add(str(value.value).strip())

    # -- the pack -------------------------------------------------------------------------
    def load(self) -> Pack:
        if not self.root.is_dir():
            raise PackError(
                self.root, [Problem(str(self.root), 1, 1, "there is no pack folder here")]
            )
        head = self._head()
        meetings = self._entries("meetings.yaml", "meeting", self._meeting)
        issues = self._entries("issues.yaml", "issue", self._issue)
        takeaways = self._entries("takeaways.yaml", "takeaway", self._takeaway)
        cards = self._entries("cards.yaml", "card", self._card)
        notes = self._entries("notes.yaml", "note", self._note)
        templates = self._entries("templates.yaml", "template", read_template)
        # Even without a usable pack.yaml (its sections unknown), the other files are checked
        # against each other: every problem is reported at once.
        sections = head[4] if head is not None else ()
        unreadable = set(self.unreadable) | (set() if head is not None else {"section"})
        check_references(
            self.problems,
            sections,
            meetings,
            issues,
            takeaways,
            cards,
            notes,
            unreadable=frozenset(unreadable),
            left_out=frozenset(self.left_out),
            templates=templates,
        )
        if head is None or self.problems:
            raise PackError(self.root, self.problems)
        pack_id, title, subtitle, source, _ = head
        return Pack(
            id=pack_id,
            title=title,
            subtitle=subtitle,
            source=source,
            root=str(self.root),
            content_hash=self.digest.hexdigest(),
            sections=sections,
            meetings=meetings,
            issues=issues,
            takeaways=takeaways,
            cards=cards,
            notes=notes,
            mentions=find_mentions(sections, (*meetings, *issues)),
            templates=templates,
        )

    def _head(self) -> tuple[str, str, str, str, tuple[Section, ...]] | None:
        document = self._document("pack.yaml", required=True)
        if document is None:
            return None
        reader, node = document
        try:
            values = reader.mapping(node, "", ("id", "title", "sections"), ("subtitle", "source"))
        except Missing:
            return None
        try:
            pack_id = reader.field(values, "id", "", reader.identifier)
            title = reader.field(values, "title", "", reader.text)
        except Missing:
            pack_id = title = ""
        subtitle = reader.field(values, "subtitle", "", reader.optional_text, "")
        source = reader.field(values, "source", "", reader.optional_text, "")
        sections = reader.each(values, "sections", "", self._section_or_left_out)
        if "sections" in values and not isinstance(values["sections"], SequenceNode):
            self.unreadable.add("section")
        if "sections" in values and not sections and not self.problems:
            reader.problem(values["sections"], "sections", "a pack needs at least one section")
        if not pack_id or not title:
            return None
        return pack_id, title, subtitle, source, sections

    def _section_or_left_out(self, node: Node, path: str) -> Section:
        try:
            return self._section(node, path)
        except Missing:
            self._leave_out(node)
            raise

    def _section(self, node: Node, path: str) -> Section:
        reader = FileReader("pack.yaml", self.problems)
        values = reader.mapping(node, path, ("id", "title", "file"))
        section_id = reader.field(values, "id", path, reader.identifier)
        title = reader.field(values, "title", path, reader.text)
        file = reader.field(values, "file", path, reader.text)
        try:
            target = (self.root / file).resolve()
        except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links (Python 3.11)
            raise reader.problem(
                values["file"], f"{path}.file", f"{file} is a loop of symbolic links"
            ) from None
        if self._resolved_root() not in target.parents:
            raise reader.problem(values["file"], f"{path}.file", "must be a file inside the pack")
        text = self._read(file, MAX_SECTION_BYTES)
        if text is None:
            raise Missing(file)
        paragraphs = split_paragraphs(section_id, clean_text(text))
        if not paragraphs:
            raise reader.problem(values["file"], f"{path}.file", f"{file} has no text")
        return Section(
            id=section_id,
            title=title,
            number=int(path.rsplit("[", 1)[1].rstrip("]")) + 1,
            file=file,
            paragraphs=paragraphs,
            location=reader.location(node),
        )

    # -- index entries --------------------------------------------------------------------
    def _meeting(self, reader: FileReader, node: Node, path: str) -> Meeting:
        values = reader.mapping(
            node,
            path,
            (
                "id",
                "title",
                "date",
                "place",
                "setting",
                "duration",
                "issues",
                "outcome",
                "in_article",
                "held",
                "sources",
            ),
            ("setting_detail", "controversy", "aliases", "note"),
        )
        text = reader.text
        optional = reader.optional_text
        return Meeting(
            id=reader.field(values, "id", path, reader.identifier),
            title=reader.field(values, "title", path, text),
            date=reader.field(values, "date", path, reader.date),
            place=reader.field(values, "place", path, text),
            setting=reader.field(values, "setting", path, reader.choice(SETTINGS)),
            setting_detail=reader.field(values, "setting_detail", path, optional, ""),
            duration=reader.field(values, "duration", path, text),
            issues=reader.each(values, "issues", path, reader.identifier),
            outcome=reader.field(values, "outcome", path, text),
            controversy=reader.field(values, "controversy", path, optional, ""),
            in_article=reader.field(values, "in_article", path, reader.boolean),
            held=reader.field(values, "held", path, reader.boolean),
            sources=self._sources(reader, values, path),
            aliases=reader.each(values, "aliases", path, text),
            note=reader.field(values, "note", path, optional, ""),
            location=reader.location(node),
        )

    def _sources(self, reader: FileReader, values: dict[str, Node], path: str) -> tuple[str, ...]:
        sources = reader.each(values, "sources", path, reader.url)
        given = values.get("sources")
        if isinstance(given, SequenceNode) and not given.value:
            reader.problem(given, f"{path}.sources", "give at least one source")
        return sources

    def _issue(self, reader: FileReader, node: Node, path: str) -> Issue:
        values = reader.mapping(
            node, path, ("id", "title", "summary", "sources"), ("aliases", "timeline")
        )

        def event(item: Node, item_path: str) -> TimelineEvent:
            fields = reader.mapping(item, item_path, ("date", "text"), ("sources", "key"))
            return TimelineEvent(
                date=reader.field(fields, "date", item_path, reader.date),
                text=reader.field(fields, "text", item_path, reader.text),
                sources=reader.each(fields, "sources", item_path, reader.url),
                key=reader.field(fields, "key", item_path, reader.boolean, False),
            )

        return Issue(
            id=reader.field(values, "id", path, reader.identifier),
            title=reader.field(values, "title", path, reader.text),
            aliases=reader.each(values, "aliases", path, reader.text),
            summary=reader.field(values, "summary", path, reader.text),
            timeline=reader.each(values, "timeline", path, event),
            sources=self._sources(reader, values, path),
            location=reader.location(node),
        )

    def _takeaway(self, reader: FileReader, node: Node, path: str) -> Takeaway:
        values = reader.mapping(node, path, ("id", "title", "text", "passage", "sections"))
        return Takeaway(
            id=reader.field(values, "id", path, reader.identifier),
            title=reader.field(values, "title", path, reader.text),
            text=reader.field(values, "text", path, reader.text),
            passage=reader.field(values, "passage", path, reader.passage),
            sections=reader.each(values, "sections", path, reader.identifier),
            location=reader.location(node),
        )

    def _card(self, reader: FileReader, node: Node, path: str) -> Card:
        values = reader.mapping(
            node,
            path,
            ("id", "kind", "prompt", "about", "passage"),
            ("answer", "accept", "choices", "items", "explanation"),
        )
        return Card(
            id=reader.field(values, "id", path, reader.identifier),
            card_kind=reader.field(values, "kind", path, reader.choice(CARD_KINDS)),  # type: ignore[arg-type]
            prompt=reader.field(values, "prompt", path, reader.text),
            answer=reader.field(values, "answer", path, reader.optional_text, ""),
            about=reader.each(values, "about", path, reader.identifier),
            passage=reader.field(values, "passage", path, reader.passage),
            choices=reader.each(values, "choices", path, reader.text),
            items=reader.each(values, "items", path, reader.text),
            accept=reader.each(values, "accept", path, reader.text),
            explanation=reader.field(values, "explanation", path, reader.optional_text, ""),
            location=reader.location(node),
        )

    def _note(self, reader: FileReader, node: Node, path: str) -> Note:
        values = reader.mapping(node, path, ("id", "title", "text"), ("passage", "sources"))
        return Note(
            id=reader.field(values, "id", path, reader.identifier),
            title=reader.field(values, "title", path, reader.text),
            text=reader.field(values, "text", path, reader.text),
            passage=reader.field(values, "passage", path, reader.passage, None),
            sources=reader.each(values, "sources", path, reader.url),
            location=reader.location(node),
        )


__all__ = ["INDEX_FILES", "Location", "PackError", "Problem", "load_pack"]
