"""A few incident columns read straight from the project's Arrow chunks, without pandas.

The window's first map needs coordinates, times, category and address only. Read here with pyarrow
(only the asked columns are decompressed) they reach the map before pandas is even imported, which
alone takes about 0.4 s at start-up; the whole table (store.incident_chunks.read_all) follows.
Same rows, order and ids as read_all: chunks in `first_id` order, ids `first_id .. first_id + rows - 1`.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pyarrow as pa

# The columns maps.points draws, with the type each is read as.
MAP_COLUMNS: dict[str, str] = {
    "lat": "float64", "lon": "float64", "start_ts": "float64", "end_ts": "float64",
    "time_known": "float64", "category": "large_string", "address": "large_string",
}


def read_columns(db: sqlite3.Connection,
                 columns: dict[str, str] | None = None) -> "tuple[np.ndarray, pa.Table]":
    """The ids and `columns` (name -> Arrow type name; MAP_COLUMNS by default) of every incident, in id order.

    Text stored dictionary-encoded comes back plain, numbers as the asked type (nulls stay null). The
    ids are a numpy array: pyarrow imports pandas when it is handed a numpy array, if it can.
    """
    import pyarrow as pa
    import pyarrow.feather as feather

    columns = MAP_COLUMNS if columns is None else columns
    schema = pa.schema([pa.field(name, pa.type_for_alias(kind)) for name, kind in columns.items()])
    tables, ids = [], []
    for first_id, rows, blob in db.execute("SELECT first_id, rows, data FROM incident_chunks ORDER BY first_id"):
        chunk = feather.read_table(pa.BufferReader(blob), columns=list(columns), memory_map=False)
        tables.append(pa.Table.from_arrays([chunk.column(field.name).cast(field.type) for field in schema],
                                           schema=schema))
        ids.append(np.arange(first_id, first_id + rows, dtype=np.int64))
    return (np.concatenate(ids) if ids else np.zeros(0, np.int64),
            pa.concat_tables(tables) if tables else schema.empty_table())
