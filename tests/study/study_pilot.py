"""The old names of ``support.app.build_app`` and ``support.review``'s helpers, for tests written
before they moved there; new tests import from ``support``."""

from support.app import build_app
from support.review import answer_current, put_in_order, review_screen

__all__ = ["answer_current", "build_app", "put_in_order", "review_screen"]
