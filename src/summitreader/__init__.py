"""summitreader: read one article, look things up in it, and remember it."""

__version__ = "0.1.0"
