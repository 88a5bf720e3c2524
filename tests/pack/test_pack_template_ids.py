"""A template id used twice, and a written card with an id a template makes, are problems placed
at the second one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import PackError, load_pack
from support.packs import CARDS_YAML, TEMPLATES_YAML


def _problems(make_pack: Callable[..., Path], **files: str) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(make_pack({name.replace("_", "."): text for name, text in files.items()}))
    return [str(p) for p in caught.value.problems]


def test_a_template_id_used_twice_is_a_problem_at_the_second(
    make_pack: Callable[..., Path],
) -> None:
    again = '- id: when\n  ask: meeting-place\n  prompt: "Where was the {title}?"\n\n'
    lines = TEMPLATES_YAML.count("\n")
    problems = _problems(make_pack, templates_yaml=TEMPLATES_YAML + "\n" + again)
    assert problems == [
        f"templates.yaml:{lines + 2}:3: template 'when': the id is already used by the "
        "template at templates.yaml:1:3"
    ]


def test_a_written_card_with_a_generated_id_is_a_problem(make_pack: Callable[..., Path]) -> None:
    card = (
        "\n- id: gen-when-helsinki\n  kind: recall\n  prompt: When?\n  answer: Then.\n"
        "  about: [helsinki]\n  passage: {section: opening, paragraph: 1}\n"
    )
    lines = CARDS_YAML.count("\n")
    problems = _problems(make_pack, cards_yaml=CARDS_YAML + card)
    assert len(problems) == 1 and problems[0].startswith(f"cards.yaml:{lines + 2}:3:")
    assert "made by the template 'when'" in problems[0]
