"""Step 1 of an import: any incident file (CSV/TXT/TSV, Excel, GeoJSON) -> a table of text cells.

The reader only splits a file into cells and keeps every row's line number, so that later steps
(io.normalize) can say "fila 17" and the user finds it. It never interprets values: dates, numbers
and ids stay text. Rows that cannot even be split into cells go to `bad_rows`; a file that cannot
be read at all raises `InputFileError` with a code from core/catalog/reading.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from stationmap.core.errors import InputFileError
from stationmap.core.model import Rejection, Warning_

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
GEOJSON_SUFFIXES = (".geojson", ".json")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + EXCEL_SUFFIXES + GEOJSON_SUFFIXES
# Subfolders a folder's "choose one of them" message names; the count says how many there are in all.
_SUBFOLDERS_SHOWN = 5

# RawTable.encoding_scope: what the encoding was judged on. A full read reads the whole file; a preview
# reads its first rows (io.text_files checks cheaply whether the rest of a UTF-8 start is UTF-8 too).
ENCODING_WHOLE_FILE = "whole_file"
ENCODING_FIRST_ROWS = "first_rows"       # the first rows only: later lines may be in another encoding
ENCODING_OTHER_LATER = "other_later"     # the first rows are UTF-8 and some later lines are not


@dataclass
class RawTable:
    file: str                  # path as given (str)
    frame: pd.DataFrame        # every cell as text ("" for empty); columns = header names, stripped, made unique
    line_numbers: np.ndarray   # int64, one per row of `frame`: 1-based row as a spreadsheet/text editor shows it
    encoding: str              # "utf-8", "utf-8-sig", "cp1252", a mixed_encoding_label(); "" for Excel
    delimiter: str             # "," ";" "|" "\t"; "" for Excel/GeoJSON (and for a text file with one column)
    sheet: str | None = None
    header_line: int = 1       # 1-based line of the header (0 for GeoJSON, which has none)
    bad_rows: list[Rejection] = field(default_factory=list)   # rows that could not be split into cells
    warnings: list[Warning_] = field(default_factory=list)
    encoding_scope: str = ENCODING_WHOLE_FILE   # what `encoding` was judged on (a preview: see above)

    @property
    def rows_read(self) -> int:
        """Rows counted for the import report: rows with cells plus rows that could not be split."""
        return len(self.frame) + len(self.bad_rows)


def mixed_encoding_label(fallback: str, lines: int | None) -> str:
    """RawTable.encoding of a file in UTF-8 but for some lines in `fallback`: its header only
    (`lines` None), or `lines` lines. The import report keeps it as is; mixed_encoding_parts reads it."""
    if lines is None:
        return f"mixed({fallback} header, utf-8 rows)"
    return f"mixed(utf-8, {fallback} on {lines} lines)"


_MIXED_LABEL = re.compile(r"mixed\((?:(?P<header>\S+) header, utf-8 rows"
                          r"|utf-8, (?P<fallback>\S+) on (?P<lines>\d+) lines)\)")


def mixed_encoding_parts(label: str) -> tuple[str, int | None] | None:
    """(fallback, lines) of a mixed_encoding_label(), or None for a file in one encoding."""
    match = _MIXED_LABEL.fullmatch(label)
    if match is None:
        return None
    if match["header"]:
        return match["header"], None
    return match["fallback"], int(match["lines"])


def _supported_list() -> str:
    return " ".join(SUPPORTED_SUFFIXES)


def expand_inputs(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import: files as given, folders replaced by their supported files (sorted by name).

    A folder of monthly exports is the usual case. Hidden files and Office lock files ("~$x.xlsx")
    inside a folder are skipped; a file given by name is kept whatever its extension, so that
    `read_table` can explain an unsupported one. Subfolders are not searched: a folder holding only
    subfolders (one per data set, say) gets a message naming them, so the user picks one.
    """
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise InputFileError("read.not_found", file=str(given))
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(
            (child for child in path.iterdir()
             if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES
             and not child.name.startswith((".", "~$"))),
            key=lambda child: child.name,
        )
        if not found:
            raise _no_files_error(path, str(given))
        files.extend(found)
    return files


def _no_files_error(folder: Path, given: str) -> InputFileError:
    """Why a folder gave no file to import: none at all, or its data is in subfolders."""
    subfolders = sorted(child.name for child in folder.iterdir()
                        if child.is_dir() and not child.name.startswith("."))
    if not subfolders:
        return InputFileError("read.no_files_in_folder", file=given, supported=_supported_list())
    shown = ", ".join(subfolders[:_SUBFOLDERS_SHOWN]) + (", …" if len(subfolders) > _SUBFOLDERS_SHOWN else "")
    return InputFileError("read.only_subfolders", file=given, supported=_supported_list(),
                          count=len(subfolders), folders=shown)


def read_table(path: str | Path, *, sheet: str | None = None, max_rows: int | None = None) -> RawTable:
    """Read one file into a `RawTable`; `max_rows` stops early (previews); `sheet` picks an Excel sheet.

    Raises InputFileError ("read.not_found", "read.unsupported", "read.empty", "read.binary",
    "read.corrupt", "read.not_json", ...) when the file cannot be read at all.
    """
    file = str(path)
    source = Path(path)
    if not source.exists():
        raise InputFileError("read.not_found", file=file)
    if source.is_dir():
        raise InputFileError("read.unreadable", file=file, reason="es una carpeta / is a folder")
    suffix = source.suffix.lower()
    if workbook_format(file) is not None:  # the bytes decide, not the name: an .xlsx renamed .xls is an .xlsx
        from stationmap.io.excel_files import read_excel_table

        return read_excel_table(file, sheet=sheet, max_rows=max_rows)
    if suffix in TEXT_SUFFIXES:
        from stationmap.io.text_files import read_text_table

        return read_text_table(file, max_rows=max_rows)
    if suffix in EXCEL_SUFFIXES:
        from stationmap.io.excel_files import read_excel_table

        return read_excel_table(file, sheet=sheet, max_rows=max_rows)
    if suffix in GEOJSON_SUFFIXES:
        from stationmap.io.geojson_files import read_geojson_table

        return read_geojson_table(file, max_rows=max_rows)
    raise InputFileError("read.unsupported", file=file, suffix=suffix or "(sin extensión)",
                         supported=_supported_list())


# The first bytes of the two workbook formats: a zip archive (.xlsx/.xlsm) and an OLE2 compound file (.xls).
ZIP_SIGNATURE, OLE_SIGNATURE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def workbook_format(path: str | Path) -> str | None:
    """"xlsx" or "xls" when the file's bytes are an Excel workbook, whatever its name says; else None.

    A zip counts only when it holds a workbook part (a zipped CSV is not a workbook); an OLE2 file is
    taken for an .xls (a Word document under an Excel name then gets the reader's "damaged" message).
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(OLE_SIGNATURE))
    except OSError:
        return None   # the reader that opens it says why, in words
    if head.startswith(OLE_SIGNATURE):
        return "xls"
    if head.startswith(ZIP_SIGNATURE):
        import zipfile

        try:
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        if any(name.startswith("xl/") for name in names):
            return "xlsx"
    return None


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of a workbook, in order, for a sheet chooser; [] when the file is not a workbook.

    Raises InputFileError when the workbook cannot be opened (damaged, password-protected).
    """
    if workbook_format(path) is None:
        return []
    from stationmap.io.excel_files import workbook_sheet_names

    return workbook_sheet_names(str(path))


def text_frame(names: list[str], columns: Iterable[Iterable[str]]) -> pd.DataFrame:
    """A DataFrame of text columns (pandas 'str'), built through pyarrow: far faster than from Python lists."""
    import pyarrow as pa

    return pa.table({name: pa.array(list(values), type=pa.large_string())
                     for name, values in zip(names, columns)}).to_pandas()


def read_bytes(file: str, limit: int | None = None) -> bytes:
    """A file's bytes (the first `limit` only, if given), with OS errors turned into InputFileError."""
    try:
        with open(file, "rb") as handle:
            return handle.read() if limit is None else handle.read(limit)
    except FileNotFoundError:
        raise InputFileError("read.not_found", file=file) from None
    except OSError as exc:
        raise InputFileError("read.unreadable", file=file, reason=exc.strerror or str(exc)) from None
