"""Values made to break the loader or its messages: symbolic link loops, numbers of thousands of
digits, lone surrogates, look-alike letters in ids, keys of control characters, files with
hundreds of thousands of problems, typed answers no typing can match."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import PackError, load_pack
from summitreader.pack.fields import MAX_INTEGER
from summitreader.pack.load import REPORTED_PER_FILE
from support.packs import CARDS_YAML, ISSUES_YAML, replace_once

MakePack = Callable[..., Path]
FIRST_PASSAGE = "passage: {section: opening, paragraph: 1}\n\n- id: card-typed"


def problems(root: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(root)
    return [str(p) for p in caught.value.problems]


def test_a_section_file_that_is_a_symlink_loop_is_a_problem(make_pack: MakePack) -> None:
    root = make_pack()
    section = root / "sections" / "01-opening.md"
    section.unlink()
    os.symlink(section, section)
    found = problems(root)
    assert found == [
        "pack.yaml:7:41: sections[0].file: sections/01-opening.md is a loop of symbolic links"
    ]


@pytest.mark.parametrize(
    "number",
    ["9" * 100_000, "0x" + "f" * 100_000, "0b" + "1" * 100_000, "1" + "_0" * 5000, "9" * 30],
    ids=["decimal", "hexadecimal", "binary", "underscored", "thirty-digits"],
)
def test_a_huge_number_is_reported_as_too_large(make_pack: MakePack, number: str) -> None:
    cards = replace_once(
        CARDS_YAML, FIRST_PASSAGE, FIRST_PASSAGE.replace("paragraph: 1", f"paragraph: {number}")
    )
    found = problems(make_pack({"cards.yaml": cards}))
    assert found == [
        f"cards.yaml:6:42: [0].passage.paragraph: the number is too large (at most {MAX_INTEGER:,})"
    ]


def test_a_lone_surrogate_in_a_title_is_a_problem_that_can_be_printed(
    make_pack: MakePack,
) -> None:
    issues = replace_once(ISSUES_YAML, "title: Sanctions", 'title: "Sanc\\ud800tions"')
    found = problems(make_pack({"issues.yaml": issues}))
    assert found == [
        "issues.yaml:12:10: [1].title: holds U+D800, half of a surrogate pair, which is not a "
        "character (write the character itself, or its \\U escape)"
    ]


def test_a_lone_surrogate_in_a_key_is_named_and_can_be_printed(make_pack: MakePack) -> None:
    key = '  "x\\udc80": 1\n'
    issues = replace_once(ISSUES_YAML, "  summary: Measures", key + "  summary: Measures")
    with pytest.raises(PackError) as caught:
        load_pack(make_pack({"issues.yaml": issues}))
    report = caught.value.report()
    report.encode("utf-8")  # no lone surrogate left in it
    assert "issues.yaml:13:3: [1]: a key must be a field name, not characters that cannot be " \
        "shown (U+DC80 (half of a surrogate pair))" in report


def test_a_confusable_letter_in_an_id_is_named(make_pack: MakePack) -> None:
    issues = replace_once(ISSUES_YAML, "id: sanctions", "id: sancti\u043ens")
    found = problems(make_pack({"issues.yaml": issues}))
    assert (
        "issues.yaml:11:7: [1].id: 'sanctiоns' is not a valid id: it holds U+043E CYRILLIC SMALL "
        "LETTER O, which is not ASCII (lower-case letters, digits and hyphens, starting with a "
        "letter)"
    ) in found


def test_a_key_of_control_characters_only_is_named(make_pack: MakePack) -> None:
    key = '  "\\x01\\x02": 1\n'
    issues = replace_once(ISSUES_YAML, "  summary: Measures", key + "  summary: Measures")
    found = problems(make_pack({"issues.yaml": issues}))
    assert found == [
        "issues.yaml:13:3: [1]: a key must be a field name, not only characters that cannot be "
        "shown (U+0001 (a control character), U+0002 (a control character))"
    ]


def test_problems_of_one_file_are_capped_in_the_report(make_pack: MakePack) -> None:
    # 5,000 entries, each with an unknown key and three missing ones: 20,000 problems, two
    # hundred times what a report shows of one file.
    with pytest.raises(PackError) as caught:
        load_pack(make_pack({"notes.yaml": "- {a: 1}\n" * 5_000}))
    error = caught.value
    assert len(error.problems) == 20_000
    lines = error.report().splitlines()
    assert lines[0].endswith("has 20,000 problems:")
    assert len(lines) == 1 + REPORTED_PER_FILE + 1
    assert lines[-1] == f"  notes.yaml: and {20_000 - REPORTED_PER_FILE:,} more problems"


def test_the_cap_is_per_file(make_pack: MakePack) -> None:
    with pytest.raises(PackError) as caught:
        load_pack(make_pack({"notes.yaml": "- {a: 1}\n" * 100, "takeaways.yaml": "- [1]\n"}))
    lines = caught.value.report().splitlines()
    assert lines[-2:] == [
        f"  notes.yaml: and {400 - REPORTED_PER_FILE} more problems",
        "  takeaways.yaml:1:3: [0]: expected a mapping, found a list",
    ]


@pytest.mark.parametrize("answer", ['"?!"', '"…"', '"— –"'])
def test_a_typed_card_whose_answer_no_typing_can_match_is_refused(
    make_pack: MakePack, answer: str
) -> None:
    cards = replace_once(
        CARDS_YAML, "answer: INF Treaty\n  accept: [INF, the INF Treaty]", f"answer: {answer}"
    )
    found = problems(make_pack({"cards.yaml": cards}))
    assert found == [
        "cards.yaml:8:3: card 'card-typed': answer: no answer has a letter or digit, so no "
        "typing can match it"
    ]


def test_accepted_answers_no_typing_can_match_are_refused(make_pack: MakePack) -> None:
    given = "answer: INF Treaty\n  accept: [INF, the INF Treaty]"
    cards = replace_once(CARDS_YAML, given, 'answer: "?"\n  accept: ["...", "!"]')
    found = problems(make_pack({"cards.yaml": cards}))
    assert found == [
        "cards.yaml:8:3: card 'card-typed': answer: no answer has a letter or digit, so no "
        "typing can match it"
    ]


def test_one_typeable_answer_is_enough_to_load(make_pack: MakePack) -> None:
    # The card lint warns about the answer that cannot be typed; the card still works.
    cards = replace_once(CARDS_YAML, "answer: INF Treaty", 'answer: "—"')
    assert load_pack(make_pack({"cards.yaml": cards})).card("card-typed") is not None


def test_an_accented_typed_answer_is_accepted(make_pack: MakePack) -> None:
    cards = replace_once(CARDS_YAML, "answer: INF Treaty", "answer: Élysée")
    assert load_pack(make_pack({"cards.yaml": cards})).card("card-typed") is not None
