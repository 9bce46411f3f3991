"""Moving whole tables between pandas and SQLite quickly.

Whole tables are read column-wise through ADBC when it is installed, else with one
SELECT transposed once per column; inserts go through `executemany` over a zip of
per-column Python lists, never row by row in Python.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

INTEGER, REAL, TEXT = "INTEGER", "REAL", "TEXT"
log = logging.getLogger(__name__)


def sql_values(series: "pd.Series") -> list[Any]:
    """A column as Python values SQLite can bind, missing values as NULL."""
    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        return series.to_numpy().tolist()  # SQLite stores a bound NaN as NULL
    if isinstance(dtype, np.dtype) and dtype.kind in "iub":
        return series.to_numpy().tolist()
    if _few_distinct(series):
        # District, category, status...: one Python string per distinct value, shared by
        # every row, is several times cheaper than one per cell.
        import pandas as pd

        codes, uniques = pd.factorize(series)
        lookup = np.array([*uniques.tolist(), None], dtype=object)  # code -1 (missing) -> None
        return lookup[codes].tolist()
    return series.to_numpy(dtype=object, na_value=None).tolist()


def _few_distinct(series: "pd.Series", probe: int = 2000) -> bool:
    head = series.iloc[:probe]
    return len(series) > probe and head.nunique(dropna=False) < len(head) // 20


def insert_frame(db: sqlite3.Connection, table: str, frame: "pd.DataFrame",
                 columns: Iterable[str], extra: dict[str, Any], *,
                 or_ignore: bool = False) -> int:
    """Insert `frame[columns]` plus constant `extra` columns; return rows actually inserted.

    With `or_ignore`, rows whose UNIQUE key already exists are skipped and simply
    not counted, which is how the import job counts duplicates.
    """
    names = list(columns)
    values = [sql_values(frame[name]) if name in frame.columns else [None] * len(frame)
              for name in names]
    names += list(extra)
    values += [[value] * len(frame) for value in extra.values()]
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    placeholders = ", ".join("?" * len(names))
    quoted = ", ".join(f'"{name}"' for name in names)
    before = db.total_changes
    db.executemany(f"{verb} INTO {table} ({quoted}) VALUES ({placeholders})", zip(*values))
    return db.total_changes - before


def read_frame(db: sqlite3.Connection, sql: str, types: dict[str, str],
               params: tuple = ()) -> "pd.DataFrame":
    """Run one SELECT and build a DataFrame column by column with the given SQL types.

    INTEGER columns with NULLs become pandas' nullable Int64; REAL become float64
    (NULL -> NaN); TEXT become strings, NULL read as "".
    """
    import pandas as pd

    cursor = db.execute(sql, params)
    names = [description[0] for description in cursor.description]
    rows = cursor.fetchall()
    columns = zip(*rows) if rows else [()] * len(names)
    data = {name: _column(list(cells), types.get(name, TEXT))
            for name, cells in zip(names, columns)}
    return pd.DataFrame(data, columns=names)


def select_all_sql(table: str, columns: list[str], types: dict[str, str],
                   order_by: str = "id") -> str:
    """`SELECT` of whole columns, TEXT NULLs as "" so a text column is all text."""
    parts = [f'coalesce("{c}", \'\') AS "{c}"' if types.get(c, TEXT) == TEXT else f'"{c}"'
             for c in columns]
    return f"SELECT {', '.join(parts)} FROM {table} ORDER BY {order_by}"


def read_table_arrow(path: Path, sql: str, types: dict[str, str],
                     row_count: int) -> "pd.DataFrame | None":
    """The result of `sql` read column-wise through the ADBC SQLite driver, or None without it.

    Python's sqlite3 makes one object per cell (about 10 s for a million incidents);
    ADBC hands over Arrow columns (about 1.5 s). The driver guesses each column's
    type from its first batch and fails when a later batch disagrees (a column NULL
    in every early row), so the whole result is read as one batch.

    Callers must make sure no write transaction of this process is open meanwhile
    (see project._ForeignReadGuard): closing this connection drops its POSIX locks.
    """
    try:
        import adbc_driver_sqlite.dbapi as adbc
    except ImportError:
        return None
    import pandas as pd
    import pyarrow as pa

    try:
        connection = adbc.connect(f"{path.resolve().as_uri()}?mode=ro")
        try:
            cursor = connection.cursor()
            cursor.adbc_statement.set_options(
                **{"adbc.sqlite.query.batch_rows": str(max(row_count, 1))})
            cursor.execute(sql)
            result = cursor.fetch_arrow_table()
            cursor.close()
        finally:
            connection.close()
    except Exception:  # noqa: BLE001 - any driver trouble: the plain reader still works
        log.warning("ADBC read failed; using the row reader", exc_info=True)
        return None
    data = {}
    for name, column in zip(result.column_names, result.columns):
        kind = types.get(name, TEXT)
        if kind == REAL:
            data[name] = pd.Series(column.cast(pa.float64()).to_numpy())
        elif kind == INTEGER:
            numbers = column.cast(pa.int64())
            data[name] = (pd.Series(numbers.to_numpy()) if numbers.null_count == 0
                          else pd.Series(pd.array(numbers.to_pylist(), dtype="Int64")))
        else:
            data[name] = pd.Series(column.cast(pa.string()).to_pandas(), dtype="str")
    return pd.DataFrame(data, columns=result.column_names)


def _column(cells: list, sql_type: str) -> "pd.Series":
    import pandas as pd

    if sql_type == REAL:
        return pd.Series(np.array(cells, dtype=np.float64))  # None -> nan
    if sql_type == INTEGER:
        if None in cells:
            return pd.Series(pd.array(cells, dtype="Int64"))
        return pd.Series(np.array(cells, dtype=np.int64))
    return pd.Series(["" if cell is None else cell for cell in cells], dtype="str")
