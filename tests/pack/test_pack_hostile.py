"""Packs written to do harm: alias bombs, deep nesting, huge files, Python tags, terminal control
sequences and markup in the content."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from summitreader.pack import PackError, load_pack
from summitreader.pack.yamlsafe import MAX_BYTES, MAX_DEPTH
from support.packs import CARDS_YAML, MEETINGS_YAML, NOTES_YAML, PACK_YAML, replace_once

MakePack = Callable[..., Path]

BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def problems(root: Path) -> list[str]:
    with pytest.raises(PackError) as caught:
        load_pack(root)
    return [str(p) for p in caught.value.problems]


# -- YAML that asks for too much --------------------------------------------------------------


def test_alias_bomb_is_rejected_without_expanding(make_pack: MakePack) -> None:
    found = problems(make_pack({"notes.yaml": BILLION_LAUGHS}))
    assert "notes.yaml:1:4: YAML anchors (&name) are not allowed in a pack" in found
    assert (
        "notes.yaml:2:8: YAML aliases (*name) are not allowed in a pack; write the value out"
        in found
    )
    assert all(line.startswith("notes.yaml:") for line in found)
    assert len(found) < 100  # a few dozen, not one per expanded value


def test_a_single_alias_is_rejected(make_pack: MakePack) -> None:
    text = replace_once(NOTES_YAML, "  title: The count", "  title: &same The count")
    text += "- id: again\n  title: x\n  text: *same\n"
    found = problems(make_pack({"notes.yaml": text}))
    assert found == [
        "notes.yaml:2:10: YAML anchors (&name) are not allowed in a pack",
        "notes.yaml:8:9: YAML aliases (*name) are not allowed in a pack; write the value out",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 1000 + "]" * 1000 + "\n",
        "{a: " * 1000 + "}" * 1000 + "\n",
        "".join("  " * depth + "-\n" for depth in range(1000)),
    ],
    ids=["flow-lists", "flow-mappings", "block-lists"],
)
def test_nesting_1000_deep_is_rejected(make_pack: MakePack, text: str) -> None:
    found = problems(make_pack({"notes.yaml": text}))
    assert len(found) == 1
    assert found[0].startswith("notes.yaml:")
    assert found[0].endswith(f": nested deeper than {MAX_DEPTH} levels")


def test_nesting_up_to_the_cap_is_only_a_shape_problem(make_pack: MakePack) -> None:
    text = "[" * MAX_DEPTH + "]" * MAX_DEPTH + "\n"
    found = problems(make_pack({"notes.yaml": text}))
    assert not any("nested deeper" in line for line in found)


def test_a_yaml_file_over_the_size_cap(make_pack: MakePack) -> None:
    text = "# " + "x" * MAX_BYTES + "\n"
    size = len(text.encode())
    found = problems(make_pack({"cards.yaml": text}))
    assert f"cards.yaml:1:1: the file is {size:,} bytes; the limit is {MAX_BYTES:,}" in found


def test_a_section_over_its_size_cap(make_pack: MakePack) -> None:
    text = "word " * (MAX_BYTES + 1)  # five times the YAML cap, over the 4 MiB of a section
    found = problems(make_pack({"sections/02-lists.md": text}))
    assert any(
        line.startswith("sections/02-lists.md:1:1: the file is ")
        and "the limit is 4,194,304" in line
        for line in found
    )


# -- Python tags ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "template"),
    [
        ("notes.yaml", '- !!python/object/apply:os.system ["touch {file}"]\n'),
        ("meetings.yaml", '- id: !!python/object/apply:os.system ["touch {file}"]\n'),
        (
            "pack.yaml",
            'id: mini\ntitle: !!python/object/apply:os.system ["touch {file}"]\nsections: []\n',
        ),
        ("cards.yaml", '- !!python/object/new:os.system ["touch {file}"]\n'),
        ("issues.yaml", "- !!python/name:os.system\n"),
    ],
)
def test_python_tags_are_rejected_and_nothing_runs(
    make_pack: MakePack, tmp_path: Path, name: str, template: str
) -> None:
    marker = tmp_path / "PWNED"
    root = make_pack({name: template.format(file=marker)})
    found = problems(root)
    assert any(
        line.startswith(f"{name}:")
        and "YAML tags (tag:yaml.org,2002:python/" in line
        and line.endswith(") are not allowed in a pack")
        for line in found
    ), found
    assert not marker.exists()


def test_other_tags_are_rejected_too(make_pack: MakePack) -> None:
    text = replace_once(NOTES_YAML, "  title: The count", "  title: !custom The count")
    found = problems(make_pack({"notes.yaml": text}))
    assert found == ["notes.yaml:2:10: YAML tags (!custom) are not allowed in a pack"]


# -- terminal control sequences ---------------------------------------------------------------

HOSTILE_MARKDOWN = (
    "Red \x1b[31mtext\x1b[0m, a \x1b]8;;https://evil.example\x07link\x1b]8;;\x07, "
    "a title\x1b]0;owned\x1b\\ change, a \x1bP1$qm\x1b\\ query, C1 \x9b2J clear, "
    "bell\x07, nul\x00, del\x7f, \u202eevil\u202c and \u2066isolate\u2069.\n"
    "\n"
    "Second\r\nline with a carriage return\rhere.\n"
)
CLEAN_TEXT = (
    "Red text, a link, a title change, a query, C1 clear, bell, nul, del, evil and isolate."
)


def _controls(text: str) -> list[str]:
    return [
        c
        for c in text
        if (ord(c) < 0x20 and c not in "\n\t")
        or 0x7F <= ord(c) <= 0x9F
        or 0x202A <= ord(c) <= 0x202E
        or 0x2066 <= ord(c) <= 0x2069
    ]


def test_control_sequences_are_stripped_from_paragraphs(make_pack: MakePack) -> None:
    pack = load_pack(make_pack({"sections/01-opening.md": HOSTILE_MARKDOWN}))
    first, second = pack.sections[0].paragraphs
    assert first.text == CLEAN_TEXT
    assert second.text == "Second line with a carriage return here."
    for paragraph in pack.sections[0].paragraphs:
        assert _controls(paragraph.text) == []
        assert _controls(paragraph.markdown) == []


def test_control_sequences_are_stripped_from_meeting_titles(make_pack: MakePack) -> None:
    # YAML escapes are the way to write control characters into a YAML file.
    title = r'"Helsinki \e[1;31msummit\e[0m \e]0;x\a\x9b2J\u202e \u2066"'
    text = replace_once(MEETINGS_YAML, "title: Helsinki summit", f"title: {title}")
    text = replace_once(text, "  place: Helsinki, Finland", "  place: \u202eHelsinki\u202c")
    pack = load_pack(make_pack({"meetings.yaml": text}))
    helsinki = pack.meeting("helsinki")
    assert helsinki is not None
    assert helsinki.title == "Helsinki summit"
    assert helsinki.place == "Helsinki"


def test_control_sequences_are_stripped_from_section_titles_and_cards(make_pack: MakePack) -> None:
    pack_yaml = replace_once(PACK_YAML, "title: Opening", r'title: "Open\e[5ming\u0007"')
    cards = replace_once(
        CARDS_YAML, "prompt: Put these in order.", r'prompt: "Put\e]52;c;aGk=\a these in order."'
    )
    pack = load_pack(make_pack({"pack.yaml": pack_yaml, "cards.yaml": cards}))
    assert pack.sections[0].title == "Opening"
    assert pack.card("card-order").prompt == "Put these in order."  # type: ignore[union-attr]


def test_other_writing_systems_are_kept(make_pack: MakePack) -> None:
    # Letters of every script, joined emoji and combining marks are kept; the direction marks
    # (RLM, LRM) are not: a terminal draws no bidirectional text, and they shift what follows.
    text = (
        "Арабский: مرحبا بالعالم, עברית, emoji 👩‍👩‍👧 🇫🇮, combining e\u0301 and "
        "\u200fmarks\u200e kept.\n\nTwo.\n"
    )
    pack = load_pack(make_pack({"sections/01-opening.md": text}))
    expected = text.split("\n")[0].replace("\u200f", "").replace("\u200e", "")
    assert pack.sections[0].paragraphs[0].text == expected


# -- markup-like text -------------------------------------------------------------------------

MARKUP = "A [b]bold[/b] claim, [@click=app.quit]quit[/], [link=https://x.example]x[/link] and [/]."


def test_markup_like_text_is_kept_literally(make_pack: MakePack) -> None:
    text = replace_once(MEETINGS_YAML, "title: Helsinki summit", 'title: "[b]Helsinki[/b] summit"')
    text = replace_once(text, "  outcome: No agreement.", '  outcome: "[@click=app.quit]None[/]"')
    cards = replace_once(
        CARDS_YAML, "prompt: Put these in order.", 'prompt: "[link=x]Order[/link]"'
    )
    root = make_pack(
        {
            "sections/01-opening.md": MARKUP + "\n\n[red]Second[/red] paragraph.\n",
            "meetings.yaml": text,
            "cards.yaml": cards,
        }
    )
    pack = load_pack(root)
    first, second = pack.sections[0].paragraphs
    assert first.text == MARKUP
    assert first.markdown == MARKUP
    assert second.text == "[red]Second[/red] paragraph."
    helsinki = pack.meeting("helsinki")
    assert helsinki is not None
    assert helsinki.title == "[b]Helsinki[/b] summit"
    assert helsinki.outcome == "[@click=app.quit]None[/]"
    assert pack.card("card-order").prompt == "[link=x]Order[/link]"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("character", "code"), [("\x1b", "U+001B"), ("\x07", "U+0007"), ("\x9b", "U+009B")]
)
def test_a_raw_control_character_in_yaml_is_located(
    make_pack: MakePack, character: str, code: str
) -> None:
    text = replace_once(NOTES_YAML, "  title: The count", f"  title: The {character}[2Jcount")
    found = problems(make_pack({"notes.yaml": text}))
    assert found == [f"notes.yaml:2:14: the control character {code} is not allowed in YAML"]


def _validate_bounded(root: Path) -> subprocess.CompletedProcess[str]:
    """``summitreader validate ROOT`` in a subprocess with 1 GiB of address space at most; a
    loader that blocks or reads without end fails here instead of taking the machine with it."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "summitreader", "validate", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit,
        env={**os.environ, "PYTHONUTF8": "1"},
        check=False,
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_pack_file_linked_to_an_endless_device(make_pack: MakePack) -> None:
    root = make_pack({"notes.yaml": None})
    (root / "notes.yaml").symlink_to("/dev/zero")
    result = _validate_bounded(root)
    assert result.returncode == 1, result.stderr
    assert "notes.yaml:1:1: the file is not a regular file" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_pack_file_that_is_a_fifo(make_pack: MakePack) -> None:
    root = make_pack({"cards.yaml": None})
    os.mkfifo(root / "cards.yaml")
    result = _validate_bounded(root)
    assert result.returncode == 1, result.stderr
    assert "cards.yaml:1:1: the file is not a regular file" in result.stdout


def test_a_pack_file_that_is_a_folder(make_pack: MakePack) -> None:
    root = make_pack({"issues.yaml": None})
    (root / "issues.yaml").mkdir()
    assert "issues.yaml:1:1: the file is not a regular file" in problems(root)


def test_a_file_full_of_aliases_gets_a_bounded_report(make_pack: MakePack) -> None:
    # Within the size cap a file can hold a quarter of a million aliases: the report stops early.
    text = "- &a x\n- [" + ", ".join(["*a"] * 200_000) + "]\n"
    assert len(text.encode()) < MAX_BYTES
    found = problems(make_pack({"notes.yaml": text}))
    assert found[0] == "notes.yaml:1:3: YAML anchors (&name) are not allowed in a pack"
    assert len(found) <= 50
