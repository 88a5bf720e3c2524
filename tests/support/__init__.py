"""Helpers shared by the test suites (``tests`` is on the path through pyproject's ``pythonpath``).

- ``clock``: the one test clock, standing still until the test moves it.
- ``packs``: the one small pack on disk, with any file's text replaceable.
- ``search_pack``, ``progress_pack``: small packs made from the model's dataclasses (no files)
  for the search and progress tests, also imported by their child processes.
- ``app``: the one way to build the real app for a test (delays that run at once).
- ``pilot``: waiting on the app's state rather than on the clock.
- ``review``: answering the review screen's cards with keys.
- ``terminal``: the real app on a real pseudo-terminal, with a minimal environment.
"""
