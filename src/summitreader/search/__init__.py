"""Full-text search over the pack and the user's notes.

:class:`SearchIndex` is the only way in; whoosh is used behind it and imported only when an index is
opened, so importing this package is cheap and has no side effects.
"""

from summitreader.search.index import SearchIndex
from summitreader.search.results import KINDS, Hit, SearchResult, Segment

__all__ = ["KINDS", "Hit", "SearchIndex", "SearchResult", "Segment"]
