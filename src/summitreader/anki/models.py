"""The Anki note types the deck is written with.

Their ids are fixed numbers (never change them): importing a later export into the same Anki
collection then finds the same note types, and updates the notes rather than adding new ones.
"""

from __future__ import annotations

import genanki

CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.passage { margin-top: 1em; font-size: 16px; color: #555; }
.explanation { margin-top: 1em; }
ol, ul { text-align: left; }
"""

_BACK_EXTRA = (
    '{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}'
    '{{#Passage}}<div class="passage">{{Passage}}</div>{{/Passage}}'
)

CLOZE = genanki.Model(
    1719_2026_01,
    "summitreader Cloze",
    fields=[{"name": "Text"}, {"name": "Explanation"}, {"name": "Passage"}],
    templates=[
        {
            "name": "Cloze",
            "qfmt": "{{cloze:Text}}",
            "afmt": "{{cloze:Text}}<hr id=answer>" + _BACK_EXTRA,
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)

BASIC = genanki.Model(
    1719_2026_02,
    "summitreader Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Explanation"}, {"name": "Passage"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Back}}" + _BACK_EXTRA,
        }
    ],
    css=CSS,
)

TYPED = genanki.Model(
    1719_2026_03,
    "summitreader Type the answer",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Explanation"}, {"name": "Passage"}],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Front}}<br>{{type:Back}}",
            "afmt": "{{Front}}<hr id=answer>{{type:Back}}" + _BACK_EXTRA,
        }
    ],
    css=CSS,
)

CHOICE = genanki.Model(
    1719_2026_04,
    "summitreader Choice",
    fields=[
        {"name": "Question"},
        {"name": "Choices"},
        {"name": "Answer"},
        {"name": "Explanation"},
        {"name": "Passage"},
    ],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}{{Choices}}",
            "afmt": "{{FrontSide}}<hr id=answer>{{Answer}}" + _BACK_EXTRA,
        }
    ],
    css=CSS,
)

ORDER = genanki.Model(
    1719_2026_05,
    "summitreader Order",
    fields=[
        {"name": "Question"},
        {"name": "Shuffled"},
        {"name": "InOrder"},
        {"name": "Explanation"},
        {"name": "Passage"},
    ],
    templates=[
        {
            "name": "Card 1",
            "qfmt": "{{Question}}{{Shuffled}}",
            "afmt": "{{Question}}<hr id=answer>{{InOrder}}" + _BACK_EXTRA,
        }
    ],
    css=CSS,
)

ALL = (CLOZE, BASIC, TYPED, CHOICE, ORDER)
