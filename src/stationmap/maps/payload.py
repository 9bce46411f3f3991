"""The map page's incident data (IncidentPayload) and its byte form, the map cache's (store.map_cache).

A payload read back from its bytes is served to the page as those bytes; numpy decodes its columns
only when something asks for them (a filter mask, a comparison with the table's payload). At
start-up the map's incidents come from that cache, and importing numpy then would cost the worker
about 0.1 s of CPU while the page loads on the other core.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

# Bumped whenever the payload made from the same incidents changes (store.map_cache keys on it).
PAYLOAD_FORMAT = "payload-2"   # 2: "tk" may say a date is known only to its month (maps.points.TK_MONTH)

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
    "tk": "uint8",        # what is known of the moment: maps.points.TK_DATE, TK_TIME or TK_MONTH
}
_ITEM_BYTES = {"float64": 8, "int32": 4, "uint16": 2, "uint8": 1}
_ROW_BYTES = 8   # the rows are little-endian int64


class IncidentPayload:
    """The page's data and, for every payload row, the row of the source table it came from.

    `columns` (name -> numpy array, types as COLUMN_TYPES), `meta` (categories, colors, addresses:
    dictionary-encoded text) and `rows` (positions in the incident table, so a filter mask can be
    cut to it).
    """

    def __init__(self, columns: dict[str, np.ndarray], meta: dict[str, Any], rows: np.ndarray) -> None:
        self._columns: dict[str, np.ndarray] | None = columns
        self._rows: np.ndarray | None = rows
        self.meta = meta
        self._count = len(rows)
        self._packed: tuple[list[dict[str, Any]], bytes, bytes] | None = None   # layout, columns, rows

    @classmethod
    def _from_packed(cls, meta: dict[str, Any], count: int, layout: list[dict[str, Any]],
                     columns: bytes, rows: bytes) -> IncidentPayload:
        payload = cls.__new__(cls)
        payload._columns, payload._rows, payload.meta, payload._count = None, None, meta, count
        payload._packed = (layout, columns, rows)
        return payload

    @property
    def count(self) -> int:
        return self._count

    @property
    def columns(self) -> dict[str, np.ndarray]:
        if self._columns is None:
            self._unpack()
        return self._columns

    @property
    def rows(self) -> np.ndarray:
        if self._rows is None:
            self._unpack()
        return self._rows

    def _unpack(self) -> None:
        import numpy as np

        layout, columns, rows = self._packed
        self._columns = {entry["name"]: np.frombuffer(columns, dtype=np.dtype(entry["type"]).newbyteorder("<"),
                                                      count=entry["length"], offset=entry["offset"])
                         for entry in layout}
        self._rows = np.frombuffer(rows, dtype="<i8")

    @property
    def data(self) -> dict[str, Any]:
        """Everything as JSON-able lists (exports, where the page reads an inline JSON block)."""
        import numpy as np

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
        if self._packed is not None:
            layout, columns, _rows = self._packed
            return dict(self.meta, n=self.count, layout=layout), columns
        import numpy as np

        layout, chunks, offset = [], [], 0
        for name, values in self.columns.items():
            raw = np.ascontiguousarray(values, dtype=COLUMN_TYPES[name]).tobytes()
            layout.append({"name": name, "type": COLUMN_TYPES[name], "offset": offset, "length": len(values)})
            chunks.append(raw)
            offset += len(raw)
        return dict(self.meta, n=self.count, layout=layout), b"".join(chunks)

    def _row_bytes(self) -> bytes:
        if self._packed is not None:
            return self._packed[2]
        import numpy as np

        return np.ascontiguousarray(self.rows, dtype="<i8").tobytes()


def payload_to_bytes(payload: IncidentPayload) -> bytes:
    """The payload as one byte string (store.map_cache): layout and meta as JSON, the column bytes, the rows."""
    meta, columns = payload.binary()
    head = json.dumps(dict(meta, columns_bytes=len(columns)), ensure_ascii=False, separators=(",", ":")).encode()
    return len(head).to_bytes(8, "little") + head + columns + payload._row_bytes()


def payload_from_bytes(data: bytes) -> IncidentPayload:
    """The payload `payload_to_bytes` made, checked but not decoded; ValueError when `data` is not one."""
    try:
        size = int.from_bytes(data[:8], "little")
        meta = json.loads(data[8:8 + size])
        start = 8 + size
        columns_end = start + int(meta.pop("columns_bytes"))
        count = int(meta.pop("n"))
        layout = meta.pop("layout")
        for entry in layout:
            if (entry["type"] != COLUMN_TYPES[entry["name"]] or entry["length"] != count
                    or entry["offset"] < 0
                    or entry["offset"] + count * _ITEM_BYTES[entry["type"]] > columns_end - start):
                raise ValueError(f"column {entry['name']!r} does not fit its layout")
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise ValueError(f"not a cached payload: {error}") from error
    if len(data) - columns_end != count * _ROW_BYTES:
        raise ValueError("not a cached payload: lengths differ")
    return IncidentPayload._from_packed(meta, count, layout, data[start:columns_end], data[columns_end:])
