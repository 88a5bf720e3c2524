"""``summitreader list``, ``show`` and ``validate``, and the global options, from the outside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from summitreader import __version__, paths
from summitreader.cli import main
from support.packs import (
    CARDS_YAML,
    MEETINGS_YAML,
    PACK_YAML,
    replace_once,
    write_pack,
)

Run = tuple[int, str, str]


@pytest.fixture(autouse=True)
def _private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep whatever a command might open out of the user's folders."""
    monkeypatch.setenv("SUMMITREADER_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SUMMITREADER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SUMMITREADER_DEBUG", raising=False)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "small")


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    meetings = replace_once(MEETINGS_YAML, "  held: false", '  held: "no"')
    cards = replace_once(CARDS_YAML, "answer: Budapest", "answer: Vienna")
    pack = replace_once(PACK_YAML, "file: sections/02-lists.md", "file: ../x.md")
    return write_pack(
        tmp_path / "broken", {"meetings.yaml": meetings, "cards.yaml": cards, "pack.yaml": pack}
    )


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """``summitreader ARGV`` in this process: exit code, stdout, stderr."""
    try:
        code = main(list(argv))
    except SystemExit as exit:  # argparse: usage errors, --help, --version
        code = exit.code if isinstance(exit.code, int) else 1
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def run(*argv: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """``python -m summitreader ARGV`` in a subprocess, stdout and stderr pipes (not a terminal)."""
    result = subprocess.run(
        [sys.executable, "-m", "summitreader", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env if env is not None else {**os.environ, "PYTHONUTF8": "1"},
        cwd=cwd,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout, result.stderr


def json_of(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code, out, err = cli(capsys, *argv)
    assert code == 0, err
    return json.loads(out)


# -- validate ---------------------------------------------------------------------------------


def test_validate_a_good_pack(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    code, out, err = cli(capsys, "validate", str(small))
    assert code == 0
    assert out == (
        "mini: ok — 2 sections (7 paragraphs), 2 meetings, 2 issues, 1 takeaway, "
        "5 written + 0 generated cards, 1 note, 5 mentions\n"
    )
    assert err == ""


def test_validate_the_default_pack(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "validate")
    assert code == 0
    assert out.count("\n") == 1  # no problem, no lint warning
    assert out.startswith(f"{paths.DEFAULT_PACK_ID}: ok — 7 sections (43 paragraphs), ")
    assert "61 written + 32 generated cards" in out


def test_validate_counts_the_cards_as_the_deck_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from summitreader.pack import load_pack
    from summitreader.study.deck import build_deck

    pack = load_pack(paths.default_pack_dir())
    deck = build_deck(pack)
    generated = sum(card.generated for card in deck)
    _, out, _ = cli(capsys, "validate")
    assert f" {len(pack.cards)} written + {generated} generated cards, " in out
    listed = json_of(capsys, "list", "cards", "--json")
    assert [c["id"] for c in listed] == [c.id for c in deck]  # type: ignore[union-attr]


def test_validate_lists_lint_warnings_with_their_places(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cards = replace_once(
        CARDS_YAML,
        "prompt: Which treaty does the second paragraph name?",
        "prompt: Which treaty, the INF Treaty or another, does the second paragraph name?",
    )
    root = write_pack(tmp_path / "warned", {"cards.yaml": cards})
    code, out, _ = cli(capsys, "validate", str(root))
    assert code == 0
    assert out.splitlines() == [
        "mini: ok, with card warnings — 2 sections (7 paragraphs), 2 meetings, 2 issues, "
        "1 takeaway, 5 written + 0 generated cards, 1 note, 5 mentions",
        "  cards.yaml:8:3: warning: card 'card-typed': the prompt holds its own answer "
        "'INF Treaty'",
    ]


def test_validate_fails_on_a_card_that_cannot_work(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cards = replace_once(
        CARDS_YAML, "  answer: INF Treaty\n  accept: [INF, the INF Treaty]", '  answer: "?!"'
    )
    root = write_pack(tmp_path / "unmatchable", {"cards.yaml": cards})
    code, out, _ = cli(capsys, "validate", str(root))
    assert code == 1
    # Refused by the loader: a problem of the pack.
    assert (
        "  cards.yaml:8:3: card 'card-typed': answer: no answer has a letter or digit" in out
    )


def test_validate_uses_pack_when_no_path_is_given(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    code, out, _ = cli(capsys, "--pack", str(small), "validate")
    assert code == 0
    assert out.startswith("mini: ok")


def test_validate_a_broken_pack_lists_every_problem(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    code, out, _ = cli(capsys, "validate", str(broken))
    assert code == 1
    assert out.splitlines() == [
        f"the pack at {broken} has 3 problems:",
        "  cards.yaml:23:3: card 'card-choice': answer: must be one of the choices",
        "  meetings.yaml:26:9: [1].held: expected true or false, found text",
        "  pack.yaml:8:63: sections[1].file: must be a file inside the pack",
    ]


def test_validate_a_missing_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "validate", str(tmp_path / "nowhere"))
    assert code == 1
    assert f"{tmp_path / 'nowhere'}:1:1: there is no pack folder here" in out


# -- the pack option --------------------------------------------------------------------------


def test_pack_option_pointing_nowhere(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = cli(capsys, "--pack", str(tmp_path / "nowhere"), "list", "meetings")
    assert code == 1
    assert out == ""
    assert err.startswith("summitreader: the pack at ")
    assert "there is no pack folder here" in err


def test_commands_on_a_broken_pack_say_why(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    code, out, err = cli(capsys, "--pack", str(broken), "show", "helsinki")
    assert code == 1
    assert out == ""
    assert "meetings.yaml:26:9: [1].held: expected true or false, found text" in err


# -- list -------------------------------------------------------------------------------------


def test_list_meetings_json(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    data = json_of(capsys, "--pack", str(small), "list", "meetings", "--json")
    assert isinstance(data, list)
    assert [m["id"] for m in data] == ["helsinki", "budapest"]
    helsinki, budapest = data
    assert helsinki["kind"] == "meeting"
    assert helsinki["title"] == "Helsinki summit"
    assert helsinki["date"] == "2018-07-16"
    assert budapest["date"] == "2025-10-16/2025-10-21"
    assert helsinki["sources"] == ["https://example.org/helsinki"]
    assert helsinki["issues"] == ["arms-control", "sanctions"]
    assert (helsinki["held"], budapest["held"]) == (True, False)
    assert helsinki["in_article"] is True
    for key in ("place", "setting", "setting_detail", "duration", "outcome", "controversy"):
        assert isinstance(helsinki[key], str)
    assert helsinki["defined_at"] == "meetings.yaml:1:3"


def test_list_meetings_json_of_the_default_pack(capsys: pytest.CaptureFixture[str]) -> None:
    data = json_of(capsys, "list", "meetings", "--json")
    assert isinstance(data, list) and len(data) >= 9
    for meeting in data:
        assert {"id", "title", "date", "place", "sources", "held", "issues"} <= meeting.keys()
        assert isinstance(meeting["date"], str) and meeting["date"][:4].isdigit()
        assert meeting["sources"] and all(s.startswith("http") for s in meeting["sources"])


def test_list_sections_json(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    data = json_of(capsys, "--pack", str(small), "list", "sections", "--json")
    assert [s["id"] for s in data] == ["opening", "lists"]  # type: ignore[union-attr]
    opening = data[0]  # type: ignore[index]
    assert opening["kind"] == "section"
    assert opening["title"] == "Opening"
    assert opening["number"] == 1
    assert opening["file"] == "sections/01-opening.md"
    assert opening["paragraphs"][0] == {
        "number": 1,
        "text": "The first meeting took place in Helsinki, where arms control came up.",
        "markdown": "The first meeting took place in Helsinki, where arms control came up.",
    }


def test_list_issues_json(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    data = json_of(capsys, "--pack", str(small), "list", "issues", "--json")
    arms = data[0]  # type: ignore[index]
    assert arms["id"] == "arms-control" and arms["kind"] == "issue"
    assert arms["title"] == "Arms control"
    assert arms["aliases"] == ["INF Treaty"]
    assert arms["timeline"] == [
        {
            "date": "2019-08-02",
            "text": "The United States leaves the INF Treaty.",
            "sources": ["https://example.org/inf"],
            "key": False,
        }
    ]
    assert arms["sources"] == ["https://example.org/arms"]


def test_list_takeaways_json(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    data = json_of(capsys, "--pack", str(small), "list", "takeaways", "--json")
    assert data == [
        {
            "id": "first-point",
            "kind": "takeaway",
            "title": "First Point",
            "text": "One point, about sanctions.",
            "passage": {"section": "lists", "paragraph": 2},
            "sections": ["opening", "lists"],
            "defined_at": "takeaways.yaml:1:3",
        }
    ]


def test_list_cards_json(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    data = json_of(capsys, "--pack", str(small), "list", "cards", "--json")
    assert [c["card_kind"] for c in data] == ["recall", "typed", "cloze", "choice", "order"]  # type: ignore[union-attr]
    for card in data:  # type: ignore[union-attr]
        assert card["kind"] == "card"
        assert card["title"] == card["prompt"]
        assert set(card["passage"]) == {"section", "paragraph"}
        assert card["about"]
    choice = data[3]  # type: ignore[index]
    # The deck offers a choice card's choices in an order of its own, not the file's.
    assert sorted(choice["choices"]) == ["Budapest", "Helsinki", "Osaka", "Paris"]
    assert choice["answer"] == "Budapest"
    assert data[4]["items"] == ["Helsinki", "INF withdrawal", "Budapest announced"]  # type: ignore[index]


@pytest.mark.parametrize("group", ["sections", "meetings", "issues", "takeaways", "cards"])
def test_list_json_of_every_group_of_the_default_pack(
    capsys: pytest.CaptureFixture[str], group: str
) -> None:
    data = json_of(capsys, "list", group, "--json")
    assert isinstance(data, list) and data
    for entry in data:
        assert isinstance(entry["id"], str) and isinstance(entry["title"], str)
        assert entry["kind"] == group.removesuffix("s")


def test_list_meetings_and_issues_are_tables(
    capsys: pytest.CaptureFixture[str], small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = cli(capsys, "--pack", str(small), "list", "meetings")
    assert code == 0
    assert out.splitlines() == [
        "id        date                   setting     held  title",
        "helsinki  2018-07-16             summit      yes   Helsinki summit",
        "budapest  2025-10-16/2025-10-21  called-off  no    Budapest summit",
    ]
    assert err == "(full records: summitreader show ID, or list meetings --json)\n"
    code, out, _ = cli(capsys, "--pack", str(small), "list", "issues")
    assert out.splitlines()[:3] == [
        "id            title         events",
        "arms-control  Arms control  1",
        "sanctions     Sanctions     0",
    ]


def test_list_meetings_of_the_default_pack_is_one_line_each(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    _, out, _ = cli(capsys, "list", "meetings")
    assert len(out.splitlines()) == 1 + 9
    _, out, _ = cli(capsys, "list", "issues")
    assert len(out.splitlines()) == 1 + 8


def test_list_cards_is_the_whole_deck_and_show_finds_generated_cards(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # one line a card
    _, out, _ = cli(capsys, "list", "cards")
    lines = out.splitlines()
    assert lines[0].split() == ["id", "kind", "generated", "prompt"]
    generated = [line for line in lines[1:] if line.split()[2] == "yes"]
    assert len(lines) - 1 == 61 + 32 and len(generated) == 32
    assert any(line.startswith("gen-when-osaka ") for line in generated)
    code, out, err = cli(capsys, "show", "gen-when-osaka")
    assert code == 0, err
    assert out.startswith("When did the Osaka G20 bilateral take place?  [gen-when-osaka]\n")
    assert "  generated: yes" in out and "About\n  osaka  Osaka G20 bilateral" in out
    data = json_of(capsys, "show", "gen-order-meetings", "--json")
    assert data["generated"] is True and data["card_kind"] == "order"  # type: ignore[index]
    assert data["defined_at"].startswith("templates.yaml:")  # type: ignore[index]


def test_list_cards_shows_a_cloze_prompt_as_it_is_asked_not_its_answer_in_braces(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As ``due`` and the review do: the listing does not give the hidden phrase away, nor show
    the pack's ``{{…}}`` markup."""
    monkeypatch.setenv("COLUMNS", "1000")
    _, out, _ = cli(capsys, "list", "cards")
    row = next(
        line for line in out.splitlines() if line.startswith("takeaway-limited-success-outcomes ")
    )
    assert "{{" not in out and "}}" not in out
    assert row.endswith("yielded few _____.")
    assert "concrete, verifiable" not in row
    data = json_of(capsys, "list", "cards", "--json")
    assert isinstance(data, list)  # the cards as written, for programs
    assert any("{{concrete, verifiable outcomes}}" in str(card["prompt"]) for card in data)


def test_list_tables(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    code, out, _ = cli(capsys, "--pack", str(small), "list", "sections")
    assert code == 0
    assert out.splitlines()[0].split() == ["id", "title", "paragraphs"]
    assert out.splitlines()[2].split() == [
        "lists",
        "Lists:",
        "Points",
        "For",
        "and",
        "Against",
        "4",
    ]
    code, out, _ = cli(capsys, "--pack", str(small), "list", "cards")
    assert code == 0
    assert "card-cloze   cloze   no         The first point is about _____." in out
    code, out, _ = cli(capsys, "--pack", str(small), "list", "takeaways")
    assert "first-point  First Point  opening, lists" in out


# -- show -------------------------------------------------------------------------------------


def test_show_a_meeting_as_json_with_its_links(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    data = json_of(capsys, "--pack", str(small), "show", "helsinki", "--json")
    assert isinstance(data, dict)
    assert data["id"] == "helsinki" and data["date"] == "2018-07-16"
    links = data["links"]
    assert links["mentions"] == [
        {"entry": "helsinki", "section": "opening", "paragraph": 1, "text": "Helsinki"},
        {"entry": "helsinki", "section": "opening", "paragraph": 2, "text": "Helsinki"},
    ]
    assert links["issues"] == [
        {"id": "arms-control", "kind": "issue", "title": "Arms control"},
        {"id": "sanctions", "kind": "issue", "title": "Sanctions"},
    ]
    assert [c["id"] for c in links["cards"]] == ["card-recall", "card-order"]


def test_show_helsinki_of_the_default_pack(capsys: pytest.CaptureFixture[str]) -> None:
    data = json_of(capsys, "show", "helsinki", "--json")
    assert isinstance(data, dict)
    assert data["date"] == "2018-07-16"
    links = data["links"]
    assert {"mentions", "issues", "cards"} <= links.keys()
    assert "context-and-background" in {m["section"] for m in links["mentions"]}
    assert links["issues"] and links["cards"]


def test_show_an_issue_a_takeaway_a_section_and_a_card(
    capsys: pytest.CaptureFixture[str], small: Path
) -> None:
    issue = json_of(capsys, "--pack", str(small), "show", "arms-control", "--json")
    assert [m["id"] for m in issue["links"]["meetings"]] == ["helsinki"]  # type: ignore[index]
    assert [m["paragraph"] for m in issue["links"]["mentions"]] == [1, 2]  # type: ignore[index]
    takeaway = json_of(capsys, "--pack", str(small), "show", "first-point", "--json")
    assert [s["id"] for s in takeaway["links"]["sections"]] == ["opening", "lists"]  # type: ignore[index]
    assert [c["id"] for c in takeaway["links"]["cards"]] == ["card-cloze"]  # type: ignore[index]
    section = json_of(capsys, "--pack", str(small), "show", "lists", "--json")
    assert [t["id"] for t in section["links"]["takeaways"]] == ["first-point"]  # type: ignore[index]
    card = json_of(capsys, "--pack", str(small), "show", "card-order", "--json")
    assert [a["id"] for a in card["links"]["about"]] == ["helsinki", "budapest"]  # type: ignore[index]


def test_show_as_text(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    code, out, _ = cli(capsys, "--pack", str(small), "show", "helsinki")
    assert code == 0
    assert out.startswith("Helsinki summit  [helsinki]\n")
    assert "Mentions\n  Opening ¶1: “Helsinki” (helsinki)\n" in out
    assert "Issues\n  arms-control  Arms control\n  sanctions  Sanctions\n" in out
    code, out, _ = cli(capsys, "--pack", str(small), "show", "opening")
    assert code == 0
    assert "¶3  A third paragraph with emphasis and a link in it." in out


def test_show_an_unknown_id(capsys: pytest.CaptureFixture[str], small: Path) -> None:
    code, out, err = cli(capsys, "--pack", str(small), "show", "nope")
    assert code == 1
    assert out == ""
    assert err == "summitreader: there is no entry 'nope' in this pack (see 'summitreader list')\n"


# -- usage ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["list", "bogus"],
        ["show"],
        ["--bogus"],
        ["validate", "a", "b"],
        ["list", "meetings", "--yaml"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = cli(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "usage: summitreader" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "--version")
    assert code == 0
    assert out == f"summitreader {__version__}\n"


# -- in a subprocess --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["--version"], 0),
        (["validate"], 0),
        (["list", "meetings", "--json"], 0),
        (["show", "helsinki"], 0),
        (["show", "nope"], 1),
        (["--pack", "/nonexistent/pack", "list", "cards"], 1),
        (["list", "bogus"], 2),
    ],
)
def test_the_command_in_a_subprocess(argv: list[str], code: int, tmp_path: Path) -> None:
    returned, out, err = run(*argv, cwd=tmp_path)
    assert returned == code, err
    if code == 0:
        assert out
    else:
        assert err.startswith(("summitreader: ", "usage: summitreader"))


def test_validate_a_broken_pack_in_a_subprocess(broken: Path) -> None:
    code, out, _ = run("validate", str(broken))
    assert code == 1
    assert len(out.splitlines()) == 4


# -- hostile content --------------------------------------------------------------------------

ESCAPES = (
    "\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \x1b]0;t\x1b\\ \x9b2J"
)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    opening = f"Helsinki {ESCAPES} \u202eevil\u202c [b]bold[/b] [@click=app.quit]q[/].\n\nTwo.\n"
    meetings = replace_once(
        MEETINGS_YAML,
        "title: Helsinki summit",
        r'title: "Helsinki \e[2J\e]0;x\a summit [link=x]l[/link]"',
    )
    meetings = replace_once(
        meetings, "  outcome: No agreement.", r'  outcome: "No \x9b2J\e[5m agreement."'
    )
    pack = replace_once(PACK_YAML, "title: Opening", r'title: "Open\e[1ming"')
    return write_pack(
        tmp_path / "hostile",
        {"sections/01-opening.md": opening, "meetings.yaml": meetings, "pack.yaml": pack},
    )


def test_no_escape_reaches_the_output(hostile: Path) -> None:
    commands = [["validate", str(hostile)]]
    for group in ("sections", "meetings", "issues", "takeaways", "cards"):
        commands += [["list", group], ["list", group, "--json"]]
    for entry in ("opening", "lists", "helsinki", "budapest", "arms-control", "card-order"):
        commands += [["show", entry], ["show", entry, "--json"]]
    commands = [c if c[0] == "validate" else ["--pack", str(hostile), *c] for c in commands]
    # All of them in one process writing to a pipe (not a terminal), as a shell would run them.
    script = (
        "import json, sys\n"
        "from summitreader.cli import main\n"
        "codes = [main(argv) for argv in json.loads(sys.argv[1])]\n"
        "print(json.dumps(codes))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(commands)],
        capture_output=True,
        env={**os.environ, "PYTHONUTF8": "1"},
        timeout=120,
        check=False,
    )
    assert b"Traceback" not in result.stderr
    out = result.stdout.decode("utf-8")
    assert json.loads(out.splitlines()[-1]) == [0] * len(commands), result.stderr
    assert "Helsinki" in out and "[b]bold[/b]" in out
    for forbidden in ("\x1b", "\x9b", "\x07", "\u202e", "\u202c"):
        assert forbidden not in out, repr(forbidden)


def test_markup_like_text_is_printed_literally(
    capsys: pytest.CaptureFixture[str], hostile: Path
) -> None:
    code, out, _ = cli(capsys, "--pack", str(hostile), "show", "opening")
    assert code == 0
    assert "[b]bold[/b] [@click=app.quit]q[/]." in out
    code, out, _ = cli(capsys, "--pack", str(hostile), "show", "helsinki")
    assert out.startswith("Helsinki  summit [link=x]l[/link]  [helsinki]\n")
    assert "  outcome: No  agreement.\n" in out


# -- locale -----------------------------------------------------------------------------------


def _c_locale_env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("LC_", "PYTHON")) and k not in {"LANG", "LANGUAGE"}
    }
    env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")
    return env


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["list", "meetings"],
        ["list", "sections"],
        ["show", "helsinki"],
        ["show", "introduction"],
    ],
)
def test_a_utf8_pack_under_the_c_locale(argv: list[str]) -> None:
    code, out, err = run(*argv, env=_c_locale_env())
    assert code == 0, err
    assert out


def test_json_under_the_c_locale_is_exact() -> None:
    code, out, err = run("show", "key-takeaways", "--json", env=_c_locale_env())
    assert code == 0, err
    data = json.loads(out)
    assert data["paragraphs"][3]["text"].startswith("The Helsinki Summit’s Impact: ")


def test_validate_a_small_pack_under_the_c_locale(small: Path) -> None:
    code, out, err = run("validate", str(small), env=_c_locale_env())
    assert code == 0, err
    assert out.startswith("mini: ok ")


def test_a_problem_report_never_carries_an_escape(tmp_path: Path) -> None:
    # An unknown key is quoted in its problem: written with YAML escapes, it can hold anything.
    meetings = replace_once(
        MEETINGS_YAML, "  held: false", '  held: false\n  "\\e]0;owned\\a\\e[2J": 1'
    )
    root = write_pack(tmp_path / "keys", {"meetings.yaml": meetings})
    for argv in (["--pack", str(root), "list", "meetings"], ["validate", str(root)]):
        code, out, err = run(*argv)
        assert code == 1
        # Cleaned, the key is nothing: it is named by its characters, not shown as "".
        assert (
            "meetings.yaml:27:3: [1]: a key must be a field name, not only characters that cannot "
            "be shown (U+001B (a control character), U+0007 (a control character))"
        ) in out + err
        assert "\x1b" not in out + err and "\x07" not in out + err


def test_pack_commands_write_nothing_into_the_data_and_cache_folders(
    capsys: pytest.CaptureFixture[str], small: Path, tmp_path: Path
) -> None:
    data, cache = tmp_path / "my-data", tmp_path / "my-cache"
    options = ["--data-dir", str(data), "--cache-dir", str(cache), "--pack", str(small)]
    for argv in (["validate"], ["list", "cards"], ["show", "helsinki", "--json"]):
        code, _, err = cli(capsys, *options, *argv)
        assert code == 0, err
    assert not data.exists() and not cache.exists()


def test_show_an_issue_with_key_events(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "show", "arms-control")
    assert code == 0, err
    assert "  timeline:\n" in out
    expiry = "    - 2026-02-05: New START expires."
    assert expiry in out
    assert "(key event; https://www.local10.com/" in out


def test_the_readme_counts_the_deck_as_validate_does(capsys: pytest.CaptureFixture[str]) -> None:
    import re

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    found = re.search(r"a deck of (\d+) study cards \((\d+) written, (\d+) generated", readme)
    assert found is not None
    total, written, generated = (int(n) for n in found.groups())
    _, out, _ = cli(capsys, "validate")
    assert f" {written} written + {generated} generated cards, " in out
    assert total == written + generated


def test_show_lists_every_card_about_an_entry_with_cloze_gaps(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = cli(capsys, "show", "helsinki")
    assert code == 0, err
    cards = out.split("\nCards\n", 1)[1].split("\n\n", 1)[0]
    assert "  gen-outcome-helsinki  " in cards and "  gen-where-helsinki  " in cards
    assert "  helsinki-one-on-one  In Helsinki, Trump and Putin first met one-on-one" in cards
    assert "with only […] present" in cards
    assert "{{" not in out
    data = json_of(capsys, "show", "arms-control", "--json")
    ids = [c["id"] for c in data["links"]["cards"]]  # type: ignore[index]
    assert "gen-order-arms-control" in ids and "new-start-extension" in ids


def test_show_a_card_with_a_long_prompt_heads_it_short(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "show", "gen-controversy-helsinki")
    assert code == 0, err
    heading = out.splitlines()[0]
    assert heading.endswith("…  [gen-controversy-helsinki]") and len(heading) <= 90
    assert out.count("Standing beside Putin") == 1
