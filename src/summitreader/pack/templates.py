"""Reading ``templates.yaml``: the card templates a pack gives the deck to generate cards with.

A template names what it asks (one of :data:`~summitreader.pack.model.TEMPLATE_ASKS`) and words
the prompt and the explanation, with ``{placeholders}`` filled in per entry. Which placeholders a
template may use depends on what it asks; any other is a problem reported with its place.
"""

from __future__ import annotations

from string import Formatter

from yaml.nodes import Node

from summitreader.pack.fields import FileReader
from summitreader.pack.model import TEMPLATE_ASKS, CardTemplate

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


def read_template(reader: FileReader, node: Node, path: str) -> CardTemplate:
    values = reader.mapping(node, path, ("id", "ask", "prompt"), ("explanation",))
    template_id = reader.field(values, "id", path, reader.identifier)
    ask = reader.field(values, "ask", path, reader.choice(TEMPLATE_ASKS))
    prompt = reader.field(values, "prompt", path, reader.text)
    explanation = reader.field(values, "explanation", path, reader.optional_text, "")
    allowed = PLACEHOLDERS[ask]
    for key, text in (("prompt", prompt), ("explanation", explanation)):
        problem = _placeholder_problem(text, allowed)
        if problem:
            raise reader.problem(values[key], f"{path}.{key}", problem)
    return CardTemplate(
        id=template_id,
        ask=ask,
        prompt=prompt,
        explanation=explanation,
        location=reader.location(node),
    )


def _placeholder_problem(text: str, allowed: tuple[str, ...]) -> str:
    try:
        names = [name for _, name, spec, conv in Formatter().parse(text) if name is not None]
        specs = [
            (spec, conv) for _, name, spec, conv in Formatter().parse(text) if name is not None
        ]
    except ValueError as error:
        return f"a brace is not closed or not doubled ({error}); write {{{{ for a brace"
    for name in names:
        if name not in allowed:
            shown = name or "{}"
            return f"unknown placeholder '{shown}' (this template can use: {', '.join(allowed)})"
    if any(spec or conv for spec, conv in specs):
        return "a placeholder is written {name}, without a format or conversion"
    return ""


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with its placeholders filled in (checked when the pack was loaded)."""
    return text.format_map(values)
