"""Turning YAML nodes into checked values, recording every problem with its place and field path."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, TypeVar, cast
from urllib.parse import urlsplit

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from summitreader.pack.model import DateSpan, Location, PassageRef
from summitreader.pack.yamlsafe import Problem
from summitreader.text import clean_text, visible

T = TypeVar("T")
ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TEXT_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_REQUIRED = object()
_KIND_NAMES = {MappingNode: "a mapping", SequenceNode: "a list", ScalarNode: "a value"}
MAX_INTEGER = 10**9
"""The largest whole number a pack may give (paragraph numbers are far smaller)."""
_INTEGER_DIGITS = len(str(MAX_INTEGER)) + 8
"""Longer numbers are refused as too large before any conversion: Python would refuse to read
a decimal number of thousands of digits, and could not print a hexadecimal one read in full."""
_SURROGATE = re.compile("[\ud800-\udfff]")


class Missing(Exception):
    """Raised by a converter after recording a problem: the value is unusable."""


class FileReader:
    """Reads nodes of one file, collecting problems instead of stopping at the first."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems

    # -- places and problems -------------------------------------------------------------
    def location(self, node: Node) -> Location:
        return Location(self.name, node.start_mark.line + 1, node.start_mark.column + 1)

    def problem(self, node: Node, path: str, message: str) -> Missing:
        where = self.location(node)
        text = f"{path}: {message}" if path else message
        self.problems.append(Problem(where.file, where.line, where.column, text))
        return Missing(text)

    # -- structure ------------------------------------------------------------------------
    def mapping(
        self, node: Node, path: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Node]:
        """The mapping's value nodes by key; unknown, duplicate and missing keys are problems."""
        if not isinstance(node, MappingNode):
            raise self.problem(node, path, f"expected a mapping, found {_kind(node)}")
        values: dict[str, Node] = {}
        allowed = set(required) | set(optional)
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, path, "keys must be plain names")
                continue
            key = str(key_node.value)
            unreadable = _unreadable_key(key)
            if unreadable:
                self.problem(key_node, path, unreadable)
                continue
            if key in values:
                self.problem(key_node, _join(path, key), "this key is given twice")
                continue
            if key not in allowed:
                hint = ", ".join(sorted(allowed))
                self.problem(key_node, _join(path, key), f"unknown field (expected one of: {hint})")
                continue
            values[key] = value_node
        for key in required:
            if key not in values:
                self.problem(node, path, f"missing field '{key}'")
        return values

    def items(self, node: Node, path: str) -> Iterator[tuple[str, Node]]:
        if not isinstance(node, SequenceNode):
            raise self.problem(node, path, f"expected a list, found {_kind(node)}")
        for number, item in enumerate(node.value):
            yield f"{path}[{number}]", item

    def each(
        self, values: dict[str, Node], key: str, path: str, convert: Callable[[Node, str], T]
    ) -> tuple[T, ...]:
        """Each item of an optional list field, converted; bad items are left out (and reported)."""
        if key not in values:
            return ()
        result: list[T] = []
        try:
            for item_path, item in self.items(values[key], _join(path, key)):
                with contextlib.suppress(Missing):
                    result.append(convert(item, item_path))
        except Missing:
            pass
        return tuple(result)

    def field(
        self,
        values: dict[str, Node],
        key: str,
        path: str,
        convert: Callable[[Node, str], T],
        default: Any = _REQUIRED,
    ) -> T:
        """The converted value of ``key``; a missing key gives ``default`` or, for a required
        field (already reported by :meth:`mapping`), raises :class:`Missing`."""
        if key not in values:
            if default is _REQUIRED:
                raise Missing(key)
            return cast(T, default)
        return convert(values[key], _join(path, key))

    # -- scalars --------------------------------------------------------------------------
    def text(self, node: Node, path: str) -> str:
        if not isinstance(node, ScalarNode) or node.tag not in _TEXT_TAGS:
            raise self.problem(node, path, f"expected text, found {_describe(node)}")
        raw = str(node.value)
        surrogate = _SURROGATE.search(raw)
        if surrogate:
            raise self.problem(
                node,
                path,
                f"holds U+{ord(surrogate.group()):04X}, half of a surrogate pair, which is not a "
                "character (write the character itself, or its \\U escape)",
            )
        value = clean_text(raw).strip()
        if not visible(value):
            raise self.problem(node, path, "must not be empty (or only invisible characters)")
        return value

    def optional_text(self, node: Node, path: str) -> str:
        if isinstance(node, ScalarNode) and node.tag == _NULL:
            return ""
        if isinstance(node, ScalarNode) and node.tag == _STR and not str(node.value).strip():
            return ""
        return self.text(node, path)

    def identifier(self, node: Node, path: str) -> str:
        value = self.text(node, path)
        if not ID_PATTERN.match(value):
            stranger = next((c for c in value if not c.isascii()), None)
            which = ""
            if stranger is not None:
                which = f": it holds {describe_character(stranger)}, which is not ASCII"
            raise self.problem(
                node,
                path,
                f"'{value}' is not a valid id{which} (lower-case letters, digits and hyphens, "
                "starting with a letter)",
            )
        return value

    def boolean(self, node: Node, path: str) -> bool:
        if not isinstance(node, ScalarNode) or node.tag != _BOOL:
            raise self.problem(node, path, f"expected true or false, found {_describe(node)}")
        return str(node.value).lower() in {"true", "yes", "on", "y"}

    def integer(self, node: Node, path: str) -> int:
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:int":
            written = str(node.value).replace("_", "")
            too_large = f"the number is too large (at most {MAX_INTEGER:,})"
            if len(written.lstrip("+-0")) > _INTEGER_DIGITS:
                raise self.problem(node, path, too_large)
            try:
                value = int(written, 0)
            except ValueError:
                pass
            else:
                if abs(value) > MAX_INTEGER:
                    raise self.problem(node, path, too_large)
                return value
        raise self.problem(node, path, f"expected a whole number, found {_describe(node)}")

    def date(self, node: Node, path: str) -> DateSpan:
        value = self.text(node, path)
        try:
            return DateSpan.parse(value)
        except ValueError as error:
            raise self.problem(
                node,
                path,
                f"'{value}' is not a date (YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD): {error}",
            ) from None

    def url(self, node: Node, path: str) -> str:
        value = self.text(node, path)
        parts = urlsplit(value)
        if parts.scheme not in {"http", "https"} or not parts.netloc or " " in value:
            raise self.problem(node, path, f"'{value}' is not an http(s) address")
        return value

    def choice(self, options: tuple[str, ...]) -> Callable[[Node, str], str]:
        def convert(node: Node, path: str) -> str:
            value = self.text(node, path)
            if value not in options:
                raise self.problem(node, path, f"'{value}' is not one of: {', '.join(options)}")
            return value

        return convert

    def passage(self, node: Node, path: str) -> PassageRef:
        values = self.mapping(node, path, ("section", "paragraph"))
        section = self.field(values, "section", path, self.identifier)
        paragraph = self.field(values, "paragraph", path, self.integer)
        return PassageRef(section, paragraph)


def describe_character(char: str) -> str:
    """``U+043E CYRILLIC SMALL LETTER O``: a character named, to tell it from its look-alikes."""
    name = unicodedata.name(char, "")
    if not name:
        category = unicodedata.category(char)
        name = {"Cc": "(a control character)", "Cs": "(half of a surrogate pair)"}.get(
            category, ""
        )
    return f"U+{ord(char):04X} {name}".rstrip()


def _unreadable_key(key: str) -> str:
    """Why ``key`` cannot be shown as a field name, or "" when it can (once cleaned): a key made
    only of control characters would show as nothing, and a lone surrogate cannot be written."""
    if key.isprintable() and key.strip():  # nearly always: nothing to look at
        return ""
    shown = clean_text(key)
    if _SURROGATE.search(key) is None and shown.strip():
        return ""
    if not key.strip():
        return "a key must not be empty"
    characters = ", ".join(
        describe_character(c) for c in dict.fromkeys(key) if not c.isprintable()
    )
    only = " only" if not shown.strip() else ""
    return f"a key must be a field name, not{only} characters that cannot be shown ({characters})"


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(node: Node) -> str:
    return _KIND_NAMES.get(type(node), "something else")


def _describe(node: Node) -> str:
    if not isinstance(node, ScalarNode):
        return _kind(node)
    names = {
        _BOOL: "true/false (quote it to make it text)",
        _NULL: "nothing",
        "tag:yaml.org,2002:int": "a number",
        "tag:yaml.org,2002:float": "a number",
        _STR: "text",
    }
    return names.get(node.tag, "a value")
