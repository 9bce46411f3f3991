"""What the import dialog shows before importing: the first rows, the guessed mapping, the kind.

`day_first_ambiguous` tells the dialog to ask the person whether '03/04/2026'
is the 3rd of April or the 4th of March, because the data cannot tell.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from stationmap.core.model import TableKind
from stationmap.io.kinds import detect_kind
from stationmap.io.mapping import ColumnMapping, guess_mapping
from stationmap.io.normalize_text import as_text

if TYPE_CHECKING:
    from stationmap.io.readers import RawTable


@dataclass
class Preview:
    raw: "RawTable"                    # first rows only
    mapping: ColumnMapping             # guessed
    kind: TableKind
    day_first_ambiguous: bool          # True when the data cannot tell dd/mm from mm/dd: the dialog must ask


def preview(path: str | Path, *, rows: int = 50, sheet: str | None = None) -> Preview:
    from stationmap.io.readers import read_table

    raw = read_table(path, sheet=sheet, max_rows=rows)
    return preview_of(raw)


def preview_of(raw: "RawTable") -> Preview:
    """The preview of a table already read (the dialog re-guesses after a sheet change)."""
    sample = raw.frame.apply(as_text) if len(raw.frame.columns) else raw.frame
    mapping = guess_mapping(list(sample.columns), sample)
    return Preview(raw=raw, mapping=mapping, kind=detect_kind(mapping.fields, sample),
                   day_first_ambiguous=day_first_ambiguous(sample, mapping))


def day_first_ambiguous(sample, mapping: ColumnMapping) -> bool:
    """Whether the date column of `sample` leaves dd/mm versus mm/dd undecided."""
    from stationmap.io.datetimes import parse_dates

    for name in ("datetime", "date"):
        column = mapping.fields.get(name)
        if column is not None and column in sample.columns:
            return parse_dates(sample[column], mapping.day_first).ambiguous
    return False
