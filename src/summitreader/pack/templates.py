"""Reading ``templates.yaml``: the card templates a pack gives the deck to generate cards with.

A template names what it asks (one of :data:`~summitreader.pack.model.TEMPLATE_ASKS`) and words
the prompt and the explanation, with ``{placeholders}`` filled in per entry. Which placeholders a
template may use depends on what it asks; any other is a problem reported with its place.
"""

from __future__ import annotations

from string import Formatter

from yaml.nodes import Node, ScalarNode

from summitreader.pack.fields import FileReader, Missing
from summitreader.pack.model import TEMPLATE_ASKS, CardTemplate
from summitreader.pack.yamlsafe import Problem

_MEETING = ("title", "date", "place", "where")
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "meeting-date": _MEETING,
    "meeting-place": _MEETING,
    "meeting-by-outcome": (*_MEETING, "fact"),
    "meeting-by-controversy": (*_MEETING, "fact"),
    "meeting-order": ("events",),
    "issue-order": ("title", "events"),
}
"""The placeholders each kind of template may use (see the pack format in content/README.md)."""


MAX_TEMPLATE_CHARS = 2000
"""A template's prompt or explanation longer than this is a problem: cards say one thing."""
MAX_PLACEHOLDERS = 12
"""At most this many placeholders in a prompt or explanation, so that a generated card's text is
at most a few times its longest value (a card of an absurd length is refused where it is made)."""


def read_template(reader: FileReader, node: Node, path: str) -> CardTemplate:
    values = reader.mapping(node, path, ("id", "ask", "prompt"), ("explanation",))
    template_id = reader.field(values, "id", path, reader.identifier)
    ask = reader.field(values, "ask", path, reader.choice(TEMPLATE_ASKS))
    prompt = reader.field(values, "prompt", path, reader.text)
    explanation = reader.field(values, "explanation", path, reader.optional_text, "")
    allowed = PLACEHOLDERS[ask]
    missing: Missing | None = None
    for key, text in (("prompt", prompt), ("explanation", explanation)):
        for offset, problem in _placeholder_problems(text, allowed):
            missing = _report(reader, values[key], f"{path}.{key}", text, offset, problem)
    if missing is not None:
        raise missing
    return CardTemplate(
        id=template_id,
        ask=ask,
        prompt=prompt,
        explanation=explanation,
        location=reader.location(node),
    )


def _report(
    reader: FileReader, node: Node, path: str, text: str, offset: int, message: str
) -> Missing:
    """The problem at its line: inside a ``|`` block, the line of the text it is on."""
    if isinstance(node, ScalarNode) and node.style == "|" and offset:
        line = node.start_mark.line + 2 + text.count("\n", 0, offset)
        column = node.start_mark.column + 1
        full = f"{path}: {message}"
        reader.problems.append(Problem(reader.name, line, column, full))
        return Missing(full)
    return reader.problem(node, path, message)


def _placeholder_problems(text: str, allowed: tuple[str, ...]) -> list[tuple[int, str]]:
    """Every problem of the text's placeholders, each with where it is in the text."""
    if len(text) > MAX_TEMPLATE_CHARS:
        return [(0, f"longer than {MAX_TEMPLATE_CHARS} characters (a card says one thing)")]
    try:
        parsed = list(Formatter().parse(text))
    except ValueError as error:
        if "conversion" in str(error) or "format spec" in str(error):
            return [(0, "a placeholder is written {name}, without a format or conversion")]
        return [(0, f"a brace is not closed or not doubled ({error}); write {{{{ for a brace")]
    problems: list[tuple[int, str]] = []
    offset = 0
    count = 0
    for literal, name, spec, conv in parsed:
        offset += len(literal.replace("{", "{{").replace("}", "}}"))
        if name is None:
            continue
        count += 1
        if name not in allowed:
            shown = name or "{}"
            problems.append(
                (
                    offset,
                    f"unknown placeholder '{shown}' "
                    f"(this template can use: {', '.join(allowed)})",
                )
            )
        elif spec or conv:
            problems.append(
                (offset, "a placeholder is written {name}, without a format or conversion")
            )
        offset += len(name) + 2 + (len(spec) + 1 if spec else 0) + (2 if conv else 0)
    if count > MAX_PLACEHOLDERS:
        problems.append((0, f"more than {MAX_PLACEHOLDERS} placeholders (the card would be huge)"))
    return problems


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with its placeholders filled in (checked when the pack was loaded)."""
    return text.format_map(values)
