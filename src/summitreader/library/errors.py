"""The library's error: a request that cannot be done (its own module, so that the library's
parts share it without importing each other)."""

from __future__ import annotations


class LibraryError(Exception):
    """A library request that cannot be done, with what to do (one line)."""


def os_problem(error: BaseException) -> str:
    """Why a file could not be written or read, in words: "the disk is full" rather than
    "[Errno 28] No space left on device"."""
    import errno

    if isinstance(error, OSError):
        friendly = {
            errno.ENOSPC: "the disk is full",
            errno.EDQUOT: "the disk quota is used up",
            errno.EROFS: "the disk is read-only",
            errno.EACCES: "permission denied",
            errno.EPERM: "permission denied",
            errno.EIO: "the disk reported an error",
        }.get(error.errno or 0)
        if friendly is not None:
            return friendly
        if error.strerror:
            return error.strerror
    return str(error) or type(error).__name__
