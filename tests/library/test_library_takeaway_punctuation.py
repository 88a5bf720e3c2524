"""A takeaway's card keeps the punctuation the reader put after its bold lead."""

from __future__ import annotations

from summitreader.authoring.plan import Plan as _Plan
from summitreader.authoring.split import split_markdown

ARTICLE = """# Penguins

## Huddles

Emperor penguins stand together in tight huddles through the polar winter, turning slowly so
that every bird spends some time in the warm middle of the group.

## Key takeaways

- **Clusters keep warm.** The winter huddle shares heat between 5,000 birds.
- **Fasting males:** the males keep the egg warm for 65 days without eating.
- **Slow turning** — the huddle turns about once every 30 seconds.
"""


def test_the_takeaway_cards_keep_the_readers_punctuation():
    plan = _Plan("penguins", "Penguins", split_markdown(ARTICLE))
    prompts = [c.prompt for c in plan.cards if c.rule == "takeaway"]
    assert prompts == [
        "Clusters keep warm. The winter huddle shares heat between {{5,000}} birds.",
        "Fasting males: the males keep the egg warm for {{65}} days without eating.",
        "Slow turning — the huddle turns about once every {{30}} seconds.",
    ]
