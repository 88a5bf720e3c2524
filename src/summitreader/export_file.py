"""Writing an export to the file a user named: atomically, and only where a file belongs.

The file named may be a link (the file it leads to is written, as an editor would) or may not
exist yet; a name that is something else than a regular file (a device such as ``/dev/full``, a
FIFO, a folder) is refused rather than replaced. The data is written under a short temporary name
beside the target (so a target name of the longest length the system allows still works) and
renamed over it once complete; on any failure the temporary file is removed and the target is
left as it was.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path


class ExportTargetError(ValueError):
    """The target cannot be written to: its message is for the user."""


def export_target(target: str | os.PathLike[str]) -> Path:
    """The file to write for ``target``: a link is followed; a target that exists and is not a
    regular file is refused (:class:`ExportTargetError`)."""
    path = Path(target)
    if path.is_symlink():
        path = path.resolve()
    if path.exists() and not path.is_file():
        kind = "a folder" if path.is_dir() else "not a regular file"
        raise ExportTargetError(f"cannot write {target}: it is {kind}")
    return path


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` with a temporary path beside ``path``, then rename it to ``path``."""
    temporary = path.with_name(f".summitreader-{uuid.uuid4().hex[:12]}.partial")
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise


__all__ = ["ExportTargetError", "export_target", "replace_atomically"]
