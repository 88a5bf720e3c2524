"""Studying a pack: the deck of cards, grading answers, FSRS scheduling and study sessions.

No Textual in here: the screens, the CLI and the tests drive these modules the same way.

- :mod:`~summitreader.study.deck`: the pack's cards plus the ones generated from its index;
- :mod:`~summitreader.study.grading`: typed, cloze, choice and order answers graded to a rating;
- :mod:`~summitreader.study.schedule`: FSRS states, previews of the next interval, due and new
  cards under the daily limit;
- :mod:`~summitreader.study.session`: a study session as a plain state machine;
- :mod:`~summitreader.study.plan`: which cards a session holds (due, one takeaway, cram);
- :mod:`~summitreader.study.mastery`: how well each takeaway is known.

Importing this package opens and creates nothing.
"""
