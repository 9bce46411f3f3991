"""A raw table -> the canonical incident (or count) table, every row accounted for.

`normalize` is vectorised from end to end: parsers run on distinct values, rows
are combined with numpy, and only rejected rows become Python objects. The
invariant is ``len(table) + len(rejections) == len(raw.frame)``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from stationmap.core.errors import MappingError
from stationmap.core.model import INCIDENT_COLUMNS, UNKNOWN_CATEGORY, Rejection, TableKind, Warning_
from stationmap.io.categories import CategoryTable, unknown_values
from stationmap.io.coords import locate
from stationmap.io.kinds import detect_kind
from stationmap.io.mapping import ColumnMapping, guess_mapping
from stationmap.io.normalize_text import as_text, count_warning, strip_float_zero
from stationmap.io.normalize_when import REJECT_CODES, combine

if TYPE_CHECKING:
    from stationmap.io.readers import RawTable

GUESS_SAMPLE_ROWS = 1000


@dataclass
class Normalized:
    kind: TableKind
    table: pd.DataFrame          # INCIDENT_COLUMNS or COUNT_COLUMNS, plus "line" (file row number)
    rejections: list[Rejection]
    warnings: list[Warning_]
    mapping: ColumnMapping       # as applied, with day_first decided


def normalize(raw: "RawTable", mapping: ColumnMapping | None = None, *,
              categories: CategoryTable | None = None, area=None) -> Normalized:
    frame = raw.frame.copy(deep=False)
    for column in frame.columns:
        frame[column] = as_text(frame[column])
    if mapping is None:
        mapping = guess_mapping(list(frame.columns), frame.head(GUESS_SAMPLE_ROWS))
    for field_name, column in mapping.fields.items():
        if column not in frame.columns:
            raise MappingError("mapping.column_missing", file=raw.file, field=field_name, column=column)
    categories = categories or CategoryTable.default()
    lines = np.asarray(raw.line_numbers, dtype=np.int64)
    keys = source_keys(frame, mapping.fields.get("source_id"))
    if detect_kind(mapping.fields, frame) == TableKind.AGGREGATED:
        from stationmap.io.normalize_counts import normalize_counts

        return normalize_counts(raw.file, frame, lines, keys, mapping, categories)
    return _normalize_incidents(raw.file, frame, lines, keys, mapping, categories, area)


def _normalize_incidents(file: str, frame: pd.DataFrame, lines: np.ndarray, keys: pd.Series,
                         mapping: ColumnMapping, categories: CategoryTable, area) -> Normalized:
    fields = mapping.fields
    when = combine(frame, fields, mapping.day_first, file, lines)
    warnings = list(when.warnings)
    located = locate(frame, fields, lines, file, utm_zone=mapping.utm_zone, area=area)
    warnings += located.warnings

    def column(name: str) -> pd.Series:
        return frame[fields[name]] if name in fields else pd.Series("", index=frame.index, dtype=object)

    category_raw, subcategory_raw = column("category"), column("subcategory")
    category, weight = classify_with_fallback(categories, category_raw, subcategory_raw)
    ubigeo = pad_ubigeo(column("ubigeo"))
    table = pd.DataFrame({
        "source_key": keys,
        "source_id": strip_float_zero(column("source_id")),
        "start_ts": when.start_ts,
        "end_ts": when.end_ts,
        "time_known": when.time_known,
        "date_precision": when.precision,
        "category": category,
        "category_raw": category_raw,
        "subcategory_raw": subcategory_raw,
        "lat": located.lat,
        "lon": located.lon,
        "coord_status": located.status,
        "address": column("address"),
        "district": column("district"),
        "ubigeo": ubigeo,
        "station": column("station"),
        "description": column("description"),
        "weight": weight,
        "line": lines,
    }, index=frame.index)
    kept = when.reject == 0
    rejections = _rejections(file, lines, when.reject, when.reject_value, when.reject_column, when.start_text)
    warnings += _category_warnings(file, category_raw[kept], subcategory_raw[kept], category[kept])
    count_warning(warnings, file, "rows.ubigeo_invalid",
                  kept & (ubigeo != "").to_numpy() & ~ubigeo.str.fullmatch(r"\d{6}").to_numpy(), lines)
    table = table[kept].reset_index(drop=True)
    assert list(table.columns[:-1]) == list(INCIDENT_COLUMNS)
    applied = replace(mapping, day_first=when.day_first)
    return Normalized(TableKind.INCIDENTS, table, rejections, warnings, applied)


def classify_with_fallback(categories: CategoryTable, category_raw: pd.Series,
                           subcategory_raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Classify the main category column; where it says nothing known, try the subcategory."""
    category, weight = categories.classify(category_raw)
    unknown = (category == UNKNOWN_CATEGORY) & (subcategory_raw != "")
    if unknown.any():
        second, second_weight = categories.classify(subcategory_raw[unknown])
        category = category.copy()
        weight = weight.copy()
        category[unknown] = second
        weight[unknown] = second_weight
    return category, weight


def _category_warnings(file: str, raw: pd.Series, sub: pd.Series, category: pd.Series) -> list[Warning_]:
    either = raw.where(raw != "", sub)
    count, values = unknown_values(either, category)
    if not count:
        return []
    return [Warning_(file, "rows.category_unknown", {"count": count, "values": "; ".join(values)})]


def pad_ubigeo(values: pd.Series) -> pd.Series:
    """'60101' -> '060101', '130102.0' -> '130102'; other text is kept as written."""
    digits = strip_float_zero(values.str.strip())
    short = digits.str.fullmatch(r"\d{5}")
    return digits.where(~short, digits.str.zfill(6))


def source_keys(frame: pd.DataFrame, id_column: str | None) -> pd.Series:
    """'id:<source id>#<k>' or 'h:<sha1 of the raw cells>#<k>', k counting repeats within the file.

    Victims sharing a case id stay distinct (#1, #2 ...), and the same rows of
    a later, overlapping export get the same keys.
    """
    n = len(frame)
    base = pd.Series("", index=frame.index, dtype=object)
    has_id = np.zeros(n, dtype=bool)
    if id_column is not None:
        ids = strip_float_zero(frame[id_column])
        has_id = (ids != "").to_numpy()
        base[has_id] = "id:" + ids[has_id]
    if not has_id.all():
        rest = frame[~has_id]
        joined = rest.iloc[:, 0].str.cat([rest[c] for c in rest.columns[1:]], sep="\x1f") \
            if len(rest.columns) > 1 else rest.iloc[:, 0]
        base[~has_id] = ["h:" + hashlib.sha1(text.encode("utf-8")).hexdigest() for text in joined]
    occurrence = base.groupby(base, sort=False).cumcount() + 1
    return base + "#" + occurrence.astype(str)


def _rejections(file: str, lines: np.ndarray, reject: np.ndarray, values: pd.Series, columns: pd.Series,
                start_text: pd.Series) -> list[Rejection]:
    where = np.flatnonzero(reject)
    out: list[Rejection] = []
    for position in where:
        line = int(lines[position])
        data = {"row": line, "value": values.iat[position], "column": columns.iat[position]}
        code = REJECT_CODES[reject[position] - 1]
        if code == "rows.window_reversed":
            data["start"] = start_text.iat[position]
        out.append(Rejection(file, line, code, data))
    return out
