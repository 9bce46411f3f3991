"""The layout of a .stationmap file (SQLite) and the steps that upgrade older layouts.

A project is recognised by SQLite's `application_id` header field; its layout
version is `PRAGMA user_version`. Version history (each step in `MIGRATIONS`):

- 1: first released layout: incidents, counts, imports, rejections, mapping
  profiles, category table, meta.
- 2: adds `assets` (geography and basemap packs stored inside the project, so a
  station's file travels alone on a USB stick).
- 3: incidents move from one SQLite row each to compressed Arrow column chunks
  (`incident_chunks`, see store.incident_chunks): ten times faster to import and
  to load. Their ids are kept.
- 4: rows without a source id get order-free content keys ('c:', io.normalize.source_keys) instead of
  a hash of every cell in column order ('h:'). No table changes: a project that already holds
  incidents is marked (meta LEGACY_ROW_KEYS) so that its imports also compute the old key and
  recognise the rows it holds.
- 5: a rejected row keeps its cells as read (`rejections.cells`, JSON {column: text}), so the rows
  can be exported, corrected and imported again.

A migration step is a function taking an open connection inside the caller's
transaction; it must leave the file at version N+1.
"""

from __future__ import annotations

import sqlite3
from typing import Callable

from stationmap.core.model import COUNT_COLUMNS, INCIDENT_COLUMNS

# "StMp" in ASCII: a random SQLite file has 0 here, so we can say "not a project".
APPLICATION_ID = 0x53744D70
SCHEMA_VERSION = 5
# meta key (value JSON true) of a project whose incidents may carry first-scheme ('h:') keys.
LEGACY_ROW_KEYS = "legacy_row_keys"

INCIDENT_TYPES: dict[str, str] = {
    "start_ts": "INTEGER", "end_ts": "INTEGER", "time_known": "INTEGER",
    "lat": "REAL", "lon": "REAL", "weight": "REAL",
}
COUNT_TYPES: dict[str, str] = {"year": "INTEGER", "month": "INTEGER", "count": "REAL"}


def _columns_ddl(columns: tuple[str, ...], types: dict[str, str]) -> str:
    parts = []
    for name in columns:
        kind = types.get(name, "TEXT")
        unique = " NOT NULL UNIQUE" if name == "source_key" else ""
        parts.append(f'"{name}" {kind}{unique}')
    return ",\n    ".join(parts)


# Version 1 tables, kept as they were released so migrations start from the real thing.
_V1_TABLES = f"""
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    files TEXT NOT NULL,
    sha256s TEXT NOT NULL,
    rows_read INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    report_json TEXT
);
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    {_columns_ddl(INCIDENT_COLUMNS, INCIDENT_TYPES)},
    import_id INTEGER NOT NULL REFERENCES imports(id)
);
CREATE TABLE counts (
    id INTEGER PRIMARY KEY,
    {_columns_ddl(COUNT_COLUMNS, COUNT_TYPES)},
    import_id INTEGER NOT NULL REFERENCES imports(id)
);
CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id),
    file TEXT NOT NULL,
    row INTEGER NOT NULL,
    code TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{{}}'
);
CREATE INDEX rejections_by_import ON rejections(import_id);
CREATE TABLE mapping_profiles (
    name TEXT PRIMARY KEY,
    mapping TEXT NOT NULL
);
CREATE TABLE category_table (
    raw TEXT PRIMARY KEY,
    category TEXT NOT NULL,
    weight REAL NOT NULL
);
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def _v1_to_v2(db: sqlite3.Connection) -> None:
    db.execute("""CREATE TABLE assets (
                      name TEXT PRIMARY KEY,
                      kind TEXT NOT NULL,
                      data BLOB NOT NULL,
                      meta TEXT NOT NULL DEFAULT '{}'
                  )""")


def _v2_to_v3(db: sqlite3.Connection) -> None:
    from stationmap.store import incident_chunks

    db.execute(incident_chunks.CREATE_TABLE)
    incident_chunks.move_rows_into_chunks(db, "incidents", _row_types())
    db.execute("DROP TABLE incidents")


def _v3_to_v4(db: sqlite3.Connection) -> None:
    # Only a project with incidents can hold 'h:' keys; a new or empty one never computes them.
    if db.execute("SELECT 1 FROM incident_chunks LIMIT 1").fetchone():
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, 'true')", (LEGACY_ROW_KEYS,))


def _v4_to_v5(db: sqlite3.Connection) -> None:
    db.execute("ALTER TABLE rejections ADD COLUMN cells TEXT")   # NULL for rows rejected before


def _row_types() -> dict[str, str]:
    return {"id": "INTEGER", "import_id": "INTEGER", **INCIDENT_TYPES}


# MIGRATIONS[n] upgrades a version-n file to version n+1.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4,
                                                              4: _v4_to_v5}


def create_schema(db: sqlite3.Connection) -> None:
    """Lay out a fresh project: the version-1 tables, then every migration step.

    Building new files through the same steps as old ones keeps the two from drifting.
    """
    for statement in _split(_V1_TABLES):
        db.execute(statement)
    for version in range(1, SCHEMA_VERSION):
        MIGRATIONS[version](db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def migrate(db: sqlite3.Connection, from_version: int) -> None:
    """Run every step from `from_version` to SCHEMA_VERSION (inside the caller's transaction)."""
    for version in range(from_version, SCHEMA_VERSION):
        MIGRATIONS[version](db)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _split(script: str) -> list[str]:
    # executescript() would commit the open transaction; single statements keep it atomic.
    return [part.strip() for part in script.split(";") if part.strip()]
