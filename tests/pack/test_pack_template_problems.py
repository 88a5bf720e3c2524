"""Template problems: every placeholder problem is reported, each at its line, and a template
that would make an absurdly long card is refused where it is written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import PackError, load_pack


def _problems(make_pack: Callable[..., Path], templates: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(make_pack({"templates.yaml": templates}))
    return [str(p) for p in caught.value.problems]


def test_every_placeholder_problem_is_reported_each_at_its_line(
    make_pack: Callable[..., Path],
) -> None:
    problems = _problems(
        make_pack,
        "- id: a\n"
        "  ask: meeting-date\n"
        '  prompt: "When {bogus} {title.x} {0}?"\n'
        '  explanation: "{nope}"\n'
        "- id: b\n"
        "  ask: meeting-date\n"
        "  prompt: |-\n"
        "    Line one is fine {title}\n"
        "    line two has {bad}\n",
    )
    assert len(problems) == 5, problems
    assert problems[0].startswith("templates.yaml:3:11:") and "'bogus'" in problems[0]
    assert "'title.x'" in problems[1] and "'0'" in problems[2]
    assert problems[3].startswith("templates.yaml:4:16:") and "'nope'" in problems[3]
    assert problems[4].startswith("templates.yaml:9:") and "'bad'" in problems[4]


def test_a_conversion_is_named_as_such(make_pack: Callable[..., Path]) -> None:
    (problem,) = _problems(
        make_pack, '- id: a\n  ask: meeting-date\n  prompt: "When was {title!}?"\n'
    )
    assert "without a format or conversion" in problem and "brace" not in problem


def test_a_template_making_a_huge_card_is_refused_at_its_place(
    make_pack: Callable[..., Path],
) -> None:
    many = "{events} " * 200
    (problem,) = _problems(
        make_pack, f'- id: o\n  ask: meeting-order\n  prompt: "{many}"\n'
    )
    assert problem.startswith("templates.yaml:3:11:") and "placeholders" in problem
    huge = "x" * 5000
    (problem,) = _problems(make_pack, f'- id: o\n  ask: meeting-order\n  prompt: "{huge}"\n')
    assert problem.startswith("templates.yaml:3:11:") and "longer than" in problem


def test_a_second_yaml_document_reads_well(make_pack: Callable[..., Path]) -> None:
    (problem,) = _problems(
        make_pack, '- id: a\n  ask: meeting-order\n  prompt: "{events}"\n---\n- id: b\n'
    )
    assert problem == (
        "templates.yaml:4:1: YAML syntax: a second document starts here ('---'); "
        "the file holds one document"
    )
