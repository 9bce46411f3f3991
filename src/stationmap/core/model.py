"""Domain vocabulary shared by every layer: incident fields, row outcomes, reports.

Tables themselves are pandas DataFrames (built in `io`/`store`); this module only
names their columns and the small records that travel between layers, so that
no layer has to import another to agree on a word.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import Enum
from typing import Any

# --- Fields a source column can be mapped to -------------------------------------------
# The importer recognises these from Spanish and English headers (io.mapping) and the
# mapping dialog lets a person pick among them.
SOURCE_FIELDS: tuple[str, ...] = (
    "source_id",     # the register's own id (denuncia number, crime id)
    "datetime",      # date and time in one column
    "date",          # date of the incident (or of its window start)
    "time",          # time of day (or of its window start)
    "date_end",      # end of the window, when the time is only known as a range
    "time_end",
    "year",          # year/month/day in separate columns
    "month",
    "day",
    "category",      # modalidad / delito / tipo / crime type
    "subcategory",   # subtipo / descripción del delito
    "lat",
    "lon",
    "coords",        # "lat, lon" or DMS in one text column
    "x",             # projected easting (UTM)
    "y",             # projected northing (UTM)
    "address",
    "department",    # departamento (aggregated SIDPOL-style tables)
    "province",      # provincia
    "district",
    "ubigeo",
    "station",       # comisaría
    "description",   # free text; personal data may hide here, never exported by default
    "count",         # aggregated tables: number of incidents in the row
)

# --- Columns of the canonical incident table --------------------------------------------
# Times are naive local time (America/Lima, UTC-5, no daylight saving) stored as
# integer seconds since 1970-01-01 00:00 local, so hour/weekday are plain arithmetic.
INCIDENT_COLUMNS: tuple[str, ...] = (
    "source_key",    # stable de-duplication key (source id, or a content hash)
    "source_id",
    "start_ts",      # window start, local seconds; NULL when the date is unknown
    "end_ts",        # window end (== start_ts for an exact time)
    "time_known",    # 0 when only the date is known ("00:00" placeholders, no time column)
    "date_precision",  # "datetime", "date" or "month"
    "category",      # standard category (category table), "No especificado" when unknown
    "category_raw",
    "subcategory_raw",
    "lat",
    "lon",
    "coord_status",  # "ok", "missing", "outside_peru", "outside_area"
    "address",
    "district",
    "ubigeo",        # 6 digits, zero-padded
    "station",
    "description",
    "weight",        # severity weight from the category table
)

# --- Columns of the aggregated-count table (SIDPOL-style exports) -----------------------
COUNT_COLUMNS: tuple[str, ...] = (
    "source_key",
    "year",
    "month",
    "ubigeo",
    "department",
    "province",
    "district",
    "category",
    "category_raw",
    "count",
)

UNKNOWN_CATEGORY = "No especificado"

LIMA_UTC_OFFSET_HOURS = -5


class RowOutcome(str, Enum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class TableKind(str, Enum):
    INCIDENTS = "incidents"
    AGGREGATED = "aggregated"


class CoordStatus(str, Enum):
    OK = "ok"
    MISSING = "missing"
    OUTSIDE_PERU = "outside_peru"
    OUTSIDE_AREA = "outside_area"


class _CodedMessage:
    """A code plus its data, rendered in the user's language only when shown."""

    code: str
    data: dict[str, Any]

    def message(self, language: str | None = None) -> str:
        from stationmap.core.messages import render

        return render(self.code, self.data, language)


@dataclass(frozen=True)
class Rejection(_CodedMessage):
    """One row that was not imported, with a reason a person can act on.

    `row` is the 1-based line number as a spreadsheet program shows it (header
    included), so "fila 17" points at the same line the user sees.
    """

    file: str
    row: int
    code: str
    data: dict[str, Any] = field(default_factory=dict)
    cells: dict[str, str] | None = None   # the row as read, {column: text}, when the reader had it

    def to_json(self, language: str | None = None) -> dict[str, Any]:
        found = {"file": self.file, "row": self.row, "code": self.code, "message": self.message(language)}
        return found if self.cells is None else {**found, "cells": self.cells}


@dataclass(frozen=True)
class Warning_(_CodedMessage):
    """Something the user should know about a file that did not stop it (an assumption made)."""

    file: str
    code: str
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self, language: str | None = None) -> dict[str, Any]:
        """Its sentence, and its code and data too: the import summary adds up a warning's rows across
        the files of a folder, and the project's history renders it again in the viewer's language."""
        return {"file": self.file, "code": self.code, "message": self.message(language), "data": dict(self.data)}


@dataclass
class FileSummary:
    file: str
    kind: TableKind
    rows_read: int = 0
    imported: int = 0
    duplicates: int = 0
    rejected: int = 0
    encoding: str = ""
    delimiter: str = ""
    mapping: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["kind"] = self.kind.value
        return d


@dataclass
class ImportReport:
    """What happened to every row of an import; rows_read == imported + duplicates + rejected."""

    files: list[FileSummary] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return sum(f.rows_read for f in self.files)

    @property
    def imported(self) -> int:
        return sum(f.imported for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def rejected(self) -> int:
        return sum(f.rejected for f in self.files)

    @property
    def brought_counts(self) -> bool:
        """Whether rows were added to the project's count table (an aggregated file, e.g. SIDPOL)."""
        return any(f.kind == TableKind.AGGREGATED and f.imported > 0 for f in self.files)

    @property
    def kind(self) -> TableKind:
        kinds = {f.kind for f in self.files}
        return TableKind.AGGREGATED if kinds == {TableKind.AGGREGATED} else TableKind.INCIDENTS

    def to_json(self, language: str | None = None) -> dict[str, Any]:
        return {
            "rows_read": self.rows_read,
            "imported": self.imported,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "kind": self.kind.value,
            "files": [f.to_json() for f in self.files],
            "rejections": [r.to_json(language) for r in self.rejections],
            "warnings": [w.to_json(language) for w in self.warnings],
        }
