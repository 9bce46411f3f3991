"""Look at a file's bytes and first lines: is it text, which encoding, which delimiter, where the header is.

Real police exports come as UTF-8, UTF-8 with BOM, CP1252/Latin-1, and even a Latin-1 header over UTF-8
rows (SIDPOL). Decoding is therefore decided per line where the whole file is not valid UTF-8, so one
encoding never turns another's accents into mojibake ("ExtorsiÃ³n").
"""

from __future__ import annotations

import csv
import math
import mmap
import re
from collections import Counter
from dataclasses import dataclass, field

from stationmap.io.byte_scan import has_pair

DELIMITERS = (",", ";", "|", "\t")
# A field separator that never occurs in text: used to parse a file that has no delimiter as one column.
NO_DELIMITER = "\x1f"

# Format names, the same in every language (the message around them is translated).
_MAGIC = (
    (b"\x89PNG", "PNG"),
    (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP / XLSX"),
    (b"\xd0\xcf\x11\xe0", "OLE: XLS / DOC"),
    (b"\x1f\x8b", "GZIP"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"SQLite format 3", "SQLite"),
)
# binary_kind() of bytes that match no known format but are not text: the message says it in words.
BINARY_DATA = "binary"
# Control bytes that never appear in text files (tab, LF, FF, CR and the old DOS end-of-file 0x1A excluded).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 26))
_BINARY_CONTROL_SHARE = 0.05
_SAMPLE_BYTES = 65_536


def binary_kind(head: bytes) -> str | None:
    """What the start of a file says it is when it is not text (None for text, BINARY_DATA when unknown)."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    sample = head[:_SAMPLE_BYTES]
    if not sample:
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls / len(sample) > _BINARY_CONTROL_SHARE:
        return BINARY_DATA
    return None


def binary_error(file: str, kind: str):
    """The InputFileError for a file that is not text: a named format, or binary data in words."""
    from stationmap.core.errors import InputFileError

    if kind == BINARY_DATA:
        return InputFileError("read.binary_data", file=file)
    return InputFileError("read.binary", file=file, kind=kind)


def utf16_variant(head: bytes) -> str | None:
    """'utf-16' for a file with a UTF-16 BOM or NUL bytes on every other position (Excel's 'Unicode text')."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = head[: _SAMPLE_BYTES - _SAMPLE_BYTES % 2]
    if len(sample) < 4:
        return None
    half = len(sample) // 2
    if sample[1::2].count(0) > 0.9 * half and sample[0::2].count(0) < 0.1 * half:
        return "utf-16-le"
    if sample[0::2].count(0) > 0.9 * half and sample[1::2].count(0) < 0.1 * half:
        return "utf-16-be"
    return None


@dataclass
class Decoded:
    """A text file turned into UTF-8 bytes, with what was done to get there."""

    data: "bytes | mmap.mmap"    # UTF-8, no BOM, no NUL bytes; line breaks untouched (a map: plain_utf8, unchecked)
    encoding: str                # the file's encoding ("utf-8", "utf-8-sig", "cp1252", "mixed")
    fallback: str = ""           # for "mixed": the single-byte encoding of the lines that were not UTF-8
    fallback_lines: list[int] = field(default_factory=list)   # 1-based lines decoded with `fallback`
    nul_lines: list[int] = field(default_factory=list)        # 1-based lines that held NUL bytes
    nul_count: int = 0
    repaired: int = 0            # double-encoded UTF-8 sequences ("Ã±" for "ñ") turned back into their letter
    repair_example: str = ""


def _line_of_offsets(data: bytes, offsets: list[int]) -> list[int]:
    """1-based line numbers (as bytes.splitlines counts them) of byte offsets, for a few offsets."""
    import numpy as np

    arr = np.frombuffer(data, dtype=np.uint8)
    lf = arr == 10
    cr = arr == 13
    # A line ends at LF, or at a CR not followed by LF (old Mac line ends); CRLF counts once.
    cr_alone = cr.copy()
    cr_alone[:-1] &= ~lf[1:]
    ends = np.flatnonzero(lf | cr_alone)
    return [int(n) + 1 for n in np.searchsorted(ends, offsets, side="left")]


def _pick_single_byte_encoding(non_utf8: bytes) -> str:
    """CP1252 unless the bytes read clearly better as DOS CP850: with less mess by charset-normalizer's
    measure, and decoding. On a tie CP1252, Windows' encoding and by far the likelier: a file with one
    accented letter gives charset-normalizer little to go on, and it once read 'Pizarro ñ' as CP850's
    'Pizarro ±' by its language coherence alone."""
    from charset_normalizer import from_bytes

    mess = {match.encoding: match.chaos for match in from_bytes(non_utf8[:200_000], cp_isolation=["cp1252", "cp850"])}
    if "cp850" in mess and mess["cp850"] < mess.get("cp1252", float("inf")):
        try:
            non_utf8.decode("cp850")
            return "cp850"
        except UnicodeDecodeError:
            pass
    return "cp1252"


def _decode_single_byte(line: bytes, encoding: str) -> str:
    try:
        return line.decode(encoding)
    except UnicodeDecodeError:  # the five bytes CP1252 leaves undefined: keep them as Latin-1
        return line.decode("latin-1")


def decode(raw: bytes, *, check_utf8: bool = True) -> Decoded:
    """Decode a text file to UTF-8 bytes: BOM, UTF-16, UTF-8, CP1252 and mixed files, line by line when needed.

    With `check_utf8=False` a file without a BOM is taken for UTF-8 unchecked, for a caller whose parser
    validates UTF-8 anyway (pyarrow) and calls again with the check when that fails.
    """
    nul_lines: list[int] = []
    nul_count = raw.count(0) if b"\x00" in raw else 0
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding, raw = "utf-8-sig", raw[3:]
    else:
        encoding = ""
        variant = utf16_variant(raw)
        if variant:
            raw = raw.decode(variant, errors="replace").lstrip("\ufeff").encode("utf-8")
            encoding, nul_count = variant, 0
    if nul_count:
        import numpy as np

        offsets = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) == 0)
        nul_lines = sorted(set(_line_of_offsets(raw, offsets[:10_000].tolist())))
        raw = raw.replace(b"\x00", b"")
    if not check_utf8 and not encoding and not _may_hold_double_encoding(raw):
        decoded = Decoded(raw, "utf-8")
    else:
        decoded = _decode_text(raw, encoding)
    decoded.nul_lines, decoded.nul_count = nul_lines, nul_count
    return decoded


def _decode_text(raw: bytes, encoding: str) -> Decoded:
    if raw.isascii():
        return Decoded(raw, encoding or "utf-8")
    try:
        raw.decode("utf-8")
        return _repaired(Decoded(raw, encoding or "utf-8"))
    except UnicodeDecodeError:
        pass
    if not _holds_utf8_sequences(raw):  # a plain single-byte file: decode it whole, no line-by-line work
        fallback = _pick_single_byte_encoding(raw)
        return Decoded(_decode_single_byte(raw, fallback).encode("utf-8"), fallback)
    return _decode_mixed(raw)


def _holds_utf8_sequences(raw: bytes) -> bool:
    """Whether any UTF-8 lead byte is followed by a continuation byte (a CP1252 file practically never has one)."""
    import numpy as np

    data = np.frombuffer(raw, dtype=np.uint8)
    leads = np.flatnonzero(data[:-1] >= 0xC2)
    leads = leads[data[leads] <= 0xF4]
    return bool(((data[leads + 1] & 0xC0) == 0x80).any())


_CHUNK_BYTES = 1 << 20


def _decode_mixed(raw: bytes) -> Decoded:
    """UTF-8 with some lines in a single-byte encoding: check by 1 MB chunks, line by line only where needed."""
    pieces: list[bytes] = []             # UTF-8 bytes as they are, and the lines that are not UTF-8
    failing: list[int] = []              # indices into `pieces`
    failing_lines: list[int] = []
    position = line_count = 0
    while position < len(raw):
        end = raw.find(b"\n", position + _CHUNK_BYTES)
        end = len(raw) if end < 0 else end + 1
        chunk = raw[position:end]
        if _is_utf8(chunk):
            pieces.append(chunk)
            line_count += chunk.count(b"\n")
        else:
            for offset, line in enumerate(chunk.splitlines(keepends=True), start=1):
                if not _is_utf8(line):
                    failing.append(len(pieces))
                    failing_lines.append(line_count + offset)
                pieces.append(line)
            line_count += offset
        position = end
    fallback = _pick_single_byte_encoding(b"".join(pieces[i] for i in failing))
    for index in failing:
        pieces[index] = _decode_single_byte(pieces[index], fallback).encode("utf-8")
    return _repaired(Decoded(b"".join(pieces), "mixed", fallback, failing_lines))


# UTF-8 that was once decoded as Latin-1/CP1252 and saved again as UTF-8 ("DAÃ\u0091O" for "DAÑO"): a lead
# character U+00C2..U+00F4 followed by 1-3 characters that stand for continuation bytes. The FGJ CDMX exports
# also hold the invisible ones written out as R prints them ("DAÃ<U+0091>O"), so those tokens count too.
_CP1252_HIGH = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
_ESCAPED_BYTE = re.compile(r"<U\+00([89AB][0-9A-F])>")
_DOUBLE_ENCODED = re.compile(
    f"[\u00c2-\u00f4](?:[\u0080-\u00bf{_CP1252_HIGH}]|{_ESCAPED_BYTE.pattern}){{1,3}}")
_DOUBLE_ENCODED_HINTS = ("\u00c3", "\u00c2", "\u00e2\u20ac", "\u00c5", "\u00c4")


def _as_original_bytes(text: str) -> bytes:
    text = _ESCAPED_BYTE.sub(lambda token: chr(int(token.group(1), 16)), text)
    return bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in text)


def repair_double_encoding(text: str) -> tuple[str, int, str]:
    """Undo UTF-8-read-as-Latin-1 where the result decodes as UTF-8: (text, sequences repaired, an example)."""
    if not any(hint in text for hint in _DOUBLE_ENCODED_HINTS):
        return text, 0, ""
    count = 0
    example = ""

    def fix(match: re.Match) -> str:
        nonlocal count, example
        try:
            original = _as_original_bytes(match.group()).decode("utf-8")
        except UnicodeDecodeError:
            return match.group()
        if not example:  # the first repair in its word, so the user recognises it
            before = re.search(r"\w*$", text[max(0, match.start() - 20):match.start()]).group()
            after = re.match(r"\w*", text[match.end():match.end() + 20]).group()
            example = before + original + after
        count += 1
        return original

    return _DOUBLE_ENCODED.sub(fix, text), count, example


# "Â", "Ã", "Ä", "Å", "â" in UTF-8: 0xC3 followed by one of these.
_DOUBLE_ENCODED_LEAD, _DOUBLE_ENCODED_FOLLOWERS = 0xC3, b"\x82\x83\x84\x85\xa2"


def plain_utf8(data: bytes | mmap.mmap) -> bool:
    """Whether a file's bytes can go to a UTF-8 parser as they are: no BOM, not UTF-16, no NUL bytes,
    nothing that looks double-encoded. Their validity as UTF-8 is the parser's to check (pyarrow does
    while parsing), which saves a pass over the file. `data` may be a memory map: only slices, `find`
    and buffer views are used."""
    head = data[:_SAMPLE_BYTES]
    return (not head.startswith(b"\xef\xbb\xbf") and utf16_variant(head) is None
            and data.find(b"\x00") < 0 and not _may_hold_double_encoding(data))


def _may_hold_double_encoding(data: bytes | mmap.mmap) -> bool:
    """A fast look for the lead characters of double-encoded text; the repair itself checks every match."""
    if data.find(b"\xc3") < 0:
        return False
    return has_pair(data, _DOUBLE_ENCODED_LEAD, _DOUBLE_ENCODED_FOLLOWERS)


def _repaired(decoded: Decoded) -> Decoded:
    """`decoded` with double-encoded UTF-8 repaired (its data must be valid UTF-8)."""
    if not _may_hold_double_encoding(decoded.data):
        return decoded
    fixed, count, example = repair_double_encoding(decoded.data.decode("utf-8"))
    if count:
        decoded.data, decoded.repaired, decoded.repair_example = fixed.encode("utf-8"), count, example
    return decoded


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


# --- delimiter and header ------------------------------------------------------------------------


@dataclass
class Record:
    cells: list[str]
    line: int        # 1-based line where the record starts
    end_line: int    # 1-based line where it ends (multi-line quoted fields)


def parse_records(lines: list[str], delimiter: str, *, complete: bool) -> list[Record]:
    """Records of a text sample (quote-aware); the last one is dropped when the sample was cut short."""
    reader = csv.reader(lines, delimiter=delimiter)
    records: list[Record] = []
    consumed = 0
    try:
        for cells in reader:
            records.append(Record(cells, consumed + 1, reader.line_num))
            consumed = reader.line_num
    except csv.Error:  # a runaway quote in the sample: judge on what came before it
        return records
    if not complete and records:
        records.pop()
    return records


def filled_width(cells: list) -> int:
    """Cells up to the last non-empty one: trailing empty cells of Excel rows and ';;;' lines do not count."""
    for index in range(len(cells) - 1, -1, -1):
        if str(cells[index]).strip():
            return index + 1
    return 0


def detect_delimiter(lines: list[str], *, complete: bool) -> str:
    """The candidate delimiter that splits the sample into the most consistent number (>1) of cells.

    Consistency first (decimal commas in a ';' file split into a steady count too, but the header does
    not follow it), then more columns.
    """
    best_key: tuple = (False, 0.0, 0)
    best = NO_DELIMITER
    for delimiter in DELIMITERS:
        if not any(delimiter in line for line in lines):
            continue
        counts = [len(r.cells) for r in parse_records(lines, delimiter, complete=complete) if filled_width(r.cells)]
        if not counts:
            continue
        mode, _ = Counter(counts).most_common(1)[0]
        consistency = sum(c == mode for c in counts) / len(counts)
        key = (mode > 1, round(consistency, 2), mode)
        if key > best_key:
            best_key, best = key, delimiter
    return best if best_key[0] else NO_DELIMITER


def find_header(rows: list[list[str]]) -> int:
    """Index of the header among the first rows: the first one filled enough to name the table's columns.

    Title lines above a header ("REPORTE DE DENUNCIAS", "Fecha: 01/11/2026;;;;") fill one or two cells,
    while the header names at least half of the columns the data rows use.
    """
    widths = [filled_width(row) for row in rows]
    data_widths = [w for w in widths if w]
    if not data_widths:
        return 0
    typical = Counter(data_widths).most_common(1)[0][0]
    needed = max(1, min(2, typical), math.ceil(typical / 2))
    for index, row in enumerate(rows):
        if sum(1 for cell in row if str(cell).strip()) >= needed:
            return index
    return 0


def unique_names(header: list[str]) -> tuple[list[str], list[str]]:
    """Column names stripped and made unique ("x", "x_2"); empty ones become "columna_<n>".

    Returns the names and the list of names that had to be invented or changed (for a warning).
    """
    names: list[str] = []
    changed: list[str] = []
    seen: set[str] = set()
    for position, cell in enumerate(header, start=1):
        base = str(cell).strip() or f"columna_{position}"
        name, k = base, 2
        while name in seen:
            name, k = f"{base}_{k}", k + 1
        if name != str(cell).strip():
            changed.append(name)
        seen.add(name)
        names.append(name)
    return names, changed
