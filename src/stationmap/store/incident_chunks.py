"""Incidents stored column-wise: Arrow IPC chunks (Feather v2, zstd) inside the project file.

Why not one SQLite row per incident: a million-row import spent 5-10 s in row
INSERTs checked against a UNIQUE key, and loading the table back took 1.5 s even
through a columnar driver. As compressed Arrow columns the same million rows are
written in about 0.2 s and loaded back as the app's table in about 0.4 s, in a
quarter of the CSV file's size. The
chunks are BLOBs in the same SQLite file, so an import is still one transaction:
a crash or `kill -9` leaves the project as it was.

Layout (`incident_chunks`, schema version 3): one row per chunk of up to
CHUNK_ROWS incidents of one import; the chunk's incidents have the ids
`first_id .. first_id + rows - 1`, so ids stay stable without being stored.

De-duplication: every stored `source_key` is loaded once per import (only that
column is decompressed) into a `KnownKeys`, and rows whose key it already holds
are not written. Keys written earlier in the same import join it, so two
overlapping files in one request are de-duplicated against each other too.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Callable, Iterator

from stationmap.core.model import INCIDENT_COLUMNS

# numpy, pyarrow and pandas are imported where they are used: the window opens a project
# (store.project imports this module) before its first map needs any of them, and at start-up
# that map's incidents are read on a worker, which imports them beside the page loading.
if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import pyarrow as pa

# Rows per chunk: bounded BLOBs (about 15 MB) and a progress step per chunk, while
# per-chunk overhead (headers, one SQLite row) stays invisible.
CHUNK_ROWS = 262_144
# zstd: a million incidents take 31 MB (lz4: 59 MB, none: 124 MB) at the same import and load
# times here (import 1.79-1.89 s either way, load 0.37 vs 0.41 s); files travel on USB sticks.
COMPRESSION = "zstd"
# Chunks compressed at once during an import (the machines this runs on have two cores or more).
ENCODING_THREADS = 2

_FLOAT_COLUMNS = ("lat", "lon", "weight")
_INT_COLUMNS = ("start_ts", "end_ts", "time_known")
_SMALL_INT_COLUMNS = ("time_known",)  # 0/1: one byte is enough on disk; read back as int64

CREATE_TABLE = """CREATE TABLE incident_chunks (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    first_id INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    data BLOB NOT NULL
)"""


def storage_schema() -> "pa.Schema":
    import pyarrow as pa

    def kind(name: str) -> "pa.DataType":
        if name in _FLOAT_COLUMNS:
            return pa.float64()
        if name in _SMALL_INT_COLUMNS:
            return pa.int8()
        if name in _INT_COLUMNS:
            return pa.int64()
        return pa.large_string()  # the type pandas' "str" columns hold: no copy either way

    return pa.schema([pa.field(name, kind(name)) for name in INCIDENT_COLUMNS])


def to_arrow(frame: "pd.DataFrame") -> "pa.Table":
    """`frame[INCIDENT_COLUMNS]` as a table of the storage schema; missing text becomes "".

    Categorical text columns (the normaliser's low-cardinality ones) stay Arrow
    dictionaries: smaller chunks, written faster, decoded on reading.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    schema = storage_schema()
    columns = []
    for field in schema:
        if field.name not in frame.columns:
            columns.append(pa.nulls(len(frame), field.type) if field.name in _INT_COLUMNS + _FLOAT_COLUMNS
                           else pa.array(np.full(len(frame), ""), type=field.type))
            continue
        values = frame[field.name]
        if field.name in _FLOAT_COLUMNS:
            array = pa.array(values.to_numpy(dtype=np.float64, na_value=np.nan), type=field.type)
        elif field.name in _INT_COLUMNS:
            array = pa.array(values, type=field.type, from_pandas=True)
        else:
            array = pa.array(values, from_pandas=True)
            if not pa.types.is_dictionary(array.type) or array.null_count:
                array = pc.fill_null(array.cast(field.type), "")
        columns.append(array)
    return pa.Table.from_arrays(columns, names=schema.names)


def _plain_text(table: "pa.Table") -> "pa.Table":
    """Dictionary-encoded text decoded, so that chunks written either way concatenate."""
    import pyarrow as pa

    for index, field in enumerate(table.schema):
        if pa.types.is_dictionary(field.type):
            table = table.set_column(index, field.name, table.column(index).cast(pa.large_string()))
    return table


def _encode(table: "pa.Table") -> memoryview:
    """The chunk as Feather v2 bytes, handed to SQLite without another copy."""
    import pyarrow as pa
    import pyarrow.feather as feather

    sink = pa.BufferOutputStream()
    feather.write_feather(table, sink, compression=COMPRESSION)
    return memoryview(sink.getvalue())


def _decode(blob: bytes, columns: list[str] | None = None) -> "pa.Table":
    import pyarrow as pa
    import pyarrow.feather as feather

    return feather.read_table(pa.BufferReader(blob), columns=columns, memory_map=False)


class KnownKeys:
    """The source keys a project holds, for telling new rows from duplicates."""

    def __init__(self, db: sqlite3.Connection) -> None:
        import pyarrow as pa

        arrays = [_decode(blob, ["source_key"]).column(0)
                  for (blob,) in db.execute("SELECT data FROM incident_chunks ORDER BY id")]
        self._keys = pa.chunked_array([chunk for array in arrays for chunk in array.chunks],
                                      type=pa.large_string())

    def new_rows(self, keys: "pa.Array") -> "np.ndarray":
        """True where `keys` holds a key not seen before."""
        import numpy as np
        import pyarrow.compute as pc

        if len(self._keys) == 0:
            return np.ones(len(keys), dtype=bool)
        return ~np.asarray(pc.is_in(keys, value_set=self._keys.combine_chunks()), dtype=bool)

    def add(self, keys: "pa.Array") -> None:
        import pyarrow as pa

        self._keys = pa.chunked_array([*self._keys.chunks, keys.cast(pa.large_string())])


def append(db: sqlite3.Connection, import_id: int, table: "pa.Table", known: KnownKeys,
           progress: Callable[[int, int], None] | None = None) -> int:
    """Store the rows of `table` (storage schema) whose key `known` lacks; return how many."""
    keys = table.column("source_key").combine_chunks()
    fresh = known.new_rows(keys)
    if not fresh.all():
        table = table.filter(fresh)
        keys = keys.filter(fresh)
    known.add(keys)
    first_id = next_id(db)
    starts = range(0, table.num_rows, CHUNK_ROWS)
    # Compression releases the GIL: the chunks are encoded on a second core while SQLite stores
    # the ones already done (map() yields them in order).
    from concurrent.futures import ThreadPoolExecutor   # imports only: the project opens without it

    with ThreadPoolExecutor(max_workers=ENCODING_THREADS, thread_name_prefix="chunk") as pool:
        encoded = pool.map(_encode, (table.slice(start, CHUNK_ROWS) for start in starts))
        for start, blob in zip(starts, encoded):
            if progress is not None:
                progress(start, table.num_rows)
            rows = min(CHUNK_ROWS, table.num_rows - start)
            db.execute("INSERT INTO incident_chunks (import_id, first_id, rows, data) VALUES (?, ?, ?, ?)",
                       (import_id, first_id + start, rows, blob))
    return table.num_rows


def next_id(db: sqlite3.Connection) -> int:
    row = db.execute("SELECT max(first_id + rows) FROM incident_chunks").fetchone()
    return int(row[0] or 1)


def count(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT coalesce(sum(rows), 0) FROM incident_chunks").fetchone()[0])


def _chunks(db: sqlite3.Connection) -> Iterator[tuple[int, int, int, int, bytes]]:
    return db.execute("SELECT id, import_id, first_id, rows, data FROM incident_chunks ORDER BY first_id")


def _ids(first_id: int, rows: int) -> "np.ndarray":
    import numpy as np

    return np.arange(first_id, first_id + rows, dtype=np.int64)


def read_columns(db: sqlite3.Connection, columns: dict[str, str]) -> "tuple[np.ndarray, pa.Table]":
    """The ids and `columns` (name -> Arrow type name) of every incident, in id order, without pandas.

    Only the asked columns are decompressed; text stored dictionary-encoded comes back plain,
    numbers as the asked type (nulls stay null). The ids are a numpy array: pyarrow imports pandas
    when it is handed a numpy array, if it can. (The map's first draw uses this at start-up,
    before pandas is imported: see ui.map_first.)
    """
    import numpy as np
    import pyarrow as pa

    schema = pa.schema([pa.field(name, pa.type_for_alias(kind)) for name, kind in columns.items()])
    tables, ids = [], []
    for _chunk_id, _import_id, first_id, rows, blob in _chunks(db):
        chunk = _decode(blob, list(columns))
        tables.append(pa.Table.from_arrays([chunk.column(field.name).cast(field.type) for field in schema],
                                           schema=schema))
        ids.append(_ids(first_id, rows))
    return (np.concatenate(ids) if ids else np.zeros(0, np.int64),
            pa.concat_tables(tables) if tables else schema.empty_table())


def fingerprint(db: sqlite3.Connection, salt: str) -> str:
    """A SHA-256 of every chunk (ids, rows and bytes, not decoded) and of `salt`: any import,
    recategorisation or migration changes it (0.02 s for the 31 MB of a million incidents)."""
    import hashlib

    digest = hashlib.sha256(salt.encode())
    for chunk_id, import_id, first_id, rows, blob in _chunks(db):
        digest.update(f"{chunk_id},{import_id},{first_id},{rows},{len(blob)};".encode())
        digest.update(blob)
    return digest.hexdigest()


def read_all(db: sqlite3.Connection) -> "pd.DataFrame":
    """Every incident: `id`, INCIDENT_COLUMNS, `import_id`, in id order.

    Types as the rest of the app expects them: text as pandas "str" ("" when
    empty), lat/lon/weight float64 (NaN when missing), times int64, or the
    nullable Int64 when some are missing.
    """
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    tables, ids, import_ids = [], [], []
    for _chunk_id, import_id, first_id, rows, blob in _chunks(db):
        tables.append(_plain_text(_decode(blob)))
        ids.append(_ids(first_id, rows))
        import_ids.append(np.full(rows, import_id, dtype=np.int64))
    schema = storage_schema()
    table = pa.concat_tables(tables) if tables else schema.empty_table()
    data: dict[str, pd.Series] = {"id": pd.Series(np.concatenate(ids) if ids else np.zeros(0, np.int64))}
    for field in schema:
        column = table.column(field.name)
        if field.name in _FLOAT_COLUMNS:
            data[field.name] = pd.Series(column.to_numpy(), dtype=np.float64)
        elif field.name in _INT_COLUMNS:
            data[field.name] = (pd.Series(column.to_numpy(), dtype=np.int64) if column.null_count == 0
                                else column.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get))
        else:
            data[field.name] = pd.Series(column.to_pandas(), dtype="str")
    data["import_id"] = pd.Series(np.concatenate(import_ids) if import_ids else np.zeros(0, np.int64))
    return pd.DataFrame(data)


def move_rows_into_chunks(db: sqlite3.Connection, table: str, types: dict[str, str],
                          batch_rows: int = CHUNK_ROWS) -> None:
    """Copy a version-2 `incidents` table (one row per incident) into chunks, keeping every id.

    Ids were given in import order, so each import's are one run; a gap (never made
    by the app, but possible in a hand-edited file) starts a new chunk.
    """
    import numpy as np

    from stationmap.store.tables import read_frame, select_all_sql

    sql = select_all_sql(table, ["id", *INCIDENT_COLUMNS, "import_id"], types, where="id > ?") + " LIMIT ?"
    last_id = 0
    while True:
        rows = read_frame(db, sql, types, (last_id, batch_rows))
        if rows.empty:
            return
        ids, import_ids = rows["id"].to_numpy(), rows["import_id"].to_numpy()
        breaks = np.flatnonzero((np.diff(ids) != 1) | (np.diff(import_ids) != 0)) + 1
        for run in np.split(np.arange(len(rows)), breaks):
            first = int(run[0])
            piece = to_arrow(rows.iloc[run])
            db.execute("INSERT INTO incident_chunks (import_id, first_id, rows, data) VALUES (?, ?, ?, ?)",
                       (int(import_ids[first]), int(ids[first]), piece.num_rows, _encode(piece)))
        last_id = int(ids[-1])


def rewrite(db: sqlite3.Connection, change: Callable[["pa.Table"], "pa.Table | None"]) -> int:
    """Run `change` over every chunk and store what it returns (None: unchanged); chunks rewritten."""
    rewritten = 0
    for chunk_id, _import_id, _first_id, rows, blob in list(_chunks(db)):
        changed = change(_plain_text(_decode(blob)))
        if changed is None:
            continue
        assert changed.num_rows == rows, "a rewrite keeps every row (ids are positions)"
        db.execute("UPDATE incident_chunks SET data = ? WHERE id = ?", (_encode(changed), chunk_id))
        rewritten += 1
    return rewritten
