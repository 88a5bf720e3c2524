"""``summitreader search``: JSON and text output, content printed as text, exit codes."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from summitreader.cli import main
from support.terminal import drive, summitreader, terminal_env

PACK_YAML = """\
id: clitest
title: A Pack for the Search Command
subtitle: Its standfirst.
source: Written for the tests.
sections:
  - {id: one, title: "One: [b]Bold[/b] Title", file: sections/01-one.md}
  - {id: two, title: Two, file: sections/02-two.md}
"""

ONE_MD = (
    "Zeppelins and [b]bold[/b] markup, [/] and [link=https://example.org]a link[/link] "
    "and [@click=app.quit]quit[/] stay as they are.\n\n"
    "A paragraph with an escape \x1b[31mred\x1b[0m, a bell \x07 and an OSC "
    "\x1b]8;;https://example.org\x07link\x1b]8;;\x07 about zeppelins too.\n"
)

TWO_MD = "Airships and blimps, but not the other word.\n"

MEETINGS_YAML = textwrap.dedent(
    """\
    - id: lakehurst
      title: Lakehurst landing
      date: "1937-05-06"
      place: Lakehurst, New Jersey
      setting: summit
      setting_detail: A zeppelin landing.
      duration: Minutes.
      issues: []
      outcome: None.
      controversy: ""
      in_article: false
      held: true
      sources: [https://example.org/lakehurst]
    """
)

HIT_KEYS = {"kind", "id", "title", "section", "paragraph", "snippet", "score"}


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    (folder / "sections").mkdir(parents=True)
    (folder / "pack.yaml").write_text(PACK_YAML, encoding="utf-8")
    (folder / "sections" / "01-one.md").write_text(ONE_MD, encoding="utf-8")
    (folder / "sections" / "02-two.md").write_text(TWO_MD, encoding="utf-8")
    (folder / "meetings.yaml").write_text(MEETINGS_YAML, encoding="utf-8")
    return folder


@pytest.fixture
def run(pack_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    def run_search(*args: str) -> tuple[int, str, str]:
        code = main(
            [
                "--pack",
                str(pack_dir),
                "--cache-dir",
                str(tmp_path / "cache"),
                "--data-dir",
                str(tmp_path / "data"),
                "search",
                *args,
            ]
        )
        out, err = capsys.readouterr()
        return code, out, err

    return run_search


def test_json_is_an_array_of_hits(run) -> None:
    code, out, err = run("zeppelins", "--json")
    assert code == 0 and err == ""
    hits = json.loads(out)
    assert isinstance(hits, list) and len(hits) == 3
    for hit in hits:
        assert set(hit) == HIT_KEYS
        assert isinstance(hit["score"], float) and isinstance(hit["snippet"], str)
    by_id = {(h["kind"], h["id"], h["paragraph"]) for h in hits}
    assert by_id == {
        ("paragraph", "one", 1),
        ("paragraph", "one", 2),
        ("meeting", "lakehurst", None),
    }
    meeting = next(h for h in hits if h["kind"] == "meeting")
    assert meeting["section"] is None and meeting["paragraph"] is None
    assert meeting["title"] == "Lakehurst landing"
    paragraph = next(h for h in hits if h["paragraph"] == 1)
    assert paragraph["section"] == "one"
    assert paragraph["title"] == "One: [b]Bold[/b] Title"
    assert "[b]bold[/b]" in paragraph["snippet"]


def test_json_without_hits_is_an_empty_array(run) -> None:
    code, out, _ = run("nothing-like-this", "--json")
    assert code == 0 and json.loads(out) == []


def test_json_snippets_hold_no_control_characters(run) -> None:
    _, out, _ = run("escape", "--json")
    (hit,) = json.loads(out)
    assert hit["snippet"].isprintable()
    assert "\x1b" not in out and "\\u001b" not in out and "\x07" not in out


def test_text_output_shows_place_and_snippet_as_plain_text(run) -> None:
    code, out, err = run("zeppelins")
    assert code == 0 and err == ""
    assert "One ¶1" in out and "One ¶2" in out
    assert "Lakehurst landing — Meeting · 6 May 1937" in out
    flat = " ".join(out.split())  # (snippets wrap to the terminal)
    assert "[b]bold[/b]" in flat
    assert "[link=https://example.org]a link[/link]" in flat
    assert "[@click=app.quit]quit[/]" in flat
    assert all(ch.isprintable() or ch == "\n" for ch in out)
    assert "\x1b" not in out and "\x07" not in out


@pytest.mark.parametrize("columns", [80, 44])
def test_snippets_wrap_to_the_terminal_under_their_heading(
    run, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """A snippet was one long line, broken by the terminal mid-word at its left edge."""
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run("zeppelins")
    assert code == 0
    lines = out.splitlines()
    assert all(len(line) <= columns for line in lines), lines
    snippet = [line for line in lines if line.startswith("  ")]
    assert len(snippet) > 3  # wrapped onto more lines than the three hits
    words = set(" ".join(out.split()).split())
    assert {"[link=https://example.org]a", "link[/link]"} <= words  # whole words


def test_text_output_without_hits(run) -> None:
    code, out, _ = run("nothing-like-this")
    assert code == 0 and out.strip() == "No matches."  # as the app says


def test_kind_and_limit(run) -> None:
    _, out, _ = run("zeppelins", "--kind", "meeting", "--json")
    assert [h["kind"] for h in json.loads(out)] == ["meeting"]
    _, out, _ = run("zeppelins", "--kind", "meeting", "--kind", "paragraph", "--json")
    assert len(json.loads(out)) == 3
    _, out, _ = run("zeppelins", "--limit", "1", "--json")
    assert len(json.loads(out)) == 1
    _, out, _ = run("zeppelins", "--limit", "1")
    assert "1 of 3 matches" in out


def test_words_of_the_query_may_be_separate_arguments(run) -> None:
    _, joined, _ = run("zeppelins escape", "--json")
    _, separate, _ = run("zeppelins", "escape", "--json")
    assert json.loads(joined) == json.loads(separate) != []


def test_message_and_suggestion_go_to_stderr(run) -> None:
    code, out, err = run('"zeppelins', "--json")
    assert code == 0
    assert json.loads(out)
    assert "quote" in err
    code, out, err = run("zepelins", "--json")
    assert code == 0
    assert "Showing results for “zeppelins”." in err  # its hits are those of the correction
    assert isinstance(json.loads(out), list)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["x", "--kind", "flashcard"],
        ["x", "--limit", "0"],
        ["x", "--limit", "many"],
        ["x", "--limit", "100000"],
    ],
)
def test_usage_errors_exit_2(run, args: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        run(*args)
    assert exit_info.value.code == 2


@pytest.mark.parametrize(
    "query", ['"', "((", "AND", "*", "kind:", "date:[", "x" * 10_240, "\x1b[2J"]
)
def test_hostile_queries_exit_0(run, query: str) -> None:
    code, out, _ = run(query, "--json")
    assert code == 0
    assert isinstance(json.loads(out), list)


def test_the_readers_notes_are_searched(run, pack_dir: Path, tmp_path: Path) -> None:
    from summitreader.pack import load_pack
    from summitreader.progress import open_store

    with open_store(tmp_path / "data", load_pack(pack_dir)) as store:
        store.add_note("two", 1, "My note on dirigibles, with [b]markup[/b].")
    code, out, _ = run("dirigibles", "--json")
    assert code == 0
    (hit,) = json.loads(out)
    assert (hit["kind"], hit["section"], hit["paragraph"]) == ("note", "two", 1)
    _, text, _ = run("dirigibles")
    assert "Your note — Note · Two ¶1" in text
    assert "[b]markup[/b]" in text


def run_in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run ``python -m summitreader ARGS`` with its output on a pseudo-terminal; what it wrote."""
    output, status = drive(summitreader(*args), env, interactive=False)
    assert status == 0
    return output.decode("utf-8", "replace")


@pytest.mark.slow
def test_on_a_terminal_the_matches_are_bold_unless_no_color(pack_dir: Path, tmp_path: Path) -> None:
    args = [
        "--pack",
        str(pack_dir),
        "--cache-dir",
        str(tmp_path / "cache"),
        "--data-dir",
        str(tmp_path / "data"),
        "search",
        "escape",
    ]
    env = terminal_env(TERM="xterm-256color")
    styled = run_in_terminal(args, env)
    assert "\x1b[1mescape\x1b[22m" in styled
    # The content's own escape sequences never reach the terminal; ours are the only ones.
    assert styled.replace("\x1b[1m", "").replace("\x1b[22m", "").count("\x1b") == 0
    plain = run_in_terminal(args, {**env, "NO_COLOR": "1"})
    assert "\x1b" not in plain
    assert "escape" in plain
