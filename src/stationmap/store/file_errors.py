"""Why SQLite or the operating system refused the project file, as a ProjectError in words.

Station laptops keep projects on USB sticks: write-protected, pulled out half-way,
full, or buried in folders so deep the path is too long. Each common cause gets
its own code (and so a translated sentence); SQLite's and the OS's English text
goes to the log only. Only real damage is called damage: a read-only or
unreachable file is not damaged, and calling it so could make someone throw
away good data for an old backup.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from pathlib import Path

from stationmap.core.errors import ProjectError

log = logging.getLogger(__name__)
# SQLite's unix VFS refuses paths longer than this (MAX_PATHNAME) with "unable to open database file".
SQLITE_MAX_PATH_BYTES = 512

_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


def path_too_long(path: Path) -> bool:
    """Whether `path` is longer than SQLite or the file system accept (whole path or one name)."""
    try:
        whole = os.fsencode(os.path.abspath(path))
    except (OSError, ValueError):
        return False
    return len(whole) > SQLITE_MAX_PATH_BYTES or any(len(os.fsencode(part)) > 255 for part in Path(path).parts)


def sqlite_error(path: Path, error: sqlite3.Error) -> ProjectError | None:
    """The ProjectError that explains `error`, or None for a programming error (a bug, not the file)."""
    if isinstance(error, (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError)):
        return None
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    # INFO: the user is told in words; a warning would reach the console of a command line that keeps
    # no log (Python prints unhandled warnings to stderr), in English, above the translated message.
    log.info("SQLite refused the project %s: %s (%s)", path, error, name or "no code")
    data = {"path": str(path)}
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return ProjectError("project.busy", **data)
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")) or "readonly" in text:
        return ProjectError("project.read_only", **data)
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return ProjectError("project.disk_full", **data)
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return ProjectError("project.io_error", **data)
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return cannot_open(path)
    if isinstance(error, sqlite3.OperationalError) and not name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return ProjectError("project.cannot_write", path=str(path), detail=str(error))
    return ProjectError("project.damaged", **data)


def os_error(path: Path, error: OSError) -> ProjectError:
    """The ProjectError that explains an OSError met while reading or writing the project `path`."""
    log.info("The system refused the project %s: %s", path, error)
    data = {"path": str(path)}
    if error.errno == errno.ENAMETOOLONG or path_too_long(path):
        return ProjectError("project.path_too_long", **data)
    if error.errno in _READ_ONLY_ERRNOS:
        return ProjectError("project.read_only", **data)
    if error.errno in _FULL_ERRNOS:
        return ProjectError("project.disk_full", **data)
    if error.errno == errno.EIO:
        return ProjectError("project.io_error", **data)
    return ProjectError("project.cannot_write", path=str(path), detail=error.strerror or str(error))


def cannot_open(path: Path) -> ProjectError:
    """SQLite's "unable to open database file", said with its usual cause."""
    if path_too_long(path):
        return ProjectError("project.path_too_long", path=str(path))
    if not Path(path).parent.is_dir():
        return ProjectError("project.folder_missing", path=str(path), folder=str(Path(path).parent))
    return ProjectError("project.read_only", path=str(path))
