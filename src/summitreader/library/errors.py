"""The library's error: a request that cannot be done (its own module, so that the library's
parts share it without importing each other)."""

from __future__ import annotations


class LibraryError(Exception):
    """A library request that cannot be done, with what to do (one line)."""
