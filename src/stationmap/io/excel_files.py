"""Excel workbooks (.xlsx, .xlsm, .xls) -> RawTable.

python-calamine reads all three quickly; openpyxl (.xlsx/.xlsm) and xlrd (.xls) are the fallback when
calamine cannot. Cells become the text a person sees: dates as ISO text, whole numbers without ".0"
(an id Excel stored as 8325024.0 reads "8325024"), so the normaliser only ever parses text.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from pathlib import Path
from typing import Any

import numpy as np

from stationmap.core.errors import InputFileError
from stationmap.core.model import Warning_
from stationmap.io import sniff
from stationmap.io.readers import RawTable, read_bytes, text_frame

_HEADER_SEARCH_ROWS = 50
# Data rows below the header the automatic mapping looks at when choosing a sheet.
_RECOGNITION_ROWS = 200
# A recognised table of at least this many rows is taken at once; a smaller one only when no sheet
# holds a larger one.
_REGISTER_ROWS = 3
_LARGEST_EXACT_INTEGER = 1e15


_WORKBOOK_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")   # zip (.xlsx/.xlsm), OLE2 (.xls)

log = logging.getLogger(__name__)


def read_excel_table(file: str, *, sheet: str | None = None, max_rows: int | None = None) -> RawTable:
    """The named sheet or, with none named, the first sheet holding a table the importer recognises."""
    _check_is_a_workbook(file)
    sheet_name, rows, warnings = _sheet_rows(file, sheet, max_rows)
    table = _table_of_rows(file, rows, max_rows)
    table.sheet = sheet_name
    table.warnings[:0] = warnings
    return table


def workbook_sheet_names(file: str) -> list[str]:
    """The workbook's sheet names, in order (io.readers.sheet_names checks it is a workbook first)."""
    book = _open_book(file)
    try:
        return list(book.sheet_names)
    finally:
        book.close()


def _table_of_rows(file: str, rows: list[list[Any]], max_rows: int | None) -> RawTable:
    text_rows = [[cell_text(value) for value in row] for row in rows]
    numbered = [(number, row) for number, row in enumerate(text_rows, start=1) if any(row)]
    if not numbered:
        raise InputFileError("read.empty", file=file)
    head = [row for _, row in numbered[:_HEADER_SEARCH_ROWS]]
    header_index = sniff.find_header(head)
    header_line, header = numbered[header_index]
    body = numbered[header_index + 1:]
    if max_rows is not None:
        body = body[:max_rows]
    # An unnamed column with values is still a column: the table is as wide as its widest row.
    width = max(len(row) for _, row in [numbered[header_index], *body])
    header = (header + [""] * width)[:width]
    columns = [[(row[k] if k < len(row) else "") for _, row in body] for k in range(width)]
    # Unnamed empty columns (column A of a table that starts in B, the sheet's unused width) are not columns.
    used = [k for k in range(width) if header[k].strip() or any(columns[k])]
    names, renamed = sniff.unique_names([header[k] for k in used])
    frame = text_frame(names, [columns[k] for k in used])
    warnings = []
    if header_index > 0:  # rows with content above the header (titles), not merely blank rows
        warnings.append(Warning_(file, "read.header_not_first", {"line": header_line, "skipped": header_line - 1}))
    if renamed:
        warnings.append(Warning_(file, "read.duplicate_columns", {"names": ", ".join(renamed)}))
    return RawTable(
        file=file, frame=frame, line_numbers=np.asarray([n for n, _ in body], dtype=np.int64),
        encoding="", delimiter="", header_line=header_line, warnings=warnings,
    )


def _check_is_a_workbook(file: str) -> None:
    """Empty files and text saved under an Excel name (some systems "export to Excel" that way) get their own message."""
    head = read_bytes(file, 65_536)
    if not head or head.isspace():
        raise InputFileError("read.empty", file=file)
    if not head.startswith(_WORKBOOK_SIGNATURES) and sniff.binary_kind(head) is None:
        start = head[:2048].lower()
        if b"<html" in start or b"<table" in start:  # a web page's "export to Excel"
            raise InputFileError("read.excel_is_html", file=file, suffix=Path(file).suffix)
        raise InputFileError("read.excel_is_text", file=file, suffix=Path(file).suffix)


def cell_text(value: Any) -> str:
    """A cell value as the text a spreadsheet shows (ISO for dates, no '.0' on whole numbers)."""
    kind = type(value)
    if kind is str:  # most cells: checked first, this runs once per cell
        return value
    if kind is float:
        if math.isnan(value) or math.isinf(value):
            return ""
        if value.is_integer() and abs(value) < _LARGEST_EXACT_INTEGER:
            return str(int(value))
        return repr(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
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


def _sheet_rows(file: str, sheet: str | None,
                max_rows: int | None) -> tuple[str, list[list[Any]], list[Warning_]]:
    """(sheet name, rows from A1, warnings about the choice); errors as InputFileError.

    calamine first, openpyxl/xlrd when it cannot. calamine parses a whole sheet even for a preview,
    yet it is still the quickest: openpyxl's streaming mode took longer just to open a
    100,000-row workbook than calamine took to read it.
    """
    limit = None if max_rows is None else max_rows + _HEADER_SEARCH_ROWS  # room for the header search
    first_error: Exception | None = None
    for backend in _backends(file):
        try:
            book = backend(file)
        except InputFileError:
            raise
        except Exception as error:  # the readers raise many unrelated types for a damaged file
            first_error = first_error or error
            continue
        try:
            return _rows_of_sheet(file, book, sheet, limit)
        except InputFileError:
            raise
        except Exception as error:
            first_error = first_error or error
        finally:
            book.close()
    raise _corrupt(file, first_error)


def _corrupt(file: str, cause: Exception | None) -> InputFileError:
    """The "damaged workbook" error. The library's reason ("Cannot detect file format") is English and
    means little to the user: it goes to the log, and travels as the error's cause."""
    log.info("Excel workbook %s cannot be read: %r", file, cause)
    error = InputFileError("read.corrupt", file=file)
    error.__cause__ = cause
    return error


def _backends(file: str) -> list[type["_Workbook"]]:
    """calamine, then the library of the file's real format (its bytes, not its extension)."""
    from stationmap.io.readers import workbook_format

    return [_Calamine, _Xlrd if workbook_format(file) == "xls" else _Openpyxl]


def _open_book(file: str) -> "_Workbook":
    """The workbook opened by the first backend that can, for listing its sheets."""
    first_error: Exception | None = None
    for backend in _backends(file):
        try:
            return backend(file)
        except InputFileError:
            raise
        except Exception as error:
            first_error = first_error or error
    raise _corrupt(file, first_error)


def _rows_of_sheet(file: str, book: "_Workbook", sheet: str | None,
                   limit: int | None) -> tuple[str, list[list[Any]], list[Warning_]]:
    """The named sheet; with none named, the first sheet whose table the importer recognises.

    A workbook often opens on a cover ("Resumen", a title, a chart's data) with the register on a
    later sheet. When several sheets hold data and none is recognised, the user must choose one:
    the error lists the sheets.
    """
    names = book.sheet_names
    if not names:
        raise InputFileError("read.no_sheets", file=file)
    if sheet is not None:
        if sheet not in names:
            raise InputFileError("read.sheet_not_found", file=file, sheet=sheet, sheets=", ".join(names))
        return sheet, book.rows(sheet, limit), []
    filled = []
    small: tuple[int, str, list] | None = None   # the largest recognised table below a register's size
    for name in names:
        rows = book.rows(name, limit)
        if not any(value not in (None, "") for row in rows for value in row):
            continue
        filled.append(name)
        found = _recognised_rows(file, rows)
        if found >= _REGISTER_ROWS:
            return name, rows, _sheet_chosen(file, name, names, passed_over=len(filled) > 1)
        if found and (small is None or found > small[0]):
            small = (found, name, rows)
    if small is not None:   # only small tables: the largest
        _, name, rows = small
        return name, rows, _sheet_chosen(file, name, names, passed_over=filled.index(name) > 0)
    if len(filled) > 1:
        raise InputFileError("read.no_table_in_sheets", file=file, sheets=", ".join(names))
    # One sheet with data: it is the table, and the mapping step says what it lacks.
    if not filled:
        return names[0], [], []
    return filled[0], book.rows(filled[0], limit), []


def _sheet_chosen(file: str, sheet: str, names: list[str], *, passed_over: bool) -> list[Warning_]:
    # Said only when a sheet with data was passed over: the user may have meant that one.
    return [Warning_(file, "read.sheet_chosen", {"sheet": sheet, "sheets": ", ".join(names)})] if passed_over else []


def _recognised_rows(file: str, rows: list[list[Any]]) -> int:
    """How many data rows (up to _RECOGNITION_ROWS) the table in `rows` has when the automatic mapping
    finds a date (incidents) or a count by place (aggregated) in it; 0 when it does not."""
    from stationmap.io.mapping import guess_table_mapping

    try:
        table = _table_of_rows(file, rows[:_HEADER_SEARCH_ROWS + _RECOGNITION_ROWS], None)
    except InputFileError:
        return 0
    fields = guess_table_mapping(table.frame).fields
    key = next((fields[f] for f in ("date", "datetime", "year") if f in fields), None)
    if key is None and "count" in fields and {"district", "ubigeo"} & fields.keys():
        key = fields["count"]
    if key is None:
        return 0
    # A register fills its date (or count) column; a cover's one "Fecha: 02/11/2026" line under a
    # title does not make its other lines a table.
    filled = int((table.frame[key].astype(str).str.strip() != "").sum())
    return len(table.frame) if filled * 2 >= len(table.frame) else 0


class _Workbook:
    sheet_names: list[str]

    def rows(self, name: str, limit: int | None) -> list[list[Any]]:
        raise NotImplementedError

    def close(self) -> None:
        """Release the file (only openpyxl keeps it open)."""


class _Calamine(_Workbook):
    def __init__(self, file: str) -> None:
        import python_calamine as calamine

        # From an open file, calamine tells the format by its bytes; from a path, by the extension.
        self._handle = open(file, "rb")
        try:
            self._book = calamine.CalamineWorkbook.from_filelike(self._handle)
        except calamine.PasswordError:
            self._handle.close()
            raise InputFileError("read.password", file=file) from None
        except BaseException:
            self._handle.close()
            raise
        self.sheet_names = list(self._book.sheet_names)

    def close(self) -> None:
        self._handle.close()

    def rows(self, name: str, limit: int | None) -> list[list[Any]]:
        return self._book.get_sheet_by_name(name).to_python(skip_empty_area=False, nrows=limit)


class _Openpyxl(_Workbook):
    def __init__(self, file: str) -> None:
        import openpyxl

        self._book = openpyxl.load_workbook(file, read_only=True, data_only=True)
        self.sheet_names = list(self._book.sheetnames)

    def rows(self, name: str, limit: int | None) -> list[list[Any]]:
        return [[_midnight_as_date(value) for value in row]
                for row in self._book[name].iter_rows(min_row=1, max_row=limit, values_only=True)]

    def close(self) -> None:
        self._book.close()


class _Xlrd(_Workbook):
    def __init__(self, file: str) -> None:
        import xlrd

        self._book = xlrd.open_workbook(file)
        self.sheet_names = list(self._book.sheet_names())

    def rows(self, name: str, limit: int | None) -> list[list[Any]]:
        import xlrd

        grid = self._book.sheet_by_name(name)
        count = grid.nrows if limit is None else min(grid.nrows, limit)
        rows = []
        for r in range(count):
            row = []
            for c in range(grid.ncols):
                cell = grid.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:  # dates are serial numbers in .xls; the cell type says which
                    row.append(_midnight_as_date(xlrd.xldate.xldate_as_datetime(cell.value, self._book.datemode)))
                else:
                    row.append(cell.value)
            rows.append(row)
        return rows


def _midnight_as_date(value: Any) -> Any:
    """A date cell as calamine gives it: openpyxl and xlrd return it as a datetime at 00:00."""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value
