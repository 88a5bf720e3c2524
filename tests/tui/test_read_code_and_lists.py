"""The reader draws a code block line by line as written (never one run-on line; a line too long
for the width is cut with ``…``), and a list item after its own number, its wrapped lines hanging
under its text, not under the number."""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Offset
from textual.selection import Selection

from summitreader.pack import load_pack
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.widgets.passage import Passage
from support.app import build_app
from support.clock import Clock
from support.code_pack import write_code_pack
from support.pilot import wait_until


def _lines(passage: Passage) -> list[str]:
    """The passage's lines as drawn, without its padding."""
    lines = [passage.render_line(y).text for y in range(passage.size.height)]
    return [line.rstrip() for line in lines]


async def test_code_blocks_and_numbered_lists_in_the_reader(
    tmp_path: Path, data_dir: Path, clock: Clock
) -> None:
    pack = load_pack(write_code_pack(tmp_path / "pack"))
    app, store = build_app(pack, data_dir, clock, tmp_path / "cache")
    async with app.run_test(size=(80, 40)) as pilot:
        reader = app.screen
        assert isinstance(reader, ReadScreen)

        def passage(number: int) -> Passage | None:
            found = reader.query(f"#p-{number}").results(Passage)
            return next(iter(found), None)

        await wait_until(
            pilot, lambda: (p := passage(13)) is not None and p.size.height > 0, "the passages"
        )
        cargo, rust = passage(2), passage(4)
        assert cargo is not None and rust is not None
        assert [line.strip() for line in _lines(cargo)] == ["$ cargo new docs --lib", "$ cd docs"]
        rust_lines = [line.strip() for line in _lines(rust)]
        assert rust_lines[:3] == ["#![allow(unused)]", "fn main() {", "/// foo is a function"]
        assert rust_lines[3] == "" and rust_lines[4] == "fn foo() {}"
        assert cargo.has_class("-code")
        reader.selections = {cargo: Selection(Offset(2, 0), Offset(4, 1))}
        await pilot.pause()
        assert reader.get_selected_text() == "cargo new docs --lib\n$ cd"

        definitions, scouts, lazy = passage(6), passage(7), passage(8)
        assert definitions is not None and scouts is not None and lazy is not None
        assert _lines(definitions)[0].strip() == "0. Definitions."
        assert _lines(lazy)[0].strip().startswith("2. Lazy numbering")
        scout_lines = _lines(scouts)
        assert len(scout_lines) > 1 and scout_lines[0].strip().startswith("1. Scouts leave")
        text_column = scout_lines[0].index("Scouts")
        for line in scout_lines[1:]:
            assert line[:text_column].strip() == "" and line[text_column] != " ", scout_lines
        third, bullet = passage(10), passage(11)
        assert third is not None and bullet is not None
        assert _lines(third)[0].strip() == "3) Third, as written."
        assert _lines(bullet)[0].strip() == "• A bullet stays a bullet."
        indented = passage(13)
        assert indented is not None
        assert [line.strip() for line in _lines(indented)] == ["let x = 1;", "let y = *x;"]
    store.close()


async def test_a_code_line_too_long_for_the_width_is_cut_with_a_mark(
    tmp_path: Path, data_dir: Path, clock: Clock
) -> None:
    folder = write_code_pack(tmp_path / "pack")
    long_line = "let total = " + " + ".join(f"value_{n}" for n in range(30)) + ";"
    section = folder / "sections" / "01-usage.md"
    section.write_text(f"A long line:\n\n```\n{long_line}\nshort();\n```\n", encoding="utf-8")
    app, store = build_app(load_pack(folder), data_dir, clock, tmp_path / "cache")
    async with app.run_test(size=(80, 30)) as pilot:
        reader = app.screen
        await wait_until(
            pilot,
            lambda: any(p.id == "p-2" and p.size.height for p in reader.query(Passage)),
            "the listing",
        )
        code = reader.query_one("#p-2", Passage)
        lines = [line.strip() for line in _lines(code)]
        assert len(lines) == 2
        assert lines[0].startswith("let total = value_0") and lines[0].endswith("…")
        assert lines[1] == "short();"
    store.close()
