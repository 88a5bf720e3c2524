"""Text boxes whose pasted text is cleaned where it enters.

A paste arrives as one event with the terminal's bytes as they were: escape sequences, C1
controls and bidi overrides included. Textual inserts it as it is, and the box then draws those
characters to the terminal. The mixins here clean the pasted text (:func:`clean_text`, the one
cleaning function) before the box's own paste handler inserts it: Textual runs the handlers of a
widget's classes in method resolution order, so a mixin placed first runs first. Typed keys need
nothing, as a box inserts only printable characters.

The mixins are plain classes, not widgets: Textual takes a widget's CSS type names from its first
base that is a widget, which stays the text box's own class (``Input``, ``TextArea``).
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from summitreader.text import clean_text


class CleanPaste:
    """Mixed in first, before :class:`~textual.widgets.Input`."""

    def _on_paste(self, event: events.Paste) -> None:
        event.text = clean_text(event.text)


class _CleanPasteAsync:
    """The same, for a box whose own paste handler is a coroutine (:class:`TextArea`)."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.text = clean_text(event.text)


class CleanTextArea(_CleanPasteAsync, TextArea):
    """A text area whose pasted text is cleaned."""
