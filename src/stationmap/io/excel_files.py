"""Excel workbooks (.xlsx, .xlsm, .xls) -> RawTable.

python-calamine reads all three quickly; openpyxl (.xlsx/.xlsm) and xlrd (.xls) are the fallback when
calamine cannot. Cells become the text a person sees: dates as ISO text, whole numbers without ".0"
(an id Excel stored as 8325024.0 reads "8325024"), so the normaliser only ever parses text.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import numpy as np

from stationmap.core.errors import InputFileError
from stationmap.core.model import Warning_
from stationmap.io import sniff
from stationmap.io.readers import RawTable, text_frame

_HEADER_SEARCH_ROWS = 50
_LARGEST_EXACT_INTEGER = 1e15


def read_excel_table(file: str, *, sheet: str | None = None, max_rows: int | None = None) -> RawTable:
    sheet_name, rows = _sheet_rows(file, sheet, max_rows)
    text_rows = [[cell_text(value) for value in row] for row in rows]
    numbered = [(number, row) for number, row in enumerate(text_rows, start=1) if sniff.filled_width(row)]
    if not numbered:
        raise InputFileError("read.empty", file=file)
    head = [row for _, row in numbered[:_HEADER_SEARCH_ROWS]]
    header_index = sniff.find_header(head)
    header_line, header = numbered[header_index]
    body = numbered[header_index + 1:]
    if max_rows is not None:
        body = body[:max_rows]
    # An unnamed column with values is still a column: the table is as wide as its widest row.
    width = max([sniff.filled_width(header)] + [sniff.filled_width(row) for _, row in body])
    header = (header + [""] * width)[:width]
    columns = [[(row[k] if k < len(row) else "") for _, row in body] for k in range(width)]
    # A table that starts in column B leaves column A unnamed and empty: not a column of the table.
    used = [k for k in range(width) if header[k].strip() or any(columns[k])]
    names, renamed = sniff.unique_names([header[k] for k in used])
    frame = text_frame(names, [columns[k] for k in used])
    warnings = []
    if header_line > 1:
        warnings.append(Warning_(file, "read.header_not_first", {"line": header_line, "skipped": header_line - 1}))
    if renamed:
        warnings.append(Warning_(file, "read.duplicate_columns", {"names": ", ".join(renamed)}))
    return RawTable(
        file=file, frame=frame, line_numbers=np.asarray([n for n, _ in body], dtype=np.int64),
        encoding="", delimiter="", sheet=sheet_name, header_line=header_line, warnings=warnings,
    )


def cell_text(value: Any) -> str:
    """A cell value as the text a spreadsheet shows (ISO for dates, no '.0' on whole numbers)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ""
        if value.is_integer() and abs(value) < _LARGEST_EXACT_INTEGER:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.timedelta):  # a duration-formatted cell ([h]:mm): show it as h:mm:ss
        seconds = int(value.total_seconds())
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return str(value)


def _sheet_rows(file: str, sheet: str | None, max_rows: int | None) -> tuple[str, list[list[Any]]]:
    """(sheet name, rows from A1) by calamine, falling back to openpyxl/xlrd; errors as InputFileError."""
    import python_calamine as calamine

    # Enough rows for the header search above a preview's rows.
    limit = None if max_rows is None else max_rows + _HEADER_SEARCH_ROWS
    try:
        workbook = calamine.CalamineWorkbook.from_path(file)
        name = _choose_sheet(file, workbook.sheet_names, sheet)
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=limit)
        if sheet is None and not _has_values(rows):  # a blank cover sheet first: take the first sheet with data
            for other in workbook.sheet_names:
                other_rows = workbook.get_sheet_by_name(other).to_python(skip_empty_area=False, nrows=limit)
                if _has_values(other_rows):
                    return other, other_rows
        return name, rows
    except InputFileError:
        raise
    except calamine.PasswordError:
        raise InputFileError("read.password", file=file) from None
    except Exception as calamine_error:  # calamine raises several unrelated types; try the other reader
        try:
            return _fallback_rows(file, sheet, limit)
        except InputFileError:
            raise
        except Exception:
            raise InputFileError("read.corrupt", file=file, reason=str(calamine_error)[:200]) from None


def _has_values(rows: list[list[Any]]) -> bool:
    return any(value not in (None, "") for row in rows for value in row)


def _choose_sheet(file: str, names: list[str], sheet: str | None) -> str:
    if not names:
        raise InputFileError("read.no_sheets", file=file)
    if sheet is None:
        return names[0]
    if sheet not in names:
        raise InputFileError("read.sheet_not_found", file=file, sheet=sheet, sheets=", ".join(names))
    return sheet


def _fallback_rows(file: str, sheet: str | None, limit: int | None) -> tuple[str, list[list[Any]]]:
    if Path(file).suffix.lower() == ".xls":
        import xlrd

        book = xlrd.open_workbook(file)
        name = _choose_sheet(file, book.sheet_names(), sheet)
        grid = book.sheet_by_name(name)
        count = grid.nrows if limit is None else min(grid.nrows, limit)
        return name, [[_xlrd_value(grid.cell(r, c), book.datemode) for c in range(grid.ncols)]
                      for r in range(count)]
    import openpyxl

    book = openpyxl.load_workbook(file, read_only=True, data_only=True)
    try:
        name = _choose_sheet(file, book.sheetnames, sheet)
        rows = book[name].iter_rows(min_row=1, max_row=limit, values_only=True)
        return name, [list(row) for row in rows]
    finally:
        book.close()


def _xlrd_value(cell: Any, datemode: int) -> Any:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:  # dates are serial numbers in .xls; the cell type says which
        moment = xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        return moment.date() if moment.time() == dt.time(0) else moment
    return cell.value
