"""Write a chart's table to CSV or XLSX, the two formats analysts open in Excel.

CSV is UTF-8 with a byte-order mark, so Excel on a Spanish Windows shows
"mié" and "Día" rather than mojibake. XLSX keeps numbers as numbers and freezes
the header row.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from stationmap.core.errors import StationMapError

_MAX_SHEET_NAME = 31  # Excel refuses longer sheet names


def export_table(table: pd.DataFrame, path: str | Path, sheet_name: str = "Tabla") -> Path:
    """Write `table` to `path`; the format follows the suffix (.csv or .xlsx)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise StationMapError("table_export.format", suffix=path.suffix or path.name)
    try:
        if suffix == ".csv":
            table.to_csv(path, index=False, encoding="utf-8-sig")
        else:
            _write_xlsx(table, path, sheet_name[:_MAX_SHEET_NAME])
    except OSError as exc:
        raise StationMapError("table_export.write_failed", path=str(path),
                              reason=exc.strerror or str(exc)) from exc
    return path


def _write_xlsx(table: pd.DataFrame, path: Path, sheet_name: str) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    sheet.append([str(c) for c in table.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.itertuples(index=False):
        sheet.append([_plain(value) for value in row])
    sheet.freeze_panes = "A2"
    book.save(path)


def _plain(value: object) -> object:
    """numpy scalars become Python numbers so openpyxl writes them as numbers; a missing value
    (NaN, None) an empty cell, not the text "nan"."""
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
