"""Finding where meetings and issues are named in the article: the cross-links of the pack."""

from __future__ import annotations

import re
from collections.abc import Iterable

from summitreader.pack.model import Issue, Meeting, Mention, Section


def find_mentions(
    sections: Iterable[Section], entries: Iterable[Meeting | Issue]
) -> tuple[Mention, ...]:
    """Every place a meeting's or an issue's title or alias appears, as a whole word in any case.

    Where names overlap ("Helsinki summit" and "Helsinki"), the longest match wins, so each stretch
    of text links to one entry.
    """
    names: list[tuple[str, str]] = []
    for entry in entries:
        for name in entry.names:
            if name.strip():
                names.append((name.strip(), entry.id))
    if not names:
        return ()
    # One alternation, longest names first: the regex engine then prefers the longest at a place.
    names.sort(key=lambda pair: len(pair[0]), reverse=True)
    owner = {name.casefold(): entry_id for name, entry_id in reversed(names)}
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(name) for name, _ in names) + r")(?!\w)",
        re.IGNORECASE,
    )
    found: list[Mention] = []
    for section in sections:
        for paragraph in section.paragraphs:
            for match in pattern.finditer(paragraph.text):
                entry_id = owner.get(match.group(0).casefold())
                if entry_id is None:  # only if case folding changed the text's length
                    continue
                found.append(
                    Mention(
                        entry=entry_id,
                        section=section.id,
                        paragraph=paragraph.number,
                        start=match.start(),
                        end=match.end(),
                        matched=match.group(0),
                    )
                )
    return tuple(found)
