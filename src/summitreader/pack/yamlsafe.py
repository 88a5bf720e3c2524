"""Reading a pack's YAML strictly and safely, with every problem's place.

PyYAML's safe loader never runs code, but it still expands aliases (an "alias bomb" of a few hundred
bytes can ask for gigabytes) and recurses on deep nesting. So the event stream is checked first,
without building anything: any tag, anchor or alias, or nesting deeper than :data:`MAX_DEPTH`, is a
problem, and nothing is composed. Only then is the document composed into nodes, which keep their
line and column for the checks that follow (:mod:`summitreader.pack.fields`).
"""

from __future__ import annotations

import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import yaml
import yaml.reader
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent
from yaml.nodes import Node

from summitreader.text import clean_text

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
_FAST_LOADER: type | None = getattr(yaml, "CSafeLoader", None)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_PROBLEMS = 50
"""How many problems (aliases, anchors, tags) the check of one YAML file reports before it stops."""


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in a pack, at a file, 1-based line and column."""

    file: str
    line: int
    column: int
    message: str

    def __post_init__(self) -> None:
        # A message can quote the pack (an unknown key, a bad value): it is shown as text, so it
        # must not carry what would drive a terminal.
        # Nor a lone surrogate, which no output encoding can write: it is shown as its number.
        object.__setattr__(self, "file", _shown(clean_text(self.file)))
        message = " ".join(clean_text(self.message).split("\n"))
        object.__setattr__(self, "message", _shown(message))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


def _shown(text: str) -> str:
    if _LONE_SURROGATE.search(text) is None:
        return text
    return _LONE_SURROGATE.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def read_text(path: Path, name: str, problems: list[Problem], limit: int = MAX_BYTES) -> str | None:
    """The file's text, or None with a problem when it cannot be read, is too big or is not UTF-8.

    Only regular files are read (a FIFO would block, a device such as /dev/zero never ends), and
    never more than ``limit`` bytes, whatever the size the file claimed.
    """
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            problems.append(Problem(name, 1, 1, "the file is not a regular file"))
            return None
        size = status.st_size
        if size <= limit:
            with path.open("rb") as handle:
                raw = handle.read(limit + 1)
            size = max(size, len(raw))
        if size > limit:
            problems.append(
                Problem(name, 1, 1, f"the file is {size:,} bytes; the limit is {limit:,}")
            )
            return None
    except FileNotFoundError:
        problems.append(Problem(name, 1, 1, "the file does not exist"))
        return None
    except OSError as error:
        problems.append(Problem(name, 1, 1, f"the file cannot be read ({error.strerror})"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        # Everything before the first bad byte decodes; count its characters, not its bytes.
        line_start = before[before.rfind(b"\n") + 1 :]
        column = len(line_start.decode("utf-8", errors="replace")) + 1
        problems.append(
            Problem(
                name,
                line,
                column,
                f"the file is not UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})",
            )
        )
        return None
    return text.removeprefix("\ufeff")


class _Mark(Protocol):
    """Where a YAML event starts (the Python and the C parsers each have their own class)."""

    line: int
    column: int


def _place(name: str, mark: _Mark | None) -> tuple[str, int, int]:
    if mark is None:
        return name, 1, 1
    return name, mark.line + 1, mark.column + 1


def _syntax(name: str, error: yaml.MarkedYAMLError) -> Problem:
    """A syntax error at the place the parser stopped, saying where the construct it was in
    began: for an unclosed quote or bracket, the stop is often far from the cause."""
    mark = error.problem_mark or error.context_mark
    if error.problem == "but found another document":
        return Problem(
            *_place(name, mark),
            "YAML syntax: a second document starts here ('---'); the file holds one document",
        )
    message = error.problem or error.context or "not valid YAML"
    start = error.context_mark
    if (
        error.problem
        and error.context
        and start is not None
        and (mark is None or (start.line, start.column) != (mark.line, mark.column))
    ):
        if error.context.startswith("while "):
            where = f"line {start.line + 1}, column {start.column + 1}"
            message += f" ({error.context} that starts at {where})"
        else:
            message += f" ({error.context})"
    return Problem(*_place(name, mark), f"YAML syntax: {message}")


def _unacceptable(text: str, name: str, error: yaml.reader.ReaderError) -> Problem:
    position = error.position if isinstance(error.position, int) else 0
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    character = error.character if isinstance(error.character, int) else ord(str(error.character))
    kind = "control character" if unicodedata.category(chr(character)) == "Cc" else "character"
    return Problem(name, line, column, f"the {kind} U+{character:04X} is not allowed in YAML")


def compose(text: str, name: str, problems: list[Problem]) -> Node | None:
    """The document's root node, or None (with problems) if it is not acceptable YAML.

    libyaml's C parser (when PyYAML has it) does the work, ten times faster than the Python one;
    a document it finds anything wrong with is read again by the Python parser, whose messages
    and places are the ones reported, so both give the same problems.
    """
    if _FAST_LOADER is not None:
        try:
            if not _check_events(text, name, _FAST_LOADER):
                return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    found = _check_events(text, name, yaml.SafeLoader)
    if found:
        problems.extend(found)
        return None
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        problems.append(_syntax(name, error))
        return None


def _check_events(text: str, name: str, loader: type) -> list[Problem]:
    """The problems of the document's event stream: syntax, tags, anchors, aliases, depth."""
    found: list[Problem] = []
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, AliasEvent):
                found.append(
                    Problem(
                        *_place(name, event.start_mark),
                        "YAML aliases (*name) are not allowed in a pack; write the value out",
                    )
                )
                if len(found) >= MAX_PROBLEMS:
                    break
                continue
            if isinstance(event, NodeEvent) and event.anchor is not None:
                found.append(
                    Problem(
                        *_place(name, event.start_mark),
                        "YAML anchors (&name) are not allowed in a pack",
                    )
                )
            tag = getattr(event, "tag", None)
            if isinstance(event, NodeEvent) and tag is not None and tag != "!":
                found.append(
                    Problem(
                        *_place(name, event.start_mark),
                        f"YAML tags ({tag}) are not allowed in a pack",
                    )
                )
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    found.append(
                        Problem(
                            *_place(name, event.start_mark),
                            f"nested deeper than {MAX_DEPTH} levels",
                        )
                    )
                    break
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
            if len(found) >= MAX_PROBLEMS:
                break
    except yaml.MarkedYAMLError as error:
        found.append(_syntax(name, error))
    except yaml.reader.ReaderError as error:
        # A character YAML does not allow anywhere (a control character, U+FFFE, ...). PyYAML
        # gives its offset in the text only, and a message of two lines.
        found.append(_unacceptable(text, name, error))
    except yaml.YAMLError as error:
        found.append(Problem(name, 1, 1, f"YAML: {error}"))
    return found
