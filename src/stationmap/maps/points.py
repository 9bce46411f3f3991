"""Incident tables -> the compact column arrays the map page draws, and filter masks as bits.

A point is a few numbers in parallel arrays (no GeoJSON object per point) and text columns are
dictionary-encoded, so 100,000 incidents travel as a few megabytes and parse in one JSON.parse.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from stationmap.core.model import UNKNOWN_CATEGORY
from stationmap.maps.payload import IncidentPayload

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

# Qualitative colours that stay apart on a light basemap (ColorBrewer Set1/Dark2, minus greys).
PALETTE: tuple[str, ...] = (
    "#e41a1c", "#377eb8", "#984ea3", "#ff7f00", "#4daf4a", "#a65628", "#f781bf",
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
)
UNKNOWN_COLOUR = "#8c8c8c"


def category_colours(categories: list[str]) -> list[str]:
    """Colour per category, in the given order; the unknown category is always grey."""
    colours, k = [], 0
    for name in categories:
        if name == UNKNOWN_CATEGORY:
            colours.append(UNKNOWN_COLOUR)
        else:
            colours.append(PALETTE[k % len(PALETTE)])
            k += 1
    return colours


@dataclass(frozen=True)
class TextColumn:
    """A text column factorised: `codes` (one per row) index `names`, which holds no name twice."""

    codes: np.ndarray
    names: list[str]


def _address_codes(text: TextColumn, rows: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Codes into the sorted addresses of `rows`."""
    present = np.unique(text.codes[rows])
    return _recoded(text, rows, present[sorted(range(len(present)), key=lambda k: text.names[present[k]])])


def _category_codes(text: TextColumn, rows: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Codes into the categories of `rows`, commonest first (ties: the one met first)."""
    present, first, counts = np.unique(text.codes[rows], return_index=True, return_counts=True)
    return _recoded(text, rows, present[np.lexsort((first, -counts))])


def _recoded(text: TextColumn, rows: np.ndarray, ordered: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """The codes of `rows` renumbered 0, 1, ... in the order of `ordered` (the codes present), with
    their names in that order."""
    lookup = np.zeros(len(text.names), dtype=np.int64)
    lookup[ordered] = np.arange(len(ordered))
    return lookup[text.codes[rows]], [text.names[code] for code in ordered]


# "tk", what is known of an incident's moment: its time of day, only its date, or only its month.
TK_DATE, TK_TIME, TK_MONTH = 0, 1, 2


def moment_known(time_known: np.ndarray, month_only: np.ndarray) -> np.ndarray:
    """The payload's "tk" column (TK_*): the popup shows '06/2017' for a date known only to its month."""
    return np.where(month_only, TK_MONTH, np.where(time_known > 0, TK_TIME, TK_DATE)).astype(np.uint8)


def payload_from_columns(ids: np.ndarray, start_ts: np.ndarray, end_ts: np.ndarray, lat: np.ndarray,
                         lon: np.ndarray, time_known: np.ndarray, category: TextColumn,
                         address: TextColumn) -> IncidentPayload:
    """Every incident with usable coordinates, as column arrays (numbers as float64, NaN when missing;
    a category or address missing is already UNKNOWN_CATEGORY or "" in its TextColumn; `time_known`
    as moment_known makes it).

    Categories are ordered by frequency (the legend lists the commonest first), so the colours of the
    main categories do not move when a rare category appears.
    """
    located = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    rows = np.flatnonzero(located)
    cat, categories = _category_codes(category, rows)
    addr, addresses = _address_codes(address, rows)
    columns = {
        "id": ids[rows].astype("float64"),
        "ts": start_ts[rows],
        "end": end_ts[rows],
        "lat_e6": np.rint(lat[rows] * 1e6).astype(np.int32),
        "lon_e6": np.rint(lon[rows] * 1e6).astype(np.int32),
        "addr": addr.astype(np.int32),
        "cat": cat.astype(np.uint16),
        "tk": time_known[rows].astype(np.uint8),
    }
    meta = {"categories": categories, "colors": category_colours(categories), "addresses": addresses}
    return IncidentPayload(columns=columns, meta=meta, rows=rows)


def _factorized(values: "pd.Series", missing: str) -> TextColumn:
    import pandas as pd

    codes, names = pd.factorize(values.fillna(missing).astype(str))
    return TextColumn(np.asarray(codes, dtype=np.int64), [str(name) for name in names])


def incident_payload(incidents: "pd.DataFrame") -> IncidentPayload:
    """The payload of an incident table ("id" + INCIDENT_COLUMNS), see payload_from_columns."""
    def number(name: str) -> np.ndarray:
        return incidents[name].to_numpy(dtype="float64", na_value=np.nan)

    from stationmap.analysis.temporal import month_only_dates

    return payload_from_columns(
        incidents["id"].to_numpy(dtype="float64"), number("start_ts"), number("end_ts"), number("lat"),
        number("lon"), moment_known(incidents["time_known"].fillna(0).to_numpy(dtype="uint8"), month_only_dates(incidents)),
        _factorized(incidents["category"], UNKNOWN_CATEGORY), _factorized(incidents["address"], ""))


def _numpy(array: "pa.Array", dtype: str, missing: float) -> np.ndarray:
    """A fixed-width Arrow array as numpy (`missing` where null), read from its buffers: pyarrow's own
    conversions import pandas whenever nulls are involved (and so does converting any Python value)."""
    validity, data = array.buffers()[:2]
    start, stop = array.offset, array.offset + len(array)
    values = np.frombuffer(data, dtype=dtype, count=stop)[start:].astype(np.float64)
    if array.null_count:
        valid = np.unpackbits(np.frombuffer(validity, dtype=np.uint8), count=stop, bitorder="little")[start:]
        values[valid == 0] = missing
    return values


# The columns incident_payload_from_arrow needs, with the Arrow type each is read as
# (store.incident_chunks.read_columns reads them straight from the project, without pandas).
ARROW_COLUMNS: dict[str, str] = {
    "lat": "float64", "lon": "float64", "start_ts": "float64", "end_ts": "float64",
    "time_known": "float64", "category": "large_string", "address": "large_string",
    "date_precision": "large_string",
}


def incident_payload_from_arrow(ids: np.ndarray, table: "pa.Table") -> IncidentPayload:
    """The same payload from the ids and an Arrow table of ARROW_COLUMNS, without pandas."""
    import pyarrow.compute as pc

    def number(name: str) -> np.ndarray:
        return _numpy(table.column(name).combine_chunks(), "float64", np.nan)

    def text(name: str, missing: str) -> TextColumn:
        encoded = pc.dictionary_encode(table.column(name).combine_chunks())
        names = [str(value) for value in encoded.dictionary.to_pylist()]
        if encoded.indices.null_count and missing not in names:
            names.append(missing)
        codes = _numpy(encoded.indices, "int32", names.index(missing) if missing in names else 0)
        return TextColumn(codes.astype(np.int64), names)

    time_known = np.nan_to_num(number("time_known"), nan=0.0).astype(np.uint8)
    precision = text("date_precision", "")
    month_only = np.asarray([name == "month" for name in precision.names], dtype=bool)[precision.codes]
    return payload_from_columns(
        ids.astype("float64"), number("start_ts"), number("end_ts"), number("lat"), number("lon"),
        moment_known(time_known, month_only), text("category", UNKNOWN_CATEGORY), text("address", ""))


def same_payload(a: IncidentPayload, b: IncidentPayload) -> bool:
    """True when both draw exactly the same (the same rows, columns and dictionaries)."""
    return (a.meta == b.meta and np.array_equal(a.rows, b.rows) and a.columns.keys() == b.columns.keys()
            and all(np.array_equal(a.columns[name], b.columns[name], equal_nan=a.columns[name].dtype.kind == "f")
                    for name in a.columns))


def mask_bits(mask: np.ndarray) -> str | None:
    """A boolean mask as base64 of numpy.packbits (big-endian bits), or None when every row passes."""
    mask = np.asarray(mask, dtype=bool)
    if mask.all():
        return None
    return base64.b64encode(np.packbits(mask).tobytes()).decode("ascii")
