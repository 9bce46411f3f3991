"""Errors that carry a code and the data needed to explain them.

The layer that raises knows *what* went wrong; only the layer that shows it
(UI dialog, CLI stderr line, JSON report) decides the words and the language.
`stationmap.core.messages` turns a code plus its data into a sentence.
"""

from __future__ import annotations

import errno
from typing import Any

# errno -> code of the phrase (core/catalog/general.py) that says why the system refused a file.
_OS_REASONS = {
    errno.EROFS: "os_reason.read_only",
    errno.EPERM: "os_reason.no_permission",
    errno.EACCES: "os_reason.no_permission",
    errno.ENOSPC: "os_reason.disk_full",
    errno.EDQUOT: "os_reason.disk_full",
    errno.EIO: "os_reason.io_error",
    errno.ENAMETOOLONG: "os_reason.path_too_long",
    errno.ENOENT: "os_reason.not_found",
    errno.EBUSY: "os_reason.busy",
    errno.ETXTBSY: "os_reason.busy",
}


def os_reason_code(error: BaseException) -> str | None:
    """The code of a translated phrase for why the system refused a file (`error` an OSError), or None
    for an uncommon cause, whose own text is then the best there is."""
    return _OS_REASONS.get(getattr(error, "errno", None)) if isinstance(error, OSError) else None


class StationMapError(Exception):
    """Base of every error a user may be told about.

    `code` is a stable identifier (``"file.empty"``) used to look up the
    translated message; `data` holds the values the message needs.
    """

    code: str = "error.unknown"

    def __init__(self, code: str | None = None, /, **data: Any) -> None:
        if code is not None:
            self.code = code
        self.data = data
        super().__init__(self.code)

    def message(self, language: str | None = None) -> str:
        from stationmap.core.messages import render

        return render(self.code, self.data, language)

    def __str__(self) -> str:  # a readable line in logs, tracebacks and CLI
        return self.message()


class InputFileError(StationMapError):
    """A file the user gave cannot be read at all (empty, binary, not a table)."""


class ProjectError(StationMapError):
    """The project file is missing, not a project, damaged, or too new."""


class MappingError(StationMapError):
    """The columns of a file cannot be mapped to incident fields."""


class GeometryError(StationMapError):
    """A geographic file or geometry cannot be used."""
