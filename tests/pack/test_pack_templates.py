"""``templates.yaml``: card templates are read strictly, with their problems' places."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import PackError, load_pack
from support.packs import TEMPLATES_YAML


def _problems(make_pack: Callable[..., Path], templates: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(make_pack({"templates.yaml": templates}))
    return [str(p) for p in caught.value.problems]


def test_templates_are_loaded_in_order(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack())
    assert [t.id for t in pack.templates] == [
        "when", "where", "outcome", "controversy", "order-meetings", "order"
    ]
    when = pack.templates[0]
    assert when.ask == "meeting-date" and when.prompt == "When did the {title} take place?"
    assert str(when.location) == "templates.yaml:1:3"
    assert load_pack(make_pack({"templates.yaml": None})).templates == ()


def test_an_unknown_placeholder(make_pack: Callable[..., Path]) -> None:
    templates = TEMPLATES_YAML.replace("When did the {title} take place?", "When was {titel}?")
    assert _problems(make_pack, templates) == [
        "templates.yaml:3:11: [0].prompt: unknown placeholder 'titel' (this template can use: "
        "title, date, place, where)"
    ]


def test_a_placeholder_of_another_kind_of_template(make_pack: Callable[..., Path]) -> None:
    templates = """\
- id: order
  ask: issue-order
  prompt: "{title}: put these in order."
  explanation: "{fact}"
"""
    (problem,) = _problems(make_pack, templates)
    assert problem.startswith("templates.yaml:4:16: [0].explanation: unknown placeholder 'fact'")


@pytest.mark.parametrize(
    ("prompt", "message"),
    [
        ("When {title", "a brace is not closed or not doubled"),
        ("When {title!r}", "a placeholder is written {name}, without a format or conversion"),
        ("When {}", "unknown placeholder '{}'"),
    ],
)
def test_malformed_placeholders(
    make_pack: Callable[..., Path], prompt: str, message: str
) -> None:
    templates = TEMPLATES_YAML.replace("When did the {title} take place?", prompt)
    (problem,) = _problems(make_pack, templates)
    assert message in problem


def test_unknown_ask_and_fields(make_pack: Callable[..., Path]) -> None:
    templates = """\
- id: when
  ask: meeting-weather
  prompt: How was the weather?
  colour: blue
"""
    problems = _problems(make_pack, templates)
    assert problems == [
        "templates.yaml:2:8: [0].ask: 'meeting-weather' is not one of: meeting-date, "
        "meeting-place, meeting-by-outcome, meeting-by-controversy, meeting-order, issue-order",
        "templates.yaml:4:3: [0].colour: unknown field (expected one of: ask, explanation, id, "
        "prompt)",
    ]


def test_a_doubled_brace_is_a_brace(make_pack: Callable[..., Path]) -> None:
    from summitreader.pack.templates import fill

    templates = TEMPLATES_YAML.replace(
        "When did the {title} take place?", "When did the {title} take place? {{sic}}"
    )
    (when, *_) = load_pack(make_pack({"templates.yaml": templates})).templates
    assert fill(when.prompt, {"title": "Helsinki summit"}) == (
        "When did the Helsinki summit take place? {sic}"
    )
