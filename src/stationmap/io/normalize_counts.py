"""Aggregated tables (counts per district and month, as SIDPOL publishes them) -> COUNT_COLUMNS.

Counts are weights on district polygons, never fake points: each row keeps its
year, month, padded UBIGEO and place names.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from stationmap.core.model import COUNT_COLUMNS, Rejection, TableKind, Warning_
from stationmap.io import datetimes as dt
from stationmap.io.categories import CategoryTable, unknown_values
from stationmap.io.mapping import ColumnMapping
from stationmap.io.normalize_text import blank_text, count_warning


def normalize_counts(file: str, frame: pd.DataFrame, lines: np.ndarray,
                     mapping: ColumnMapping, categories: CategoryTable):
    from stationmap.io.normalize import Normalized, invalid_ubigeo, pad_ubigeo
    from stationmap.io.normalize_when import parse_start_dates

    fields = mapping.fields
    warnings: list[Warning_] = []

    def column(name: str) -> pd.Series:
        return frame[fields[name]] if name in fields else blank_text(frame.index)

    dates, date_raw, date_column = parse_start_dates(frame, fields, mapping.day_first, file)
    days = np.floor_divide(dates.ts, dt.DAY).astype("datetime64[D]")
    year = days.astype("datetime64[Y]").astype(np.int64) + 1970
    month = days.astype("datetime64[M]").astype(np.int64) % 12 + 1

    count_text = column("count")
    counts = pd.to_numeric(count_text.str.replace(r"\.0+$", "", regex=True), errors="coerce")
    count_ok = (counts.notna() & (counts >= 0) & (counts % 1 == 0)).to_numpy()

    # Aggregated tables are small: plain text throughout, no Categoricals.
    ubigeo = pad_ubigeo(column("ubigeo")).astype("str")
    district = column("district")
    has_place = ((ubigeo != "") | (district != "")).to_numpy()

    category_raw = column("category")
    category = categories.classify(category_raw)[0].astype("str")

    checks = (
        (dates.status == dt.EMPTY, "rows.date_missing", date_column, date_raw),
        (dates.status == dt.UNREADABLE, "rows.date_unreadable", date_column, date_raw),
        (dates.status == dt.IMPOSSIBLE, "rows.date_impossible", date_column, date_raw),
        (dates.ts < dt.earliest_allowed_ts(), "rows.date_too_old", date_column, date_raw),
        (dates.ts > dt.latest_allowed_ts(), "rows.date_in_future", date_column, date_raw),
        (~count_ok, "rows.count_invalid", fields.get("count", ""), count_text),
        (~has_place, "rows.place_missing", "", count_text),
    )
    rejected = np.zeros(len(frame), dtype=bool)
    rejections: list[Rejection] = []
    for mask, code, column_name, values in checks:
        fresh = np.asarray(mask) & ~rejected
        rejected |= fresh
        for position in np.flatnonzero(fresh):
            line = int(lines[position])
            rejections.append(Rejection(file, line, code, {
                "row": line, "value": values.iat[position], "column": column_name}))
    rejections.sort(key=lambda r: r.row)

    kept = ~rejected
    table = pd.DataFrame({
        "source_key": _cell_keys(year, month, ubigeo, district, category_raw),
        "year": year,
        "month": month,
        "ubigeo": ubigeo,
        "department": column("department"),
        "province": column("province"),
        "district": district,
        "category": category,
        "category_raw": category_raw,
        "count": counts.fillna(0).astype(np.int64),
        "line": lines,
    }, index=frame.index)[kept].reset_index(drop=True)
    assert list(table.columns[:-1]) == list(COUNT_COLUMNS)

    count_warning(warnings, file, "rows.ubigeo_invalid", kept & invalid_ubigeo(ubigeo), lines)
    unknown, values = unknown_values(category_raw[kept], category[kept])
    if unknown:
        warnings.append(Warning_(file, "rows.category_unknown", {"count": unknown, "values": "; ".join(values)}))
    return Normalized(TableKind.AGGREGATED, table, rejections, warnings, replace(mapping))


def _cell_keys(year: np.ndarray, month: np.ndarray, ubigeo: pd.Series, district: pd.Series,
               category_raw: pd.Series) -> pd.Series:
    """One key per published cell (month x district x modalidad), not per row's content.

    A later export that revises a month's count then matches the earlier row, and the
    import updates the count instead of adding a second one (which would double it).
    A cell repeated within one file keeps its rows apart by occurrence number.
    """
    from stationmap.io.normalize_text import fold, per_unique

    def folded(values: pd.Series) -> pd.Series:
        return per_unique(values, lambda uniques: pd.Series([fold(v) for v in uniques], dtype=object))

    place = ubigeo.where(ubigeo != "", "d:" + folded(district).astype(str))
    cell = (pd.Series(year).astype(str).str.zfill(4).to_numpy() + "-"
            + pd.Series(month).astype(str).str.zfill(2).to_numpy() + ":"
            + place.astype(str).to_numpy() + ":" + folded(category_raw).astype(str).to_numpy())
    cell = pd.Series(cell, index=ubigeo.index)
    occurrence = cell.groupby(cell, sort=False).cumcount() + 1
    return "c:" + cell + "#" + occurrence.astype(str)

