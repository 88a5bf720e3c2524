"""Lists in the reader as Markdown means them: a tight list (one item a line) is drawn with no
blank line between its items (it was drawn loose, a blank line after each), a loose one with a
blank line after each; and the text of every item of a list hangs at one column, its numbers
right-aligned (``9.`` and ``10.`` were not aligned)."""

from __future__ import annotations

from pathlib import Path

from summitreader.pack import load_pack
from summitreader.pack.markdown import split_paragraphs
from summitreader.tui.screens.read import ReadScreen
from summitreader.tui.widgets.passage import Passage
from support.app import build_app
from support.clock import Clock
from support.code_pack import write_code_pack
from support.pilot import wait_until

STEPS = [f"Step {n} of the climb to the summit." for n in range(1, 11)]
SECTION = (
    "The steps:\n\n"
    + "\n".join(f"{n}. {step}" for n, step in enumerate(STEPS, start=1))
    + "\n\nWhat to take:\n\n- Water for the day.\n\n- A map of the valley.\n"
)
"""Paragraph 1, a tight list of ten steps (2–11), paragraph 12, a loose list (13, 14)."""


def _lines(passage: Passage) -> list[str]:
    return [passage.render_line(y).text.rstrip() for y in range(passage.size.height)]


def test_a_tight_list_is_an_item_a_paragraph_and_its_markers_share_a_width() -> None:
    paragraphs = split_paragraphs("s", SECTION)
    assert [p.text for p in paragraphs[1:11]] == STEPS
    assert [p.tight for p in paragraphs] == [False] + [True] * 9 + [False] * 4
    assert {p.marker_width for p in paragraphs[1:11]} == {3}
    assert [p.marker_width for p in paragraphs[12:]] == [1, 1]


async def test_the_reader_draws_a_tight_list_tight_and_hangs_its_items_at_one_column(
    tmp_path: Path, data_dir: Path, clock: Clock
) -> None:
    folder = write_code_pack(tmp_path / "pack")
    (folder / "sections" / "01-usage.md").write_text(SECTION, encoding="utf-8")
    app, store = build_app(load_pack(folder), data_dir, clock, tmp_path / "cache")
    async with app.run_test(size=(80, 40)) as pilot:
        reader = app.screen
        assert isinstance(reader, ReadScreen)
        await wait_until(
            pilot,
            lambda: any(p.id == "p-14" and p.size.height for p in reader.query(Passage)),
            "the passages",
        )
        passages = {p.paragraph.number: p for p in reader.query(Passage)}
        for number in range(2, 11):  # each item of the tight list right under the one before
            above, below = passages[number].region, passages[number + 1].region
            assert below.y == above.bottom, (number, above, below)
        loose, after = passages[13].region, passages[14].region
        assert after.y == loose.bottom + 1  # a loose list keeps its blank line
        ninth, tenth = _lines(passages[10])[0], _lines(passages[11])[0]
        assert ninth.strip().startswith("9. Step 9") and tenth.strip().startswith("10. Step 10")
        assert ninth.index("Step") == tenth.index("Step")
        assert ninth.index("9.") == tenth.index("0.")  # the numbers right-aligned
    store.close()
