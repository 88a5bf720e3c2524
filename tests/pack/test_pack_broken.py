"""A broken pack per error class: each problem is reported at its file, line and column, and every
problem of the pack is reported at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import PackError, load_pack
from support.packs import (
    CARDS_YAML,
    ISSUES_YAML,
    MEETINGS_YAML,
    NOTES_YAML,
    PACK_YAML,
    TAKEAWAYS_YAML,
    place,
    replace_once,
)

MakePack = Callable[..., Path]


def problems(root: Path) -> list[str]:
    """Every problem of the pack at ``root``, as printed: ``file:line:column: message``."""
    with pytest.raises(PackError) as caught:
        load_pack(root)
    found = [str(p) for p in caught.value.problems]
    assert found, "a PackError without problems"
    assert caught.value.report().splitlines()[1:] == [f"  {p}" for p in found]
    return found


def has(found: list[str], expected: str) -> bool:
    return any(line.startswith(expected) for line in found)


# -- malformed YAML ---------------------------------------------------------------------------


def test_unclosed_bracket(make_pack: MakePack) -> None:
    text = replace_once(
        MEETINGS_YAML, "issues: [arms-control, sanctions]", "issues: [arms-control, sanctions"
    )
    found = problems(make_pack({"meetings.yaml": text}))
    # The parser notices on the next line, at the ':' of "outcome:"; the report also says where
    # the list was opened.
    assert has(
        found,
        f"meetings.yaml:{place(text, ': No agreement')}: YAML syntax: expected ',' or ']', but got "
        f"':' (while parsing a flow sequence that starts at line 8, column 11)",
    )


def test_unclosed_quote(make_pack: MakePack) -> None:
    text = replace_once(ISSUES_YAML, 'date: "2019-08-02"', 'date: "2019-08-02')
    found = problems(make_pack({"issues.yaml": text}))
    # The end of the file is where the parser stops; where the quote opened is what helps.
    assert has(
        found,
        "issues.yaml:15:1: YAML syntax: found unexpected end of stream (while scanning a quoted "
        "scalar that starts at line 6, column 13)",
    )


def test_bad_indentation(make_pack: MakePack) -> None:
    text = replace_once(TAKEAWAYS_YAML, "  text: One", "    text: One")
    found = problems(make_pack({"takeaways.yaml": text}))
    assert has(found, "takeaways.yaml:3:9: YAML syntax: mapping values are not allowed here")


def test_a_block_that_does_not_line_up(make_pack: MakePack) -> None:
    text = replace_once(TAKEAWAYS_YAML, "  sections: [opening", "   sections: [opening")
    found = problems(make_pack({"takeaways.yaml": text}))
    assert has(found, "takeaways.yaml:5:4: YAML syntax: expected <block end>")


def test_a_syntax_error_does_not_hide_the_problems_of_other_files(make_pack: MakePack) -> None:
    meetings = replace_once(
        MEETINGS_YAML, "issues: [arms-control, sanctions]", "issues: [arms-control"
    )
    cards = replace_once(CARDS_YAML, "id: card-typed", "id: card-recall")
    notes = replace_once(NOTES_YAML, "  title: The count is debatable", "  title: [The count]")
    found = problems(
        make_pack({"meetings.yaml": meetings, "cards.yaml": cards, "notes.yaml": notes})
    )
    assert has(found, f"meetings.yaml:{place(meetings, ': No agreement')}: YAML syntax:")
    assert has(
        found,
        "cards.yaml:8:3: card 'card-recall': the id is already used by the card at cards.yaml:1:3",
    )
    assert has(found, "notes.yaml:2:10: [0].title: expected text, found a list")


def test_two_documents_in_one_file(make_pack: MakePack) -> None:
    found = problems(make_pack({"notes.yaml": NOTES_YAML + "---\n- another document\n"}))
    assert has(found, "notes.yaml:6:1: YAML")


# -- ids and keys -----------------------------------------------------------------------------


def test_duplicate_ids_name_both_places(make_pack: MakePack) -> None:
    text = replace_once(CARDS_YAML, "id: card-typed", "id: card-recall")
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        "cards.yaml:8:3: card 'card-recall': the id is already used by the card at cards.yaml:1:3"
    ]


def test_duplicate_ids_across_files(make_pack: MakePack) -> None:
    text = replace_once(NOTES_YAML, "id: note-count", "id: helsinki")
    found = problems(make_pack({"notes.yaml": text}))
    assert found == [
        "notes.yaml:1:3: note 'helsinki': the id is already used by the meeting at "
        "meetings.yaml:1:3"
    ]


def test_a_section_id_used_again(make_pack: MakePack) -> None:
    text = replace_once(ISSUES_YAML, "id: sanctions", "id: opening")
    text = text.replace("[https://example.org/sanctions]", "[https://example.org/s]")
    meetings = replace_once(MEETINGS_YAML, "[arms-control, sanctions]", "[arms-control, opening]")
    cards = replace_once(CARDS_YAML, "about: [first-point, sanctions]", "about: [first-point]")
    found = problems(
        make_pack({"issues.yaml": text, "meetings.yaml": meetings, "cards.yaml": cards})
    )
    assert found == [
        "issues.yaml:11:3: issue 'opening': the id is already used by the section at pack.yaml:7:5"
    ]


def test_invalid_id(make_pack: MakePack) -> None:
    text = replace_once(NOTES_YAML, "id: note-count", "id: Note_Count")
    found = problems(make_pack({"notes.yaml": text}))
    assert found == [
        "notes.yaml:1:7: [0].id: 'Note_Count' is not a valid id (lower-case letters, digits and "
        "hyphens, starting with a letter)"
    ]


def test_duplicate_keys(make_pack: MakePack) -> None:
    text = replace_once(
        MEETINGS_YAML, "  outcome: No agreement.\n", "  outcome: No agreement.\n  outcome: Again.\n"
    )
    found = problems(make_pack({"meetings.yaml": text}))
    assert has(found, "meetings.yaml:10:3: [0].outcome: this key is given twice")


def test_duplicate_keys_in_a_flow_mapping(make_pack: MakePack) -> None:
    text = replace_once(
        CARDS_YAML,
        "passage: {section: lists, paragraph: 2}",
        "passage: {section: lists, section: opening, paragraph: 2}",
    )
    found = problems(make_pack({"cards.yaml": text}))
    assert found == ["cards.yaml:21:29: [2].passage.section: this key is given twice"]


def test_duplicate_keys_in_pack_yaml(make_pack: MakePack) -> None:
    text = replace_once(
        PACK_YAML, "title: A Small Article\n", "title: A Small Article\ntitle: Again\n"
    )
    found = problems(make_pack({"pack.yaml": text}))
    assert found == ["pack.yaml:4:1: title: this key is given twice"]


# -- fields -----------------------------------------------------------------------------------


def test_missing_field(make_pack: MakePack) -> None:
    text = replace_once(MEETINGS_YAML, "  place: Helsinki, Finland\n", "")
    found = problems(make_pack({"meetings.yaml": text}))
    assert has(found, "meetings.yaml:1:3: [0]: missing field 'place'")


def test_missing_field_of_a_nested_mapping(make_pack: MakePack) -> None:
    text = replace_once(
        TAKEAWAYS_YAML, "passage: {section: lists, paragraph: 2}", "passage: {section: lists}"
    )
    found = problems(make_pack({"takeaways.yaml": text}))
    assert has(found, "takeaways.yaml:4:12: [0].passage: missing field 'paragraph'")


def test_missing_field_in_pack_yaml(make_pack: MakePack) -> None:
    text = replace_once(PACK_YAML, "title: A Small Article\n", "")
    found = problems(make_pack({"pack.yaml": text}))
    assert found == ["pack.yaml:2:1: missing field 'title'"]


def test_a_list_where_text_is_expected(make_pack: MakePack) -> None:
    text = replace_once(MEETINGS_YAML, "  outcome: No agreement.", "  outcome: [No, agreement]")
    found = problems(make_pack({"meetings.yaml": text}))
    assert has(found, "meetings.yaml:9:12: [0].outcome: expected text, found a list")


def test_a_mapping_where_text_is_expected(make_pack: MakePack) -> None:
    text = replace_once(CARDS_YAML, "answer: Helsinki", "answer: {city: Helsinki}")
    found = problems(make_pack({"cards.yaml": text}))
    assert found == ["cards.yaml:4:11: [0].answer: expected text, found a mapping"]


def test_text_where_true_or_false_is_expected(make_pack: MakePack) -> None:
    text = replace_once(MEETINGS_YAML, "  held: false", '  held: "yes"')
    found = problems(make_pack({"meetings.yaml": text}))
    assert has(found, "meetings.yaml:26:9: [1].held: expected true or false, found text")


def test_text_where_a_number_is_expected(make_pack: MakePack) -> None:
    text = replace_once(
        CARDS_YAML,
        "passage: {section: lists, paragraph: 2}",
        "passage: {section: lists, paragraph: two}",
    )
    found = problems(make_pack({"cards.yaml": text}))
    assert found == ["cards.yaml:21:40: [2].passage.paragraph: expected a whole number, found text"]


def test_a_value_where_a_list_is_expected(make_pack: MakePack) -> None:
    text = replace_once(
        MEETINGS_YAML, "  issues: [arms-control, sanctions]", "  issues: arms-control"
    )
    found = problems(make_pack({"meetings.yaml": text}))
    assert has(found, "meetings.yaml:8:11: [0].issues: expected a list, found a value")


def test_a_file_that_is_not_a_list(make_pack: MakePack) -> None:
    found = problems(make_pack({"notes.yaml": "id: note-count\ntitle: x\n"}))
    assert found == ["notes.yaml:1:1: expected a list, found a mapping"]


def test_pack_yaml_that_is_not_a_mapping(make_pack: MakePack) -> None:
    found = problems(make_pack({"pack.yaml": "- id: mini\n"}))
    assert has(found, "pack.yaml:1:1: expected a mapping, found a list")


def test_empty_text(make_pack: MakePack) -> None:
    text = replace_once(MEETINGS_YAML, "title: Budapest summit", 'title: "  "')
    found = problems(make_pack({"meetings.yaml": text}))
    assert has(found, "meetings.yaml:18:10: [1].title: must not be empty")


def test_nothing_where_text_is_expected(make_pack: MakePack) -> None:
    text = replace_once(MEETINGS_YAML, "title: Budapest summit", "title:")
    found = problems(make_pack({"meetings.yaml": text}))
    assert has(found, "meetings.yaml:18:9: [1].title: expected text, found nothing")


def test_unknown_field(make_pack: MakePack) -> None:
    text = replace_once(MEETINGS_YAML, "  held: false", "  held: false\n  colour: red")
    found = problems(make_pack({"meetings.yaml": text}))
    assert len(found) == 1
    assert found[0].startswith(
        "meetings.yaml:27:3: [1].colour: unknown field (expected one of: aliases,"
    )


def test_unknown_field_in_pack_yaml(make_pack: MakePack) -> None:
    text = replace_once(PACK_YAML, "source:", "sauce:")
    found = problems(make_pack({"pack.yaml": text}))
    assert len(found) == 1
    assert found[0].startswith("pack.yaml:5:1: sauce: unknown field")


def test_a_setting_not_among_the_choices(make_pack: MakePack) -> None:
    text = replace_once(MEETINGS_YAML, "setting: summit", "setting: picnic")
    found = problems(make_pack({"meetings.yaml": text}))
    assert has(
        found,
        "meetings.yaml:5:12: [0].setting: 'picnic' is not one of: summit, bilateral, informal, "
        "called-off",
    )


def test_an_unknown_card_kind(make_pack: MakePack) -> None:
    text = replace_once(CARDS_YAML, "kind: typed", "kind: essay")
    found = problems(make_pack({"cards.yaml": text}))
    assert has(
        found,
        "cards.yaml:9:9: [1].kind: 'essay' is not one of: recall, cloze, choice, order, typed",
    )


# -- references -------------------------------------------------------------------------------


def test_a_meeting_names_an_unknown_issue(make_pack: MakePack) -> None:
    text = replace_once(
        MEETINGS_YAML, "issues: [arms-control, sanctions]", "issues: [arms-control, nukes]"
    )
    found = problems(make_pack({"meetings.yaml": text}))
    assert found == ["meetings.yaml:1:3: meeting 'helsinki': issues: there is no issue 'nukes'"]


def test_a_card_is_about_an_unknown_entry(make_pack: MakePack) -> None:
    text = replace_once(CARDS_YAML, "about: [helsinki]\n", "about: [nowhere]\n")
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        "cards.yaml:1:3: card 'card-recall': about: 'nowhere' is not a takeaway, meeting, issue or "
        "section of this pack"
    ]


def test_a_card_may_be_about_a_section(make_pack: MakePack) -> None:
    """A pack made from an article without takeaways has cards about its sections."""
    text = replace_once(CARDS_YAML, "about: [helsinki]\n", "about: [opening]\n")
    pack = load_pack(make_pack({"cards.yaml": text}))
    assert pack.cards_about("opening")


def test_a_card_about_nothing(make_pack: MakePack) -> None:
    text = replace_once(CARDS_YAML, "about: [helsinki]\n", "about: []\n")
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        "cards.yaml:1:3: card 'card-recall': about: name at least one takeaway, meeting, issue "
        "or section"
    ]


@pytest.mark.parametrize("paragraph", [0, 5, 99])
def test_a_passage_paragraph_out_of_range(make_pack: MakePack, paragraph: int) -> None:
    text = replace_once(
        CARDS_YAML,
        "passage: {section: lists, paragraph: 2}",
        f"passage: {{section: lists, paragraph: {paragraph}}}",
    )
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        f"cards.yaml:16:3: card 'card-cloze': passage: section 'lists' has paragraphs 1 to 4, "
        f"not {paragraph}"
    ]


def test_a_passage_in_an_unknown_section(make_pack: MakePack) -> None:
    text = replace_once(
        NOTES_YAML, "{section: opening, paragraph: 1}", "{section: closing, paragraph: 1}"
    )
    found = problems(make_pack({"notes.yaml": text}))
    assert found == ["notes.yaml:1:3: note 'note-count': passage: there is no section 'closing'"]


def test_a_takeaway_names_an_unknown_section(make_pack: MakePack) -> None:
    text = replace_once(
        TAKEAWAYS_YAML, "sections: [opening, lists]", "sections: [opening, elsewhere]"
    )
    found = problems(make_pack({"takeaways.yaml": text}))
    assert found == [
        "takeaways.yaml:1:3: takeaway 'first-point': sections: there is no section 'elsewhere'"
    ]


def test_a_name_shared_by_two_entries(make_pack: MakePack) -> None:
    text = replace_once(ISSUES_YAML, "aliases: [INF Treaty]", "aliases: [INF Treaty, helsinki]")
    found = problems(make_pack({"issues.yaml": text}))
    assert found == [
        "issues.yaml:1:3: issue 'arms-control': the name 'helsinki' also names meeting 'helsinki'"
    ]


# -- values -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ('"2018-13-16"', "month must be in 1..12"),
        ('"July 2018"', "Invalid isoformat string"),
        ("2018", "Invalid isoformat string"),
        ('"2018-07-16/2018-07-01"', "the range ends before it starts"),
    ],
)
def test_bad_date(make_pack: MakePack, date: str, reason: str) -> None:
    text = replace_once(MEETINGS_YAML, 'date: "2018-07-16"', f"date: {date}")
    found = problems(make_pack({"meetings.yaml": text}))
    value = date.strip('"')
    assert has(
        found,
        f"meetings.yaml:3:9: [0].date: '{value}' is not a date (YYYY-MM-DD or "
        f"YYYY-MM-DD/YYYY-MM-DD): {reason}",
    )


def test_bad_date_in_a_timeline(make_pack: MakePack) -> None:
    text = replace_once(ISSUES_YAML, 'date: "2019-08-02"', 'date: "2019-02-30"')
    found = problems(make_pack({"issues.yaml": text}))
    assert found == [
        "issues.yaml:6:13: [0].timeline[0].date: '2019-02-30' is not a date (YYYY-MM-DD or "
        "YYYY-MM-DD/YYYY-MM-DD): day is out of range for month"
    ]


@pytest.mark.parametrize(
    "source",
    [
        "ftp://example.org/x",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "example.org/x",
        "https://",
    ],
)
def test_non_http_source(make_pack: MakePack, source: str) -> None:
    text = replace_once(MEETINGS_YAML, "https://example.org/helsinki", source)
    found = problems(make_pack({"meetings.yaml": text}))
    # Only the address is wrong: no "give at least one source" on top.
    assert found == [f"meetings.yaml:15:7: [0].sources[0]: '{source}' is not an http(s) address"]


def test_no_sources(make_pack: MakePack) -> None:
    text = replace_once(
        MEETINGS_YAML, '  sources: ["https://example.org/budapest"]', "  sources: []"
    )
    found = problems(make_pack({"meetings.yaml": text}))
    assert found == ["meetings.yaml:27:12: [1].sources: give at least one source"]


# -- cards ------------------------------------------------------------------------------------


def test_cloze_without_braces(make_pack: MakePack) -> None:
    text = replace_once(CARDS_YAML, "{{sanctions}}", "sanctions")
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        "cards.yaml:16:3: card 'card-cloze': prompt: a cloze card hides exactly one {{phrase}}"
    ]


def test_cloze_answer_is_not_the_hidden_phrase(make_pack: MakePack) -> None:
    text = replace_once(CARDS_YAML, "answer: sanctions", "answer: tariffs")
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        "cards.yaml:16:3: card 'card-cloze': answer: must be the hidden phrase 'sanctions'"
    ]


def test_choice_card_with_three_choices(make_pack: MakePack) -> None:
    text = replace_once(
        CARDS_YAML,
        "choices: [Helsinki, Budapest, Osaka, Paris]",
        "choices: [Helsinki, Budapest, Osaka]",
    )
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        "cards.yaml:23:3: card 'card-choice': choices: a choice card has 4 choices, not 3"
    ]


def test_choice_card_answer_not_among_the_choices(make_pack: MakePack) -> None:
    text = replace_once(CARDS_YAML, "answer: Budapest", "answer: Vienna")
    found = problems(make_pack({"cards.yaml": text}))
    assert found == ["cards.yaml:23:3: card 'card-choice': answer: must be one of the choices"]


def test_choice_card_with_a_choice_twice(make_pack: MakePack) -> None:
    text = replace_once(
        CARDS_YAML,
        "choices: [Helsinki, Budapest, Osaka, Paris]",
        "choices: [Helsinki, Budapest, Osaka, Osaka]",
    )
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        "cards.yaml:23:3: card 'card-choice': choices: the same choice is given twice "
        "(two choices look the same on screen)"
    ]


@pytest.mark.parametrize(
    ("items", "count"), [("[Helsinki, Budapest announced]", 2), ("[a, b, c, d, e, f]", 6)]
)
def test_order_card_with_too_few_or_too_many_items(
    make_pack: MakePack, items: str, count: int
) -> None:
    text = replace_once(
        CARDS_YAML, "items: [Helsinki, INF withdrawal, Budapest announced]", f"items: {items}"
    )
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        f"cards.yaml:32:3: card 'card-order': items: an order card has 3 to 5 items, not {count}"
    ]


def test_a_recall_card_without_an_answer(make_pack: MakePack) -> None:
    text = replace_once(CARDS_YAML, "  answer: Helsinki\n", "")
    found = problems(make_pack({"cards.yaml": text}))
    assert found == ["cards.yaml:1:3: card 'card-recall': a recall card needs an answer"]


def test_fields_of_another_kind_of_card(make_pack: MakePack) -> None:
    text = replace_once(
        CARDS_YAML,
        "  answer: Helsinki\n",
        "  answer: Helsinki\n  items: [a, b, c]\n  accept: [x]\n",
    )
    found = problems(make_pack({"cards.yaml": text}))
    assert found == [
        "cards.yaml:1:3: card 'card-recall': items: only order cards have items",
        "cards.yaml:1:3: card 'card-recall': accept: only typed and cloze cards take other answers",
    ]


# -- files ------------------------------------------------------------------------------------


def test_section_file_missing(make_pack: MakePack) -> None:
    found = problems(make_pack({"sections/02-lists.md": None}))
    assert has(found, "sections/02-lists.md:1:1: the file does not exist")


def test_pack_yaml_missing(make_pack: MakePack) -> None:
    found = problems(make_pack({"pack.yaml": None}))
    assert found == ["pack.yaml:1:1: the file does not exist"]


def test_no_pack_folder(tmp_path: Path) -> None:
    found = problems(tmp_path / "nothing-here")
    assert found == [f"{tmp_path / 'nothing-here'}:1:1: there is no pack folder here"]


@pytest.mark.parametrize("file", ["../x.md", "/etc/hostname", "sections/../../x.md"])
def test_section_file_outside_the_pack(make_pack: MakePack, file: str) -> None:
    root = make_pack(
        {"pack.yaml": replace_once(PACK_YAML, "file: sections/02-lists.md", f"file: {file}")}
    )
    (root.parent / "x.md").write_text("Outside the pack.\n", encoding="utf-8")
    found = problems(root)
    assert has(found, "pack.yaml:8:63: sections[1].file: must be a file inside the pack")


def test_section_file_linked_to_outside_the_pack(make_pack: MakePack) -> None:
    root = make_pack()
    outside = root.parent / "outside.md"
    outside.write_text("Outside the pack.\n", encoding="utf-8")
    (root / "sections" / "02-lists.md").unlink()
    (root / "sections" / "02-lists.md").symlink_to(outside)
    found = problems(root)
    assert has(found, "pack.yaml:8:63: sections[1].file: must be a file inside the pack")


def test_section_file_without_text(make_pack: MakePack) -> None:
    found = problems(make_pack({"sections/02-lists.md": "\n  \n\n"}))
    assert has(found, "pack.yaml:8:63: sections[1].file: sections/02-lists.md has no text")


def test_non_utf8_section_names_the_file_and_the_offset(make_pack: MakePack) -> None:
    data = b"Fine text.\n\nThe next line has a bad byte: \xff here.\n"
    found = problems(make_pack({"sections/01-opening.md": data}))
    assert has(found, "sections/01-opening.md:3:31: the file is not UTF-8 (byte 0xff at offset 42)")


def test_non_utf8_yaml_names_the_file_and_the_offset(make_pack: MakePack) -> None:
    data = NOTES_YAML.encode("utf-8").replace(b"tally", b"tall\xe9")
    offset = data.index(b"\xe9")
    found = problems(make_pack({"notes.yaml": data}))
    assert found == [f"notes.yaml:3:62: the file is not UTF-8 (byte 0xe9 at offset {offset})"]


def test_latin1_pack_yaml(make_pack: MakePack) -> None:
    data = PACK_YAML.replace("A Small Article", "Un article résumé").encode("latin-1")
    offset = data.index(b"\xe9")
    found = problems(make_pack({"pack.yaml": data}))
    assert found == [f"pack.yaml:3:20: the file is not UTF-8 (byte 0xe9 at offset {offset})"]


# -- reporting --------------------------------------------------------------------------------


def test_problems_are_reported_in_file_and_line_order(make_pack: MakePack) -> None:
    cards = replace_once(CARDS_YAML, "answer: Budapest", "answer: Vienna")
    cards = replace_once(cards, "about: [helsinki]\n", "about: [nowhere]\n")
    meetings = replace_once(MEETINGS_YAML, "  held: false", '  held: "no"')
    found = problems(make_pack({"cards.yaml": cards, "meetings.yaml": meetings}))
    assert found == sorted(
        found, key=lambda p: (p.split(":")[0], int(p.split(":")[1]), int(p.split(":")[2]))
    )
    assert len(found) >= 3


def test_the_report_counts_the_problems(make_pack: MakePack) -> None:
    root = make_pack({"cards.yaml": replace_once(CARDS_YAML, "answer: Budapest", "answer: Vienna")})
    with pytest.raises(PackError) as caught:
        load_pack(root)
    assert caught.value.report().splitlines()[0] == f"the pack at {root} has 1 problem:"
    assert str(caught.value) == caught.value.report()


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "null\n", "~\n"])
def test_an_empty_pack_yaml_is_a_problem(make_pack: MakePack, text: str) -> None:
    found = problems(make_pack({"pack.yaml": text}))
    assert len(found) == 1
    assert found[0].startswith("pack.yaml:1:1: ")


def test_the_column_of_a_bad_byte_counts_characters(make_pack: MakePack) -> None:
    # Columns count characters, as they do in every other problem: "Ça a été " is 9 characters
    # but 12 bytes, so the bad byte stands in column 10.
    data = "First paragraph.\n\nÇa a été ".encode() + b"\xff.\n"
    offset = data.index(b"\xff")
    found = problems(make_pack({"sections/01-opening.md": data}))
    assert has(
        found, f"sections/01-opening.md:3:10: the file is not UTF-8 (byte 0xff at offset {offset})"
    )


# -- one problem, one report ------------------------------------------------------------------


def test_a_file_that_cannot_be_parsed_brings_no_false_reference_problems(
    make_pack: MakePack,
) -> None:
    # The cards are about meetings of meetings.yaml: while it cannot be read, whether those ids
    # exist is unknown, and saying they do not would send the writer looking in the wrong place.
    text = replace_once(MEETINGS_YAML, "[arms-control, sanctions]", "[arms-control, sanctions")
    found = problems(make_pack({"meetings.yaml": text}))
    assert len(found) == 1
    assert found[0].startswith("meetings.yaml:9:10: YAML syntax:")


def test_an_entry_left_out_for_its_own_problem_brings_no_false_reference_problems(
    make_pack: MakePack,
) -> None:
    text = replace_once(MEETINGS_YAML, "  place: Helsinki, Finland\n", "")
    found = problems(make_pack({"meetings.yaml": text}))
    assert found == ["meetings.yaml:1:3: [0]: missing field 'place'"]


def test_a_missing_section_file_is_one_problem(make_pack: MakePack) -> None:
    found = problems(make_pack({"sections/02-lists.md": None}))
    assert found == ["sections/02-lists.md:1:1: the file does not exist"]


def test_a_file_that_is_not_a_list_brings_no_false_reference_problems(
    make_pack: MakePack,
) -> None:
    found = problems(make_pack({"issues.yaml": "arms-control: Arms control\n"}))
    assert found == ["issues.yaml:1:1: expected a list, found a mapping"]


def test_sections_that_are_not_a_list_bring_no_false_reference_problems(
    make_pack: MakePack,
) -> None:
    text = PACK_YAML.split("sections:")[0] + "sections: sections/*.md\n"
    found = problems(make_pack({"pack.yaml": text}))
    assert found == ["pack.yaml:6:11: sections: expected a list, found a value"]


def test_references_that_can_be_checked_still_are(make_pack: MakePack) -> None:
    # cards.yaml cannot be read; the meetings can still be checked against the issues.
    meetings = replace_once(MEETINGS_YAML, "[arms-control, sanctions]", "[arms-control, nukes]")
    found = problems(make_pack({"meetings.yaml": meetings, "cards.yaml": "- [\n"}))
    assert "meetings.yaml:1:3: meeting 'helsinki': issues: there is no issue 'nukes'" in found
    assert len(found) == 2


def test_a_broken_pack_yaml_does_not_hide_the_other_files_problems(make_pack) -> None:
    meetings = replace_once(MEETINGS_YAML, "- id: budapest", "- id: helsinki")
    root = make_pack({"pack.yaml": "id: x\n  bad: [\n", "meetings.yaml": meetings})
    with pytest.raises(PackError) as caught:
        load_pack(root)
    reported = [str(problem) for problem in caught.value.problems]
    assert "pack.yaml:2:6: YAML syntax: mapping values are not allowed here" in reported
    assert (
        "meetings.yaml:17:3: meeting 'helsinki': the id is already used by the meeting at "
        "meetings.yaml:1:3"
    ) in reported
    assert not any("no section" in problem for problem in reported)  # sections are unknown
