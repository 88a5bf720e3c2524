"""The old name of ``support.packs`` (the small pack on disk), for tests written before it moved
there; new tests import from ``support.packs``."""

from support.packs import (
    CARDS_YAML,
    FILES,
    ISSUES_YAML,
    LISTS_MD,
    MEETINGS_YAML,
    NOTES_YAML,
    OPENING_MD,
    PACK_YAML,
    TAKEAWAYS_YAML,
    TEMPLATES_YAML,
    dedent,
    place,
    replace_once,
    write_pack,
)

__all__ = [
    "CARDS_YAML",
    "FILES",
    "ISSUES_YAML",
    "LISTS_MD",
    "MEETINGS_YAML",
    "NOTES_YAML",
    "OPENING_MD",
    "PACK_YAML",
    "TAKEAWAYS_YAML",
    "TEMPLATES_YAML",
    "dedent",
    "place",
    "replace_once",
    "write_pack",
]
