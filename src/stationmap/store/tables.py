"""Moving whole tables between pandas and SQLite quickly.

One SELECT fetched as tuples and transposed once per column is several times
faster than `pandas.read_sql` for a million rows; inserts go through
`executemany` over a zip of per-column Python lists, never row by row in Python.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, Iterable

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

INTEGER, REAL, TEXT = "INTEGER", "REAL", "TEXT"


def sql_values(series: "pd.Series") -> list[Any]:
    """A column as Python values SQLite can bind, missing values as NULL."""
    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind == "f":
        return series.to_numpy().tolist()  # SQLite stores a bound NaN as NULL
    if isinstance(dtype, np.dtype) and dtype.kind in "iub":
        return series.to_numpy().tolist()
    return series.to_numpy(dtype=object, na_value=None).tolist()


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


def read_table_columnar(db: sqlite3.Connection, table: str, types: dict[str, str],
                        columns: list[str], order_by: str = "id") -> "pd.DataFrame":
    """A whole table, fast: text and integer columns joined by SQLite into one string each.

    Fetching a million rows as tuples costs a Python object per cell; letting SQLite
    join a column into one string and splitting it in C is several times faster.
    REAL columns are fetched as tuples (SQLite prints doubles with 15 digits, which
    would not round-trip). A text containing the separator would misalign a column,
    so any count mismatch falls back to the plain row fetch.
    """
    import pandas as pd

    quoted = {name: f'"{name}"' for name in columns}
    plain_sql = f"SELECT {', '.join(quoted.values())} FROM {table} ORDER BY {order_by}"
    row_count = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if row_count == 0:
        return read_frame(db, plain_sql, types)
    reals = [name for name in columns if types.get(name, TEXT) == REAL]
    joinable = [name for name in columns if name not in reals]
    aggregates = ", ".join(f"group_concat(coalesce({quoted[name]}, ''), char(31))"
                           for name in joinable)
    # group_concat follows the scan order; the ordered subquery pins it to `order_by`.
    joined = db.execute(f"SELECT {aggregates} FROM "
                        f"(SELECT * FROM {table} ORDER BY {order_by})").fetchone()
    split = [text.split(SEPARATOR) for text in joined]
    if any(len(values) != row_count for values in split):
        return read_frame(db, plain_sql, types)
    data = {name: _parsed(values, types.get(name, TEXT)) for name, values in zip(joinable, split)}
    if reals:
        real_sql = (f"SELECT {', '.join(quoted[name] for name in reals)} FROM {table} "
                    f"ORDER BY {order_by}")
        data.update(read_frame(db, real_sql, types).items())
    return pd.DataFrame(data, columns=columns)


SEPARATOR = "\x1f"  # ASCII unit separator: never typed by a person


def _parsed(values: list[str], sql_type: str) -> "pd.Series":
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if sql_type == TEXT:
        return pd.Series(values, dtype="str")
    text = pa.array(values, pa.string())
    numbers = pc.cast(pc.if_else(pc.equal(text, ""), pa.scalar(None, pa.string()), text),
                      pa.int64())
    if numbers.null_count:
        return pd.Series(pd.array(numbers.to_pylist(), dtype="Int64"))
    return pd.Series(numbers.to_numpy())


def _column(cells: list, sql_type: str) -> "pd.Series":
    import pandas as pd

    if sql_type == REAL:
        return pd.Series(np.array(cells, dtype=np.float64))  # None -> nan
    if sql_type == INTEGER:
        if None in cells:
            return pd.Series(pd.array(cells, dtype="Int64"))
        return pd.Series(np.array(cells, dtype=np.int64))
    return pd.Series(["" if cell is None else cell for cell in cells], dtype="str")
