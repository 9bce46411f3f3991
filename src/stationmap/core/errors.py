"""Errors that carry a code and the data needed to explain them.

The layer that raises knows *what* went wrong; only the layer that shows it
(UI dialog, CLI stderr line, JSON report) decides the words and the language.
`stationmap.core.messages` turns a code plus its data into a sentence.
"""

from __future__ import annotations

from typing import Any


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
