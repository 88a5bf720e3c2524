"""Reading an article's file: size, binary content and encoding checked, its format found."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from summitreader.text import clean_text

Format = Literal["markdown", "text", "html"]
MAX_BYTES = 8 * 1024 * 1024
"""The largest article accepted (a long book is about 2 MB of text)."""
SUFFIXES: dict[str, Format] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
COMMON = ("cp1252", "iso-8859-15")
"""Encodings named in preference to a detector's guess that reads the file as the same text."""
MAX_CHAOS = 0.1
"""A detector's guess whose text looks more garbled than this (its ``chaos``) is not named."""
MIN_COHERENCE = 0.2
"""A guess is named when its text reads as a language at least this well, or is the only one."""


class AuthoringError(Exception):
    """An article that cannot be made a pack, with what to do about it (one line)."""


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    text: str
    format: Format
    encoding: str
    warnings: tuple[str, ...] = ()
    """What the user should know about how the file was read (it was read all the same)."""


def read_source(path: Path, *, encoding: str | None = None, max_bytes: int = MAX_BYTES) -> Source:
    """The article at ``path``, decoded; :class:`AuthoringError` when it is missing, empty, too
    large, binary, or not in the encoding given (UTF-8, or one marked by a byte-order mark, when
    none is given)."""
    name = path.name
    try:
        if path.is_dir():
            raise AuthoringError(f"{path} is a folder, not a file (give the path of an article)")
        if not path.is_file():
            raise AuthoringError(f"{path}: {_not_a_file(path)}")
        size = path.stat().st_size
        if size > max_bytes:
            raise AuthoringError(
                f"{name} is {size / 1e6:.1f} MB: the largest article accepted is "
                f"{max_bytes / 1e6:.0f} MB"
            )
        data = path.read_bytes()
    except OSError as error:
        raise AuthoringError(f"{name} cannot be read: {error.strerror or error}") from None
    text, used = decode(name, data, encoding)
    if not text.strip():
        raise AuthoringError(f"{name} is empty: there is no text to make a pack of")
    return Source(
        path,
        clean_text(text.replace("\r\n", "\n").replace("\r", "\n")),
        detect(path, text),
        used,
        c1_warnings(name, data, used),
    )


def _not_a_file(path: Path) -> str:
    """What is at ``path``, which is neither a folder nor a regular file."""
    try:
        status = os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return (
                "this is a link that leads nowhere: its links go round in a loop (give the "
                "path of an article)"
            )
        if os.path.islink(path):
            target = clean_text(os.readlink(path))
            return (
                f"this is a link that leads nowhere: {target} is not there (give the path of "
                "an article)"
            )
        return "there is no file here (give the path of an article)"
    kinds = (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    kind = next((name for test, name in kinds if test(status.st_mode)), "something else")
    return (
        f"this is not a regular file but {kind}, which add does not read (give the path of "
        "an article, or - to read it from standard input)"
    )


def c1_warnings(name: str, data: bytes, encoding: str) -> tuple[str, ...]:
    """Latin-1 reads the bytes 0x80–0x9F as control codes, which are dropped; in a file
    written as cp1252 they are its curly quotes, dashes, ``œ`` and ``€``."""
    if codecs.lookup(encoding).name != "iso8859-1":
        return ()
    count = sum(1 for byte in data if 0x80 <= byte <= 0x9F)
    if not count:
        return ()
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        hint = "check the file's encoding"
    else:
        hint = "it reads as cp1252: add --encoding cp1252 instead"
    return (
        f"{name} has {count} byte{'s' if count != 1 else ''} in 0x80–0x9F, which latin-1 "
        f"reads as control codes and which are left out; {hint}",
    )


def decode(name: str, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``data`` as text, and the encoding used."""
    if not data.strip():
        raise AuthoringError(f"{name} is empty: there is no text to make a pack of")
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise AuthoringError(f"'{encoding}' is not an encoding Python knows") from None
        try:
            return _checked(name, data.decode(encoding)), encoding
        except UnicodeDecodeError as error:
            raise AuthoringError(
                f"{name} is not {encoding}: byte {data[error.start]:#04x} at offset "
                f"{error.start} does not decode"
            ) from None
        except (UnicodeError, LookupError):  # rot13, base64, idna: not encodings of text files
            raise AuthoringError(
                f"'{encoding}' is not an encoding of text files, or {name} is not in it: "
                "name the file's character encoding (utf-8, cp1252, latin-1, utf-16…)"
            ) from None
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(name, data.decode(bom_encoding)), bom_encoding
            except UnicodeDecodeError:
                raise AuthoringError(
                    f"{name} starts like {bom_encoding.upper()} text but does not decode as it"
                ) from None
    wide = wide_encoding(data)
    if wide is not None:
        try:
            return _checked(name, data.decode(wide)), wide
        except UnicodeDecodeError:
            raise AuthoringError(
                f"{name} looks like {wide.upper()} text without a byte-order mark but does not "
                f"decode as it: name its encoding with --encoding"
            ) from None
    if b"\0" in data[:8192]:
        raise AuthoringError(
            f"{name} looks like a binary file (it holds NUL bytes), not an article: give a "
            "Markdown, HTML or plain-text file (text in UTF-16 or UTF-32 is read with "
            "--encoding utf-16-le, utf-16-be, utf-32-le or utf-32-be)"
        )
    try:
        return _checked(name, data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as error:
        where = f"byte {data[error.start]:#04x} at offset {error.start}"
        guess = guess_encoding(data)
        if guess is not None:
            raise AuthoringError(
                f"{name} is not UTF-8 ({where}); it reads as {guess}: add "
                f"--encoding {guess}, or convert the file to UTF-8"
            ) from None
        likely = likely_encodings(data)
        if likely:
            raise AuthoringError(
                f"{name} is not UTF-8 ({where}), and its encoding is not sure: it may be "
                f"{_either(likely)}; try add --encoding with one of these and check the text, "
                "or convert the file to UTF-8"
            ) from None
        raise AuthoringError(
            f"{name} is not UTF-8 ({where}): name its encoding with --encoding, or convert it "
            "to UTF-8"
        ) from None


CP1252_MARKS = {
    0x80: "",  # €
    0x82: "open",  # ‚
    0x84: "open",  # „
    0x85: "close",  # …
    0x8B: "open",  # ‹
    0x91: "open",  # ‘
    0x92: "",  # ’ (also an apostrophe: it's)
    0x93: "open",  # “
    0x94: "close",  # ”
    0x95: "",  # •
    0x96: "",  # –
    0x97: "",  # —
    0x99: "close",  # ™
    0x9B: "close",  # ›
}
"""The bytes 0x80–0x9F that are punctuation in cp1252, and where a letter may not stand by one:
an opening mark is not after a letter, a closing one not before one. In the DOS code pages a
detector also finds plausible (cp437, cp850, cp852) these bytes are letters, which stand
between letters: ``Sch\x94n`` is ``Schön`` in cp437."""


def reads_as_cp1252_punctuation(data: bytes) -> bool:
    """Whether every byte of ``data`` in 0x80–0x9F (one at least) is cp1252 punctuation, placed
    as punctuation is (:data:`CP1252_MARKS`; ``€`` not inside a word), and the bytes decode as
    cp1252: a text with curly quotes, dashes or ``€`` written on Windows."""
    found = False
    for at, byte in enumerate(data):
        if not 0x80 <= byte <= 0x9F:
            continue
        if byte not in CP1252_MARKS:
            return False
        found = True
        before = at > 0 and data[at - 1] < 0x80 and chr(data[at - 1]).isalpha()
        after = at + 1 < len(data) and data[at + 1] < 0x80 and chr(data[at + 1]).isalpha()
        place = CP1252_MARKS[byte]
        if (place == "open" and before) or (place == "close" and after):
            return False
        if byte == 0x80 and before and after:
            return False
    if not found:
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def likely_encodings(data: bytes, limit: int = 3) -> list[str]:
    """The encodings charset-normalizer finds ``data`` plausibly in (its text not garbled:
    :data:`MAX_CHAOS`), least garbled first, at most ``limit``, each reading it as a different
    text: the candidates named when no guess is sure."""
    from charset_normalizer import from_bytes

    names: list[str] = []
    texts: set[str] = set()
    for result in sorted(from_bytes(data), key=lambda r: r.chaos):
        if result.chaos > MAX_CHAOS or len(names) >= limit:
            break
        try:
            name = codecs.lookup(result.encoding).name
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if name not in names and text not in texts:
            names.append(name)
            texts.add(text)
    return names


def _either(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def guess_encoding(data: bytes) -> str | None:
    """The encoding ``data`` is in, when charset-normalizer's guess is a confident one: its text
    is not garbled (:data:`MAX_CHAOS`), and reads as a language (:data:`MIN_COHERENCE`) or no
    other encoding decodes the bytes; one of :data:`COMMON` when that reads them as the same
    text. cp1252 first when its bytes 0x80–0x9F are all punctuation placed as such
    (:func:`reads_as_cp1252_punctuation`): to a detector a short text of curly quotes and
    dashes reads as well in a DOS code page. None when no guess is confident: a wrong one would
    make a garbled pack."""
    from charset_normalizer import from_bytes

    if reads_as_cp1252_punctuation(data):
        return "cp1252"
    results = from_bytes(data)
    best = results.best()
    if best is None or best.chaos > MAX_CHAOS:
        return None
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    plausible = {codecs.lookup(r.encoding).name for r in results if r.chaos <= MAX_CHAOS}
    for common in COMMON:
        try:
            if codecs.lookup(common).name in plausible or data.decode(common) == text:
                return common
        except UnicodeDecodeError:
            continue
    if best.coherence < MIN_COHERENCE and len(results) > 1:
        return None
    return codecs.lookup(best.encoding).name


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, by where the NUL bytes of its first pages
    fall: text in a Latin script has a zero high byte in most of its characters, so one of the
    byte positions of each unit (the same one each time) is nearly always NUL, and the others
    nearly never. None when the bytes do not read so."""
    head = data[:8192]
    for size, names in ((4, ("utf-32-le", "utf-32-be")), (2, ("utf-16-le", "utf-16-be"))):
        units = len(head) // size
        if units < 4 or len(data) % size:
            continue
        zeros = [head[n:units * size:size].count(0) for n in range(size)]
        if size == 4:
            # UTF-32: the two high bytes are always 0 (below U+10000), the low one almost never.
            if zeros[2] == zeros[3] == units and zeros[0] * 10 < units:
                return names[0]
            if zeros[0] == zeros[1] == units and zeros[3] * 10 < units:
                return names[1]
            continue
        if zeros[1] * 10 >= units * 7 and zeros[0] * 10 < units:
            return names[0]
        if zeros[0] * 10 >= units * 7 and zeros[1] * 10 < units:
            return names[1]
    return None


def _checked(name: str, text: str) -> str:
    """Text with control characters in its first pages is a binary file decoded by chance."""
    head = text[:8192]
    controls = sum(1 for c in head if ord(c) < 32 and c not in "\n\r\t\f")
    if "\0" in head or controls > max(8, len(head) // 100):
        raise AuthoringError(
            f"{name} looks like a binary file (it holds control bytes), not an article: give a "
            "Markdown, HTML or plain-text file"
        )
    return text.lstrip("\ufeff")


def detect(path: Path, text: str) -> Format:
    """The format by the file's suffix, else by a look at its start."""
    known = SUFFIXES.get(path.suffix.lower())
    if known is not None:
        return known
    head = text.lstrip()[:512].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head:
        return "html"
    if any(line.startswith("#") for line in text.splitlines()[:400]):
        return "markdown"
    return "text"
