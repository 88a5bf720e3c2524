"""Making a pack of any article: Markdown, plain text or HTML.

- :mod:`~summitreader.authoring.source`: reading the file (size, binary, encoding, format);
- :mod:`~summitreader.authoring.html`: an HTML page's main text as Markdown (trafilatura);
- :mod:`~summitreader.authoring.split`: the title and the sections;
- :mod:`~summitreader.authoring.takeaways`: takeaways from a "Key takeaways" section;
- :mod:`~summitreader.authoring.cards`: the card rules;
- :mod:`~summitreader.authoring.build`: writing the pack into the library, checked, atomically.

No Textual here, and nothing is imported from the app or the command line.
"""

from summitreader.authoring.build import Added, add_article, slug
from summitreader.authoring.source import MAX_BYTES, AuthoringError

__all__ = ["MAX_BYTES", "Added", "AuthoringError", "add_article", "slug"]
