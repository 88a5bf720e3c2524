"""Wrapped lines of the contents hang under their text, not under the mark and number."""

from __future__ import annotations

from textual.widgets import OptionList


def rendered(widget) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.text for line in widget.render_lines(widget.region.reset_offset)]


async def test_a_wrapped_section_title_lines_up_under_its_text(build_app):
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        lines = rendered(app.screen.query_one("#toc", OptionList))
        start = next(i for i, line in enumerate(lines) if "2. Context and Background" in line)
        column = lines[start].index("Context")
        follow = lines[start + 1]
        assert follow[:column].strip() == "", lines[start : start + 2]
        assert follow[column:column + 1].strip(), lines[start : start + 2]
