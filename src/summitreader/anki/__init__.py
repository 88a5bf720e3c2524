"""The whole deck as an Anki package (``.apkg``), written with genanki. No Textual in here.

:func:`~summitreader.anki.export.write_package` is the entry point; the note types are in
:mod:`~summitreader.anki.models`.
"""

from summitreader.anki.export import AnkiExportError, build_notes, write_package

__all__ = ["AnkiExportError", "build_notes", "write_package"]
