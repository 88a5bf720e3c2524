"""The Index detail pane's wrapped lines hang under their text: a field's value under itself,
not under its label; a timeline's texts in one column however wide their dates are."""

from __future__ import annotations

import io

from rich.console import Console

from summitreader.pack import Pack
from summitreader.tui.widgets.entry_detail import entry_facts


def render(renderable: object, width: int) -> list[str]:
    console = Console(width=width, color_system=None, file=io.StringIO())
    console.print(renderable)
    file = console.file
    assert isinstance(file, io.StringIO)
    return file.getvalue().splitlines()


def test_a_wrapped_field_value_lines_up_under_itself(pack: Pack) -> None:
    meeting = next(m for m in pack.meetings if len(m.setting_detail) > 60)
    lines = render(entry_facts(pack, meeting), 40)
    start = next(i for i, line in enumerate(lines) if line.startswith("Setting: "))
    column = len("Setting: ")
    follow = lines[start + 1]
    assert follow[:column].strip() == "" and follow[column].strip(), lines[start : start + 2]


def test_a_timeline_keeps_its_texts_in_one_column(pack: Pack) -> None:
    issue = next(
        i for i in pack.issues if len({len(e.date.human()) for e in i.timeline}) > 1
    )
    lines = render(entry_facts(pack, issue), 200)
    columns = set()
    for event in issue.timeline:
        row = next(line for line in lines if event.text[:30] in line)
        columns.add(row.index(event.text[:30]))
    assert len(columns) == 1, columns


def test_an_issues_other_names_wrap_under_themselves(pack: Pack) -> None:
    """"Also:" lines up its wrapped names as the other fields do (they started at the edge)."""
    issue = max(pack.issues, key=lambda i: len(", ".join(i.aliases)))
    assert len(", ".join(issue.aliases)) > 60
    lines = render(entry_facts(pack, issue), 40)
    start = next(i for i, line in enumerate(lines) if line.startswith("Also: "))
    column = len("Also: ")
    follow = lines[start + 1]
    assert follow[:column].strip() == "" and follow[column].strip(), lines[start : start + 2]
