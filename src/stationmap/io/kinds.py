"""Incident log or aggregated table? Decided from what the mapping found.

An aggregated export (SIDPOL: year; month; district; UBIGEO; modalidad; count)
has a count column and a place given only as a district, with no point, no day
and no time. Anything else is treated as one incident per row.
"""

from __future__ import annotations

import pandas as pd

from stationmap.core.model import TableKind
from stationmap.io.normalize_text import as_text

_POINT_FIELDS = ("lat", "lon", "coords", "x", "y")
_EXACT_TIME_FIELDS = ("day", "time", "datetime", "time_end", "date_end", "source_id")


def detect_kind(fields: dict[str, str], frame: pd.DataFrame) -> TableKind:
    count_column = fields.get("count")
    if count_column is None or count_column not in frame.columns:
        return TableKind.INCIDENTS
    if any(f in fields for f in _POINT_FIELDS + _EXACT_TIME_FIELDS):
        return TableKind.INCIDENTS
    if not any(f in fields for f in ("ubigeo", "district")):
        return TableKind.INCIDENTS
    counts = as_text(frame[count_column].head(1000))
    counts = counts[counts != ""]
    numeric = pd.to_numeric(counts.str.replace(r"\.0+$", "", regex=True), errors="coerce")
    if len(counts) and numeric.notna().mean() < 0.5:  # a text column named "total" is not a count
        return TableKind.INCIDENTS
    return TableKind.AGGREGATED
