"""CSV/TXT/TSV files -> RawTable.

Three ways through a file, the fastest that fits:
- clean (every row as wide as the header): pyarrow.csv, every column as text, multi-threaded; row line
  numbers are a plain range when rows and lines agree, else a vectorised scan of line breaks outside quotes;
- ragged (some rows shorter or longer): pyarrow skips the odd rows and says which records they were; the
  csv module pads, trims or rejects just those, and they go back in file order;
- stray quotes: their lines are found (strict csv parse from each line with an odd quote count), emptied
  and rejected, and the file takes the ways above again;
- anything else (lone-CR line ends) and previews: the csv module record by record, restarting after a
  row with an unclosed quote so that one broken row costs one row.
Every way must account for each record, or the next way is taken.
"""

from __future__ import annotations

import csv
import io
import mmap
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterator

import numpy as np
import pandas as pd

from stationmap.core.errors import InputFileError
from stationmap.core.model import Rejection, Warning_
from stationmap.io import sniff
from stationmap.io.byte_scan import count_byte
from stationmap.io.readers import (ENCODING_FIRST_ROWS, ENCODING_OTHER_LATER, ENCODING_WHOLE_FILE, RawTable,
                                   mixed_encoding_label, read_bytes, text_frame)

_SAMPLE_BYTES = 262_144
_SAMPLE_LINES = 400
_PREVIEW_CHUNK = 1 << 20
_SNIPPET = 80
_NUL_LINES_SHOWN = 10
# Lines of a quoted cell that look like whole rows, from which the cell is taken for a runaway quote
# even in a record as wide as the header (see _runaway).
_SWALLOWED_ROWS = 3
# Row numbers a warning about rows lists (as the normaliser's warnings do); the count says how many in all.
_ROWS_SHOWN = 10
# The one column of a rejected line that cannot be split into cells: the line as written, for the user
# to split in the exported rejections.
WHOLE_LINE_COLUMN = "linea_original"
# A file's bytes: read into memory, or memory-mapped (the fast way reads both; see _mapped).
FileBytes = bytes | mmap.mmap
# Files this large are memory-mapped rather than read into memory (see _mapped).
_MAP_FROM_BYTES = 8 << 20


@dataclass
class _Rows:
    frame: pd.DataFrame
    line_numbers: np.ndarray
    bad_rows: list[Rejection]
    short_lines: list[int] = field(default_factory=list)   # rows padded with empty cells (see _fit_row)


class _NotUtf8(Exception):
    """The file was taken for UTF-8 without checking (the fast way) and turned out not to be."""


def read_text_table(file: str, *, max_rows: int | None = None) -> RawTable:
    if max_rows is None:
        with _mapped(file) as mapped:
            if mapped is not None and sniff.binary_kind(mapped[:_SAMPLE_BYTES]) is None and sniff.plain_utf8(mapped):
                try:
                    return _read_decoded(file, sniff.Decoded(mapped, "utf-8"), True, None)
                except _NotUtf8:
                    pass  # read whole and decoded, below
    raw, complete = _load(file, max_rows)
    if not raw or raw.isspace():
        raise InputFileError("read.empty", file=file)
    if not sniff.utf16_variant(raw):
        kind = sniff.binary_kind(raw)
        if kind:
            raise sniff.binary_error(file, kind)
    # Most files are UTF-8: pyarrow checks that while parsing, which saves decoding the file twice.
    try:
        table = _read_decoded(file, sniff.decode(raw, check_utf8=False), complete, max_rows)
    except _NotUtf8:
        table = _read_decoded(file, sniff.decode(raw), complete, max_rows)
    if not complete:
        table.encoding_scope = _encoding_scope(file, len(raw), table.encoding)
    return table


def _encoding_scope(file: str, checked: int, encoding: str) -> str:
    """What the encoding of a preview, judged on the file's first `checked` bytes, holds for.

    The rest of a long file may hold lines in another encoding (a CP1252 row near the end of a UTF-8
    export), and the import would then say "cp1252" or "mixta" where the preview said "UTF-8". A
    start in UTF-8 is confirmed by validating the rest as UTF-8 in place, without decoding it (30 ms
    for 120 MB). Other starts stay judged on the first rows: telling the encoding of the rest means
    decoding it, the import's work.
    """
    if encoding not in ("utf-8", "utf-8-sig"):
        return ENCODING_FIRST_ROWS
    with _mapped(file) as mapped:
        whole = _valid_utf8(mapped if mapped is not None else read_bytes(file), checked)
    return ENCODING_WHOLE_FILE if whole else ENCODING_OTHER_LATER


def _valid_utf8(data: FileBytes, start: int) -> bool:
    """Whether data[start:] is valid UTF-8: Arrow's validation of one string over the bytes, in place."""
    import pyarrow as pa

    body = pa.py_buffer(data).slice(start)
    offsets = pa.py_buffer(np.array([0, body.size], dtype=np.int64))
    try:
        pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, body]).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def _read_decoded(file: str, decoded: sniff.Decoded, complete: bool, max_rows: int | None) -> RawTable:
    data = decoded.data
    if _blank(data):
        raise InputFileError("read.empty", file=file)
    sample_complete = complete and len(data) <= _SAMPLE_BYTES
    sample_bytes = data[:_SAMPLE_BYTES].splitlines(keepends=True)
    if len(sample_bytes) > _SAMPLE_LINES:
        sample_bytes, sample_complete = sample_bytes[:_SAMPLE_LINES], False
    sample = _decode_sample(sample_bytes, sample_complete)
    delimiter = sniff.detect_delimiter(sample, complete=sample_complete)
    records = (sniff.parse_records(sample, delimiter, complete=sample_complete)
               or sniff.parse_records(sample, delimiter, complete=True))
    header_index = sniff.find_header([r.cells for r in records])
    header = records[header_index]
    names, renamed = sniff.unique_names(_widen_header(header.cells, records[header_index + 1:]))

    body_start = sum(len(line) for line in sample_bytes[: header.end_line])
    first_line = header.end_line + 1
    rows = None
    if max_rows is None:
        rows = _read_clean(data, body_start, names, delimiter, first_line, file)
        if rows is None:  # stray quotes, most likely: blank their lines and try the quick ways again
            mended_data, stray = _blank_stray_quote_lines(data, body_start, names, delimiter, first_line, file)
            rows = _read_clean(mended_data, body_start, names, delimiter, first_line, file) if stray else None
            if rows is not None:
                rows.bad_rows = sorted(stray + rows.bad_rows, key=lambda rejection: rejection.row)
    if rows is None:
        rows = _read_careful(data[body_start:], names, delimiter, first_line, file, max_rows)
    if any('="' in line for line in sample):  # exports that use the trick use it on every row
        _unwrap_excel_text_formulas(rows.frame)

    titles_above = any(sniff.filled_width(record.cells) for record in records[:header_index])
    warnings = _warnings(file, decoded, header, titles_above, delimiter, renamed, rows.short_lines)
    return RawTable(
        file=file, frame=rows.frame, line_numbers=rows.line_numbers,
        encoding=_encoding_label(decoded, header.end_line),
        delimiter="" if delimiter == sniff.NO_DELIMITER else delimiter,
        header_line=header.line, bad_rows=rows.bad_rows, warnings=warnings,
    )


def _unwrap_excel_text_formulas(frame: pd.DataFrame) -> None:
    """="060101" is how exports keep Excel from dropping leading zeros; the value is what is inside."""
    for name in frame.columns:
        column = frame[name]
        wrapped = column.str.startswith('="') & column.str.endswith('"') & (column.str.len() >= 3)
        if wrapped.any():
            frame.loc[wrapped, name] = column[wrapped].str.slice(2, -1)


def _widen_header(header: list[str], data: list[sniff.Record]) -> list[str]:
    """The header, with unnamed columns added when most data rows hold values beyond its last name.

    A header that forgot to name its last columns would otherwise turn every row into an
    "extra columns" rejection; a few long rows among many are still rejected one by one.
    """
    widths = [sniff.filled_width(record.cells) for record in data]
    widths = [width for width in widths if width]
    wider = sum(width > len(header) for width in widths)
    if not widths or wider <= len(widths) / 2:
        return header
    return header + [""] * (max(widths) - len(header))


def _decode_sample(lines: list[bytes], complete: bool) -> list[str]:
    """The sample lines as text; only a line cut by the sample's end may hold half a character."""
    try:
        text = [line.decode("utf-8") for line in (lines if complete else lines[:-1])]
    except UnicodeDecodeError:
        raise _NotUtf8() from None
    return text if complete else text + [lines[-1].decode("utf-8", errors="replace")]


@contextmanager
def _mapped(file: str) -> Iterator[mmap.mmap | None]:
    """A large file memory-mapped, read-only; None for a small one, or one that cannot be mapped (the
    ordinary read then says why, if it fails too).

    pyarrow parses straight from the page cache: a million-row export (120 MB) is not copied into
    the process first, which takes 0.1-0.2 s of a one-second import and 120 MB of memory. The price:
    if another program truncates the file while it is being parsed (Linux; Windows refuses to), or the
    stick it is on is pulled out, the process gets a bus error instead of a read error. Small files,
    the usual monthly exports, are read as before.
    """
    try:
        handle = open(file, "rb")
    except OSError:
        yield None
        return
    with handle:
        try:
            mapped = (mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
                      if os.fstat(handle.fileno()).st_size >= _MAP_FROM_BYTES else None)
        except (OSError, ValueError):
            mapped = None
        try:
            yield mapped
        finally:
            if mapped is not None:
                try:
                    mapped.close()
                except BufferError:  # a view of it travels with an exception's frames: freed with them
                    pass


def _blank(data: FileBytes, start: int = 0) -> bool:
    """Whether data[start:] is empty or only whitespace, looking at the first 64 KB before the rest."""
    head = data[start:start + 65_536]
    return not head or head.isspace() and (len(data) - start <= len(head) or data[start:].isspace())


def _load(file: str, max_rows: int | None) -> tuple[bytes, bool]:
    """The whole file, or for a preview a prefix cut at a line break holding enough lines."""
    if max_rows is None:
        return read_bytes(file), True
    size = os.path.getsize(file)
    chunk = _PREVIEW_CHUNK
    while True:
        raw = read_bytes(file, chunk)
        if len(raw) >= size or sniff.utf16_variant(raw):
            return read_bytes(file), True
        last_break = raw.rfind(b"\n")
        if raw.count(b"\n") > max_rows + _SAMPLE_LINES and last_break > 0:
            return raw[: last_break + 1], False
        chunk *= 4


def _encoding_label(decoded: sniff.Decoded, header_end: int) -> str:
    if decoded.encoding != "mixed":
        return decoded.encoding
    if max(decoded.fallback_lines) <= header_end:
        return mixed_encoding_label(decoded.fallback, None)
    return mixed_encoding_label(decoded.fallback, len(decoded.fallback_lines))


def _warnings(file: str, decoded: sniff.Decoded, header: sniff.Record, titles_above: bool, delimiter: str,
              renamed: list[str], short_lines: list[int]) -> list[Warning_]:
    warnings: list[Warning_] = []
    if titles_above:
        warnings.append(Warning_(file, "read.header_not_first", {"line": header.line, "skipped": header.line - 1}))
    if delimiter == sniff.NO_DELIMITER:
        warnings.append(Warning_(file, "read.single_column", {}))
    if renamed:
        warnings.append(Warning_(file, "read.duplicate_columns", {"names": ", ".join(renamed)}))
    if decoded.encoding == "mixed" and max(decoded.fallback_lines) > header.end_line:
        # Said in words: the encoding label (RawTable.encoding) is for the report and the dialog to read.
        warnings.append(Warning_(file, "read.mixed_encoding_lines", {
            "count": len(decoded.fallback_lines), "fallback": decoded.fallback.upper(),
            "lines": _numbers_text(decoded.fallback_lines)}))
    if decoded.repaired:
        warnings.append(Warning_(file, "read.double_encoding_repaired",
                                 {"count": decoded.repaired, "example": decoded.repair_example}))
    if decoded.nul_count:
        shown = ", ".join(str(n) for n in decoded.nul_lines[:_NUL_LINES_SHOWN])
        if len(decoded.nul_lines) > _NUL_LINES_SHOWN or not decoded.nul_lines:
            shown += " …"
        warnings.append(Warning_(file, "read.nul_removed", {"count": decoded.nul_count, "lines": shown}))
    if short_lines:
        warnings.append(Warning_(file, "read.short_rows", {"count": len(short_lines),
                                                           "rows": _numbers_text(short_lines)}))
    return warnings


def _numbers_text(numbers: list[int]) -> str:
    """The first row (or line) numbers of a warning, as the normaliser's warnings list them."""
    return ", ".join(str(number) for number in sorted(numbers)[:_ROWS_SHOWN])


# --- the fast path: pyarrow ----------------------------------------------------------------------


def _record_starts(data: FileBytes, start: int, first_line: int) -> tuple[np.ndarray, np.ndarray] | None:
    """(1-based line, byte offset in `data`) where each record of data[start:] begins, blank lines skipped.

    A line break is a record boundary when an even number of quote characters precedes it (RFC 4180,
    where "" inside a quoted field adds two). None when the quotes do not balance: the careful path
    must find the broken row.
    """
    body = np.frombuffer(data, dtype=np.uint8, offset=start)
    breaks = np.flatnonzero(body == 10)
    starts = np.concatenate(([0], breaks + 1))
    ends = np.concatenate((breaks, [len(body)]))
    lengths = ends - starts
    ends_with_cr = np.zeros(len(starts), dtype=bool)
    nonempty = lengths > 0
    ends_with_cr[nonempty] = body[ends[nonempty] - 1] == 13
    is_start = (lengths - ends_with_cr) > 0
    quotes = np.flatnonzero(body == 34)
    if len(quotes) % 2:
        return None
    if len(quotes):
        is_start &= np.searchsorted(quotes, starts) % 2 == 0
    lines = np.arange(first_line, first_line + len(starts), dtype=np.int64)
    return lines[is_start], starts[is_start] + start


def _arrow_read(data: FileBytes, start: int, names: list[str], delimiter: str, *, quoted_line_breaks: bool,
                on_invalid=None):
    """pyarrow.csv on data[start:], every column as text; `on_invalid` gets rows of another width.

    Without `quoted_line_breaks` pyarrow cuts the file into blocks at any line break and parses them in
    parallel; a cut inside a quoted field makes that block fail to parse (an error, never a wrong row),
    so the caller can try that first and read again allowing them.
    """
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    return pa_csv.read_csv(
        pa.py_buffer(data).slice(start),
        # Only a single-threaded read tells the handler which record a bad row was.
        read_options=pa_csv.ReadOptions(column_names=names, use_threads=on_invalid is None),
        parse_options=pa_csv.ParseOptions(delimiter=delimiter, invalid_row_handler=on_invalid,
                                          newlines_in_values=quoted_line_breaks),
        convert_options=pa_csv.ConvertOptions(
            column_types={name: pa.large_string() for name in names},  # zero-copy to pandas 'str'
            strings_can_be_null=False, quoted_strings_can_be_null=False),
    )


def _read_clean(data: FileBytes, start: int, names: list[str], delimiter: str, first_line: int,
                file: str) -> _Rows | None:
    """pyarrow on data[start:]; None when the file is not clean enough for it (the careful path then)."""
    import pyarrow as pa

    if _blank(data, start):
        return None
    if _last_line_opens_a_quote(data, start, delimiter):  # pyarrow would take it up to the end of file
        return None
    quotes = data.find(b'"', start) >= 0
    table = None
    for quoted_line_breaks in ([False, True] if quotes else [False]):
        try:
            table = _arrow_read(data, start, names, delimiter, quoted_line_breaks=quoted_line_breaks)
            break
        except pa.ArrowInvalid as exc:
            if "UTF8" in str(exc):
                raise _NotUtf8() from None
        except pa.ArrowNotImplementedError:
            return None
    if table is None:
        return _read_mended(data, start, names, delimiter, first_line, file)
    # Blank lines and quoted line breaks both make fewer rows than lines: when the counts agree the
    # line numbers are a plain range, otherwise they come from a scan of the line breaks.
    line_count = count_byte(data, ord("\n"), start) + (data[-1:] != b"\n")
    if table.num_rows == line_count:
        line_numbers = np.arange(first_line, first_line + line_count, dtype=np.int64)
    else:
        records = _record_starts(data, start, first_line)
        if records is None or table.num_rows != len(records[0]):  # e.g. a lone CR taken as a line end
            return None
        if quotes and not _quoted_line_breaks_sound(data, start, records[1], names, delimiter):
            return None
        line_numbers = records[0]
    return _finish(table, line_numbers, [], [])


def _quoted_line_breaks_sound(data: FileBytes, start: int, record_offsets: np.ndarray, names: list[str],
                              delimiter: str) -> bool:
    """Whether every record that holds a quoted line break is sound: its quotes strictly closed and
    no whole row swallowed into a cell (see _runaway).

    pyarrow reads `"EL PORVENIR;...` (a quote opened by mistake) on to the next quote, lines later,
    and takes text after that closing quote as part of the cell: a row of the right width can hide
    the rows it swallowed. Those records are read again, all at once, by the csv module in strict mode.
    """
    body = np.frombuffer(data, dtype=np.uint8, offset=start)
    breaks = np.flatnonzero(body == 10)
    quotes = np.flatnonzero(body == 34)
    quoted_breaks = breaks[np.searchsorted(quotes, breaks) % 2 == 1] + start
    holding = np.unique(np.searchsorted(record_offsets, quoted_breaks, side="right") - 1)
    record_ends = np.append(record_offsets[1:], len(data))
    text = b"".join(data[record_offsets[k]:record_ends[k]] for k in holding).decode("utf-8", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        rows = [cells for cells in reader if cells]
    except csv.Error:
        return False
    return len(rows) == len(holding) and not any(_runaway(cells, names, delimiter) for cells in rows)


def _last_line_opens_a_quote(data: FileBytes, start: int, delimiter: str) -> bool:
    body_end = len(data)
    while body_end > start and data[body_end - 1] in b"\r\n":
        body_end -= 1
    last_line = data[max(start, data.rfind(b"\n", start, body_end) + 1):body_end]
    if last_line.count(b'"') % 2 == 0:
        return False
    return "unexpected end of data" in _strict_error([last_line.decode("utf-8", errors="replace")], delimiter)


def _read_mended(data: FileBytes, start: int, names: list[str], delimiter: str, first_line: int,
                 file: str) -> _Rows | None:
    """pyarrow for the rows as wide as the header, the csv module for the few that are not.

    pyarrow skips rows of another width and tells which record each was; those rows are padded,
    trimmed or rejected one by one and put back in file order.
    """
    import pyarrow as pa

    records = _record_starts(data, start, first_line)
    if records is None:
        return None
    record_lines, record_offsets = records
    skipped: list[int | None] = []

    def skip(row) -> str:
        skipped.append(row.number)
        return "skip"

    try:
        table = _arrow_read(data, start, names, delimiter, on_invalid=skip,
                            quoted_line_breaks=data.find(b'"', start) >= 0)
    except pa.ArrowInvalid as exc:
        if "UTF8" in str(exc):
            raise _NotUtf8() from None
        return None
    if None in skipped or table.num_rows + len(skipped) != len(record_lines):
        return None
    skipped_index = np.asarray(skipped, dtype=np.int64) - 1
    record_ends = np.append(record_offsets[1:], len(data))
    fitted = _FittedRows(names, delimiter, file)
    for index in skipped_index:
        try:
            text = data[record_offsets[index]:record_ends[index]].decode("utf-8")
        except UnicodeDecodeError:
            raise _NotUtf8() from None
        record = list(io.StringIO(text, newline=""))  # lines end at CR/LF only, never at U+2028 and kin
        cells = next(csv.reader(record, delimiter=delimiter), [])
        if len(record) > 1 and (_strict_error(record, delimiter) or _runaway(cells, names, delimiter)):
            return None  # a stray quote: the careful path's job
        fitted.add(cells, int(record_lines[index]))
    line_numbers = np.concatenate([np.delete(record_lines, skipped_index),
                                   np.asarray(fitted.lines, dtype=np.int64)])
    order = np.argsort(line_numbers, kind="stable")
    combined = pa.concat_tables([table, _arrow_table(names, fitted.rows)]).take(order)
    return _finish(combined, line_numbers[order], fitted.bad, fitted.short_lines)


def _finish(table, line_numbers: np.ndarray, bad: list[Rejection], short_lines: list[int]) -> _Rows:
    """Drop rows whose cells are all blank (';;;;' lines of spreadsheet exports, or a line of spaces in a
    one-column file: blank lines, not rows)."""
    import pyarrow.compute as pa_compute

    if table.num_columns and table.num_rows:
        blank = _blank_cells(table.column(0))
        for column in table.columns[1:]:
            if not pa_compute.any(blank).as_py():  # usually the first column already has no blank cell
                break
            blank = pa_compute.and_(blank, _blank_cells(column))
        if pa_compute.any(blank).as_py():
            keep = pa_compute.invert(blank)
            table, line_numbers = table.filter(keep), line_numbers[keep.to_numpy(zero_copy_only=False)]
    return _Rows(table.to_pandas(), line_numbers, bad, short_lines)


def _blank_cells(column):
    """Which cells of a text column are empty or only whitespace (5 ms for a million cells)."""
    import pyarrow.compute as pa_compute

    return pa_compute.or_(pa_compute.equal(column, ""), pa_compute.utf8_is_space(column))


def _arrow_table(names: list[str], rows: list[list[str]]):
    import pyarrow as pa

    columns = list(zip(*rows)) if rows else [() for _ in names]
    return pa.table({name: pa.array(values, type=pa.large_string()) for name, values in zip(names, columns)})


class _FittedRows:
    """Rows fitted to the header one by one (the mended and careful paths): the rows with their lines,
    the rejected ones, and the lines of rows that were padded (the user is told: a short row may have
    lost cells in the middle, not only at its end)."""

    def __init__(self, names: list[str], delimiter: str, file: str) -> None:
        self.names, self.delimiter, self.file = names, delimiter, file
        self.rows: list[list[str]] = []
        self.lines: list[int] = []
        self.bad: list[Rejection] = []
        self.short_lines: list[int] = []

    def add(self, cells: list[str], line: int) -> None:
        fitted = _fit_row(cells, self.names, self.delimiter, self.file, line)
        if isinstance(fitted, Rejection):
            self.bad.append(fitted)
        elif fitted is not None:
            self.rows.append(fitted)
            self.lines.append(line)
            if len(cells) < len(self.names):
                self.short_lines.append(line)


def _fit_row(cells: list[str], names: list[str], delimiter: str, file: str,
             line: int) -> list[str] | Rejection | None:
    """A row as wide as the header: short rows padded, empty extra cells dropped; None for a blank row
    (no cells, empty cells, or only spaces: a line of "  " is as blank as an empty one).

    Extra cells holding text are a Rejection: guessing which cell is superfluous would shift columns.
    It keeps the row's cells, the extra ones under "extra_1", "extra_2"...: the user moves them where
    they belong in the exported rejections and imports the row again.
    """
    width = len(names)
    if not any(cell and not cell.isspace() for cell in cells):
        return None
    if len(cells) > width:
        extra = cells[width:]
        if any(cell.strip() for cell in extra):
            columns = list(names) + [f"extra_{k}" for k in range(1, len(extra) + 1)]
            return Rejection(file, line, "read.extra_columns", {
                "expected": width, "found": len(cells), "extra": delimiter.join(extra)[:_SNIPPET]},
                cells=dict(zip(columns, cells)))
        return cells[:width]
    return cells + [""] * (width - len(cells))


def _blank_stray_quote_lines(data: FileBytes, start: int, names: list[str], delimiter: str, first_line: int,
                             file: str) -> tuple[bytes, list[Rejection]]:
    """Find lines whose quote opens a field that never closes properly, and empty them (line breaks kept).

    Only lines with an odd number of quotes can open or close a quoted line break. From each, in file
    order, the csv module in strict mode reads one record: a sound multi-line field closes before a
    delimiter or line end (its lines are skipped); a stray quote ends in an error, or in a cell holding
    whole rows (_runaway), and costs its line.
    """
    body = np.frombuffer(data, dtype=np.uint8, offset=start)
    line_starts = np.concatenate(([0], np.flatnonzero(body == 10) + 1)) + start
    line_ends = np.append(line_starts[1:], len(data))
    quotes = np.flatnonzero(body == 34) + start
    odd_lines = np.flatnonzero(np.diff(np.searchsorted(quotes, np.append(line_starts, len(data)))) % 2)
    stray: list[int] = []
    position = 0
    while position < len(odd_lines):
        line = int(odd_lines[position])
        record = (data[line_starts[k]:line_ends[k]].decode("utf-8") for k in range(line, len(line_starts)))
        reader = csv.reader(record, delimiter=delimiter, strict=True)
        try:
            cells = next(reader, None)
        except csv.Error:  # runaway field: EOF inside quotes, text after a closing quote, or too long
            cells = None
        if cells is None or reader.line_num > 1 and _runaway(cells, names, delimiter):
            stray.append(line)
            position += 1
            continue
        position = int(np.searchsorted(odd_lines, line + max(reader.line_num, 1)))
    if not stray:
        return data, []
    pieces, previous = [], 0
    rejections = []
    for line in stray:
        text = data[line_starts[line]:line_ends[line]]
        kept_break = text[len(text.rstrip(b"\r\n")):]
        pieces += [data[previous:line_starts[line]], kept_break]
        previous = int(line_ends[line])
        rejections.append(_unbalanced_quote(file, first_line + line, text.decode("utf-8")))
    pieces.append(data[previous:])
    return b"".join(pieces), rejections


def _unbalanced_quote(file: str, line: int, text: str) -> Rejection:
    """The rejection of a line whose quotes cannot be split into cells. It keeps the whole line as
    written, in one column (WHOLE_LINE_COLUMN): the message shows only its start, and the user
    corrects the line in the exported rejections and imports it again."""
    written = text.rstrip("\r\n")
    return Rejection(file, line, "read.unbalanced_quote", {"text": written.strip()[:_SNIPPET]},
                     cells={WHOLE_LINE_COLUMN: written})


def _runaway(cells: list[str], names: list[str], delimiter: str) -> bool:
    """Whether a record read across line breaks comes from a quote opened by mistake.

    A stray quote swallows the lines after it into one cell until some later quote closes it, and
    trusting that record would lose those rows without a word. Such a cell holds whole rows of the
    file: lines with as many delimiters as the header has. A police narrative written over a few
    lines may hold such a line too ("dos sujetos, uno de polo rojo, otro de casaca negra, …" in a
    comma file), but its record is as wide as the header. So: several swallowed rows, or one in a
    record of another width.
    """
    width = len(names)
    if width < 2:
        return False
    whole_rows = sum(line.count(delimiter) >= width - 1 for cell in cells for line in cell.splitlines()[1:])
    as_wide = len(cells) == width or (len(cells) > width and not any(cell.strip() for cell in cells[width:]))
    return whole_rows >= _SWALLOWED_ROWS or (whole_rows > 0 and not as_wide)


# --- the careful path: the csv module, record by record ------------------------------------------


def _lines_from(lines: list[str], start: int) -> Iterator[str]:
    return (lines[k] for k in range(start, len(lines)))


def _strict_error(record: list[str], delimiter: str) -> str:
    """The csv module's complaint about a record's quotes in strict mode ("" when they are sound).

    A runaway quote ends in trouble: at the end of the file, or at a closing quote followed by text.
    A quoted field that legitimately spans lines closes before a delimiter or a line end.
    """
    try:
        for _ in csv.reader(record, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return str(exc) or "error"
    return ""


def _read_careful(body: bytes, names: list[str], delimiter: str, first_line: int, file: str,
                  max_rows: int | None) -> _Rows:
    """Split record by record; pad short rows, report long ones and unclosed quotes by line number.

    After a row with an unclosed quote the csv module would swallow the following lines into one
    field, so reading restarts on the line after it: one broken row costs one row, not the file.
    """
    try:
        lines = [line.decode("utf-8") for line in body.splitlines(keepends=True)]
    except UnicodeDecodeError:
        raise _NotUtf8() from None
    fitted = _FittedRows(names, delimiter, file)
    position = 0
    while position < len(lines):
        reader = csv.reader(_lines_from(lines, position), delimiter=delimiter)
        consumed = 0
        restart = None
        while max_rows is None or len(fitted.rows) < max_rows:
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error:  # a field beyond csv's size limit: the runaway field of an unclosed quote
                restart = position + consumed
                break
            first = position + consumed
            span = reader.line_num - consumed
            consumed = reader.line_num
            record = lines[first:first + span]
            runaway = (span > 1 and (_runaway(cells, names, delimiter) or bool(_strict_error(record, delimiter)))) or (
                first + span == len(lines) and "unexpected end of data" in _strict_error(record, delimiter))
            if runaway:
                restart = first
                break
            fitted.add(cells, first_line + first)
        if restart is None:
            break
        fitted.bad.append(_unbalanced_quote(file, first_line + restart, lines[restart]))
        position = restart + 1
    columns = list(zip(*fitted.rows)) if fitted.rows else [() for _ in names]
    return _Rows(text_frame(names, columns), np.asarray(fitted.lines, dtype=np.int64), fitted.bad,
                 fitted.short_lines)
