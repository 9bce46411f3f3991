"""One station's data in one .stationmap file (SQLite).

Safety rests on SQLite's rollback journal with `synchronous=FULL`: a write is
one transaction, and a crash or `kill -9` half-way leaves a hot journal that
SQLite rolls back the next time the file is opened. The rollback journal (not
WAL) keeps the project a single file between sessions, which matters when it
travels on a USB stick.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from stationmap.core.errors import ProjectError
from stationmap.core.model import COUNT_COLUMNS
from stationmap.store import file_errors, incident_chunks, schema
from stationmap.store.tables import INTEGER, REAL, read_frame, select_all_sql

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    from stationmap.io.categories import CategoryTable
    from stationmap.io.mapping import ColumnMapping

log = logging.getLogger(__name__)
SQLITE_MAGIC = b"SQLite format 3\x00"
PROJECT_SUFFIX = ".stationmap"
# Page cache: incident chunks are large BLOBs written once; a modest cache suffices.
CACHE_KIB = 64 * 1024

_COUNT_TYPES = {"id": INTEGER, "import_id": INTEGER, **schema.COUNT_TYPES}
_IMPORT_TYPES = {name: INTEGER for name in
                 ("id", "rows_read", "imported", "duplicates", "rejected")}



def with_project_suffix(path: Path) -> Path:
    """`path` with the .stationmap suffix added when it has none (in any case), as a new project's
    file is named by the window's save dialog and by `stationmap import --project`."""
    return path if path.suffix.lower() == PROJECT_SUFFIX else path.with_name(path.name + PROJECT_SUFFIX)

def now_text() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


class Project:
    """An open project file. Use `create` or `open`, then `close` (or `with`)."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self.db = db

    # --- opening ------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path) -> "Project":
        path = Path(path)
        _check_path_length(path)
        if path.exists():
            raise ProjectError("project.already_exists", path=str(path))
        project = cls._connected(path)
        db = project.db
        try:
            with project.transaction():
                schema.create_schema(db)
        except BaseException:
            db.close()
            path.unlink(missing_ok=True)  # never leave a file that looks like a project but is not
            raise
        return project

    @classmethod
    def open(cls, path: str | Path) -> "Project":
        path = Path(path)
        _check_path_length(path)
        if not path.exists():
            raise ProjectError("project.not_found", path=str(path))
        try:
            is_sqlite = path.is_file() and _has_sqlite_magic(path)
        except OSError as error:  # no permission, a disk that went away
            raise _unreadable(path, error) from error
        if not is_sqlite:
            raise ProjectError("project.not_a_project", path=str(path))
        try:
            db = _connect(path)
        except sqlite3.Error as error:
            raise _opening_error(path, error) from error
        try:
            version = _check_identity(path, db)
            if version < schema.SCHEMA_VERSION:
                db.close()
                return cls._migrated(path, version)
        except BaseException:
            db.close()
            raise
        return cls(path, db)

    @classmethod
    def _migrated(cls, path: Path, version: int) -> "Project":
        """The project at `path`, brought up to this version's format after a backup of the old file.

        Updating needs writing; a write-protected old project is refused with a message that says so
        (and what to do), and the backup that could not be used is not left behind."""
        backup = _backup(path, version)
        project = cls._connected(path)
        db = project.db
        try:
            with project.transaction():
                schema.migrate(db, version)
        except ProjectError as error:
            db.close()
            if error.code != "project.read_only":
                raise
            backup.unlink(missing_ok=True)   # a copy of a file that stays as it was
            raise ProjectError("project.needs_upgrade_read_only", path=str(path)) from error
        except BaseException:
            db.close()
            raise
        _give_back_free_pages(db)
        return project

    @classmethod
    def _connected(cls, path: Path) -> "Project":
        """The project at `path` on a new connection, for writing its schema (create, migrate)."""
        try:
            return cls(path, _connect(path))
        except sqlite3.Error as error:
            raise _explained(path, error) from error

    @classmethod
    def open_or_create(cls, path: str | Path) -> "Project":
        return cls.open(path) if Path(path).exists() else cls.create(path)

    def writable(self) -> bool:
        """Whether the file and its folder (for the journal) can be written now: False on a locked
        stick, a read-only folder, or a file that has gone. A hint for optional writes only; a
        real write still says why it failed."""
        return os.access(self.path, os.W_OK) and os.access(self.path.parent, os.W_OK | os.X_OK)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes inside happen together or not at all (nested uses join the outer one)."""
        if self.db.in_transaction:
            yield self.db
            return
        with self._translated():
            self.db.execute("BEGIN IMMEDIATE")
        try:
            # The writes in between fail the same ways as BEGIN and COMMIT do (read-only stick,
            # stick pulled out, disk full): they are said in words too.
            with self._translated():
                yield self.db
        except BaseException:
            self._roll_back()
            raise
        try:
            with self._translated():
                self.db.commit()
        except BaseException:
            self._roll_back()   # a failed COMMIT leaves the transaction open; the next write must not join it
            raise

    def _roll_back(self) -> None:
        """Undo the open transaction. If even that fails (the disk is gone), the journal stays
        beside the file and SQLite rolls it back the next time the project is opened."""
        try:
            if self.db.in_transaction:
                self.db.rollback()
        except sqlite3.Error:
            log.warning("rollback of %s failed; the journal undoes it on the next open", self.path,
                        exc_info=True)

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """SQLite's own errors become ProjectErrors a user can read (store.file_errors)."""
        try:
            yield
        except sqlite3.Error as error:
            explained = file_errors.sqlite_error(self.path, error)
            if explained is None:
                raise
            raise explained from error

    # --- tables -------------------------------------------------------------------------
    def incidents(self) -> "pd.DataFrame":
        """Every incident: `id`, INCIDENT_COLUMNS and `import_id` (see store.incident_chunks)."""
        with self._translated(), self._damage_translated():
            return incident_chunks.read_all(self.db)

    def incident_columns(self, columns: dict[str, str]) -> "tuple[np.ndarray, pa.Table]":
        """The ids and `columns` (name -> Arrow type name) of every incident, read without pandas."""
        with self._translated(), self._damage_translated():
            return incident_chunks.read_columns(self.db, columns)

    def incidents_fingerprint(self, salt: str) -> str:
        """Changes whenever the stored incidents do (store.incident_chunks.fingerprint)."""
        with self._translated():
            return incident_chunks.fingerprint(self.db, salt)

    def counts(self) -> "pd.DataFrame":
        columns = ["id", *COUNT_COLUMNS, "import_id"]
        with self._translated():
            return read_frame(self.db, select_all_sql("counts", columns, _COUNT_TYPES), _COUNT_TYPES)

    def has_counts(self) -> bool:
        """Whether the count table (SIDPOL-style aggregates) has any row; cheap, no data frame."""
        with self._translated():
            return self.db.execute("SELECT 1 FROM counts LIMIT 1").fetchone() is not None

    def counts_extent(self) -> tuple[int, int, int] | None:
        """(rows, first month, last month as yyyymm) of the count table; None when it is empty. No data frame."""
        with self._translated():
            rows, first, last = self.db.execute(
                "SELECT count(*), min(year * 100 + month), max(year * 100 + month) FROM counts").fetchone()
        return (int(rows), int(first), int(last)) if rows else None

    def incident_count(self) -> int:
        with self._translated():
            return incident_chunks.count(self.db)

    @contextmanager
    def _damage_translated(self) -> Iterator[None]:
        """A chunk that SQLite returns intact but Arrow cannot read is damage too."""
        import pyarrow as pa

        try:
            yield
        except (pa.ArrowInvalid, OSError) as error:
            log.warning("unreadable chunk in %s: %s", self.path, error)
            raise ProjectError("project.damaged", path=str(self.path)) from error

    def imports(self) -> "pd.DataFrame":
        """The import history; each report's warnings carry a "message" in the current language."""
        with self._translated():
            frame = read_frame(self.db, "SELECT id, started_at, finished_at, files, sha256s, "
                               "rows_read, imported, duplicates, rejected, report_json "
                               "FROM imports ORDER BY id", _IMPORT_TYPES)
        frame["report_json"] = [rendered_report_json(text) for text in frame["report_json"]]
        return frame

    def rejections(self, import_id: int | None = None) -> "pd.DataFrame":
        import pandas as pd

        from stationmap.core.messages import render

        sql = "SELECT import_id, file, row, code, data, cells FROM rejections"
        params: tuple = ()
        if import_id is not None:
            sql, params = sql + " WHERE import_id = ?", (import_id,)
        with self._translated():
            rows = self.db.execute(sql + " ORDER BY id", params).fetchall()
        return pd.DataFrame({
            "import_id": pd.Series([r[0] for r in rows], dtype="int64"),
            "file": pd.Series([r[1] for r in rows], dtype="str"),
            "row": pd.Series([r[2] for r in rows], dtype="int64"),
            "code": pd.Series([r[3] for r in rows], dtype="str"),
            "message": pd.Series([render(r[3], json.loads(r[4])) for r in rows], dtype="str"),
            # the row as read ({column: text}); None for rows rejected before files kept them
            "cells": pd.Series([None if r[5] is None else json.loads(r[5]) for r in rows], dtype="object"),
        })

    # --- category table and mapping profiles --------------------------------------------
    def category_table(self) -> "CategoryTable":
        from stationmap.io.categories import CategoryTable

        with self._translated():
            frame = read_frame(self.db, "SELECT raw, category, weight FROM category_table "
                               "ORDER BY rowid", {"weight": REAL})
        return CategoryTable.from_frame(frame) if len(frame) else CategoryTable.default()

    def save_category_table(self, table: "CategoryTable") -> None:
        frame = table.to_frame()
        rows = zip(frame["raw"].astype(str).tolist(), frame["category"].astype(str).tolist(),
                   frame["weight"].astype(float).tolist())
        with self.transaction() as db, self._translated():
            db.execute("DELETE FROM category_table")
            db.executemany("INSERT OR REPLACE INTO category_table (raw, category, weight) "
                           "VALUES (?, ?, ?)", rows)

    def mapping_profiles(self) -> dict[str, "ColumnMapping"]:
        from stationmap.io.mapping import ColumnMapping

        with self._translated():
            rows = self.db.execute("SELECT name, mapping FROM mapping_profiles ORDER BY name")
            return {name: ColumnMapping.from_json(json.loads(text)) for name, text in rows}

    def save_mapping_profile(self, name: str, mapping: "ColumnMapping") -> None:
        with self.transaction() as db, self._translated():
            db.execute("INSERT OR REPLACE INTO mapping_profiles (name, mapping) VALUES (?, ?)",
                       (name, json.dumps(mapping.to_json(), ensure_ascii=False)))

    # --- assets and meta ----------------------------------------------------------------
    def put_asset(self, name: str, kind: str, data: bytes, meta: dict | None = None) -> None:
        with self.transaction() as db, self._translated():
            db.execute("INSERT OR REPLACE INTO assets (name, kind, data, meta) VALUES (?, ?, ?, ?)",
                       (name, kind, sqlite3.Binary(data), json.dumps(meta or {}, ensure_ascii=False)))

    def delete_asset(self, name: str) -> None:
        with self.transaction() as db, self._translated():
            db.execute("DELETE FROM assets WHERE name = ?", (name,))

    def asset(self, name: str) -> bytes | None:
        with self._translated():
            row = self.db.execute("SELECT data FROM assets WHERE name = ?", (name,)).fetchone()
        return bytes(row[0]) if row else None

    def assets(self, kind: str | None = None) -> list[dict]:
        sql = "SELECT name, kind, length(data), meta FROM assets"
        params: tuple = ()
        if kind is not None:
            sql, params = sql + " WHERE kind = ?", (kind,)
        with self._translated():
            rows = self.db.execute(sql + " ORDER BY name", params).fetchall()
        return [{"name": n, "kind": k, "size": s, "meta": json.loads(m)} for n, k, s, m in rows]

    def get_meta(self, key: str, default: Any = None) -> Any:
        with self._translated():
            row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_meta(self, key: str, value: Any) -> None:
        with self.transaction() as db, self._translated():
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                       (key, json.dumps(value, ensure_ascii=False)))


# --- helpers ------------------------------------------------------------------------------
def rendered_report_json(text: Any, language: str | None = None) -> Any:
    """A stored import report with a "message" on each warning, rendered from its code and data.

    Reports store warnings as code + data so that a Spanish import reads in English in an English
    window; records written before that hold only the finished "message", which is kept as it is.
    """
    from stationmap.core.messages import render

    try:
        report = json.loads(text) if text else None
    except (TypeError, ValueError):
        return text
    if not isinstance(report, dict) or not isinstance(report.get("warnings"), list):
        return text
    for warning in report["warnings"]:
        if isinstance(warning, dict) and "code" in warning and isinstance(warning.get("data"), dict):
            warning["message"] = render(warning["code"], warning["data"], language)
    return json.dumps(report, ensure_ascii=False)


def _explained(path: Path, error: sqlite3.Error) -> Exception:
    """`error` as the ProjectError that explains it (a programming error stays as it is)."""
    return file_errors.sqlite_error(path, error) or error


def _check_path_length(path: Path) -> None:
    """A path SQLite or the file system cannot take is said so before it fails as something vaguer
    ("unable to open database file", or an OSError from merely asking whether it exists)."""
    if file_errors.path_too_long(path):
        raise ProjectError("project.path_too_long", path=str(path))


def _opening_error(path: Path, error: sqlite3.Error) -> Exception:
    """What stopped SQLite reading an existing project. Reading a read-only file works; it fails
    only when a save was left half-done and its journal must be rolled back first, which needs
    writing. Such a project is not damaged, and must not be called so."""
    explained = _explained(path, error)
    code = explained.code if isinstance(explained, ProjectError) else None
    if code == "project.read_only":
        return ProjectError("project.read_only_unfinished_save", path=str(path))
    if code == "project.cannot_write":   # nothing is written while opening: an odd answer to a read
        return ProjectError("project.damaged", path=str(path))
    return explained


def _unreadable(path: Path, error: OSError) -> ProjectError:
    """Reading the file's first bytes failed: a disk that went away, no permission, a path too long."""
    explained = file_errors.os_error(path, error)
    if explained.code == "project.cannot_write":
        return ProjectError("project.unreadable", path=str(path), detail=explained.data["detail"])
    return explained


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, so nothing commits behind our back.
    db = sqlite3.connect(path, isolation_level=None, timeout=2.0)
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = FULL")
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    db.execute("PRAGMA temp_store = MEMORY")
    return db


def _give_back_free_pages(db: sqlite3.Connection) -> None:
    """Shrink the file after a migration that emptied tables (version 3 moved every incident).

    Best effort: the migration is committed already, and a full disk only means
    the file stays larger than it needs to be.
    """
    free, total = (db.execute(f"PRAGMA {name}").fetchone()[0] for name in ("freelist_count", "page_count"))
    if free > total // 4:
        try:
            db.execute("VACUUM")
        except sqlite3.Error:
            log.warning("VACUUM after migration failed; the project works, only larger", exc_info=True)


def _has_sqlite_magic(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def _check_identity(path: Path, db: sqlite3.Connection) -> int:
    """Return the file's schema version, or raise the ProjectError that explains why not."""
    try:
        # Reading the schema first lets SQLite roll back a hot journal left by a crash.
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        page_count = db.execute("PRAGMA page_count").fetchone()[0]
    except sqlite3.Error as error:
        raise _opening_error(path, error) from error
    if application_id != schema.APPLICATION_ID:
        raise ProjectError("project.not_a_project", path=str(path))
    if path.stat().st_size < page_size * page_count:
        log.warning("%s is shorter than its %d pages: truncated", path, page_count)
        raise ProjectError("project.damaged", path=str(path), detail="truncated")
    if version > schema.SCHEMA_VERSION:
        raise ProjectError("project.too_new", path=str(path), version=version,
                           supported=schema.SCHEMA_VERSION)
    if version < 1:
        raise ProjectError("project.damaged", path=str(path), detail=f"version {version}")
    return version


def backup_path(path: Path, version: int) -> Path:
    """`station.stationmap` at version 1 -> `station.stationmap.v1.bak` (never overwritten)."""
    candidate = path.with_name(f"{path.name}.v{version}.bak")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.v{version}.{counter}.bak")
        counter += 1
    return candidate


def _backup(path: Path, version: int) -> Path:
    target = backup_path(path, version)
    try:
        shutil.copy2(path, target)
    except OSError as error:
        with suppress(OSError):
            target.unlink(missing_ok=True)   # a half-written copy is no backup
        # The backup is only the first write of the update: say what the user asked for, the project.
        explained = file_errors.os_error(path, error)
        if explained.code == "project.read_only":
            raise ProjectError("project.needs_upgrade_read_only", path=str(path)) from error
        raise explained from error
    return target
