"""Incident tables -> the compact column arrays the map page draws, and filter masks as bits.

A point is a few numbers in parallel arrays (no GeoJSON object per point) and text columns are
dictionary-encoded, so 100,000 incidents travel as a few megabytes and parse in one JSON.parse.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from stationmap.core.model import UNKNOWN_CATEGORY

if TYPE_CHECKING:
    import pandas as pd

# Qualitative colours that stay apart on a light basemap (ColorBrewer Set1/Dark2, minus greys).
PALETTE: tuple[str, ...] = (
    "#e41a1c", "#377eb8", "#984ea3", "#ff7f00", "#4daf4a", "#a65628", "#f781bf",
    "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
)
UNKNOWN_COLOUR = "#8c8c8c"


# Numeric columns and their binary types: the embedded view reads them as typed arrays straight
# from the bytes (no JSON parse); exports carry the same columns as JSON arrays.
COLUMN_TYPES: dict[str, str] = {
    "id": "float64",      # exact for ids below 2**53; JavaScript numbers are doubles anyway
    "ts": "float64",      # local seconds, NaN when the date is unknown
    "end": "float64",
    "lat_e6": "int32",    # micro-degrees (~0.1 m)
    "lon_e6": "int32",
    "addr": "int32",      # index into `addresses`
    "cat": "uint16",      # index into `categories`
    "tk": "uint8",        # 1 when the time of day is known
}


@dataclass(frozen=True)
class IncidentPayload:
    """The page's data and, for every payload row, the row of the source table it came from."""

    columns: dict[str, np.ndarray]
    meta: dict[str, Any]      # categories, colors, addresses (dictionary-encoded text)
    rows: np.ndarray          # positions in the incident table, so a filter mask can be cut to it

    @property
    def count(self) -> int:
        return len(self.rows)

    @property
    def data(self) -> dict[str, Any]:
        """Everything as JSON-able lists (exports, where the page reads an inline JSON block)."""
        out: dict[str, Any] = dict(self.meta)
        for name, values in self.columns.items():
            if values.dtype.kind == "f" and name != "id":
                items = values.tolist()
                out[name] = [None if v != v else int(v) for v in items]  # NaN -> null
            else:
                out[name] = values.astype(np.int64).tolist()
        return out

    def binary(self) -> tuple[dict[str, Any], bytes]:
        """(layout + meta as JSON-able dict, column bytes): widest types first, so every view is aligned."""
        layout, chunks, offset = [], [], 0
        for name, values in self.columns.items():
            raw = np.ascontiguousarray(values, dtype=COLUMN_TYPES[name]).tobytes()
            layout.append({"name": name, "type": COLUMN_TYPES[name], "offset": offset, "length": len(values)})
            chunks.append(raw)
            offset += len(raw)
        return dict(self.meta, n=self.count, layout=layout), b"".join(chunks)


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


def _codes(values: "pd.Series", order: list[str] | None = None) -> tuple[np.ndarray, list[str]]:
    import pandas as pd

    text = values.fillna("").astype(str)
    categories = order if order is not None else sorted(set(text))
    codes = pd.Categorical(text, categories=categories).codes
    return codes.astype(np.int64), categories


def incident_payload(incidents: "pd.DataFrame") -> IncidentPayload:
    """Every incident with usable coordinates, as column arrays.

    Categories are ordered by frequency (the legend lists the commonest first), so the colours of the
    main categories do not move when a rare category appears.
    """
    lat = incidents["lat"].to_numpy(dtype="float64", na_value=np.nan)
    lon = incidents["lon"].to_numpy(dtype="float64", na_value=np.nan)
    located = np.isfinite(lat) & np.isfinite(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    rows = np.flatnonzero(located)
    frame = incidents.iloc[rows]
    category_text = frame["category"].fillna(UNKNOWN_CATEGORY).astype(str)
    order = category_text.value_counts(sort=True).index.tolist()
    cat, categories = _codes(category_text, order)
    addr, addresses = _codes(frame["address"])
    columns = {
        "id": frame["id"].to_numpy(dtype="float64"),
        "ts": frame["start_ts"].to_numpy(dtype="float64", na_value=np.nan),
        "end": frame["end_ts"].to_numpy(dtype="float64", na_value=np.nan),
        "lat_e6": np.rint(lat[rows] * 1e6).astype(np.int32),
        "lon_e6": np.rint(lon[rows] * 1e6).astype(np.int32),
        "addr": addr.astype(np.int32),
        "cat": cat.astype(np.uint16),
        "tk": frame["time_known"].fillna(0).to_numpy(dtype="uint8"),
    }
    meta = {"categories": categories, "colors": category_colours(categories), "addresses": addresses}
    return IncidentPayload(columns=columns, meta=meta, rows=rows)


def mask_bits(mask: np.ndarray) -> str | None:
    """A boolean mask as base64 of numpy.packbits (big-endian bits), or None when every row passes."""
    mask = np.asarray(mask, dtype=bool)
    if mask.all():
        return None
    return base64.b64encode(np.packbits(mask).tobytes()).decode("ascii")
