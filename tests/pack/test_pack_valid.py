"""The small pack of ``support.packs`` loads into the model as written."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import DateSpan, PassageRef, load_pack
from support.packs import OPENING_MD


def test_the_small_pack_loads(make_pack: Callable[..., Path]) -> None:
    root = make_pack()
    pack = load_pack(root)
    assert (pack.id, pack.title, pack.subtitle) == ("mini", "A Small Article", "Its standfirst.")
    assert pack.root == str(root)
    assert [s.id for s in pack.sections] == ["opening", "lists"]
    assert [s.title for s in pack.sections] == ["Opening", "Lists: Points For and Against"]
    assert [m.id for m in pack.meetings] == ["helsinki", "budapest"]
    assert [i.id for i in pack.issues] == ["arms-control", "sanctions"]
    assert [t.id for t in pack.takeaways] == ["first-point"]
    assert [c.card_kind for c in pack.cards] == ["recall", "typed", "cloze", "choice", "order"]
    assert [n.id for n in pack.notes] == ["note-count"]


def test_paragraphs_are_numbered_and_plain(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack())
    opening, lists = pack.sections
    assert [p.text for p in opening.paragraphs] == [
        "The first meeting took place in Helsinki, where arms control came up.",
        "The second paragraph names the INF Treaty, and Helsinki again.",
        "A third paragraph with emphasis and a link in it.",
    ]
    assert opening.paragraphs[2].markdown == (
        "A third paragraph with *emphasis* and a [link](https://example.org) in it."
    )
    assert [(p.number, p.list_item) for p in lists.paragraphs] == [
        (1, False),
        (2, True),
        (3, True),
        (4, False),
    ]
    assert lists.paragraphs[1].text == "First Point: one point, about sanctions."
    assert pack.paragraph(PassageRef("lists", 4)).text == "A closing paragraph."  # type: ignore[union-attr]
    assert pack.paragraph(PassageRef("lists", 5)) is None
    assert pack.paragraph(PassageRef("nowhere", 1)) is None


def test_fields_and_dates(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack())
    helsinki, budapest = pack.meetings
    assert helsinki.date == DateSpan(dt.date(2018, 7, 16))
    assert budapest.date == DateSpan(dt.date(2025, 10, 16), dt.date(2025, 10, 21))
    assert budapest.date.iso() == "2025-10-16/2025-10-21"
    assert (helsinki.held, budapest.held) == (True, False)
    assert helsinki.issues == ("arms-control", "sanctions")
    assert budapest.setting_detail == "" and budapest.controversy == ""
    assert helsinki.sources == ("https://example.org/helsinki",)
    arms = pack.issue("arms-control")
    assert arms is not None
    assert arms.timeline[0].date.start == dt.date(2019, 8, 2)
    assert arms.timeline[0].sources == ("https://example.org/inf",)
    choice = pack.card("card-choice")
    assert choice is not None
    assert choice.choices == ("Helsinki", "Budapest", "Osaka", "Paris")
    assert pack.card("card-typed").accept == ("INF", "the INF Treaty")  # type: ignore[union-attr]


def test_locations_name_the_file_line_and_column(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack())
    assert str(pack.meetings[0].location) == "meetings.yaml:1:3"
    assert str(pack.meetings[1].location) == "meetings.yaml:17:3"
    assert str(pack.sections[1].location) == "pack.yaml:8:5"


def test_entries_are_immutable(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(make_pack())
    with pytest.raises(dataclasses.FrozenInstanceError):
        pack.meetings[0].title = "x"  # type: ignore[misc]
    assert isinstance(pack.sections, tuple) and isinstance(pack.meetings[0].sources, tuple)


def test_mentions_by_title_and_alias_whole_words_any_case(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(
        make_pack(
            {
                "sections/01-opening.md": "HELSINKI and helsinki, not Helsinkian; arms control.\n\n"
                "The INF treaty, and arms-control.\n"
            }
        )
    )
    found = [(m.entry, m.paragraph, m.matched) for m in pack.mentions if m.section == "opening"]
    assert found == [
        ("helsinki", 1, "HELSINKI"),
        ("helsinki", 1, "helsinki"),
        ("arms-control", 1, "arms control"),
        ("arms-control", 2, "INF treaty"),
    ]


def test_the_longest_name_wins(make_pack: Callable[..., Path]) -> None:
    pack = load_pack(
        make_pack({"sections/01-opening.md": "At the Helsinki summit, in Helsinki.\n\nTwo.\n"})
    )
    mentions = pack.mentions_in("opening", 1)
    assert [(m.matched, m.start, m.end) for m in mentions] == [
        ("Helsinki summit", 7, 22),
        ("Helsinki", 27, 35),
    ]


def test_the_content_hash_follows_the_content(make_pack: Callable[..., Path]) -> None:
    first = load_pack(make_pack()).content_hash
    assert load_pack(make_pack()).content_hash == first
    changed = make_pack({"sections/01-opening.md": OPENING_MD.replace("first", "1st")})
    assert load_pack(changed).content_hash != first


def test_optional_index_files_may_be_left_out_or_empty(make_pack: Callable[..., Path]) -> None:
    root = make_pack(
        {
            "meetings.yaml": None,
            "issues.yaml": "",
            "takeaways.yaml": "# none yet\n",
            "cards.yaml": "[]\n",
            "notes.yaml": None,
        }
    )
    pack = load_pack(root)
    assert (pack.meetings, pack.issues, pack.takeaways, pack.cards, pack.notes) == (
        (),
        (),
        (),
        (),
        (),
    )


def test_unquoted_dates_and_a_byte_order_mark_are_accepted(make_pack: Callable[..., Path]) -> None:
    from support.packs import MEETINGS_YAML

    root = make_pack(
        {
            "meetings.yaml": "\ufeff"
            + MEETINGS_YAML.replace('date: "2018-07-16"', "date: 2018-07-16")
        }
    )
    assert load_pack(root).meetings[0].date.start == dt.date(2018, 7, 16)


@pytest.mark.parametrize(
    ("text", "human"),
    [
        ("2017-07-07", "7 Jul 2017"),
        ("2017-11-10/2017-11-11", "10–11 Nov 2017"),
        ("2018-11-30/2018-12-01", "30 Nov–1 Dec 2018"),
        ("2025-12-31/2026-01-01", "31 Dec 2025–1 Jan 2026"),
        ("2018-07-16/2018-07-16", "16 Jul 2018"),
    ],
)
def test_date_spans(text: str, human: str) -> None:
    span = DateSpan.parse(text)
    assert span.human() == human
    assert DateSpan.parse(span.iso()) == span


def test_the_c_parser_and_the_python_parser_give_the_same_pack(monkeypatch):
    """libyaml reads valid files (fast); the Python parser is the reference for every place."""
    from summitreader.pack import load_pack, yamlsafe
    from summitreader.paths import default_pack_dir

    fast = load_pack(default_pack_dir())
    monkeypatch.setattr(yamlsafe, "_FAST_LOADER", None)
    slow = load_pack(default_pack_dir())
    assert fast == slow
    for group in ("sections", "meetings", "issues", "takeaways", "cards", "notes"):
        fast_places = [entry.location for entry in getattr(fast, group)]
        assert fast_places == [entry.location for entry in getattr(slow, group)]
