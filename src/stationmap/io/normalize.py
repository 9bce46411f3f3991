"""A raw table -> the canonical incident (or count) table, every row accounted for.

`normalize` is vectorised from end to end: parsers run on distinct values, rows
are combined with numpy, and only rejected rows become Python objects. The
invariant is ``len(table) + len(rejections) == len(raw.frame)``.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from stationmap.core.errors import MappingError
from stationmap.core.model import INCIDENT_COLUMNS, UNKNOWN_CATEGORY, Rejection, TableKind, Warning_
from stationmap.io.categories import CategoryTable, unknown_values
from stationmap.io.coords import STATUS_LABELS, Located, locate_rows
from stationmap.io.kinds import detect_kind
from stationmap.io.mapping import ColumnMapping, guess_table_mapping
from stationmap.io.normalize_text import (arrow_text, as_categorical, as_text, blank_text, categorical, count_warning,
                                          per_unique, strip_float_zero)
from stationmap.io.normalize_when import PRECISION_LABELS, REJECT_CODES, When, combine

if TYPE_CHECKING:
    from stationmap.io.readers import RawTable


@dataclass
class Normalized:
    kind: TableKind
    table: pd.DataFrame          # INCIDENT_COLUMNS or COUNT_COLUMNS, plus "line" (file row number)
    rejections: list[Rejection]
    warnings: list[Warning_]
    mapping: ColumnMapping       # as applied, with day_first decided
    # The rows' keys in the first scheme (every raw cell, in column order), only when asked for:
    # a project imported before the present scheme still holds those keys (see source_keys).
    legacy_keys: pd.Series | None = None


def normalize(raw: "RawTable", mapping: ColumnMapping | None = None, *,
              categories: CategoryTable | None = None, area=None, legacy_keys: bool = False) -> Normalized:
    """`legacy_keys`: also compute every row's key in the first scheme (Normalized.legacy_keys)."""
    frame = raw.frame.copy(deep=False)
    if mapping is None:
        mapping = guess_table_mapping(frame)
    for field_name, column in mapping.fields.items():
        if column not in frame.columns:
            raise MappingError("mapping.column_missing", file=raw.file, field=field_name, column=column)
    categories = categories or CategoryTable.default()
    lines = np.asarray(raw.line_numbers, dtype=np.int64)
    if detect_kind(mapping.fields, frame) == TableKind.AGGREGATED:
        from stationmap.io.normalize_counts import normalize_counts

        _strip(frame, mapping.fields.values())  # small tables: every mapped column, plainly
        return normalize_counts(raw.file, frame, lines, mapping, categories)
    # Only mapped columns are read, and those read through their distinct values are stripped
    # value by value by their parsers; the text kept as written is stripped by the worker that makes
    # its column; the others here. Unmapped columns are cleaned only if a content hash needs them.
    _strip(frame, (column for field, column in mapping.fields.items()
                   if field not in _READ_BY_DISTINCT | _STRIPPED_ON_WORKERS))
    # Two cores: the ids and keys, the text columns and then the coordinates are made on worker
    # threads while the dates are parsed here. Nearly all of it runs in Arrow kernels and numpy, which
    # release the GIL; each side works on its own shallow copy of the frame.
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="normalize") as pool:
        identity = pool.submit(_identity_columns, frame.copy(deep=False), mapping.fields, legacy_keys)
        texts = pool.submit(_text_columns, frame.copy(deep=False), mapping.fields, categories)
        places = pool.submit(locate_rows, frame.copy(deep=False), mapping.fields, raw.file,
                             utm_zone=mapping.utm_zone, area=area)
        return _normalize_incidents(raw.file, frame, lines, identity, texts, places, mapping)


# Incident fields parsed once per distinct value (dates, times, categories, places) or cast
# whole (coordinates): their parsers strip what they read, so the column is not stripped first,
# which would copy a million strings for nothing.
_READ_BY_DISTINCT = frozenset({"datetime", "date", "time", "date_end", "time_end", "category", "subcategory",
                               "district", "station", "ubigeo", "lat", "lon"})
# Text fields kept as written: stripping a million addresses takes 25 ms, off the main thread.
_STRIPPED_ON_WORKERS = frozenset({"source_id", "address", "description"})


def _strip(frame: pd.DataFrame, columns) -> None:
    for column in dict.fromkeys(columns):
        frame[column] = as_text(frame[column])


def _text_columns(frame: pd.DataFrame, fields: dict[str, str], categories: CategoryTable) -> dict[str, pd.Series]:
    """The incident table's text columns, those of few distinct values as Categoricals
    (see normalize_text.categorical), with the category and its weight."""
    def column(name: str) -> pd.Series:
        return frame[fields[name]] if name in fields else blank_text(frame.index)

    def stripped(name: str) -> pd.Series:
        return as_text(frame[fields[name]]) if name in fields else blank_text(frame.index)

    category_raw, subcategory_raw = as_categorical(column("category")), as_categorical(column("subcategory"))
    category, weight = classify_with_fallback(categories, category_raw, subcategory_raw)
    return {"category": category, "category_raw": category_raw, "subcategory_raw": subcategory_raw,
            "address": stripped("address"), "district": as_categorical(column("district")),
            "ubigeo": pad_ubigeo(column("ubigeo")), "station": as_categorical(column("station")),
            "description": stripped("description"), "weight": weight}


def _identity_columns(frame: pd.DataFrame, fields: dict[str, str], legacy: bool) -> dict[str, pd.Series]:
    """The rows' source ids, stripped ('8325024.0' -> '8325024'), and their keys (source_keys);
    with `legacy`, also their keys in the first scheme ("legacy_key")."""
    id_column = fields.get("source_id")
    if id_column is None:
        identity = {"source_id": blank_text(frame.index)}
    else:
        frame[id_column] = strip_float_zero(as_text(frame[id_column]))   # this worker's own shallow copy
        identity = {"source_id": frame[id_column]}
    identity["source_key"] = source_keys(frame, id_column, key_fields(fields))
    if legacy:
        identity["legacy_key"] = source_keys(frame, id_column, None)
    return identity


# Fields left out of a row's content key: the id has its own key, and free text is what a later
# export edits or adds (notes, a description column) about the same incident.
_NOT_IN_CONTENT_KEY = frozenset({"source_id", "description"})


def key_fields(fields: dict[str, str]) -> dict[str, str]:
    """The mapped fields whose cells make a row's content key (source_keys), by field name."""
    return {name: column for name, column in sorted(fields.items()) if name not in _NOT_IN_CONTENT_KEY}


def _normalize_incidents(file: str, frame: pd.DataFrame, lines: np.ndarray,
                         identity: "Future[dict[str, pd.Series]]", texts: "Future[dict[str, pd.Series]]",
                         places: "Future[Located]", mapping: ColumnMapping) -> Normalized:
    when = combine(frame, mapping.fields, mapping.day_first, file, lines)
    warnings = list(when.warnings)
    kept = when.reject == 0
    located = places.result().with_counts(file, lines, kept)
    warnings += located.warnings
    columns = {
        "start_ts": when.start_ts,
        "end_ts": when.end_ts,
        "time_known": when.time_known,
        "date_precision": categorical(when.precision_codes, PRECISION_LABELS, frame.index),
        "lat": located.lat,
        "lon": located.lon,
        "coord_status": categorical(located.status_codes, STATUS_LABELS, frame.index),
        **identity.result(),
        **(text := texts.result()),
    }
    table = pd.DataFrame({name: columns[name] for name in INCIDENT_COLUMNS}, index=frame.index)
    table["line"] = lines
    legacy = columns.get("legacy_key")
    rejections = _rejections(file, lines, when)
    warnings += _category_warnings(file, text["category_raw"][kept], text["subcategory_raw"][kept],
                                   text["category"][kept])
    count_warning(warnings, file, "rows.ubigeo_invalid", kept & invalid_ubigeo(text["ubigeo"]), lines)
    table = (table if kept.all() else table[kept]).reset_index(drop=True)
    assert list(table.columns[:-1]) == list(INCIDENT_COLUMNS)
    if legacy is not None:
        legacy = (legacy if kept.all() else legacy[kept]).reset_index(drop=True)
    applied = replace(mapping, day_first=when.day_first)
    return Normalized(TableKind.INCIDENTS, table, rejections, warnings, applied, legacy)


def classify_with_fallback(categories: CategoryTable, category_raw: pd.Series,
                           subcategory_raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Classify the main category column; where it says nothing known, try the subcategory."""
    category, weight = categories.classify(category_raw)
    unknown = ((category == UNKNOWN_CATEGORY) & (subcategory_raw != "")).to_numpy()
    if unknown.any():
        second, second_weight = categories.classify(subcategory_raw[unknown])
        if isinstance(category.dtype, pd.CategoricalDtype):
            category = category.cat.add_categories(
                [c for c in pd.unique(second.astype(str)) if c not in category.cat.categories])
        else:
            category = category.copy()
        weight = weight.copy()
        category[unknown] = second.astype(str).to_numpy()
        weight[unknown] = second_weight.to_numpy()
    return category, weight


def _category_warnings(file: str, raw: pd.Series, sub: pd.Series, category: pd.Series) -> list[Warning_]:
    unknown = (category == UNKNOWN_CATEGORY).to_numpy()  # only these rows need the raw text
    raw, sub = raw[unknown].astype(str), sub[unknown].astype(str)
    either = raw.where(raw != "", sub)
    count, values = unknown_values(either, category[unknown])
    if not count:
        return []
    return [Warning_(file, "rows.category_unknown", {"count": count, "values": "; ".join(values)})]


def pad_ubigeo(values: pd.Series) -> pd.Series:
    """'60101' -> '060101', '130102.0' -> '130102'; other text is kept as written."""
    def pad(uniques: pd.Series) -> pd.Series:
        digits = strip_float_zero(uniques)
        return digits.where(~digits.str.fullmatch(r"\d{5}"), digits.str.zfill(6))
    return per_unique(values, pad)


def invalid_ubigeo(ubigeo: pd.Series) -> np.ndarray:
    """Rows whose UBIGEO is written but is not 6 digits."""
    bad = per_unique(ubigeo, lambda u: (u != "") & ~u.str.fullmatch(r"\d{6}").astype(bool))
    return bad.to_numpy(dtype=bool)


def source_keys(frame: pd.DataFrame, id_column: str | None,
                content: dict[str, str] | None = None) -> pd.Series:
    """'id:<source id>#<k>', or for a row without an id a content key, k counting repeats within the file.

    Victims sharing a case id stay distinct (#1, #2 ...), and the same rows of
    a later, overlapping export get the same keys. The content key is
    'c:<sha1 of field=cell pairs>' over the `content` fields (key_fields: by field
    name, so neither the columns' order nor an added column changes it); with
    `content` None it is the first scheme, 'h:<sha1 of every raw cell in column
    order>', which projects imported before 'c:' keys still hold. Cells are joined
    with the unit separator (U+001F) before hashing. Built with pyarrow kernels:
    only the sha1 itself runs once per row in Python.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    n = len(frame)
    if id_column is not None:
        ids = _arrow_text(strip_float_zero(frame[id_column]))
        missing = ~np.asarray(pc.not_equal(ids, ""), dtype=bool)
        base = _with_affixes(ids, prefix="id:")
    else:
        missing = np.ones(n, dtype=bool)
        base = pa.array(np.full(n, ""), type=pa.large_string())
    if missing.any():
        rows = frame[missing]
        hashes = _row_hashes(rows) if content is None else _content_hashes(rows, content)
        base = pc.replace_with_mask(base, pa.array(missing), hashes)
    if strictly_ordered(base):  # every key once, each its own first occurrence
        keys = _with_affixes(base, suffix="#1")
    else:
        keys = pc.binary_join_element_wise(base, pc.cast(pa.array(occurrences(base)), pa.large_string()),
                                           pa.scalar("#", pa.large_string()))
    return pd.Series(pd.arrays.ArrowStringArray(keys), index=frame.index)


# Beyond the end of any cell: a slice starting here is empty and sits at the cell's end.
_PAST_THE_END = 1 << 40


def _with_affixes(text, *, prefix: str = "", suffix: str = ""):
    """`prefix + cell + suffix` for every cell of a pyarrow text array.

    Inserting an empty slice at 0 or past the end with `binary_replace_slice` is a quarter of the
    time of `binary_join_element_wise` with scalars (23 against 95 ms for a million ids), and works on
    bytes only at the cells' edges, so no UTF-8 character is split.
    """
    import pyarrow.compute as pc

    if prefix:
        text = pc.binary_replace_slice(text, 0, 0, prefix)
    if suffix:
        text = pc.binary_replace_slice(text, _PAST_THE_END, _PAST_THE_END, suffix)
    return text


def strictly_ordered(keys) -> bool:
    """Whether the keys (a pyarrow string array) strictly ascend or descend, so that none repeats.

    A register exported in the order of its case numbers is; one comparison of neighbours shows it
    (a few milliseconds for a million rows), where finding repeats by hashing takes 0.2-0.3 s.
    """
    import pyarrow.compute as pc

    if len(keys) < 2:
        return True
    before, after = keys.slice(0, len(keys) - 1), keys.slice(1)
    return bool(pc.all(pc.less(before, after)).as_py() or pc.all(pc.greater(before, after)).as_py())


def _arrow_text(values: pd.Series):
    """A text column as one contiguous pyarrow array (`large_string`, as pandas holds it: no copy)."""
    return arrow_text(values.astype(str), contiguous=True)


def _row_hashes(frame: pd.DataFrame):
    """'h:' + sha1 hex of each row's cells in column order (the first scheme)."""
    return _hashes([_arrow_text(as_text(frame[c])) for c in frame.columns], "h:")


def _content_hashes(frame: pd.DataFrame, content: dict[str, str]):
    """'c:' + sha1 hex of each row's 'field=cell' pairs, fields in name order.

    A file with none of the key fields mapped falls back on every column, by column name, so that
    at least the columns' order does not matter.
    """
    pairs = content or {column: column for column in sorted(frame.columns)}
    return _hashes([_with_affixes(_arrow_text(as_text(frame[column])), prefix=f"{name}=")
                    for name, column in pairs.items()], "c:")


def _hashes(cells: list, prefix: str):
    """prefix + sha1 hex of each row's `cells` joined, as a pyarrow large_string array; hex made with numpy."""
    import pyarrow as pa
    import pyarrow.compute as pc

    assert len(prefix) == 2
    joined = (pc.binary_join_element_wise(*cells, pa.scalar("\x1f", pa.large_string())) if len(cells) > 1
              else cells[0])
    sha1 = hashlib.sha1
    digests = b"".join([sha1(row).digest() for row in joined.cast(pa.large_binary()).to_pylist()])
    nibbles = np.frombuffer(digests, dtype=np.uint8).reshape(-1, 20)
    hex_digits = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
    text = np.empty((len(nibbles), 42), dtype=np.uint8)
    text[:, 0], text[:, 1] = ord(prefix[0]), ord(prefix[1])
    text[:, 2::2] = hex_digits[nibbles >> 4]
    text[:, 3::2] = hex_digits[nibbles & 15]
    fixed = pa.FixedSizeBinaryArray.from_buffers(pa.binary(42), len(text), [None, pa.py_buffer(text.tobytes())])
    return fixed.cast(pa.large_binary()).cast(pa.large_string())


def occurrences(keys) -> np.ndarray:
    """1 for the first row with a key, 2 for its second, and so on (in file order); keys: a pyarrow array."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(keys)
    if len(encoded.dictionary) == len(keys):  # every key once, nothing to rank
        return np.ones(len(keys), dtype=np.int64)
    codes = np.asarray(encoded.indices, dtype=np.int64)
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    group_start = np.r_[0, np.flatnonzero(np.diff(sorted_codes)) + 1]
    run_lengths = np.diff(np.r_[group_start, len(codes)])
    rank = np.arange(len(codes)) - np.repeat(group_start, run_lengths)
    out = np.empty(len(codes), dtype=np.int64)
    out[order] = rank + 1
    return out


def _rejections(file: str, lines: np.ndarray, when: When) -> list[Rejection]:
    out: list[Rejection] = []
    for position in np.flatnonzero(when.reject):
        line = int(lines[position])
        code = REJECT_CODES[when.reject[position] - 1]
        if when.reject_on_end[position]:
            time_text = when.time_raw.iat[position] if when.time_raw is not None else ""
            data = {"row": line, "value": str(when.end_raw.iat[position]).strip(), "column": when.end_column,
                    "start": f"{str(when.date_raw.iat[position]).strip()} {str(time_text).strip()}".strip()}
        else:
            data = {"row": line, "value": str(when.date_raw.iat[position]).strip(), "column": when.date_column}
        out.append(Rejection(file, line, code, data))
    return out
