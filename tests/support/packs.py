"""A small valid pack for the tests, written into a folder, with any file's text replaceable.

Used by the tests of the loader (``tests/pack``), the study tests and the CLI tests, through the
``make_pack`` and ``mini_pack`` fixtures of ``tests/conftest.py`` or directly.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path

PACK_YAML = """\
# A small pack for the tests.
id: mini
title: A Small Article
subtitle: Its standfirst.
source: Written for the tests.
sections:
  - {id: opening, title: Opening, file: sections/01-opening.md}
  - {id: lists, title: "Lists: Points For and Against", file: sections/02-lists.md}
"""

OPENING_MD = """\
The first meeting took place in Helsinki, where arms control came up.

The second paragraph names the INF Treaty, and Helsinki again.

A third paragraph with *emphasis* and a [link](https://example.org) in it.
"""

LISTS_MD = """\
Points:

- **First Point:** one point, about sanctions.

- **Second Point:** another point.

A closing paragraph.
"""

MEETINGS_YAML = """\
- id: helsinki
  title: Helsinki summit
  date: "2018-07-16"
  place: Helsinki, Finland
  setting: summit
  setting_detail: The two presidents and their interpreters.
  duration: About two hours.
  issues: [arms-control, sanctions]
  outcome: No agreement.
  controversy: The press conference.
  in_article: true
  held: true
  aliases: [Helsinki]
  sources:
    - https://example.org/helsinki

- id: budapest
  title: Budapest summit
  date: "2025-10-16/2025-10-21"
  place: Budapest, Hungary
  setting: called-off
  duration: It did not take place.
  issues: []
  outcome: Called off.
  in_article: false
  held: false
  sources: ["https://example.org/budapest"]
"""

ISSUES_YAML = """\
- id: arms-control
  title: Arms control
  aliases: [INF Treaty]
  summary: Treaties on nuclear forces.
  timeline:
    - date: "2019-08-02"
      text: The United States leaves the INF Treaty.
      sources: [https://example.org/inf]
  sources: [https://example.org/arms]

- id: sanctions
  title: Sanctions
  summary: Measures against Russia.
  sources: [https://example.org/sanctions]
"""

TAKEAWAYS_YAML = """\
- id: first-point
  title: First Point
  text: One point, about sanctions.
  passage: {section: lists, paragraph: 2}
  sections: [opening, lists]
"""

CARDS_YAML = """\
- id: card-recall
  kind: recall
  prompt: Where did the first meeting take place?
  answer: Helsinki
  about: [helsinki]
  passage: {section: opening, paragraph: 1}

- id: card-typed
  kind: typed
  prompt: Which treaty does the second paragraph name?
  answer: INF Treaty
  accept: [INF, the INF Treaty]
  about: [arms-control]
  passage: {section: opening, paragraph: 2}

- id: card-cloze
  kind: cloze
  prompt: The first point is about {{sanctions}}.
  answer: sanctions
  about: [first-point, sanctions]
  passage: {section: lists, paragraph: 2}

- id: card-choice
  kind: choice
  prompt: Which summit was called off?
  answer: Budapest
  choices: [Helsinki, Budapest, Osaka, Paris]
  about: [budapest]
  passage: {section: opening, paragraph: 1}
  explanation: It was announced and then called off.

- id: card-order
  kind: order
  prompt: Put these in order.
  items: [Helsinki, INF withdrawal, Budapest announced]
  about: [helsinki, budapest]
  passage: {section: opening, paragraph: 2}
"""

NOTES_YAML = """\
- id: note-count
  title: The count is debatable
  text: Whether a dinner counts as a meeting changes the tally.
  passage: {section: opening, paragraph: 1}
  sources: [https://example.org/count]
"""

TEMPLATES_YAML = """\
- id: when
  ask: meeting-date
  prompt: "When did the {title} take place?"
  explanation: "{title}: {date}, {place}."

- id: where
  ask: meeting-place
  prompt: "Where was the meeting of {date}?"
  explanation: "{title}: {place}."

- id: outcome
  ask: meeting-by-outcome
  prompt: "Which meeting is this about? (what came out of it)\\n\\n{fact}"
  explanation: "{title}, {date}."

- id: controversy
  ask: meeting-by-controversy
  prompt: "Which meeting is this about? (what was disputed about it)\\n\\n{fact}"
  explanation: "{title}, {date}."

- id: order-meetings
  ask: meeting-order
  prompt: Put these meetings in the order they took place.
  explanation: "{events}."

- id: order
  ask: issue-order
  prompt: "{title}: put these events in chronological order."
  explanation: "{events}."
"""

FILES: dict[str, str] = {
    "pack.yaml": PACK_YAML,
    "sections/01-opening.md": OPENING_MD,
    "sections/02-lists.md": LISTS_MD,
    "meetings.yaml": MEETINGS_YAML,
    "issues.yaml": ISSUES_YAML,
    "takeaways.yaml": TAKEAWAYS_YAML,
    "cards.yaml": CARDS_YAML,
    "notes.yaml": NOTES_YAML,
    "templates.yaml": TEMPLATES_YAML,
}


def write_pack(root: Path, overrides: Mapping[str, str | bytes | None] | None = None) -> Path:
    """Write the small valid pack into ``root`` and return ``root``.

    ``overrides`` maps a file's path in the pack to its text instead (``str`` is written as UTF-8,
    ``bytes`` as they are; ``None`` leaves the file out). Paths not in the small pack are added.
    """
    files: dict[str, str | bytes | None] = dict(FILES)
    files.update(overrides or {})
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        if content is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def replace_once(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced (it must occur exactly once)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def place(text: str, needle: str, occurrence: int = 1) -> str:
    """``line:column`` (1-based) of the ``occurrence``-th ``needle`` in ``text``."""
    index = -1
    for _ in range(occurrence):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return f"{line}:{column}"


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")
