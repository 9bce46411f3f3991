"""Moving whole tables between pandas and SQLite quickly.

Small tables (counts, imports) are read with one SELECT transposed once per column;
inserts go through `executemany` over a zip of per-column Python lists, never row
by row in Python. Incidents, the one large table, are stored as Arrow column chunks
instead (store.incident_chunks).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any, Iterable

# numpy and pandas where they are used: store.project imports this module to open a project, which
# the window does at start-up before anything here is needed (see store.incident_chunks).
if TYPE_CHECKING:
    import pandas as pd

INTEGER, REAL, TEXT = "INTEGER", "REAL", "TEXT"


def sql_values(series: "pd.Series") -> list[Any]:
    """A column as Python values SQLite can bind, missing values as NULL."""
    import numpy as np

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
                   order_by: str = "id", where: str = "") -> str:
    """`SELECT` of whole columns, TEXT NULLs as "" so a text column is all text."""
    parts = [f'coalesce("{c}", \'\') AS "{c}"' if types.get(c, TEXT) == TEXT else f'"{c}"'
             for c in columns]
    condition = f" WHERE {where}" if where else ""
    return f"SELECT {', '.join(parts)} FROM {table}{condition} ORDER BY {order_by}"


def _column(cells: list, sql_type: str) -> "pd.Series":
    import numpy as np
    import pandas as pd

    if sql_type == REAL:
        return pd.Series(np.array(cells, dtype=np.float64))  # None -> nan
    if sql_type == INTEGER:
        if None in cells:
            return pd.Series(pd.array(cells, dtype="Int64"))
        return pd.Series(np.array(cells, dtype=np.int64))
    return pd.Series(["" if cell is None else cell for cell in cells], dtype="str")
